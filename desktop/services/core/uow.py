"""The one way services write: a unit of work that checks permission and appends audit entries
in the same transaction, and records refusals in a transaction of their own."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.orm import Session

from db import audit
from db.engine import writer
from desktop.domain.permissions import Permission, can, holders, role_words, who_may
from desktop.domain.text import t
from desktop.services.core import text_guard
from desktop.services.core.authority import standing
from desktop.services.core.context import Actor, Context
from desktop.services.core.errors import PermissionDenied, Refusal

log = logging.getLogger(__name__)


class UnitOfWork:
    """One transaction: ``with UnitOfWork(ctx) as uow: ... uow.audit(...)``.

    On a clean exit the pending audit entries are chained and inserted, a signed checkpoint of
    the chain is added when the context anchors it (db/anchor.py), then the transaction
    commits and the checkpoint is copied outside the database; on an exception everything
    (data, audit and checkpoint) is rolled back.
    """

    def __init__(self, ctx: Context, *, write: bool = True) -> None:
        self.ctx = ctx
        self.actor: Actor = ctx.actor
        self.write = write
        bind = writer(ctx.engine) if write else ctx.engine  # readers never take the write lock
        self.session = Session(bind, expire_on_commit=False, autoflush=True)
        text_guard.install(self.session)  # no control characters in stored text
        self._pending: list[audit.PendingEntry] = []

    def __enter__(self) -> UnitOfWork:
        self.session.begin()
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if exc_type is None and not self.write:
                if self._pending or self.session.dirty or self.session.new:
                    raise RuntimeError("a read-only use case tried to write")
                self.session.rollback()
            elif exc_type is None:
                audit.append(self.session, self._pending)
                anchoring = self.ctx.anchoring if self._pending else None
                checkpoint = anchoring.checkpoint(self.session) if anchoring else None
                self.session.commit()
                if anchoring is not None:
                    anchoring.publish(checkpoint)  # outside copies; failures are logged
            else:
                self.session.rollback()
        finally:
            self.session.close()

    def require(self, permission: Permission | None) -> None:
        """Refuse unless the acting person, as the database says now (role, disabled, locked),
        holds ``permission``; the actor object's own role is not trusted (core/authority.py).
        With ``permission`` None only the person's standing is checked."""
        now = standing(self.session, self.actor, production=self.ctx.settings.production)
        if permission is None:
            return
        role = now.role if now is not None else None
        if role is None or not can(role, permission):
            raise PermissionDenied(
                t(
                    "{user} ({role}) may not {permission}. {who}.",
                    user=self.actor.username,
                    role=role_words(role),
                    permission=permission.words,
                    who=who_may(holders(permission)),
                )
            )

    def audit(
        self,
        action: str,
        entity: str,
        entity_id: object,
        *,
        old: Any = None,
        new: Any = None,
        reason: str | None = None,
        by: Actor | None = None,
    ) -> None:
        """Append an entry in the name of the acting person, or of ``by`` (the signer of an
        electronic signature given at another person's station, e.g. a supervisor's)."""
        who = by or self.actor
        self._pending.append(
            audit.PendingEntry(
                user_id=who.user_id,
                username=who.username,
                station=who.station,
                action=action,
                entity=entity,
                entity_id=str(entity_id),
                old_value=old,
                new_value=new,
                reason=reason,
            )
        )


def record_refusal(ctx: Context, action: str, refusal: Refusal) -> None:
    """Write the refusal to the audit trail; the refused use case wrote nothing."""
    with UnitOfWork(ctx) as uow:
        uow.audit(
            f"refused:{action}",
            refusal.entity or "use_case",
            refusal.entity_id or action,
            reason=refusal.message,
        )
