"""`lotline bench dashboard --by USER [--database URL] [--now TIME] [--json]`: time each panel
of the plant dashboard, and the records behind one figure of each, over the database as it is.

The user logs in with the password on stdin (a supervisor or QC inspector: the panels need
Permission.DASHBOARD_VIEW). Each panel is read through ``insight.dashboard_panel`` (the use case
a dashboard station calls: its own transaction, the permission read from the database) once to
warm up, then ``--runs`` times; p50 and p95 in milliseconds. Then one figure per panel (the
first with a value) is opened with ``insight.figure_records``, ``--record-runs`` times.
``--now``: the end of the window (a synthetic data set's fixed present; default: now).
The data set: ``python -m bench.generate_dashboard`` (bench/bench_dashboard.py runs both).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Event, Item
from desktop.cli.bench_recall import _timed
from desktop.cli.common import EXIT_OK, add_by, add_database, log_in, open_engine, set_handler
from desktop.domain.insight import Panel
from desktop.domain.states import ItemKind
from desktop.services import insight
from desktop.services.core.context import Context


def register_bench(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "dashboard", help="time each dashboard panel and the records behind one of its figures"
    )
    add_database(parser)
    add_by(parser)
    parser.add_argument("--now", help="end of the window, ISO 8601 with a zone (default: now)")
    parser.add_argument("--hours", type=int, default=insight.DEFAULT_WINDOW_HOURS)
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each panel (30)")
    parser.add_argument("--record-runs", type=int, default=5, help="timed runs of records (5)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    set_handler(parser, _run)


def _ms(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return round(ordered[rank - 1], 1)


def _key(view: insight.PanelView) -> str | None:
    """The figure whose records the bench opens: the first with a value, else the first."""
    shown = [f for f in view.figures if f.value] or list(view.figures)
    return shown[0].key if shown else None


def measure(
    ctx: Context, now: datetime | None, hours: int, runs: int, record_runs: int
) -> dict[str, Any]:
    """Per panel: p50/p95 of the panel, its headline, and the records of one figure."""
    out: dict[str, Any] = {}
    for panel in Panel:

        def read(panel: Panel = panel) -> insight.PanelView:
            return insight.dashboard_panel(ctx, panel, hours=hours, now=now)

        samples, view = _timed(read, runs)
        figures: dict[str, Any] = {
            "p50_ms": _ms(samples, 50),
            "p95_ms": _ms(samples, 95),
            "max_ms": round(max(samples), 1),
            "headline": str(view.headline),
            "figures": len(view.figures),
        }
        key = _key(view)
        if key is not None:

            def opened(key: str = key) -> insight.Records:
                return insight.figure_records(ctx, key, hours=hours, now=now)

            record_samples, records = _timed(opened, record_runs)
            figures |= {
                "records_key": key,
                "records_total": records.total,
                "records_p50_ms": _ms(record_samples, 50),
                "records_p95_ms": _ms(record_samples, 95),
            }
        out[str(panel)] = figures
    return out


def _sizes(ctx: Context) -> dict[str, int]:
    with Session(ctx.engine) as s:
        built = Item.kind == ItemKind.UNIT, Item.product_id.is_not(None)
        units = s.scalar(select(func.count()).where(*built))
        events = s.scalar(select(func.count()).select_from(Event))
    return {"units": int(units or 0), "events": int(events or 0)}


def _run(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    ctx, _login, _password = log_in(engine, args.by)
    now = datetime.fromisoformat(args.now).astimezone(UTC) if args.now else None
    figures: dict[str, Any] = {"database": engine.dialect.name, "runs": args.runs}
    figures |= _sizes(ctx)
    figures["now"] = (now or datetime.now(UTC)).isoformat()
    figures["panels"] = measure(ctx, now, args.hours, args.runs, args.record_runs)
    engine.dispose()
    if args.json:
        print(json.dumps(figures))
    else:
        for panel, row in figures["panels"].items():
            print(f"{panel}: p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms; {row['headline']}")
    sys.stdout.flush()
    return EXIT_OK
