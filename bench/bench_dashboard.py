"""The plant dashboard at a plant's size: `lotline bench dashboard` on PostgreSQL and on SQLite
over a year of synthetic production; figures to docs/benchmarks.md.

Run from the repository root: ``python -m bench.bench_dashboard [--units N] [--runs R] [--keep]``.
PostgreSQL: database ``lotline_bench_dash`` on 127.0.0.1:5432 (user postgres), created if
missing and dropped afterwards unless --keep. SQLite: a file under /tmp, deleted afterwards
unless --keep. A kept data set is reused by the next run (generating one takes tens of minutes).
Each database's figures are kept in /tmp/lotline-bench-dash-N.json: with --only, the other
database's last figures stand beside the new ones (each with its own time and load).
The data set: bench/generate.py's units, genealogy, packing and shipments, then
bench/generate_dashboard.py's year of route steps, labels, NCRs, holds, devices and recalls
(about 5,000,000 events at 1,000,000 units). Each panel is timed through the use case a
dashboard station calls, at the data set's fixed present (``--now``), over the last 24 hours.
Goal at 1,000,000 units and 5,000,000 events: each panel <= 200 ms at the 95th percentile.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text

from bench._databases import on_postgresql, on_sqlite
from bench._report import machine, write_section
from bench.generate_dashboard import BENCH_PASSWORD, BENCH_USER, NOW

PG_NAME = "lotline_bench_dash"
GOAL_P95_MS = 200.0
ROOT = Path(__file__).resolve().parent.parent


def _has_data(url: str) -> bool:
    engine = create_engine(url)
    try:
        if not inspect(engine).has_table("routes"):
            return False
        with engine.connect() as conn:
            return bool(conn.scalar(text("SELECT 1 FROM routes WHERE name LIKE 'Bench route %'")))
    finally:
        engine.dispose()


def _load() -> str:
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "unknown"


def _bench(url: str, units: int, runs: int) -> dict[str, Any]:
    if not _has_data(url):
        command = [sys.executable, "-m", "bench.generate_dashboard", "--units", str(units),
                   "--database", url]  # fmt: skip
        print(f"$ {' '.join(command[1:])}", file=sys.stderr)
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    command = [sys.executable, "-m", "desktop.cli", "bench", "dashboard", "--database", url,
               "--by", BENCH_USER, "--now", NOW.isoformat(), "--runs", str(runs),
               "--json"]  # fmt: skip
    print(f"$ {' '.join(command[1:])}", file=sys.stderr)
    load = _load()
    done = subprocess.run(
        command, cwd=ROOT, input=BENCH_PASSWORD + "\n", stdout=subprocess.PIPE, text=True,
        check=True,
    )  # fmt: skip
    figures: dict[str, Any] = json.loads(done.stdout)
    figures["load"] = f"{load} -> {_load()}"
    figures["at"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(json.dumps(figures), file=sys.stderr)
    return figures


def run_postgresql(units: int, runs: int, keep: bool) -> dict[str, Any]:
    return on_postgresql(PG_NAME, keep, lambda url: _bench(url, units, runs))


def run_sqlite(units: int, runs: int, keep: bool) -> dict[str, Any]:
    path = Path(f"/tmp/lotline-bench-dash-{units}.sqlite")
    return on_sqlite(path, keep, lambda url: _bench(url, units, runs))


def _cell(row: dict[str, Any]) -> str:
    return f"{row['p50_ms']} / {row['p95_ms']}"


def _records(row: dict[str, Any]) -> str:
    if "records_key" not in row:
        return "-"
    return f"{row['records_p50_ms']} / {row['records_p95_ms']} ({row['records_total']:,})"


def markdown(results: dict[str, dict[str, Any]], units: int, runs: int) -> str:
    names = list(results)
    first = results[names[0]]
    panels = list(first["panels"])
    lines = [
        "## Plant dashboard (each panel at 1,000,000 units)",
        "",
        f"`python -m bench.bench_dashboard --units {units} --runs {runs}`: {machine()};"
        f" {os.cpu_count()} CPUs shared with other jobs; load average (1 min) before -> after"
        " each database's runs: " + "; ".join(f"{n} {results[n]['load']}" for n in names) + ".",
        "Data: `bench/generate.py` then `bench/generate_dashboard.py` (a year of production: "
        + "; ".join(
            f"{n} {results[n]['units']:,} units, {results[n]['events']:,} events" for n in names
        )
        + f"). Each panel through `insight.dashboard_panel` (its own read-only transaction, the"
        f" permission read from the database) at the data set's present {first['now']}, window"
        f" 24 h; p50 / p95 in ms over {runs} runs after one warm-up. Records: the rows behind"
        " the panel's first figure with a value (`insight.figure_records`), p50 / p95 over 5"
        " runs, and how many there are.",
        "",
        "| panel | "
        + " | ".join(f"{n} p50 / p95 ms" for n in names)
        + " | goal p95 <= 200 ms | "
        + " | ".join(f"{n} records p50 / p95 ms (rows)" for n in names)
        + " |",
        "|---|" + "---|" * (2 * len(names) + 1),
    ]
    for panel in panels:
        rows = [results[n]["panels"][panel] for n in names]
        missed = [n for n, row in zip(names, rows, strict=True) if row["p95_ms"] > GOAL_P95_MS]
        verdict = "met" if not missed else "missed on " + ", ".join(missed)
        lines.append(
            f"| {panel} | " + " | ".join(_cell(r) for r in rows) + f" | {verdict} | "
            + " | ".join(_records(r) for r in rows) + " |"
        )  # fmt: skip
    if any(results[n]["panels"][panel]["p95_ms"] > GOAL_P95_MS for n in names for panel in panels):
        lines += [
            "",
            "Where a missed panel's time goes and what would bring it under the goal:"
            ' docs/dashboard.md ("At a plant\'s size").',
        ]
    lines += ["", "Headlines at that present (the same on both databases):", ""]
    lines += [f"- {panel}: {first['panels'][panel]['headline']}" for panel in panels]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the generated databases")
    parser.add_argument(
        "--only",
        choices=("postgresql", "sqlite"),
        help="run one database (the other's figures of its last run, if any, shown beside)",
    )
    args = parser.parse_args(argv)
    saved = Path(f"/tmp/lotline-bench-dash-{args.units}.json")
    # with --only, the other database's figures of its last run stand beside this one's
    results: dict[str, dict[str, Any]] = (
        json.loads(saved.read_text(encoding="utf-8")) if args.only and saved.exists() else {}
    )
    if args.only in (None, "postgresql"):
        results["PostgreSQL"] = run_postgresql(args.units, args.runs, args.keep)
    if args.only in (None, "sqlite"):
        results["SQLite"] = run_sqlite(args.units, args.runs, args.keep)
    results = {name: results[name] for name in ("PostgreSQL", "SQLite") if name in results}
    saved.write_text(json.dumps(results), encoding="utf-8")
    report = markdown(results, args.units, args.runs)
    write_section("dashboard", report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
