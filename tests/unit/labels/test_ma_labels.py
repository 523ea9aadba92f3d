"""MA-coded labels (IDcode, China) at unit level: an MA code goes into a plain ECC 200
DataMatrix read as ]d1 (never into GS1-128), its HRI breaks only before a data unit, the
template's data sources read the MA code's units and dates, and the ZPL carries the text as it
is and reads back to it. (The end-to-end read back by independent engines is in
tests/e2e/labels/test_ma_labels.py.)"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import zint
import zxingcpp
from PIL import Image

from desktop.domain.udi import ComposedMA, compose_ma
from desktop.labels import LabelDoesNotFit, LabelError, load_template, plan_label, verify_label
from desktop.labels.geometry import datamatrix_boxes
from desktop.labels.items import DataMatrix, Linear, Text
from desktop.labels.place_codes import place_datamatrix, place_gs1_128
from desktop.labels.place_text import ma_hri_lines
from desktop.labels.placing import Ctx, Placed
from desktop.labels.png import png_from_plan
from desktop.labels.symbols import datamatrix_size, plain_datamatrix_matrix
from desktop.labels.templates import DataMatrixField, Gs1128Field, template_from_dict
from desktop.labels.zpl import bx_plain_data, render_zpl, zpl_from_plan
from desktop.labels.zpl_check import datamatrix_scan, plan_from_zpl
from tests.unit.labels.label_data import FIELDS, typical

NAME = "udi-ma-4x2"
DI = "MA.156.M0.999999.1IP3005"
TODAY = dt.date(2026, 12, 4)
MADE, EXPIRES = dt.date(2026, 12, 4), dt.date(2028, 12, 3)
TEXT = "MA.156.M0.999999.1IP3005.SSN000001.M261204.LL26120401.E281203.C8"


def code(**units: object) -> ComposedMA:
    given = {"serial": "SN000001", "lot": "L26120401", "production_date": MADE, "expiry": EXPIRES}
    return compose_ma(DI, **{**given, **units}, today=TODAY)  # type: ignore[arg-type]


def ctx(udi: ComposedMA, name: str = NAME, dpmm: int = 8) -> Ctx:
    return Ctx(load_template(name), udi, FIELDS, dpmm)


def test_the_example_code_is_the_one_these_tests_expect() -> None:
    assert code().text == TEXT


# --- the template's data sources -------------------------------------------------------------


def test_the_data_sources_read_the_ma_code_s_units_and_dates() -> None:
    resolved = {
        source: ctx(code()).resolve(f"data:{source}")
        for source in ("di", "gtin", "lot", "serial", "expiry", "production_date")
    }
    assert resolved == {
        "di": DI,
        "gtin": None,  # an MA product has no GTIN
        "lot": "L26120401",
        "serial": "SN000001",
        "expiry": "2028-12-03",  # .E281203 shown as a date
        "production_date": "2026-12-04",  # .M261204 shown as a date
    }


def test_the_expiry_is_the_use_by_date_when_the_code_has_no_expiry() -> None:
    use_by = compose_ma(DI, lot="L1", use_by=dt.date(2027, 1, 31), check=False, today=TODAY)
    assert use_by.text == "MA.156.M0.999999.1IP3005.LL1.V270131"
    assert ctx(use_by).resolve("data:expiry") == "2027-01-31"
    expiry_only = compose_ma(DI, lot="L1", expiry=dt.date(2027, 2, 28), check=False)
    assert ctx(expiry_only).resolve("data:expiry") == "2027-02-28"


def test_a_unit_the_code_does_not_carry_resolves_to_nothing() -> None:
    bare = compose_ma(DI, lot="L1", check=False, today=TODAY)
    c = ctx(bare)
    assert [c.resolve(f"data:{s}") for s in ("serial", "expiry", "production_date")] == [
        None,
        None,
        None,
    ]
    assert c.resolve("data:lot") == "L1"


def test_the_ma_label_prints_the_units_under_their_symbols_and_the_di() -> None:
    plan = plan_label(NAME, code(), FIELDS, 203)
    texts = [i.text for i in plan.items if isinstance(i, Text)]
    for shown in ("2028-12-03", "2026-12-04", "L26120401", "SN000001", f"DI {DI}", TEXT):
        assert shown in texts
    bare = plan_label(NAME, compose_ma(DI, lot="L1", check=False), FIELDS, 203)
    bare_texts = [i.text for i in bare.items if isinstance(i, Text)]
    assert "L1" in bare_texts and "SN" not in bare_texts  # no serial: neither value nor symbol


# --- the DataMatrix --------------------------------------------------------------------------


def test_an_ma_code_is_placed_in_a_plain_datamatrix_read_as_d1() -> None:
    template = load_template(NAME)
    field = next(f for f in template.fields if isinstance(f, DataMatrixField))
    placed = place_datamatrix(field, ctx(code()))
    (item,) = placed.items
    assert isinstance(item, DataMatrix)
    assert (item.gs1, item.pairs, item.element_string) == (False, (), TEXT)
    assert placed.expected == (("]d1", TEXT),)
    gs1 = place_datamatrix(field, Ctx(template, typical(), FIELDS, 8))
    assert isinstance(gs1.items[0], DataMatrix) and gs1.items[0].gs1
    assert gs1.expected == (("]d2", typical().element_string),)


def _decoded(rows: tuple[str, ...]) -> list[tuple[str, str]]:
    """zxing-cpp's reading of a module matrix drawn 4 pixels a module with a quiet zone."""
    side = len(rows)
    image = Image.new("L", ((side + 4) * 4, (side + 4) * 4), 255)
    for y, row in enumerate(rows):
        for x, bit in enumerate(row):
            if bit == "1":
                image.paste(0, ((x + 2) * 4, (y + 2) * 4, (x + 3) * 4, (y + 3) * 4))
    found = zxingcpp.read_barcodes(image)
    return [(f.symbology_identifier, f.text) for f in found]


def test_the_plain_datamatrix_has_the_planned_size_and_reads_d1_and_the_text() -> None:
    size = datamatrix_size(TEXT)
    assert size == 32  # 45 codewords: more than 26x26 holds
    for side in (size, 40):  # the size asked for, not the smallest zint would choose
        rows = plain_datamatrix_matrix(TEXT, side)
        assert len(rows) == side and {len(r) for r in rows} == {side}
        assert _decoded(rows) == [("]d1", TEXT)]


def test_the_plain_datamatrix_is_zint_s_ecc_200_of_the_bytes_as_given() -> None:
    symbol = zint.Symbol()
    symbol.symbology = zint.Symbology.DATAMATRIX
    symbol.option_2 = 10  # 32 x 32, the tenth square size
    symbol.encode(TEXT)
    rows = tuple(
        "".join(
            "1" if symbol.encoded_data[r, c >> 3] >> (c & 7) & 1 else "0"
            for c in range(symbol.width)
        )
        for r in range(symbol.rows)
    )
    assert plain_datamatrix_matrix(TEXT, 32) == rows


def test_a_plain_datamatrix_of_an_impossible_size_or_too_much_data_is_refused() -> None:
    with pytest.raises(ValueError) as not_square:
        plain_datamatrix_matrix(TEXT, 11)
    assert str(not_square.value) == "11 is not a square ECC 200 size"
    with pytest.raises(LabelError) as too_long:
        plain_datamatrix_matrix(TEXT, 10)
    message = str(too_long.value)
    assert message.startswith("DataMatrix refused the data: Error ")
    assert "Input too long" in message and message.endswith(": correct the data")


def test_the_plain_datamatrix_is_drawn_from_its_own_matrix() -> None:
    item = DataMatrix(5, 7, 2, 32, (), TEXT, gs1=False)
    boxes = datamatrix_boxes(item)
    dark = {(x, y) for x, y, w, _h in boxes for x in range(x, x + w, 2)}
    rows = plain_datamatrix_matrix(TEXT, 32)
    assert dark == {
        (5 + 2 * col, 7 + 2 * row)
        for row, bits in enumerate(rows)
        for col, bit in enumerate(bits)
        if bit == "1"
    }
    assert all(h == 2 for *_xyw, h in boxes)


def test_the_png_label_reads_back_as_the_ma_code_and_another_code_is_refused() -> None:
    printed = code()
    plan = plan_label(NAME, printed, FIELDS, 203)
    png = png_from_plan(plan)
    result = verify_label(png, printed)  # no expected list: the rule for an MA code
    assert result.ok and result.reasons == ()
    assert result.decoded == (("]d1", TEXT),)
    other = code(serial="SN000002")
    refused = verify_label(png, other)
    assert not refused.ok
    assert refused.reasons == (f"DataMatrix reads ]d1 '{TEXT}', expected ]d1 '{other.text}'",)


def test_a_gs1_datamatrix_does_not_pass_for_an_ma_code() -> None:
    gs1 = typical()
    png = png_from_plan(plan_label("udi-4x2", gs1, FIELDS, 203))
    reasons = verify_label(png, code()).reasons
    assert reasons[0] == (
        f"DataMatrix reads ]d2 '{gs1.element_string.replace(chr(29), '<GS>')}', "
        f"expected ]d1 '{TEXT}'"
    )
    assert all(r.startswith("unexpected symbol ]C1 ") for r in reasons[1:]) and reasons[1:]


# --- no GS1-128 for an MA code ---------------------------------------------------------------


def test_an_ma_code_leaves_a_dm_only_linear_symbol_out() -> None:
    template = load_template("udi-4x2")
    field = next(f for f in template.fields if isinstance(f, Gs1128Field))
    assert "dm_only" in field.strategy
    placed = place_gs1_128(field, Ctx(template, code(), FIELDS, 8))
    assert placed == Placed()  # nothing placed: the DataMatrix carries the code alone
    plan = plan_label("udi-4x2", code(), {"product_name": "Pump", "ref": "IP-300"}, 203)
    assert not [i for i in plan.items if isinstance(i, Linear)]
    assert plan.expected == (("]d1", TEXT),)


def test_an_ma_code_is_refused_where_the_linear_symbol_must_be_printed() -> None:
    template = load_template("udi-2x1")
    field = next(f for f in template.fields if isinstance(f, Gs1128Field))
    assert "dm_only" not in field.strategy
    with pytest.raises(LabelDoesNotFit) as refused:
        place_gs1_128(field, Ctx(template, code(), FIELDS, 8))
    assert str(refused.value) == (
        "an MA code is not carried in GS1-128: give the udi-2x1 template's linear symbol the "
        "strategy dm_only, or use a template for MA codes"
    )


# --- the human-readable line -----------------------------------------------------------------


def test_the_ma_hri_is_one_line_when_it_fits_else_broken_before_data_units(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # one dot a character at any size: the breaking rule alone, measured exactly
    monkeypatch.setattr("desktop.labels.place_text.text_width", lambda text, size: float(len(text)))
    ma = code()
    assert ma_hri_lines(ma, 10, len(TEXT)) == (TEXT,)
    assert ma_hri_lines(ma, 10, len(TEXT) - 1) == (
        "MA.156.M0.999999.1IP3005.SSN000001.M261204.LL26120401.E281203",
        ".C8",
    )
    di_and_serial = len(DI) + len(".SSN000001")
    assert ma_hri_lines(ma, 10, di_and_serial + len(".M261204")) == (
        "MA.156.M0.999999.1IP3005.SSN000001.M261204",
        ".LL26120401.E281203.C8",
    )
    assert ma_hri_lines(ma, 10, di_and_serial) == (
        "MA.156.M0.999999.1IP3005.SSN000001",
        ".M261204.LL26120401.E281203.C8",
    )
    assert ma_hri_lines(ma, 10, len(".SSN000001.M261204")) == (
        DI,  # wider than the line: alone
        ".SSN000001.M261204",  # exactly as wide as the line
        ".LL26120401",
        ".E281203.C8",
    )
    assert ma_hri_lines(ma, 10, 1) == (
        DI,
        ".SSN000001",
        ".M261204",
        ".LL26120401",
        ".E281203",
        ".C8",
    )  # each piece alone (too wide even so: place_hri refuses that)


def test_the_ma_hri_on_a_narrow_label_is_the_code_broken_before_a_data_unit() -> None:
    narrow = template_from_dict(
        {
            "name": "ma-narrow",
            "version": 1,
            "width_mm": 60.0,
            "height_mm": 20.0,
            "fields": [
                {"kind": "hri", "id": "hri", "x": 1.0, "y": 1.0, "w": 40.0, "h": 18.0, "size": 2.6}
            ],
        }
    )
    plan = plan_label(narrow, code(), {}, 203)
    lines = [i.text for i in plan.items if isinstance(i, Text)]
    assert len(lines) > 1 and "".join(lines) == TEXT
    assert all(line.startswith(".") for line in lines[1:])
    assert lines == list(ma_hri_lines(code(), 21, 320))  # 2.6 mm and 40 mm at 8 dots/mm


# --- the ZPL ---------------------------------------------------------------------------------


def test_the_zpl_carries_the_ma_code_as_it_is_in_a_plain_bx_field() -> None:
    plan = plan_label(NAME, code(), FIELDS, 203)
    zpl = zpl_from_plan(plan).decode()
    item = next(i for i in plan.items if isinstance(i, DataMatrix))
    line = f"^FO{item.x},{item.y}^BXN,{item.module},200,32,32,,#^FD{TEXT}^FS"
    assert line in zpl.splitlines()
    assert "#1" not in zpl  # no FNC1: a plain DataMatrix


@pytest.mark.parametrize(
    "text",
    ["MA.156#1", "MA.156.批号", "MA.156\x1d.SSN1"],
    ids=["escape character", "not ASCII", "not printable"],
)
def test_text_a_plain_bx_field_cannot_hold_is_refused(text: str) -> None:
    with pytest.raises(ValueError) as refused:
        bx_plain_data(text)
    assert str(refused.value) == (
        f"{text!r} cannot be written in a plain ^BX field: printable ASCII only"
    )
    assert bx_plain_data(TEXT) == TEXT


def test_the_zpl_reads_back_to_the_planned_plain_datamatrix() -> None:
    plan = plan_label(NAME, code(), FIELDS, 203)
    planned = next(i for i in plan.items if isinstance(i, DataMatrix))
    zpl = zpl_from_plan(plan)
    assert next(i for i in plan_from_zpl(zpl, plan).items if isinstance(i, DataMatrix)) == planned
    moved = zpl.replace(
        f"^FO{planned.x},{planned.y}^BXN,{planned.module},".encode(), b"^FO30,60^BXN,5,"
    )
    read = next(i for i in plan_from_zpl(moved, plan).items if isinstance(i, DataMatrix))
    assert read == dataclasses.replace(planned, x=30, y=60, module=5)


def test_a_plain_bx_field_that_is_no_valid_ma_code_is_refused_with_every_reason() -> None:
    plan = plan_label(NAME, code(), FIELDS, 203)
    zpl = zpl_from_plan(plan)
    bad = zpl.replace(b".M261204", b".M261340").replace(b".E281203", b".E281232")
    with pytest.raises(LabelError) as refused:
        plan_from_zpl(bad, plan)
    field = TEXT.replace(".M261204", ".M261340").replace(".E281203", ".E281232")
    assert str(refused.value) == (
        f"the ^BX field reads as {field!r}: "
        'MA production date "261340": month 13 does not exist; check the label; '
        'MA expiry date (失效期) "281232": 2028-12-32 is not a real date (December 2028 has 31 '
        "days); check the label"
    )


def test_a_plain_bx_field_is_read_back_as_a_plain_datamatrix_s_data() -> None:
    """The field is read as a plain DataMatrix (]d1) sends it: data that is no UDI at all is
    refused with the words for a plain DataMatrix."""
    plan = plan_label(NAME, code(), FIELDS, 203)
    bad = zpl_from_plan(plan).replace(TEXT.encode(), b"HELLO")
    with pytest.raises(LabelError) as refused:
        plan_from_zpl(bad, plan)
    assert str(refused.value) == (
        "the ^BX field reads as 'HELLO': ]d1 (plain DataMatrix) data \"HELLO\" is not a UDI: it "
        "is not HIBC (+...), ISBT 128 (= or &), a GS1 Digital Link URI, or GS1 data"
    )


def test_what_a_scanner_reads_from_the_label_s_datamatrix() -> None:
    assert datamatrix_scan(render_zpl(NAME, code(), FIELDS, 203)) == "]d1" + TEXT
    gs1 = typical()
    assert datamatrix_scan(render_zpl("udi-4x2", gs1, FIELDS, 203)) == "]d2" + gs1.element_string
    with pytest.raises(LabelError):
        datamatrix_scan(b"^XA^FO10,10^A0N,20,20^FDno symbol^FS^XZ")
