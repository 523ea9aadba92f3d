"""The audit trail: append-only, hash-chained entries and the signed checkpoints that anchor them
(see docs/audit-trail.md)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Created, IdPK

GENESIS_HASH = "0" * 64
_BigInt = BigInteger().with_variant(Integer(), "sqlite")


class AuditEntry(Base):
    """Who did what, when, where, old and new value, why; chained by SHA-256.

    ``prev_hash`` is unique: two writers that both read the same chain head cannot both commit,
    so the chain can never fork, whatever the locking did.
    """

    __tablename__ = "audit_entries"
    id: Mapped[IdPK]
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(_BigInt)
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


class AuditCheckpoint(Base):
    """A signed statement of the audit chain at one commit: entry count, last id, head hash.

    Signed (Ed25519) with a station key the database does not hold; the same checkpoint is also
    written outside the database. ``chain_id`` names the chain (made with its first checkpoint).
    """

    __tablename__ = "audit_checkpoints"
    id: Mapped[IdPK]
    chain_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime]
    entry_count: Mapped[int] = mapped_column(_BigInt)
    last_entry_id: Mapped[int] = mapped_column(_BigInt)
    head_hash: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(16))
    signature: Mapped[str] = mapped_column(String(128))


class AuditKey(Base):
    """The public half of a station's checkpoint signing key (the private half never is here).

    ``key_id`` is the first 16 hex digits of the SHA-256 of the raw 32-byte public key.
    """

    __tablename__ = "audit_keys"
    id: Mapped[IdPK]
    key_id: Mapped[str] = mapped_column(String(16), unique=True)
    public_key: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[Created]
