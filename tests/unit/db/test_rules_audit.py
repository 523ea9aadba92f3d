"""The audit chain's rules without a server: what the hash covers (every field, byte for byte as
canonical JSON), how entries link, and how verification names the entry that was changed or
that follows a removed one. SQLite in a temporary file stands in for the database."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from db import audit
from db.engine import make_engine
from db.models import GENESIS_HASH, AuditEntry, Base
from desktop.domain.canonical import canonical_json

AT = datetime(2026, 11, 25, 10, 0, 0, 123456, tzinfo=UTC)
FIELDS: dict[str, Any] = {
    "at": AT.isoformat(timespec="microseconds"),
    "user_id": 7,
    "username": "quinn",
    "station": "qc-1",
    "action": "lot.release",
    "entity": "item",
    "entity_id": "42",
    "old_value": '{"status":"completed"}',
    "new_value": '{"status":"released"}',
    "reason": "all checks passed",
    "prev_hash": "ab" * 32,
}
CHANGED: dict[str, Any] = {
    "at": (AT + timedelta(microseconds=1)).isoformat(timespec="microseconds"),
    "user_id": 8,
    "username": "quinn2",
    "station": "qc-2",
    "action": "lot.reject",
    "entity": "items",
    "entity_id": "43",
    "old_value": '{"status":"completed "}',
    "new_value": None,
    "reason": None,
    "prev_hash": "ab" * 31 + "ac",
}


def _canonical_hash(f: dict[str, Any]) -> str:
    """The hash as the audit-trail document defines it: SHA-256 of canonical JSON."""
    body = {
        "at": f["at"],
        "user_id": f["user_id"],
        "username": f["username"],
        "station": f["station"],
        "action": f["action"],
        "entity": f["entity"],
        "entity_id": f["entity_id"],
        "old": f["old_value"],
        "new": f["new_value"],
        "reason": f["reason"],
        "prev": f["prev_hash"],
    }
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def test_the_hash_is_sha256_of_the_canonical_json() -> None:
    assert audit.chain_hash(**FIELDS) == _canonical_hash(FIELDS)


@pytest.mark.parametrize("name", list(FIELDS))
def test_every_field_goes_into_the_hash(name: str) -> None:
    changed = {**FIELDS, name: CHANGED[name]}
    assert audit.chain_hash(**changed) != audit.chain_hash(**FIELDS)
    assert audit.chain_hash(**changed) == _canonical_hash(changed)


def test_absent_values_hash_as_null_not_as_text() -> None:
    empty = {**FIELDS, "user_id": None, "old_value": None, "new_value": None, "reason": None}
    assert audit.chain_hash(**empty) == _canonical_hash(empty)
    as_text = {**empty, "reason": "null"}
    assert audit.chain_hash(**as_text) != audit.chain_hash(**empty)


_text = st.text(st.characters(codec="utf-8"), max_size=12)


@settings(max_examples=40, deadline=None)
@given(
    user_id=st.none() | st.integers(min_value=0, max_value=2**53),
    username=_text,
    action=_text,
    old=st.none() | _text,
    reason=st.none() | _text,
)
def test_any_text_hashes_as_canonical_json(
    user_id: int | None, username: str, action: str, old: str | None, reason: str | None
) -> None:
    f = {
        **FIELDS,
        "user_id": user_id,
        "username": username,
        "action": action,
        "old_value": old,
        "reason": reason,
    }
    assert audit.chain_hash(**f) == _canonical_hash(f)


def _entry(**overrides: Any) -> AuditEntry:
    values = {**FIELDS, "at": AT, **overrides}
    return AuditEntry(**values)


def test_an_entry_hashes_every_column_but_its_id_and_hash() -> None:
    entry = _entry()
    assert audit.entry_hash(entry) == audit.chain_hash(**FIELDS)
    for name, value in CHANGED.items():
        if name == "at":
            value = AT + timedelta(microseconds=1)
        assert audit.entry_hash(_entry(**{name: value})) != audit.entry_hash(entry), name


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(f"sqlite:///{tmp_path / 'audit.sqlite'}")
    Base.metadata.create_all(eng)
    yield eng
    eng.dispose()


def _pending(n: int, **overrides: Any) -> list[audit.PendingEntry]:
    base: dict[str, Any] = {
        "user_id": 7,
        "username": "quinn",
        "station": "qc-1",
        "action": "lot.release",
        "entity": "item",
    }
    return [audit.PendingEntry(**{**base, "entity_id": str(i), **overrides}) for i in range(n)]


def _append(engine: Engine, pending: list[audit.PendingEntry]) -> list[AuditEntry]:
    with Session(engine, expire_on_commit=False) as s, s.begin():
        return audit.append(s, pending)


def _all(engine: Engine) -> list[AuditEntry]:
    with Session(engine) as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_nothing_to_append_writes_nothing(engine: Engine) -> None:
    assert _append(engine, []) == []
    assert _all(engine) == []
    with Session(engine) as s:
        assert audit.chain_head(s) == GENESIS_HASH


def test_entries_link_from_the_genesis_hash_and_carry_what_was_asked(engine: Engine) -> None:
    first = _append(
        engine,
        [
            audit.PendingEntry(
                7,
                "quinn",
                "qc-1",
                "lot.release",
                "item",
                "42",
                old_value={"status": "completed"},
                new_value={"status": "released", "units": 3},
                reason="all checks passed",
            ),
            audit.PendingEntry(None, "system", "qc-1", "label.void", "print_job", "9"),
        ],
    )
    second = _append(engine, _pending(1))
    rows = _all(engine)
    assert [r.id for r in rows] == [r.id for r in first + second]
    a, b, c = rows
    assert a.prev_hash == GENESIS_HASH
    assert b.prev_hash == a.hash and c.prev_hash == b.hash
    assert (a.user_id, a.username, a.station, a.action, a.entity, a.entity_id) == (
        7,
        "quinn",
        "qc-1",
        "lot.release",
        "item",
        "42",
    )
    assert a.old_value == '{"status":"completed"}'
    assert a.new_value == '{"status":"released","units":3}'
    assert a.reason == "all checks passed"
    assert (b.user_id, b.old_value, b.new_value, b.reason) == (None, None, None, None)
    assert a.at == b.at  # one append, one time
    assert a.at.tzinfo is not None
    for row in rows:
        assert row.hash == audit.entry_hash(row)
    with Session(engine) as s:
        assert audit.chain_head(s) == c.hash


def test_a_false_value_is_recorded_not_dropped(engine: Engine) -> None:
    (row,) = _append(engine, _pending(1, old_value=False, new_value=0))
    assert (row.old_value, row.new_value) == ("false", "0")


@dataclass
class _Recorder:
    dialect: str
    executed: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def get_bind(self) -> Any:
        dialect = type("Dialect", (), {"name": self.dialect})()
        return type("Bind", (), {"dialect": dialect})()

    def execute(self, statement: Any, params: dict[str, Any]) -> None:
        self.executed.append((str(statement), params))


def test_postgresql_appenders_queue_on_one_advisory_lock() -> None:
    pg = _Recorder("postgresql")
    audit.lock_chain(pg)  # type: ignore[arg-type]
    assert pg.executed == [
        ("SELECT pg_advisory_xact_lock(:k)", {"k": int.from_bytes(b"LOTL", "big")})
    ]
    sqlite = _Recorder("sqlite")
    audit.lock_chain(sqlite)  # type: ignore[arg-type]  # BEGIN IMMEDIATE is the lock there
    assert sqlite.executed == []


def test_a_whole_chain_verifies(engine: Engine) -> None:
    _append(engine, _pending(3))
    _append(engine, _pending(2))
    check = audit.verify(engine)
    assert check == audit.ChainCheck(True, 5)
    assert audit.verify_chain(_all(engine)) == audit.ChainCheck(True, 5)


def test_an_empty_chain_verifies(engine: Engine) -> None:
    assert audit.verify(engine) == audit.ChainCheck(True, 0)


@pytest.mark.parametrize(
    "column", ["username", "station", "action", "entity", "entity_id", "new_value", "reason"]
)
def test_a_changed_entry_is_named(engine: Engine, column: str) -> None:
    rows = _append(engine, _pending(4))
    target = rows[2].id
    with engine.begin() as conn:
        conn.execute(
            text(f"UPDATE audit_entries SET {column} = 'x' WHERE id = :id"), {"id": target}
        )
    check = audit.verify(engine)
    assert check == audit.ChainCheck(False, 4, target, "its content no longer matches its hash")


def test_a_changed_time_or_user_is_named(engine: Engine) -> None:
    rows = _append(engine, _pending(3))
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_entries SET user_id = 8 WHERE id = :id"), {"id": rows[1].id}
        )
    assert audit.verify(engine).broken_id == rows[1].id
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_entries SET user_id = 7 WHERE id = :id"), {"id": rows[1].id}
        )
        conn.execute(
            text("UPDATE audit_entries SET at = '2020-01-01 00:00:00.000000' WHERE id = :id"),
            {"id": rows[0].id},
        )
    assert audit.verify(engine).broken_id == rows[0].id


def test_an_entry_removed_is_named_by_the_one_after_it(engine: Engine) -> None:
    rows = _append(engine, _pending(4))
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries WHERE id = :id"), {"id": rows[1].id})
    check = audit.verify(engine)
    assert check == audit.ChainCheck(
        False, 3, rows[2].id, "its link to the previous entry is broken (entry removed?)"
    )
    assert audit.verify_chain(_all(engine)) == check


def test_the_first_entry_removed_is_found_too(engine: Engine) -> None:
    rows = _append(engine, _pending(2))
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries WHERE id = :id"), {"id": rows[0].id})
    assert audit.verify(engine).broken_id == rows[1].id


def test_the_earliest_problem_is_named_first(engine: Engine) -> None:
    rows = _append(engine, _pending(5))
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_entries SET reason = 'x' WHERE id = :id"), {"id": rows[3].id}
        )
        conn.execute(text("DELETE FROM audit_entries WHERE id = :id"), {"id": rows[1].id})
    check = audit.verify(engine)
    assert (check.ok, check.checked, check.broken_id) == (False, 4, rows[2].id)
    assert check.problem == "its link to the previous entry is broken (entry removed?)"
    walk = audit.ChainWalk()
    walk.feed(audit.chain_rows(engine))
    assert walk.changed == [rows[3].id] and walk.unlinked == [rows[2].id]
    assert not walk.ok


def test_rows_are_read_in_pages_in_id_order(engine: Engine) -> None:
    _append(engine, _pending(5))
    rows = list(audit.chain_rows(engine, batch=2))
    assert [r[0] for r in rows] == [e.id for e in _all(engine)]
    assert rows == list(audit.chain_rows(engine))
    assert all(r[1].endswith("+00:00") and len(r[1]) == 32 for r in rows)
    assert len(list(audit.chain_rows(engine, batch=5))) == 5  # a full last page


def test_a_walk_fed_in_parts_is_the_walk_fed_at_once(engine: Engine) -> None:
    _append(engine, _pending(5))
    rows = list(audit.chain_rows(engine))
    whole = audit.ChainWalk()
    whole.feed(rows)
    parts = audit.ChainWalk()
    parts.feed(rows[:2])
    parts.feed(rows[2:])
    for walk in (whole, parts):
        assert (walk.count, walk.head_id, walk.head_hash, walk.ok) == (
            5,
            rows[-1][0],
            rows[-1][12],
            True,
        )
        assert walk.first_problem() is None


@dataclass
class _Marks:
    next_id: int
    reached: list[tuple[int, int, str]] = field(default_factory=list)
    finished: list[tuple[int | None, int]] = field(default_factory=list)

    def reach(self, entry_id: int, count: int, stored_hash: str) -> int:
        self.reached.append((entry_id, count, stored_hash))
        return entry_id + 2

    def finish(self, last_id: int | None, count: int) -> None:
        self.finished.append((last_id, count))


def test_checkpoint_marks_are_told_the_count_and_hash_at_their_ids(engine: Engine) -> None:
    _append(engine, _pending(5))
    rows = list(audit.chain_rows(engine))
    ids = [r[0] for r in rows]
    marks = _Marks(next_id=ids[1])
    walk = audit.ChainWalk(marks)
    seen: list[str] = []
    walk.feed(rows, each=lambda row: seen.append(row[7]), entities=frozenset({"item"}))
    walk.finish()
    assert marks.reached == [(ids[1], 2, rows[1][12]), (ids[3], 4, rows[3][12])]
    assert marks.finished == [(ids[-1], 5)]
    assert seen == ["0", "1", "2", "3", "4"]
    walk.feed([], each=lambda row: seen.append("never"), entities=frozenset())
    other = audit.ChainWalk()
    other.feed(rows, each=lambda row: seen.append("other"), entities=frozenset({"user"}))
    other.finish()  # no marks: nothing to tell
    assert seen == ["0", "1", "2", "3", "4"]


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        (datetime(2026, 1, 2, 3, 4, 5, 6), "2026-01-02T03:04:05.000006+00:00"),
        (
            datetime(2026, 1, 2, 4, 4, 5, tzinfo=timezone(timedelta(hours=1))),
            "2026-01-02T03:04:05.000000+00:00",
        ),
        ("2026-01-02 03:04:05", "2026-01-02T03:04:05.000000+00:00"),
        ("2026-01-02T05:04:05+02:00", "2026-01-02T03:04:05.000000+00:00"),
        ("not a time", "not a time"),
        ("abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz"),  # 26 long, not a time
    ],
)
def test_a_stored_time_is_read_as_utc_iso_text(value: Any, iso: str) -> None:
    assert audit._iso(value) == iso


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The station's clock in another zone than UTC: stored times must still read as UTC."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("new_york")
def test_a_stored_time_is_read_as_utc_whatever_the_station_s_zone() -> None:
    assert audit._iso(datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05.000000+00:00"
    aware = datetime(2026, 1, 2, 4, 4, 5, tzinfo=timezone(timedelta(hours=1)))
    assert audit._iso(aware) == "2026-01-02T03:04:05.000000+00:00"


def test_a_time_stored_without_microseconds_still_verifies(engine: Engine) -> None:
    """A time the fast SQL path does not shape (written by another tool, no fraction) is read
    through the slow path, as the same instant: the entry verifies."""
    (row,) = _append(engine, _pending(1))
    at = "2026-01-02T03:04:05.000000+00:00"
    values: dict[str, Any] = {
        "at": at,
        "user_id": row.user_id,
        "username": row.username,
        "station": row.station,
        "action": row.action,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "old_value": row.old_value,
        "new_value": row.new_value,
        "reason": row.reason,
        "prev_hash": row.prev_hash,
    }
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_entries SET at = '2026-01-02 03:04:05', hash = :h WHERE id = :id"),
            {"h": audit.chain_hash(**values), "id": row.id},
        )
    (read,) = audit.chain_rows(engine)
    assert read[0] == row.id and read[1] == at and read[2:12] == tuple(values.values())[1:]
    assert audit.verify(engine) == audit.ChainCheck(True, 1)


def test_a_walk_over_nothing_tells_its_marks_it_ended_before_any_entry() -> None:
    marks = _Marks(next_id=1)
    walk = audit.ChainWalk(marks)
    walk.feed([])
    walk.finish()
    assert marks.finished == [(None, 0)] and marks.reached == []
    assert (walk.head_id, walk.head_hash, walk.count) == (None, GENESIS_HASH, 0)


def test_rows_after_and_up_to_an_id(engine: Engine) -> None:
    ids = [e.id for e in _append(engine, _pending(5))]
    assert [r[0] for r in audit.chain_rows(engine, 2, after=ids[1])] == ids[2:]
    assert [r[0] for r in audit.chain_rows(engine, 2, upto=ids[2])] == ids[:3]
    assert [r[0] for r in audit.chain_rows(engine, after=ids[0], upto=ids[3])] == ids[1:4]
