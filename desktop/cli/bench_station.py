"""`lotline bench station [--units N] [--database URL | --no-postgres] [--json]`: scan-to-screen
latency of the operator station, on SQLite and on PostgreSQL.

For each database the station program runs offscreen (``python -m desktop --bench-latency N``:
simulated devices behind pseudo-terminals, the real drivers, a keyboard wedge fed keystrokes)
and takes every unit's three scans: the unit (a lookup) and two components (each a recorded
consume event). Each scan is timed from the last byte on the wire (serial scanner) or the last
keystroke (keyboard wedge) to the event committed and to the result shown. SQLite: a fresh
temporary file. PostgreSQL: a fresh database on the server of LOTLINE_BENCH_PG_URL (default:
postgres@127.0.0.1:5432), dropped afterwards. Goal: p99 <= 50 ms on both, database on the
same machine.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from desktop.cli.common import EXIT_FAIL, EXIT_OK

GOAL_P99_MS = 50.0
PG_SERVER = os.environ.get(
    "LOTLINE_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def register_bench(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "station", help="scan-to-screen latency of the operator station (goal p99 <= 50 ms)"
    )
    parser.add_argument("--units", type=int, default=100, help="units built (3 scans each)")
    parser.add_argument("--database", metavar="URL", help="only this database (default: both)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(handler=run)


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0..100): the smallest value with at least pct % of
    the samples at or below it."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(pct / 100.0 * len(ordered))))
    return ordered[rank - 1]


def figures(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """p50/p99 (ms) per scanner path: recorded scans to commit and to screen, lookups to screen."""
    out: dict[str, Any] = {}
    for path in ("serial", "wedge", "all"):
        mine = [s for s in samples if path in ("all", s["path"])]
        consume = [s for s in mine if s["kind"] == "consume"]  # not a code: a sample kind
        load = [s for s in mine if s["kind"] == "load"]
        row: dict[str, Any] = {"scans": len(mine)}
        for name, values in (
            ("commit", [s["commit_ms"] for s in consume if s["commit_ms"] is not None]),
            ("shown", [s["shown_ms"] for s in consume]),
            ("lookup_shown", [s["shown_ms"] for s in load]),
        ):
            if values:
                row[name] = {
                    "n": len(values),
                    "p50_ms": round(percentile(values, 50), 1),
                    "p99_ms": round(percentile(values, 99), 1),
                    "max_ms": round(max(values), 1),
                }
        out[path] = row
    every = [s["shown_ms"] for s in samples]
    out["p99_ms"] = round(percentile(every, 99), 1) if every else None
    out["meets_goal"] = bool(every) and percentile(every, 99) <= GOAL_P99_MS
    return out


@contextmanager
def fresh_postgres(server: str = PG_SERVER) -> Iterator[str]:
    """A new empty database on the PostgreSQL server, dropped afterwards."""
    name = f"lotline_latency_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_on(database: str | None, units: int) -> dict[str, Any]:
    """The station program's latency run on ``database`` (None: a temporary SQLite file)."""
    command = [sys.executable, "-m", "desktop", "--bench-latency", str(units)]
    if database:
        command += ["--database", database]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("LOTLINE_CONFIG", None)  # the bench station is the built-in simulated one
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=3600)
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or ["(no message)"]
        raise RuntimeError(f"the station's latency run failed: {last[0]}")
    raw = json.loads(done.stdout.strip().splitlines()[-1])
    return {"database": raw["database"], "units": raw["units"]} | figures(raw["samples"])


def run(args: argparse.Namespace) -> int:
    results: list[dict[str, Any]] = []
    try:
        if args.database:
            results.append(run_on(args.database, args.units))
        else:
            results.append(run_on(None, args.units))
            if not args.no_postgres:
                with fresh_postgres() as url:
                    results.append(run_on(url, args.units))
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        print(f"lotline: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except SQLAlchemyError as exc:  # the PostgreSQL server: not reachable, no rights
        print(
            f"lotline: PostgreSQL at {PG_SERVER}: {exc.__class__.__name__}; set "
            "LOTLINE_BENCH_PG_URL to a server where a new database may be made, or --no-postgres",
            file=sys.stderr,
        )
        return EXIT_FAIL
    if args.json:
        print(json.dumps({"goal_p99_ms": GOAL_P99_MS, "results": results}, indent=2))
        return EXIT_OK
    for r in results:
        print(f"{r['database']}: {r['units']} units, {r['all']['scans']} scans")
        for path in ("serial", "wedge"):
            row = r[path]
            for name in ("commit", "shown", "lookup_shown"):
                if name in row:
                    f = row[name]
                    print(
                        f"  {path:6} {name:12} p50 {f['p50_ms']:7.1f} ms  "
                        f"p99 {f['p99_ms']:7.1f} ms  (n={f['n']})"
                    )
        verdict = "meets" if r["meets_goal"] else "MISSES"
        print(f"  every scan to screen: p99 {r['p99_ms']} ms ({verdict} <= {GOAL_P99_MS:g} ms)")
    return EXIT_OK
