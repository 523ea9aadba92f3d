"""MA-coded labels (IDcode, China) end to end: compose_ma -> the udi-ma-4x2 label in ZPL, PDF
and PNG -> rasterised (pdftoppm for the PDF, the independent ZPL engine zebrash for the ZPL)
-> decoded with zxing-cpp: one plain DataMatrix reading ]d1 + exactly the MA code, which
parses back to the same DI, serial, lot and dates. A template with a GS1-128 that the MA code
would have to fill is refused; the printed MA code is scanned back exactly (the scan-back's
comparison) and a neighbour's is not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main
from desktop.domain.udi import ComposedMA, compose_ma, parse_scan
from desktop.labels import (
    SUPPORTED_DPI,
    LabelDoesNotFit,
    plan_label,
    render_pdf,
    render_png,
    render_verified,
    render_zpl,
    verify_label,
)
from desktop.labels.verify import decode
from desktop.labels.zpl_check import datamatrix_scan
from tests.e2e.labels.conftest import Zebrash

NAME = "udi-ma-4x2"
FIELDS = {"product_name": "Infusion Pump IP-300", "ref": "IP-300"}
DI = "MA.156.M0.999999.1IP3005"
SLOW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = dt.date(2026, 12, 4)


def _code(serial: str, lot: str, made: dt.date, days: int) -> ComposedMA:
    expiry = made + dt.timedelta(days=days)
    return compose_ma(DI, serial=serial, lot=lot, production_date=made, expiry=expiry, today=TODAY)


codes = st.builds(
    _code,
    serial=st.text("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", min_size=1, max_size=20),
    lot=st.text("ABCDEFGHJKLMNPQRSTUVWXYZabcdefz0123456789", min_size=1, max_size=20),
    made=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
    days=st.integers(1, 3650),
)


def reads_back(decoded: tuple[tuple[str, str], ...], code: ComposedMA) -> None:
    assert list(decoded) == [("]d1", code.text)]
    parsed = parse_scan("]d1" + decoded[0][1], expect_gs1=False, today=TODAY)
    assert parsed.scheme == "MA" and parsed.valid, parsed.errors
    assert (parsed.di, parsed.serial, parsed.lot) == (DI, code.value("S"), code.value("L"))


@SLOW
@given(code=codes, dpi=st.sampled_from(SUPPORTED_DPI))
def test_png_and_pdf_read_back_as_the_ma_code(code: ComposedMA, dpi: int, pdftoppm: str) -> None:
    plan = plan_label(NAME, code, FIELDS, dpi)
    assert plan.expected == (("]d1", code.text),)
    for output in (render_png(NAME, code, FIELDS, dpi), render_pdf(NAME, code, FIELDS, dpi)):
        result = verify_label(output, code, plan.expected, dpi=dpi)
        assert result.ok, result.reasons
        reads_back(result.decoded, code)
        assert verify_label(output, code, dpi=dpi).ok  # the generic rule for an MA code


@SLOW
@given(code=codes, dpi=st.sampled_from(SUPPORTED_DPI))
def test_zpl_read_by_an_independent_engine(zebrash: Zebrash, code: ComposedMA, dpi: int) -> None:
    plan = plan_label(NAME, code, FIELDS, dpi)
    zpl = render_zpl(NAME, code, FIELDS, dpi)
    assert b"#1" not in zpl  # a plain DataMatrix: no FNC1
    image = zebrash.render(zpl, plan.width_mm, plan.height_mm, plan.dpmm)
    reads_back(decode(image), code)
    assert datamatrix_scan(zpl) == "]d1" + code.text  # what the demo's scanner reads back


@pytest.mark.parametrize("fmt", ["zpl", "pdf", "png"])
def test_verify_before_print_in_every_format(fmt: str, pdftoppm: str) -> None:
    code = compose_ma(DI, serial="SN000001", lot="L26120401", production_date=TODAY)
    assert render_verified(NAME, code, FIELDS, 300, fmt)  # type: ignore[arg-type]


def test_an_ma_code_is_not_put_in_gs1_128() -> None:
    code = compose_ma(DI, serial="SN000001", lot="L26120401", production_date=TODAY)
    with pytest.raises(LabelDoesNotFit, match="an MA code is not carried in GS1-128"):
        plan_label("udi-2x1", code, {"product_name": "Pump", "ref": "IP-300"}, 300)
    plan = plan_label("udi-4x2", code, {"product_name": "Pump", "ref": "IP-300"}, 203)
    assert plan.expected == (("]d1", code.text),)  # its strategy ends in dm_only


def test_lotline_label_render_prints_an_ma_code_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pdftoppm: str
) -> None:
    code = compose_ma(DI, serial="SN000001", lot="L26120401", production_date=TODAY)
    for fmt in ("zpl", "pdf", "png"):
        out = tmp_path / f"label.{fmt}"
        argv = ["label", "render", "--template", NAME, "--data", code.text, "--format", fmt]
        assert main([*argv, "--field", "product_name=Pump", "--out", str(out)]) == 0
        assert f"]d1 {code.text}" in capsys.readouterr().out
        if fmt != "zpl":
            reads_back(verify_label(out.read_bytes(), code, dpi=203).decoded, code)
