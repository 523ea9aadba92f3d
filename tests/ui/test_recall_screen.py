"""The recall screen driven as the supervisor would, with scans from the station's simulated
scanner: a recall opened by scanning the bad board lot shows the affected pumps and the
customer to notify; the customer's notification, a return and the dispositions are recorded;
the recall is closed with the signature "Recall closed". Refusals (an unknown lot, a unit still
at the customer, a role without the recall permission) are shown in words (both databases)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.services.core.context import Actor, Context
from desktop.services.distribution import ship
from desktop.services.recall import record_return
from desktop.views import kinds
from desktop.views import recall as recall_screen
from desktop.views.device_signals import DeviceSignals
from desktop.views.kit import StationKit
from desktop.views.recall import RecallScreen
from desktop.views.shell import MainWindow
from desktop.views.signature import SignatureDialog
from desktop.views.station import screen_factories
from tests.integration.trace_reports.scenario import PumpLot, pump_lot, receive_board_lot
from tests.integration.trace_reports.scenario import release_and_label as release_lot
from tests.support.plant import PASSWORD, Plant
from tests.ui.conftest import FakePrinter, OpenScreen, scan, settle

STMARY = "9506000000015"


def _press(qtbot: Any, screen: RecallScreen, key: Qt.Key) -> None:
    qtbot.keyClick(screen, key)
    settle(qtbot, screen)


def _shipped(plant: Plant) -> PumpLot:
    """Three pumps built with board lot CW-A100: two shipped to St Mary's, one in stock."""
    receive_board_lot(plant, "CW-A100")
    pumps = pump_lot(plant, 3, "CW-A100")
    release_lot(plant, FakePrinter(), pumps)  # type: ignore[arg-type]
    ship(plant.ctx("packaging"), "CUST-STMARY", STMARY, list(pumps.serials[:2]))
    return pumps


def _figures(screen: RecallScreen) -> dict[str, str]:
    return {k: f.value.text() for k, f in screen.campaign.figures.items()}


def _disposition(qtbot: Any, screen: RecallScreen, code: str, serial: str) -> None:
    box = screen.campaign.disposition
    box.setCurrentIndex(box.findData(code))
    screen.campaign.disposition_reason.setText("done as the recall plan says")
    scan(qtbot, screen, "]C0" + serial)
    settle(qtbot, screen)


def test_run_a_recall_from_the_bad_lot_to_the_signed_close(
    plant: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    pumps = _shipped(plant)
    screen = open_screen(RecallScreen, plant, "supervisor")
    settle(qtbot, screen)
    assert screen.prompt.text() == "Type the reason, then scan the bad lot or serial"
    screen.list_panel.reason.setText("board capacitor C12 out of specification")
    scan(qtbot, screen, "]C0CW-A100")
    settle(qtbot, screen)
    assert screen.result.title.text() == "✔  RCL-000001 opened on lot CW-A100", (
        screen.result.detail.text()
    )
    assert _figures(screen) | {"scope": ""} == {
        "scope": "",
        "units": "3",
        "customers": "0/1",
        "returned": "0",
        "dispositioned": "0/3",
    }
    units = screen.campaign.units
    rows = {units.text(r, 0): units.text(r, 1) for r in range(units.rowCount())}
    assert rows == {
        f"unit {pumps.serials[0]}": "shipped",
        f"unit {pumps.serials[1]}": "shipped",
        f"unit {pumps.serials[2]}": "in stock",
    }
    assert screen.campaign.customers.item(0, 2).text() == STMARY
    assert screen.list_panel.table.item(0, 0).text() == "RCL-000001"

    screen.campaign.customers.selectRow(0)
    _press(qtbot, screen, Qt.Key.Key_F5)  # read again (as every 30 s): the chosen site stays
    assert screen.campaign.selected_customer() == ("CUST-STMARY", STMARY)
    _press(qtbot, screen, Qt.Key.Key_F3)
    assert screen.result.title.text() == "✖  Who was told?"
    _press(qtbot, screen, Qt.Key.Key_Escape)
    screen.campaign.told.setText("R. Chen, pharmacy")
    screen.campaign.how.setText("phone")
    _press(qtbot, screen, Qt.Key.Key_F3)
    assert screen.result.title.text() == "✔  RCL-000001: notified 2", screen.result.detail.text()
    assert _figures(screen)["customers"] == "1/1"

    assert screen.prompt.text() == "Scan each returned unit (UDI or serial)"
    scan(qtbot, screen, "]C0" + pumps.serials[0])
    settle(qtbot, screen)
    assert screen.result.title.text() == "✔  RCL-000001: returned 1"
    assert _figures(screen)["returned"] == "1"

    _press(qtbot, screen, Qt.Key.Key_F6)
    _disposition(qtbot, screen, "scrapped", pumps.serials[1])
    assert screen.result.refused, screen.result.detail.text()
    assert "is at the customer (shipped): record its return before" in (screen.result.detail.text())
    _press(qtbot, screen, Qt.Key.Key_Return)
    record_return(plant.ctx("supervisor"), "RCL-000001", [pumps.serials[1]])  # at another desk
    screen._watch()  # what the screen does every 30 s while shown
    settle(qtbot, screen)
    assert _figures(screen)["returned"] == "2"
    _disposition(qtbot, screen, "scrapped", pumps.serials[0])
    _disposition(qtbot, screen, "scrapped", pumps.serials[2])
    _disposition(qtbot, screen, "corrected_in_field", pumps.serials[1])
    assert not screen.result.refused, screen.result.detail.text()
    assert _figures(screen)["dispositioned"] == "3/3"

    _press(qtbot, screen, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible())
    dialog = screen.dialog
    assert isinstance(dialog, SignatureDialog)
    assert dialog.meaning.text() == "Recall closed"
    scan(qtbot, screen, "]C0" + pumps.serials[0])  # not used while the signature is open
    assert dialog.notice.refused
    dialog.reason.setText("every unit accounted for")
    if dialog.ask_username:
        dialog.username.setText("sam")
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    assert dialog.printed_name.text() == "Sam Supervisor (sam)"
    settle(qtbot, screen)
    assert screen.result.title.text() == "✔  RCL-000001 closed"
    assert "Sam Supervisor (sam)" in screen.campaign.subtitle.text()
    assert screen.campaign.title.text().endswith("· closed")
    assert not screen.campaign.forms.isVisible()  # a closed recall takes no more updates


def test_the_units_fill_page_by_page_and_the_scope_goes_to_a_csv_file(
    plant: Plant, open_screen: OpenScreen, qtbot: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    """The figures at once, then the units a page at a time (a page of one here, 5,000 at a
    plant) with the bar reaching the end; F9's file holds every unit, shipment and customer."""
    monkeypatch.setattr(recall_screen, "UNITS_PAGE", 1)
    pumps = _shipped(plant)
    screen = open_screen(RecallScreen, plant, "supervisor")
    settle(qtbot, screen)
    pages: list[int] = []
    screen.campaign.units.model.rowsInserted.connect(lambda *_: pages.append(1))
    screen.list_panel.reason.setText("board capacitor C12 out of specification")
    scan(qtbot, screen, "]C0CW-A100")
    settle(qtbot, screen)
    units, bar = screen.campaign.units, screen.campaign.units.bar
    assert units.rowCount() == 3 and len(pages) == 3  # three pages of one
    assert (bar.value(), bar.maximum()) == (3, 3) and bar.text() == "3 of 3 units listed"
    assert units.caption.text() == "All units listed"
    assert {units.text(r, 0) for r in range(3)} == {f"unit {s}" for s in pumps.serials}

    screen._watch()  # read again: the rows are replaced in place, none added
    settle(qtbot, screen)
    assert units.rowCount() == 3 and len(pages) == 3 and bar.value() == 3

    target = tmp_path / "RCL-000001-scope.csv"
    screen.export_to(str(target))
    settle(qtbot, screen)
    assert screen.result.title.text() == f"✔  Scope written to {target}", (
        screen.result.detail.text()
    )
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    export_bar = screen.campaign.export_bar
    assert (export_bar.value(), export_bar.maximum()) == (len(rows), len(rows))
    listed = {r["serial"] for r in rows if r["record"] == "item" and r["kind"] == "unit"}
    assert listed == set(pumps.serials)
    assert {r["customer_code"] for r in rows if r["record"] == "shipment"} == {"CUST-STMARY"}
    assert "3 units, 1 shipments to 1 customers" in screen.result.detail.text()


def test_refusals_are_shown_in_words(plant: Plant, open_screen: OpenScreen, qtbot: Any) -> None:
    assert "recall" in kinds.visible_to("supervisor")
    assert "recall" not in kinds.visible_to("qc_inspector")
    screen = open_screen(RecallScreen, plant, "supervisor")
    settle(qtbot, screen)
    scan(qtbot, screen, "]C0NO-SUCH-LOT")
    settle(qtbot, screen)
    assert screen.result.refused and screen.result.title.text() == "✖  Recall not opened"
    assert "say why: a recall needs a reason" in screen.result.detail.text()
    _press(qtbot, screen, Qt.Key.Key_Return)
    screen.list_panel.reason.setText("wrong lot")
    scan(qtbot, screen, "]C0NO-SUCH-LOT")
    settle(qtbot, screen)
    assert screen.result.refused and "NO-SUCH-LOT" in screen.result.detail.text()
    assert "Nothing was recorded" in screen.result.hint.text()

    quinn = open_screen(RecallScreen, plant, "qc_inspector")
    settle(qtbot, quinn)
    assert quinn.result.refused and quinn.result.title.text() == "✖  Recalls not shown"
    assert "supervisor" in quinn.result.detail.text()


def test_the_supervisor_finds_recalls_in_the_navigation_and_qc_does_not(
    plant: Plant, qtbot: Any, styled: Any
) -> None:
    for user, offered in (("sam", True), ("quinn", False)):
        base = Context(plant.engine, Actor(None, "(not logged in)", "", None, "line-1"))
        kit = StationKit(DeviceSignals({}), take_scan=lambda scan: None)
        window = MainWindow(
            base,
            kit,
            station="line-1",
            station_kind="trace",
            simulated=False,
            idle_minutes=5,
            screens=screen_factories(),
        )
        qtbot.addWidget(window)
        try:
            window._password_login(user, PASSWORD, "")
            qtbot.waitUntil(lambda w=window: w.session is not None, timeout=30_000)
            tabs = [window.nav.tabText(i) for i in range(window.nav.count())]
            assert ("Recalls" in tabs) is offered, tabs
        finally:
            window.runner.wait(15_000)
