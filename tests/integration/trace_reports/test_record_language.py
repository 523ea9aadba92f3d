"""The batch record in the reader's language: `lotline record --language zh_CN` prints the record's
fixed words (title, section headings, column headers, "page X of Y", sentences, vocabulary words)
in Simplified Chinese from the station's translation file, and the data as recorded; English is
the default and unchanged; an unknown language is refused in one line and nothing is written."""

from __future__ import annotations

import io
import logging
import subprocess
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.text import t
from desktop.reports import language
from desktop.reports.language import english, translator
from desktop.reports.record_pdf import render_pdf
from desktop.services.documents import build_record
from tests.integration.trace_reports.scenario import pump_lot, receive_board_lot, release_and_label
from tests.support.plant import PASSWORD

#: The fixed words a Chinese QA or auditor reads, as the Chinese record prints them.
CHINESE = (
    "批生产记录（DHR）",  # the title
    "第 1 页，共",  # the page numbering of every page
    "Lotline 批生产记录：",  # every page's footer
    "1. 生产日期和数量",
    "3. 生产和检验工序",
    "5. 不合格品及其处置和签名",
    "9. 放行销售（电子签名）",
    "12. 审计追踪摘录",
    "审计追踪：审计链验证通过",
    "签名验证通过",  # an electronic signature's check
    "当前状态",  # a field name of the title block
    "批生产记录结束。",
)
#: English fixed words that must not be left in the Chinese record.
ENGLISH = (
    "Batch record (device history record)",
    "page 1 of",
    "Dates and quantities of manufacture",
    "Release for distribution",
    "the audit chain verifies",
    "End of batch record.",
)


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode()


@pytest.fixture
def lot(plant, printer):  # type: ignore[no-untyped-def]
    """A released, labelled pump lot of 2; unit 1 weighed heavy first (an NCR, reworked)."""
    receive_board_lot(plant, "CW-L100")
    built = pump_lot(plant, 2, "CW-L100", heavy=(1,))
    release_and_label(plant, printer, built)
    return built


def test_the_chinese_record_has_chinese_fixed_words_and_the_data_as_recorded(
    plant, lot, tmp_path
) -> None:
    record = build_record(plant.ctx("qc_inspector"), lot.lot)
    text = _text(render_pdf(record, tmp_path / "zh.pdf", translator("zh_CN")))
    for words in CHINESE:
        assert words in text, words
    for words in ENGLISH:
        assert words not in text, words
    pages = text.count("\f")
    assert pages >= 3 and text.count(f"，共 {pages} 页") == pages
    # data values are printed as recorded, never translated
    [ncr] = record.nonconformances
    release = record.release
    assert release is not None
    for value in (lot.lot, record.identification.product, ncr.number, release.printed_name):
        assert value in text, value
    assert release.meaning in text  # the meaning as it was signed
    assert "已放行" in text  # the lot's status, a vocabulary word, in the vocabulary's Chinese


def test_the_english_record_is_unchanged_by_the_translator(plant, lot, tmp_path) -> None:
    record = build_record(plant.ctx("qc_inspector"), lot.lot)
    default = _text(render_pdf(record, tmp_path / "default.pdf"))
    asked = _text(render_pdf(record, tmp_path / "en.pdf", translator("en")))
    assert asked == default
    assert "Batch record (device history record)" in default and "page 1 of" in default
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in default)


def test_a_template_without_a_translation_prints_in_english(caplog) -> None:  # type: ignore[no-untyped-def]
    zh = translator("zh_CN")
    assert t("page {page} of {pages}", page=2, pages=5).render(zh) == "第 2 页，共 5 页"
    assert t("no such words {n}", n=1).render(zh) == "no such words 1"
    assert t("yes").render(english) == "yes"
    language._table.cache_clear()
    with caplog.at_level(logging.WARNING, logger="lotline.reports"):
        assert translator("xx_XX")("None recorded.") == "None recorded."
    assert any("no translation file for xx_XX" in r.getMessage() for r in caplog.records)
    language._table.cache_clear()


def _record(plant, monkeypatch, capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    url = plant.engine.url.render_as_string(hide_password=False)
    code = main(["record", *argv, "--by", "quinn", "--database", url])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_command_writes_the_record_in_the_language_asked_for(
    plant, lot, tmp_path, monkeypatch, capsys
) -> None:
    out = tmp_path / "zh.pdf"
    code, said, _ = _record(
        plant, monkeypatch, capsys, lot.lot, "--out", str(out), "--language", "zh_CN"
    )
    assert code == 0, said
    text = _text(out)
    assert "批生产记录（DHR）" in text and lot.lot in text
    code, said, _ = _record(plant, monkeypatch, capsys, lot.lot, "--out", str(tmp_path / "en.pdf"))
    assert code == 0, said
    assert "Batch record (device history record)" in _text(tmp_path / "en.pdf")


def test_an_unknown_language_is_refused_in_one_line(
    plant, lot, tmp_path, monkeypatch, capsys
) -> None:
    out = tmp_path / "fr.pdf"
    code, said, err = _record(
        plant, monkeypatch, capsys, lot.lot, "--out", str(out), "--language", "fr"
    )
    assert code == 1 and said == ""
    assert err.strip().splitlines() == [
        'lotline: language "fr" is not one of en, zh_CN: give one of them; nothing was written'
    ]
    assert not out.exists()
