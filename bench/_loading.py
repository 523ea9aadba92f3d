"""How synthetic bench rows get into the tables: COPY on PostgreSQL, batched executemany on
SQLite, a progress bar on stderr, and the housekeeping after a load (sequences, the reach
table, statistics). Bench data only: nothing here writes an audit trail."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, cast

from sqlalchemy import Engine, text

from db.trace import reach

BATCH = 50_000


class Progress:
    """A plain text bar on stderr, redrawn at most four times a second."""

    def __init__(self, total: int, enabled: bool = True) -> None:
        self.total, self.done, self.enabled = max(total, 1), 0, enabled
        self.start = self.shown = time.monotonic()

    def advance(self, rows: int, label: str, final: bool = False) -> None:
        self.done += rows
        now = time.monotonic()
        if self.enabled and (now - self.shown > 0.25 or final):
            self.shown = now
            share = 1.0 if final else min(0.99, self.done / self.total)
            bar = "#" * int(share * 30)
            sys.stderr.write(
                f"\rgenerating [{bar:<30}] {share:4.0%} {label:<16} "
                f"{self.done:>10,} rows {now - self.start:6.0f}s"
            )
            sys.stderr.flush()

    def close(self) -> None:
        self.advance(0, "done", final=True)
        if self.enabled:
            sys.stderr.write("\n")


class Loader:
    """COPY on PostgreSQL, batched executemany on SQLite, through one raw DBAPI connection."""

    def __init__(self, engine: Engine, progress: Progress) -> None:
        self.raw = engine.raw_connection()
        self.conn = cast(Any, self.raw.driver_connection)
        self.pg = engine.dialect.name == "postgresql"
        self.progress = progress
        self.counts: dict[str, int] = {}
        if not self.pg:
            for pragma in ("synchronous=OFF", "journal_mode=OFF", "cache_size=-65536"):
                self.conn.execute(f"PRAGMA {pragma}")
            self.conn.execute("BEGIN")

    def write(self, table: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
        names = ", ".join(columns)
        if self.pg:
            with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as cp:
                for chunk in _chunks(rows, 10_000):
                    for row in chunk:
                        cp.write_row(row)
                    self._count(table, len(chunk))
            return
        marks = ", ".join("?" * len(columns))
        for chunk in _chunks(rows, BATCH):
            self.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", chunk)
            self._count(table, len(chunk))

    def _count(self, table: str, rows: int) -> None:
        self.counts[table] = self.counts.get(table, 0) + rows
        self.progress.advance(rows, table)

    def finish(self) -> None:
        self.conn.commit() if self.pg else self.conn.execute("COMMIT")
        if not self.pg:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
        self.raw.close()


def _chunks(rows: Iterable[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def after_load(engine: Engine, tables: Sequence[str]) -> float:
    """After rows were loaded straight into ``tables``: the id sequences moved past them, the
    reach table rebuilt from the links (db.trace.reach; the services keep it as they write,
    a bulk load does not), statistics gathered. Returns the seconds the reach took."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            for table in tables:
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT MAX(id) FROM {table}))"
                ))  # fmt: skip
        started = time.perf_counter()
        reach.rebuild(conn)
        reach_s = time.perf_counter() - started
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        # PostgreSQL: VACUUM too, so that the visibility map lets index-only scans skip the
        # table (as on a database whose autovacuum has run since the rows came).
        conn.execute(text("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"))
    return reach_s
