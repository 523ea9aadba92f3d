"""`lotline db upgrade | current`; `backup` and `restore` are in backup_cmd."""

from __future__ import annotations

import argparse
from typing import Any

from db.migrate import current_revision, head_revision, upgrade
from desktop.cli import backup_cmd
from desktop.cli.common import EXIT_OK, add_database, open_engine, set_handler


def _upgrade(args: argparse.Namespace) -> int:
    engine = open_engine(args, migrate=False, must_exist=False)  # upgrade makes a new database
    before = current_revision(engine)
    upgrade(engine)
    after = current_revision(engine)
    if before == after:
        print(f"database is at {after} (head): nothing to do")
    else:
        print(f"database upgraded from {before or 'empty'} to {after}")
    return EXIT_OK


def _current(args: argparse.Namespace) -> int:
    engine = open_engine(args, migrate=False)  # refuses a schema newer than the code
    rev = current_revision(engine)
    head = head_revision()
    state = "head" if rev == head else ("empty" if rev is None else f"behind head {head}")
    print(f"{rev or '-'} ({state})")
    return EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser("db", help="database: upgrade, current revision, backup, restore")
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    up = actions.add_parser("upgrade", help="migrate the schema to the newest revision")
    add_database(up)
    set_handler(up, _upgrade)
    cur = actions.add_parser("current", help="print the schema revision")
    add_database(cur)
    set_handler(cur, _current)
    backup_cmd.register_actions(actions)
