"""`lotline workorder create | release | commission | list | close | import`: planning from a
script or an ERP. Writes need ``--by USER`` (password on stdin, first line) and are audited;
the CSV import checks every row before it writes any (problems as "file, line N, field F")."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    BadInput,
    add_by,
    add_database,
    log_in,
    open_engine,
    set_handler,
    system_context,
)
from desktop.services import production


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f'--due "{text}" is not a date: give it as YYYY-MM-DD') from None


def _create(args: argparse.Namespace) -> int:
    due = _date(args.due)
    ctx, _, _ = log_in(open_engine(args), args.by)
    wo = production.create_work_order(ctx, args.number, args.product, args.quantity, args.lot, due)
    lot = wo.lot or "generated at release"
    print(f"work order {wo.number}: {wo.quantity} x {wo.product_name}, lot {lot}, {wo.status}")
    return EXIT_OK


def _release(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    wo = production.release_work_order(ctx, args.number)
    print(f"work order {wo.number} released: lot {wo.lot}")
    return EXIT_OK


def _commission(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    made = production.commission_serials(ctx, args.number, count=args.count, prefix=args.prefix)
    print(
        f"work order {made.work_order}: {made.count} serials commissioned, "
        f"{made.first_serial} to {made.last_serial} (lot {made.lot})"
    )
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    engine = open_engine(args, must_exist=True)
    ctx = system_context(engine, "workorder-list")
    orders = production.open_work_orders(ctx)
    for o in orders:
        due = o.due_on.isoformat() if o.due_on else "-"
        c = o.counts
        print(
            f"{o.number:<14} {o.status.value:<9} due {due:<10} {o.quantity:>5} x {o.product} "
            f"({o.route}) lot {o.lot or '-'}: made {c.commissioned}, built {c.built}, "
            f"scrapped {c.scrapped}, open {c.open}"
        )
        if args.steps:
            for s in o.steps:
                print(f"    step {s.position} {s.name}: {s.passed} passed")
    if not orders:
        print("no open work orders")
    return EXIT_OK


def _close(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    c = production.close_work_order(ctx, args.number, args.reason or "")
    print(
        f"work order {args.number} closed: ordered {c.quantity}, made {c.commissioned}, "
        f"built {c.built}, scrapped {c.scrapped}, open {c.open}"
    )
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    try:
        made = production.import_work_orders(ctx, args.file)
    except production.ImportInvalid as bad:
        print(f"lotline: {bad.message}")
        return EXIT_FAIL
    print(f"{made} work orders created from {args.file}")
    return EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser("workorder", help="work orders: create, release, list, close, import")
    actions = parser.add_subparsers(dest="wo_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="a work order from a product's released route")
    create.add_argument("number")
    create.add_argument("product", help="the product's GTIN or exact name")
    create.add_argument("quantity", type=int)
    create.add_argument("--due", metavar="DATE", help="due date YYYY-MM-DD")
    create.add_argument("--lot", help="the lot number (default: generated at release)")
    release = actions.add_parser("release", help="release to the floor (makes the lot)")
    release.add_argument("number")
    commission = actions.add_parser("commission", help="commission serials of a released order")
    commission.add_argument("number")
    commission.add_argument("count", type=int)
    commission.add_argument("--prefix", help="serial prefix (default SN-)")
    close = actions.add_parser("close", help="close with its reconciliation")
    close.add_argument("number")
    close.add_argument("--reason", help="needed when units are open or fewer were made")
    imp = actions.add_parser("import", help="work orders from a CSV file (all or none)")
    imp.add_argument("file", help="columns: number, product, quantity, due, lot")
    for p, handler in (
        (create, _create),
        (release, _release),
        (commission, _commission),
        (close, _close),
        (imp, _import),
    ):
        add_by(p)
        add_database(p)
        set_handler(p, handler)
    lst = actions.add_parser("list", help="open work orders with their progress")
    lst.add_argument("--steps", action="store_true", help="progress per route step")
    add_database(lst)
    set_handler(lst, _list)
