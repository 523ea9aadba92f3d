"""The receiving station driven as goods-in and QC would, with scans from the station's simulated
scanner: a supplier label the master data does not know and an expired lot are refused with
what to do; a lot is received with its certificate and its bin label printed; a serialised
delivery is received piece by piece and inspected piece by piece; QC fails and rejects one lot
and releases another with a signature."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.services.masterdata import load_folder
from desktop.views.receiving import ReceivingScreen
from tests.integration.workflows.qcpack_support import status
from tests.support.plant import PASSWORD, Plant
from tests.ui.conftest import FakePrinter, OpenScreen, scan, settle

SEAL = "09506000117843"  # part SEAL-IP300, lot-controlled
VALVE = "09506000117867"  # part VALVE-IP300, serialised
PARTS = f"""
[[parts]]
part_number = "SEAL-IP300"
name = "Pump seal"
tracking = "lot"
gtin = "{SEAL}"
incoming_plan = [
  {{ characteristic = "Inner diameter", lower = "11.9", upper = "12.1", unit = "mm" }},
]

[[parts]]
part_number = "VALVE-IP300"
name = "Check valve"
tracking = "serial"
gtin = "{VALVE}"
"""


def _day(days: int) -> str:
    return (date.today() + timedelta(days=days)).strftime("%y%m%d")


@pytest.fixture
def goods_in(plant: Plant, tmp_path: Path) -> Plant:
    (tmp_path / "parts.toml").write_text(PARTS, encoding="utf-8")
    load_folder(plant.admin, tmp_path)
    return plant


def _click(qtbot: Any, screen: ReceivingScreen, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)


def test_receive_refusals_certificate_bin_label_and_serials(
    goods_in: Plant, open_screen: OpenScreen, qtbot: Any, tmp_path: Path
) -> None:
    printer = FakePrinter()
    screen = open_screen(ReceivingScreen, goods_in, "packaging", printer)
    settle(qtbot, screen)
    assert screen.prompt.text() == "Scan the supplier's label"
    assert screen.receive_tab.supplier.count() == 3

    unknown = f"]d2010950600011785017{_day(300)}10X-1"
    scan(qtbot, screen, unknown)
    settle(qtbot, screen)
    assert screen.result.refused and screen.result.title.text() == "✖  Supplier label refused"
    detail = screen.result.detail.text()
    assert detail.startswith('scan "0109506000117850') or detail.startswith('scan "]d2')
    assert 'add gtin = "09506000117850" to the part in the parts file' in detail
    assert screen.receive_tab.label_data is None

    scan(qtbot, screen, f"]d201{SEAL}17{_day(-2)}10OLD-7")
    settle(qtbot, screen)
    assert screen.result.refused and "expired on" in screen.result.detail.text()
    assert "return it to the supplier" in screen.result.detail.text()

    typed = screen.receive_tab.typed  # a label that will not scan is typed (GS1 in brackets)
    qtbot.keyClicks(typed, f"(01){SEAL}(17){_day(400)}(10)SL-501")
    qtbot.keyClick(typed, Qt.Key.Key_Return)
    settle(qtbot, screen)
    assert not screen.result.refused and typed.text() == ""
    assert screen.receive_tab.part.text() == "SEAL-IP300 · Pump seal"
    assert screen.receive_tab.lot_expiry.text().startswith("Lot SL-501 · expiry 20")
    assert screen.prompt.text() == "Type the quantity, attach the certificate, receive (F8)"
    cert = tmp_path / "CoC-SL-501.pdf"
    cert.write_bytes(b"%PDF certificate SL-501")
    screen.receive_tab.quantity.setText("40")
    screen.receive_tab.certificate.setText(str(cert))
    _click(qtbot, screen, screen.receive_tab.receive_button)
    assert len(printer.sent) == 1 and b"QUARANTINE - DO NOT USE" in printer.sent[0][1]
    assert screen.result.title.text() == "✔  Lot SL-501 received; bin label printed"
    assert screen.receive_tab.recent.item(0, 0).text() == "SL-501"
    assert screen.receive_tab.bin_caption.text() == "Bin label of lot SL-501"
    qtbot.keyClick(screen, Qt.Key.Key_F11)  # the bin label again, for the newest lot
    settle(qtbot, screen)
    assert len(printer.sent) == 2 and b"SL-501" in printer.sent[1][1]

    scan(qtbot, screen, f"]d201{VALVE}17{_day(900)}10DEL-9")  # the delivery's label
    settle(qtbot, screen)
    assert screen.prompt.text() == "Scan each piece's serial, then receive (F8)"
    for serial in ("V-001", "V-002"):
        scan(qtbot, screen, f"]d201{VALVE}21{serial}")
        settle(qtbot, screen)
    scan(qtbot, screen, f"]d201{VALVE}21V-002")
    settle(qtbot, screen)
    assert screen.result.refused and screen.result.title.text() == "✖  Piece scanned twice"
    scan(qtbot, screen, f"]d201{SEAL}17{_day(400)}10SL-9")  # another part's label
    settle(qtbot, screen)
    assert "is a label of SEAL-IP300, not of VALVE-IP300" in screen.result.detail.text()
    assert screen.receive_tab.serial_list() == ["V-001", "V-002"]
    assert screen.receive_tab.quantity.text() == "2"
    qtbot.keyClick(screen, Qt.Key.Key_F8)
    settle(qtbot, screen)
    assert screen.result.title.text() == "✔  Lot DEL-9 received; bin label printed"
    assert status(goods_in.engine, serial="V-002") == "quarantine"


def test_incoming_inspection_fail_reject_and_signed_release(
    goods_in: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    from desktop.services import receiving

    pack = goods_in.ctx("packaging")
    receiving.receive_scanned(pack, f"]d201{SEAL}17{_day(400)}10SL-1", "SUP-ACME", 40)
    receiving.receive_scanned(pack, f"]d201{SEAL}17{_day(400)}10SL-2", "SUP-ACME", 40)
    valves = ["V-101", "V-102"]
    receiving.receive_scanned(
        pack, f"]d201{VALVE}17{_day(400)}10DEL-3", "SUP-ACME", 2, serials=valves
    )
    screen = open_screen(ReceivingScreen, goods_in, "qc_inspector")
    settle(qtbot, screen)
    assert screen.tabs.currentWidget() is screen.inspect_tab  # QC does not receive
    assert not screen.tabs.isTabEnabled(0)
    assert [lot.supplier_lot for lot in screen.inspect_tab.lots] == ["DEL-3", "SL-2", "SL-1"]

    scan(qtbot, screen, f"]d201{SEAL}10SL-2")  # the bin label's DataMatrix
    settle(qtbot, screen)
    assert screen.inspect_tab.title.text() == "Lot SL-2 · in quarantine"
    plan = screen.inspect_tab.plan
    assert (plan.item(0, 0).text(), plan.item(0, 1).text()) == ("Inner diameter", "11.9–12.1 mm")
    _click(qtbot, screen, screen.inspect_tab.accept_button)
    assert screen.result.refused and "Inner diameter not read yet" in screen.result.detail.text()
    plan.item(0, 2).setText("12.3")
    _click(qtbot, screen, screen.inspect_tab.accept_button)
    assert "a reading outside its limits fails the incoming inspection" in (
        screen.result.detail.text()
    )
    _click(qtbot, screen, screen.inspect_tab.fail_button)
    assert screen.result.refused and "needs notes saying what was wrong" in (
        screen.result.detail.text()
    )
    screen.inspect_tab.notes.setText("seals cracked at the lip")
    _click(qtbot, screen, screen.inspect_tab.fail_button)
    assert screen.result.title.text() == "✖  Inspection failed: SL-2 (recorded)"
    assert screen.result.hint.text() == "Reject the lot (F10), or inspect it again."
    assert plan.item(0, 3).text() == (
        "✖ Inner diameter 12.3 mm is above the upper limit (11.9–12.1 mm)"
    )
    screen.inspect_tab.notes.setText("seals cracked at the lip")
    _click(qtbot, screen, screen.inspect_tab.reject_button)
    assert screen.result.title.text() == "✔  Lot SL-2 rejected"
    assert status(goods_in.engine, supplier_lot="SL-2") == "rejected"

    scan(qtbot, screen, "DEL-3")
    settle(qtbot, screen)
    assert screen.inspect_tab.pieces.rowCount() == 2
    scan(qtbot, screen, "V-101")
    assert screen.inspect_tab.selected_piece() == "V-101"
    _click(qtbot, screen, screen.inspect_tab.accept_button)
    scan(qtbot, screen, "V-102")
    screen.inspect_tab.notes.setText("bent stem")
    _click(qtbot, screen, screen.inspect_tab.fail_button)
    assert screen.inspect_tab.pieces.item(1, 2).text() == "✖ failed: bent stem"
    qtbot.keyClick(screen, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible())
    dialog = screen.dialog
    assert dialog is not None and dialog.meaning.text() == "Material released for use"
    assert dialog.what.text() == "Release of lot DEL-3 (VALVE-IP300 from SUP-ACME) for use"
    dialog.username.setText("quinn")
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    assert screen.result.title.text() == "✔  Lot DEL-3 released for use"
    assert "Quinn Inspector (quinn)" in screen.result.detail.text()
    assert status(goods_in.engine, serial="V-101") == "released"
    assert status(goods_in.engine, serial="V-102") == "rejected"
    assert [lot.supplier_lot for lot in screen.inspect_tab.lots] == ["SL-1"]
