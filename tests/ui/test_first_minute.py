"""A newcomer's first minute: a fresh embedded database, the station started with no
configuration, the demo note saying what to scan, a log-in with the demo badge, and a unit
built through the window alone: scans typed into the simulated-scanner entry, the torque typed,
a weight put on the simulated scale (unstable first, refused), the check passed by scanning
PASS."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.models import Event, Item
from desktop.app import build_station, open_backend
from desktop.config import StationConfig
from desktop.services.masterdata import demo_floor, demo_hint
from desktop.views.operator import OperatorScreen
from desktop.views.station import application
from tests.ui.conftest import show_station

HUMAN = 90  # ms between keys: typed by a person, not a keyboard-wedge burst


def _typed(qtbot: Any, field: QLineEdit, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text, delay=HUMAN)
    qtbot.keyClick(field, Qt.Key.Key_Return, delay=HUMAN)


def test_a_newcomer_builds_a_unit_on_a_fresh_embedded_database(tmp_path: Path, qtbot: Any) -> None:
    cfg = StationConfig(database_url=f"sqlite:///{tmp_path / 'lotline.sqlite'}")
    base = open_backend(cfg)  # what `python -m desktop` does on a first start
    floor = demo_floor(base)
    assert floor is not None and floor.serials[0] == "SN-000001"
    application("en")
    station = build_station(cfg, base, demo_hint(floor))
    window = station.window
    walk = show_station(qtbot, station, exposed=False, connected=False)
    op = window.screens["operator"]
    assert isinstance(op, OperatorScreen)
    panel = window.simulators
    assert panel is not None and panel.isVisible() and panel.scan_entry.isVisible()
    note = window.login_screen.result.hint.text()
    serial, housing, board = floor.serials[0], floor.housings[0], floor.board_lot
    assert all(word in note for word in ("B-1001", "1234", serial, housing, board, "PASS"))
    try:
        walk.wait("devices connected", station.kit.connected)
        _typed(qtbot, panel.scan_entry, "B-1001")  # the demo badge, "scanned"
        walk.wait("badge read", lambda: window.login_screen.badge.text() == "B-1001")
        _typed(qtbot, window.login_screen.pin, "1234")
        walk.wait("logged in", lambda: window.session is not None)
        assert window.current_screen() is op and op.prompt.text() == "Scan a unit"

        def scanned(text: str, what: str, position: int) -> None:
            _typed(qtbot, panel.scan_entry, text)
            walk.wait(what, lambda: bool(op.progress and op.progress.steps[position - 1].done))

        _typed(qtbot, panel.scan_entry, serial)
        walk.wait("unit loaded", lambda: serial in op.unit_line.text())
        scanned(housing, "housing consumed", 1)
        scanned(board, "board lot consumed", 2)
        _typed(qtbot, op.value, "1.00")
        walk.wait("torque recorded", lambda: bool(op.progress and op.progress.steps[2].done))

        panel.weight.selectAll()
        _typed(qtbot, panel.weight, "2400.5")  # Enter puts it on the scale
        qtbot.mouseClick(panel.unstable_button, Qt.MouseButton.LeftButton)
        walk.wait(
            "unstable on the gauge", lambda: op.gauge.weight is not None and not op.gauge.stable
        )
        qtbot.mouseClick(op.record, Qt.MouseButton.LeftButton)
        walk.wait("an unstable weight refused", lambda: op.result.refused)
        assert "not stable" in op.result.detail.text()
        qtbot.mouseClick(panel.unstable_button, Qt.MouseButton.LeftButton)  # let it settle
        walk.wait(
            "stable 2400.5 g", lambda: op.gauge.stable and op.gauge.weight == Decimal("2400.5")
        )
        qtbot.mouseClick(op.record, Qt.MouseButton.LeftButton)
        walk.wait("weight recorded", lambda: bool(op.progress and op.progress.steps[3].done))
        scanned("PASS", "functional test passed", 5)
    finally:
        window.runner.wait(15_000)
        station.devices.stop()
    with Session(base.engine) as s:
        unit = s.scalars(select(Item).where(Item.serial == serial)).one()
        events = s.scalars(select(Event).where(Event.item_id == unit.id)).all()
    devices = {e.kind: e.data.get("device") for e in events}
    assert devices == {
        "consume": "line-1 scanner",
        "inspect": "keyboard line-1",
        "weigh": "line-1 scale",
        "check": "line-1 scanner",
    }
    weigh = next(e for e in events if e.kind == "weigh")
    assert Decimal(weigh.data["value"]) == Decimal("2400.5") and weigh.device_id is not None
    assert audit.verify(base.engine).ok
    base.engine.dispose()
