"""What the sub-commands share: the --database option, opening a migrated engine, exit codes."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from db.engine import check_reachable, make_engine, parse_url, resolve_url
from db.errors import DatabaseProblem
from db.migrate import ensure_schema, refuse_newer_schema
from db.resilience import DEFAULT, reason_of
from desktop.config import default_secret_key_file
from desktop.services import identity
from desktop.services.core.context import Actor, Context, LoginSession, Settings
from desktop.services.core.errors import AuthenticationFailed, Refusal

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def add_database(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        help="sqlite:///FILE or postgresql://USER@HOST:PORT/DB "
        "(default: LOTLINE_DATABASE_URL, else an SQLite file in the user data folder)",
    )


def open_engine(
    args: argparse.Namespace, *, migrate: bool = True, must_exist: bool | None = None
) -> Engine:
    """Engine for --database; migrated to head (refusing a newer schema) unless told not to,
    in which case it is still checked: it exists (an SQLite file is never made, unless
    ``must_exist`` is False), is reachable, and holds a schema this code knows."""
    exists = not migrate if must_exist is None else must_exist
    engine = make_engine(getattr(args, "database", None), must_exist=exists)
    if migrate:
        ensure_schema(engine)
    else:
        check_reachable(engine)
        refuse_newer_schema(engine)
    return engine


def cli_station() -> str:
    return f"cli@{socket.gethostname()}"[:64]


def system_context(engine: Engine, job: str) -> Context:
    return Context(engine, Actor(None, f"system:{job}", "Lotline system", None, cli_station()))


def guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn database problems and refusals into one clear line on stderr and exit code 1; a
    database that stopped answering outside a use case (migrating, a report) too."""

    def run(args: argparse.Namespace) -> int:
        try:
            undecodable(args)
            return handler(args)
        except (DatabaseProblem, Refusal, BadInput) as problem:
            print(f"lotline: {problem}", file=sys.stderr)
            return EXIT_FAIL
        except (DBAPIError, PoolTimeout) as failure:
            reason = reason_of(failure, DEFAULT)
            if reason is None:
                raise
            where = parse_url(resolve_url(getattr(args, "database", None)))
            host = where.render_as_string(hide_password=True)
            print(
                f"lotline: the database {host} is not answering ({reason}): the command "
                "stopped (what it had not finished was not recorded); run it again when the "
                "server answers",
                file=sys.stderr,
            )
            return EXIT_FAIL

    return run


class BadInput(ValueError):
    """An argument the command cannot read at all (the message names it)."""


def undecodable(args: argparse.Namespace) -> None:
    """Refuse an argument holding bytes that are not UTF-8 (argv decoded with surrogateescape)."""
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if not isinstance(text, str):
                continue
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                byte = (ord(text[exc.start]) - 0xDC00) & 0xFF  # surrogateescape: U+DC80..
                raise BadInput(
                    f"the {name.replace('_', ' ')} given is not UTF-8 text (byte 0x{byte:02X} "
                    f"at character {exc.start + 1}): give it as text or scan it; nothing was done"
                ) from None


def read_stdin_lines(count: int) -> list[str]:
    """Read ``count`` lines from stdin (passwords), without their line endings."""
    lines = []
    for _ in range(count):
        line = sys.stdin.readline()
        if not line:
            break
        lines.append(line.rstrip("\r\n"))
    return lines


def log_in(engine: Engine, username: str) -> tuple[Context, LoginSession, str]:
    """Log ``username`` in with the password (and code) on stdin: (context, login, password)."""
    lines = read_stdin_lines(2)
    if not lines or not lines[0]:
        raise AuthenticationFailed(f"the password of {username} must be the first line on stdin")
    settings = cli_settings()
    start = Context(engine, Actor(None, username, "", None, cli_station()), settings)
    code = lines[1] if len(lines) > 1 else None
    login = identity.login(start, username, lines[0], code)
    login.second_factor = code  # a signature in this same command is given with this code
    return Context(engine, login.actor, settings), login, lines[0]


def cli_settings() -> Settings:
    """The policy a command applies: production when LOTLINE_PRODUCTION says so, and the
    site's TOTP secret key when this computer holds it (desktop.config)."""
    production = os.environ.get("LOTLINE_PRODUCTION", "").lower() in ("1", "true", "yes")
    try:
        key = identity.load_or_create_key(default_secret_key_file(), create=False)
    except identity.SecretKeyProblem as problem:
        raise AuthenticationFailed(str(problem)) from None
    return Settings(production=production, secret_key=key)


def add_by(parser: argparse.ArgumentParser, who: str = "USER") -> None:
    parser.add_argument(
        "--by", metavar=who, required=True, help="who does it (password on stdin, first line)"
    )


def set_handler(parser: argparse.ArgumentParser, handler: Callable[[Any], int]) -> None:
    parser.set_defaults(handler=guarded(handler))
