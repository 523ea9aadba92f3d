"""Every use case x every role: only the pairs the permission map allows get past the gate.

The gate is the first thing a use case does, so a role without the permission is refused
with PermissionDenied (and the refusal audited) before any argument is looked at; a role with
it gets past the gate (and then fails or succeeds on its arguments, which are dummies here).
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import desktop.services
from db.models import AuditEntry
from desktop.domain.permissions import Role, can
from desktop.services.core.context import Context
from desktop.services.core.errors import PermissionDenied
from desktop.services.core.usecase import USE_CASES
from tests.support.foundation import admin_ctx, make_user

for module in pkgutil.walk_packages(desktop.services.__path__, "desktop.services."):
    importlib.import_module(module.name)

GATED = sorted((name, perm) for name, perm in USE_CASES.items() if perm is not None)


def _call(name: str, ctx: Context) -> BaseException | None:
    module, func = name.rsplit(".", 1)
    fn = getattr(importlib.import_module(module), func)
    try:
        fn(ctx, *([None] * 8))
    except TypeError:
        try:
            fn(ctx)
        except BaseException as exc:  # anything but the gate is fine here
            return exc
    except BaseException as exc:
        return exc
    return None


def test_every_service_module_registers_use_cases() -> None:
    assert len(GATED) >= 5
    modules = {name.rsplit(".", 1)[0] for name, _ in GATED}
    assert "desktop.services.identity._auth" in modules
    assert "desktop.services.masterdata._load" in modules


@pytest.mark.parametrize("role", list(Role))
def test_permission_matrix(engine, role: Role) -> None:
    admin = admin_ctx(engine)  # the role is read from the database: a real user of each role
    ctx = admin if role is Role.ADMIN else make_user(admin, f"matrix-{role.value}", role.value)
    wrong = []
    for name, permission in GATED:
        outcome = _call(name, ctx)
        denied = isinstance(outcome, PermissionDenied)
        if denied == can(role, permission):
            wrong.append(f"{name} ({permission.value}): denied={denied}")
    assert wrong == []
    with Session(engine) as s:
        refusals = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("refused:%"))
        ).all()
    assert len(refusals) >= sum(1 for _, p in GATED if not can(role, p))
