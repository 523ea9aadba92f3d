"""A whole plant run from its stations alone (both databases): an empty migrated database, the
first administrator and the plant's master data loaded with the `lotline` command, then every
step through the station screens with scans from simulated scanners on pseudo-terminals and
weights from the simulated scale: goods received and inspected (one lot rejected), label
templates approved, a work order planned and its serials commissioned, three pumps built, the
lot released by QC, labels printed and verified, a case packed onto a pallet, the pallet
shipped with its delivery note, a pump returned and repaired with a new board, and the whole
history traced backward and forward; then the proof of delivery, the lot's batch record and
the EPCIS export through the `lotline` command, holding the receiving, shipping and repair
events of that flow. The test calls no service: each station is its window
as the station program builds it, people log in at its log-in screen (the operator by scanning
a badge), and the database is read only to check what the screens did."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pyotp
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db import audit
from db.engine import make_engine
from db.models import Event, Item
from desktop.config import DeviceConfig, StationConfig
from desktop.domain.distribution import ServiceKind
from desktop.domain.plant import StationKind
from desktop.domain.states import Status
from desktop.reports.epcis_check import check_document
from desktop.services.core.context import Actor, Context
from desktop.services.masterdata import DEMO_FOLDER
from desktop.views.device_signals import DeviceSignals
from desktop.views.kit import StationKit
from desktop.views.operator import OperatorScreen
from desktop.views.screen import Screen
from desktop.views.shell import MainWindow
from desktop.views.signature import SignatureDialog
from desktop.views.station import build_window
from desktop.views.trace import TraceScreen
from desktop.wiring import DeviceSinks, StationDevices, build_devices
from tests.integration.workflows.qcpack_support import item
from tests.support.plant import ADMIN_PASSWORD, PASSWORD, USERS
from tests.ui.conftest import FakePrinter, scan, settle

BOARD = "09506000117843"  # BOARD-IP300, lot-controlled, on the supplier's GS1 label
HOUSING = "09506000117867"  # HOUSING-IP300, serialised
PUMP = "09506000134352"
WAIT = 30_000


def _day(days: int) -> str:
    return (date.today() + timedelta(days=days)).strftime("%y%m%d")


def _lotline(database_url: str, stdin: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args, "--database", database_url],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _plant_folder(tmp_path: Path) -> Path:
    """The demo plant's master data, its housings and boards given their suppliers' GTINs and
    its pumps packed three to a case."""
    folder = tmp_path / "plant"
    shutil.copytree(DEMO_FOLDER, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    parts = folder / "parts.toml"
    text = parts.read_text("utf-8")
    for number, gtin in (("HOUSING-IP300", HOUSING), ("BOARD-IP300", BOARD)):
        text = text.replace(
            f'part_number = "{number}"\n', f'part_number = "{number}"\ngtin = "{gtin}"\n'
        )
    parts.write_text(text, "utf-8")
    products = folder / "products.toml"  # this plant packs its pumps three to a case
    text = products.read_text("utf-8")
    assert text.count("case_quantity = 4\n") == 1
    products.write_text(text.replace("case_quantity = 4\n", "case_quantity = 3\n"), "utf-8")
    return folder


@dataclass
class Floor:
    """The plant's stations on one database: for each, the station's window built as the
    station program builds it, on a simulated scanner (and scale) behind pseudo-terminals,
    the person logged in at its log-in screen and the screen opened from its navigation."""

    engine: Engine
    qtbot: Any
    windows: list[MainWindow] = field(default_factory=list)
    started: list[StationDevices] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(
        self, kind: str, role: str, printer: FakePrinter | None = None, scale: bool = False
    ) -> Any:
        username, station = USERS[role]
        devices_cfg = {"scanner": DeviceConfig("scanner")}
        if scale:
            devices_cfg["scale"] = DeviceConfig("scale")
        cfg = StationConfig(station=station, devices=devices_cfg)
        base = Context(self.engine, Actor(None, "(not logged in)", "", None, station))
        signals = DeviceSignals({k: True for k in devices_cfg})
        devices = build_devices(cfg, DeviceSinks(signals.scan, signals.weight, signals.health))
        kit = StationKit(signals, devices.scan_path, printer, devices.simulators, devices.connected)
        window = build_window(cfg, base, kit)  # as desktop.app.build_station, on this printer
        signals.setParent(window)
        window.runner.error.connect(self.errors.append)
        self.windows.append(window)
        self.started.append(devices)
        self.qtbot.addWidget(window)
        devices.start()
        window.resize(1280, 800)
        window.show()
        self.qtbot.waitUntil(devices.connected, timeout=WAIT)
        login = window.login_screen
        if role == "operator":  # the badge scanned, the PIN typed
            scanner = kit.simulators.scanner
            assert scanner is not None
            scanner.scan("B-1001")
            self.qtbot.waitUntil(lambda: login.badge.text() == "B-1001", timeout=WAIT)
            login.pin.setText("1234")
            self.qtbot.mouseClick(login.badge_button, Qt.MouseButton.LeftButton)
        else:
            login.username.setText(username)
            login.password.setText(PASSWORD)
            self.qtbot.mouseClick(login.password_button, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: window.session is not None, timeout=WAIT)
        assert kind in window._nav_keys, f"{role} may not open the {kind} screen"
        window.open_screen(kind)
        window.activateWindow()
        self.qtbot.waitActive(window, timeout=WAIT)
        screen = window.screens[kind]
        settle(self.qtbot, screen)
        return screen

    def close(self) -> None:
        for window in self.windows:
            window.runner.wait(30_000)
        for devices in self.started:
            devices.stop()


@pytest.fixture
def floor(database_url: str, tmp_path: Path, qtbot: Any, styled: QApplication) -> Iterator[Floor]:
    """The `lotline` command makes the first administrator (enrolling an authenticator) on an
    empty migrated database and loads the plant folder; then the stations open on it."""
    admin = ["user", "add", "ada", "--role", "admin", "--password-stdin"]
    out = _lotline(database_url, ADMIN_PASSWORD + "\n", *admin)
    totp = pyotp.parse_uri(out.split("enrol it now: ", 1)[1].split()[0])
    assert isinstance(totp, pyotp.TOTP)  # the administrator's authenticator app
    load = ["masterdata", "load", str(_plant_folder(tmp_path)), "--by", "ada"]
    out = _lotline(database_url, f"{ADMIN_PASSWORD}\n{totp.now()}\n", *load)
    assert out.startswith("master data loaded")
    engine = make_engine(database_url)
    plant = Floor(engine, qtbot)
    yield plant
    plant.close()
    engine.dispose()
    assert plant.errors == []


def _click(qtbot: Any, screen: Screen, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)


def _press(qtbot: Any, screen: Screen, key: Qt.Key) -> None:
    qtbot.keyClick(screen, key)
    settle(qtbot, screen)


def _scanned(qtbot: Any, screen: Screen, text: str) -> None:
    scan(qtbot, screen, text)
    settle(qtbot, screen)


def _ok(screen: Any) -> None:
    assert not screen.result.refused, (
        screen.result.title.text() + ": " + screen.result.detail.text()
    )


def _sign(qtbot: Any, screen: Any, username: str, reason: str = "") -> None:
    """Sign in the screen's signature dialog and close it."""
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible(), timeout=WAIT)
    dialog: SignatureDialog = screen.dialog
    if reason:
        dialog.reason.setText(reason)
    if dialog.ask_username:
        dialog.username.setText(username)
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)


def _receive(floor: Floor, qtbot: Any, tmp_path: Path) -> None:
    """Goods-in receives board lots BRD-A, BRD-R and BRD-S and a delivery of three housings;
    QC inspects them: BRD-R fails and is rejected, the others are released with a signature."""
    printer = FakePrinter()
    goods = floor.open(StationKind.RECEIVING, "packaging", printer)
    tab = goods.receive_tab
    for lot, quantity in (("BRD-A", "10"), ("BRD-R", "5"), ("BRD-S", "2")):
        _scanned(qtbot, goods, f"]d201{BOARD}17{_day(400)}10{lot}")
        _ok(goods)
        assert tab.part.text().startswith("BOARD-IP300")
        tab.supplier.setCurrentIndex(
            tab.supplier.findText("SUP-BOARDS", Qt.MatchFlag.MatchStartsWith)
        )
        tab.quantity.setText(quantity)
        cert = tmp_path / f"CoC-{lot}.pdf"
        cert.write_bytes(b"%PDF certificate " + lot.encode())
        tab.certificate.setText(str(cert))
        _click(qtbot, goods, tab.receive_button)
        assert goods.result.title.text() == f"✔  Lot {lot} received; bin label printed"
    _scanned(qtbot, goods, f"]d201{HOUSING}17{_day(900)}10DEL-H")
    _ok(goods)
    for serial in ("H-001", "H-002", "H-003"):
        _scanned(qtbot, goods, f"]d201{HOUSING}21{serial}")
        _ok(goods)
    assert tab.serial_list() == ["H-001", "H-002", "H-003"]
    _click(qtbot, goods, tab.receive_button)
    assert goods.result.title.text() == "✔  Lot DEL-H received; bin label printed"
    assert len(printer.sent) == 4
    assert item(floor.engine, supplier_lot="BRD-R").status == Status.QUARANTINE

    qc = floor.open(StationKind.RECEIVING, "qc_inspector")
    inspect = qc.inspect_tab
    _scanned(qtbot, qc, f"]d201{BOARD}10BRD-R")
    assert inspect.title.text() == "Lot BRD-R · in quarantine"
    inspect.notes.setText("boards scorched at the connector")
    _click(qtbot, qc, inspect.fail_button)
    assert qc.result.title.text() == "✖  Inspection failed: BRD-R (recorded)"
    inspect.notes.setText("boards scorched at the connector")
    _click(qtbot, qc, inspect.reject_button)
    assert qc.result.title.text() == "✔  Lot BRD-R rejected"
    assert item(floor.engine, supplier_lot="BRD-R").status == Status.REJECTED
    for lot in ("BRD-A", "BRD-S"):
        _scanned(qtbot, qc, f"]d201{BOARD}10{lot}")
        _click(qtbot, qc, inspect.accept_button)
        _ok(qc)
        qtbot.mouseClick(inspect.release_button, Qt.MouseButton.LeftButton)
        _sign(qtbot, qc, "quinn")
        assert qc.result.title.text() == f"✔  Lot {lot} released for use"
    _scanned(qtbot, qc, "DEL-H")
    assert inspect.pieces.rowCount() == 3
    for serial in ("H-001", "H-002", "H-003"):
        _scanned(qtbot, qc, serial)
        assert inspect.selected_piece() == serial
        _click(qtbot, qc, inspect.accept_button)
        _ok(qc)
    qtbot.mouseClick(inspect.release_button, Qt.MouseButton.LeftButton)
    _sign(qtbot, qc, "quinn")
    assert qc.result.title.text() == "✔  Lot DEL-H released for use"
    assert item(floor.engine, serial="H-002").status == Status.RELEASED
    assert item(floor.engine, supplier_lot="BRD-A").status == Status.RELEASED


def _approve_templates(floor: Floor, qtbot: Any, tmp_path: Path) -> None:
    """QC registers the label templates from their files and approves each with a signature."""
    qc = floor.open(StationKind.QC, "qc_inspector")
    _press(qtbot, qc, Qt.Key.Key_F12)  # QC's label templates tab
    screen = qc.templates
    assert qc.tabs.currentWidget() is screen
    assert screen.versions == []
    for name in ("udi-2x1", "udi-4x2"):
        shipped = resources.files("desktop.labels").joinpath("templates", f"{name}.json")
        path = tmp_path / f"{name}.json"
        path.write_text(shipped.read_text("utf-8"), "utf-8")
        screen.file.setText(str(path))
        _click(qtbot, screen, screen.register_button)
        assert screen.result.title.text() == f"✔  {name} version 1 registered as a draft"
        assert screen.preview is not None and not screen.view.original.isNull()
        qtbot.mouseClick(screen.approve_button, Qt.MouseButton.LeftButton)
        _sign(qtbot, screen, "quinn")
        assert screen.result.title.text() == f"✔  {name} version 1 approved"
    assert {(v.name, v.status) for v in screen.versions} == {
        ("udi-2x1", "approved"),
        ("udi-4x2", "approved"),
    }


def _plan(floor: Floor, qtbot: Any) -> str:
    """The supervisor creates WO-1 for three pumps, releases it, commissions and prints three
    serials; returns the production lot."""
    printer = FakePrinter()
    screen = floor.open(StationKind.PLANNING, "supervisor", printer)
    screen.side.setCurrentIndex(1)
    screen.product.setCurrentIndex(screen.product.findData(PUMP))
    screen.number.setText("WO-1")
    screen.quantity.setValue(3)
    screen.due.setDate(QDate.currentDate().addDays(30))
    _click(qtbot, screen, screen.create_button)
    _ok(screen)
    _click(qtbot, screen, screen.release_button)
    _ok(screen)
    assert screen.selected is not None and screen.selected.lot
    lot: str = screen.selected.lot
    screen.count.setValue(3)
    _click(qtbot, screen, screen.commission_button)
    _ok(screen)
    assert screen.selected is not None and screen.selected.counts.commissioned == 3
    _click(qtbot, screen, screen.print_button)
    assert len(printer.sent) == 3
    return lot


def _passed(op: OperatorScreen, position: int) -> bool:
    p = op.progress
    return p is not None and any(s.position == position and s.done for s in p.steps)


def _build_one(qtbot: Any, op: OperatorScreen, serial: str, housing: str, grams: str) -> None:
    scale = op.kit.simulators.scale
    assert scale is not None
    scan(qtbot, op, serial)
    qtbot.waitUntil(lambda: serial in op.unit_line.text(), timeout=WAIT)
    scan(qtbot, op, housing)
    qtbot.waitUntil(lambda: _passed(op, 1), timeout=WAIT)
    scan(qtbot, op, "BRD-A")
    qtbot.waitUntil(lambda: _passed(op, 2), timeout=WAIT)
    op.value.setText("1.00")
    op.value.returnPressed.emit()
    qtbot.waitUntil(lambda: _passed(op, 3), timeout=WAIT)
    scale.set_weight(grams)
    qtbot.waitUntil(lambda: op.gauge.stable and op.gauge.weight == Decimal(grams), timeout=WAIT)
    op.record.click()
    qtbot.waitUntil(lambda: _passed(op, 4) and not op.result.refused, timeout=WAIT)
    scan(qtbot, op, "PASS")
    qtbot.waitUntil(lambda: _passed(op, 5), timeout=WAIT)
    settle(qtbot, op)
    _ok(op)
    scale.set_weight("0")


def _build(floor: Floor, qtbot: Any, serials: list[str]) -> None:
    """The operator builds each pump: its housing, board lot BRD-A, the torque typed, the
    weight from the simulated scale, the functional test passed by scanning PASS."""
    op = floor.open(StationKind.OPERATOR, "operator", scale=True)
    for n, serial in enumerate(serials):
        _build_one(qtbot, op, serial, f"H-00{n + 1}", f"240{n}.5")
    with Session(floor.engine) as s:
        unit = s.scalars(select(Item).where(Item.serial == serials[2])).one()
        events = s.scalars(select(Event).where(Event.item_id == unit.id)).all()
    devices = {e.kind: e.data.get("device") for e in events if e.kind != "label_print"}
    assert devices == {
        "consume": "line-1 scanner",
        "inspect": "keyboard line-1",
        "weigh": "line-1 scale",
        "check": "line-1 scanner",
    }
    weigh = next(e for e in events if e.kind == "weigh")
    assert Decimal(weigh.data["value"]) == Decimal("2402.5")


def _release(floor: Floor, qtbot: Any, lot: str) -> None:
    """QC reviews the lot from its label and releases it with a signature."""
    screen = floor.open(StationKind.QC, "qc_inspector")
    assert [q.lot for q in screen.release_tab.lots] == [lot]
    _scanned(qtbot, screen, f"]d201{PUMP}10{lot}")
    assert screen.prompt.text() == "Ready: release the lot (F9)"
    qtbot.mouseClick(screen.release_tab.release_button, Qt.MouseButton.LeftButton)
    _sign(qtbot, screen, "quinn")
    assert "RELEASED — signed" in screen.release_tab.review.toPlainText()
    assert screen.release_tab.lots == []


def _pack(floor: Floor, qtbot: Any, serials: list[str]) -> str:
    """Packaging prints each pump's label, verifies it by scanning it back, packs the three into
    a case, closes it, puts it on a new pallet and closes the pallet; returns the pallet SSCC."""
    printer = FakePrinter()
    screen = floor.open(StationKind.PACKAGING, "packaging", printer)
    assert [line.item for line in screen.queue.lines] == [f"unit {s}" for s in serials]
    labels = []
    for serial in serials:
        _scanned(qtbot, screen, serial)  # the unit's traveller
        qtbot.waitUntil(lambda: screen.preview.current is not None, timeout=WAIT)
        element_string = screen.preview.current.element_string
        assert element_string.endswith("21" + serial)
        _press(qtbot, screen, Qt.Key.Key_F9)
        assert screen.awaiting, screen.result.detail.text()
        _scanned(qtbot, screen, "]d2" + element_string)
        assert screen.result.title.text() == f"✔  Label verified: unit {serial}"
        labels.append(element_string)
    assert len(printer.sent) == 3 and screen.queue.lines == []
    _press(qtbot, screen, Qt.Key.Key_F7)
    assert screen.case is not None and screen.case.status == "open"
    case = screen.case.sscc
    for element_string in labels:
        _scanned(qtbot, screen, "]d2" + element_string)
        _ok(screen)
    assert screen.case.count == 3
    _press(qtbot, screen, Qt.Key.Key_F8)
    _ok(screen)
    assert item(floor.engine, sscc=case).status == Status.CLOSED
    _press(qtbot, screen, Qt.Key.Key_F6)
    pallet = screen.pallets.pallet
    assert pallet is not None and pallet.status is Status.OPEN
    _scanned(qtbot, screen, "]C100" + case)
    _ok(screen)
    _press(qtbot, screen, Qt.Key.Key_F4)
    assert screen.result.title.text() == f"✔  Pallet closed: SSCC {pallet.sscc}"
    assert item(floor.engine, sscc=case).status == Status.PACKED
    return str(pallet.sscc)


def _ship(floor: Floor, qtbot: Any, pallet: str, tmp_path: Path) -> str:
    """Shipping opens a shipment to St Mary's, scans the pallet, writes the delivery note and
    confirms it shipped; returns the shipment number."""
    screen = floor.open(StationKind.SHIPPING, "packaging")
    screen.folder = tmp_path
    sites = screen.list_panel.site
    sites.setCurrentIndex(sites.findText("CUST-STMARY", Qt.MatchFlag.MatchStartsWith))
    _press(qtbot, screen, Qt.Key.Key_F2)
    view = screen.current
    assert view is not None and view.number.startswith("SHP-")
    _scanned(qtbot, screen, "]C100" + pallet)
    _ok(screen)
    assert screen.current_panel.count.text() == "1 scanned · 2 cases and pallets · 3 units"
    _press(qtbot, screen, Qt.Key.Key_F6)
    note = tmp_path / f"{view.number}.pdf"
    assert note.read_bytes().startswith(b"%PDF") and screen.last_note == note
    _press(qtbot, screen, Qt.Key.Key_F8)
    assert screen.result.title.text() == f"✔  Shipment {view.number} shipped", (
        screen.result.detail.text()
    )
    return str(view.number)


def _repair(floor: Floor, qtbot: Any, serial: str) -> None:
    """The pump comes back under an RMA; its board (lot BRD-A) is replaced by one of BRD-S."""
    screen = floor.open(StationKind.SERVICE, "supervisor")
    _scanned(qtbot, screen, "]C0" + serial)
    assert screen.heading.text().startswith(f"unit {serial} · ")
    screen.kind.setCurrentIndex(screen.kind.findData(ServiceKind.RETURN))
    screen.site.setCurrentIndex(0)
    screen.notes.setText("RMA-0001: no display")
    _press(qtbot, screen, Qt.Key.Key_F8)
    _ok(screen)
    assert item(floor.engine, serial=serial).status == Status.RETURNED
    _press(qtbot, screen, Qt.Key.Key_F6)
    assert screen.prompt.text() == "Scan the part taken out"
    _scanned(qtbot, screen, "]C0BRD-A")
    _scanned(qtbot, screen, "]C0BRD-S")
    screen.reason.setText("no display: board dead")
    _press(qtbot, screen, Qt.Key.Key_F9)
    assert screen.result.title.text() == f"✔  Repair recorded: unit {serial}", (
        screen.result.detail.text()
    )
    assert screen.history.item(0, 1).text() == "repair"


def _traced(qtbot: Any, screen: TraceScreen, text: str) -> Any:
    screen.view = None
    scan(qtbot, screen, text)
    qtbot.waitUntil(lambda: screen.view is not None, timeout=WAIT)
    settle(qtbot, screen)
    return screen.view


def _trace(floor: Floor, qtbot: Any, serial: str, pallet: str, shipment: str) -> None:
    """Backward from the repaired pump to its parts and their supplier lots, its events from
    the build to the repair, and where it went; forward from the board lot it was built with
    to the pumps that still hold that lot, their case, pallet and shipment."""
    screen = floor.open(StationKind.TRACE, "supervisor")
    view = _traced(qtbot, screen, serial)
    assert screen.heading.text().startswith(f"unit {serial} · Infusion Pump IP-300")
    backward = [g.identity for g in view.backward if g.current]
    assert backward == [f"unit {serial}", "material lot BRD-S", "unit H-002", "material lot DEL-H"]
    assert screen.backward.topLevelItemCount() == 1
    forward = [g.identity for g in view.forward]
    assert f"SSCC {pallet}" in forward
    kinds = [t.kind.value for t in view.timeline]
    for kind in ("consume", "inspect", "weigh", "check", "label_print", "label_verify", "pack"):
        assert kind in kinds
    assert kinds[:2] == ["repair", "return"]
    assert any("lot BRD-A (BOARD-IP300) consumed" in t.summary for t in view.timeline)
    reached = {(r.what, r.reference, r.customer) for r in view.reached}
    assert ("shipment", shipment, "St Mary's Hospital") in reached
    assert {r.what for r in view.reached} >= {"return", "repair"}
    assert screen.timeline.rowCount() == len(view.timeline)

    view = _traced(qtbot, screen, "BRD-A")
    assert [t.kind.value for t in view.timeline] == [
        "material_release",
        "incoming_inspection",
        "label_print",
        "receive",
    ]
    forward = [g.identity for g in view.forward]
    assert forward[:3] == ["material lot BRD-A", "unit SN-000001", "unit SN-000003"]
    assert f"SSCC {pallet}" in forward
    assert {r.reference for r in view.reached} == {shipment}
    assert screen.result.detail.text() == "2 units downstream, 1 customers reached."


def _pdf_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def _batch_record(url: str, lot: str, serial: str, pallet: str, shipment: str, tmp: Path) -> None:
    """The customer's proof of delivery, then the lot's batch record: the receiving history of
    the boards and housings built in (BRD-S fitted in the repair too, never the rejected
    BRD-R), the packing and the shipment, and the return and the repair with both boards."""
    signed = (datetime.now(UTC) + timedelta(seconds=5)).isoformat(timespec="seconds")
    pod = ["ship", "pod", shipment, "--signed-by", "Nora Nurse", "--at", signed, "--by", "pat"]
    _lotline(url, PASSWORD + "\n", *pod)
    pdf, data = tmp / "record.pdf", tmp / "record.json"
    record = ["record", lot, "--out", str(pdf), "--json", str(data), "--by", "quinn"]
    assert "the audit chain verifies" in _lotline(url, PASSWORD + "\n", *record)
    doc = json.loads(data.read_text("utf-8"))
    weighed = {
        (s["username"], s["station"], s["device"]) for s in doc["steps"] if s["kind"] == "weigh"
    }
    assert weighed == {("olga", "line-1", "line-1 scale")}
    assert all(s["station"] != "-" for s in doc["steps"]), {s["station"] for s in doc["steps"]}
    received = {(r["component"], r["kind"]) for r in doc["receiving"]}
    for lot_name in ("lot BRD-A", "lot BRD-S"):
        for kind in ("receive", "incoming_inspection", "material_release"):
            assert (lot_name, kind) in received
    assert not any("BRD-R" in r["component"] for r in doc["receiving"])
    pieces = {r["serial"] for r in doc["receiving"] if r["serial"]}
    assert pieces == {"H-001", "H-002", "H-003"}
    first = next(r for r in doc["receiving"] if r["component"] == "lot BRD-A")
    assert (first["kind"], first["username"], first["station"]) == ("receive", "pat", "pack-1")
    assert first["supplier"] == "Circuit Works (SUP-BOARDS)" and "CoC-BRD-A.pdf" in first["details"]
    assert first["consumed_into"] == "unit SN-000001, unit SN-000002, unit SN-000003"
    release = next(
        r
        for r in doc["receiving"]
        if (r["component"], r["kind"]) == ("lot BRD-A", "material_release")
    )
    assert release["signature"]["printed_name"] == "Quinn Inspector"
    assert release["signature"]["meaning"] == "Material released for use"
    assert release["signature"]["valid"] is True
    shipping = {(s["kind"], s["sscc"]) for s in doc["shipping"]}
    assert ("pallet_close", pallet) in shipping
    assert sum(1 for s in doc["shipping"] if s["kind"] == "pack") == 4  # 3 pumps, 1 case
    [shipped] = [s for s in doc["shipping"] if s["kind"] == "shipment"]
    assert (shipped["shipment"], shipped["username"]) == (shipment, "pat")
    assert pallet in shipped["sscc"] and shipped["customer"] == "St Mary's Hospital (CUST-STMARY)"
    assert shipped["site"] == "St Mary's Central Pharmacy (GLN 9506000000015)"
    assert shipped["delivered_to"] == "Nora Nurse" and shipped["delivered_at"]
    after = [(s["kind"], s["item"], s["removed"], s["fitted"]) for s in doc["service"]]
    assert after == [
        ("return", f"unit {serial}", None, None),
        ("repair", f"unit {serial}", "lot BRD-A", "lot BRD-S"),
    ]
    assert doc["service"][0]["notes"] == "RMA-0001: no display"
    assert {s["username"] for s in doc["service"]} == {"sam"}
    text = _pdf_text(pdf)
    for expected in (
        "8. Receiving of the components",
        "Circuit Works",
        "S/N H-002",
        "Material released for use",
        "10. Packing and shipping",
        pallet,
        f"shipment {shipment}",
        "signed by Nora Nurse",
        "11. Service, repair, return and disposal after release",
        "RMA-0001: no display",
        "removed: lot BRD-A",
        "fitted: lot BRD-S",
        "Sam Supervisor",
    ):
        assert expected in text, expected


def _epcis(url: str, serial: str, pallet: str, tmp: Path) -> None:
    """The EPCIS export: the four lots received from the supplier, the three released
    (accepting) and the one rejected (inspecting, non_conformant), the pallet shipped to St
    Mary's, the pump received back (returned), the repair as the old board's DELETE and the
    new board's ADD on the pump; each read at the station where it was recorded."""
    out = tmp / "events.jsonld"
    since = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="seconds")
    export = ["export", "epcis", "--since", since, "--out", str(out), "--by", "quinn"]
    _lotline(url, PASSWORD + "\n", *export)
    doc = json.loads(out.read_text("utf-8"))
    assert check_document(doc) == []
    events = doc["epcisBody"]["eventList"]

    def step(name: str) -> list[dict[str, Any]]:
        return [e for e in events if e["bizStep"] == name]

    received = [e for e in step("receiving") if "quantityList" in e]
    lots = [e["quantityList"][0]["epcClass"].rsplit(".", 1)[1] for e in received]
    assert sorted(lots) == ["BRD-A", "BRD-R", "BRD-S", "DEL-H"]
    supplier = "urn:lotline:supplier:SUP-BOARDS"
    assert all(e["sourceList"][0]["source"] == supplier for e in received[:3])
    accepted = [e["quantityList"][0]["epcClass"].rsplit(".", 1)[1] for e in step("accepting")]
    assert sorted(accepted) == ["BRD-A", "BRD-S", "DEL-H"]
    [rejected] = step("inspecting")
    assert rejected["disposition"] == "non_conformant"
    assert rejected["quantityList"][0]["epcClass"].endswith(".BRD-R")
    places = {(e["bizStep"], e["readPoint"]["id"].rsplit(":", 1)[1]) for e in events}
    assert {("receiving", "pack-1"), ("accepting", "qc-1"), ("shipping", "pack-1")} <= places
    assert ("repairing", "line-1") in places and not any(p == "unknown" for _, p in places)
    [shipping] = step("shipping")
    assert shipping["epcList"] == [f"urn:epc:id:sscc:9506000.{pallet[0]}{pallet[8:17]}"]
    stmary = {"type": "location", "destination": "urn:epc:id:sgln:9506000.00001.0"}
    assert shipping["destinationList"] == [stmary]
    removed, fitted = step("repairing")
    assert (removed["action"], fitted["action"]) == ("DELETE", "ADD")
    pump = f"urn:epc:id:sgtin:9506000.013435.{serial}"
    [back] = [e for e in step("receiving") if "epcList" in e]
    assert (back["epcList"], back["disposition"]) == ([pump], "returned")
    assert removed["parentID"] == fitted["parentID"] == pump
    assert removed["childQuantityList"][0]["epcClass"].endswith(".BRD-A")
    assert fitted["childQuantityList"][0]["epcClass"].endswith(".BRD-S")


def test_a_whole_plant_from_its_stations(
    floor: Floor, qtbot: Any, tmp_path: Path, database_url: str
) -> None:
    _receive(floor, qtbot, tmp_path)
    _approve_templates(floor, qtbot, tmp_path)
    lot = _plan(floor, qtbot)
    serials = ["SN-000001", "SN-000002", "SN-000003"]
    _build(floor, qtbot, serials)
    for serial in serials:
        assert item(floor.engine, serial=serial).status == Status.IN_PROCESS
    _release(floor, qtbot, lot)
    pallet = _pack(floor, qtbot, serials)
    shipment = _ship(floor, qtbot, pallet, tmp_path)
    for serial in serials:
        assert item(floor.engine, serial=serial).status == Status.SHIPPED
    _repair(floor, qtbot, serials[1])
    _trace(floor, qtbot, serials[1], pallet, shipment)
    _batch_record(database_url, lot, serials[1], pallet, shipment, tmp_path)
    _epcis(database_url, serials[1], pallet, tmp_path)
    assert audit.verify(floor.engine).ok
