"""Time commissioning 100,000 serials in one use case, on SQLite and on PostgreSQL, and write
the figures to docs/benchmarks.md (section "serials").

Run from the repository root: ``.venv/bin/python -m bench.bench_serials [--count N]``.
SQLite: a fresh temporary file. PostgreSQL: a fresh database made on the server named by
LOTLINE_BENCH_PG_URL (default: the test server, postgres@127.0.0.1:5432), dropped afterwards;
``--no-postgres`` leaves it out. Goal: 100,000 serials in at most 10 s on each.
"""

from __future__ import annotations

import argparse
import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, text

from bench._report import machine, write_section
from desktop.cli.bench_serials import GOAL_SECONDS, run_on
from desktop.services.production import BATCH

PG_ADMIN = os.environ.get(
    "LOTLINE_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@contextmanager
def fresh_postgres() -> Iterator[str]:
    """A new empty database on the PostgreSQL server (migrated by the bench), then dropped."""
    name = f"lotline_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def report(rows: list[dict[str, Any]], count: int) -> str:
    lines = [
        "## Serial commissioning",
        "",
        f"Measured {machine()}; `serials.commission_serials(count={count})`, one use case,",
        "timed from the call to its commit (`lotline bench serials --count N --json`).",
        f"Goal: {count:,} serials in at most {GOAL_SECONDS:.0f} s on each database.",
        "",
        "| database | serials | seconds | serials/s | goal |",
        "|---|---:|---:|---:|---|",
    ]
    for row in rows:
        verdict = "meets" if row["seconds"] <= GOAL_SECONDS else "MISSES"
        lines.append(
            f"| {row['backend']} | {row['count']:,} | {row['seconds']:.2f} | "
            f"{row['per_second']:,} | {verdict} |"
        )
    lines += [
        "",
        f"How: units are inserted in batches of {BATCH:,} rows (`session.execute(insert(Item), "
        "rows)`, an executemany); each batch has one `commission` event (work order, lot, "
        "count, first and last serial, SHA-256 of the batch's serial list) and one "
        "`serials.commission` audit entry naming the work order, count, first and last serial, "
        "the event id and that SHA-256 — not 100,000 per-unit audit entries.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000, help="serials per run (100000)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    rows = [run_on(None, args.count)]
    if not args.no_postgres:
        with fresh_postgres() as url:
            rows.append(run_on(url, args.count))
    for row in rows:
        print(json.dumps(row))
    markdown = report(rows, args.count)
    if not args.no_write:
        write_section("serials", markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
