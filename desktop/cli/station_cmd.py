"""`lotline station init | check`: set a station up headless, as the first-run wizard does.

``init`` checks the database (the wizard's "Test connection"), migrates it, makes the first
administrator (password on stdin; the authenticator's secret printed to enrol) unless the
database has users already, and writes the station file last. ``check`` only tests a database
URL and says exactly what is wrong. Both exit 1 with one clear line on a refusal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_FAIL, EXIT_OK, read_stdin_lines, set_handler
from desktop.config import DEVICE_KINDS, LANGUAGES, STATION_KINDS, default_path
from desktop.first_run import (
    SetupRefused,
    StationPlan,
    check_plan,
    embedded_url,
    first_admin,
    has_users,
    open_database,
    test_database,
    write_station_file,
)


def _fail(message: str) -> int:
    print(f"lotline: {message}", file=sys.stderr)
    return EXIT_FAIL


def _check(args: argparse.Namespace) -> int:
    found = test_database(args.database)
    if not found.usable:
        return _fail(found.message)
    print(found.message)
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    path: Path = args.config or default_path()
    if path.exists() and not args.force:
        return _fail(f"{path} exists already: this station is set up (give --force to replace)")
    plan = StationPlan(
        station=args.station,
        kind=args.kind,
        database_url=args.database or embedded_url(),
        language=args.language,
        production=args.production,
        devices={kind: getattr(args, kind) for kind in DEVICE_KINDS},
    )
    try:
        check_plan(plan)  # a wrong field is refused before the database is touched
        ctx = open_database(plan.database_url, production=plan.production)
        if args.admin and has_users(ctx):
            return _fail(
                "this database already has users: leave out --admin (log in as one of its "
                "administrators); nothing was written"
            )
        if not args.admin and not has_users(ctx):
            return _fail("the database has no users yet: give --admin NAME (password on stdin)")
        if args.admin:
            lines = read_stdin_lines(1)
            if not lines or not lines[0]:
                return _fail(f"give the password of {args.admin} as the first line on stdin")
            made = first_admin(ctx, args.admin, args.admin_name or args.admin, lines[0])
            print(f"administrator {made.username} created")
            if made.totp_uri:
                print(f"authenticator (TOTP) secret for {made.username}: {made.secret}")
                print(f"enrol it now (the log-in asks its code): {made.totp_uri}")
        ctx.engine.dispose()
        write_station_file(path, plan, replace=args.force)
    except SetupRefused as problem:
        return _fail(str(problem))
    print(f"station file {path} written: {plan.station} ({plan.kind}) on {plan.database_url}")
    return EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser("station", help="set up a station: init, check a database URL")
    actions = parser.add_subparsers(dest="station_action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="set this station up headless: database, first admin (password on stdin), "
        "station file",
    )
    init.add_argument("--station", required=True, help="station name, e.g. line-1")
    init.add_argument("--kind", required=True, help="station kind: " + ", ".join(STATION_KINDS))
    init.add_argument("--language", default="en", help="screen language: " + ", ".join(LANGUAGES))
    init.add_argument(
        "--database",
        metavar="URL",
        help="postgresql://USER:PASSWORD@HOST:PORT/DB (default: the embedded SQLite database)",
    )
    for kind in DEVICE_KINDS:
        init.add_argument(
            f"--{kind}",
            default="sim",
            metavar="URL",
            help=f"the {kind}'s port: COM3, /dev/ttyUSB0, socket://HOST:PORT (default: sim)",
        )
    init.add_argument(
        "--production", action="store_true", help="production mode (no simulated devices)"
    )
    init.add_argument("--admin", metavar="NAME", help="first administrator (password on stdin)")
    init.add_argument("--admin-name", metavar="TEXT", help="the administrator's printed name")
    init.add_argument(
        "--config", type=Path, help=f"station file to write (default {default_path()})"
    )
    init.add_argument("--force", action="store_true", help="replace an existing station file")
    set_handler(init, _init)
    check = actions.add_parser("check", help="test a database URL: says exactly what is wrong")
    check.add_argument("--database", metavar="URL", required=True)
    set_handler(check, _check)
