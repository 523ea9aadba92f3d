"""The service station driven with scans from the simulated scanner: a shipped pump scanned,
installed at St Mary's, taken back under an RMA, repaired by replacing its board (a part not in
the unit refused with the reason), the history showing each (both databases)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.distribution import ServiceKind
from desktop.domain.states import Status
from desktop.services.distribution import ship
from desktop.views.service import ServiceScreen
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    item,
    label_all,
    released_pumps,
)
from tests.integration.workflows.test_repair import _links
from tests.support.plant import Plant
from tests.ui.conftest import FakePrinter, OpenScreen, scan, settle


def _press(qtbot: Any, screen: ServiceScreen, key: Qt.Key) -> None:
    qtbot.keyClick(screen, key)
    settle(qtbot, screen)


def _scanned(qtbot: Any, screen: ServiceScreen, text: str) -> None:
    scan(qtbot, screen, text)
    settle(qtbot, screen)


def test_install_return_and_repair_a_pump(
    plant: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 1)
    label_all(plant, FakePrinter(), built.serials)
    serial = built.serials[0]
    ship(plant.ctx("packaging"), "CUST-STMARY", "9506000000015", [serial])
    plant.receive("BOARD-IP300", "BRD-SPARE", 3, supplier="SUP-BOARDS")
    old_board = _links(plant.engine, item(plant.engine, serial=serial).id)[1][0]
    screen = open_screen(ServiceScreen, plant, "supervisor")
    screen.activateWindow()
    qtbot.waitActive(screen)
    settle(qtbot, screen)
    assert screen.prompt.text() == "Scan the unit's serial"
    _scanned(qtbot, screen, "]C0" + serial)
    assert screen.heading.text().startswith(f"unit {serial} · ") and "shipped" in (
        screen.heading.text()
    )
    assert screen.parts.rowCount() == 2

    screen.kind.setCurrentIndex(screen.kind.findData(ServiceKind.INSTALLATION))
    screen.site.setCurrentIndex(screen.site.findText("CUST-STMARY", Qt.MatchFlag.MatchStartsWith))
    screen.notes.setText("ICU bed 4")
    _press(qtbot, screen, Qt.Key.Key_F8)
    assert screen.result.title.text() == f"✔  installation recorded: unit {serial}"
    assert item(plant.engine, serial=serial).status == Status.INSTALLED
    screen.kind.setCurrentIndex(screen.kind.findData(ServiceKind.RETURN))
    screen.site.setCurrentIndex(0)
    screen.notes.setText("RMA-0042: display dead")
    _press(qtbot, screen, Qt.Key.Key_F8)
    assert item(plant.engine, serial=serial).status == Status.RETURNED

    _press(qtbot, screen, Qt.Key.Key_F6)
    assert screen.prompt.text() == "Scan the part taken out"
    _scanned(qtbot, screen, "]C0BRD-SPARE")  # not the board inside
    _scanned(qtbot, screen, "]C0BRD-SPARE")
    screen.reason.setText("display dead")
    _press(qtbot, screen, Qt.Key.Key_F9)
    assert screen.result.refused and screen.result.title.text() == "✖  Repair refused"
    assert f"is not built into unit {serial}" in screen.result.detail.text()
    _press(qtbot, screen, Qt.Key.Key_Return)
    _press(qtbot, screen, Qt.Key.Key_F6)
    _scanned(qtbot, screen, "]C0" + old_board)
    _scanned(qtbot, screen, "]C0BRD-SPARE")
    assert screen.old_part.text() == "]C0" + old_board
    _press(qtbot, screen, Qt.Key.Key_F9)
    assert screen.result.title.text() == f"✔  Repair recorded: unit {serial}", (
        screen.result.detail.text()
    )
    settle(qtbot, screen)
    assert screen.history.item(0, 1).text() == "repair"
    assert any(
        "BRD-SPARE" in (screen.parts.item(r, 0).text()) for r in range(screen.parts.rowCount())
    )
