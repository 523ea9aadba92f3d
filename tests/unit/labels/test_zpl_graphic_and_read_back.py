"""ZPL that carries more than commands: Chinese text as a ^GF graphic (Zebra's ASCII compression
and its reverse), the ZPL read back before print (and refused when it does not hold the planned
symbols), and the measures the layout takes them from (fonts, dots and millimetres)."""

from __future__ import annotations

import dataclasses
import math

import pytest
from PIL import Image
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.labels import LabelDoesNotFit, LabelError, load_template, plan_label, render_zpl
from desktop.labels.fonts import (
    baseline_ratio,
    cjk_image_font,
    font_kind,
    ink_box,
    needs_cjk,
    pdf_font_name,
    resident_width,
    text_width,
)
from desktop.labels.items import CJK_BASELINE, LATIN_BASELINE, DataMatrix, Linear, Text
from desktop.labels.templates import template_from_dict
from desktop.labels.units import dots_to_mm, mm_to_dots, mm_to_dots_floor, module_dots
from desktop.labels.zpl import zpl_from_plan
from desktop.labels.zpl_check import datamatrix_data, plan_from_zpl
from desktop.labels.zpl_graphic import (
    compress_row,
    expand_graphic,
    graphic_field,
    text_bitmap,
)
from tests.unit.labels.label_data import FIELDS, typical

CHINESE = "一次性使用输液泵 IP-300"

# --- Zebra's ASCII compression ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "compressed"),
    [
        ("0000", ","),
        ("F000", "F,"),
        ("FF", "HF"),
        ("ABAB", "ABAB"),
        ("A" * 19, "YA"),
        ("A" * 20, "gA"),
        ("A" * 21, "gGA"),
        ("A" * 39, "gYA"),
        ("A" * 40, "hA"),
        ("A" * 399, "yYA"),
        ("A" * 400, "zA"),
        ("A" * 401, "zGA"),
        ("A" * 420 + "00", "zgA,"),
        ("A" * 800, "zzA"),
        ("A" * 821 + "0", "zzgGA,"),
        ("0F" + "0" * 6, "0F,"),
    ],
)
def test_a_row_is_compressed_as_the_zpl_manual_says_and_expands_back(
    row: str, compressed: str
) -> None:
    assert compress_row(row) == compressed
    if len(row) % 2 == 0:  # whole bytes
        assert expand_graphic(compressed, len(row) // 2, 1) == [row]


def test_rows_expand_back_with_repeats_and_zero_fills() -> None:
    rows = ["00FF00", "00FF00", "000000", "FFFFFF", "FFFFFF", "FFFFFF", "A00000"]
    image = Image.new("1", (24, len(rows)), 1)
    for y, row in enumerate(rows):
        bits = bin(int(row, 16))[2:].zfill(24)
        for x, bit in enumerate(bits):
            if bit == "1":
                image.putpixel((x, y), 0)
    field = graphic_field(image)
    assert field == "^GFA,21,21,3,H0HF,:,LF::A,"
    data = field.split(",", 4)[4]
    assert expand_graphic(data, 3, len(rows)) == rows
    assert expand_graphic(":" + data, 3, 8) == ["000000", *rows]  # a first ":" repeats zeros
    assert expand_graphic("zGA,", 201, 1) == ["A" * 401 + "0"]
    assert expand_graphic("gGAYB,", 20, 1) == ["A" * 21 + "B" * 19]
    assert expand_graphic("F,:", 2, 2) == ["F000", "F000"]


def test_a_graphic_row_is_padded_to_whole_bytes_with_blank_dots() -> None:
    image = Image.new("1", (10, 2), 0)  # 10 dots: 2 bytes a row, the last 6 bits blank
    assert graphic_field(image) == "^GFA,4,4,2,HFC,:"
    assert expand_graphic("HFC,:", 2, 2) == ["FFC0", "FFC0"]


def test_chinese_text_is_a_bitmap_covering_its_whole_ink() -> None:
    text = Text(10, 20, 24, CHINESE, "cjk")
    bitmap = text_bitmap(text)
    left, top, right, bottom = ink_box(CHINESE, 24)
    assert (bitmap.dx, bitmap.dy) == (min(0, left), min(0, top))
    width = max(math.ceil(text_width(CHINESE, 24) - 1e-9), right)
    assert bitmap.image.size == (width - bitmap.dx, max(24, bottom) - bitmap.dy)
    assert bitmap.image.mode == "1"
    dark = [bitmap.image.getpixel((x, y)) == 0 for x in range(width) for y in range(24)]
    assert any(dark) and not all(dark)
    # the dark dots lie where the ink box says, the rest of the bitmap is blank
    box = bitmap.image.point(lambda v: 255 - v).getbbox()
    assert box is not None
    assert box[:3] == (left - bitmap.dx, top - bitmap.dy, right - bitmap.dx)
    assert box[3] <= bitmap.image.height


def test_ink_left_of_and_above_the_cell_is_in_the_bitmap_and_placed_there() -> None:
    left, top, right, bottom = ink_box("Ĵ泵", 24)
    assert left < 0 and top < 0  # the hook of the J and the circumflex
    bitmap = text_bitmap(Text(40, 30, 24, "Ĵ泵", "cjk"))
    assert (bitmap.dx, bitmap.dy) == (left, top)
    assert bitmap.image.point(lambda v: 255 - v).getbbox() == (0, 0, right - left, bottom - top)
    plan = dataclasses.replace(
        plan_label("udi-4x2", typical(), FIELDS, 203), items=(Text(40, 30, 24, "Ĵ泵", "cjk"),)
    )
    line = zpl_from_plan(plan).decode().splitlines()[4]
    assert line.startswith(f"^FO{40 + left},{30 + top}^GFA,")


def test_the_graphic_of_a_chinese_line_sits_at_the_text_cell() -> None:
    plan = plan_label("udi-4x2", typical(), {"product_name": CHINESE, "ref": "IP-300"}, 203)
    text = next(i for i in plan.items if isinstance(i, Text) and i.font == "cjk")
    bitmap = text_bitmap(text)
    line = next(x for x in zpl_from_plan(plan).decode().splitlines() if "^GFA" in x)
    assert line.startswith(f"^FO{text.x + bitmap.dx},{text.y + bitmap.dy}^GFA,")
    total, _, row_bytes, data = line[line.index("^GFA,") + 5 : -3].split(",", 3)
    assert int(row_bytes) == (bitmap.image.width + 7) // 8
    assert int(total) == int(row_bytes) * bitmap.image.height
    rows = expand_graphic(data, int(row_bytes), bitmap.image.height)
    dots = [
        int(rows[y][x // 4], 16) >> (3 - x % 4) & 1
        for y in range(bitmap.image.height)
        for x in range(bitmap.image.width)
    ]
    drawn = [
        1 if bitmap.image.getpixel((x, y)) == 0 else 0
        for y in range(bitmap.image.height)
        for x in range(bitmap.image.width)
    ]
    assert dots == drawn


# --- reading our own ZPL back ----------------------------------------------------------------


def _plan_and_zpl() -> tuple[object, str]:
    plan = plan_label("udi-4x2", typical(), FIELDS, 203)
    return plan, zpl_from_plan(plan).decode()


def test_the_datamatrix_data_is_read_from_the_zpl() -> None:
    zpl = render_zpl("udi-4x2", typical(), FIELDS, 203)
    assert datamatrix_data(zpl) == typical().element_string
    for broken in (b"^XA^FO1,1^A0N,10,10^FDx^FS^XZ", b"^XA^BXN,4,200,22,22,,#^FD0109^FS^XZ"):
        with pytest.raises(LabelError) as refused:
            datamatrix_data(broken)
        assert str(refused.value) == (
            "the label holds no GS1 DataMatrix (^BX with FNC1): see its ZPL"
        )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda z: z.replace("^BXN", "^BQN"),
            "the ZPL lacks the planned ^BX DataMatrix: report this",
        ),
        (
            lambda z: z.replace("^BCN,54", "^BCN,x"),
            "the ZPL lacks a planned ^BC GS1-128: report this",
        ),
        (
            lambda z: z.replace("^PQ1", "^FO1,1^BY2^BCN,9,N,N,N,N^FD>;01^FS\n^PQ1"),
            "the ZPL holds more symbols than the layout placed: report this",
        ),
        (
            lambda z: z.replace("^PQ1", "^FO1,1^BXN,4,200,22,22,,#^FD#101^FS\n^PQ1"),
            "the ZPL holds more symbols than the layout placed: report this",
        ),
        (
            lambda z: z.replace(",,#^FD#1", ",,#^FD"),
            "the ^BX field '01095060001343521727' does not start with FNC1 (#1)",
        ),
        (
            lambda z: z.replace("#1010950600013435217", "#1010950600013435317"),
            "the ^BX field reads as '0109506000134353172712311126011510ABC123\\x1d21SN0001': ",
        ),
    ],
)  # fmt: skip
def test_zpl_that_does_not_hold_the_planned_symbols_is_refused(
    change: object, message: str
) -> None:
    plan, zpl = _plan_and_zpl()
    with pytest.raises(LabelError) as refused:
        plan_from_zpl(change(zpl).encode(), plan)  # type: ignore[operator, arg-type]
    assert str(refused.value).startswith(message)
    assert message.endswith(": ") or str(refused.value) == message


def test_a_datamatrix_field_that_is_not_a_valid_udi_is_refused_with_every_reason() -> None:
    plan, zpl = _plan_and_zpl()
    bad = zpl.replace(
        "#10109506000134352172712311126011510ABC123#121SN0001", "#101095060001343531799133"
    )
    with pytest.raises(LabelError) as refused:
        plan_from_zpl(bad.encode(), plan)  # type: ignore[arg-type]
    assert str(refused.value) == (
        "the ^BX field reads as '01095060001343531799133': GTIN (01) \"09506000134353\" has check "
        "digit 3, expected 2: a misread or a wrong number on the label; rescan, and if it "
        'repeats, set it aside; expiry (17) "99133" has 5 digits, expected exactly 6: the data '
        "looks truncated; rescan"
    )


def test_the_zpl_read_back_takes_the_printer_s_positions_and_sizes() -> None:
    plan, zpl = _plan_and_zpl()
    moved = zpl.replace("^FO16,54^BXN,4,", "^FO17,55^BXN,5,")
    back = plan_from_zpl(moved.encode(), plan)  # type: ignore[arg-type]
    matrix = next(i for i in back.items if isinstance(i, DataMatrix))
    assert (matrix.x, matrix.y, matrix.module, matrix.size) == (17, 55, 5, 22)
    assert matrix.pairs == typical().pairs and matrix.element_string == typical().element_string
    moved = zpl.replace("^FO32,262^BY2^BCN,54,", "^FO33,263^BY3^BCN,50,")
    back = plan_from_zpl(moved.encode(), plan)  # type: ignore[arg-type]
    second = [i for i in back.items if isinstance(i, Linear)][1]
    assert (second.x, second.y, second.module, second.height) == (33, 263, 3, 50)


# --- measures --------------------------------------------------------------------------------


def test_which_font_a_line_is_set_in() -> None:
    assert [needs_cjk(t) for t in ("Pump µ ü €", "泵", "Pump ☃")] == [False, True, True]
    assert [font_kind(t) for t in ("Pump µ", "泵 IP")] == ["latin", "cjk"]
    assert (baseline_ratio("cjk"), baseline_ratio("latin")) == (CJK_BASELINE, LATIN_BASELINE)
    assert (CJK_BASELINE, LATIN_BASELINE) == (0.84, 0.75)


def test_a_resident_font_is_given_a_full_em_for_wide_characters() -> None:
    assert resident_width("泵", 20) == 20  # wide
    assert resident_width("ＡＢ", 20) == 40  # full-width forms count as wide
    assert resident_width("AB", 20) == 24  # 0.6 em each
    assert resident_width("泵 A", 10) == 22  # 10 + 6 + 6
    assert resident_width("A", 3) == 2  # 1.8 dots, rounded up


def test_dots_and_millimetres() -> None:
    assert (mm_to_dots(1.06, 8), mm_to_dots(1.07, 8)) == (8, 9)
    assert (mm_to_dots_floor(101.6, 8), mm_to_dots_floor(50.8, 12)) == (812, 609)
    assert mm_to_dots_floor(0.125, 8) == 1  # exactly one dot stays one dot
    assert (module_dots(0.25, 8), module_dots(0.25, 12), module_dots(0.01, 8)) == (2, 3, 1)
    assert module_dots(0.375, 8) == 3  # exactly 3 dots, not 4
    assert dots_to_mm(12, 8) == 1.5


def test_a_template_s_dots_follow_its_resolution() -> None:
    template = dataclasses.replace(load_template("udi-4x2"))
    for dpi, (width, height) in {203: (812, 406), 300: (1219, 609), 600: (2438, 1219)}.items():
        plan = plan_label(template, typical(), FIELDS, dpi)
        assert (plan.width, plan.height, plan.dpmm) == (
            width,
            height,
            {203: 8, 300: 12}.get(dpi, 24),
        )


def test_chinese_text_is_measured_no_narrower_than_any_renderer_draws_it() -> None:
    assert [text_width("泵", size) for size in (1, 14, 24)] == [1, 14, 24]  # one em at any size
    for size in (1, 14, 24):
        line = "泵 iiiii"  # the raster font rounds each advance: a little wider than the PDF's
        assert text_width(line, size) >= cjk_image_font(size).getlength(line)
        assert text_width(line, size) >= stringWidth(line, pdf_font_name(line), size)


def test_a_chinese_line_s_box_is_as_wide_as_the_raster_draws_it() -> None:
    # 14 dots: the PDF measures 42.998 dots, the raster draws 43.016: the box must take 44
    field = {"kind": "text", "id": "name", "x": 1, "y": 1, "size": 1.75, "value": "field:name"}
    fields = {"name": "泵 iiiiiii"}

    def label(width: float) -> object:
        template = {"name": "t", "version": 1, "width_mm": 50, "height_mm": 20}
        return template_from_dict({**template, "fields": [{**field, "w": width}]})

    assert plan_label(label(5.5), typical(), fields, 203).items  # type: ignore[arg-type]
    with pytest.raises(LabelDoesNotFit, match=r"is 5\.5 mm wide as 1\.75 mm text"):
        plan_label(label(5.375), typical(), fields, 203)  # type: ignore[arg-type]
