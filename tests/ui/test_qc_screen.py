"""The QC station driven as an inspector would: scan a lot, read its review, decide its NCR with
a signature, release it with a signature, and see the signed manifestation on the review."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt

from desktop.services import production
from desktop.views.qc import QcScreen
from desktop.views.signature import SignatureDialog
from tests.integration.workflows.qcpack_support import PUMP, build_pumps, eid, status
from tests.support.plant import PASSWORD, Plant
from tests.ui.conftest import OpenScreen, scan, settle

MANIFESTATION = re.compile(
    r"Quinn Inspector \(quinn\), \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: Released for distribution"
)


def _dialog(qtbot: Any, screen: QcScreen) -> SignatureDialog:
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible())
    assert screen.dialog is not None
    return screen.dialog


def _sign(qtbot: Any, dialog: SignatureDialog, password: str, reason: str = "") -> None:
    if reason:
        dialog.reason.setText(reason)
    if dialog.ask_username:
        dialog.username.setText("quinn")
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)


def test_review_disposition_and_signed_release(
    plant: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    built = build_pumps(plant, 3, check_fails=("SN-000002",))
    screen = open_screen(QcScreen, plant, "qc_inspector")
    settle(qtbot, screen)
    assert [q.lot for q in screen.release_tab.lots] == [built.lot]
    assert screen.release_tab.queue.item(0, 3).text().startswith("✖ 1 NCR")
    assert [n.number for n in screen.ncr_tab.ncrs] == ["NCR-000001"]

    scan(qtbot, screen, f"]d201{PUMP}10{built.lot}")  # the lot label
    settle(qtbot, screen)
    review = screen.release_tab.review.toPlainText()
    assert "NOT READY FOR RELEASE" in review and "NCR-000001 is open on unit SN-000002" in review
    assert screen.prompt.text() == "Resolve the blockers, then release (F9)"

    qtbot.mouseClick(screen.release_tab.release_button, Qt.MouseButton.LeftButton)
    assert screen.result.refused and screen.dialog is None  # blockers: no signature is asked
    assert "NCR-000001 is open on unit SN-000002" in screen.result.detail.text()

    scan(qtbot, screen, "NCR-000001")  # the NCR traveller's barcode selects it
    assert screen.tabs.currentWidget() is screen.ncr_tab and not screen.result.refused
    screen.ncr_tab.disposition.setCurrentIndex(0)  # rework
    screen.ncr_tab.step.setValue(5)
    qtbot.mouseClick(screen.ncr_tab.disposition_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, screen)
    assert dialog.ask_username and dialog.username.isVisible()  # first signing of the session
    assert dialog.meaning.text() == "Disposition approved"
    assert dialog.what.text() == "NCR-000001 on unit SN-000002: rework (from step 5)"
    _sign(qtbot, dialog, "wrong-password", reason="cable reseated")
    qtbot.waitUntil(lambda: dialog.notice.refused)
    assert "wrong password" in dialog.notice.detail.text() and dialog.isVisible()
    _sign(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    assert dialog.printed_name.text() == "Quinn Inspector (quinn)"
    assert dialog.signed_meaning.text() == "Disposition approved"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    assert screen.dialog is None
    row = screen.ncr_tab.table.item(0, 4).text()
    assert row.startswith("rework → step 5: cable reseated · Quinn Inspector (quinn), ")

    production.record_check(plant.ctx("operator"), built.serials[1], True, event_id=eid())
    screen.ncr_tab.note.setText("functional test passed after rework")
    qtbot.mouseClick(screen.ncr_tab.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    assert screen.result.title.text() == "✔  NCR-000001 closed"
    assert screen.ncr_tab.ncrs == []
    assert screen.prompt.text() == "Ready: release the lot (F9)"

    qtbot.mouseClick(screen.release_tab.release_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, screen)
    assert not dialog.ask_username and not dialog.username.isVisible()  # password alone now
    assert dialog.meaning.text() == "Released for distribution"
    assert dialog.what.text() == f"Release of lot {built.lot} (Infusion Pump IP-300): 3 item(s)"
    _sign(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    assert MANIFESTATION.fullmatch(dialog.manifestation.text())
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    assert status(plant.engine, serial=built.serials[0]) == "released"
    review = screen.release_tab.review.toPlainText()
    assert "RELEASED — signed" in review and MANIFESTATION.search(review)
    assert MANIFESTATION.search(screen.result.detail.text())
    assert screen.release_tab.lots == []


def test_inspection_hold_and_keyboard(plant: Plant, open_screen: OpenScreen, qtbot: Any) -> None:
    built = build_pumps(plant, 2)
    screen = open_screen(QcScreen, plant, "qc_inspector")
    screen.activateWindow()
    qtbot.waitActive(screen)
    settle(qtbot, screen)
    scan(qtbot, screen, f"]d201{PUMP}21{built.serials[0]}")  # a unit's label
    settle(qtbot, screen)
    assert screen.current is not None and screen.current.item == "unit SN-000001"

    qtbot.keyClick(screen, Qt.Key.Key_F3)
    assert screen.tabs.currentWidget() is screen.inspection_tab
    tab = screen.inspection_tab
    tab.plan.setCurrentIndex(tab.plan.findData("Assembled weight"))
    assert tab.unit.text() == "g"
    tab.value.setFocus()
    qtbot.keyClicks(tab.value, "2450")
    qtbot.keyClick(tab.value, Qt.Key.Key_Return)
    settle(qtbot, screen)
    assert screen.result.refused and "Out of tolerance" in screen.result.title.text()
    assert "NCR-000001 is open" in screen.result.hint.text()
    assert tab.results.item(0, 3).text() == "✖ OUT OF TOLERANCE"
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.result.refused

    qtbot.keyClick(screen, Qt.Key.Key_F4)
    screen.holds_tab.reason.setText("dropped at the bench")
    qtbot.keyClick(screen, Qt.Key.Key_F10)
    settle(qtbot, screen)
    assert screen.holds_tab.table.item(0, 1).text() == "✖ ON HOLD"
    assert "1 hold(s)" in screen.release_tab.queue.item(0, 3).text()
    screen.holds_tab.reason.setText("inspected: no damage")
    qtbot.keyClick(screen, Qt.Key.Key_F11)
    settle(qtbot, screen)
    assert screen.holds_tab.table.item(0, 1).text() == "released"
    assert screen.result.title.text() == "✔  Hold released: unit SN-000001"
