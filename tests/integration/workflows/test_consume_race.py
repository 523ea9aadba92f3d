"""Ten stations race to build the same serialised pump housing into their units (PostgreSQL:
real concurrent writers). Exactly one consumption commits; every other attempt gets a clear
refusal; the audit chain stays whole. Run once with the row lock (SELECT ... FOR UPDATE) and
once without it, to show that the guarded UPDATE alone already stops a double consumption."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db import audit
from db.engine import make_engine
from db.models import AuditEntry, Item, Link
from desktop.services import production
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.production import _execution as execution
from tests.integration.workflows.test_execution_support import pump_order
from tests.support.plant import Plant

pytestmark = pytest.mark.postgres
THREADS = 10


@pytest.fixture
def pg_engine(postgres_url: str) -> Iterator[Engine]:
    engine = make_engine(postgres_url)
    yield engine
    engine.dispose()


def _race(plant: Plant, serials: list[str], attempts: int) -> tuple[list[str], list[str]]:
    ctx = plant.ctx("operator")
    wins: list[str] = []
    refusals: list[str] = []
    problems: list[BaseException] = []
    gate = threading.Barrier(THREADS)

    def station(n: int) -> None:
        gate.wait()
        for serial in serials[n * attempts : (n + 1) * attempts]:
            try:
                production.consume_component(ctx, serial, "HS-RACE", event_id=uuid.uuid4())
                wins.append(serial)
            except Refusal as refusal:
                refusals.append(refusal.message)
            except BaseException as exc:  # anything else fails the test
                problems.append(exc)

    threads = [threading.Thread(target=station, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not problems, problems[:3]
    return wins, refusals


def _check(plant: Plant, wins: list[str], refusals: list[str], attempts: int) -> None:
    assert len(wins) == 1, wins
    assert len(refusals) == THREADS * attempts - 1
    expected = f'scan "HS-RACE": pump housing HS-RACE was already built into unit {wins[0]} on '
    assert all(m.startswith(expected) for m in refusals), {
        m for m in refusals if not m.startswith(expected)
    }
    with Session(plant.engine) as s:
        housing = s.scalars(select(Item).where(Item.serial == "HS-RACE")).one()
        links = s.scalar(select(func.count(Link.id)).where(Link.child_item_id == housing.id))
        refused = s.scalar(
            select(func.count(AuditEntry.id)).where(
                AuditEntry.action == "refused:consume_component"
            )
        )
    assert (housing.status, links) == ("consumed", 1)
    assert refused == THREADS * attempts - 1
    assert audit.verify(plant.engine).ok


def test_ten_stations_one_housing_exactly_one_build(pg_engine: Engine) -> None:
    attempts = 100
    plant = Plant(pg_engine)
    line = pump_order(plant, count=THREADS * attempts, quantity=THREADS * attempts)
    plant.receive_serials("HOUSING-IP300", ["HS-RACE"])
    wins, refusals = _race(plant, line.serials, attempts)
    _check(plant, wins, refusals, attempts)


def test_the_guarded_update_alone_stops_a_double_build(
    pg_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without FOR UPDATE every station reads "released"; the WHERE status = 'released'
    UPDATE lets exactly one of them through."""

    def read_without_lock(uow: UnitOfWork, item_id: int) -> Any:
        stmt = select(Item).where(Item.id == item_id).execution_options(populate_existing=True)
        return uow.session.scalars(stmt).one()

    monkeypatch.setattr(execution, "lock", read_without_lock)
    attempts = 20
    plant = Plant(pg_engine)
    line = pump_order(plant, count=THREADS * attempts, quantity=THREADS * attempts)
    plant.receive_serials("HOUSING-IP300", ["HS-RACE"])
    wins, refusals = _race(plant, line.serials, attempts)
    _check(plant, wins, refusals, attempts)
