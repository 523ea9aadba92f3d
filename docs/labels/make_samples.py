"""Render the sample labels in docs/labels: our PNG, PDF and ZPL, and zebrash's PNG of our ZPL.

Run from the repository root (node and `npm ci` are needed for the zebrash rendering):

    .venv/bin/python docs/labels/make_samples.py

Every file is verified before it is written: ours through render_verified, zebrash's PNG by
decoding it with zxing-cpp and comparing with the layout's expected symbols.
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from pathlib import Path

from PIL import Image

from desktop.domain.udi import compose
from desktop.labels import load_template, plan_label, render_verified
from desktop.labels.templates import Template
from desktop.labels.verify import decode

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCRIPT = REPO / "tests" / "e2e" / "labels" / "render_zpl.mjs"
FIELDS = {"product_name": "Infusion Pump IP-300", "ref": "IP-300"}
ZH_FIELDS = {"product_name": "一次性使用输液泵 IP-300", "ref": "IP-300"}
ZH_SAMPLES = {
    # name: (template, ZPL for Chinese text, dpi, UDI fields): Chinese product names
    "udi-4x2-zh": (
        "udi-4x2",
        "graphic",
        203,
        {"01": "09506000134352", "17": "271231", "11": "260115", "10": "ABC123", "21": "SN0001"},
    ),
    "udi-4x2-zh-resident": (
        "udi-4x2",
        "resident",
        300,
        {"01": "09506000134352", "17": "271231", "10": "ABC123"},
    ),
    "udi-2x1-zh": (
        "udi-2x1",
        "graphic",
        300,
        {"01": "09506000134352", "17": "271231", "10": "ABC123"},
    ),
}
#: The Chinese label's fields as the demo plant's master data gives them for the catheter kit
#: (desktop/demo_data/nmpa.toml through labelling's nmpa_label_fields; a test holds them equal).
CN_FIELDS = {
    "name_zh": "一次性使用无菌导管套件",
    "model_spec": "CK-10",
    "certificate": "注册证编号：京械注准20262140001",
    "registrant": "注册人：示例医疗器械有限公司",
    "manufacturer": "生产企业：示例医疗器械（苏州）有限公司",
    "storage": "常温、干燥、避光保存",
}
CN_SAMPLES = {
    # name: (dpi, UDI fields): the NMPA label (udi-cn-4x2), from master data
    "udi-cn-4x2": (300, {"01": "09506000134369", "11": "261204", "17": "281203", "10": "K2612-04"}),
}
SAMPLES = {
    # name: (template, dpi, UDI fields)
    "udi-4x2": ("udi-4x2", 203, {"01": "09506000134352", "17": "271231",
                                 "10": "ABC123", "21": "SN0001"}),
    "udi-4x2-split": ("udi-4x2", 203, {"01": "09506000134352", "17": "271231", "11": "260115",
                                       "10": "ABC123", "21": "SN0001"}),
    "udi-4x2-dm-only": ("udi-4x2", 300, {"01": "09506000134352", "17": "271231",
                                         "10": "LOT-2026-ABCDEFGHIJ", "21": "SN-000000000001"}),
    "udi-2x1": ("udi-2x1", 300, {"01": "09506000134352", "17": "271231", "11": "260115",
                                 "10": "ABC123", "21": "SN0001"}),
}  # fmt: skip


def zebrash_png(zpl: bytes, width_mm: float, height_mm: float, dpmm: int) -> bytes:
    args = ["node", str(SCRIPT), str(width_mm), str(height_mm), str(dpmm)]
    done = subprocess.run(args, input=zpl, capture_output=True, cwd=REPO, check=True)
    return done.stdout


def main() -> int:
    jobs: list[tuple[str, Template, int, dict[str, str], dict[str, str]]] = [
        (stem, load_template(name), dpi, ais, FIELDS) for stem, (name, dpi, ais) in SAMPLES.items()
    ]
    for stem, (name, mode, dpi, ais) in ZH_SAMPLES.items():
        template = dataclasses.replace(load_template(name), zpl_cjk=mode)
        jobs.append((stem, template, dpi, ais, ZH_FIELDS))
    for stem, (dpi, ais) in CN_SAMPLES.items():
        jobs.append((stem, load_template("udi-cn-4x2"), dpi, ais, CN_FIELDS))
    for stem, template, dpi, ais, fields in jobs:
        if make(stem, template, dpi, ais, fields):
            return 1
    return 0


def make(
    stem: str, template: Template, dpi: int, ais: dict[str, str], fields: dict[str, str]
) -> bool:
    """Render, verify and write one sample; True (and a message) when it does not read back."""
    udi = compose(ais)
    plan = plan_label(template, udi, fields, dpi)
    outputs = {
        fmt: render_verified(template, udi, fields, dpi, fmt) for fmt in ("zpl", "pdf", "png")
    }
    for fmt, data in outputs.items():
        (HERE / f"{stem}.{fmt}").write_bytes(data)
    png = zebrash_png(outputs["zpl"], plan.width_mm, plan.height_mm, plan.dpmm)
    found = sorted(decode(Image.open(io.BytesIO(png))))
    if found != sorted(plan.expected):
        print(f"{stem}: zebrash PNG reads {found}, expected {plan.expected}", file=sys.stderr)
        return True
    (HERE / f"{stem}.zebrash.png").write_bytes(png)
    symbols = [aim for aim, _ in plan.expected]
    print(f"{stem}: {template.name} ({template.zpl_cjk}) at {dpi} dpi, symbols {symbols}")
    return False


if __name__ == "__main__":
    sys.exit(main())
