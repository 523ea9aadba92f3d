"""`lotline demo [--database URL] [--out DIR] [--units N] [--kits K] [--scheme gs1|ma] [--fresh]`:
a headless shift on the demo plant, every device a simulator behind a real pseudo-terminal.

Receives the material lots (incoming inspection, signed release), builds N pumps and a lot of K
catheter kits through every step (one pump out of weight tolerance: NCR, signed rework,
weighed again, NCR closed), releases both lots (signed, after review by exception), prints
every UDI label through the ZPL driver and scans it back, packs cases, ships to St Mary's and
Northside, then opens a recall on a control-board lot found bad, and writes the pump lot's
batch record. Labels (ZPL as printed, PDF), the batch record and device byte traces go to DIR.

--scheme ma runs the same shift with the devices identified by MA DIs (IDcode, China) instead
of GTINs: pumps are scanned by the MA code of their traveller (DataMatrix), lots by their MA
code (QR Code), and labels carry the MA code in a DataMatrix (template udi-ma-4x2).

The database must be empty: by default a new SQLite file DIR/lotline-demo.sqlite (--fresh
deletes it first). Exit status: 0 done, 1 refused or failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from db.engine import make_engine, parse_url
from db.migrate import ensure_schema
from db.models import Item, User
from desktop.cli.common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, set_handler
from desktop.cli.demo_devices import Bench, DemoFailed
from desktop.cli.demo_outbound import dispatch
from desktop.cli.demo_records import (
    check_audit,
    find_bad_lot,
    write_batch_record,
    write_label_files,
    written_files,
)
from desktop.cli.demo_report import Tally, print_summary
from desktop.cli.demo_shift import (
    SETTINGS,
    Crew,
    Plan,
    Shift,
    build_kits,
    build_pumps,
    receive_materials,
)
from desktop.devices import DeviceError
from desktop.domain.plant import DIScheme
from desktop.services.core.context import Actor, Context
from desktop.services.core.errors import Refusal
from desktop.services.masterdata import ensure_demo_plant

DB_FILE = "lotline-demo.sqlite"
OUTPUTS = ("labels/label-*.zpl", "labels/label-*.pdf", "labels/labels.csv", "batch-record-*.pdf")
MAX_UNITS, MAX_KITS, KIT_CASE = 100, 200, 10


def _fail(message: str, code: int = EXIT_FAIL) -> int:
    print(f"lotline demo: {message}", file=sys.stderr)
    return code


def _usage_problem(args: argparse.Namespace, url: str) -> str | None:
    if not 2 <= args.units <= MAX_UNITS:
        return f"--units {args.units}: build 2 to {MAX_UNITS} pumps (two board lots need two)"
    if not KIT_CASE <= args.kits <= MAX_KITS or args.kits % KIT_CASE:
        return (
            f"--kits {args.kits}: give a multiple of {KIT_CASE} from {KIT_CASE} to {MAX_KITS} "
            f"(kits ship in full cases of {KIT_CASE})"
        )
    if args.fresh and parse_url(url).get_backend_name() != "sqlite":
        return (
            "--fresh deletes an SQLite file; it does not empty a PostgreSQL database: give "
            "--database an empty one (createdb NAME), or leave --fresh out"
        )
    return None


def _sqlite_file(url: str) -> Path | None:
    parsed = parse_url(url)
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    return Path(name)


def _start_over(url: str, out: Path) -> None:
    """--fresh: delete the SQLite file (and its journal files) and the outputs of a run."""
    path = _sqlite_file(url)
    if path is not None:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
    for pattern in OUTPUTS:
        for old in out.glob(pattern):
            old.unlink()


def _has_data(engine: Engine) -> bool:
    with Session(engine) as session:
        users = session.scalar(select(func.count(User.id))) or 0
        items = session.scalar(select(func.count(Item.id))) or 0
    return bool(users or items)


def _leftovers(out: Path) -> list[Path]:
    return [p for pattern in OUTPUTS for p in out.glob(pattern)]


def run_shift(engine: Engine, admin: Context, plan: Plan, out: Path, shown: str) -> Tally:
    """The whole shift on the simulated bench; returns what happened."""
    tally = Tally(shown, out)
    with Bench(out) as bench:
        tally.ports = bench.ports()
        shift = Shift(engine, Crew.arrive(engine, admin), bench, tally, plan)
        receive_materials(shift)
        build_pumps(shift)
        build_kits(shift)
        dispatch(shift)
        find_bad_lot(shift)
        write_batch_record(shift)
        write_label_files(shift)
        check_audit(shift)
    tally.files = written_files(out)
    return tally


def _refusal(engine: Engine, out: Path, shown: str) -> str | None:
    """Why the demo cannot run here (a database with data, outputs of an earlier run), or None."""
    if _has_data(engine):
        fix = (
            "or --fresh to delete the SQLite file and start over"
            if engine.dialect.name == "sqlite"
            else "e.g. createdb lotline_demo, then --database postgresql://.../lotline_demo"
        )
        return (
            f"the database {shown} already holds data (users or items): the demo loads its "
            f"plant into an empty database only, so nothing was changed. Give --database an "
            f"empty one, {fix}"
        )
    if _leftovers(out):
        return (
            f"{out} holds labels or a batch record of an earlier run: give another --out, or "
            "--fresh to delete them"
        )
    return None


def _run(engine: Engine, args: argparse.Namespace, out: Path, shown: str) -> Tally | str:
    """The shift on a migrated, empty database: its tally, or why it did not run or stopped."""
    refused = _refusal(engine, out, shown)
    if refused:
        return refused
    scheme = DIScheme(args.scheme)
    plant = ensure_demo_plant(Context(engine, Actor.system("demo"), SETTINGS), scheme)
    if plant is None:  # another program added users since the check above
        return _refusal(engine, out, shown) or f"the database {shown} is not empty"
    try:
        plan = Plan(args.units, args.kits, scheme=scheme)
        return run_shift(engine, plant.admin, plan, out, shown)
    except (DemoFailed, DeviceError, Refusal) as failure:
        return f"the shift stopped: {failure}"


def _demo(args: argparse.Namespace) -> int:
    out = Path(args.out)
    url = args.database or f"sqlite:///{(out / DB_FILE).resolve()}"
    shown = make_url(url).render_as_string(hide_password=True)
    problem = _usage_problem(args, url)
    if problem:
        return _fail(problem, EXIT_USAGE)
    out.mkdir(parents=True, exist_ok=True)
    if args.fresh:
        _start_over(url, out)
    engine = make_engine(url)
    try:
        ensure_schema(engine)
        result = _run(engine, args, out, shown)
    finally:
        engine.dispose()
    if isinstance(result, str):
        return _fail(result)
    print_summary(result, sys.stdout)
    return EXIT_OK if result.audit_ok and result.scope_matches_trace else EXIT_FAIL


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "demo",
        help="run a headless demo shift on simulated devices over real pseudo-terminals",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help=f"an empty database: sqlite:///FILE or postgresql://USER@HOST:PORT/DB "
        f"(default: a new SQLite file DIR/{DB_FILE})",
    )
    parser.add_argument("--out", metavar="DIR", default="demo-out", help="default ./demo-out")
    parser.add_argument("--units", metavar="N", type=int, default=5, help="pumps (default 5)")
    parser.add_argument(
        "--kits", metavar="K", type=int, default=20, help="catheter kits, a multiple of 10 (20)"
    )
    parser.add_argument(
        "--scheme",
        choices=[scheme.value for scheme in DIScheme],
        default=DIScheme.GS1.value,
        help="the devices' UDI-DI: gs1 (GTINs, the default) or ma (MA codes, IDcode)",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="SQLite only: delete the database file and the labels of an earlier run first",
    )
    set_handler(parser, _demo)
