"""The hash-chained audit trail: append inside the writer's transaction, and verify.

How the chain stays one line under concurrent writers (see docs/audit-trail.md):
- PostgreSQL: the appender takes ``pg_advisory_xact_lock(AUDIT_LOCK)`` right before it reads
  the chain head, and holds it until its transaction commits, so appenders queue up and each
  one reads the head the previous one committed.
- SQLite: every writing transaction starts with BEGIN IMMEDIATE (db.engine.writer), which is
  already an exclusive write lock on the file.
- Either way, ``prev_hash`` is UNIQUE, so even a broken lock could not commit a fork.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from db.models import GENESIS_HASH, AuditEntry
from db.types import utcnow
from desktop.domain.canonical import canonical_json, sha256_hex

AUDIT_LOCK = 0x4C4F544C  # "LOTL"


@dataclass(frozen=True)
class PendingEntry:
    """What a service wants recorded; the chain fields are added when it is appended."""

    user_id: int | None
    username: str
    station: str
    action: str
    entity: str
    entity_id: str
    old_value: Any = None
    new_value: Any = None
    reason: str | None = None


def _encode(value: Any) -> str | None:
    return None if value is None else canonical_json(value)


def entry_hash(entry: AuditEntry) -> str:
    """SHA-256 over the canonical JSON of every field of the entry but ``id`` and ``hash``."""
    body = {
        "at": entry.at.isoformat(timespec="microseconds"),
        "user_id": entry.user_id,
        "username": entry.username,
        "station": entry.station,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "old": entry.old_value,
        "new": entry.new_value,
        "reason": entry.reason,
        "prev": entry.prev_hash,
    }
    return sha256_hex(canonical_json(body))


def _lock_chain(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": AUDIT_LOCK})


def chain_head(session: Session) -> str:
    head = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    return head or GENESIS_HASH


def append(session: Session, pending: Sequence[PendingEntry]) -> list[AuditEntry]:
    """Append entries to the chain in the session's transaction (call just before commit)."""
    if not pending:
        return []
    session.flush()
    _lock_chain(session)
    prev = chain_head(session)
    at = utcnow()
    rows: list[AuditEntry] = []
    for p in pending:
        row = AuditEntry(
            at=at,
            user_id=p.user_id,
            username=p.username,
            station=p.station,
            action=p.action,
            entity=p.entity,
            entity_id=p.entity_id,
            old_value=_encode(p.old_value),
            new_value=_encode(p.new_value),
            reason=p.reason,
            prev_hash=prev,
        )
        row.hash = prev = entry_hash(row)
        rows.append(row)
    session.add_all(rows)
    session.flush()
    return rows


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    checked: int
    broken_id: int | None = None
    problem: str = ""


def _entries(engine: Engine, batch: int = 5000) -> Iterator[AuditEntry]:
    with Session(engine) as session:
        stmt = select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=batch)
        yield from session.scalars(stmt)


def verify_chain(entries: Iterable[AuditEntry]) -> ChainCheck:
    """Walk the chain in id order; name the first entry that was changed or follows a gap."""
    expected_prev = GENESIS_HASH
    count = 0
    for e in entries:
        count += 1
        if e.prev_hash != expected_prev:
            return ChainCheck(
                False, count, e.id, "its link to the previous entry is broken (entry removed?)"
            )
        recomputed = entry_hash(e)
        if recomputed != e.hash:
            return ChainCheck(False, count, e.id, "its content no longer matches its hash")
        expected_prev = e.hash
    return ChainCheck(True, count)


def verify(engine: Engine) -> ChainCheck:
    return verify_chain(_entries(engine))
