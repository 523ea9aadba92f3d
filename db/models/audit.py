"""The audit trail: append-only, hash-chained entries (see docs/audit-trail.md)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdPK

GENESIS_HASH = "0" * 64


class AuditEntry(Base):
    """Who did what, when, where, old and new value, why; chained by SHA-256.

    ``prev_hash`` is unique: two writers that both read the same chain head cannot both commit,
    so the chain can never fork, whatever the locking did.
    """

    __tablename__ = "audit_entries"
    id: Mapped[IdPK]
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"))
    username: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
