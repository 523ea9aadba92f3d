"""People's qualifications (ISO 13485 6.2): granted with an expiry date, renewed, revoked; the
route steps that need one refuse whoever lacks it (production checks at the step)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import User, UserQualification
from db.types import utcnow
from desktop.domain.permissions import Permission
from desktop.domain.text import t
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case

MAX_NAME = 64


@dataclass(frozen=True)
class QualificationView:
    username: str
    full_name: str
    qualification: str
    expires_on: date | None
    revoked: bool


def _user(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == username.strip())).first()
    if user is None:
        raise NotFound(
            t(
                'user "{username}" does not exist: check the name in the user list',
                username=username,
            )
        )
    return user


def _name(qualification: str) -> str:
    name = qualification.strip()
    if not name or len(name) > MAX_NAME:
        raise Refusal(
            t(
                'qualification "{name}" must be 1 to {limit} characters, e.g. "IPC soldering"',
                name=qualification,
                limit=MAX_NAME,
            )
        )
    return name


def grant_in(
    uow: UnitOfWork, username: str, qualification: str, expires_on: date | None
) -> QualificationView:
    """Grant (or renew) a qualification inside an open unit of work (master-data loading)."""
    user, name = _user(uow.session, username), _name(qualification)
    row = uow.session.scalars(
        select(UserQualification).where(
            UserQualification.user_id == user.id, UserQualification.qualification == name
        )
    ).first()
    old = None
    if row is None:
        row = UserQualification(user_id=user.id, qualification=name)
        uow.session.add(row)
    else:
        old = {
            "expires_on": row.expires_on.isoformat() if row.expires_on else None,
            "revoked": row.revoked_at is not None,
        }
    row.expires_on, row.revoked_at = expires_on, None
    uow.session.flush()
    new = {
        "user": user.username,
        "qualification": name,
        "expires_on": expires_on.isoformat() if expires_on else None,
    }
    uow.audit("qualification.grant", "user_qualification", row.id, old=old, new=new)
    return QualificationView(user.username, user.full_name, name, expires_on, False)


@use_case(Permission.USERS_MANAGE)
def grant_qualification(
    uow: UnitOfWork, username: str, qualification: str, expires_on: date | None
) -> QualificationView:
    """Grant a person a qualification valid through ``expires_on`` (None: until revoked)."""
    return grant_in(uow, username, qualification, expires_on)


@use_case(Permission.USERS_MANAGE)
def revoke_qualification(
    uow: UnitOfWork, username: str, qualification: str, reason: str
) -> QualificationView:
    """Withdraw a qualification; the reason is audited."""
    if not reason.strip():
        raise Refusal(t("say why the qualification is revoked (the reason is recorded)"))
    user, name = _user(uow.session, username), _name(qualification)
    row = uow.session.scalars(
        select(UserQualification).where(
            UserQualification.user_id == user.id,
            UserQualification.qualification == name,
            UserQualification.revoked_at.is_(None),
        )
    ).first()
    if row is None:
        raise NotFound(
            t(
                '{username} holds no qualification "{name}" to revoke',
                username=user.username,
                name=name,
            )
        )
    row.revoked_at = utcnow()
    uow.session.flush()
    uow.audit(
        "qualification.revoke",
        "user_qualification",
        row.id,
        old={"qualification": name},
        new={"revoked": True},
        reason=reason.strip(),
    )
    return QualificationView(user.username, user.full_name, name, row.expires_on, True)


@use_case(None, read_only=True)
def list_qualifications(uow: UnitOfWork, username: str | None = None) -> list[QualificationView]:
    """Every qualification held (revoked ones too), by person then name."""
    stmt = (
        select(UserQualification, User)
        .join(User, User.id == UserQualification.user_id)
        .order_by(User.username, UserQualification.qualification)
    )
    if username:
        stmt = stmt.where(User.username == username.strip())
    return [
        QualificationView(
            u.username, u.full_name, q.qualification, q.expires_on, q.revoked_at is not None
        )
        for q, u in uow.session.execute(stmt)
    ]
