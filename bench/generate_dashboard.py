"""Synthetic dashboard data on top of bench/generate.py's data set: a year of route steps and
what the plant dashboard reads, so that the events reach about 5,000,000 at 1,000,000 units.

SYNTHETIC DATA FOR BENCHMARKS ONLY. Rows go straight into the tables of the real schema,
bypassing the services (no audit trail, no permissions, no signatures), as bench/generate.py
does. The data set's "now" is fixed (``NOW``): pass it as ``now=`` to the dashboard's use cases.

What it adds (at 1,000,000 units):
- two routes of four steps (scan components, weigh or leak test, functional test, UDI label) for
  the generated products, their bills of materials, four line stations with a scanner, a scale
  and a printer each;
- for every unit of bench/generate.py, spread evenly over the year before the last 36 hours:
  one passing event per step (the label step is the label's verification), one label print
  event and its print job (verified; 0.4 % voided and reprinted, 0.1 % failed and printed
  again), about 3 % failed attempts at the weigh/leak or functional test (retried and passed),
  and an NCR for each failed functional test (opened, dispositioned to rework or use as is,
  closed; those of the last ten days partly still open); the units' current step is the
  route's last (they were built, packed and shipped);
- the last 36 hours: eight new work orders of 500 units at the plant's pace (about 110 an
  hour): the first five completed and awaiting release, the others released with a due date
  and their units in process at every step (work in progress), their components linked (one
  unit in 256 lacks its tube: a coverage gap), failed units scrapped when their NCR says so;
- a label reconciliation per lot two hours after its last label, holds on lots every two days
  (released after one to three days, those of the last two weeks partly in force), monthly
  scale calibrations (one due soon, one overdue), an hourly device health report per device,
  three recalls (two closed lots, and the broad seal lot of about 200,000 units still being
  notified); a supervisor ``bench-supervisor`` (password ``BENCH_PASSWORD``) and a dashboard
  station ``BENCH-DASHBOARD`` for the bench to log in with.

Loading: bench.generate's Loader (COPY on PostgreSQL, executemany on SQLite). On a database
without items it runs bench.generate.generate first; it refuses one that already holds the
dashboard data. Run: ``python -m bench.generate_dashboard --units N --database URL``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence

from sqlalchemy import Engine, func, select, text, update

from bench import generate as base
from bench._loading import Loader, Progress, after_load
from bench.dashboard_data.health import health_rows
from bench.dashboard_data.master import (
    BENCH_PASSWORD,
    BENCH_STATION,
    BENCH_USER,
    master_data,
    read_ids,
)
from bench.dashboard_data.production import (
    JOB_COLS,
    UNIT_COLS,
    link_rows,
    print_job_rows,
    recent_item_rows,
    unit_event_rows,
)
from bench.dashboard_data.quality import (
    NCR_COLS,
    hold_plan,
    hold_rows,
    ncr_event_rows,
    ncr_rows,
    other_event_rows,
    plan_ncrs,
)
from bench.dashboard_data.recalls import plan_recalls, recall_item_rows
from bench.dashboard_data.world import EVENT_COLS, NOW, RECENT_ORDERS, STEP_AT, World
from bench.generate import Codec, Plan
from db.engine import make_engine
from db.migrate import upgrade
from db.models import Item, Route
from db.resilience import Timeouts
from desktop.domain.states import ItemKind

__all__ = ["BENCH_PASSWORD", "BENCH_STATION", "BENCH_USER", "NOW", "add_dashboard", "main"]

#: A COPY of 5,000,000 events is one statement: far longer than a station's statement timeout.
LOADING = Timeouts(statement_s=3600.0, idle_in_transaction_s=3600.0, grace_s=60.0)

TABLES = (
    "items",
    "links",
    "print_jobs",
    "nonconformances",
    "holds",
    "recall_items",
    "device_health_reports",
)


def _first_ids(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: (conn.scalar(text(f"SELECT MAX(id) FROM {t}")) or 0) + 1 for t in TABLES}


def _base_layout(engine: Engine, units: int, seed: int) -> Plan:
    plan = Plan(units, seed)
    with engine.connect() as conn:
        first = conn.scalar(select(func.min(Item.id))) or 1
        plan.layout(first)
        serial = conn.scalar(select(Item.serial).where(Item.id == plan.base["units"] + units - 1))
    if serial != f"S{units - 1:09d}":
        raise RuntimeError(
            f"the database holds no bench/generate.py data set of {units} units (seed {seed})"
        )
    return plan


def _align_base(engine: Engine) -> None:
    """bench/generate.py's units have passed their route's four steps. (Its events keep the
    loading's clock in db_time, after NOW: events are append-only, and no panel counts them.)"""
    with engine.begin() as conn:
        conn.execute(
            update(Item)
            .where(Item.kind == ItemKind.UNIT, Item.work_order_id.is_not(None))
            .values(current_step=len(STEP_AT))
        )


def add_dashboard(
    engine: Engine, units: int, *, seed: int = 7, progress: bool = True
) -> dict[str, int]:
    """Add the dashboard's data to a bench/generate.py data set of ``units`` units."""
    upgrade(engine)
    with engine.connect() as conn:
        if conn.scalar(select(Route.id).where(Route.name.like("Bench route %"))):
            raise RuntimeError("the database already holds the dashboard's bench data")
    plan = _base_layout(engine, units, seed)
    ids = read_ids(engine, plan)
    first = _first_ids(engine)
    made = master_data(engine, plan, ids)
    rng = random.Random(seed + 5)
    all_units = units + RECENT_ORDERS * plan.wo_size
    w = World(
        plan,
        ids,
        Codec(engine.dialect.name),
        engine.dialect.name == "postgresql",
        made["steps"],
        made["stations"],
        made["devices"],
        made["version"],
        made["recent_orders"],
        first,
        rng.randbytes(all_units),
        rng.randbytes(all_units),
    )
    plan_ncrs(w)
    plan_recalls(engine, w)
    holds = hold_plan(w)
    _align_base(engine)
    loader = Loader(engine, Progress(int(all_units * 8.5), progress))
    if loader.pg:  # rows consistent by construction: no foreign key check per row (superuser)
        loader.conn.execute("SET LOCAL session_replication_role = replica")
    try:
        loader.write("items", UNIT_COLS, recent_item_rows(w))
        loader.write("events", EVENT_COLS, unit_event_rows(w))
        loader.write("events", EVENT_COLS, ncr_event_rows(w))
        loader.write("events", EVENT_COLS, other_event_rows(w, holds))
        loader.write("links", base.LINK_COLS, link_rows(w))
        loader.write("print_jobs", JOB_COLS, print_job_rows(w))
        loader.write("nonconformances", NCR_COLS, ncr_rows(w))
        loader.write(
            "holds",
            (
                "id",
                "item_id",
                "reason",
                "ncr_id",
                "placed_by",
                "placed_at",
                "released_by",
                "released_at",
                "release_reason",
            ),
            hold_rows(w, holds),
        )
        loader.write(
            "recall_items",
            (
                "id",
                "recall_id",
                "item_id",
                "state_at_scope",
                "customer_id",
                "site_id",
                "notified_at",
                "returned_at",
                "disposition",
            ),
            recall_item_rows(w),
        )
        loader.write(
            "device_health_reports",
            (
                "id",
                "station_id",
                "device_id",
                "device",
                "period_start",
                "period_end",
                "readings",
                "refused",
                "reconnects",
                "created_at",
            ),
            health_rows(w),
        )
    except BaseException:
        loader.raw.close()
        raise
    loader.finish()
    loader.progress.close()
    after_load(engine, TABLES)
    with engine.connect() as conn:
        events = conn.scalar(text("SELECT COUNT(*) FROM events")) or 0
    return {**loader.counts, "events_total": int(events), "units_total": all_units}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate_dashboard", description=__doc__)
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--database", required=True, metavar="URL")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    engine = make_engine(args.database, timeouts=LOADING)
    started = time.perf_counter()
    counts: dict[str, int] = {}
    upgrade(engine)
    with engine.connect() as conn:
        empty = not conn.scalar(select(func.count()).select_from(Item))
    if empty:
        counts = base.generate(engine, args.units, seed=args.seed, progress=not args.quiet)
    counts |= add_dashboard(engine, args.units, seed=args.seed, progress=not args.quiet)
    print({**counts, "seconds": round(time.perf_counter() - started, 1)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
