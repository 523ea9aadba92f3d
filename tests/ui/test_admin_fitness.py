"""The administration station's calibration and qualification tab, driven as an administrator:
a calibration recorded for the selected scale (one past due shown with a warning sign and in
words), a qualification granted and revoked; a missing certificate is refused in words. With
LOTLINE_SCREENSHOTS=FOLDER the tab is saved at 1280x800 in English and Chinese."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from desktop.services import identity
from desktop.views.admin import AdminScreen
from desktop.views.station import install_language
from tests.support.plant import Plant
from tests.ui.conftest import OpenScreen, settle


def _click(qtbot: Any, screen: AdminScreen, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)


def _row(table: Any, *cells: str) -> int:
    for row in range(table.rowCount()):
        if all(table.item(row, c).text() == text for c, text in enumerate(cells)):
            return row
    raise AssertionError(f"no row {cells}")


def _walk(plant: Plant, open_screen: OpenScreen, qtbot: Any, language: str) -> None:
    screen = open_screen(AdminScreen, plant, "admin")
    settle(qtbot, screen)
    tab = screen.fitness
    tabs = tab.parentWidget().parentWidget()
    tabs.setCurrentWidget(tab)

    tab.devices.selectRow(_row(tab.devices, "line-1", "line-1 scale"))
    _click(qtbot, screen, tab.calibrate_button)  # no certificate named
    assert screen.result.refused
    assert "certificate" in screen.result.detail.text() or "证书" in screen.result.detail.text()

    tab.devices.selectRow(_row(tab.devices, "line-1", "line-1 scale"))
    tab.certificate.setText("CAL-0041")
    tab.calibrated_on.setDate(QDate(2020, 1, 10))
    tab.due_on.setDate(QDate(2021, 1, 10))
    _click(qtbot, screen, tab.calibrate_button)
    assert not screen.result.refused, screen.result.detail.text()
    row = _row(tab.devices, "line-1", "line-1 scale")
    assert tab.devices.item(row, 2).text().startswith("⚠ ")
    assert tab.devices.item(row, 3).text() == "2021-01-10"

    tab.user.setText("olga")
    tab.qualification.setText("final weighing")
    tab.expires.setDate(QDate(2030, 6, 30))
    _click(qtbot, screen, tab.grant_button)
    assert _row(tab.people, "olga", "final weighing", "2030-06-30") >= 0
    _shot(screen, language)

    tab.people.selectRow(_row(tab.people, "olga", "final weighing"))
    tab.revoke_reason.setText("left the line")
    _click(qtbot, screen, tab.revoke_button)
    assert [q.revoked for q in identity.list_qualifications(plant.admin, "olga")] == [True]


def _shot(screen: AdminScreen, language: str) -> None:
    folder = os.environ.get("LOTLINE_SCREENSHOTS")
    if not folder:
        return
    path = Path(folder) / language / "1280x800" / "admin-calibration.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    screen.resize(1280, 800)
    QApplication.processEvents()
    assert screen.grab().save(str(path))


def test_an_administrator_records_calibrations_and_qualifications(
    plant: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    _walk(plant, open_screen, qtbot, "en")


def test_the_calibration_tab_in_chinese(
    plant: Plant, open_screen: OpenScreen, qtbot: Any, styled: QApplication
) -> None:
    install_language(styled, "zh_CN")
    try:
        _walk(plant, open_screen, qtbot, "zh_CN")
    finally:
        install_language(styled, "en")
