"""A station step whose commit went through but whose answer was lost (the connection dropped
after COMMIT) is retried with the same event UUID and finds its event: recorded once. A call
that is not safe to repeat is refused in words saying it may have been recorded, on both
databases."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.models import Event, WorkOrder
from db.resilience import DatabaseUnavailable
from desktop.services import production
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.qcpack_support import PUMP
from tests.integration.workflows.world import World


@pytest.fixture
def world(engine: Engine, printer: FakePrinter, tmp_path: Path) -> World:
    return World(engine, printer, tmp_path)


class AnswerLost:
    """Once armed, the next commit happens, then its caller hears the connection was lost."""

    def __init__(self) -> None:
        self.armed = False
        self.fired = 0

    def __call__(self, _session: Any) -> None:
        if self.armed:
            self.armed = False
            self.fired += 1
            raise OperationalError("COMMIT", {}, ConnectionResetError("connection lost"))


@pytest.fixture
def answer_lost() -> Iterator[AnswerLost]:
    lose = AnswerLost()
    event.listen(Session, "after_commit", lose)
    yield lose
    event.remove(Session, "after_commit", lose)


def _count(engine: Engine, *where: Any, of: Any = Event) -> int:
    with Session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(of).where(*where)) or 0)


def test_an_idempotent_step_retried_after_a_lost_answer_is_recorded_once(
    world: World, answer_lost: AnswerLost
) -> None:
    serial = world.pump(3)  # the weighing is next
    event_id = uuid.uuid4()
    answer_lost.armed = True
    done = production.record_weight(
        world.ctx("operator"), serial, Decimal("2400"), "g", True, event_id=event_id
    )
    assert answer_lost.fired == 1 and done.ok  # the first answer was lost, the retry answered
    assert _count(world.engine, Event.id == event_id) == 1


def test_a_call_not_safe_to_repeat_is_refused_in_words_after_a_lost_answer(
    world: World, answer_lost: AnswerLost
) -> None:
    number = world.unique("WO-L")
    answer_lost.armed = True
    with pytest.raises(DatabaseUnavailable) as refused:
        production.create_work_order(world.ctx("supervisor"), number, PUMP, 1)
    assert answer_lost.fired == 1 and refused.value.attempts == 1
    assert refused.value.maybe_recorded  # the commit went through: the words must not deny it
    assert "it may have been recorded" in str(refused.value) and "look before" in str(refused.value)
    assert _count(world.engine, WorkOrder.number == number, of=WorkOrder) == 1  # not retried
