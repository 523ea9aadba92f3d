"""The station's journal: every step a station takes, in order (those taken while the shared
database is away waiting there to be sent), in a local SQLite file written through to the disk
at each entry (synchronous = FULL),
each entry chained to the one before it by SHA-256, so an entry changed, removed or slipped in
is found before anything is sent (``verify``).

What is chained is what was captured (the step, its event id, who, the arguments, the device's
frame, when); where an entry stands (``JournalState``) changes as it is checked and sent, and is
kept beside the chain, not in it.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.domain.canonical import canonical_json, sha256_hex
from desktop.domain.offline import UNSENT, JournalState, OfflineStep

GENESIS = "0" * 64

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    step TEXT NOT NULL,
    actor TEXT NOT NULL,
    args TEXT NOT NULL,
    capture TEXT,
    captured_at TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    state TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_state ON entries (state, seq);
CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class JournalEntry:
    """One captured step, as the journal keeps it."""

    seq: int
    event_id: str
    step: OfflineStep
    actor: Mapping[str, Any]  # user_id, username, full_name, role, station, station_id
    args: Mapping[str, Any]  # the step's arguments, JSON-safe
    capture: Mapping[str, Any] | None  # the device capture, JSON-safe (raw as hex)
    captured_at: datetime
    prev_hash: str
    hash: str
    state: JournalState
    outcome: str  # the words of the answer it got (station or shared database)


@dataclass(frozen=True)
class JournalCheck:
    ok: bool
    checked: int
    broken_seq: int | None = None
    problem: str = ""


def entry_hash(
    seq: int,
    event_id: str,
    step: str,
    actor: Mapping[str, Any],
    args: Mapping[str, Any],
    capture: Mapping[str, Any] | None,
    captured_at: str,
    prev_hash: str,
) -> str:
    record = {
        "seq": seq,
        "event_id": event_id,
        "step": step,
        "actor": dict(actor),
        "args": dict(args),
        "capture": dict(capture) if capture is not None else None,
        "captured_at": captured_at,
        "prev_hash": prev_hash,
    }
    return sha256_hex(canonical_json(record))


class Journal:
    """The journal file of one station; safe to share between the station's threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        # it holds who did what: readable by the station's account only (where the file
        # system keeps modes; elsewhere the folder's rights apply)
        with contextlib.suppress(OSError):
            path.chmod(0o600)
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.executescript(_SCHEMA)

    @property
    def name(self) -> str:
        """The journal's identity as events name it: its file name and when it was begun."""
        with self._tx() as db:
            row = db.execute("SELECT value FROM about WHERE key = 'begun'").fetchone()
            if row is None:
                begun = datetime.now(UTC).isoformat()
                db.execute("INSERT INTO about (key, value) VALUES ('begun', ?)", (begun,))
            else:
                begun = row[0]
        return f"{self.path.name}@{begun}"

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self, *, sync: bool = True) -> Iterator[sqlite3.Connection]:
        """One write transaction; ``sync`` False: not flushed to the disk at its commit (the
        next flushed commit, or SQLite's checkpoint, takes it along)."""
        with self._lock:
            if not sync:
                self._db.execute("PRAGMA synchronous = NORMAL")
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            finally:
                if not sync:
                    self._db.execute("PRAGMA synchronous = FULL")

    def append(
        self,
        step: OfflineStep,
        event_id: str,
        actor: Mapping[str, Any],
        args: Mapping[str, Any],
        capture: Mapping[str, Any] | None,
        captured_at: datetime,
        *,
        state: JournalState = JournalState.CAPTURED,
        outcome: str = "",
    ) -> JournalEntry:
        """Write one step at the end of the chain: captured offline (on the disk when this
        returns), or (``state`` SYNCED) taken on the shared database and kept here too, so that
        the station's copy can be brought up to it when the database goes away (that one is
        already in the shared record: it is not flushed on its own, sparing the scan a wait for
        the disk)."""
        at = captured_at.astimezone(UTC).isoformat()
        with self._tx(sync=state is not JournalState.SYNCED) as db:
            head = db.execute("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1").fetchone()
            seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
            digest = entry_hash(seq, event_id, step, actor, args, capture, at, prev)
            db.execute(
                "INSERT INTO entries (seq, event_id, step, actor, args, capture, captured_at, "
                "prev_hash, hash, state, outcome, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    seq, event_id, step.value, canonical_json(dict(actor)),
                    canonical_json(dict(args)),
                    None if capture is None else canonical_json(dict(capture)),
                    at, prev, digest, state.value, outcome, _now(),
                ),
            )  # fmt: skip
        return self.entry(seq)

    def after(self, seq: int, state: JournalState) -> list[JournalEntry]:
        """Entries after ``seq`` in ``state``, oldest first."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM entries WHERE seq > ? AND state = ? ORDER BY seq",
                (seq, state.value),
            ).fetchall()
        return [_entry(r) for r in rows]

    def last_seq(self) -> int:
        with self._lock:
            found = self._db.execute("SELECT max(seq) FROM entries").fetchone()[0]
        return int(found or 0)

    def set_state(self, seq: int, state: JournalState, outcome: str = "") -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE entries SET state = ?, outcome = ?, updated_at = ? WHERE seq = ?",
                (state.value, outcome, _now(), seq),
            )

    def entry(self, seq: int) -> JournalEntry:
        with self._lock:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM entries WHERE seq = ?", (seq,))
            found = row.fetchone()
        if found is None:
            raise KeyError(f"the journal {self.path} has no entry {seq}")
        return _entry(found)

    def unsent(self) -> list[JournalEntry]:
        """Entries still to be sent to the shared database, oldest first."""
        marks = ",".join("?" for _ in UNSENT)
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM entries WHERE state IN ({marks}) ORDER BY seq",
                [s.value for s in UNSENT],
            ).fetchall()
        return [_entry(r) for r in rows]

    def latest(self, count: int = 50) -> list[JournalEntry]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM entries ORDER BY seq DESC LIMIT ?", (count,)
            ).fetchall()
        return [_entry(r) for r in rows]

    def counts(self) -> dict[JournalState, int]:
        with self._lock:
            rows = self._db.execute("SELECT state, count(*) FROM entries GROUP BY state")
            found = {JournalState(state): n for state, n in rows.fetchall()}
        return {state: found.get(state, 0) for state in JournalState}

    def verify(self) -> JournalCheck:
        """Walk the chain from the first entry: every hash recomputed, every link checked."""
        prev, checked = GENESIS, 0
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM entries ORDER BY seq").fetchall()
        expected_seq = 1
        for row in rows:
            e = _entry(row)
            if e.seq != expected_seq:
                return JournalCheck(False, checked, e.seq, f"entry {expected_seq} is missing")
            if e.prev_hash != prev:
                return JournalCheck(False, checked, e.seq, "its link to the entry before is broken")
            digest = entry_hash(
                e.seq, e.event_id, e.step, e.actor, e.args, e.capture,
                row[6], e.prev_hash,
            )  # fmt: skip
            if digest != e.hash:
                return JournalCheck(False, checked, e.seq, "it was changed after it was written")
            prev, checked, expected_seq = e.hash, checked + 1, expected_seq + 1
        return JournalCheck(True, checked)


_COLUMNS = "seq, event_id, step, actor, args, capture, captured_at, prev_hash, hash, state, outcome"


def _entry(row: tuple[Any, ...]) -> JournalEntry:
    return JournalEntry(
        seq=int(row[0]),
        event_id=str(row[1]),
        step=OfflineStep(row[2]),
        actor=json.loads(row[3]),
        args=json.loads(row[4]),
        capture=None if row[5] is None else json.loads(row[5]),
        captured_at=datetime.fromisoformat(row[6]),
        prev_hash=str(row[7]),
        hash=str(row[8]),
        state=JournalState(row[9]),
        outcome=str(row[10]),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat()


__all__ = ["GENESIS", "Journal", "JournalCheck", "JournalEntry", "entry_hash"]
