"""The station's Simplified Chinese: every tr() string of desktop/views has a reviewed entry in
desktop/views/i18n/zh_CN.toml, and the compiled lotline_zh_CN.qm answers in Chinese."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
QM = ROOT / "desktop" / "views" / "i18n" / "lotline_zh_CN.qm"
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_string_of_the_screens_has_a_chinese_translation() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, (
        "strings without a translation: add them to desktop/views/i18n/zh_CN.toml, then run "
        f"scripts/i18n.py\n{run.stdout}{run.stderr}"
    )


@pytest.fixture
def chinese(qapp: QCoreApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} missing: run scripts/i18n.py"
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.mark.parametrize(
    ("context", "source", "chinese_text"),
    [
        ("LoginScreen", "Log in with badge", "工牌登录"),
        ("MainWindow", "OFFLINE", "离线"),
        ("HoldsTab", "Release hold", "解除冻结"),
        ("SignatureDialog", "Electronic signature", "电子签名"),
    ],
)
def test_the_compiled_file_answers_in_chinese(
    chinese: QTranslator, context: str, source: str, chinese_text: str
) -> None:
    assert QCoreApplication.translate(context, source) == chinese_text


@pytest.mark.parametrize(
    ("source", "vocabulary", "chinese_text"),
    [
        ("use as is", "Disposition", "让步接收"),
        ("released", "Status", "已放行"),
        ("released", "WorkOrderStatus", "已下达"),  # one English word, two vocabularies
        ("open", "NcrStatus", "待处理"),
    ],
)
def test_the_words_of_a_code_answer_in_chinese_in_their_vocabulary(
    chinese: QTranslator, source: str, vocabulary: str, chinese_text: str
) -> None:
    assert QCoreApplication.translate("services", source, vocabulary) == chinese_text


def test_placeholders_and_key_hints_survive_translation(chinese: QTranslator) -> None:
    text = QCoreApplication.translate("QcScreen", "Lot %1 released: %2 unit(s)")
    assert CJK.search(text) and "%1" in text and "%2" in text
    hint = QCoreApplication.translate("PackagingScreen", "Print the label: F9")
    assert CJK.search(hint) and "F9" in hint
    banner = QCoreApplication.translate(
        "MainWindow", "SIMULATION — simulated devices; nothing recorded here is production data"
    )
    assert banner.startswith("模拟")
