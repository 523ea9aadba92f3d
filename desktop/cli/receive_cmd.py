"""`lotline receive receive|inspect|release|reject|list|label`: goods-in from scripts and ERPs.

- receive SCAN --supplier CODE --quantity N [--lot LOT] [--certificate FILE] [--serial S ...]:
  receive the lot the supplier's GS1 or HIBC label names into quarantine
- inspect LOT (--accept | --fail) [--notes TEXT] [--serial S] [--reading NAME=VALUE ...]: record
  the incoming inspection (of one piece with --serial), each reading held to the part's plan
- release LOT: release an inspected lot, signed "Material released for use"
- reject LOT --reason TEXT: reject a lot (never consumed)
- list [--status quarantine|released|rejected]: received lots, newest first
- label LOT --out FILE.zpl|FILE.png: Lotline's bin label of the lot, to send to a printer

The password of --by is the first line on stdin; release uses it again for the signature.
"""

from __future__ import annotations

import argparse
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
from desktop.domain.states import Status
from desktop.services import receiving
from desktop.services.receiving import MaterialDecision, MaterialLotView

#: The states a received lot can be listed in.
LISTED = (Status.QUARANTINE, Status.RELEASED, Status.REJECTED)


def show(lot: MaterialLotView) -> None:
    quantity = f"{lot.quantity.normalize():f} {lot.unit}"
    expiry = lot.expiry.isoformat() if lot.expiry else "-"
    print(
        f"{lot.supplier_lot}\t{lot.part_number}\t{lot.supplier_code}\t{quantity}\t"
        f"expiry {expiry}\t{lot.status}"
    )
    if lot.certificate_path:
        print(f"  certificate {lot.certificate_path} sha256 {lot.certificate_sha256}")


def _receive(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    lot = receiving.receive_scanned(
        ctx,
        args.scan,
        args.supplier,
        args.quantity,
        lot=args.lot,
        certificate=args.certificate,
        serials=args.serial or [],
    )
    show(lot)
    return EXIT_OK


def _inspect(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    readings = {}
    for text in args.reading or []:
        name, sep, value = text.partition("=")
        if not sep or not name.strip():
            raise BadInput(
                f'--reading "{text}": give CHARACTERISTIC=VALUE, e.g. "Inner diameter=12"'
            )
        readings[name.strip()] = value.strip()
    view = receiving.inspect_material(
        ctx, args.lot, args.accept, args.notes or "", serial=args.serial, readings=readings
    )
    what = f"{view.lot.supplier_lot}" + (f" piece {view.serial}" if view.serial else "")
    print(f"{what}: incoming inspection {'accepted' if view.accepted else 'FAILED'} {view.notes}")
    for reading in view.readings:
        print(f"  {'ok ' if reading['passed'] else 'OUT'} {reading['message']}")
    return EXIT_OK


def _decided(decision: MaterialDecision) -> int:
    show(decision.lot)
    if decision.signature is not None:
        print(f"  {decision.signature.manifestation()}")
    elif decision.reason:
        print(f"  {decision.decision}: {decision.reason}")
    return EXIT_OK


def _release(args: argparse.Namespace) -> int:
    ctx, login, password = log_in(open_engine(args), args.by)
    return _decided(receiving.release_material(ctx, login, args.lot, password, username=args.by))


def _reject(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args), args.by)
    return _decided(receiving.reject_material(ctx, args.lot, args.reason))


def _list(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    lots = receiving.material_lots(ctx, args.status)
    for lot in lots:
        show(lot)
    if not lots:
        print("no received lots" + (f" in {args.status}" if args.status else ""))
    return EXIT_OK


def _label(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".zpl", ".png"):
        raise BadInput(f"--out {args.out}: give a .zpl or a .png file")
    ctx, _, _ = log_in(open_engine(args), args.by)
    made = receiving.lot_label(ctx, args.lot)
    data = made.png if out.suffix.lower() == ".png" else made.zpl
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise BadInput(f"--out {args.out}: cannot write it ({exc.strerror or exc})") from None
    print(f"{made.lot.supplier_lot}: bin label ({made.template}) written to {out}")
    return EXIT_OK


def _finish(parser: argparse.ArgumentParser, handler: Any, *, lot: bool = True) -> None:
    if lot:
        parser.add_argument("lot", metavar="LOT", help="the lot's bin label or supplier's label")
    add_by(parser)
    add_database(parser)
    set_handler(parser, handler)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "receive",
        help="receive supplier lots, incoming inspection, release or reject",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="receive_action", metavar="ACTION", required=True)
    got = actions.add_parser("receive", help="receive a lot from its supplier's label")
    got.add_argument("scan", metavar="SCAN", help="the supplier's GS1 or HIBC label, as scanned")
    got.add_argument("--supplier", required=True, metavar="CODE")
    got.add_argument("--quantity", required=True, metavar="N")
    got.add_argument("--lot", help="the lot, when the label has none (HIBC primary label)")
    got.add_argument("--certificate", metavar="FILE", help="the certificate of conformance")
    got.add_argument("--serial", action="append", metavar="S", help="each piece's serial")
    _finish(got, _receive, lot=False)
    check = actions.add_parser("inspect", help="record the incoming inspection")
    verdict = check.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--accept", dest="accept", action="store_true")
    verdict.add_argument("--fail", dest="accept", action="store_false")
    check.add_argument("--notes", help="what was checked; what was wrong (needed with --fail)")
    check.add_argument("--serial", help="the piece inspected (serialised deliveries)")
    check.add_argument(
        "--reading",
        action="append",
        metavar="NAME=VALUE",
        help="a reading of the part's incoming inspection plan (one per characteristic)",
    )
    _finish(check, _inspect)
    release = actions.add_parser("release", help='release, signed "Material released for use"')
    _finish(release, _release)
    reject = actions.add_parser("reject", help="reject a lot")
    reject.add_argument("--reason", required=True)
    _finish(reject, _reject)
    listed = actions.add_parser("list", help="received lots, newest first")
    listed.add_argument("--status", choices=[s.value for s in LISTED])
    _finish(listed, _list, lot=False)
    label = actions.add_parser("label", help="write the lot's bin label (ZPL or PNG)")
    label.add_argument("--out", required=True, metavar="FILE")
    _finish(label, _label)
