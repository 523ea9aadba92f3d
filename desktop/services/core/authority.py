"""Authority from the database: who the acting person is now (role, status), read inside the use
case's own transaction; the in-memory actor only names the person.

A role changed, an account disabled or locked since log-in takes effect at the next action
(Part 11 11.10(d), (g)). The actor's ``role`` field is never trusted: an edited actor object
gains nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import User
from desktop.domain.permissions import Role
from desktop.domain.text import t
from desktop.services.core.context import Actor
from desktop.services.core.errors import PermissionDenied


@dataclass(frozen=True)
class Standing:
    """The acting person as the database says now."""

    user_id: int
    username: str
    full_name: str
    role: Role


def standing(session: Session, actor: Actor, *, production: bool = False) -> Standing | None:
    """The actor's current role and status from the users table, or None for a system job
    (no person: ``actor.user_id`` is None). Refuses a person who may no longer act, and in
    production one who has not yet replaced a password someone else gave them."""
    if actor.user_id is None:
        return None
    user = session.get(User, actor.user_id)
    if user is None or user.username != actor.username:
        raise PermissionDenied(
            t(
                "{user} is not a user of this database: log in again",
                user=actor.username,
            ),
            entity="user",
            entity_id=str(actor.user_id),
        )
    if user.disabled_at is not None:
        raise PermissionDenied(
            t("the account {user} is disabled: ask an administrator", user=user.username),
            entity="user",
            entity_id=str(user.id),
        )
    if user.locked_at is not None:
        raise PermissionDenied(
            t(
                "the account {user} is locked since {when}: ask an administrator to unlock it",
                user=user.username,
                when=user.locked_at.strftime("%Y-%m-%d %H:%M UTC"),
            ),
            entity="user",
            entity_id=str(user.id),
        )
    if production and user.must_change_password:
        raise PermissionDenied(
            t(
                "{user} must first choose a new password (log in again at a station, or "
                "lotline user passwd {user})",
                user=user.username,
            ),
            entity="user",
            entity_id=str(user.id),
        )
    return Standing(user.id, user.username, user.full_name, Role(user.role))


__all__ = ["Standing", "standing"]
