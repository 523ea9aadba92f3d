"""`lotline masterdata load FOLDER --by ADMIN`: check and load master-data files."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_OK, add_database, log_in, open_engine, set_handler
from desktop.services.masterdata import load_folder


def _load(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    ctx, _, _ = log_in(engine, args.by)
    report = load_folder(ctx, args.folder)
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
