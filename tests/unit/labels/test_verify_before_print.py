"""Verify before print, in detail: what each format is decoded from (and says so), the reasons a
label is refused, word for word, with and without the plan's exact list, and rasterising."""

from __future__ import annotations

import dataclasses

import pytest
import zint
from PIL import Image, ImageDraw
from zxingcpp import read_barcodes

from desktop.labels import VerifyFailed, plan_label, render_verified, render_zpl, verify_label
from desktop.labels.items import Linear, Plan
from desktop.labels.pdf import pdf_from_plan
from desktop.labels.png import image_from_plan, png_from_plan
from desktop.labels.raster import rasterise_pdf, to_image
from desktop.labels.render import verify_rendered
from desktop.labels.symbols import _rows
from desktop.labels.verify import VerifyResult
from desktop.labels.zpl import zpl_from_plan
from tests.unit.labels.label_data import FIELDS, typical

UDI = typical()
DM = ("]d2", "0109506000134352172712311126011510ABC123\x1d21SN0001")
DI = ("]C1", "0109506000134352")
PI = ("]C1", "172712311126011510ABC123\x1d21SN0001")
WHOLE = ("]C1", "0109506000134352172712311126011510ABC123\x1d21SN0001")


def plan_of(dpi: int = 203) -> Plan:
    return plan_label("udi-4x2", UDI, FIELDS, dpi)


def without_linear(plan: Plan, index: int) -> Plan:
    """``plan`` without its ``index``-th GS1-128 (its expected list unchanged)."""
    linear = [i for i in plan.items if isinstance(i, Linear)][index]
    return dataclasses.replace(plan, items=tuple(i for i in plan.items if i is not linear))


def with_linear(plan: Plan, data: tuple[tuple[str, str], ...], y: int, x: int = 32) -> Plan:
    """``plan`` with one more GS1-128 (of ``data``) at ``x``, ``y``."""
    from desktop.labels.code128 import gs1_128_codewords
    from desktop.labels.gs1 import join_pairs

    element = join_pairs(data)
    extra = Linear(x, y, 2, 40, data, element, gs1_128_codewords(element))
    return dataclasses.replace(plan, items=(*plan.items, extra))


@pytest.mark.parametrize(
    ("fmt", "render", "source"),
    [
        ("zpl", zpl_from_plan, "our ZPL read back and drawn at 203 dpi"),
        ("pdf", pdf_from_plan, "PDF rasterised by pdftoppm at 203 dpi"),
        ("png", png_from_plan, "PNG at 203 dpi"),
    ],
)
def test_each_format_is_verified_from_what_it_holds_and_says_so(
    fmt: str, render: object, source: str
) -> None:
    plan = plan_of()
    result = verify_rendered(render(plan), fmt, plan, UDI)  # type: ignore[operator, arg-type]
    assert result == VerifyResult(True, (), result.decoded, source)
    assert sorted(result.decoded) == sorted([DM, DI, PI])


def test_a_pdf_missing_a_symbol_is_refused_against_the_plan() -> None:
    plan = plan_of()
    pdf = pdf_from_plan(without_linear(plan, 1))
    result = verify_rendered(pdf, "pdf", plan, UDI)
    assert result.reasons == (
        "no GS1-128 could be read; expected ]C1 '172712311126011510ABC123<GS>21SN0001'",
    )


def test_without_pdftoppm_the_pdf_is_verified_by_the_png_of_its_layout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("desktop.labels.render.pdftoppm_path", lambda: None)
    plan = plan_of()
    result = verify_rendered(pdf_from_plan(plan), "pdf", plan, UDI)
    source = "PNG of the same layout at 203 dpi (pdftoppm not installed)"
    assert result == VerifyResult(True, (), result.decoded, source)
    # the layout drawn is the plan's, held to the plan's exact list
    result = verify_rendered(b"%PDF-", "pdf", without_linear(plan, 0), UDI)
    assert result.reasons == ("no GS1-128 could be read; expected ]C1 '0109506000134352'",)
    assert result.source == source


def test_render_verified_returns_the_bytes_of_the_format_and_resolution_asked() -> None:
    assert render_verified("udi-4x2", UDI, FIELDS, 300) == render_zpl("udi-4x2", UDI, FIELDS, 300)
    png = render_verified("udi-4x2", UDI, FIELDS, 300, "png")
    assert png == png_from_plan(plan_of(300))


def test_a_label_that_does_not_read_back_is_refused_with_every_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def both_linear_lost(plan: Plan, fmt: str) -> bytes:
        return png_from_plan(without_linear(without_linear(plan, 1), 0))

    monkeypatch.setattr("desktop.labels.render.render", both_linear_lost)
    with pytest.raises(VerifyFailed) as refused:
        render_verified("udi-4x2", UDI, FIELDS, 203, "png")
    assert str(refused.value) == (
        "the rendered label does not read back as the intended UDI, so it must not be printed "
        "(no GS1-128 could be read; expected ]C1 '0109506000134352'; no GS1-128 could be read; "
        "expected ]C1 '172712311126011510ABC123<GS>21SN0001'): report this with the data used"
    )
    assert refused.value.result.source == "PNG at 203 dpi"


# --- without the plan's list: what any UDI label may hold -------------------------------------


def reasons(plan: Plan) -> tuple[str, ...]:
    result = verify_label(png_from_plan(plan), UDI)
    assert result.source == ""
    return result.reasons


def test_any_label_needs_the_datamatrix_and_may_carry_the_udi_its_di_or_both_halves() -> None:
    plan = plan_of()
    assert reasons(plan) == ()  # the UDI-DI and the UDI-PI
    assert reasons(without_linear(without_linear(plan, 1), 0)) == ()  # the DataMatrix alone
    assert reasons(without_linear(plan, 1)) == ()  # the UDI-DI alone
    short = typical(_11="", _10="A1", _21="")
    whole = plan_label("udi-4x2", short, FIELDS, 203)
    assert [e for e in whole.expected if e[0] == "]C1"] == [("]C1", short.element_string)]
    assert verify_label(png_from_plan(whole), short).reasons == ()  # the whole UDI in one


def test_a_udi_pi_without_its_udi_di_is_refused() -> None:
    assert reasons(without_linear(plan_of(), 0)) == (
        "the GS1-128 with the UDI-PI has no GS1-128 with the UDI-DI beside it",
    )


def test_the_same_gs1_128_printed_twice_is_refused() -> None:
    # (beside the first, not below it: a reader takes two alike rows for one symbol)
    twice = with_linear(without_linear(plan_of(), 1), UDI.pairs[:1], 262, x=450)
    assert reasons(twice) == ("the same GS1-128 is printed twice",)


def test_a_gs1_128_of_other_data_is_refused_as_unexpected() -> None:
    other = typical(_10="XYZ999").pairs[1:]
    assert reasons(with_linear(without_linear(plan_of(), 1), other, 262)) == (
        "unexpected symbol ]C1 '172712311126011510XYZ999<GS>21SN0001'",
    )


def test_symbols_other_than_datamatrix_and_code_128_are_not_read() -> None:
    image = image_from_plan(plan_of())
    qr = zint.Symbol()
    qr.symbology = zint.Symbology.QRCODE
    qr.encode("LOTLINE")
    draw = ImageDraw.Draw(image)
    for row, bits in enumerate(_rows(qr)):
        for col, bit in enumerate(bits):
            if bit == "1":
                draw.rectangle((712 + 4 * col, 90 + 4 * row, 715 + 4 * col, 93 + 4 * row), 0)
    assert ("]Q1", "LOTLINE") in [(r.symbology_identifier, r.text) for r in read_barcodes(image)]
    result = verify_label(image, UDI)  # a QR Code beside the UDI is none of its business
    assert result.ok and sorted(result.decoded) == sorted([DM, DI, PI])


def test_a_pdf_is_rasterised_to_be_verified() -> None:
    pdf = pdf_from_plan(plan_of())
    result = verify_label(pdf, UDI)
    assert result.ok and sorted(result.decoded) == sorted([DM, DI, PI])
    assert verify_label(pdf, UDI, dpi=203).ok


# --- rasterising -----------------------------------------------------------------------------


def test_a_pdf_that_cannot_be_rasterised_is_refused_with_pdftoppm_s_words() -> None:
    with pytest.raises(Exception) as refused:
        rasterise_pdf(b"%PDF-1.4 garbage", 203)
    assert type(refused.value).__name__ == "LabelError"
    # poppler's own words follow, e.g. "Syntax Error: Couldn't find trailer dictionary"
    assert str(refused.value).startswith("pdftoppm could not rasterise the PDF: Syntax Error")


def test_without_pdftoppm_rasterising_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.labels.raster.pdftoppm_path", lambda: None)
    with pytest.raises(Exception) as refused:
        rasterise_pdf(pdf_from_plan(plan_of()), 203)
    assert str(refused.value) == (
        "cannot rasterise the PDF: pdftoppm is not installed "
        "(install poppler-utils, e.g. `apt-get install poppler-utils`)"
    )


def test_a_pdf_is_rasterised_at_300_dpi_unless_told() -> None:
    pdf = pdf_from_plan(plan_of())  # 4 x 2 inches
    assert to_image(pdf).size == (1200, 600)
    assert to_image(pdf, 203).size == (812, 406)


def test_an_image_is_decoded_as_it_is() -> None:
    image = Image.new("L", (100, 100), 255)
    assert verify_label(image, UDI).reasons == (
        "no DataMatrix could be read; expected ]d2 "
        "'0109506000134352172712311126011510ABC123<GS>21SN0001'",
    )
