"""The keyboard-wedge scanner's health reaches the dashboard: keystrokes sent with pytest-qt into
the real station window (line-1, simulated serial devices, the wedge on its defaults). Every
scan is a reading; a burst at scanner speed that breaks off before its suffix, or ends in a key
that is not the suffix, is a reading refused (its keys still reach the field); typing at human
speed is neither. The station reports the wedge under its configured id, on the reporting
timer and at log-out, and the dashboard's device panel shows it once the plant registered it.
Both databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db import audit
from db.models import DeviceHealthReport
from desktop.app import Station as StationProgram
from desktop.app import build_station
from desktop.config import StationConfig
from desktop.domain.insight import Panel
from desktop.services import identity, insight, masterdata
from desktop.services.core.context import Actor, Context
from desktop.services.masterdata import ensure_demo_plant
from desktop.views.operator import OperatorScreen
from desktop.views.selftest import Walk
from desktop.views.selftest_data import WalkData, prepare
from desktop.views.station import application
from tests.ui.conftest import show_station, station_and_device_ids

WEDGE = "keyboard-wedge scanner line-1"  # the id a station file without device_id gives it
SCANNER_SPEED = 0  # ms between keys: a wedge scanner types a whole code in a few ms
HUMAN_SPEED = 120  # ms between keys: a quick typist


@pytest.fixture
def station(engine: Engine, qtbot: Any) -> Iterator[tuple[StationProgram, Walk, WalkData]]:
    """The line-1 operator station with its keyboard-wedge scanner registered in the master
    data (as a plant registers any device), and a released work order."""
    base = Context(engine, Actor(None, "(not logged in)", "", None, "line-1"))
    demo = ensure_demo_plant(base)
    assert demo is not None
    masterdata.register_device(demo.admin, "line-1", "scanner", WEDGE, "usb-hid")
    data = prepare(base)
    application("en")
    program = build_station(StationConfig(), base)
    walk = show_station(qtbot, program)
    yield program, walk, data
    program.window.runner.wait(15_000)
    program.window.close()
    program.devices.stop()


def typed(qtbot: Any, widget: QLineEdit, text: str, end: Qt.Key | None, delay: int) -> None:
    """Keystrokes into ``widget`` ``delay`` ms apart, then ``end`` (None: the burst stops)."""
    widget.setFocus()
    qtbot.keyClicks(widget, text, delay=delay)
    if end is not None:
        qtbot.keyClick(widget, end, delay=delay)


def _reports(engine: Engine) -> list[DeviceHealthReport]:
    with Session(engine) as s:
        return list(
            s.scalars(
                select(DeviceHealthReport)
                .where(DeviceHealthReport.device == WEDGE)
                .order_by(DeviceHealthReport.id)
            )
        )


def test_wedge_scans_and_broken_bursts_are_reported_and_shown_on_the_dashboard(
    station: tuple[StationProgram, Walk, WalkData], engine: Engine, qtbot: Any
) -> None:
    program, walk, data = station
    window, reporter = program.window, program.window.device_report
    login = window.login_screen
    op = window.screens["operator"]
    assert isinstance(op, OperatorScreen) and window.simulators is not None
    errors: list[str] = []
    window.runner.error.connect(errors.append)

    # a badge scanned before log-in, and a name typed by hand: one reading
    typed(qtbot, login.username, "B-1001", Qt.Key.Key_Return, SCANNER_SPEED)
    walk.wait("the badge scan filled the badge field", lambda: login.badge.text() == "B-1001")
    login.username.clear()
    typed(qtbot, login.username, "olga", Qt.Key.Key_Tab, HUMAN_SPEED)
    walk.wait("typing reached the field", lambda: login.username.text() == "olga")
    assert not reporter.report()  # nobody logged in: the count waits in the tally
    walk.login_password("olga", "demo-password")

    # a unit scanned: a second reading; the timer's report holds both, none refused
    field = window.simulators.scan_entry
    serial = data.serials[0]
    typed(qtbot, field, serial, Qt.Key.Key_Return, SCANNER_SPEED)
    walk.wait("unit loaded from the wedge scan", lambda: serial in op.unit_line.text())
    assert field.text() == ""
    reporter.timer.timeout.emit()  # what the timer does every [dashboard] device_report_minutes
    walk.settle()
    (first,) = _reports(engine)
    assert (first.readings, first.refused, first.reconnects) == (2, 0, 0)

    # a burst that breaks off before its suffix: refused, and its keys still reach the field
    typed(qtbot, field, "]C0HOUSING-77", None, SCANNER_SPEED)
    walk.wait("the broken burst typed", lambda: field.text() == "]C0HOUSING-77")
    qtbot.wait(150)  # the scanner's next burst comes later
    field.clear()
    # a burst ended by Tab where the station expects Enter: refused, and typed (Tab moves on)
    typed(qtbot, field, "]C0HOUSING-78", Qt.Key.Key_Tab, SCANNER_SPEED)
    walk.wait("the Tab burst typed", lambda: field.text() == "]C0HOUSING-78")
    walk.wait("the Tab moved on", lambda: not field.hasFocus())
    qtbot.wait(150)
    field.clear()
    # typing at human speed: neither a reading nor a refusal
    typed(qtbot, field, "HOUSING-79", None, HUMAN_SPEED)
    walk.wait("typing reached the field", lambda: field.text() == "HOUSING-79")
    assert serial in op.unit_line.text()  # no burst was taken for a scan

    window.logout("Logged out.")
    walk.settle()
    first, second = _reports(engine)
    assert (second.readings, second.refused, second.reconnects) == (2, 2, 0)
    assert _utc(second.period_start) == _utc(first.period_end)
    ids = station_and_device_ids(engine, "line-1", WEDGE)
    assert (second.station_id, second.device_id) == ids
    assert errors == []
    assert audit.verify(engine).ok

    at_station = Context(engine, Actor(None, "sam", "", None, "line-1"))
    sam = at_station.as_actor(identity.login(at_station, "sam", "demo-password").actor)
    view = insight.dashboard_panel(sam, Panel.DEVICES)
    (figure,) = [f for f in view.figures if f.label == WEDGE]
    assert figure.value == 2 and figure.alert
    assert "2 of 4 readings refused, 0 reconnects" in str(figure.note)


def _utc(stamp: datetime) -> datetime:
    """A time read back from either database, in UTC (SQLite gives it without a zone)."""
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
