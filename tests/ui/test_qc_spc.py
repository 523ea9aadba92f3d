"""SPC at the QC station, driven as an inspector would: freeze a step's control limits with a
signature on the SPC tab; a later weight within specification but beyond the limits flags its
unit and lot; the scanned lot's release is refused naming the flag; the flag is dispositioned
on the SPC tab (refused without a reason); the lot is then released with a signature."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt

from desktop.views.qc import QcScreen
from desktop.views.signature import SignatureDialog
from tests.integration.workflows.qcpack_support import PUMP, status
from tests.integration.workflows.spc_support import BASELINE, pumps_weighing
from tests.support.plant import PASSWORD, Plant
from tests.ui.conftest import OpenScreen, scan, settle

SIGNED = re.compile(r"Quinn Inspector \(quinn\), [\d-]+ [\d:]+ UTC: Control limits approved")


def _sign(qtbot: Any, screen: QcScreen, reason: str = "") -> SignatureDialog:
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible())
    dialog = screen.dialog
    assert dialog is not None
    if reason:
        dialog.reason.setText(reason)
    if dialog.ask_username:
        dialog.username.setText("quinn")
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    return dialog


def test_flag_within_specification_blocks_release_until_dispositioned(
    plant: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    pumps_weighing(plant, BASELINE)
    screen = open_screen(QcScreen, plant, "qc_inspector")
    screen.activateWindow()
    qtbot.waitActive(screen)
    settle(qtbot, screen)
    tab = screen.spc_tab
    qtbot.keyClick(screen, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert screen.tabs.currentWidget() is tab
    steps = [(s.step, s.readings) for s in tab.steps]
    assert ("4 Weigh assembled pump", 10) in steps
    row = next(i for i, s in enumerate(tab.steps) if s.step == "4 Weigh assembled pump")
    tab.steps_table.selectRow(row)
    assert tab.steps_table.item(row, 4).text() == "none frozen"
    tab.samples.setValue(10)
    qtbot.keyClick(screen, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible())
    assert screen.dialog is not None
    assert screen.dialog.meaning.text() == "Control limits approved"
    assert screen.dialog.what.text() == (
        "Control limits of Infusion Pump IP-300, step 4 Weigh assembled pump, "
        "from the latest 10 readings"
    )
    dialog = _sign(qtbot, screen, reason="validation lot")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    assert SIGNED.fullmatch(screen.result.detail.text())
    assert tab.steps_table.item(row, 4).text().endswith("(10 readings)")
    assert tab.flags == []

    second, answers = pumps_weighing(plant, [2400.0, 2410.0])
    assert all("out of" not in a for a in answers)
    # the screen reloads what it shows (what F5 does; offscreen, after the signature dialog,
    # the window is not always the active one that receives the key)
    screen.refresh()
    qtbot.waitUntil(lambda: bool(tab.flags), timeout=10_000)
    settle(qtbot, screen)
    assert [f.number for f in tab.flags] == ["SPC-000001"]
    assert tab.flags_table.item(0, 5).text() == "rule 1: a point beyond 3 sigma"
    assert tab.flags_table.item(0, 4).text() == "2410 g"

    scan(qtbot, screen, f"]d201{PUMP}10{second.lot}")
    settle(qtbot, screen)
    assert "SPC-000001 is open on unit " in screen.release_tab.review.toPlainText()
    qtbot.keyClick(screen, Qt.Key.Key_F9)
    assert screen.result.refused and screen.dialog is None
    assert "SPC-000001 is open on unit" in screen.result.detail.text()
    assert "1 SPC flag(s)" in screen.release_tab.queue.item(1, 3).text()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)

    qtbot.keyClick(screen, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, screen)
    assert screen.tabs.currentWidget() is tab
    assert screen.result.refused and "needs a reason" in screen.result.detail.text()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    tab.reason.setText("scale re-zeroed; unit re-weighed 2400.3 g")
    qtbot.keyClick(screen, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, screen)
    assert screen.result.title.text() == "✔  SPC-000001 dispositioned"
    assert tab.flags == []

    qtbot.keyClick(screen, Qt.Key.Key_F9)
    dialog = _sign(qtbot, screen)
    assert dialog.signed_meaning.text() == "Released for distribution"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    assert status(plant.engine, serial=second.serials[1]) == "released"
