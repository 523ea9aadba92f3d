"""Every use case x every role: each use case, called as each role, gets the answer written for it.

The answers are the table in ``permission_matrix/answers.py``, written out by hand; the calls are
the scenarios in ``permission_matrix/`` (one module per area), which make the records each call
names in a real plant (both databases) and call the use case the way a station calls it. Here
they are joined: every use case has a row and a scenario, and every row's answer is checked.

Where a role may and the call changes something, the next role that may gets a fresh record of
its own, so every "+" is a success from scratch.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

import desktop.services
from db.models import AuditEntry
from desktop.services import identity
from desktop.services.core.context import Context
from desktop.services.core.errors import PermissionDenied, Refusal
from desktop.services.core.usecase import USE_CASES
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.permission_matrix.answers import (
    EXPECTED,
    ROLES,
    SIGNING_REFUSED,
)
from tests.integration.workflows.permission_matrix.scenarios import SCENARIOS, Call
from tests.integration.workflows.world import World
from tests.support.plant import SETTINGS
from tests.support.refusals import audit_count, counts, last_audit


def _registered() -> set[str]:
    for module in pkgutil.iter_modules(desktop.services.__path__):
        importlib.import_module(f"desktop.services.{module.name}")
    return {f"{name.split('.')[2]}.{name.rsplit('.', 1)[1]}" for name in USE_CASES}


def test_the_table_names_every_use_case_and_each_has_a_call() -> None:
    registered = _registered()
    assert sorted(registered - set(EXPECTED)) == [], "use cases missing from the table"
    assert sorted(set(EXPECTED) - registered) == [], "the table names use cases that are gone"
    assert sorted(set(EXPECTED) ^ set(SCENARIOS)) == []


@dataclass
class _Outcome:
    error: BaseException | None

    def shown(self) -> str:
        if self.error is None:
            return "succeeded"
        return f"{type(self.error).__name__}: {self.error}"


def _attempt(call: Call, ctx: Context, role: str) -> _Outcome:
    try:
        call(ctx, role)
    except Exception as exc:
        return _Outcome(exc)
    return _Outcome(None)


def _check(w: World, name: str, answers: tuple[str, ...]) -> list[str]:
    wrong: list[str] = []
    try:
        call = SCENARIOS[name](w)
    except Exception as exc:  # the records the call needs could not be made
        return [f"{name}: setting up failed: {type(exc).__name__}: {exc}"]
    spent = False
    for role, answer in zip(ROLES, answers, strict=True):
        if answer == "+" and spent:
            call = SCENARIOS[name](w)  # a fresh record for this role
        before_rows, before_audit = counts(w.engine), audit_count(w.engine)
        outcome = _attempt(call, w.ctx(role), role)
        error = outcome.error
        said = f"{name} as {role}: expected {answer!r}, {outcome.shown()}"
        if answer == "+":
            spent = True
            if error is not None:
                wrong.append(said)
        elif answer == "-":
            if not isinstance(error, PermissionDenied):
                wrong.append(said)
                continue
            refusal = last_audit(w.engine)
            if audit_count(w.engine) != before_audit + 1 or not refusal.action.startswith(
                "refused:"
            ):
                wrong.append(f"{said}; the refusal was not audited as one refused: entry")
            if counts(w.engine) != before_rows:
                wrong.append(f"{said}; records were written although it was refused")
        elif answer == "s":
            if isinstance(error, PermissionDenied) or not isinstance(error, Refusal):
                wrong.append(said)
            elif SIGNING_REFUSED not in str(error):
                wrong.append(f"{said}; the refusal does not say it may not sign")
        elif isinstance(error, PermissionDenied) or not isinstance(error, Refusal):
            wrong.append(said)
    return wrong


@pytest.fixture
def world(engine: Engine, printer: FakePrinter, tmp_path: Path) -> World:
    return World(engine, printer, tmp_path)


def test_each_role_gets_the_answer_written_for_each_use_case(world: World) -> None:
    wrong = [
        problem for name, answers in EXPECTED.items() for problem in _check(world, name, answers)
    ]
    assert not wrong, "\n".join(wrong)
    with Session(world.engine) as s:
        refusals = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("refused:%"))
        ).all()
    assert len(refusals) >= sum(a.count("-") for a in EXPECTED.values())


def test_a_role_claimed_by_the_caller_is_not_believed(world: World) -> None:
    """Rights are read from the database: a user whose role row says another role is judged by
    that, whatever the log-in claimed."""
    ctx = world.ctx("operator")
    forged = Context(world.engine, replace(ctx.actor, role="admin"), SETTINGS)
    with pytest.raises(PermissionDenied):
        identity.add_user(forged, world.unique("x"), "X", "operator", "password-1234")
