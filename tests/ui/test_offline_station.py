"""The station through an outage, on a private PostgreSQL cluster the tests stop and start: the
operator keeps building with scans from the simulated scanner while the server is stopped (the
OFFLINE banner says since when and how many steps wait; each step is shown kept, not recorded);
when the server is back the window's database light turns green and the journal is sent (the
events are in the shared database, the banner goes, the result panel counts what was sent and
the conflicts); the supervisor decides the conflict on the conflicts screen, which an operator
is not offered; and the `lotline offline` commands: status, sync (refused while the database is
away), conflicts and resolve (a refused decision too).

With LOTLINE_SCREENSHOTS=FOLDER the station working offline and the supervisor's conflicts are
saved in English and Chinese (FOLDER/<language>/<width>x<height>/operator-offline.png,
conflicts.png)."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, select, text

from db.engine import make_engine
from db.migrate import upgrade
from db.models import AuditEntry, Event, Item
from db.resilience import Timeouts
from desktop.app import build_station
from desktop.cli import main as lotline
from desktop.config import OfflineConfig, StationConfig
from desktop.domain.offline import ConflictDecision, OfflineStep
from desktop.services import identity, offline, production
from desktop.services.core.context import Actor, Context
from desktop.services.masterdata import ensure_demo_plant
from desktop.services.offline import StationCapture, SyncReport
from desktop.services.production import StepResult
from desktop.views import kinds
from desktop.views.conflicts import ConflictsScreen
from desktop.views.operator import OperatorScreen
from desktop.views.selftest import Walk
from desktop.views.selftest_data import PASSWORD, WalkData, prepare
from desktop.views.station import application
from tests.support.private_pg import PrivateCluster

pytestmark = pytest.mark.postgres

LIMITS = Timeouts(
    connect_s=2, statement_s=5, grace_s=1, retry_attempts=2, retry_base_s=0.05, retry_cap_s=0.2
)
SHOTS = os.environ.get("LOTLINE_SCREENSHOTS")
LANGUAGES = ["en", "zh_CN"] if SHOTS else ["en"]


@pytest.fixture(scope="module")
def cluster() -> Iterator[PrivateCluster]:
    made = PrivateCluster.start_new(Path(tempfile.mkdtemp(prefix="lotline-pg-")))
    try:
        yield made
    finally:
        made.destroy()


@pytest.fixture
def running(cluster: PrivateCluster) -> Iterator[PrivateCluster]:
    yield cluster
    if not (cluster.data / "postmaster.pid").exists():
        cluster.start()


def _database(cluster: PrivateCluster) -> tuple[str, Engine]:
    """A database of its own on the private cluster, migrated, with the demo plant."""
    name = f"offline_{uuid.uuid4().hex[:8]}"
    admin = create_engine(cluster.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = cluster.url(name)
    engine = make_engine(url, timeouts=LIMITS)
    upgrade(engine)
    ensure_demo_plant(Context(engine, Actor(None, "(not logged in)", "", None, "line-1")))
    return url, engine


def _as(engine: Engine, username: str) -> Context:
    base = Context(engine, Actor(None, "(not logged in)", "", None, "line-2"))
    return base.as_actor(identity.login(base, username, PASSWORD).actor)


def _offline_events(engine: Engine, serial: str) -> list[Any]:
    """The unit's events marked as captured offline (each once)."""
    with engine.connect() as conn:
        unit = conn.scalar(select(Item.id).where(Item.serial == serial))
        rows = conn.execute(select(Event.id, Event.data).where(Event.item_id == unit))
        return [r.id for r in rows if "captured_offline" in (r.data or {})]


def _answers(screen: OperatorScreen) -> list[Any]:
    seen: list[Any] = []
    screen.answered.connect(seen.append)
    return seen


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_station_builds_through_an_outage_and_the_supervisor_decides_the_conflict(
    running: PrivateCluster, qtbot: Any, tmp_path: Path, language: str
) -> None:
    url, engine = _database(running)
    base = Context(engine, Actor(None, "(not logged in)", "", None, "line-1"))
    data: WalkData = prepare(base, "OF")
    application(language)
    cfg = StationConfig(
        database_url=url, language=language, offline=OfflineConfig(folder=tmp_path / "offline")
    )
    station = build_station(cfg, base)
    window = station.window
    qtbot.addWidget(window)
    station.devices.start()
    window.resize(1280, 800)
    window.show()
    walk = Walk(window, Path(SHOTS) if SHOTS else None, language)
    op = window.screens["operator"]
    assert isinstance(op, OperatorScreen)
    capture = station.kit.capture
    assert capture is not None
    answers = _answers(op)
    first, second = data.serials
    try:
        walk.wait("devices connected", station.kit.connected)
        walk.login_badge("B-1001", "1234")
        assert "conflicts" not in window._nav_keys  # an operator is not offered the conflicts
        walk.wait("the station's copy taken after log-in", capture.copy_is_fresh)
        # meanwhile, at another station, the second housing goes into the second pump
        production.consume_component(
            _as(engine, "sam"), second, data.housings[1], event_id=uuid.uuid4()
        )
        walk.scan(first)
        walk.wait("unit loaded", lambda: first in op.unit_line.text())

        running.stop()
        walk.scan(data.housings[0])
        walk.wait("housing kept at the station", lambda: _kept(answers, 1))
        assert not op.result.refused
        walk.wait("OFFLINE banner shown", op.banner.isVisible)
        walk.scan(data.board_lot)
        walk.wait("board lot kept", lambda: _kept(answers, 2))
        op.value.setText("1.00")
        op.value.returnPressed.emit()
        walk.wait("torque kept", lambda: _kept(answers, 3))
        walk.wait("banner counts three", lambda: "3" in op.banner.text())
        walk.wait(
            "steps done from the copy", lambda: bool(op.progress and op.progress.steps[2].done)
        )
        walk.shot("operator-offline")
        # a shift change during the outage: the log-in is checked against the station's copy
        walk.logout()
        walk.login_badge("B-1001", "1234")
        walk.scan(second)  # the copy does not know the second housing is built in elsewhere
        walk.wait("second unit loaded from the copy", lambda: second in op.unit_line.text())
        walk.scan(data.housings[1])
        walk.wait("second housing kept", lambda: _kept(answers, 4))
        assert capture.state().pending == 5  # four steps and the log-in between them

        running.start()
        window.database_light.check()
        walk.wait("journal sent", lambda: any(isinstance(a, SyncReport) for a in answers), 30)
        report = next(a for a in answers if isinstance(a, SyncReport))
        assert (report.sent, report.logins, report.conflicts, report.left) == (3, 1, 1, 0)
        walk.wait("banner gone", lambda: not op.banner.isVisible())
        assert not op.result.refused and "3" in op.result.title.text()
        if language == "en":
            assert op.result.title.text().endswith("3 steps sent, 1 conflict for the supervisor")
        sent = _offline_events(engine, first)
        assert len(sent) == len(set(sent)) == 3  # each step kept offline recorded once
        with engine.connect() as conn:
            logins = conn.scalars(
                select(AuditEntry.username).where(AuditEntry.action == "auth.success.offline")
            ).all()
        assert logins == ["olga"]  # the log-in at the stopped server, in the shared trail

        walk.logout()
        walk.login_password("sam", PASSWORD)
        assert "conflicts" in window._nav_keys
        window.open_screen("conflicts")
        screen = window.screens["conflicts"]
        assert isinstance(screen, ConflictsScreen)
        walk.wait("the conflict listed", lambda: len(screen.shown_rows) == 1)
        conflict = screen.shown_rows[0]
        assert conflict.step is OfflineStep.CONSUME and conflict.username == "olga"
        walk.scan(first)  # another unit: none of its steps is a conflict
        walk.wait("filtered to the first unit", lambda: screen.shown_rows == [])
        walk.scan(second)
        walk.wait("filtered to the second unit", lambda: len(screen.shown_rows) == 1)
        walk.shot("conflicts")
        assert not screen.decide_button.isEnabled()  # a reason is required
        screen.choice_buttons[ConflictDecision.RECORDED].setChecked(True)
        screen.reason.setText("built in at line-2")
        screen.decide_button.click()
        walk.wait(
            "'recorded' refused: the step is not in the record", lambda: screen.result.refused
        )
        screen.choice_buttons[ConflictDecision.VOID].setChecked(True)
        screen.decide_button.click()
        walk.wait("decided", lambda: not screen.result.refused and screen.rows == [])
    finally:
        window.runner.wait(15_000)
        station.close()
        engine.dispose()
    assert offline.conflicts(_as(engine, "sam")) == []
    engine.dispose()


def _kept(answers: list[Any], count: int) -> bool:
    kept = [a for a in answers if isinstance(a, StepResult) and a.ok and a.pending]
    return len(kept) >= count


def test_the_conflicts_screen_is_offered_to_the_supervisor_only() -> None:
    assert "conflicts" in kinds.visible_to("supervisor")
    for role in ("operator", "qc_inspector", "packaging", "admin"):
        assert "conflicts" not in kinds.visible_to(role)
    assert "conflicts" not in kinds.registered()  # not a station kind of the station file


def _cli(capsys: Any, monkeypatch: Any, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = lotline(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_offline_commands_status_sync_conflicts_and_resolve(
    running: PrivateCluster, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    url, engine = _database(running)
    base = Context(engine, Actor(None, "(not logged in)", "", None, "line-1"))
    data = prepare(base, "CL")
    first, second = data.serials
    folder = tmp_path / "line-1"
    capture = StationCapture(folder)
    op = _as(engine, "olga")
    try:
        assert capture.refresh_copy(op) is not None
        production.consume_component(_as(engine, "sam"), second, data.housings[1],
                                     event_id=uuid.uuid4())  # fmt: skip
        running.stop()
        for step, unit, values in (
            (OfflineStep.CONSUME, first, (data.housings[0],)),
            (OfflineStep.CONSUME, first, (data.board_lot,)),
            (OfflineStep.MEASUREMENT, first, (Decimal("1.00"),)),
            (OfflineStep.CONSUME, second, (data.housings[1],)),
        ):
            assert capture.step(op, step, unit, *values, event_id=uuid.uuid4()).pending
    finally:
        capture.close()

    code, out, _ = _cli(capsys, monkeypatch, "offline", "status", "--folder", str(folder))
    assert code == 0
    assert "pending" in out and " 4" in out and "verifies (4 entries)" in out

    code, out, err = _cli(
        capsys, monkeypatch, "offline", "sync", "--folder", str(folder), "--database", url
    )
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err

    running.start()
    code, out, err = _cli(
        capsys, monkeypatch, "offline", "sync", "--folder", str(folder), "--database", url
    )
    assert code == 0, err
    assert out.startswith("sent 3, log-ins 0, conflicts 1, left 0")

    code, out, _ = _cli(
        capsys, monkeypatch, "offline", "conflicts", "--json", "--by", "sam", "--database", url,
        stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert code == 0
    listed = json.loads(out)
    assert [c["step"] for c in listed] == ["consume"] and listed[0]["status"] == "open"
    conflict = str(listed[0]["id"])

    code, out, err = _cli(
        capsys, monkeypatch, "offline", "resolve", conflict, "--decision", "recorded",
        "--reason", "built in at line-2", "--by", "sam", "--database", url, stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert code == 1 and "is not in the record" in err and "Traceback" not in err
    code, out, err = _cli(
        capsys, monkeypatch, "offline", "resolve", conflict, "--decision", "void",
        "--reason", "built in at line-2", "--by", "olga", "--database", url,
        stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert code == 1 and err.startswith("lotline: ")  # an operator may not decide
    code, out, err = _cli(
        capsys, monkeypatch, "offline", "resolve", conflict, "--decision", "void",
        "--reason", "built in at line-2", "--by", "sam", "--database", url, stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert code == 0 and f"conflict {conflict} decided" in out
    code, out, _ = _cli(
        capsys, monkeypatch, "offline", "conflicts", "--by", "sam", "--database", url,
        stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert code == 0 and "no open conflicts" in out

    # a journal changed behind the station's back: status and sync say so in one line
    with sqlite3.connect(folder / "journal.sqlite") as db:
        db.execute("UPDATE entries SET args = replace(args, '1.00', '9.99') WHERE seq = 3")
    code, out, _ = _cli(capsys, monkeypatch, "offline", "status", "--folder", str(folder))
    assert code == 1 and "does NOT verify at entry 3" in out
    code, out, err = _cli(
        capsys, monkeypatch, "offline", "sync", "--folder", str(folder), "--database", url
    )
    assert code == 1 and "does not verify" in err and len(err.strip().splitlines()) == 1
    engine.dispose()


def test_the_station_file_offline_table(tmp_path: Path) -> None:
    from desktop.config import ConfigError, load_config

    station = tmp_path / "station.toml"
    station.write_text('station = "line-7"\n', encoding="utf-8")
    cfg = load_config(station, environ={})
    assert cfg.offline.enabled and cfg.offline.max_copy_age_hours == 12.0
    assert cfg.offline.folder_of("line-7").parts[-2:] == ("line-7", "offline")
    station.write_text(
        '[offline]\nfolder = "/srv/lotline/journal"\nmax_copy_age_hours = 4\n', encoding="utf-8"
    )
    cfg = load_config(station, environ={})
    assert cfg.offline.folder_of("x") == Path("/srv/lotline/journal")
    assert cfg.offline.max_copy_age_hours == 4.0
    for bad, words in (
        ("[offline]\nenable = false\n", "enable is not a setting"),
        ("[offline]\nenabled = 1\n", "enabled must be true or false"),
        ("[offline]\nmax_copy_age_hours = 0\n", "more than 0"),
        ('[offline]\nfolder = ""\n', "folder must be a non-empty text"),
    ):
        station.write_text(bad, encoding="utf-8")
        with pytest.raises(ConfigError) as refused:
            load_config(station, environ={})
        assert f"{station}: [offline] " in str(refused.value) and words in str(refused.value)
    # the embedded database cannot be away: no journal then
    from desktop.app import station_capture

    assert station_capture(replace(StationConfig(), database_url=None)) is None
    assert station_capture(replace(StationConfig(), database_url="sqlite:///x.db")) is None
    off = StationConfig(database_url="postgresql://h/db", offline=OfflineConfig(enabled=False))
    assert station_capture(off) is None
    made = station_capture(
        StationConfig(database_url="postgresql://h/db", offline=OfflineConfig(folder=tmp_path))
    )
    assert made is not None
    made.close()
