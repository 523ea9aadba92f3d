"""`lotline recall open|status|notify|return|disposition|close`: run a recall campaign.

- open SCOPE --reason TEXT: open a recall on the forward scope of a component lot, lot or unit
- list [--json]: every recall, open first, with its figures
- status NUMBER [--json]: KPI times, counts per state, customers to notify, affected items
- notify NUMBER (--customer CODE [--site GLN|NAME] | --unit SCAN ...) [--note WHO-HOW]: record
  that customers (at one of their sites) were notified
- return NUMBER --unit SCAN ...: record units returned
- disposition NUMBER --unit SCAN ... --as DISPOSITION --reason TEXT
- close NUMBER: close (every item dispositioned), signed "Recall closed"

The password of --by is the first line on stdin; close uses it again for the signature.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from desktop.cli.common import EXIT_OK, add_by, add_database, log_in, open_engine, set_handler
from desktop.domain.distribution import RecallDisposition
from desktop.reports.recall_model import RecallUpdate, RecallView
from desktop.services import recall


def _span(value: timedelta | None) -> str:
    return "-" if value is None else str(value).split(".")[0]


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S UTC") if value else "-"


def show(view: RecallView) -> None:
    print(f"{view.number} ({view.status.words}) on {view.scope}: {view.reason}")
    print(f"  opened {_when(view.opened_at)} by {view.opened_by}")
    print(
        f"  scope known after {_span(view.time_to_scope)}; closed after {_span(view.time_to_close)}"
    )
    states = ", ".join(f"{k.words} {n}" for k, n in view.by_state.items() if n)
    print(f"  {view.items_total} item(s): {states or 'none'}")
    print(
        f"  notified {view.notified}, returned {view.returned}, dispositioned {view.dispositioned}"
    )
    for c in view.customers:
        where = f", {c.site} (GLN {c.site_gln})" if c.site else ""
        print(f"  notify {c.code} {c.name}{where}: {c.items} item(s), {c.notified} notified")
    for i in view.items:
        who = f" at {i.customer_code}" if i.customer_code else ""
        done = i.disposition.words if i.disposition else "-"
        print(f"    {i.item}: {i.state_at_scope.words}{who}; disposition {done}")
    if view.closing:
        print(f"  closed: {view.closing.text()}")


def _open(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    show(recall.open_recall(ctx, args.scope, args.reason))
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    view = recall.recall_status(ctx, args.number, limit=args.limit)
    if args.json:
        data = asdict(view) | {"time_to_scope_s": _seconds(view.time_to_scope)}
        data["time_to_close_s"] = _seconds(view.time_to_close)
        print(json.dumps(data, default=str, indent=2))
    else:
        show(view)
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    views = recall.recalls(ctx)
    if args.json:
        print(json.dumps([asdict(v) for v in views], default=str, indent=2))
        return EXIT_OK
    for v in views:
        print(
            f"{v.number} ({v.status.words}) on {v.scope}: {v.items_total} item(s), "
            f"notified {v.notified}, returned {v.returned}, dispositioned {v.dispositioned}; "
            f"scope known after {_span(v.time_to_scope)}"
        )
    if not views:
        print("no recall yet")
    return EXIT_OK


def _seconds(value: timedelta | None) -> float | None:
    return None if value is None else value.total_seconds()


def _done(update: RecallUpdate) -> int:
    did = update.action.words
    print(f"{update.number}: {did} {len(update.changed)}: {', '.join(update.changed)}")
    if update.skipped:
        print(f"  already {did}: {', '.join(update.skipped)}")
    return EXIT_OK


def _notify(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    units = args.unit or []
    return _done(
        recall.record_notification(
            ctx, args.number, units, customer=args.customer, site=args.site, note=args.note or ""
        )
    )


def _return(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    return _done(recall.record_return(ctx, args.number, args.unit))


def _disposition(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    return _done(recall.record_disposition(ctx, args.number, args.unit, args.as_, args.reason))


def _close(args: argparse.Namespace) -> int:
    ctx, login, password = log_in(open_engine(args), args.by)
    show(recall.close_recall(ctx, login, args.number, password, args.by, args.note or ""))
    return EXIT_OK


def _action(actions: Any, name: str, text: str, handler: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser(name, help=text)
    if name not in ("open", "list"):  # not a code: the subcommands
        parser.add_argument("number", metavar="NUMBER", help="the recall number (RCL-000001)")
    add_by(parser)
    add_database(parser)
    set_handler(parser, handler)
    return parser


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "recall",
        help="recall campaigns",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="recall_action", metavar="ACTION", required=True)
    opened = _action(
        actions,
        "open",  # not a code: a subcommand
        "open a recall on a lot's or unit's forward scope",
        _open,
    )
    opened.add_argument("scope", metavar="SCOPE", help="component lot, lot or unit (a scan)")
    opened.add_argument("--reason", required=True)
    listed = _action(actions, "list", "every recall, open first", _list)
    listed.add_argument("--json", action="store_true")
    status = _action(actions, "status", "where a recall stands", _status)
    status.add_argument("--json", action="store_true")
    status.add_argument("--limit", type=int, default=500, metavar="N", help="items listed")
    notify = _action(actions, "notify", "record customers notified", _notify)
    notify.add_argument("--customer", metavar="CODE")
    notify.add_argument("--unit", action="append", metavar="SCAN")
    notify.add_argument("--site", metavar="GLN", help="only the customer's units at this site")
    notify.add_argument("--note", help="who was told, and how")
    back = _action(actions, "return", "record units returned", _return)  # not a code
    back.add_argument("--unit", action="append", metavar="SCAN", required=True)
    disp = _action(actions, "disposition", "record what became of units", _disposition)
    disp.add_argument("--unit", action="append", metavar="SCAN", required=True)
    disp.add_argument("--as", dest="as_", required=True, choices=RecallDisposition.values())
    disp.add_argument("--reason", required=True)
    close = _action(actions, "close", 'close, signed "Recall closed"', _close)
    close.add_argument("--note", help="closing note (the signature's reason)")
