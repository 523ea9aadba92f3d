"""Time ``lotline audit verify`` over 1,000,000 audit entries, on SQLite and on PostgreSQL, and
write the figures to docs/benchmarks.md (section "audit-verify").

Run from the repository root: ``nice -n 10 .venv/bin/python -m bench.bench_audit_verify
[--entries N] [--no-postgres]``. SQLite: a fresh temporary file. PostgreSQL: a fresh database on
the server named by LOTLINE_BENCH_PG_URL (default: the test server), dropped afterwards.

The history is shaped like a plant's: every third entry records an event (with its event row,
about one of the units), every third an item, the rest other records; a signed checkpoint
after every third entry (one per use case commit) in the database and in the anchor file; the
units commissioned in bulk (accounted for by ``serials.commission`` entries). It is loaded with
COPY (PostgreSQL) or executemany (SQLite), not through the services: the figure is about
verifying. Goal: 1,000,000 entries in at most 10 s, the whole command included.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text

from bench._report import machine, write_section
from db import audit
from db.anchor import Checkpoint, OutsideRecord, SigningKey
from db.anchor_copies import AnchorFile, record_line
from db.audit_verify import verify_all
from db.engine import make_engine
from db.migrate import upgrade
from db.models import GENESIS_HASH

PG_ADMIN = os.environ.get(
    "LOTLINE_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
GOAL_SECONDS = 10.0
PER_COMMIT = 3
UNITS = 100_000
CHUNK = 50_000
START = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
RUNS = 3


@contextmanager
def fresh_postgres() -> Iterator[str]:
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


class Loader:
    """Rows into tables through one raw DBAPI connection: COPY or executemany."""

    def __init__(self, engine: Engine) -> None:
        self.pg = engine.dialect.name == "postgresql"
        self.raw = engine.raw_connection()

    def put(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        names = ", ".join(columns)
        cur = self.raw.cursor()
        if self.pg:
            with cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            cur.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        cur.close()

    def commit(self) -> None:
        self.raw.commit()

    def close(self) -> None:
        self.raw.close()


def _stored_at(moment: datetime, pg: bool) -> Any:
    return moment if pg else moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def build(engine: Engine, entries: int, anchor: Path) -> dict[str, int]:
    """Load ``entries`` chained audit entries with their events, units and checkpoints."""
    load = Loader(engine)
    pg = load.pg
    key = SigningKey.generate()
    load.put(
        "audit_keys", ("key_id", "public_key", "station"), [(key.key_id, key.public_hex, "line-1")]
    )
    units = [
        (i + 1, "unit", "in_process", f"SN-{i + 1:06d}", 1, 1, "ea", 0)
        for i in range(min(UNITS, entries // PER_COMMIT))
    ]
    load.put(
        "items",
        (
            "id",
            "kind",
            "status",
            "serial",
            "quantity",
            "quantity_available",
            "unit",
            "current_step",
        ),
        units,
    )
    chain = uuid.uuid4().hex
    prev, count, checkpoints = GENESIS_HASH, 0, 0
    file = AnchorFile(anchor)
    entry_rows: list[tuple[Any, ...]] = []
    event_rows: list[tuple[Any, ...]] = []
    cp_rows: list[tuple[Any, ...]] = []
    lines: list[str] = []
    for i in range(1, entries + 1):
        at = START + timedelta(microseconds=i * 1000)
        at_iso = at.isoformat(timespec="microseconds")
        unit = (i % len(units)) + 1
        if i % PER_COMMIT == 0:
            event_id = uuid.uuid4()
            entity, entity_id, action = "event", str(event_id), "event.weigh"
            new = json.dumps({"item": unit, "outcome": "ok"}, separators=(",", ":"), sort_keys=True)
            event_rows.append(
                (event_id if pg else event_id.hex, "weigh", "ok", unit, _stored_at(at, pg),
                 _stored_at(at, pg), "{}")
            )  # fmt: skip
        elif i % PER_COMMIT == 1 and i // PER_COMMIT < len(units):
            entity, entity_id, action = "item", str(i // PER_COMMIT + 1), "unit.step"
            new = '{"step":1}'
        else:
            entity, entity_id, action = "user", "7", "user.login"
            new = None
        digest = audit.chain_hash(
            at_iso, 7, "olga", "line-1", action, entity, entity_id, None, new, None, prev
        )
        entry_rows.append(
            (i, _stored_at(at, pg), 7, "olga", "line-1", action, entity, entity_id, None, new,
             None, prev, digest)
        )  # fmt: skip
        prev, count = digest, count + 1
        if i % PER_COMMIT == 0 or i == entries:
            cp = Checkpoint(str(uuid.UUID(chain)), count, i, digest, at, "line-1", key.key_id)
            signed = replace(cp, signature=key.sign(cp.payload()))
            cp_rows.append(
                (signed.chain_id, _stored_at(at, pg), count, i, digest, "line-1", key.key_id,
                 signed.signature)
            )  # fmt: skip
            lines.append(record_line(OutsideRecord(signed, key.public_hex)))
            checkpoints += 1
        if len(entry_rows) >= CHUNK or i == entries:
            _flush(load, entry_rows, event_rows, cp_rows)
            with file.path.open("a", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")
            entry_rows, event_rows, cp_rows, lines = [], [], [], []
    load.commit()
    load.close()
    return {"entries": entries, "events": entries // PER_COMMIT, "checkpoints": checkpoints}


def _flush(
    load: Loader,
    entries: list[tuple[Any, ...]],
    events: list[tuple[Any, ...]],
    checkpoints: list[tuple[Any, ...]],
) -> None:
    load.put(
        "audit_entries",
        ("id", "at", "user_id", "username", "station", "action", "entity", "entity_id",
         "old_value", "new_value", "reason", "prev_hash", "hash"),
        entries,
    )  # fmt: skip
    load.put(
        "events",
        ("id", "kind", "outcome", "item_id", "station_time", "db_time", "data"),
        events,
    )
    load.put(
        "audit_checkpoints",
        ("chain_id", "at", "entry_count", "last_entry_id", "head_hash", "station", "key_id",
         "signature"),
        checkpoints,
    )  # fmt: skip


def measure(url: str, entries: int, folder: Path) -> dict[str, Any]:
    engine = make_engine(url)
    upgrade(engine)
    anchor = folder / f"anchor-{uuid.uuid4().hex[:6]}.jsonl"
    started = time.perf_counter()
    shape = build(engine, entries, anchor)
    built = time.perf_counter() - started
    if engine.dialect.name == "postgresql":
        plain = create_engine(engine.url, isolation_level="AUTOCOMMIT")  # VACUUM: no transaction
        with plain.connect() as conn:
            conn.execute(text("VACUUM ANALYZE"))
        plain.dispose()
    walls, cpus = [], []
    for _ in range(RUNS):
        started, cpu, kids = time.perf_counter(), time.process_time(), _children_cpu()
        report = verify_all(engine, [AnchorFile(anchor)])
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu + _children_cpu() - kids)
        assert report.ok, report.problems
        assert report.entries == entries
    engine.dispose()
    backend = url.split(":", 1)[0].split("+", 1)[0]
    print(f"{backend}: built in {built:.0f} s; verify {walls} s wall, {cpus} s CPU", flush=True)
    command = [sys.executable, "-m", "desktop.cli", "audit", "verify", "--database", url,
               "--anchor-file", str(anchor)]  # fmt: skip
    env = {**os.environ, "LOTLINE_CONFIG": str(_no_station(folder))}
    load = os.getloadavg()[0]
    before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    whole = time.perf_counter() - started
    child_cpu = _children_cpu() - before
    assert done.returncode == 0, done.stdout + done.stderr
    return {
        "backend": backend,
        **shape,
        "build_s": round(built, 1),
        "verify_s": round(statistics.median(walls), 2),
        "verify_cpu_s": round(statistics.median(cpus), 2),
        "command_s": round(whole, 2),
        "command_cpu_s": round(child_cpu, 2),
        "load": load,
    }


def _children_cpu() -> float:
    """CPU seconds of the finished child processes (verify's parallel parts, the command)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _no_station(folder: Path) -> Path:
    path = folder / "station.toml"
    path.write_text('station = "bench"\n', encoding="utf-8")
    return path


def report_text(rows: list[dict[str, Any]], entries: int) -> str:
    lines = [
        "## Audit trail verification",
        "",
        f"Measured {machine()}; `nice -n 10 .venv/bin/python -m bench.bench_audit_verify "
        f"--entries {entries}`.",
        f"{entries:,} chained audit entries (a third of them events with their event rows, "
        f"{UNITS:,} units), a signed checkpoint every {PER_COMMIT} entries in the database and "
        "in the anchor file. `verify` is `db.audit_verify.verify_all` in the process (chain, "
        "checkpoints, anchor file tail, events and items accounted for); `command` is "
        "`lotline audit verify --database URL --anchor-file FILE` as a new process, start-up "
        f"included. Goal: {entries:,} entries in at most {GOAL_SECONDS:.0f} s.",
        "",
        "| database | entries | events | checkpoints | verify: wall (s) | verify: CPU (s) "
        "| command: wall (s) | command: CPU (s) | goal | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for r in rows:
        verdict = "meets" if r["command_s"] <= GOAL_SECONDS else "MISSES"
        lines.append(
            f"| {r['backend']} | {r['entries']:,} | {r['events']:,} | {r['checkpoints']:,} | "
            f"{r['verify_s']:.2f} | {r['verify_cpu_s']:.2f} | {r['command_s']:.2f} | "
            f"{r['command_cpu_s']:.2f} | {verdict} | {r['load']:.2f} |"
        )
    lines += [
        "",
        f"verify: median of {RUNS} runs. CPU: seconds of CPU used by Lotline's processes (the "
        "chain is walked in two parallel parts on Linux, so CPU can exceed wall time on an idle "
        "machine; on PostgreSQL the server's share is not counted); load: the 1-minute load "
        "average when the command ran (2 CPUs shared with other work: wall time far above CPU "
        "time is time spent waiting for a CPU).",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    p.add_argument("--entries", type=int, default=1_000_000)
    p.add_argument("--no-postgres", action="store_true")
    p.add_argument("--no-report", action="store_true", help="print, do not write the docs")
    args = p.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="lotline-bench-audit-") as tmp:
        folder = Path(tmp)
        rows.append(measure(f"sqlite:///{folder / 'bench.sqlite'}", args.entries, folder))
        print(rows[-1], flush=True)
        if not args.no_postgres:
            with fresh_postgres() as url:
                rows.append(measure(url, args.entries, folder))
                print(rows[-1], flush=True)
    text_ = report_text(rows, args.entries)
    if args.no_report:
        print(text_)
    else:
        write_section("audit-verify", text_)
    return 0


if __name__ == "__main__":
    sys.exit(main())
