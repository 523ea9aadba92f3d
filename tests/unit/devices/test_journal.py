"""The job journal: append-only, survives a restart, tolerates a torn last line."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.devices import journal as jr


def test_states_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "journal.log"
    first = jr.JobJournal(path)
    first.record("job-1", jr.BEGIN)
    first.record("job-1", jr.RECEIVED)
    first.record("job-1", jr.RELEASED)
    first.record("job-2", jr.BEGIN)
    again = jr.JobJournal(path)
    assert again.delivered("job-1") and not again.delivered("job-2")
    assert again.unsettled() == [("job-2", jr.BEGIN)]
    assert len(path.read_text().splitlines()) == 4


def test_a_torn_line_is_skipped(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "journal.log"
    path.write_text("2025-01-01T00:00:00Z RELEASED job-1\n2025-01-01T00:00:01Z BEG")
    journal = jr.JobJournal(path)
    assert journal.delivered("job-1")
    assert "unreadable" in caplog.text


@pytest.mark.parametrize("key", ["", "has space", "x" * 201, "tab\tkey"])
def test_keys_are_checked(key: str) -> None:
    with pytest.raises(ValueError, match="print job key"):
        jr.JobJournal().record(key, jr.BEGIN)


def test_in_memory_journal() -> None:
    journal = jr.JobJournal()
    journal.record("k", jr.LOST)
    assert journal.state("k") == jr.LOST and not journal.delivered("k")
