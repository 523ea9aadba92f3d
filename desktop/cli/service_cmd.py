"""`lotline service record|return|replace`: after-sale records of a serialised unit from
scripts and service systems.

- record SERIAL KIND [--site SITE] [--notes TEXT]: an installation (at --site), service visit,
  repair or disposal
- return SERIAL --reason TEXT [--rma NUMBER]: the unit came back (RMA), with why
- replace SERIAL --old PART --new PART --reason TEXT: a repair that replaces a part: the old
  part's link is marked removed, the new part (its serial or its lot) is built into the unit

Writes need --by USER (password on stdin, first line) and are audited.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_OK, add_by, add_database, log_in, open_engine, set_handler
from desktop.domain.distribution import ServiceKind
from desktop.services import distribution
from desktop.services.distribution import ServiceView


def show(view: ServiceView) -> None:
    site = f" at {view.site}" if view.site else ""
    print(
        f"{view.unit}: {view.kind.value}{site} by {view.performed_by}, "
        f"{view.performed_at:%Y-%m-%d %H:%M} UTC; unit {view.status.value}"
        + (f"; {view.notes}" if view.notes else "")
    )


def _record(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    show(distribution.record_service_event(ctx, args.serial, args.kind, args.site, args.notes))
    return EXIT_OK


def _return(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    reason = " ".join(args.reason.split())
    notes = f"{args.rma}: {reason}" if args.rma else reason
    show(distribution.record_service_event(ctx, args.serial, ServiceKind.RETURN, None, notes))
    return EXIT_OK


def _replace(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    show(distribution.replace_part(ctx, args.serial, args.old, args.new, args.reason))
    return EXIT_OK


def _finish(parser: argparse.ArgumentParser, handler: Any) -> None:
    add_by(parser)
    add_database(parser)
    set_handler(parser, handler)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "service",
        help="after sale: installation, service, return (RMA), repair with parts, disposal",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="service_action", metavar="ACTION", required=True)
    record = actions.add_parser("record", help="an installation, service, repair or disposal")
    record.add_argument("serial", metavar="SERIAL", help="the unit's serial or UDI")
    record.add_argument("kind", metavar="KIND", choices=[k.value for k in ServiceKind])
    record.add_argument("--site", help="the customer site (name or GLN): needed to install")
    record.add_argument("--notes", default="", help="what was done")
    _finish(record, _record)
    back = actions.add_parser("return", help="the unit came back (RMA), with the reason")
    back.add_argument("serial", metavar="SERIAL")
    back.add_argument("--reason", required=True, help="why it came back")
    back.add_argument("--rma", metavar="NUMBER", help="the return authorisation number")
    _finish(back, _return)
    swap = actions.add_parser("replace", help="a repair that replaces a part")
    swap.add_argument("serial", metavar="SERIAL")
    swap.add_argument("--old", required=True, metavar="PART", help="the part taken out")
    swap.add_argument("--new", required=True, metavar="PART", help="the part fitted (serial/lot)")
    swap.add_argument("--reason", required=True, help="what was wrong")
    _finish(swap, _replace)
