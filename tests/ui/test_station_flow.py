"""Whole station flows in the real window: scans come from the simulated scanner over a
pseudo-terminal through the real scanner driver, weights from the simulated scale through the
real MT-SICS driver; every station is walked (the same walk as `python -m desktop --selftest`).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session

from db import audit
from db.models import Device, Event, Item
from desktop.app import Station, build_station
from desktop.config import StationConfig
from desktop.services.core.context import Actor, Context
from desktop.services.masterdata import ensure_demo_plant
from desktop.views.operator import OperatorScreen
from desktop.views.selftest import Walk, run_walk
from desktop.views.selftest_data import prepare
from desktop.views.station import application
from desktop.views.trace import TraceScreen
from tests.ui.conftest import show_station


def _station(engine: Engine, qtbot: Any) -> tuple[Context, Station, Walk]:
    """The line-1 station program on ``engine``: the window built by the composition root
    on simulated devices (scanner and scale behind real pseudo-terminals), devices started."""
    base = Context(engine, Actor(None, "(not logged in)", "", None, "line-1"))
    ensure_demo_plant(base)
    application("en")
    station = build_station(StationConfig(), base)
    walk = show_station(qtbot, station, exposed=False)
    return base, station, walk


def _stop(station: Station) -> None:
    station.window.runner.wait(15_000)
    station.devices.stop()


def test_every_station_walked_with_scans_from_the_simulated_scanner(
    engine: Engine, qtbot: Any
) -> None:
    base, station, walk = _station(engine, qtbot)
    try:
        run_walk(walk, base)
    finally:
        _stop(station)
    assert "wrong component refused" in walk.steps
    assert "weight accepted" in walk.steps
    assert audit.verify(engine).ok


def test_a_scan_at_the_operator_station_is_recorded_with_its_device_aim_and_raw_bytes(
    engine: Engine, qtbot: Any
) -> None:
    """The housing's Code 128 label read by the simulated scanner (AIM ]C0) over the pty: the
    consume event holds the registered device, the AIM identifier, the bytes exactly as the
    driver received them, and the time they arrived."""
    base, station, walk = _station(engine, qtbot)
    window = station.window
    op = window.screens["operator"]
    assert isinstance(op, OperatorScreen)
    scanner = station.kit.simulators.scanner
    assert scanner is not None
    frames: list[bytes] = []
    scanner.on_write = lambda data, _ns: frames.append(data)
    try:
        data = prepare(base)
        walk.login_badge("B-1001", "1234")
        serial, housing = data.serials[0], data.housings[0]
        walk.scan(serial)
        walk.wait("unit loaded", lambda: serial in op.unit_line.text())
        frames.clear()
        walk.scan(f"]C0{housing}")
        walk.wait("housing consumed", lambda: bool(op.progress and op.progress.steps[0].done))
    finally:
        _stop(station)
    sent = b"".join(frames)
    assert sent == f"]C0{housing}\r".encode()  # what went over the wire, CR included
    with Session(engine) as s:
        unit = s.scalars(select(Item).where(Item.serial == serial)).one()
        consumed = s.scalars(
            select(Event).where(Event.item_id == unit.id, Event.kind == "consume")
        ).one()
        scanner_id = s.scalar(select(Device.id).where(Device.name == "line-1 scanner"))
    assert scanner_id is not None and consumed.device_id == scanner_id
    assert consumed.data["device"] == "line-1 scanner"
    assert consumed.data["aim"] == "]C0"
    assert bytes.fromhex(consumed.data["raw_hex"]) == sent.removesuffix(b"\r")  # CR frames it
    assert consumed.data["raw_frame"] == f"]C0{housing}"
    assert consumed.data["scan"] == f"]C0{housing}"
    received = datetime.fromisoformat(consumed.data["received_at"])
    assert consumed.station_time == received and received.tzinfo is not None
    assert audit.verify(engine).ok


def test_a_slow_database_does_not_block_input(engine: Engine, qtbot: Any) -> None:
    base, station, walk = _station(engine, qtbot)
    window = station.window
    gate, armed = threading.Event(), threading.Event()

    def slow(*_args: object) -> None:  # every statement waits while the gate is closed
        if armed.is_set():
            gate.wait(30)

    event.listen(engine, "before_cursor_execute", slow)
    try:
        data = prepare(base)
        walk.login_password("sam", "demo-password")
        window.open_screen("trace")
        trace = window.screens["trace"]
        assert isinstance(trace, TraceScreen)
        armed.set()
        walk.scan(data.serials[0])
        walk.wait("the scan reached the trace screen", lambda: trace.query.text() != "")
        trace.query.end(False)
        qtbot.keyClicks(trace.query, " typed while the database is slow", delay=5)
        walk.wait(
            "typing shown while the database is slow",
            lambda: trace.query.text().endswith("typed while the database is slow"),
        )
        assert trace.view is None  # the trace is still waiting on the database
        gate.set()
        walk.wait("trace arrived after the database answered", lambda: trace.view is not None)
    finally:
        gate.set()
        _stop(station)
        event.remove(engine, "before_cursor_execute", slow)


def test_selftest_command_walks_every_station(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--selftest", "--screenshots", str(shots)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "SELFTEST OK" in result.stdout
    assert (shots / "en" / "1280x800" / "operator.png").exists()
    assert (shots / "en" / "1920x1080" / "trace.png").exists()
