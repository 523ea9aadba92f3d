"""`lotline db upgrade | current | setup-roles | rebuild-reach`; `backup` and `restore` are in
backup_cmd."""

from __future__ import annotations

import argparse
import os
from typing import Any

from db import roles
from db.engine import check_reachable, make_engine
from db.migrate import current_revision, head_revision, upgrade
from db.trace import reach
from desktop.cli import backup_cmd
from desktop.cli.common import (
    EXIT_OK,
    add_database,
    open_engine,
    read_stdin_lines,
    set_handler,
)


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


def _rebuild_reach(args: argparse.Namespace) -> int:
    """Rebuild the reach table (recall scopes) from the links, after `lotline audit verify`
    found it changed outside Lotline; says how many pairs were wrong."""
    engine = open_engine(args, migrate=False)
    with engine.begin() as conn:
        wrong, examples = reach.differences(conn)
        written = reach.rebuild(conn)
    engine.dispose()
    found = f"{wrong} pair(s) were wrong (e.g. {'; '.join(examples)})" if wrong else "none wrong"
    print(f"reach rebuilt from the links: {written} pairs; {found}")
    return EXIT_OK


def _setup_roles(args: argparse.Namespace) -> int:
    """Create or update the owner and runtime roles; passwords from stdin or the environment."""
    owner = args.owner_role or os.environ.get("LOTLINE_DB_OWNER_ROLE") or roles.DEFAULT_OWNER
    runtime = (
        args.runtime_role or os.environ.get("LOTLINE_DB_RUNTIME_ROLE") or roles.DEFAULT_RUNTIME
    )
    if args.password_stdin:
        lines = read_stdin_lines(2)
        owner_pw, runtime_pw = [*lines, "", ""][:2]
    else:
        owner_pw = os.environ.get("LOTLINE_DB_OWNER_PASSWORD", "")
        runtime_pw = os.environ.get("LOTLINE_DB_RUNTIME_PASSWORD", "")
    engine = make_engine(args.database, must_exist=True)
    if engine.dialect.name == "postgresql":
        check_reachable(engine)
    done = roles.setup_roles(
        engine,
        owner=owner,
        runtime=runtime,
        owner_password=owner_pw or None,
        runtime_password=runtime_pw or None,
    )
    engine.dispose()
    for name in (owner, runtime):
        state = "created" if name in done.created else "existed"  # not a code: a role's fate
        if name in done.passwords_set:
            state += ", password changed"
        print(f"role {name}: {state}")
    print(
        f"{done.tables_owned} tables owned by {owner} (run `lotline db upgrade` as {owner}); "
        f"{done.tables_granted} tables granted to {runtime} (connect the stations as {runtime})"
    )
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
    rebuild = actions.add_parser(
        "rebuild-reach",
        help="rebuild the reach table (recall scopes) from the links, as the owner role",
    )
    add_database(rebuild)
    set_handler(rebuild, _rebuild_reach)
    setup = actions.add_parser(
        "setup-roles",
        help="PostgreSQL: create or update the owner role (migrates) and the runtime role "
        "(stations; owns nothing, may not change or remove history)",
        description="Run as a superuser on the Lotline database. Passwords: --password-stdin "
        "(two lines: owner, then runtime) or LOTLINE_DB_OWNER_PASSWORD and "
        "LOTLINE_DB_RUNTIME_PASSWORD; never on the command line. An existing role keeps its "
        "password when none is given. Safe to run again.",
    )
    add_database(setup)
    setup.add_argument(
        "--owner-role",
        metavar="NAME",
        help=f"default: LOTLINE_DB_OWNER_ROLE, else {roles.DEFAULT_OWNER}",
    )
    setup.add_argument(
        "--runtime-role",
        metavar="NAME",
        help=f"default: LOTLINE_DB_RUNTIME_ROLE, else {roles.DEFAULT_RUNTIME}",
    )
    setup.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the owner's and the runtime role's passwords from stdin (two lines)",
    )
    set_handler(setup, _setup_roles)
    backup_cmd.register_actions(actions)
