"""The station's journal: entries kept in order and chained; an entry changed, removed or
slipped in is found, naming it; where an entry stands changes without breaking the chain; a
journal opened again (after the station was killed) holds everything written before."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.journal import GENESIS, Journal, entry_hash
from desktop.domain.offline import JournalState, OfflineStep

ACTOR = {"user_id": 3, "username": "olga", "full_name": "Olga", "role": "operator",
         "station": "line-1", "station_id": 1}  # fmt: skip
AT = datetime(2026, 12, 4, 21, 0, 0, 123456, tzinfo=UTC)
FRAME = {"device": "line-1 scanner", "raw_hex": "5d43304252442d310d", "received_at": AT.isoformat()}


def _write(journal: Journal, n: int, first: int = 1) -> None:
    for k in range(first, first + n):
        journal.append(
            OfflineStep.CONSUME, f"00000000-0000-0000-0000-{k:012d}", ACTOR,
            {"unit_scan": f"SN-{k}", "component_scan": "]C0BRD-1"},
            FRAME,
            AT,
        )  # fmt: skip


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    made = Journal(tmp_path / "journal.sqlite")
    yield made  # type: ignore[misc]
    made.close()


def test_entries_are_chained_in_order_and_verify(journal: Journal) -> None:
    _write(journal, 3)
    first, second = journal.entry(1), journal.entry(2)
    assert first.prev_hash == GENESIS and second.prev_hash == first.hash
    assert first.state is JournalState.CAPTURED and first.captured_at == AT
    assert journal.verify().ok and journal.verify().checked == 3
    assert [e.seq for e in journal.unsent()] == [1, 2, 3]
    expected = entry_hash(
        1, first.event_id, "consume", ACTOR, first.args, first.capture, AT.isoformat(), GENESIS
    )
    assert first.hash == expected


def test_where_an_entry_stands_changes_without_breaking_the_chain(journal: Journal) -> None:
    _write(journal, 3)
    journal.set_state(1, JournalState.SYNCED, "recorded")
    journal.set_state(2, JournalState.CONFLICT, "housing already built in")
    journal.set_state(3, JournalState.REFUSED, "lot on hold")
    assert journal.unsent() == []
    counts = journal.counts()
    assert counts[JournalState.SYNCED] == counts[JournalState.CONFLICT] == 1
    assert journal.entry(2).outcome == "housing already built in"
    assert journal.verify().ok


def _raw(journal: Journal, sql: str) -> None:
    db = sqlite3.connect(journal.path)
    db.execute(sql)
    db.commit()
    db.close()


def test_an_entry_changed_afterwards_is_found(journal: Journal) -> None:
    _write(journal, 3)
    _raw(
        journal,
        "UPDATE entries SET args = '"
        + '{"component_scan":"]C0BRD-9","unit_scan":"SN-2"}'
        + "' WHERE seq = 2",
    )
    check = journal.verify()
    assert not check.ok and check.broken_seq == 2 and check.checked == 1
    assert check.problem == "it was changed after it was written"


def test_an_entry_removed_is_found(journal: Journal) -> None:
    _write(journal, 3)
    _raw(journal, "DELETE FROM entries WHERE seq = 2")
    check = journal.verify()
    assert not check.ok and check.broken_seq == 3 and check.problem == "entry 2 is missing"


def test_an_entry_slipped_in_at_the_end_with_a_made_up_link_is_found(journal: Journal) -> None:
    _write(journal, 2)
    _raw(
        journal,
        "INSERT INTO entries (seq, event_id, step, actor, args, capture, captured_at, prev_hash, "
        "hash, state, updated_at) VALUES (3, 'x', 'check', '{}', '{}', NULL, "
        f"'{AT.isoformat()}', '{'1' * 64}', '{'2' * 64}', 'pending', '')",
    )
    check = journal.verify()
    assert not check.ok and check.broken_seq == 3
    assert check.problem == "its link to the entry before is broken"


def test_a_journal_opened_again_holds_what_was_written(tmp_path: Path) -> None:
    first = Journal(tmp_path / "journal.sqlite")
    _write(first, 2)
    name = first.name
    first.close()  # the station stopped (or was killed: every entry was committed on append)
    again = Journal(tmp_path / "journal.sqlite")
    try:
        assert [e.seq for e in again.unsent()] == [1, 2]
        assert again.name == name  # the journal keeps its identity
        _write(again, 1, first=3)
        assert again.entry(3).prev_hash == again.entry(2).hash and again.verify().ok
    finally:
        again.close()


def test_the_same_event_is_never_journaled_twice(journal: Journal) -> None:
    _write(journal, 1)
    with pytest.raises(sqlite3.IntegrityError):
        _write(journal, 1)
    assert journal.verify().checked == 1
