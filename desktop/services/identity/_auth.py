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

from db.models import Station, User
from db.types import utcnow
from desktop.domain.permissions import Permission, Role, parse_role
from desktop.domain.text import Text, t
from desktop.services.core.context import Actor, Context, LoginSession, Settings
from desktop.services.core.errors import AuthenticationFailed, Refusal
from desktop.services.core.lockout import note_failure
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.identity._policy import demo_credential, password_problem, pin_problem
from desktop.services.identity._secrets import SecretKeyProblem, seal, unseal
from desktop.services.identity._totp import matched_step, replayed

# OWASP's argon2id minimum (19 MiB, 2 passes): fast enough for a badge log-in at the line.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
MIN_PASSWORD = 8


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: Role
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


def _check_new_user(
    session: Session,
    username: str,
    password: str,
    badge_id: str | None,
    pin: str | None = None,
    *,
    production: bool = False,
) -> None:
    if not username or not username.isprintable() or " " in username:
        raise Refusal(
            t('user name "{user}" must be one word of printable characters', user=username)
        )
    problem = password_problem(username, password, production=production)
    if problem is None and pin:
        problem = pin_problem(username, pin, production=production)
    if problem is not None:  # the password and PIN policy (identity/_policy.py)
        raise Refusal(problem, entity="user", entity_id=username)
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
    settings = uow.ctx.settings
    _check_new_user(uow.session, username, password, badge_id, pin, production=settings.production)
    needs_totp = role_value.value in uow.ctx.settings.totp_roles
    secret = pyotp.random_base32() if needs_totp else None
    user = User(
        username=username,
        full_name=full_name or username,
        role=role_value.value,
        password_hash=hash_secret(password),
        badge_id=badge_id or None,
        pin_hash=hash_secret(pin) if pin else None,
        totp_secret=seal(secret, settings.secret_key) if secret else None,
        must_change_password=uow.actor.user_id is not None,  # a password given by another
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
    return create_user_in(uow, username, full_name, Role.ADMIN, password, None, pin)


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


def _second_factor(
    user: User, code: str | None, who: str, key: bytes | None, allow_step: int | None
) -> Text | None:
    """None when the user needs no code or gave a fresh right one (its time step is then noted
    on the user row, in the caller's session); otherwise what was wrong. A code of a step
    already accepted is a replay (identity/_totp.py)."""
    if user.totp_secret is None:
        return None
    try:
        secret = unseal(user.totp_secret, key)
    except SecretKeyProblem as problem:
        return t("{who}: {problem}: ask an administrator", who=who, problem=str(problem))
    step = matched_step(secret, code or "")
    if step is None:
        return t("{who}: wrong or missing authenticator code", who=who)
    if replayed(step, user.totp_last_step, allow_step):
        return t("{who}: this authenticator code was used already: wait for the next one", who=who)
    user.totp_last_step = max(step, user.totp_last_step or step)
    return None


def check_user(
    user: User | None,
    secret_ok: bool,
    totp_code: str | None,
    what: str,
    who: str,
    *,
    key: bytes | None = None,
    allow_step: int | None = None,
) -> User:
    """Raise AuthenticationFailed (writing nothing) unless the user may go on."""
    if user is None:
        raise AuthenticationFailed(what if "badge" in what else t("wrong user name or password"))
    blocked = _unusable(user)
    if blocked:
        raise AuthenticationFailed(blocked, user_id=user.id, counts=False)
    if not secret_ok:
        raise AuthenticationFailed(what, user_id=user.id)
    wrong = _second_factor(user, totp_code, who, key, allow_step)
    if wrong is not None:
        raise AuthenticationFailed(wrong, user_id=user.id)
    return user


def check_password(
    session: Session,
    username: str,
    password: str,
    totp_code: str | None = None,
    *,
    what: str,
    key: bytes | None = None,
    allow_step: int | None = None,
) -> User:
    user = session.scalar(select(User).where(User.username == username))
    ok = user is not None and _matches(user.password_hash, password)
    return check_user(user, ok, totp_code, what, username, key=key, allow_step=allow_step)


def _succeed(ctx: Context, user_id: int, step: int | None) -> Actor:
    with UnitOfWork(ctx) as uow:
        user = uow.session.get(User, user_id, with_for_update=True)
        assert user is not None
        if step is not None:  # the code's step, unless another log-in took it meanwhile
            if replayed(step, user.totp_last_step):
                raise AuthenticationFailed(
                    t("this authenticator code was used already: wait for the next one"),
                    user_id=user.id,
                )
            user.totp_last_step = step
        user.failed_attempts, user.last_login_at = 0, utcnow()
        # the station logged in at, by its registered name: its events, its devices (the
        # scale whose calibration a weighing is held to, the printer) are found by this id
        station_id = ctx.actor.station_id or uow.session.scalar(
            select(Station.id).where(Station.name == ctx.actor.station)
        )
        uow.actor = Actor(
            user.id, user.username, user.full_name, user.role, ctx.actor.station, station_id
        )
        uow.audit("auth.success", "user", user.id)
    return uow.actor


def _log_in(ctx: Context, who: str, find: Callable[[Session], User]) -> LoginSession:
    stranger = ctx.as_actor(_stranger(ctx.actor.station, who))
    try:
        with Session(ctx.engine) as session:
            user = find(session)
            user_id, must_change = user.id, user.must_change_password
            step = user.totp_last_step if user.totp_secret else None
        actor = _succeed(stranger, user_id, step)
    except AuthenticationFailed as failure:
        raise note_failure(stranger, failure) from None
    must_change = must_change and ctx.settings.production
    return LoginSession(actor, totp_step=step, must_change_password=must_change)


def _no_demo_secret(ctx: Context, secret: str, what: Text) -> None:
    """A production station never accepts the demo's passwords and PINs (nor common ones)."""
    if ctx.settings.production and demo_credential(secret):
        raise AuthenticationFailed(
            t(
                "{what} is a demo or common one, never accepted on a production station: "
                "ask an administrator to set your own",
                what=what,
            )
        )


def login(ctx: Context, username: str, password: str, totp_code: str | None = None) -> LoginSession:
    """User name + password (+ TOTP where the role needs it)."""

    def find(session: Session) -> User:
        _no_demo_secret(ctx, password, t("this password"))
        return check_password(
            session,
            username,
            password,
            totp_code,
            what=t("wrong user name or password"),
            key=ctx.settings.secret_key,
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
        _no_demo_secret(ctx, pin, t("this PIN"))
        return check_user(user, ok, totp_code, what, badge, key=ctx.settings.secret_key)

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
