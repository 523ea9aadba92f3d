"""Golden labels: a set of templates and data whose exact output is kept in ``golden/``.

Each case is laid out once and rendered to ZPL (kept as its text), PDF (its title, page size and
drawing operations, decompressed) and PNG (a hash of its pixels, drawn from zint's symbols and
from the ZPL read back). test_golden.py compares every render with these files, so any change of
a position, a size, a command, an escape or a pixel shows up by case and format.

After an intended change of the output, regenerate the files, then review the diff and look at
the PNGs it writes to ``golden/png/`` (not committed) before committing:

    .venv/bin/python -m tests.unit.labels.golden_labels
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from desktop.domain.udi import ComposedUDI, compose
from desktop.labels import load_template, plan_label
from desktop.labels.items import Plan
from desktop.labels.layout import _place as place_field
from desktop.labels.pdf import pdf_from_plan
from desktop.labels.placing import Ctx
from desktop.labels.png import image_from_plan
from desktop.labels.templates import Template, template_from_dict
from desktop.labels.units import dots_per_mm
from desktop.labels.zpl import zpl_from_plan
from desktop.labels.zpl_check import plan_from_zpl
from tests.unit.labels.label_data import FIELDS, typical

GOLDEN = Path(__file__).resolve().parent / "golden"
CHINESE = "一次性使用输液泵 IP-300"
MATERIAL = {
    "part": "BOARD-IP300",
    "part_name": "Control board",
    "quantity": "50",
    "supplier": "Circuit Works",
    "status": "QUARANTINE",
    "lot": "SL-20417",
    "expiry": "2027-12-31",
}


# A label of one's own with every ISO 15223-1 symbol at two sizes, a symbol left out when the
# value it goes with is missing, a default filling a value not given, and a prefixed literal.
SYMBOLS: dict[str, object] = {
    "name": "symbols",
    "version": 3,
    "width_mm": 60.0,
    "height_mm": 30.0,
    "default_dpi": 300,
    "fields": [
        {"kind": "symbol", "id": "lot", "symbol": "lot", "x": 1, "y": 1, "size": 3},
        {"kind": "symbol", "id": "serial", "symbol": "serial", "x": 10, "y": 1, "size": 3,
         "requires": "data:serial"},
        {"kind": "symbol", "id": "ref", "symbol": "ref", "x": 18, "y": 1, "size": 3},
        {"kind": "symbol", "id": "udi", "symbol": "udi", "x": 27, "y": 1, "size": 3},
        {"kind": "symbol", "id": "md", "symbol": "md", "x": 36, "y": 1, "size": 3},
        {"kind": "symbol", "id": "sterile", "symbol": "md", "x": 44, "y": 1, "size": 3,
         "requires": "field:sterile"},
        {"kind": "symbol", "id": "use_by", "symbol": "use_by", "x": 1, "y": 6, "size": 4},
        {"kind": "symbol", "id": "made", "symbol": "manufacture_date", "x": 6, "y": 6, "size": 4},
        {"kind": "symbol", "id": "use_by_big", "symbol": "use_by", "x": 13, "y": 6, "size": 7},
        {"kind": "symbol", "id": "made_big", "symbol": "manufacture_date", "x": 19, "y": 6,
         "size": 7},
        {"kind": "symbol", "id": "lot_big", "symbol": "lot", "x": 29, "y": 6, "size": 6},
        {"kind": "symbol", "id": "lot_tiny", "symbol": "lot", "x": 40, "y": 6, "size": 0.6},
        {"kind": "text", "id": "class", "x": 1, "y": 15, "w": 58, "size": 3,
         "value": "text:Class IIb", "symbol": "md", "prefix": "MDR "},
        {"kind": "text", "id": "note", "x": 1, "y": 20, "w": 58, "size": 2.5,
         "value": "field:note", "default": "n/a", "prefix": "Note: "},
        {"kind": "text", "id": "gtin", "x": 1, "y": 25, "w": 58, "size": 2.5,
         "value": "data:gtin", "symbol": "udi"},
    ],
}  # fmt: skip
CUSTOM: dict[str, dict[str, object]] = {"symbols": SYMBOLS}


@dataclass(frozen=True)
class Case:
    name: str
    template: str
    udi: ComposedUDI
    fields: dict[str, str]
    dpi: int
    resident: bool = False  # the template's zpl_cjk set to "resident"

    def template_object(self) -> Template:
        if self.template in CUSTOM:
            template = template_from_dict(CUSTOM[self.template], source=self.template)
        else:
            template = load_template(self.template)
        if self.resident:
            template = dataclasses.replace(template, zpl_cjk="resident")
        return template

    def plan(self) -> Plan:
        return plan_label(self.template_object(), self.udi, self.fields, self.dpi)


CASES: tuple[Case, ...] = (
    # the whole UDI, split over two GS1-128 rows, at each resolution
    Case("udi-4x2-203", "udi-4x2", typical(), FIELDS, 203),
    Case("udi-4x2-300", "udi-4x2", typical(), FIELDS, 300),
    Case("udi-4x2-600", "udi-4x2", typical(), FIELDS, 600),
    # short data in one GS1-128; no production date, so no factory symbol
    Case("udi-4x2-short-300", "udi-4x2", typical(_11="", _10="A1", _21=""), FIELDS, 300),
    # text that holds ZPL command characters, a lot that makes ^BC escape '>', '<' and '='
    # and switch to subset B a pair early (an odd digit left last)
    Case(
        "udi-4x2-escapes-203",
        "udi-4x2",
        typical(_10="A>B<C=D_1", _21="7"),
        {"product_name": "Pump ^XZ ~JA _1 µ", "ref": "IP-300/ü"},
        203,
    ),
    # the small label: the whole UDI does not fit its row, the UDI-DI does
    Case("udi-2x1-300", "udi-2x1", typical(), FIELDS, 300),
    Case("udi-2x1-short-203", "udi-2x1", typical(_11="", _10="A1", _21=""), FIELDS, 203),
    # Chinese text as a ^GF graphic, and with the printer's resident font
    Case("udi-4x2-cjk-203", "udi-4x2", typical(), {"product_name": CHINESE, "ref": "IP-300"}, 203),
    # Chinese with Latin letters whose ink reaches left of and above the text cell
    Case(
        "udi-4x2-cjk-overhang-203",
        "udi-4x2",
        typical(),
        {"product_name": "Ĵ一次性使用输液泵 Å", "ref": "IP-300"},
        203,
    ),
    Case(
        "udi-4x2-cjk-resident-300",
        "udi-4x2",
        typical(),
        {"product_name": CHINESE, "ref": "IP-300"},
        300,
        resident=True,
    ),
    Case(
        "serial-203",
        "serial",
        typical(_17="", _11=""),
        {"product_name": "Infusion Pump IP-300", "purpose": "UNIT"},
        203,
    ),
    Case(
        "material-lot-203",
        "material-lot",
        compose({"01": "09506000134352", "17": "271231", "10": "SL-20417"}),
        {k: v for k, v in MATERIAL.items() if k not in ("lot", "expiry")},
        203,
    ),
    Case("material-lot-text-203", "material-lot-text", typical(), MATERIAL, 203),
    Case("symbols-300", "symbols", typical(), {}, 300),
    Case("symbols-203", "symbols", typical(_21=""), {"note": "keep dry"}, 203),
)


def pdf_drawing(pdf: bytes) -> str:
    """What a PDF draws: its title, creator, page size and the page's operations, as text."""
    title = re.search(rb"/Title \((.*?)\) ", pdf)
    creator = re.search(rb"/Creator \((.*?)\) ", pdf)
    media = re.search(rb"/MediaBox \[ (.*?) \]", pdf)
    contents = re.search(rb"/Contents (\d+) 0 R", pdf)
    assert title and creator and media and contents, "not a one-page reportlab PDF"
    stream = re.search(
        rb"\n" + contents.group(1) + rb" 0 obj\n<<(.*?)>>\nstream\n(.*?)endstream", pdf, re.S
    )
    assert stream, "the page's content stream is missing"
    data = stream.group(2).strip()
    if b"/ASCII85Decode" in stream.group(1):
        data = base64.a85decode(data.removesuffix(b"~>"))
    if b"/FlateDecode" in stream.group(1):
        data = zlib.decompress(data)
    head = [
        f"title: {title.group(1).decode('latin-1')}",
        f"creator: {creator.group(1).decode('latin-1')}",
        f"mediabox: {media.group(1).decode('latin-1')}",
    ]
    return "\n".join(head) + "\n" + data.decode("latin-1").replace("\r\n", "\n")


def pixels(image: Image.Image) -> str:
    """The mode, size and a hash of every pixel of ``image``."""
    digest = hashlib.sha256(image.tobytes()).hexdigest()[:32]
    return f"{image.mode} {image.width}x{image.height} {digest}"


def areas(case: Case) -> list[list[object]]:
    """The box each field takes (quiet zones included), in dots: what the layout checks."""
    template = case.template_object()
    ctx = Ctx(template, case.udi, case.fields, dots_per_mm(case.dpi))
    return [
        [area.field, area.x0, area.y0, area.x1, area.y1]
        for field in template.fields
        for area in place_field(field, ctx).areas
    ]


def outputs(case: Case) -> dict[str, object]:
    """Everything kept of one case: file texts and the summary entry."""
    plan = case.plan()
    zpl = zpl_from_plan(plan)
    summary = {
        "size": [plan.width, plan.height],
        "areas": areas(case),
        "expected": [list(e) for e in plan.expected],
        "png": pixels(image_from_plan(plan)),
        "png_codewords": pixels(image_from_plan(plan, linear="codewords")),
        "zpl_read_back": pixels(image_from_plan(plan_from_zpl(zpl, plan), linear="codewords")),
    }
    return {
        "zpl": zpl.decode("utf-8"),
        "pdf": pdf_drawing(pdf_from_plan(plan)),
        "summary": summary,
    }


def read_summary() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads((GOLDEN / "summary.json").read_text("utf-8"))
    return data


def write() -> None:
    """Write every golden file (and the PNGs to look at, in golden/png/)."""
    GOLDEN.mkdir(exist_ok=True)
    (GOLDEN / "png").mkdir(exist_ok=True)
    summary: dict[str, object] = {}
    for case in CASES:
        out = outputs(case)
        (GOLDEN / f"{case.name}.zpl").write_text(str(out["zpl"]), encoding="utf-8")
        (GOLDEN / f"{case.name}.pdf.txt").write_text(str(out["pdf"]), encoding="utf-8")
        summary[case.name] = out["summary"]
        image_from_plan(case.plan()).save(GOLDEN / "png" / f"{case.name}.png")
    text = json.dumps(summary, indent=1, ensure_ascii=False) + "\n"
    (GOLDEN / "summary.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write()
