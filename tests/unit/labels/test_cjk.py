"""Chinese text on labels: the CJK font in PDF, PNG and ZPL (^GF graphic or ^A@ resident),
the layout check on the ink the CJK font draws, and verify-before-print on every format."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from PIL import Image

from desktop.labels import (
    LabelDoesNotFit,
    LabelError,
    TemplateError,
    fonts,
    load_template,
    plan_label,
    render_pdf,
    render_png,
    render_verified,
    render_zpl,
)
from desktop.labels.items import Text
from desktop.labels.templates import template_from_dict
from desktop.labels.zpl_graphic import compress_row, expand_graphic, graphic_field, text_bitmap
from tests.unit.labels.label_data import typical

NAME = "一次性使用输液泵 IP-300"
FIELDS = {"product_name": NAME, "ref": "IP-300"}


def resident(name: str = "udi-4x2") -> object:
    return dataclasses.replace(load_template(name), zpl_cjk="resident")


def cjk_text(plan: object) -> Text:
    return next(i for i in plan.items if isinstance(i, Text) and i.font == "cjk")  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["png", "pdf", "zpl"])
@pytest.mark.parametrize("dpi", [203, 300, 600])
def test_verify_before_print_reads_the_symbols_exactly(fmt: str, dpi: int) -> None:
    udi = typical()
    output = render_verified("udi-4x2", udi, FIELDS, dpi, fmt)  # type: ignore[arg-type]
    assert output  # render_verified raises unless every symbol decodes to the intended data


def test_the_line_is_set_in_the_cjk_font_latin_lines_are_not() -> None:
    plan = plan_label("udi-4x2", typical(), FIELDS, 203)
    texts = [i for i in plan.items if isinstance(i, Text)]
    assert [t.text for t in texts if t.font == "cjk"] == [NAME]
    assert all(t.font == "latin" for t in texts if t.text != NAME)


def test_pdf_embeds_a_subset_of_the_cjk_font() -> None:
    pdf = render_pdf("udi-4x2", typical(), FIELDS, 203)
    assert b"/FontFile2" in pdf  # an embedded TrueType program
    assert re.search(rb"/BaseFont /[A-Z]{6}\+WenQuanYi", pdf)  # subset tag XXXXXX+
    assert len(pdf) < 60_000  # a subset, not the 5 MB font


def test_png_draws_the_chinese_glyphs_inside_their_cell() -> None:
    plan = plan_label("udi-4x2", typical(), FIELDS, 203)
    text = cjk_text(plan)
    image = Image.open(io.BytesIO(render_png("udi-4x2", typical(), FIELDS, 203))).convert("L")
    left, top, right, bottom = fonts.ink_box(text.text, text.size)
    box = (text.x + left, text.y + top, text.x + right, text.y + bottom)
    ink = image.crop(box).point(lambda v: 255 if v > 128 else 0)
    assert ink.getbbox() is not None  # the glyphs are there
    outside = image.crop((text.x, text.y + bottom, text.x + right, text.y + bottom + 4))
    assert min(outside.tobytes()) > 128  # nothing spills below the measured ink


def test_zpl_graphic_holds_the_text_as_drawn() -> None:
    plan = plan_label("udi-4x2", typical(), FIELDS, 203)
    zpl = render_zpl("udi-4x2", typical(), FIELDS, 203).decode("utf-8")
    assert "^CI28" in zpl and "^A@" not in zpl
    found = re.search(r"\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([^\^]*)\^FS", zpl)
    assert found is not None
    x, y, total, _, row_bytes, data = found.groups()
    bitmap = text_bitmap(cjk_text(plan))
    assert (int(x), int(y)) == (cjk_text(plan).x + bitmap.dx, cjk_text(plan).y + bitmap.dy)
    rows = expand_graphic(data, int(row_bytes), int(total) // int(row_bytes))
    dots = [
        [1 if bitmap.image.getpixel((col, row)) == 0 else 0 for col in range(bitmap.image.width)]
        for row in range(bitmap.image.height)
    ]
    unpacked = [[int(b) for b in bin(int(r, 16))[2:].zfill(len(r) * 4)] for r in rows]
    assert [r[: bitmap.image.width] for r in unpacked] == dots
    assert sum(map(sum, dots)) > 100  # the text has ink


@pytest.mark.parametrize(
    ("row", "compressed"),
    [
        ("0000", ","),
        ("FF00", "HF,"),
        ("0F0F", "0F0F"),
        ("F" * 45 + "0", "hKF,"),  # h = 40, K = 5
        ("A" * 20, "gA"),
    ],
)
def test_ascii_compression(row: str, compressed: str) -> None:
    assert compress_row(row) == compressed
    assert expand_graphic(compressed, len(row) // 2, 1) == [row]


def test_repeated_rows_are_written_once() -> None:
    image = Image.new("1", (16, 3), 1)
    for x in range(8):
        for y in range(3):
            image.putpixel((x, y), 0)
    assert graphic_field(image) == "^GFA,6,6,2,HF,::"


def test_zpl_resident_font() -> None:
    template = resident()
    zpl = render_zpl(template, typical(), FIELDS, 203).decode("utf-8")  # type: ignore[arg-type]
    line = next(line for line in zpl.splitlines() if "^A@" in line)
    assert "^A@N,28,28,E:ANMDS.TTF^FH_^FD_E4_B8_80_E6_AC_A1" in line  # 一次 as UTF-8 bytes
    assert "^GF" not in zpl and "^CI28" in zpl


def test_resident_layout_reserves_the_widest_the_printer_font_may_need() -> None:
    assert fonts.resident_width("输液泵 AB", 10) == 48  # 3 wide characters, 3 others at 0.6 em
    name = {"product_name": "输液泵 " + "1" * 27, "ref": "IP-300"}
    plan_label("udi-4x2", typical(), name, 203)  # fits in the CJK font we draw
    with pytest.raises(LabelDoesNotFit, match="the product name"):
        plan_label(resident(), typical(), name, 203)  # type: ignore[arg-type]


def test_chinese_is_measured_in_the_cjk_font() -> None:
    """Ideographs are full width (1 em each); Helvetica's metrics would say otherwise."""
    assert fonts.text_width("一次性使用输液泵", 28) == pytest.approx(8 * 28)
    room = {"name": "t", "version": 1, "width_mm": 40, "height_mm": 10, "default_dpi": 203}

    def template(width_mm: float) -> object:
        field = {"kind": "text", "id": "name", "x": 0, "y": 0, "w": width_mm, "size": 3.5,
                 "value": "field:product_name"}  # fmt: skip
        return template_from_dict({**room, "fields": [field]})

    eight = {"product_name": "一次性使用输液泵"}  # 8 x 28 dots = 224 dots = 28.0 mm at 203 dpi
    plan_label(template(28.0), typical(), eight, 203)  # type: ignore[arg-type]
    with pytest.raises(LabelDoesNotFit, match=r"is 28\.0 mm wide as 3\.5 mm text"):
        plan_label(template(27.8), typical(), eight, 203)  # type: ignore[arg-type]


def test_too_long_chinese_name_is_refused_in_mm() -> None:
    with pytest.raises(LabelDoesNotFit, match=r"is 52\.0 mm wide as 2\.2 mm text; the udi-2x1"):
        plan_label("udi-2x1", typical(), {"product_name": "一次性使用输液泵" * 3}, 300)


@pytest.mark.parametrize("dpi", [203, 300, 600])
def test_the_ink_stays_inside_the_reserved_area(dpi: int) -> None:
    """No dark dot of the Chinese line lies outside the box the layout checked for overlap."""
    plan = plan_label("udi-4x2", typical(), FIELDS, dpi)
    text = cjk_text(plan)
    left, top, right, bottom = fonts.ink_box(text.text, text.size)
    assert left >= 0 and top >= 0 and bottom <= text.size  # inside the cell at this baseline
    width = max(right, round(fonts.text_width(text.text, text.size)) + 1)
    image = Image.open(io.BytesIO(render_png("udi-4x2", typical(), FIELDS, dpi))).convert("L")
    margin = 2 * plan.dpmm
    around = (text.x - margin, max(0, text.y - margin), text.x + width + margin, text.y)
    above = image.crop(around).point(lambda v: 255 if v > 128 else 0)
    assert min(above.tobytes()) == 255  # nothing above the cell
    inside = image.crop((text.x, text.y, text.x + width, text.y + text.size))
    assert min(inside.tobytes()) < 128  # the glyphs are in the reserved box


def test_unprintable_text_is_refused() -> None:
    with pytest.raises(LabelError, match="cannot print"):
        plan_label("udi-4x2", typical(), {"product_name": "泵\U0001f600"}, 203)
    with pytest.raises(LabelError, match="control character"):
        plan_label("udi-4x2", typical(), {"product_name": "泵\x07"}, 203)


def test_a_missing_cjk_font_says_how_to_install_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fonts.CJK_FONT_ENV, "/nonexistent/font.ttf")
    fonts.cjk_font.cache_clear()
    fonts.cjk_image_font.cache_clear()
    try:
        with pytest.raises(LabelError, match=r"scripts/debian-deps\.sh"):
            fonts.cjk_font()
    finally:
        monkeypatch.delenv(fonts.CJK_FONT_ENV)
        fonts.cjk_font.cache_clear()


@pytest.mark.parametrize(
    ("zpl_cjk", "words"),
    [
        ({"mode": "bitmap"}, "mode 'bitmap' unknown"),
        ({"mode": "resident", "font": "ANMDS"}, "must name a printer TrueType file"),
        ("graphic", "must be"),
    ],
)
def test_template_zpl_cjk_is_checked(zpl_cjk: object, words: str) -> None:
    data = {"name": "t", "version": 1, "width_mm": 50, "height_mm": 20, "fields": []}
    with pytest.raises(TemplateError, match=words):
        template_from_dict({**data, "zpl_cjk": zpl_cjk})
    declared = template_from_dict({**data, "zpl_cjk": {"mode": "resident", "font": "E:SIMSUN.TTF"}})
    assert (declared.zpl_cjk, declared.zpl_cjk_font) == ("resident", "E:SIMSUN.TTF")
