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

import hashlib
import json.encoder
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.orm import Session

from db.models import GENESIS_HASH, AuditEntry
from db.types import utcnow
from desktop.domain.canonical import canonical_json

AUDIT_LOCK = 0x4C4F544C  # "LOTL"
#: JSON string encoder of the json module (the C one where available): what canonical_json uses.
_q: Callable[[str], str] = json.encoder.encode_basestring


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


def chain_hash(
    at: str,
    user_id: int | None,
    username: str,
    station: str,
    action: str,
    entity: str,
    entity_id: str,
    old_value: str | None,
    new_value: str | None,
    reason: str | None,
    prev_hash: str,
) -> str:
    """SHA-256 over the canonical JSON of an entry's fields (``at`` as ISO text, UTC).

    The text is exactly ``canonical_json`` of the dict ``{"at", "user_id", "username",
    "station", "action", "entity", "entity_id", "old", "new", "reason", "prev"}`` (sorted keys,
    no spaces, non-ASCII kept), written out by hand because verifying a million entries in
    seconds needs it (a test holds it equal to canonical_json).
    """
    text_ = (
        f'{{"action":{_q(action)},"at":{_q(at)},"entity":{_q(entity)},'
        f'"entity_id":{_q(entity_id)},"new":{_qn(new_value)},"old":{_qn(old_value)},'
        f'"prev":{_q(prev_hash)},"reason":{_qn(reason)},"station":{_q(station)},'
        f'"user_id":{"null" if user_id is None else int(user_id)},"username":{_q(username)}}}'
    )
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def _qn(value: str | None) -> str:
    return "null" if value is None else _q(value)


def entry_hash(entry: AuditEntry) -> str:
    """SHA-256 over the canonical JSON of every field of the entry but ``id`` and ``hash``."""
    return chain_hash(
        entry.at.isoformat(timespec="microseconds"),
        entry.user_id,
        entry.username,
        entry.station,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.old_value,
        entry.new_value,
        entry.reason,
        entry.prev_hash,
    )


def lock_chain(session: Session) -> None:
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
    lock_chain(session)
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


#: One entry as read for verification: (id, at as ISO text in UTC, user_id, username, station,
#: action, entity, entity_id, old_value, new_value, reason, prev_hash, hash).
Row = tuple[Any, ...]
_COLUMNS = (
    "user_id, username, station, action, entity, entity_id, old_value, new_value, reason, "
    "prev_hash, hash"
)
_PG_AT = "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') || '+00:00'"
ISO_SUFFIX = "+00:00"
_NO_MARK = 1 << 62


def _iso(value: Any) -> str:
    """``at`` as the ISO text the hash covers (UTC, microseconds, "+00:00")."""
    if isinstance(value, str) and len(value) == 26 and value[10] == " ":
        return f"{value[:10]}T{value[11:]}{ISO_SUFFIX}"  # SQLite's stored form, the usual case
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)  # not a time at all: the hash will not match, and says so
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


def chain_rows(
    bind: Engine | Connection,
    batch: int = 20_000,
    *,
    after: int = -1,
    upto: int = _NO_MARK,
) -> Iterator[Row]:
    """The entries with ``after`` < id <= ``upto`` (all by default) in id order, read in pages
    by id (keyset), as plain tuples.

    Read through the driver's own cursor (no SQLAlchemy row objects: a million entries must be
    verified in seconds). Given a Connection, the pages are read in its transaction, so that
    the chain and the records checked with it are one snapshot.
    """
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            yield from chain_rows(conn, batch, after=after, upto=upto)
        return
    pg = bind.dialect.name == "postgresql"
    mark = "%s" if pg else "?"
    sql = (
        f"SELECT id, {_PG_AT if pg else 'at'}, {_COLUMNS} FROM audit_entries "
        f"WHERE id > {mark} AND id <= {mark} ORDER BY id LIMIT {int(batch)}"
    )
    bind.execute(text("SELECT 1"))  # the transaction begins (BEGIN on SQLite, see db.engine)
    cursor = bind.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        while True:
            cursor.execute(sql, (after, upto))
            page = cursor.fetchall()
            if pg:
                yield from page
            else:
                for row in page:
                    yield (row[0], _iso(row[1]), *row[2:])
            if len(page) < batch:
                return
            after = page[-1][0]
    finally:
        cursor.close()


class Marks(Protocol):
    """Ids the walk must report on (the entries that checkpoints name), in ascending order."""

    next_id: int

    def reach(self, entry_id: int, count: int, stored_hash: str) -> int:
        """The walk is at ``entry_id`` (``count`` entries so far); return the next mark id."""

    def finish(self, last_id: int | None, count: int) -> None:
        """The walk ended after ``last_id``: every mark left names an entry that is not there."""


class ChainWalk:
    """Checks each entry's link to the one before and its hash, in id order.

    Keeps walking after a break (relinking to the entry it found), so that one changed entry
    is named once and the rest of the chain is still checked; remembers every entry whose
    content changed and every entry whose predecessor is missing. ``marks`` (checkpoints) are
    told the count and stored hash at the ids they name; ``each`` sees the entries whose
    entity is in ``entities``.
    """

    def __init__(self, marks: Marks | None = None) -> None:
        self.count = 0
        self.head_id: int | None = None
        self.head_hash = GENESIS_HASH
        self.changed: list[int] = []
        self.unlinked: list[int] = []
        self.marks = marks

    def feed(
        self,
        rows: Iterable[Row],
        each: Callable[[Row], None] | None = None,
        entities: frozenset[str] = frozenset(),
    ) -> None:
        expected = self.head_hash
        count = self.count
        marks = self.marks
        next_mark = marks.next_id if marks is not None else _NO_MARK
        for row in rows:
            count += 1
            if row[11] != expected:
                self.unlinked.append(row[0])
            if chain_hash(*row[1:12]) != row[12]:
                self.changed.append(row[0])
            expected = row[12]
            if row[0] >= next_mark and marks is not None:
                next_mark = marks.reach(row[0], count, expected)
            if each is not None and row[6] in entities:
                each(row)
            self.head_id = row[0]
        self.count = count
        self.head_hash = expected

    def finish(self) -> None:
        if self.marks is not None:
            self.marks.finish(self.head_id, self.count)

    @property
    def ok(self) -> bool:
        return not self.changed and not self.unlinked

    def first_problem(self) -> tuple[int, str] | None:
        """(entry id, what is wrong with it) for the first broken entry, or None."""
        found = [(i, "its content no longer matches its hash") for i in self.changed[:1]]
        found += [
            (i, "its link to the previous entry is broken (entry removed?)")
            for i in self.unlinked[:1]
        ]
        return min(found) if found else None


def verify_chain(entries: Iterable[AuditEntry]) -> ChainCheck:
    """Walk ORM entries in id order; name the first entry that was changed or follows a gap."""
    walk = ChainWalk()
    rows = (
        (
            e.id,
            e.at.isoformat(timespec="microseconds"),
            e.user_id,
            e.username,
            e.station,
            e.action,
            e.entity,
            e.entity_id,
            e.old_value,
            e.new_value,
            e.reason,
            e.prev_hash,
            e.hash,
        )
        for e in entries
    )
    walk.feed(rows)
    return _check(walk)


def _check(walk: ChainWalk) -> ChainCheck:
    first = walk.first_problem()
    if first is None:
        return ChainCheck(True, walk.count)
    return ChainCheck(False, walk.count, first[0], first[1])


def verify(engine: Engine) -> ChainCheck:
    """The chain alone (links and hashes); ``db.audit_verify`` adds checkpoints and anchors."""
    walk = ChainWalk()
    walk.feed(chain_rows(engine))
    return _check(walk)
