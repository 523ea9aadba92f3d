"""Bounded waits on a private PostgreSQL cluster the tests freeze, stop and start again: a frozen
server gives a refusal in words within the call's limits (never a hang), a restarted server lets
an idempotent station step through once (no duplicate event), a call that is not safe to repeat
is refused in words, and the CLI says so in one line with exit code 1.

The limits are small here so the tests are short; the bounds asserted are generous (they prove
"did not wait for ever", not a speed)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.engine import make_engine
from db.models import Event
from db.resilience import DatabaseUnavailable, Timeouts, add_listener, remove_listener
from desktop.cli import main
from desktop.services import production
from desktop.services.core.usecase import IDEMPOTENT
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.qcpack_support import PUMP
from tests.integration.workflows.world import World
from tests.support.private_pg import PrivateCluster, migrated_cluster, running

pytestmark = pytest.mark.postgres

LIMITS = Timeouts(
    connect_s=2, statement_s=2, grace_s=1, retry_attempts=3, retry_base_s=0.1, retry_cap_s=0.5
)
#: Far above connect + ping + statement limits and back-off; far below "for ever".
NEVER_HUNG_S = 40


@pytest.fixture(scope="module")
def cluster() -> Iterator[PrivateCluster]:
    with migrated_cluster() as made:
        yield made


@pytest.fixture(scope="module")
def world(cluster: PrivateCluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    engine = make_engine(cluster.url("lotline"), timeouts=LIMITS)
    yield World(engine, FakePrinter(), tmp_path_factory.mktemp("bounded"))
    engine.dispose()


@pytest.fixture(name="running")
def running_cluster(cluster: PrivateCluster) -> Iterator[PrivateCluster]:
    with running(cluster) as made:
        yield made


def _events(engine: Engine, event_id: uuid.UUID) -> int:
    with Session(engine) as s:
        return int(s.scalar(select(func.count()).where(Event.id == event_id)) or 0)


def _cli_one_line(url: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["workorder", "list", "--database", url.replace("+psycopg", "")])
    err = capsys.readouterr().err.strip()
    assert code == 1, err
    assert len(err.splitlines()) == 1 and err.startswith("lotline: "), err
    assert "Traceback" not in err
    return err


def test_the_station_steps_are_marked_idempotent() -> None:
    steps = {"consume_component", "record_weight", "record_measurement", "record_check"}
    assert {name.rsplit(".", 1)[1] for name in IDEMPOTENT} >= steps


def test_a_statement_to_a_frozen_server_fails_within_its_limit(
    world: World, running: PrivateCluster
) -> None:
    with world.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        running.freeze()
        began = time.monotonic()
        with pytest.raises(OperationalError) as failure:
            conn.execute(text("SELECT 1"))
        waited = time.monotonic() - began
    assert failure.value.connection_invalidated  # the pool will not hand that connection out
    assert waited < NEVER_HUNG_S


def test_a_use_case_against_a_frozen_server_is_refused_in_words(
    world: World, running: PrivateCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    serial = world.pump(4)
    supervisor = world.ctx("supervisor")
    running.freeze()
    began = time.monotonic()
    with pytest.raises(DatabaseUnavailable) as refused:
        production.create_work_order(supervisor, world.unique("WO-F"), PUMP, 1)
    assert time.monotonic() - began < NEVER_HUNG_S
    words = str(refused.value)
    assert words.startswith(f"the database at 127.0.0.1:{running.port} is not answering")
    assert "nothing was recorded" in words and refused.value.attempts == 1
    began = time.monotonic()
    with pytest.raises(DatabaseUnavailable) as step:  # retried, then refused: still bounded
        production.record_check(world.ctx("operator"), serial, True, event_id=uuid.uuid4())
    assert step.value.attempts == LIMITS.retry_attempts
    assert time.monotonic() - began < NEVER_HUNG_S * LIMITS.retry_attempts
    assert "cannot reach the database" in _cli_one_line(running.url("lotline"), capsys)
    running.thaw()
    assert production.unit_status(world.ctx("operator"), serial).serial == serial  # answers again


def test_a_restarted_server_takes_an_idempotent_step_once_and_refuses_the_rest(
    world: World, running: PrivateCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    serial = world.pump(4)
    operator, supervisor = world.ctx("operator"), world.ctx("supervisor")
    running.stop()
    with pytest.raises(DatabaseUnavailable) as refused:  # not safe to repeat: refused at once
        production.create_work_order(supervisor, world.unique("WO-R"), PUMP, 1)
    assert refused.value.attempts == 1 and "nothing was recorded" in str(refused.value)
    assert "lotline: " in _cli_one_line(running.url("lotline"), capsys)

    heard: list[str] = []

    def restart_on_first_retry(state: str, _detail: str) -> None:
        heard.append(state)
        if state == "retrying" and heard.count("retrying") == 1:
            running.start()  # the server is back before the next attempt

    event_id = uuid.uuid4()
    add_listener(restart_on_first_retry)
    try:
        done = production.record_check(operator, serial, True, event_id=event_id)
    finally:
        remove_listener(restart_on_first_retry)
    assert done.ok
    assert heard[0] == "retrying" and heard[-1] == "ok"
    assert _events(world.engine, event_id) == 1
    again = production.record_check(operator, serial, True, event_id=event_id)  # the retry's twin
    assert again.ok and _events(world.engine, event_id) == 1
