"""Steps a station captured while the shared database was away and that the shared database
refused when they were sent: each kept for a supervisor's decision, never dropped."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Created, IdPK
from db.types import Coded, UTCDateTime, one_of
from desktop.domain.offline import ConflictDecision, ConflictStatus, OfflineStep


class OfflineConflict(Base):
    """One refused step: what was captured (by whom, where, when, the scans and the device's
    frame), why the shared database refused it, and what the supervisor decided."""

    __tablename__ = "offline_conflicts"
    __table_args__ = (
        one_of("step", OfflineStep),
        one_of("status", ConflictStatus),
        one_of("decision", ConflictDecision),
    )

    id: Mapped[IdPK]
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    station: Mapped[str] = mapped_column(String(64))
    journal: Mapped[str] = mapped_column(String(200))
    seq: Mapped[int] = mapped_column(Integer)
    entry_hash: Mapped[str] = mapped_column(String(64))
    step: Mapped[OfflineStep] = mapped_column(Coded(OfflineStep, 16))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64))
    captured_at: Mapped[datetime] = mapped_column(UTCDateTime())
    scans: Mapped[dict[str, Any]] = mapped_column(default=dict)
    capture: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    refusal: Mapped[str] = mapped_column(Text)
    #: the refusal as its template and parameters, so each station reads it in its language
    refusal_words: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    status: Mapped[ConflictStatus] = mapped_column(Coded(ConflictStatus, 16))
    decision: Mapped[ConflictDecision | None] = mapped_column(Coded(ConflictDecision, 16))
    reason: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[Created]
