"""`lotline masterdata load FOLDER --by ADMIN`: check and load master-data files."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    add_database,
    cli_station,
    open_engine,
    read_stdin_lines,
    set_handler,
)
from desktop.services import auth
from desktop.services.context import Actor, Context
from desktop.services.masterdata import load_folder


def _load(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    lines = read_stdin_lines(2)
    if not lines:
        print(f"lotline: the password of {args.by} must be on stdin")
        return EXIT_FAIL
    start = Context(engine, Actor(None, args.by, "", None, cli_station()))
    login = auth.login(start, args.by, lines[0], lines[1] if len(lines) > 1 else None)
    report = load_folder(Context(engine, login.actor), args.folder)
    print(f"master data loaded: {report.summary()}")
    for user, password in report.temporary_passwords.items():
        print(f"temporary password for {user}: {password} (hand it over in person)")
    return EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser("masterdata", help="load master data (products, routes, users...)")
    actions = parser.add_subparsers(dest="md_action", metavar="ACTION", required=True)
    load = actions.add_parser("load", help="check and load a folder of TOML/CSV files")
    load.add_argument("folder")
    load.add_argument(
        "--by", metavar="ADMIN", required=True, help="administrator (password on stdin)"
    )
    add_database(load)
    set_handler(load, _load)
