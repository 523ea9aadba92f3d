"""`lotline demo-sheet --out FILE.pdf`: the demo plant's barcodes on paper, to scan with a real
scanner (serial or keyboard wedge) at a station on the demo plant: badges, command barcodes,
the demo work order's units, the pump housings and the control-board lot.

The database is the station's (``--database``, else LOTLINE_DATABASE_URL, else the embedded
one); an empty database gets the demo plant and its floor first, as a station's first start
would give it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_FAIL, EXIT_OK, add_database, guarded, open_engine
from desktop.reports.scan_sheet import Code, Section, scan_sheet
from desktop.services.core.context import Actor, Context, Settings
from desktop.services.masterdata import (
    DemoFloor,
    demo_floor,
    ensure_demo_floor,
    ensure_demo_plant,
)

TITLE = "Lotline demo plant: barcodes to scan"
NOTE = (
    "At an operator station of the demo plant (python -m desktop, no configuration): scan a "
    "badge and type its PIN; scan a unit, then its housing and the board lot; type the torque "
    "(1.00 N·m), weigh (2380-2420 g), then scan PASS. NEXT clears the unit. Set the scanner to "
    "send AIM identifiers and Enter (CR) after each code."
)


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "demo-sheet", help="print the demo plant's barcodes (badges, units, lots, commands)"
    )
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    add_database(parser)
    parser.set_defaults(handler=guarded(run))


def sections(floor: DemoFloor) -> list[Section]:
    badges = tuple(Code(b.badge, f"{b.name} · PIN {b.pin}") for b in floor.badges)
    words = {"PASS": "the check passed", "FAIL": "the check failed", "NEXT": "next unit"}
    commands = tuple(Code(c, words.get(c, "")) for c in floor.commands)
    units = tuple(Code(s, f"unit of {floor.work_order}") for s in floor.serials)
    housings = tuple(Code(h, "pump housing (HOUSING-IP300)") for h in floor.housings)
    board = (Code(floor.board_lot, "control-board lot (BOARD-IP300)"),)
    return [
        Section("Badges (then type the PIN)", badges),
        Section("Commands", commands),
        Section(f"Units of work order {floor.work_order} (lot {floor.lot})", units),
        Section("Pump housings: step 1", housings),
        Section("Control-board lot: step 2", board),
    ]


def run(args: argparse.Namespace) -> int:
    engine = open_engine(args, must_exist=False)
    base = Context(engine, Actor.system("demo-sheet"), Settings(totp_roles=frozenset()))
    if ensure_demo_plant(base) is not None:
        floor: DemoFloor | None = ensure_demo_floor(base)
    else:
        floor = demo_floor(base)
    if floor is None:
        print(
            f"lotline: the database {engine.url.render_as_string(hide_password=True)} holds no "
            "demo plant floor (work order WO-DEMO-1): give the demo station's database with "
            "--database, or a new one",
            file=sys.stderr,
        )
        return EXIT_FAIL
    pdf = scan_sheet(TITLE, NOTE, sections(floor))
    try:
        args.out.write_bytes(pdf)
    except OSError as exc:
        print(f"lotline: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAIL
    count = sum(len(s.codes) for s in sections(floor))
    print(f"{args.out}: {count} barcodes of the demo plant ({floor.work_order})")
    return EXIT_OK
