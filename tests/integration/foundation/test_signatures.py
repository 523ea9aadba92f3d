"""Part 11 e-signatures: re-authentication, meaning rights, and records changed after signing."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from db.models import Route
from desktop.domain.permissions import Meaning
from desktop.services import identity
from desktop.services.core.errors import AuthenticationFailed, Refusal
from desktop.services.identity import check_signature, sign_record
from tests.support.foundation import admin_ctx, make_user, station_ctx


def _route(engine: Engine) -> int:
    with Session(engine) as s, s.begin():
        route = Route(name="Pump final assembly", version=3)
        s.add(route)
        s.flush()
        return route.id


def test_signature_reads_invalid_after_the_record_changes(engine: Engine) -> None:
    admin = admin_ctx(engine)
    make_user(admin, "quinn", "qc_inspector")
    login = identity.login(station_ctx(engine), "quinn", "password-123")
    ctx = admin.as_actor(login.actor)
    route_id = _route(engine)
    sig = sign_record(
        ctx, login, "routes", route_id, Meaning.REVIEWED, "password-123", username="quinn"
    )
    assert sig.valid and sig.printed_name == "Quinn" and sig.meaning == "Reviewed"
    assert "Quinn (quinn)" in sig.manifestation() and "Reviewed" in sig.manifestation()
    assert check_signature(ctx, sig.id).valid
    with engine.begin() as conn:
        conn.execute(text("UPDATE routes SET version = 4 WHERE id = :id"), {"id": route_id})
    after = check_signature(ctx, sig.id)
    assert not after.valid
    assert after.problem == "the record was changed after it was signed"


def test_first_signing_needs_user_name_then_password_alone(engine: Engine) -> None:
    admin = admin_ctx(engine)
    make_user(admin, "quinn", "qc_inspector")
    login = identity.login(station_ctx(engine), "quinn", "password-123")
    ctx = admin.as_actor(login.actor)
    route_id = _route(engine)
    with pytest.raises(AuthenticationFailed, match="enter your user name and your password"):
        sign_record(ctx, login, "routes", route_id, Meaning.REVIEWED, "password-123")
    sign_record(ctx, login, "routes", route_id, Meaning.REVIEWED, "password-123", username="quinn")
    second = sign_record(ctx, login, "routes", route_id, Meaning.REVIEWED, "password-123")
    assert second.valid
    login.end()
    with pytest.raises(AuthenticationFailed, match="session has ended"):
        sign_record(ctx, login, "routes", route_id, Meaning.REVIEWED, "password-123")


def test_wrong_signature_password_counts_toward_lockout(engine: Engine) -> None:
    admin = admin_ctx(engine)
    make_user(admin, "quinn", "qc_inspector")
    login = identity.login(station_ctx(engine), "quinn", "password-123")
    ctx = admin.as_actor(login.actor)
    route_id = _route(engine)
    with pytest.raises(AuthenticationFailed, match=r"wrong password for the signature \(attempt 1"):
        sign_record(ctx, login, "routes", route_id, Meaning.REVIEWED, "bad", username="quinn")


def test_meaning_is_checked_against_the_signers_role(engine: Engine) -> None:
    admin = admin_ctx(engine)
    make_user(admin, "olga", "operator")
    login = identity.login(station_ctx(engine), "olga", "password-123")
    ctx = admin.as_actor(login.actor)
    with pytest.raises(
        Refusal,
        match=re.escape('may not sign "Released for distribution". Roles that may: QC inspector'),
    ):
        sign_record(
            ctx,
            login,
            "routes",
            _route(engine),
            Meaning.RELEASED_FOR_DISTRIBUTION,
            "password-123",
            username="olga",
        )
