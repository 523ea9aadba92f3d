"""Capture while the shared database is away, on a private PostgreSQL cluster the tests stop and
start: the station keeps taking its steps into its journal, checked against its copy (a wrong
component is still refused, with the reason); when the server is back the journal is sent in
order and every step is recorded once, marked as captured offline, with the audit chain intact;
a step the shared database refuses meanwhile (the housing built into another pump while the
station was cut off) becomes a conflict a supervisor decides; a station killed while sending
finishes at its next start with nothing lost or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from db import audit
from db.engine import make_engine
from db.models import AuditEntry, Event, Item
from db.resilience import Timeouts
from desktop.domain.offline import ConflictDecision, ConflictStatus, JournalState, OfflineStep
from desktop.domain.states import Status
from desktop.domain.text import Text
from desktop.services import identity, offline, production
from desktop.services.core.context import Actor, Context
from desktop.services.core.errors import Refusal
from desktop.services.offline import StationCapture
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.world import World
from tests.support.plant import SETTINGS
from tests.support.private_pg import PrivateCluster, migrated_cluster, running

pytestmark = pytest.mark.postgres

LIMITS = Timeouts(
    connect_s=2, statement_s=5, grace_s=1, retry_attempts=2, retry_base_s=0.05, retry_cap_s=0.2
)


@pytest.fixture(scope="module")
def cluster() -> Iterator[PrivateCluster]:
    with migrated_cluster() as made:
        yield made


@pytest.fixture(scope="module")
def world(cluster: PrivateCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    engine = make_engine(cluster.url("lotline"), timeouts=LIMITS)
    yield World(engine, FakePrinter(), tmp_path_factory.mktemp("offline"))
    engine.dispose()


@pytest.fixture(name="running")
def running_cluster(cluster: PrivateCluster) -> Iterator[PrivateCluster]:
    with running(cluster) as made:
        yield made


@pytest.fixture
def station(tmp_path: Path) -> Iterator[StationCapture]:
    made = StationCapture(tmp_path / "line-1")
    yield made
    made.close()


def _events(engine: Engine, unit_serial: str) -> list[Event]:
    with engine.connect() as conn:
        unit_id = conn.scalar(select(Item.id).where(Item.serial == unit_serial))
        rows = conn.execute(select(Event).where(Event.item_id == unit_id).order_by(Event.db_time))
        return list(rows)


def _chain_holds(engine: Engine, event_ids: list[uuid.UUID]) -> bool:
    """The audit chain verifies and every one of these events has its audit entry. (The
    fixtures put some stock on the shelf directly, so the whole-record check does not apply.)"""
    with engine.connect() as conn:
        audited = set(
            conn.scalars(
                select(AuditEntry.entity_id).where(
                    AuditEntry.entity == "event",
                    AuditEntry.entity_id.in_([str(e) for e in event_ids]),
                )
            )
        )
    return audit.verify(engine).ok and audited == {str(e) for e in event_ids}


def _build_offline(station: StationCapture, world: World, serial: str, housing: str, board: str):  # type: ignore[no-untyped-def]
    op = world.ctx("operator")
    results = [
        station.step(op, OfflineStep.CONSUME, serial, housing, event_id=uuid.uuid4()),
        station.step(op, OfflineStep.CONSUME, serial, board, event_id=uuid.uuid4()),
        station.step(op, OfflineStep.MEASUREMENT, serial, Decimal("1.00"), event_id=uuid.uuid4()),
        station.step(op, OfflineStep.WEIGHT, serial, Decimal("2400"), "g", True,
                     event_id=uuid.uuid4()),
        station.step(op, OfflineStep.CHECK, serial, True, event_id=uuid.uuid4()),
    ]  # fmt: skip
    return results


def test_a_shift_goes_on_through_an_outage_and_every_step_is_recorded_once(
    world: World, running: PrivateCluster, station: StationCapture
) -> None:
    serial = world.pump(0)
    housing, board = world.housing(), world.unique("B-")
    world.plant.receive("BOARD-IP300", board, 5, supplier="SUP-BOARDS")
    made = station.refresh_copy(world.ctx("supervisor"))
    assert made is not None and made.rows["items"] > 0

    running.stop()
    op = world.ctx("operator")
    # a wrong component is refused offline as online, and nothing waits to be sent for it
    with pytest.raises(Refusal) as wrong:
        station.step(op, OfflineStep.CONSUME, serial, serial, event_id=uuid.uuid4())
    assert "not a component" in wrong.value.message or "scan" in wrong.value.message
    results = _build_offline(station, world, serial, housing, board)
    assert all(r.ok and r.pending for r in results)
    state = station.state()
    assert state.offline and state.pending == 5 and state.refused == 1
    progress = station.unit_status(op, serial)  # from the copy: what this station did
    assert progress.status is Status.IN_PROCESS
    assert [s.done for s in progress.steps][:5] == [True] * 5  # the five steps taken offline

    running.start()
    report = station.sync(world.ctx("supervisor"))
    assert (report.sent, report.conflicts, report.left) == (5, 0, 0)
    assert not station.state().offline and station.state().pending == 0
    events = _events(world.engine, serial)
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids)) == 5  # each step once
    assert {str(e.id) for e in events} == {str(r.event_id) for r in results}
    for e in events:
        kept = e.data["captured_offline"]
        assert kept["journal"].startswith("journal.sqlite@") and kept["seq"] >= 1
        assert e.station_time <= e.db_time  # taken at the station before the server had it
    assert _chain_holds(world.engine, ids)
    assert station.journal.verify().ok
    # sending again records nothing more
    assert station.sync(world.ctx("supervisor")).sent == 0
    assert len(_events(world.engine, serial)) == 5


def test_a_step_the_shared_database_refuses_becomes_a_conflict_for_the_supervisor(
    world: World, running: PrivateCluster, station: StationCapture
) -> None:
    ours, theirs = world.pump(0), world.pump(0)
    housing = world.housing()
    station.refresh_copy(world.ctx("supervisor"))
    running.stop()
    op = world.ctx("operator")
    kept = station.step(op, OfflineStep.CONSUME, ours, housing, event_id=uuid.uuid4())
    assert kept.pending
    running.start()
    # meanwhile another station, online, built the same housing into another pump
    production.consume_component(op, theirs, housing, event_id=uuid.uuid4())

    report = station.sync(world.ctx("supervisor"))
    assert (report.sent, report.conflicts) == (0, 1)
    entry = station.journal.latest(1)[0]
    assert entry.state is JournalState.CONFLICT and housing in entry.outcome
    listed = offline.conflicts(world.ctx("supervisor"))
    mine = next(c for c in listed if c.event_id == kept.event_id)
    assert mine.status is ConflictStatus.OPEN and mine.username == "olga"
    assert mine.scans["component_scan"] == housing and housing in mine.refusal
    assert isinstance(mine.refusal, Text)  # kept as its template: read in each station's language
    assert _events(world.engine, ours) == []  # nothing was overwritten or half-recorded

    with pytest.raises(Refusal) as not_theirs:
        offline.resolve_conflict(op, mine.id, ConflictDecision.VOID, "not mine to decide")
    assert "decide steps refused after an outage" in not_theirs.value.message
    with pytest.raises(Refusal) as no_record:
        offline.resolve_conflict(world.ctx("supervisor"), mine.id, ConflictDecision.RECORDED, "ok")
    assert "not in the record" in no_record.value.message
    done = offline.resolve_conflict(
        world.ctx("supervisor"), mine.id, ConflictDecision.REDO, "fit another housing at line 1"
    )
    assert done.status is ConflictStatus.RESOLVED and done.decision is ConflictDecision.REDO
    assert audit.verify(world.engine).ok


def test_no_copy_means_no_offline_capture_and_nothing_written(
    world: World, running: PrivateCluster, station: StationCapture
) -> None:
    serial, housing = world.pump(0), world.housing()
    running.stop()
    with pytest.raises(Refusal) as refused:
        station.step(
            world.ctx("operator"), OfflineStep.CONSUME, serial, housing, event_id=uuid.uuid4()
        )
    assert "no copy" in refused.value.message and "nothing was recorded" in refused.value.message
    assert station.journal.latest() == []


SENDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from db.engine import make_engine
    from desktop.services.core.context import Actor, Context
    from desktop.services.offline import StationCapture
    from tests.support.plant import SETTINGS
    engine = make_engine(sys.argv[2])
    station = StationCapture(Path(sys.argv[1]))
    print("sending", flush=True)
    station.sync(Context(engine, Actor.system("sync"), SETTINGS))
    """
)


def test_a_station_killed_while_sending_finishes_at_its_next_start(
    world: World, running: PrivateCluster, tmp_path: Path
) -> None:
    folder = tmp_path / "line-1"
    station = StationCapture(folder)
    pumps = [(world.pump(0), world.housing()) for _ in range(12)]
    station.refresh_copy(world.ctx("supervisor"))
    running.stop()
    op = world.ctx("operator")
    taken = [
        station.step(op, OfflineStep.CONSUME, serial, housing, event_id=uuid.uuid4()).event_id
        for serial, housing in pumps
    ]
    station.close()
    running.start()

    env = dict(os.environ, PYTHONPATH=os.getcwd())
    sender = subprocess.Popen(
        [sys.executable, "-c", SENDER, str(folder), running.url("lotline")],
        stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert sender.stdout is not None and sender.stdout.readline().strip() == "sending"
    time.sleep(0.3)  # somewhere in the middle of sending (or already done: both must hold)
    sender.send_signal(signal.SIGKILL)
    sender.wait(timeout=30)

    again = StationCapture(folder)  # the station's next start
    try:
        again.sync(world.ctx("supervisor"))
        assert again.journal.unsent() == [] and again.journal.verify().ok
        assert again.journal.counts()[JournalState.SYNCED] == len(taken)
    finally:
        again.close()
    with world.engine.connect() as conn:
        recorded = conn.scalar(select(func.count()).select_from(Event).where(Event.id.in_(taken)))
    assert recorded == len(taken)  # every one, once (the event id is the key)
    assert _chain_holds(world.engine, taken)


def test_the_copy_is_brought_up_to_the_steps_taken_online_since_it_was_made(
    world: World, running: PrivateCluster, station: StationCapture
) -> None:
    serial, housing = world.pump(0), world.housing()
    board = world.unique("B-")
    world.plant.receive("BOARD-IP300", board, 5, supplier="SUP-BOARDS")
    station.refresh_copy(world.ctx("supervisor"))
    op = world.ctx("operator")
    online = station.step(op, OfflineStep.CONSUME, serial, housing, event_id=uuid.uuid4())
    assert not online.pending  # recorded on the shared database, after the copy was made
    running.stop()
    offline_step = station.step(op, OfflineStep.CONSUME, serial, board, event_id=uuid.uuid4())
    assert offline_step.ok and offline_step.pending  # the copy knew the housing was in
    running.start()
    report = station.sync(world.ctx("supervisor"))
    assert (report.sent, report.conflicts) == (1, 0)
    assert len(_events(world.engine, serial)) == 2


def test_a_log_in_while_the_database_is_away_is_checked_by_the_copy_and_audited_later(
    world: World, running: PrivateCluster, station: StationCapture
) -> None:
    serial, housing = world.pump(0), world.housing()
    station.refresh_copy(world.ctx("supervisor"))
    running.stop()
    at_line = Context(world.engine, Actor(None, "(not logged in)", "", None, "line-1"), SETTINGS)
    with pytest.raises(Refusal) as wrong_pin:
        station.log_in(at_line, lambda c: identity.login_badge(c, "B-1001", "9999"), "badge")
    assert "wrong PIN" in wrong_pin.value.message
    login = station.log_in(at_line, lambda c: identity.login_badge(c, "B-1001", "1234"), "badge")
    assert login.actor.username == "olga" and login.actor.station_id is not None
    op = at_line.as_actor(login.actor)
    assert station.step(op, OfflineStep.CONSUME, serial, housing, event_id=uuid.uuid4()).pending
    running.start()
    report = station.sync(world.ctx("supervisor"))
    assert (report.logins, report.sent, report.conflicts) == (1, 1, 0)  # the log-in, the step
    with world.engine.connect() as conn:
        entries = conn.execute(
            select(AuditEntry.username, AuditEntry.station).where(
                AuditEntry.action == "auth.success.offline"
            )
        ).all()
    assert entries == [("olga", "line-1")]
    assert station.sync(world.ctx("supervisor")).sent == 0  # not audited twice
    assert audit.verify(world.engine).ok
