"""A recall scope as a CSV file: every item, shipment line and service record, streamed.

The counts come first (``db.trace.summary``: one statement), then the rows of
``db.trace.scope_rows`` go to the file as they are read, ``progress(done, total)`` told every
``STEP`` rows: a scope of 200,000 units is never held in memory. Columns are
``db.trace.COLUMNS``; times in UTC ISO 8601; empty cells for what a row kind has not.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from db import trace

#: Progress is told every this many rows (and at the end).
STEP = 5000

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ScopeExport:
    """What was written: rows in all, and the scope's counts."""

    path: str
    rows: int
    summary: trace.TraceSummary

    @property
    def units(self) -> int:
        return self.summary.by_kind.get("unit", 0)


def write_rows(
    session: Session,
    root_id: int,
    out: TextIO,
    *,
    include_removed: bool = False,
    progress: Progress | None = None,
) -> tuple[int, trace.TraceSummary]:
    """Write the header and every row of the forward scope of ``root_id`` to ``out``."""
    total = trace.summary(
        session, root_id, trace.Direction.FORWARD, include_removed=include_removed
    )
    if progress is not None:
        progress(0, total.rows)
    writer = csv.writer(out)
    writer.writerow(trace.COLUMNS)
    done = 0
    at = trace.COLUMNS.index("at")  # not a code: the one column that holds a time
    for row in trace.scope_rows(session, root_id, include_removed=include_removed):
        if row.at is None:
            writer.writerow(row)  # the csv module writes None as an empty cell
        else:
            writer.writerow((*row[:at], row.at.isoformat(), *row[at + 1 :]))
        done += 1
        if progress is not None and done % STEP == 0:
            progress(done, max(total.rows, done))
    if progress is not None:
        progress(done, done)
    return done, total


def write_scope_csv(
    session: Session,
    root_id: int,
    path: str | Path,
    *,
    include_removed: bool = False,
    progress: Progress | None = None,
) -> ScopeExport:
    """Write the scope of ``root_id`` to the CSV file ``path`` (UTF-8, replaced if present)."""
    target = Path(path)
    with target.open("w", encoding="utf-8", newline="") as out:
        rows, total = write_rows(
            session, root_id, out, include_removed=include_removed, progress=progress
        )
    return ScopeExport(str(target), rows, total)
