"""The database light in the device strip: connected, retrying, OFFLINE since HH:MM, fed by the
outcomes of real service calls and by its own periodic check (off the GUI thread)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError

from db.engine import make_engine
from db.resilience import DatabaseUnavailable, Timeouts, call
from desktop.services.core.context import Actor, Context
from desktop.views.database_light import DatabaseLight
from tests.support.private_pg import free_port


def _ctx(url: str, **limits: Any) -> Context:
    engine = make_engine(url, timeouts=Timeouts(**limits))
    return Context(engine, Actor(None, "(not logged in)", "", None, "line-1"))


def test_the_light_follows_the_calls_retrying_then_offline_then_connected(
    qtbot: Any, tmp_path: Path
) -> None:
    ctx = _ctx(f"sqlite:///{tmp_path / 'light.sqlite'}", retry_attempts=2, retry_base_s=0.01)
    light = DatabaseLight("Database", ctx)
    qtbot.addWidget(light)
    qtbot.waitUntil(lambda: not light.checking, timeout=10_000)  # the first check answered
    assert light.state == "ok" and "connected" in light.text() and "light.sqlite" in light.text()

    def busy() -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))

    try:
        call(ctx.engine, busy, retry=True)
    except DatabaseUnavailable as down:
        assert "nothing was recorded" in str(down)
    qtbot.waitUntil(lambda: light.state == "offline", timeout=10_000)
    assert light.offline_since is not None
    assert f"OFFLINE since {light.offline_since.toString('HH:mm')}" in light.text()
    assert "database is locked" in light.text()
    assert call(ctx.engine, lambda: 1, retry=False) == 1
    qtbot.waitUntil(lambda: light.state == "ok", timeout=10_000)
    assert "connected" in light.text() and light.offline_since is None


def test_the_periodic_check_finds_a_server_that_is_not_there(qtbot: Any) -> None:
    ctx = _ctx(f"postgresql://postgres@127.0.0.1:{free_port()}/nowhere", connect_s=2)
    light = DatabaseLight("Database", ctx, every_ms=200)
    qtbot.addWidget(light)
    qtbot.waitUntil(lambda: light.state == "offline", timeout=20_000)
    assert "OFFLINE since" in light.text() and light.host.startswith("127.0.0.1:")
    assert "cannot reach the database" in light.toolTip()


def test_the_runner_turns_a_database_not_answering_into_words(qtbot: Any) -> None:
    from datetime import UTC, datetime

    from desktop.services.core.errors import Refusal
    from desktop.views.tasks import Runner

    runner = Runner()
    heard: list[Refusal] = []

    def down() -> None:
        raise DatabaseUnavailable("db.plant:5432", "connection refused", since=datetime.now(UTC))

    def reset() -> None:  # a screen's own read, outside a use case
        raise OperationalError("SELECT", {}, ConnectionResetError("connection reset by peer"))

    def lost() -> None:  # the answer to COMMIT was lost
        when = datetime.now(UTC)
        raise DatabaseUnavailable("db.plant:5432", "reset", since=when, maybe_recorded=True)

    runner.run(down, refused=heard.append)
    runner.run(reset, refused=heard.append)
    runner.run(lost, refused=heard.append)
    assert runner.wait(10_000)
    maybe = [r.message for r in heard if "may have been recorded" in r.message]
    assert len(maybe) == 1 and "Look at the record before doing it again" in maybe[0]
    first, second = sorted(r.message for r in heard if r.message not in maybe)  # any order
    assert first.startswith("The database at db.plant:5432 is not answering")
    assert "was not recorded" in first and "light is green" in first
    assert second.startswith("The database is not answering") and "Traceback" not in second
