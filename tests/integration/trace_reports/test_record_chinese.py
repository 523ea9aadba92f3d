"""Chinese master data in the PDF reports: a batch record whose product, step and NCR are named in
Chinese, and an SPC report with Chinese titles, carry that text in the embedded CJK font (read
back with pdftotext and pdffonts, rasterised with pdftoppm); without a CJK font the report is
still written and one line says why the Chinese cannot be shown."""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from db.models import Nonconformance, Product, RouteStep
from desktop.labels import fonts as label_fonts
from desktop.reports import fonts
from desktop.reports.record_pdf import render_pdf
from desktop.reports.spc_pdf import Band, SpcReport, write_spc_pdf
from desktop.services.documents import build_record
from tests.integration.trace_reports.scenario import PUMP, pump_lot, receive_board_lot, zones

PRODUCT, STEP, NCR = "输液泵", "外壳装配", "密封不良"


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode()


def _fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout.decode()


def _forget_fonts() -> None:
    fonts.cjk_font_name.cache_clear()
    label_fonts.cjk_font.cache_clear()
    label_fonts._registered_cjk.cache_clear()


@pytest.fixture
def chinese_lot(plant, tmp_path):  # type: ignore[no-untyped-def]
    """A pump lot of 2 (unit 2 heavy -> NCR), then its product, the weigh step and the NCR's
    description renamed in Chinese, as a Chinese plant writes its master data."""
    zones(plant, tmp_path / "zones")
    receive_board_lot(plant, "CW-25-0101")
    built = pump_lot(plant, 2, "CW-25-0101", heavy=(2,))
    with Session(plant.engine) as s, s.begin():
        s.execute(update(Product).where(Product.gtin == PUMP).values(name=f"{PRODUCT} IP-300"))
        s.execute(
            update(RouteStep).where(RouteStep.name == "Weigh assembled pump").values(name=STEP)
        )
        # changed after the disposition was signed: the record says the signature no longer holds
        s.execute(update(Nonconformance).values(description=f"{NCR}: 2431.5 g"))
    return built


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(label_fonts.CJK_FONT_ENV, "/nonexistent/font.ttf")
    _forget_fonts()
    yield
    monkeypatch.undo()
    _forget_fonts()


def test_a_chinese_plants_record_shows_its_chinese_text(plant, chinese_lot, tmp_path) -> None:
    record = build_record(plant.ctx("qc_inspector"), chinese_lot.lot)
    assert record.identification.product == f"{PRODUCT} IP-300"
    pdf = render_pdf(record, tmp_path / "record.pdf")
    text = _text(pdf)
    for expected in (
        f"{PRODUCT} IP-300",  # title block, subtitle and every page's footer
        f"4 {STEP}",  # the steps table
        f"{NCR}: 2431.5 g",  # the NCR's description
        "Batch record (device history record)",  # Latin text unchanged
        "raw frame: S S        2431.5 g",  # the raw frame, fixed width, its spaces kept
    ):
        assert expected in text, expected
    pages = text.count("\f")
    assert pages >= 3 and text.count(f"Lotline batch record: {PRODUCT} IP-300, lot ") == pages
    used = _fonts(pdf)
    assert "WenQuanYiMicroHei" in used and "Helvetica" in used and "Courier" in used
    cjk_line = next(line for line in used.splitlines() if "WenQuanYiMicroHei" in line)
    assert cjk_line.split()[-5:-2] == ["yes", "yes", "yes"]  # embedded, subset, with ToUnicode
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    png = next(tmp_path.glob("p*.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def _spc() -> SpcReport:
    location = Band(
        f"单值 {STEP} (g)", [2401.0, 2399.5, 2431.5], 2400.0, 2390.0, 2410.0, None, {2: "1"}
    )
    dispersion = Band("移动极差", [None, 1.5, 32.0], 5.0, 0.0, 16.0)
    return SpcReport(
        f"SPC: {PRODUCT}, 4 {STEP}",
        [("Chart", "individuals and moving range"), ("Unit", "g")],
        location,
        dispersion,
        [["1 beyond a control limit", "3", f"{NCR} SN-2"]],
        [["Cpk", "0.41"]],
    )


def test_the_spc_report_shows_chinese_titles(tmp_path: Path) -> None:
    pdf = write_spc_pdf(_spc(), tmp_path / "spc.pdf")
    text = _text(pdf)
    for expected in (f"SPC: {PRODUCT}, 4 {STEP}", f"单值 {STEP} (g)", "移动极差", f"{NCR} SN-2"):
        assert expected in text, expected
    assert "WenQuanYiMicroHei" in _fonts(pdf)


def test_without_a_cjk_font_the_report_is_written_and_says_so(
    no_cjk_font: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="lotline.reports"):
        pdf = write_spc_pdf(_spc(), tmp_path / "spc.pdf")
    assert "Cpk" in _text(pdf) and "WenQuanYiMicroHei" not in _fonts(pdf)
    [message] = [r.getMessage() for r in caplog.records if r.name == "lotline.reports"]
    assert message.startswith("Chinese text in this PDF cannot be shown: ")
    assert "LOTLINE_CJK_FONT=/nonexistent/font.ttf does not name a file" in message
    assert "\n" not in message


def test_a_scan_sheet_with_chinese_captions_prints_them(tmp_path: Path) -> None:
    """The demo's sheet of barcodes: a station, a product and a step named in Chinese."""
    from desktop.reports.scan_sheet import Code, Section, scan_sheet

    codes = (Code("SN-0001", f"{PRODUCT} 单件 1"), Code("LOT-R-1", "树脂批次 R-1"))
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(
        scan_sheet(f"{STEP} 扫描单", "先扫描单件，再扫描组件。", (Section("单件", codes),))
    )
    text = _text(pdf)
    for words in (f"{STEP} 扫描单", "先扫描单件", f"{PRODUCT} 单件 1", "树脂批次 R-1", "SN-0001"):
        assert words in text
    assert "WenQuanYi" in _fonts(pdf) or "YaHei" in _fonts(pdf) or "SimHei" in _fonts(pdf)
