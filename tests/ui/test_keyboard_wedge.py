"""Keyboard-wedge (USB HID) scanners in the real window, keystrokes sent with pytest-qt: at
scanner speed a burst is a scan, whichever widget has focus, and never lands in the field; at
human speed the same keys are typing. A wedge scan takes the serial scanner's path to the
record: device "keyboard-wedge scanner line-1", the exact keystroke text, the AIM identifier,
the GS substitute mapped back; serial and wedge scanners work side by side. Both databases."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db import audit
from db.models import Event, Item
from desktop.app import Station, build_station
from desktop.config import StationConfig
from desktop.services.core.context import Actor, Context
from desktop.services.masterdata import ensure_demo_plant
from desktop.views.operator import OperatorScreen
from desktop.views.selftest import Walk
from desktop.views.selftest_data import WalkData, prepare
from desktop.views.station import application
from tests.ui.conftest import show_station

PUMP = "09506000134352"
SCANNER_SPEED = 0  # ms between keys: a wedge scanner types a whole code in a few ms
HUMAN_SPEED = 120  # ms between keys: a quick typist


@pytest.fixture
def station(engine: Engine, qtbot: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """``station(wedge={...})``: the line-1 operator station on simulated serial devices and a
    keyboard-wedge scanner set up as given; the demo plant with a released work order."""
    made: list[Station] = []

    def start(**wedge: Any) -> tuple[Station, Walk, WalkData, Context]:
        base = Context(engine, Actor(None, "(not logged in)", "", None, "line-1"))
        ensure_demo_plant(base)
        data = prepare(base)
        application("en")
        station = build_station(replace(StationConfig(), wedge=wedge), base)
        made.append(station)
        walk = show_station(qtbot, station)
        return station, walk, data, base

    yield start
    for station in made:
        station.window.runner.wait(15_000)
        station.window.close()
        station.devices.stop()


def typed(qtbot: Any, widget: QLineEdit, text: str, end: Qt.Key, delay: int) -> None:
    """Keystrokes into ``widget`` as the keyboard gives them, ``delay`` ms apart, then ``end``."""
    widget.setFocus()
    qtbot.keyClicks(widget, text, delay=delay)
    qtbot.keyClick(widget, end, delay=delay)


def test_at_scanner_speed_a_badge_is_a_scan_and_at_human_speed_a_name_is_typing(
    station: Any, qtbot: Any
) -> None:
    st, walk, _data, _base = station()
    login = st.window.login_screen
    typed(qtbot, login.username, "B-1001", Qt.Key.Key_Return, SCANNER_SPEED)
    walk.wait("the badge scan filled the badge field", lambda: login.badge.text() == "B-1001")
    assert login.username.text() == ""  # the field with focus got nothing
    assert login.pin.hasFocus()
    login.username.clear()
    typed(qtbot, login.username, "olga", Qt.Key.Key_Tab, HUMAN_SPEED)
    walk.wait("typing reached the field", lambda: login.username.text() == "olga")
    assert login.badge.text() == "B-1001"  # no second scan
    assert login.password.hasFocus()  # the Tab typed by hand moved on, as Tab does


def test_a_wedge_scan_with_prefix_suffix_and_gs_substitute_is_recorded_with_its_keystrokes(
    station: Any, engine: Engine, qtbot: Any
) -> None:
    st, walk, data, _base = station(prefix="*", suffix="TAB", gs_substitute="~")
    window = st.window
    op = window.screens["operator"]
    assert isinstance(op, OperatorScreen) and window.simulators is not None
    field = window.simulators.scan_entry  # a text field that takes no wedge scan
    walk.login_password("olga", "demo-password")
    serial, housing = data.serials[0], data.housings[0]
    udi = f"]d201{PUMP}21{serial}~240PUMP-CFG~91X"  # GS1 with GS typed as '~' after AI 240
    typed(qtbot, field, f"*{udi}", Qt.Key.Key_Tab, SCANNER_SPEED)
    walk.wait("unit loaded from the wedge scan", lambda: serial in op.unit_line.text())
    assert field.text() == ""
    keys = f"*]C0{housing}\t"
    typed(qtbot, field, f"*]C0{housing}", Qt.Key.Key_Tab, SCANNER_SPEED)
    walk.wait("housing consumed", lambda: bool(op.progress and op.progress.steps[0].done))
    walk.scan(f"]C0{data.board_lot}")  # the serial scanner of the same station
    walk.wait("board lot consumed", lambda: bool(op.progress and op.progress.steps[1].done))
    assert field.text() == ""
    window.runner.wait(15_000)
    with Session(engine) as s:
        unit = s.scalars(select(Item).where(Item.serial == serial)).one()
        consumed = s.scalars(
            select(Event)
            .where(Event.item_id == unit.id, Event.kind == "consume")
            .order_by(Event.station_time)
        ).all()
    wedge, serial_scan = (e.data for e in consumed)
    assert wedge["device"] == "keyboard-wedge scanner line-1"
    assert bytes.fromhex(wedge["raw_hex"]).decode() == keys  # the keystrokes, prefix to suffix
    assert (wedge["aim"], wedge["scan"]) == ("]C0", f"]C0{housing}")
    assert serial_scan["device"] == "line-1 scanner" and serial_scan["aim"] == "]C0"
    assert audit.verify(engine).ok


def test_the_gs_substitute_is_mapped_back_to_gs(station: Any, qtbot: Any) -> None:
    st, walk, data, _base = station(gs_substitute="~")
    window = st.window
    got: list[Any] = []
    st.kit.signals.scanned.connect(got.append)
    walk.login_password("sam", "demo-password")
    field = window.simulators.scan_entry
    typed(qtbot, field, f"]d201{PUMP}10LOT-A~21{data.serials[1]}", Qt.Key.Key_Return, 0)
    walk.wait("the wedge scan arrived", lambda: bool(got))
    (scan,) = got
    assert scan.device_id == "keyboard-wedge scanner line-1" and scan.aim_id == "]d2"
    assert scan.text == f"01{PUMP}10LOT-A\x1d21{data.serials[1]}"
    assert scan.raw == f"]d201{PUMP}10LOT-A~21{data.serials[1]}\r".encode()


def test_human_typing_in_the_torque_field_is_a_typed_reading_not_a_scan(
    station: Any, engine: Engine, qtbot: Any
) -> None:
    st, walk, data, _base = station()
    window = st.window
    op = window.screens["operator"]
    assert isinstance(op, OperatorScreen)
    walk.login_password("olga", "demo-password")
    serial = data.serials[0]
    for scan in (serial, f"]C0{data.housings[0]}", f"]C0{data.board_lot}"):
        walk.scan(scan)
        walk.settle()
    walk.wait("at the torque step", lambda: op.value.isVisible())
    typed(qtbot, op.value, "1.01", Qt.Key.Key_Return, HUMAN_SPEED)
    walk.wait("torque recorded", lambda: bool(op.progress and op.progress.steps[2].done))
    window.runner.wait(15_000)
    with Session(engine) as s:
        unit = s.scalars(select(Item).where(Item.serial == serial)).one()
        inspect = s.scalars(
            select(Event).where(Event.item_id == unit.id, Event.kind == "inspect")
        ).one()
    assert inspect.data["value"] == "1.01"
    assert inspect.data["device"] == "keyboard line-1"  # typed at the station, not scanned
    assert bytes.fromhex(inspect.data["raw_hex"]) == b"1.01"
