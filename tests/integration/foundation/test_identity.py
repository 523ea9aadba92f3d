"""Users, badges, lockout after repeated failures, TOTP, and ids that are never reused."""

from __future__ import annotations

import pyotp
import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.models import AuditEntry, User
from desktop.services import identity
from desktop.services.core.context import Context, Settings
from desktop.services.core.errors import AuthenticationFailed, PermissionDenied
from tests.support.foundation import SETTINGS, admin_ctx, make_user, station_ctx


def _audit(engine: Engine, user_id: int) -> list[tuple[str, str | None]]:
    with Session(engine) as s:
        rows = s.execute(
            select(AuditEntry.action, AuditEntry.reason)
            .where(AuditEntry.entity == "user", AuditEntry.entity_id == str(user_id))
            .order_by(AuditEntry.id)
        ).all()
    return [(a, r) for a, r in rows]


def test_five_wrong_passwords_lock_the_account_and_all_is_audited(engine: Engine) -> None:
    admin = admin_ctx(engine)
    olga = make_user(admin, "olga", "operator")
    station = station_ctx(engine)
    messages = []
    for _ in range(5):
        with pytest.raises(AuthenticationFailed) as failed:
            identity.login(station, "olga", "not-her-password")
        messages.append(str(failed.value))
    assert messages[0] == "wrong user name or password (attempt 1 of 5)"
    assert "now locked" in messages[4]
    with pytest.raises(AuthenticationFailed, match=r"olga is locked since .*ask an administrator"):
        identity.login(station, "olga", "password-123")
    trail = _audit(engine, olga.actor.user_id or 0)
    failures = [r for a, r in trail if a == "auth.failure"]
    assert len(failures) == 5
    assert ("user.lock", "5 consecutive failed attempts") in trail
    assert trail[-1][0] == "auth.refused"
    identity.unlock_user(admin, "olga", "identity confirmed by phone")
    assert identity.login(station, "olga", "password-123").actor.username == "olga"


def test_success_resets_the_failure_count(engine: Engine) -> None:
    admin = admin_ctx(engine)
    make_user(admin, "olga", "operator")
    station = station_ctx(engine)
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            identity.login(station, "olga", "nope-nope")
    identity.login(station, "olga", "password-123")
    with pytest.raises(AuthenticationFailed, match=r"attempt 1 of 5"):
        identity.login(station, "olga", "nope-nope")


def test_lockout_threshold_is_configurable(engine: Engine) -> None:
    admin = admin_ctx(engine)
    make_user(admin, "olga", "operator")
    strict = Context(engine, station_ctx(engine).actor, Settings(lockout_threshold=2))
    with pytest.raises(AuthenticationFailed, match="attempt 1 of 2"):
        identity.login(strict, "olga", "wrong-one")
    with pytest.raises(AuthenticationFailed, match="now locked"):
        identity.login(strict, "olga", "wrong-two")


def test_badge_and_pin(engine: Engine) -> None:
    admin = admin_ctx(engine)
    make_user(admin, "olga", "operator")
    station = station_ctx(engine)
    assert identity.login_badge(station, "B-olga", "4321").actor.role == "operator"
    with pytest.raises(AuthenticationFailed, match="wrong PIN for this badge"):
        identity.login_badge(station, "B-olga", "0000")
    with pytest.raises(AuthenticationFailed, match='badge "B-nobody" is not registered'):
        identity.login_badge(station, "B-nobody", "4321")


def test_totp_is_required_for_roles_that_need_it(engine: Engine) -> None:
    admin = admin_ctx(engine)
    policy = Context(admin.engine, admin.actor, Settings(totp_roles=frozenset({"supervisor"})))
    info = identity.add_user(policy, "sam", "Sam Super", "supervisor", "password-123")
    assert info.totp_uri and info.totp_uri.startswith("otpauth://totp/Lotline:sam")
    secret = info.totp_uri.split("secret=")[1].split("&")[0]
    station = Context(engine, station_ctx(engine).actor, policy.settings)
    with pytest.raises(AuthenticationFailed, match="authenticator code"):
        identity.login(station, "sam", "password-123")
    code = pyotp.TOTP(secret).now()
    assert identity.login(station, "sam", "password-123", code).actor.username == "sam"


def test_users_are_disabled_never_deleted_and_ids_are_not_reused(engine: Engine) -> None:
    admin = admin_ctx(engine)
    first = make_user(admin, "olga", "operator")
    identity.disable_user(admin, "olga", "left the company")
    with pytest.raises(AuthenticationFailed, match="olga is disabled"):
        identity.login(station_ctx(engine), "olga", "password-123")
    second = make_user(admin, "oscar", "operator")
    assert (second.actor.user_id or 0) > (first.actor.user_id or 0)
    with Session(engine) as s:
        assert s.scalar(select(User.disabled_at).where(User.username == "olga")) is not None


def test_only_admins_manage_users(engine: Engine) -> None:
    admin = admin_ctx(engine)
    olga = make_user(admin, "olga", "operator")
    with pytest.raises(PermissionDenied, match=r"olga \(line operator\) may not manage users"):
        identity.add_user(olga, "eve", "Eve", "admin", "password-123")


def test_bootstrap_is_refused_once_users_exist(engine: Engine) -> None:
    admin_ctx(engine)
    boot = Context(engine, station_ctx(engine).actor, SETTINGS)
    with pytest.raises(Exception, match="already has users"):
        identity.bootstrap_admin(boot, "mallory", "M", "password-123")
