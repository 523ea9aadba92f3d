"""`lotline user add | list | unlock | disable | passwd`.

The first user of a new installation is an administrator made with
``lotline user add NAME --role admin --password-stdin``; after that, ``--by ADMIN`` names the
administrator doing it, whose password is the second line on stdin (and authenticator code,
where required, the third). Every write is audited.
"""

from __future__ import annotations

import argparse
import functools
from typing import Any

from sqlalchemy import Engine

from desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    EXIT_USAGE,
    add_database,
    cli_settings,
    cli_station,
    open_engine,
    read_stdin_lines,
    set_handler,
    system_context,
)
from desktop.domain.permissions import Role
from desktop.services import identity
from desktop.services.core.context import Actor, Context


def _admin_context(engine: Engine, by: str, password: str, code: str | None) -> Context:
    ctx = Context(engine, Actor(None, by, "", None, cli_station()))
    return Context(engine, identity.login(ctx, by, password, code).actor)


def _add(args: argparse.Namespace) -> int:
    if not args.password_stdin:
        print("lotline: give the password on stdin with --password-stdin", flush=True)
        return EXIT_USAGE
    engine = open_engine(args)
    lines = read_stdin_lines(3 if args.by else 1)
    if not lines or not lines[0]:
        print("lotline: no password on stdin")
        return EXIT_FAIL
    if args.by:
        if len(lines) < 2:
            print(f"lotline: the password of {args.by} must be the second line on stdin")
            return EXIT_FAIL
        code = lines[2] if len(lines) > 2 else None
        info = identity.add_user(
            _admin_context(engine, args.by, lines[1], code),
            args.name,
            args.full_name or args.name,
            args.role,
            lines[0],
            badge_id=args.badge,
            pin=args.pin,
        )
    elif args.role != Role.ADMIN:
        print("lotline: only the first administrator can be added without --by ADMIN")
        return EXIT_FAIL
    else:
        ctx = system_context(engine, "bootstrap")
        info = identity.bootstrap_admin(
            ctx, args.name, args.full_name or args.name, lines[0], args.pin
        )
    print(f"user {info.username} (id {info.id}, {info.role}) added")
    if info.totp_uri:
        print(f"authenticator (TOTP) for {info.username}, enrol it now: {info.totp_uri}")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    engine = open_engine(args, must_exist=True)
    for u in identity.list_users(system_context(engine, "list-users")):
        state = "disabled" if u.disabled else ("locked" if u.locked else "active")
        print(f"{u.id:>5}  {u.username:<20} {u.role:<13} {state:<9} {u.full_name}")
    return EXIT_OK


def _passwd(args: argparse.Namespace) -> int:
    """A person's own new password: old, new (and authenticator code) as lines on stdin."""
    engine = open_engine(args)
    lines = read_stdin_lines(3)
    if len(lines) < 2 or not lines[0] or not lines[1]:
        print("lotline: give the old password and the new one as two lines on stdin")
        return EXIT_FAIL
    ctx = Context(engine, Actor(None, args.name, "", None, cli_station()), cli_settings())
    code = lines[2] if len(lines) > 2 else None
    identity.change_password(ctx, args.name, lines[0], lines[1], code)
    print(f"password of {args.name} changed")
    return EXIT_OK


def _admin_action(args: argparse.Namespace, action: Any) -> int:
    engine = open_engine(args)
    lines = read_stdin_lines(2)
    if not lines:
        print(f"lotline: the password of {args.by} must be on stdin")
        return EXIT_FAIL
    ctx = _admin_context(engine, args.by, lines[0], lines[1] if len(lines) > 1 else None)
    info = action(ctx, args.name, args.reason)
    print(f"user {info.username}: locked={info.locked} disabled={info.disabled}")
    return EXIT_OK


def register(sub: Any) -> None:
    parser = sub.add_parser("user", help="users: add, list, unlock, disable")
    actions = parser.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a user (the first one: an admin, with no --by)")
    add.add_argument("name")
    add.add_argument("--role", required=True)
    add.add_argument("--full-name", help="printed name shown with signatures")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.add_argument("--badge", help="badge id for badge + PIN log-in")
    add.add_argument("--pin", help="PIN for badge log-in")
    add.add_argument("--by", metavar="ADMIN", help="the administrator adding this user")
    add_database(add)
    set_handler(add, _add)
    passwd = actions.add_parser(
        "passwd", help="change your password (old, new and code as lines on stdin)"
    )
    passwd.add_argument("name")
    add_database(passwd)
    set_handler(passwd, _passwd)
    lst = actions.add_parser("list", help="list users")
    add_database(lst)
    set_handler(lst, _list)
    for name, fn in (("unlock", identity.unlock_user), ("disable", identity.disable_user)):
        p = actions.add_parser(name, help=f"{name} a user (password of --by on stdin)")
        p.add_argument("name")
        p.add_argument("--by", metavar="ADMIN", required=True)
        p.add_argument("--reason", required=True)
        add_database(p)
        set_handler(p, functools.partial(_admin_action, action=fn))
