"""The packaging station driven as a packer would: select a released unit, see its real label,
print it (fake printer), scan it back, handle a mismatch with a supervisor-signed reprint, pack
the units into a case and reconcile the lot's labels."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt

from desktop.views.packaging import PackagingScreen
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    released_kits,
    released_pumps,
    status,
)
from tests.support.plant import PASSWORD, Plant
from tests.ui.conftest import FakePrinter, OpenScreen, scan, settle

GS = "\x1d"


def _printed_element_string(qtbot: Any, screen: PackagingScreen) -> str:
    """Print the selected item's label; returns the element string the label holds."""
    qtbot.waitUntil(lambda: screen.preview.current is not None)
    preview = screen.preview.current
    assert preview is not None and not screen.preview.view.pixmap().isNull()
    qtbot.keyClick(screen, Qt.Key.Key_F9)
    settle(qtbot, screen)
    assert screen.awaiting and screen.prompt.text() == "Apply the label, then scan it back"
    return preview.element_string


def _scanned(qtbot: Any, screen: PackagingScreen, text: str) -> None:
    scan(qtbot, screen, text)
    settle(qtbot, screen)


def test_print_verify_reprint_pack_and_reconcile(
    plant: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 4)
    printer = FakePrinter()
    screen = open_screen(PackagingScreen, plant, "packaging", printer)
    screen.activateWindow()
    qtbot.waitActive(screen)
    settle(qtbot, screen)
    assert [line.item for line in screen.queue.lines] == [f"unit {s}" for s in built.serials]
    assert screen.queue.item(0, 2).text() == "to print"

    screen.queue.setFocus()
    screen.queue.selectRow(0)
    qtbot.keyClick(screen.queue, Qt.Key.Key_Return)  # Enter in the queue selects the unit
    settle(qtbot, screen)
    assert screen.prompt.text() == "Print the label: F9"
    qtbot.waitUntil(lambda: screen.preview.current is not None)
    assert not screen.preview.view.pixmap().isNull()
    first = screen.preview.current.element_string
    assert first.endswith(f"{GS}21SN-000001") and "(21) SN-000001" in screen.preview.data.text()
    qtbot.keyClick(screen, Qt.Key.Key_F9)
    scan(qtbot, screen, "]d2" + first)  # from the scanner, while the print is in flight
    settle(qtbot, screen)
    assert len(printer.sent) == 1 and b"^XA" in printer.sent[0][1]
    assert screen.result.title.text() == "✔  Label verified: unit SN-000001"
    assert not screen.awaiting and screen.queue.lines[0].item == "unit SN-000002"

    _scanned(qtbot, screen, "SN-000002")  # the unit's traveller (its serial, no label yet)
    second = _printed_element_string(qtbot, screen)
    _scanned(qtbot, screen, "]d2" + first)  # the wrong label scanned back
    assert screen.result.refused and screen.result.title.text() == "✖  Label does not match: voided"
    detail = screen.result.detail.text()
    assert f"Printed: {second.replace(GS, '<GS>')}" in detail
    assert f"Scanned: ]d2{first.replace(GS, '<GS>')}" in detail
    assert screen.queue.item(0, 2).text() == "✖ voided: reprint"
    assert screen.prompt.text() == "Reprint the label with a supervisor: F10"

    qtbot.keyClick(screen, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible())
    dialog = screen.dialog
    assert dialog.ask_username and dialog.meaning.text() == "Reprint approved"
    assert dialog.what.text() == "Reprint of the label of unit SN-000002"
    dialog.reason.setText("label applied crooked")
    dialog.username.setText("sam")
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    assert re.fullmatch(
        r"Sam Supervisor \(sam\), [\d-]+ [\d:]+ UTC: Reprint approved", dialog.manifestation.text()
    )
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    assert len(printer.sent) == 3 and len(screen.awaiting) == 1
    _scanned(qtbot, screen, "]d2" + second)  # the right label scanned back
    assert screen.result.title.text() == "✔  Label verified: unit SN-000002"

    qtbot.keyClick(screen, Qt.Key.Key_F7)
    settle(qtbot, screen)
    assert screen.case is not None and screen.case.status == "open"
    sscc = screen.case.sscc
    _scanned(qtbot, screen, f"]C100{sscc}")  # the case label makes it the open case
    assert screen.result.title.text() == f"✔  Open case: case SSCC {sscc}"
    for element_string in (first, second):
        _scanned(qtbot, screen, "]d2" + element_string)
    assert screen.case.count == 2 and screen.case_box.fill.text() == "2 of 4 · open"
    assert status(plant.engine, serial="SN-000002") == "packed"

    qtbot.keyClick(screen, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible())
    screen.dialog.applied.setValue(2)
    screen.dialog.destroyed_count.setValue(1)
    qtbot.keyClick(screen.dialog.applied, Qt.Key.Key_Return)
    settle(qtbot, screen)
    assert screen.result.title.text() == f"✔  Labels of lot {built.lot} reconciled"
    assert screen.result.detail.text().startswith("3 issued = 2 applied + 1 destroyed")


def test_a_lot_of_kits_prints_one_label_per_kit_and_packs_by_quantity(
    plant: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    approve_templates(plant)
    built = released_kits(plant, 3)
    printer = FakePrinter()
    screen = open_screen(PackagingScreen, plant, "packaging", printer)
    settle(qtbot, screen)
    assert [(line.item, line.product) for line in screen.queue.lines] == [
        (f"lot {built.lot}", "Sterile Catheter Kit CK-10")
    ]
    screen.queue.selectRow(0)
    screen.queue.activated.emit(screen.queue.currentIndex())
    settle(qtbot, screen)
    assert screen.preview.copies.isVisibleTo(screen) and screen.preview.copies.value() == 3
    kit = _printed_element_string(qtbot, screen)
    assert len(printer.sent) == 3 and len(screen.awaiting) == 3
    for _ in range(3):
        _scanned(qtbot, screen, "]d2" + kit)
        assert screen.result.title.text() == f"✔  Label verified: lot {built.lot}"
    assert screen.awaiting == [] and screen.queue.lines == []

    qtbot.mouseClick(screen.new_case_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    _scanned(qtbot, screen, "]d2" + kit)  # the lot's label again: packs what fills the case
    assert screen.case is not None and screen.case_box.fill.text() == "3 of 10 · open"
    assert screen.case_box.contents.item(0).text() == f"lot {built.lot} × 3"
