"""The shipping station driven as the shipping clerk would, with scans from the station's
simulated scanner: an unreleased unit is refused with its reason, a pallet and a loose unit go
onto a shipment with a running count, the delivery note PDF is written, the shipment is
confirmed and its proof of delivery recorded (both databases)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt

from desktop.domain.states import Status
from desktop.services.packing import (
    close_case,
    close_pallet,
    create_case,
    create_pallet,
    pack_case,
    pack_unit,
)
from desktop.views.shipping import ShippingScreen
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    build_pumps,
    item,
    label_all,
    released_pumps,
)
from tests.support.plant import Plant
from tests.ui.conftest import FakePrinter, OpenScreen, scan, settle


def _press(qtbot: Any, screen: ShippingScreen, key: Qt.Key) -> None:
    qtbot.keyClick(screen, key)
    settle(qtbot, screen)


def _goods(plant: Plant) -> tuple[str, str, str]:
    """An unreleased unit, a closed pallet of four labelled pumps and a loose labelled pump."""
    approve_templates(plant)
    build_pumps(plant, 1)  # SN-000001: built, not released
    built = released_pumps(plant, 5)  # SN-000002 .. SN-000006
    label_all(plant, FakePrinter(), built.serials)
    pack = plant.ctx("packaging")
    case = create_case(pack).sscc
    for serial in built.serials[:4]:
        pack_unit(pack, case, serial)
    close_case(pack, case)
    pallet = create_pallet(pack).sscc
    pack_case(pack, pallet, case)
    close_pallet(pack, pallet)
    return "SN-000001", pallet, built.serials[4]


def test_ship_a_pallet_and_a_unit_with_note_and_proof_of_delivery(
    plant: Plant, open_screen: OpenScreen, qtbot: Any, tmp_path: Path
) -> None:
    unreleased, pallet, loose = _goods(plant)
    screen = open_screen(ShippingScreen, plant, "packaging")
    screen.folder = tmp_path
    settle(qtbot, screen)
    assert screen.prompt.text() == "Choose the customer's site and open a shipment (F2)"
    scan(qtbot, screen, "]C0" + loose)
    assert screen.result.refused and screen.result.title.text() == "✖  No open shipment"
    _press(qtbot, screen, Qt.Key.Key_Return)
    sites = screen.list_panel.site
    sites.setCurrentIndex(sites.findText("CUST-STMARY", Qt.MatchFlag.MatchStartsWith))
    _press(qtbot, screen, Qt.Key.Key_F2)
    view = screen.current
    assert view is not None and view.number.startswith("SHP-")
    assert screen.result.title.text() == f"✔  Shipment {view.number} opened"
    assert screen.prompt.text() == "Scan the cases, pallets or units to ship"

    scan(qtbot, screen, "]C0" + unreleased)
    settle(qtbot, screen)
    assert screen.result.refused and screen.result.title.text() == "✖  Not shipped"
    assert screen.result.detail.text().startswith(
        f'scan "]C0{unreleased}": unit {unreleased} is in production: only released, labelled'
    )
    _press(qtbot, screen, Qt.Key.Key_Escape)
    scan(qtbot, screen, "]C100" + pallet)
    settle(qtbot, screen)
    assert not screen.result.refused, screen.result.detail.text()
    assert screen.current_panel.count.text() == "1 scanned · 2 cases and pallets · 4 units"
    scan(qtbot, screen, "]C0" + loose)
    settle(qtbot, screen)
    assert screen.current_panel.count.text() == "2 scanned · 2 cases and pallets · 5 units"
    assert screen.current_panel.lines.rowCount() == 7
    assert screen.prompt.text() == "Scan the next one, or confirm shipped (F8)"
    scan(qtbot, screen, "]C0" + loose)
    settle(qtbot, screen)
    assert f"is on {view.number} already" in screen.result.detail.text()
    _press(qtbot, screen, Qt.Key.Key_Return)

    _press(qtbot, screen, Qt.Key.Key_F6)
    note = tmp_path / f"{view.number}.pdf"
    assert note.read_bytes().startswith(b"%PDF") and screen.last_note == note
    assert screen.result.title.text() == f"✔  Delivery note of {view.number} written"
    assert item(plant.engine, serial=loose).status == Status.RELEASED
    _press(qtbot, screen, Qt.Key.Key_F8)
    assert screen.result.title.text() == f"✔  Shipment {view.number} shipped", (
        screen.result.detail.text()
    )
    for serial in ("SN-000002", loose):
        assert item(plant.engine, serial=serial).status == Status.SHIPPED
    assert screen.prompt.text() == (
        "Print the delivery note (F6); record the proof of delivery (F9)"
    )
    _press(qtbot, screen, Qt.Key.Key_F9)
    assert screen.result.refused
    assert "give the name of the person who signed for" in screen.result.detail.text()
    _press(qtbot, screen, Qt.Key.Key_Return)
    panel = screen.current_panel
    panel.signed_by.setText("R. Chen")
    panel.delivered_at.setDateTime(QDateTime.currentDateTime().addSecs(120))
    _press(qtbot, screen, Qt.Key.Key_F9)
    assert screen.result.title.text() == f"✔  Delivery of {view.number} recorded", (
        screen.result.detail.text()
    )
    assert screen.current is not None and screen.current.received_by == "R. Chen"
    assert not panel.pod.isEnabled()
    assert screen.prompt.text() == "Delivered: open the next shipment (F2)"
