"""Identities: users with argon2-hashed passwords and badge PINs, lockout, TOTP, log-in.

Users are disabled, never deleted; ids are never reused (AUTOINCREMENT on SQLite, a sequence
on PostgreSQL). Every failure and every lock is in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import User
from db.types import utcnow
from desktop.domain.permissions import Permission, parse_role
from desktop.domain.text import Text, t
from desktop.services.core.context import Actor, Context, LoginSession, Settings
from desktop.services.core.errors import AuthenticationFailed, Refusal
from desktop.services.core.lockout import note_failure
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case

# OWASP's argon2id minimum (19 MiB, 2 passes): fast enough for a badge log-in at the line.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
MIN_PASSWORD = 8


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    badge_id: str | None
    locked: bool
    disabled: bool
    totp_uri: str | None = None  # shown once, when the user is created


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def _matches(stored: str | None, given: str) -> bool:
    if not stored:
        return False
    try:
        return _hasher.verify(stored, given)
    except (VerificationError, InvalidHashError):
        return False


def _info(user: User, totp_uri: str | None = None) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.full_name,
        user.role,
        user.badge_id,
        user.locked_at is not None,
        user.disabled_at is not None,
        totp_uri,
    )


def _check_new_user(session: Session, username: str, password: str, badge_id: str | None) -> None:
    if not username or not username.isprintable() or " " in username:
        raise Refusal(
            t('user name "{user}" must be one word of printable characters', user=username)
        )
    if len(password) < MIN_PASSWORD:
        raise Refusal(
            t(
                "the password for {user} is too short: use {minimum}+ characters",
                user=username,
                minimum=MIN_PASSWORD,
            )
        )
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise Refusal(
            t(
                'user name "{user}" is taken (users are never deleted, names never reused): '
                "choose another",
                user=username,
            ),
            entity="user",
            entity_id=username,
        )
    if badge_id and session.scalar(select(User.id).where(User.badge_id == badge_id)):
        raise Refusal(
            t('badge "{badge}" already belongs to another user', badge=badge_id), entity="user"
        )


def create_user_in(
    uow: UnitOfWork,
    username: str,
    full_name: str,
    role: str,
    password: str,
    badge_id: str | None,
    pin: str | None,
) -> UserInfo:
    try:
        role_value = parse_role(role)
    except ValueError as exc:
        raise Refusal(exc.args[0] if exc.args else str(exc)) from None
    _check_new_user(uow.session, username, password, badge_id)
    needs_totp = role_value.value in uow.ctx.settings.totp_roles
    secret = pyotp.random_base32() if needs_totp else None
    user = User(
        username=username,
        full_name=full_name or username,
        role=role_value.value,
        password_hash=hash_secret(password),
        badge_id=badge_id or None,
        pin_hash=hash_secret(pin) if pin else None,
        totp_secret=secret,
        failed_attempts=0,
        password_changed_at=utcnow(),
    )
    uow.session.add(user)
    uow.session.flush()
    new = {"username": username, "full_name": user.full_name, "role": user.role}
    uow.audit(
        "user.create", "user", user.id, new=new | {"badge": bool(badge_id), "totp": needs_totp}
    )
    uri = (
        pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name="Lotline")
        if secret
        else None
    )
    return _info(user, uri)


@use_case(None)
def bootstrap_admin(
    uow: UnitOfWork, username: str, full_name: str, password: str, pin: str | None = None
) -> UserInfo:
    """The first administrator of a new installation (refused once any user exists)."""
    if uow.session.scalar(select(func.count(User.id))):
        raise Refusal(
            t("this database already has users: add more as an administrator (--by ADMIN)"),
            entity="user",
            entity_id=username,
        )
    return create_user_in(uow, username, full_name, "admin", password, None, pin)


@use_case(Permission.USERS_MANAGE)
def add_user(
    uow: UnitOfWork,
    username: str,
    full_name: str,
    role: str,
    password: str,
    badge_id: str | None = None,
    pin: str | None = None,
) -> UserInfo:
    return create_user_in(uow, username, full_name, role, password, badge_id, pin)


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise Refusal(
            t('there is no user "{user}"', user=username), entity="user", entity_id=username
        )
    return user


@use_case(Permission.USERS_MANAGE)
def unlock_user(uow: UnitOfWork, username: str, reason: str) -> UserInfo:
    user = _user(uow.session, username)
    old = {"locked_at": user.locked_at, "failed_attempts": user.failed_attempts}
    user.locked_at, user.failed_attempts = None, 0
    uow.audit("user.unlock", "user", user.id, old=old, new={"locked_at": None}, reason=reason)
    return _info(user)


@use_case(Permission.USERS_MANAGE)
def disable_user(uow: UnitOfWork, username: str, reason: str) -> UserInfo:
    user = _user(uow.session, username)
    if user.id == uow.actor.user_id:
        raise Refusal(t("you cannot disable your own account: ask another administrator"))
    user.disabled_at = utcnow()
    uow.audit("user.disable", "user", user.id, new={"disabled_at": user.disabled_at}, reason=reason)
    return _info(user)


@use_case(None, read_only=True)
def list_users(uow: UnitOfWork) -> list[UserInfo]:
    return [_info(u) for u in uow.session.scalars(select(User).order_by(User.id))]


def _stranger(station: str, username: str) -> Actor:
    return Actor(None, username or "(unknown)", "", None, station)


def _unusable(user: User) -> Text | None:
    if user.disabled_at is not None:
        return t("the account {user} is disabled: ask an administrator", user=user.username)
    if user.locked_at is not None:
        return t(
            "the account {user} is locked since {when} after repeated failed "
            "attempts: ask an administrator to unlock it",
            user=user.username,
            when=user.locked_at.strftime("%Y-%m-%d %H:%M UTC"),
        )
    return None


def _totp_ok(user: User, code: str | None) -> bool:
    return user.totp_secret is None or (
        bool(code) and pyotp.TOTP(user.totp_secret).verify(code or "", valid_window=1)
    )


def check_user(
    user: User | None, secret_ok: bool, totp_code: str | None, what: str, who: str
) -> User:
    """Raise AuthenticationFailed (writing nothing) unless the user may go on."""
    if user is None:
        raise AuthenticationFailed(what if "badge" in what else t("wrong user name or password"))
    blocked = _unusable(user)
    if blocked:
        raise AuthenticationFailed(blocked, user_id=user.id, counts=False)
    if not secret_ok:
        raise AuthenticationFailed(what, user_id=user.id)
    if not _totp_ok(user, totp_code):
        raise AuthenticationFailed(
            t("{who}: wrong or missing authenticator code", who=who), user_id=user.id
        )
    return user


def check_password(
    session: Session, username: str, password: str, totp_code: str | None = None, *, what: str
) -> User:
    user = session.scalar(select(User).where(User.username == username))
    ok = user is not None and _matches(user.password_hash, password)
    return check_user(user, ok, totp_code, what, username)


def _succeed(ctx: Context, user_id: int) -> Actor:
    with UnitOfWork(ctx) as uow:
        user = uow.session.get(User, user_id)
        assert user is not None
        user.failed_attempts, user.last_login_at = 0, utcnow()
        uow.actor = Actor(user.id, user.username, user.full_name, user.role, ctx.actor.station)
        uow.audit("auth.success", "user", user.id)
    return uow.actor


def _log_in(ctx: Context, who: str, find: Callable[[Session], User]) -> LoginSession:
    try:
        with Session(ctx.engine) as session:
            user_id = find(session).id
    except AuthenticationFailed as failure:
        raise note_failure(ctx.as_actor(_stranger(ctx.actor.station, who)), failure) from None
    return LoginSession(_succeed(ctx.as_actor(_stranger(ctx.actor.station, who)), user_id))


def login(ctx: Context, username: str, password: str, totp_code: str | None = None) -> LoginSession:
    """User name + password (+ TOTP where the role needs it)."""

    def find(session: Session) -> User:
        return check_password(
            session, username, password, totp_code, what=t("wrong user name or password")
        )

    return _log_in(ctx, username, find)


def login_badge(ctx: Context, badge: str, pin: str, totp_code: str | None = None) -> LoginSession:
    """Badge scan + PIN (+ TOTP for roles that need it)."""

    def find(session: Session) -> User:
        user = session.scalar(select(User).where(User.badge_id == badge))
        ok = user is not None and _matches(user.pin_hash, pin)
        what = (
            t("wrong PIN for this badge")
            if user
            else t('badge "{badge}" is not registered', badge=badge)
        )
        return check_user(user, ok, totp_code, what, badge)

    return _log_in(ctx, f"badge {badge}", find)


__all__ = [
    "Settings",
    "UserInfo",
    "add_user",
    "bootstrap_admin",
    "check_password",
    "disable_user",
    "list_users",
    "login",
    "login_badge",
    "unlock_user",
]
