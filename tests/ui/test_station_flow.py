"""Whole station flows in the real window: scans come from the simulated scanner over a
pseudo-terminal through the real scanner driver, weights from the simulated scale through the
real MT-SICS driver; every station is walked (the same walk as `python -m desktop --selftest`).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import Engine, event

from db import audit
from desktop.config import StationConfig
from desktop.services.core.context import Actor, Context
from desktop.services.masterdata import ensure_demo_plant
from desktop.views.selftest import Walk, run_walk
from desktop.views.selftest_data import prepare
from desktop.views.station import application, build_window


def _station(engine: Engine):  # type: ignore[no-untyped-def]
    base = Context(engine, Actor(None, "(not logged in)", "", None, "line-1"))
    ensure_demo_plant(base)
    application("en")
    window, hub = build_window(StationConfig(), base, demo_hint="")
    hub.start()
    window.resize(1280, 800)
    window.show()
    return base, window, hub


def test_every_station_walked_with_scans_from_the_simulated_scanner(engine: Engine, qtbot) -> None:
    base, window, hub = _station(engine)
    qtbot.addWidget(window)
    walk = Walk(window, hub, None, "en")
    try:
        walk.wait(
            "devices connected", lambda: all(w.health.connected for w in hub.workers.values())
        )
        run_walk(walk, base)
    finally:
        window.runner.wait(15_000)
        hub.stop()
    assert "wrong component refused" in walk.steps
    assert "weight accepted" in walk.steps
    assert audit.verify(engine).ok


def test_a_slow_database_does_not_block_input(engine: Engine, qtbot) -> None:
    base, window, hub = _station(engine)
    qtbot.addWidget(window)
    walk = Walk(window, hub, None, "en")
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
        armed.set()
        trace.on_scan(data.serials[0], None)
        qtbot.keyClicks(trace.query, " typed while the database is slow")
        assert trace.query.text().endswith("typed while the database is slow")
        assert trace.view is None  # the trace is still waiting on the database
        gate.set()
        walk.wait("trace arrived after the database answered", lambda: trace.view is not None)
    finally:
        gate.set()
        window.runner.wait(15_000)
        hub.stop()
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
