"""`lotline ship create|add|remove|note|confirm|pod|list`: shipments from scripts and ERPs.

- create CUSTOMER SITE: open a shipment for a customer's site (the site's name or GLN)
- add NUMBER SCAN [SCAN ...]: scan cases, pallets or units onto it; each is checked (released,
  labelled, closed, not held, not recalled, not shipped) and a refusal names why
- remove NUMBER SCAN: take one off again (open shipments only)
- note NUMBER --out FILE.pdf: write the packing list / delivery note
- confirm NUMBER: confirm it shipped (everything on it checked again)
- pod NUMBER --signed-by NAME --at YYYY-MM-DDTHH:MM[+ZZ:ZZ]: record the proof of delivery
- list [--status open|shipped]: shipments, newest first

Writes need --by USER (password on stdin, first line) and are audited.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    BadInput,
    add_by,
    add_database,
    log_in,
    open_engine,
    set_handler,
)
from desktop.domain.distribution import ShipmentStatus
from desktop.reports.delivery_note import render_delivery_note
from desktop.services import distribution
from desktop.services.distribution import ShipmentView


def show(view: ShipmentView) -> None:
    site = view.site or "-"
    shipped = f" {view.shipped_at:%Y-%m-%d %H:%M} UTC" if view.shipped_at else ""
    print(
        f"{view.number}\t{view.customer_code}\t{site}\t{view.status.value}{shipped}\t"
        f"{len(view.lines)} lines, {view.units} units"
    )
    if view.delivered_at is not None:
        print(f"  delivered {view.delivered_at:%Y-%m-%d %H:%M} UTC, signed by {view.received_by}")


def _create(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    show(distribution.open_shipment(ctx, args.customer, args.site))
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    view = None
    for scan in args.scan:
        view = distribution.add_to_shipment(ctx, args.number, scan)
        print(f"added {view.lines[-1].item}: {len(view.lines)} on {view.number}")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    view = distribution.remove_from_shipment(ctx, args.number, args.scan)
    print(f"removed: {len(view.lines)} on {view.number}")
    return EXIT_OK


def _note(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise BadInput(f"--out {args.out}: give a .pdf file")
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    note = distribution.delivery_note(ctx, args.number)
    try:
        render_delivery_note(note, out)
    except OSError as exc:
        raise BadInput(f"--out {args.out}: cannot write it ({exc.strerror or exc})") from None
    print(
        f"{note.number}: delivery note written to {out} ({note.containers} cases and pallets, "
        f"{note.units} units)"
    )
    return EXIT_OK


def _confirm(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    show(distribution.confirm_shipment(ctx, args.number))
    return EXIT_OK


def _when(text: str) -> datetime:
    try:
        at = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(
            f'--at "{text}" is not a time: give it as YYYY-MM-DDTHH:MM (UTC) or with its zone, '
            "e.g. 2026-12-05T09:30+08:00"
        ) from None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _pod(args: argparse.Namespace) -> int:
    at = _when(args.at)
    ctx, _, _ = log_in(open_engine(args), args.by)
    show(distribution.record_delivery(ctx, args.number, args.signed_by, at))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    status = ShipmentStatus(args.status) if args.status else None
    found = distribution.shipments(ctx, status)
    for view in found:
        show(view)
    if not found:
        print("no shipments" + (f" {args.status}" if args.status else ""))
    return EXIT_OK


def _finish(parser: argparse.ArgumentParser, handler: Any, *, number: bool = True) -> None:
    if number:
        parser.add_argument("number", metavar="NUMBER", help="the shipment's number (SHP-...)")
    add_by(parser)
    add_database(parser)
    set_handler(parser, handler)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "ship",
        help="shipments: open, scan onto, delivery note, confirm, proof of delivery",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="ship_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="open a shipment for a customer's site")
    create.add_argument("customer", metavar="CUSTOMER", help="the customer's code")
    create.add_argument("site", metavar="SITE", help="the site's name or GLN")
    _finish(create, _create, number=False)
    add = actions.add_parser("add", help="scan cases, pallets or units onto a shipment")
    add.add_argument("number", metavar="NUMBER")
    add.add_argument("scan", metavar="SCAN", nargs="+", help="an SSCC or a unit's serial")
    _finish(add, _add, number=False)
    remove = actions.add_parser("remove", help="take one off an open shipment")
    remove.add_argument("number", metavar="NUMBER")
    remove.add_argument("scan", metavar="SCAN")
    _finish(remove, _remove, number=False)
    note = actions.add_parser("note", help="write the packing list / delivery note (PDF)")
    note.add_argument("--out", required=True, metavar="FILE.pdf")
    _finish(note, _note)
    confirm = actions.add_parser("confirm", help="confirm the shipment shipped")
    _finish(confirm, _confirm)
    pod = actions.add_parser("pod", help="record the proof of delivery")
    pod.add_argument("--signed-by", required=True, metavar="NAME", help="who signed for it")
    pod.add_argument("--at", required=True, metavar="TIME", help="when, as on the signed note")
    _finish(pod, _pod)
    listed = actions.add_parser("list", help="shipments, newest first")
    listed.add_argument("--status", choices=[s.value for s in ShipmentStatus])
    _finish(listed, _list, number=False)
