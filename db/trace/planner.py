"""Run a trace statement: on the session's connection, with nested loops only on PostgreSQL.

PostgreSQL sizes a recursive CTE's working table at ten times the anchor's estimate. When the
anchor is estimated at hundreds of rows (the units of a production lot), the planner then
hash-joins the whole ``links`` table at every level of the walk: half a second at 100,000
units, seconds at a million, for a scope of a few hundred rows. A genealogy walk is always a
few index probes per item, so for the trace statements only, hash and merge joins, bitmap
scans (a probe of one item's links needs no bitmap; with a lot of 200,000 children in the
statistics the planner chose one per probe, reading the table where the index alone answers)
and JIT are switched off with ``set_config(..., is_local => true)`` (and ``work_mem`` raised to
64 MB, so that grouping a broad scope stays in memory), and the previous values are put back
right after the statement is started (a streamed result keeps its plan and its memory
limits). SQLite needs nothing: it walks ``links`` through its indexes anyway. The SQL is the
same on both.

Statements run on ``session.connection()`` (Core execution: the rows are plain tuples, no ORM
entity loading), so a trace sees the session's transaction and its flushed changes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CursorResult, text
from sqlalchemy.orm import Session

from db.trace.walk import AnySelect

#: Each setting and its value for the statements that walk the links.
SETTINGS = {
    "enable_hashjoin": "off",
    "enable_mergejoin": "off",
    "enable_bitmapscan": "off",
    "jit": "off",
    # A broad scope (200,000 items) is grouped in memory rather than in batches on disk.
    "work_mem": "64MB",
}
#: For counting a scope read from the reach table (no recursion; the root bound in the index
#: condition, so the planner knows a broad lot's row count): every join method, no JIT.
READ_REACH = {"jit": "off", "work_mem": "64MB"}


def _switch(settings: dict[str, str]) -> tuple[Any, Any]:
    """One round trip: the current values (read first: PostgreSQL evaluates a target list in
    order), then each setting changed until the end of the transaction; and its undoing."""
    switch = text(
        "SELECT "
        + ", ".join(f"current_setting('{name}')" for name in settings)
        + ", "
        + ", ".join(f"set_config('{name}', '{value}', true)" for name, value in settings.items())
    )
    restore = text(
        "SELECT " + ", ".join(f"set_config('{name}', :{name}, true)" for name in settings)
    )
    return switch, restore


_SWITCHES = {True: _switch(SETTINGS), False: _switch(READ_REACH)}


def execute(
    session: Session,
    stmt: AnySelect,
    params: dict[str, Any],
    batch_size: int | None = None,
    *,
    nested_loops: bool = True,
) -> CursorResult[Any]:
    """Execute ``stmt`` with ``params`` (streamed ``batch_size`` rows at a time when given).

    ``nested_loops``: for a walk of the links, and for a listing streamed from its first row;
    off for counting a scope read from the reach table (every join method)."""
    conn = session.connection()
    options = {} if batch_size is None else {"yield_per": batch_size}
    if conn.dialect.name != "postgresql":
        return conn.execute(stmt, params, execution_options=options)
    settings = SETTINGS if nested_loops else READ_REACH
    switch, restore = _SWITCHES[nested_loops]
    before = conn.execute(switch).one()[: len(settings)]
    result = conn.execute(stmt, params, execution_options=options)
    conn.execute(restore, dict(zip(settings, before, strict=True)))
    return result
