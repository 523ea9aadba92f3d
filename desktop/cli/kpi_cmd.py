"""`lotline kpi`: the dashboard's figures for reports, and the records behind one figure.

- kpi [--hours H] [--panel P ...] [--json]: every panel of the dashboard (or those named): its
  headline and figures over the last H hours (default 24); open records whatever their age
- kpi --records KEY [--hours H] [--json | --csv FILE]: the records behind the figure KEY (as
  `kpi` shows it in brackets and `kpi --json` under "key", e.g. "first_pass_yield:per_step:5")

P is a panel's code: wip, output, first_pass_yield, scrap_rework, open_ncrs, holds_in_force,
awaiting_release, label_reconciliation, device_health, trace_coverage, recall_response.
The password of --by is the first line on stdin; the person needs the right to view the plant
dashboard (QC inspectors and supervisors).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, add_by, add_database, log_in, open_engine, set_handler
from desktop.domain.insight import Panel
from desktop.services import insight
from desktop.services.core.context import Context


def _show(view: insight.PanelView) -> None:
    mark = "!" if view.alert else " "
    print(f"{mark} {view.panel.words}: {view.headline}")
    for figure in view.figures:
        flag = "!" if figure.alert else " "
        target = f" (target {figure.target:g})" if figure.target is not None else ""
        note = f"  {figure.note}" if figure.note else ""
        print(f"    {flag} {figure.label}: {figure.value:g}{target}{note}  [{figure.key}]")
    if view.figures_total is not None and view.figures_total > len(view.figures):
        print(f"      ... {view.figures_total} in all")


def _kpi(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    return _records(ctx, args) if args.records else _panels(ctx, args)


def _panels(ctx: Context, args: argparse.Namespace) -> int:
    if args.json:
        data: dict[str, Any] = insight.kpis(ctx, hours=args.hours)
        if args.panel:
            data = {k: v for k, v in data.items() if k == "window" or k in args.panel}
        print(json.dumps(data, default=str, indent=2, ensure_ascii=False))
        return EXIT_OK
    panels = [Panel(p) for p in args.panel] if args.panel else list(Panel)
    print(f"the last {args.hours} h (open records whatever their age)")
    for view in insight.dashboard(ctx, panels=panels, hours=args.hours):
        _show(view)
    return EXIT_OK


def _text(value: insight.Cell) -> str:
    """A cell for a report: a time in UTC (ISO 8601 in JSON), words as they are."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return value


def _json(value: insight.Cell) -> str:
    return value.isoformat() if isinstance(value, datetime) else value


def _records(ctx: Context, args: argparse.Namespace) -> int:
    found = insight.figure_records(ctx, args.records, hours=args.hours)
    columns = [str(c) for c in found.columns]
    listed = [[_text(v) for v in row] for row in found.rows]
    if args.json:
        rows = [
            {
                c: v.isoformat() if isinstance(v, datetime) else v
                for c, v in zip(columns, row, strict=True)
            }
            for row in found.rows
        ]
        data = {"title": str(found.title), "total": found.total, "rows": rows}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif args.csv:
        path = Path(args.csv)
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            writer.writerows(listed)
        print(f"{len(found.rows)} of {found.total} records of {found.title} written to {path}")
    else:
        print(f"{found.title}: {found.total} record(s)")
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(listed)
        if found.total > len(found.rows):
            print(f"... the first {len(found.rows)} of {found.total}")
    return EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "kpi",
        help="the dashboard's figures for reports, and the records behind one",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_database(parser)
    add_by(parser)
    parser.add_argument(
        "--hours",
        type=int,
        default=insight.DEFAULT_WINDOW_HOURS,
        metavar="H",
        help=f"the window counted (1 to {insight.MAX_WINDOW_HOURS} hours)",
    )
    parser.add_argument(
        "--panel",
        action="append",
        choices=[str(p) for p in Panel],
        metavar="P",
        help="only this panel (repeatable)",
    )
    parser.add_argument("--records", metavar="KEY", help="the records behind this figure")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="machine-readable")
    shape.add_argument("--csv", metavar="FILE", help="--records: write them to a CSV file")
    set_handler(parser, _kpi)
