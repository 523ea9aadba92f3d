"""Production mode: no demo credentials, a password and PIN policy, a forced password change
after an administrator gave the password, TOTP codes that cannot be replayed, TOTP roles that
sign with a code, and TOTP secrets encrypted with a key outside the database."""

from __future__ import annotations

import os
import time
from dataclasses import replace

import pyotp
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import User
from desktop.services import identity
from desktop.services.core.context import Context
from desktop.services.core.errors import AuthenticationFailed, PermissionDenied, Refusal
from desktop.services.quality import lot_review, release_lot
from tests.integration.workflows.qcpack_support import build_pumps
from tests.support.plant import PASSWORD, SETTINGS

STRONG = "vivid-otter-lamp-91"
KEY = os.urandom(32)
PRODUCTION = replace(SETTINGS, production=True, secret_key=KEY)
WITH_QC_TOTP = replace(PRODUCTION, totp_roles=frozenset({"admin", "qc_inspector"}))


def _station(plant, settings=PRODUCTION) -> Context:  # type: ignore[no-untyped-def]
    return Context(plant.engine, replace(plant.admin.actor, user_id=None, role=None), settings)


def _admin(plant, settings=PRODUCTION) -> Context:  # type: ignore[no-untyped-def]
    return Context(plant.engine, plant.admin.actor, settings)


def test_demo_credentials_are_refused_in_production(plant) -> None:
    station = _station(plant)
    with pytest.raises(AuthenticationFailed, match="this PIN is a demo or common one"):
        identity.login_badge(station, "B-1001", "1234")
    with pytest.raises(AuthenticationFailed, match="this password is a demo or common one"):
        identity.login(station, "quinn", PASSWORD)
    dev = Context(plant.engine, station.actor, SETTINGS)
    assert identity.login_badge(dev, "B-1001", "1234").actor.username == "olga"


@pytest.mark.parametrize(
    ("password", "pin", "expected"),
    [
        ("password", None, "too short: use 12\\+ characters"),
        ("password1234", None, "on the list of common or breached passwords"),
        ("nina-rules-the-line", None, "must not contain the user name"),
        (STRONG, "1", "PIN for nina must be 6\\+ digits"),
        (STRONG, "123456", "too easy to guess"),
        (STRONG, "777777", "too easy to guess"),
    ],
)
def test_the_password_and_pin_policy(plant, password: str, pin: str | None, expected: str) -> None:
    with pytest.raises(Refusal, match=expected):
        identity.add_user(_admin(plant), "nina", "Nina", "operator", password, "B-9", pin)
    with Session(plant.engine) as s:
        assert s.scalar(select(User).where(User.username == "nina")) is None


def test_a_given_password_must_be_changed_before_anything_else(plant) -> None:
    built = build_pumps(plant, 1)
    identity.add_user(_admin(plant), "nina", "Nina", "qc_inspector", STRONG, "B-9", "583920")
    station = _station(plant)
    login = identity.login(station, "nina", STRONG)
    assert login.must_change_password
    nina = Context(plant.engine, login.actor, PRODUCTION)
    with pytest.raises(PermissionDenied, match="nina must first choose a new password"):
        lot_review(nina, built.lot)
    with pytest.raises(Refusal, match="must differ from the old one"):
        identity.change_password(station, "nina", STRONG, STRONG)
    with pytest.raises(AuthenticationFailed, match="wrong user name or password"):
        identity.change_password(station, "nina", "not-the-password", "brave-heron-step-27")
    identity.change_password(station, "nina", STRONG, "brave-heron-step-27")
    assert lot_review(nina, built.lot).releasable
    assert not identity.login(station, "nina", "brave-heron-step-27").must_change_password


def _totp(info: identity.UserInfo) -> pyotp.TOTP:  # type: ignore[name-defined]
    assert info.totp_uri is not None
    return pyotp.parse_uri(info.totp_uri)  # type: ignore[return-value]


def test_totp_secrets_are_encrypted_and_codes_cannot_be_replayed(plant) -> None:
    info = identity.add_user(
        _admin(plant, WITH_QC_TOTP), "nina", "Nina", "admin", STRONG, None, None
    )
    totp = _totp(info)
    with Session(plant.engine) as s:
        stored = s.scalars(select(User.totp_secret).where(User.username == "nina")).one()
    assert stored is not None and len(stored) == 64 and totp.secret not in stored
    station = _station(plant)
    identity.change_password(station, "nina", STRONG, "brave-heron-step-27", totp.now())
    with pytest.raises(AuthenticationFailed, match="code was used already"):
        identity.login(station, "nina", "brave-heron-step-27", totp.now())
    later = totp.at(time.time() + 30)  # the next step's code
    assert identity.login(station, "nina", "brave-heron-step-27", later).actor.username == "nina"
    with pytest.raises(AuthenticationFailed, match="code was used already"):
        identity.login(station, "nina", "brave-heron-step-27", later)
    other_key = Context(plant.engine, station.actor, replace(PRODUCTION, secret_key=os.urandom(32)))
    with pytest.raises(AuthenticationFailed, match="not the one the authenticator was enrolled"):
        identity.login(other_key, "nina", "brave-heron-step-27", totp.at(time.time() + 60))


def test_a_qc_inspector_with_totp_signs_a_release_with_a_code(plant) -> None:
    built = build_pumps(plant, 1)
    admin = _admin(plant, WITH_QC_TOTP)
    info = identity.add_user(admin, "nina", "Nina", "qc_inspector", STRONG, None, None)
    totp = _totp(info)
    station = _station(plant, WITH_QC_TOTP)
    identity.change_password(station, "nina", STRONG, "brave-heron-step-27", totp.now())
    login = identity.login(station, "nina", "brave-heron-step-27", totp.at(time.time() + 30))
    nina = Context(plant.engine, login.actor, WITH_QC_TOTP)
    with pytest.raises(AuthenticationFailed, match="wrong or missing authenticator code"):
        release_lot(nina, login, built.lot, "brave-heron-step-27", "nina")
    login.second_factor = totp.at(time.time() - 30)  # a step before the log-in's: a replay
    with pytest.raises(AuthenticationFailed, match="code was used already"):
        release_lot(nina, login, built.lot, "brave-heron-step-27", "nina")
    login.second_factor = totp.at(time.time() + 30)  # the log-in's own step: same session
    result = release_lot(nina, login, built.lot, "brave-heron-step-27", "nina")
    assert result.signature.valid and result.signature.printed_name == "Nina"
