"""The planning station driven as a supervisor would: a work order created from the form, released,
its serials commissioned and their labels printed on the station printer, selected by scanning
its traveller with the station's simulated scanner, a short close refused without a reason and
closed with one; an unknown scan is refused in words. With LOTLINE_SCREENSHOTS=FOLDER the screen
is saved at 1280x800 in English and Chinese (FOLDER/<language>/1280x800/planning*.png)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from desktop.views.planning import PlanningScreen
from desktop.views.station import install_language
from tests.support.plant import Plant
from tests.ui.conftest import FakePrinter, OpenScreen, scan, settle


def _click(qtbot: Any, screen: PlanningScreen, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)


def _shot(screen: PlanningScreen, name: str, language: str) -> None:
    folder = os.environ.get("LOTLINE_SCREENSHOTS")
    if not folder:
        return
    path = Path(folder) / language / "1280x800" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    screen.resize(1280, 800)
    QApplication.processEvents()
    assert screen.grab().save(str(path))


def _walk(plant: Plant, open_screen: OpenScreen, qtbot: Any, language: str) -> None:
    printer = FakePrinter()
    screen = open_screen(PlanningScreen, plant, "supervisor", printer)
    settle(qtbot, screen)
    assert screen.product.count() == 2  # both demo products have a released route
    assert not screen.release_button.isEnabled()

    screen.side.setCurrentIndex(1)  # the "New work order" tab
    screen.product.setCurrentIndex(screen.product.findData("09506000134352"))
    screen.number.setText("WO-42")
    screen.quantity.setValue(3)
    screen.due.setDate(QDate(2031, 3, 14))
    _shot(screen, "planning-new", language)
    _click(qtbot, screen, screen.create_button)
    assert screen.result.refused is False, screen.result.detail.text()
    assert screen.selected is not None and screen.selected.number == "WO-42"
    assert screen.table.item(0, 2).text() == "2031-03-14"
    assert screen.side.currentIndex() == 0  # back on the selected order's actions

    _click(qtbot, screen, screen.release_button)
    assert screen.selected is not None and screen.selected.lot
    screen.count.setValue(3)
    assert "3" in screen.commission_button.text()
    _click(qtbot, screen, screen.commission_button)
    assert screen.selected is not None and screen.selected.counts.commissioned == 3
    _click(qtbot, screen, screen.print_button)
    assert len(printer.sent) == 3
    assert all(b"SN-" in payload for _, payload in printer.sent)
    _shot(screen, "planning", language)

    screen.table.clearSelection()
    scan(qtbot, screen, "WO-99")
    assert screen.result.refused
    assert "WO-99" in screen.result.detail.text()
    _shot(screen, "planning-refused", language)
    scan(qtbot, screen, "WO-42")
    assert screen.selected is not None and screen.selected.number == "WO-42"
    assert screen.steps.rowCount() == 7

    _click(qtbot, screen, screen.close_button)
    assert screen.result.refused
    assert "WO-42" in screen.result.detail.text()
    screen.reason.setText("customer order cut to zero")
    _click(qtbot, screen, screen.close_button)
    assert not screen.result.refused
    assert screen.table.rowCount() == 0


def test_a_supervisor_plans_a_work_order_from_the_planning_screen(
    plant: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    _walk(plant, open_screen, qtbot, "en")


def test_the_planning_screen_in_chinese(
    plant: Plant, open_screen: OpenScreen, qtbot: Any, styled: QApplication
) -> None:
    install_language(styled, "zh_CN")
    try:
        _walk(plant, open_screen, qtbot, "zh_CN")
    finally:
        install_language(styled, "en")


def test_roles_without_planning_rights_do_not_see_the_planning_screen() -> None:
    from desktop.views import kinds

    assert "planning" in kinds.visible_to("supervisor")
    for role in ("operator", "qc_inspector", "packaging", "admin"):
        assert "planning" not in kinds.visible_to(role)
