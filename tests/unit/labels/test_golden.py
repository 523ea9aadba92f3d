"""Golden labels: the exact ZPL, the PDF's drawing operations and the PNG's pixels of a set of
templates and data (golden_labels.py says how they were made and how to regenerate them)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from desktop.labels import render_pdf, render_png, render_zpl
from desktop.labels.geometry import linear_boxes
from desktop.labels.items import DataMatrix, Linear, Text
from desktop.labels.pdf import pdf_from_plan
from desktop.labels.png import image_from_plan, png_from_plan
from desktop.labels.raster import rasterise_pdf
from desktop.labels.zpl import zpl_from_plan
from desktop.labels.zpl_check import plan_from_zpl
from tests.unit.labels.golden_labels import (
    CASES,
    GOLDEN,
    Case,
    areas,
    pdf_drawing,
    pixels,
    read_summary,
)

SUMMARY = read_summary()
NAMES = [case.name for case in CASES]


def golden_text(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")


def rendered(case: Case, render: object) -> bytes:
    """The case rendered from its template (the public entry point), not from a plan."""
    return render(case.template_object(), case.udi, case.fields, case.dpi)  # type: ignore[operator, no-any-return]


def test_every_case_has_its_golden_files() -> None:
    assert sorted(SUMMARY) == sorted(NAMES)
    for name in NAMES:
        assert (GOLDEN / f"{name}.zpl").is_file() and (GOLDEN / f"{name}.pdf.txt").is_file()


@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_zpl_is_the_golden_text(case: Case) -> None:
    zpl = rendered(case, render_zpl)
    assert zpl.decode("utf-8") == golden_text(f"{case.name}.zpl")
    assert zpl_from_plan(case.plan()) == zpl


@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_pdf_draws_the_golden_operations(case: Case) -> None:
    pdf = rendered(case, render_pdf)
    assert pdf.startswith(b"%PDF-")
    assert b"/FlateDecode" in pdf  # the page is compressed
    assert pdf_drawing(pdf) == golden_text(f"{case.name}.pdf.txt")


@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_png_has_the_golden_pixels_at_the_printer_resolution(case: Case) -> None:
    png = Image.open(io.BytesIO(rendered(case, render_png)))
    golden = SUMMARY[case.name]
    assert png.format == "PNG" and pixels(png) == golden["png"]
    assert png.info["dpi"] == pytest.approx((case.dpi, case.dpi), abs=0.01)
    plan = case.plan()
    assert [plan.width, plan.height] == golden["size"]
    assert [list(e) for e in plan.expected] == golden["expected"]
    assert pixels(image_from_plan(plan)) == golden["png"]  # zint's symbols unless told
    assert pixels(image_from_plan(plan, linear="codewords")) == golden["png_codewords"]


@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_each_field_takes_the_golden_box(case: Case) -> None:
    assert areas(case) == SUMMARY[case.name]["areas"]


@pytest.mark.parametrize("case", CASES, ids=NAMES)
def test_the_zpl_read_back_draws_the_golden_pixels(case: Case) -> None:
    plan = case.plan()
    back = plan_from_zpl(zpl_from_plan(plan), plan)
    assert back == plan
    assert pixels(image_from_plan(back, linear="codewords")) == SUMMARY[case.name]["zpl_read_back"]


def test_zint_and_the_zpl_codewords_draw_the_same_bars_where_both_encode_alike() -> None:
    # the short UDI: zint and our ^BC codewords make the same GS1-128, so the pixels agree
    short = next(c for c in CASES if c.name == "udi-4x2-short-300")
    assert SUMMARY[short.name]["png"] == SUMMARY[short.name]["png_codewords"]


@pytest.mark.parametrize("name", ["udi-4x2-203", "udi-2x1-300", "udi-4x2-cjk-203"])
def test_the_pdf_rasterised_at_the_printer_resolution_is_that_many_dots_without_greys(
    name: str,
) -> None:
    case = next(c for c in CASES if c.name == name)
    plan = case.plan()
    image = rasterise_pdf(pdf_from_plan(plan), plan.dpi)
    assert image.format == "PNG"
    # the page at the dpi asked (the plan's dot grid is 8, 12 or 24 dots per mm)
    assert abs(image.width - plan.width_mm / 25.4 * plan.dpi) < 1
    assert abs(image.height - plan.height_mm / 25.4 * plan.dpi) < 1
    # no anti-aliasing: every dot is printed or not, as on a thermal printer
    histogram = image.convert("L").histogram()
    assert histogram[0] and histogram[255]
    assert histogram[0] + histogram[255] == image.width * image.height


def test_png_bytes_of_a_plan_are_the_image_of_that_plan() -> None:
    plan = CASES[0].plan()
    png = Image.open(io.BytesIO(png_from_plan(plan, linear="codewords")))
    assert pixels(png) == SUMMARY[CASES[0].name]["png_codewords"]


def test_the_golden_cases_cover_every_item_kind() -> None:
    kinds = {type(item).__name__ for case in CASES for item in case.plan().items}
    assert {"Text", "Rect", "Diagonal", "DataMatrix", "Linear"} <= kinds
    fonts = {i.font for case in CASES for i in case.plan().items if isinstance(i, Text)}
    assert fonts == {"latin", "cjk"}
    assert any(isinstance(i, DataMatrix) for i in CASES[0].plan().items)
    assert any(isinstance(i, Linear) for i in CASES[0].plan().items)
    assert pdf_from_plan(CASES[0].plan()) == pdf_from_plan(CASES[0].plan())  # deterministic


def test_the_pdf_draws_the_zpl_codewords_bars_when_asked() -> None:
    case = CASES[0]  # zint and our ^BC codewords make different (equally valid) GS1-128s here
    plan = case.plan()
    assert SUMMARY[case.name]["png"] != SUMMARY[case.name]["png_codewords"]
    linear = [i for i in plan.items if isinstance(i, Linear)]
    assert [linear_boxes(i) for i in linear] == [linear_boxes(i, "zint") for i in linear]
    zint_bars = pdf_drawing(pdf_from_plan(plan))
    codeword_bars = pdf_drawing(pdf_from_plan(plan, linear="codewords"))
    assert codeword_bars != zint_bars
    assert zint_bars == golden_text(f"{case.name}.pdf.txt")
