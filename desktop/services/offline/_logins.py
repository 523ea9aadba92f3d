"""Log-ins taken against the station's copy while the shared database was away, put into the
shared audit trail when the journal is sent: who logged in at which station, when, and how; a
person disabled meanwhile is a conflict like any refused step."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from db.models import AuditEntry, User
from desktop.domain.text import t
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case

ACTION = "auth.success.offline"


@use_case(None, idempotent=True)
def record_offline_login(
    uow: UnitOfWork, captured_at: datetime, method: str, *, event_id: uuid.UUID
) -> None:
    """The audit entry of a log-in the station checked against its copy, in the person's name
    (once per journal entry: ``event_id``). Refused when the account is unknown or disabled."""
    user = uow.session.get(User, uow.actor.user_id) if uow.actor.user_id is not None else None
    if user is None or user.disabled_at is not None:
        raise Refusal(
            t(
                "{user} logged in at {station} at {at} while the database was away, but the "
                "account is not active: what they did there needs a supervisor's decision",
                user=uow.actor.username,
                station=uow.actor.station,
                at=captured_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            ),
            entity="user",
            entity_id=str(uow.actor.user_id or ""),
        )
    seen = uow.session.scalars(
        select(AuditEntry.new_value).where(
            AuditEntry.action == ACTION, AuditEntry.entity_id == str(user.id)
        )
    )
    if any(value and str(event_id) in value for value in seen):
        return
    uow.audit(
        ACTION,
        "user",
        user.id,
        new={"event": str(event_id), "method": method, "captured_at": captured_at.isoformat()},
        reason="checked against the station's copy while the shared database did not answer",
    )
