"""Conflicts: the steps a station captured offline that the shared database refused when they
were sent, kept for a supervisor (recorded as part of sending; listed; decided with a reason).
Nothing refused is ever dropped or overwritten: the row stays, with its decision beside it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from db.models import Event
from db.models.offline import OfflineConflict
from db.types import utcnow
from desktop.domain.offline import ConflictDecision, ConflictStatus, OfflineStep
from desktop.domain.permissions import Permission
from desktop.domain.text import Text, restored, stored, t
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case


@dataclass(frozen=True)
class ConflictView:
    id: int
    event_id: uuid.UUID
    station: str
    seq: int
    step: OfflineStep
    username: str
    captured_at: datetime
    scans: dict[str, Any]
    refusal: str
    status: ConflictStatus
    decision: ConflictDecision | None
    reason: str | None
    resolved_at: datetime | None

    @property
    def scanned(self) -> str:
        """The scans and values of the step, as the operator gave them, in one line."""
        shown = [str(v) for k, v in self.scans.items() if k != "unit_scan"]
        return " · ".join([str(self.scans.get("unit_scan", "")), *shown])


def _view(row: OfflineConflict) -> ConflictView:
    refusal: str = restored(row.refusal_words, row.refusal)  # in the reader's language
    return ConflictView(
        row.id, row.event_id, row.station, row.seq, row.step, row.username, row.captured_at,
        dict(row.scans), refusal, row.status, row.decision, row.reason, row.resolved_at,
    )  # fmt: skip


@use_case(Permission.STEP_EXECUTE, idempotent=True)
def record_conflict(
    uow: UnitOfWork,
    journal: str,
    seq: int,
    entry_hash: str,
    step: OfflineStep,
    captured_at: datetime,
    scans: Mapping[str, Any],
    capture: Mapping[str, Any] | None,
    refusal: str,
    *,
    event_id: uuid.UUID,
) -> ConflictView:
    """Keep a step the shared database refused, in the name of the person who captured it (the
    same event id sent again finds the row already kept)."""
    found = uow.session.scalar(select(OfflineConflict).where(OfflineConflict.event_id == event_id))
    if found is not None:
        return _view(found)
    row = OfflineConflict(
        event_id=event_id,
        station=uow.actor.station,
        journal=journal,
        seq=seq,
        entry_hash=entry_hash,
        step=step,
        user_id=uow.actor.user_id,
        username=uow.actor.username,
        captured_at=captured_at,
        scans=dict(scans),
        capture=dict(capture) if capture is not None else None,
        refusal=str(refusal),
        refusal_words=stored(refusal) if isinstance(refusal, Text) else None,
        status=ConflictStatus.OPEN,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit(
        "offline.conflict",
        "offline_conflict",
        row.id,
        new={
            "event": str(event_id), "step": step, "journal": journal, "seq": seq,
            "captured_at": captured_at.isoformat(), "refusal": str(refusal),
        },
    )  # fmt: skip
    return _view(row)


@use_case(Permission.TRACE_VIEW, read_only=True)
def conflicts(
    uow: UnitOfWork, status: ConflictStatus | None = ConflictStatus.OPEN
) -> list[ConflictView]:
    """Conflicts, oldest capture first (``status`` None: all of them)."""
    stmt = select(OfflineConflict).order_by(OfflineConflict.captured_at, OfflineConflict.id)
    if status is not None:
        stmt = stmt.where(OfflineConflict.status == status)
    return [_view(r) for r in uow.session.scalars(stmt)]


@use_case(Permission.OFFLINE_CONFLICT_RESOLVE)
def resolve_conflict(
    uow: UnitOfWork, conflict_id: int, decision: ConflictDecision, reason: str
) -> ConflictView:
    """A supervisor's decision about a conflict, with the reason. "Recorded" is refused until
    the step's event is in the record (it was sent again after the cause was fixed)."""
    row = uow.session.get(OfflineConflict, conflict_id)
    if row is None:
        raise Refusal(t("there is no offline conflict {id}", id=conflict_id))
    if row.status is ConflictStatus.RESOLVED:
        raise Refusal(
            t(
                "offline conflict {id} was already decided ({decision}): nothing was changed",
                id=conflict_id,
                decision=row.decision.words if row.decision else "",
            )
        )
    if not reason.strip():
        raise Refusal(
            t("give the reason for the decision about offline conflict {id}", id=conflict_id)
        )
    if decision is ConflictDecision.RECORDED and uow.session.get(Event, row.event_id) is None:
        raise Refusal(
            t(
                "the step of offline conflict {id} is not in the record: send it again once "
                "its cause is fixed (it is refused: {refusal}), or decide redo or void",
                id=conflict_id,
                refusal=restored(row.refusal_words, row.refusal),
            )
        )
    row.status, row.decision, row.reason = ConflictStatus.RESOLVED, decision, reason.strip()
    row.resolved_by, row.resolved_at = uow.actor.user_id, utcnow()
    uow.audit(
        "offline.conflict.resolve",
        "offline_conflict",
        row.id,
        old={"status": ConflictStatus.OPEN},
        new={"status": ConflictStatus.RESOLVED, "decision": decision},
        reason=reason.strip(),
    )
    return _view(row)
