"""Test a database URL before a station uses it: one verdict that says exactly what is wrong.

The first-run wizard's "Test connection" button and `lotline station init` ask ``probe``; it
connects once, reads the schema revision and writes nothing. A shared PostgreSQL server's
refusal is told apart by the server's message: host unreachable, wrong password, unknown user,
database missing; a schema migrated by a newer Lotline is refused like every other start.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from db.engine import make_engine, parse_url
from db.errors import BadDatabaseUrl, DatabaseMissing, SchemaTooNew
from db.migrate import current_revision, head_revision, refuse_newer_schema


class Verdict(enum.StrEnum):
    """What a connection test found; the first four are usable, the rest are refusals."""

    NEW = "new"  # reachable and empty (or an SQLite file not made yet): Lotline creates its tables
    CURRENT = "current"  # holds this version's schema
    OLDER = "older"  # holds an older schema: migrated at the station's first start
    BAD_URL = "bad_url"
    UNREACHABLE = "unreachable"
    WRONG_PASSWORD = "wrong_password"
    UNKNOWN_USER = "unknown_user"
    DATABASE_MISSING = "database_missing"
    SCHEMA_TOO_NEW = "schema_too_new"
    REFUSED = "refused"  # any other refusal of the server, its words quoted

    @property
    def usable(self) -> bool:
        return self in (Verdict.NEW, Verdict.CURRENT, Verdict.OLDER)


@dataclass(frozen=True)
class Probe:
    """The verdict, the URL shown without its password, and the sentence for a person."""

    verdict: Verdict
    where: str
    message: str

    @property
    def usable(self) -> bool:
        return self.verdict.usable


_PATTERNS: tuple[tuple[Verdict, re.Pattern[str]], ...] = (
    (Verdict.WRONG_PASSWORD, re.compile(r"password authentication failed|no password supplied")),
    (Verdict.UNKNOWN_USER, re.compile(r'role "[^"]*" does not exist')),
    (Verdict.DATABASE_MISSING, re.compile(r'database "[^"]*" does not exist')),
    (
        Verdict.UNREACHABLE,
        re.compile(
            r"Connection refused|could not translate host name|Name or service not known|"
            r"timeout expired|No route to host|Network is unreachable|could not connect|"
            r"unable to open database file",
            re.IGNORECASE,
        ),
    ),
)


def classify(reason: str) -> Verdict:
    """The verdict for a driver's refusal message (the server's own words)."""
    for verdict, pattern in _PATTERNS:
        if pattern.search(reason):
            return verdict
    return Verdict.REFUSED


def _advice(verdict: Verdict, where: str, reason: str) -> str:
    advice = {
        Verdict.UNREACHABLE: (
            f"cannot reach the database server of {where} ({reason}): check the host name and "
            "port, that the server is running and that the firewall lets this computer in"
        ),
        Verdict.WRONG_PASSWORD: (
            f"the server of {where} refused the password: check the password in the URL "
            "(postgresql://USER:PASSWORD@HOST:PORT/DB) with the database administrator"
        ),
        Verdict.UNKNOWN_USER: (
            f"the server of {where} has no such user ({reason}): ask the database administrator "
            "for the station's database role"
        ),
        Verdict.DATABASE_MISSING: (
            f"the server of {where} is reachable but has no such database ({reason}): create "
            "it first (createdb) or correct its name in the URL"
        ),
        Verdict.REFUSED: f"the database {where} refused the connection: {reason}",
    }
    return advice[verdict]


def _first_line(exc: DBAPIError) -> str:
    raw = str(exc.orig) if exc.orig is not None else str(exc)
    lines = [line.strip() for line in raw.strip().splitlines() if line.strip()]
    text_ = lines[0] if lines else raw
    return text_.removeprefix("connection failed: ")


def probe(url: str) -> Probe:
    """Connect to ``url`` once and say what is there; nothing is written, no file is made."""
    if not url.strip():
        return Probe(Verdict.BAD_URL, "", "no database URL given")
    try:
        engine = make_engine(url, pool=False, must_exist=True)
    except BadDatabaseUrl as problem:
        return Probe(Verdict.BAD_URL, url, str(problem))
    except ValueError as exc:  # e.g. a port that is not a number
        return Probe(Verdict.BAD_URL, url, f'database URL "{url}" cannot be read: {exc}')
    except DatabaseMissing:  # an SQLite file not made yet: the station creates it
        where = parse_url(url).render_as_string(hide_password=True)
        return Probe(Verdict.NEW, where, f"{where}: a new embedded database will be created")
    where = engine.url.render_as_string(hide_password=True)
    try:
        return _inspect(engine, where)
    finally:
        engine.dispose()


def _inspect(engine: Engine, where: str) -> Probe:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current = current_revision(engine)
    except DBAPIError as exc:
        reason = _first_line(exc)
        verdict = classify(reason)
        return Probe(verdict, where, _advice(verdict, where, reason))
    except (ValueError, TypeError) as exc:  # a URL the driver cannot use (bad port, option)
        return Probe(Verdict.BAD_URL, where, f"database URL {where} cannot be used: {exc}")
    if current is None:
        empty = f"{where} is reachable and empty: Lotline makes its tables"
        return Probe(Verdict.NEW, where, empty)
    try:
        refuse_newer_schema(engine)
    except SchemaTooNew as problem:  # its message says what to install
        return Probe(Verdict.SCHEMA_TOO_NEW, where, f"{where}: {problem}")
    if current == head_revision():
        return Probe(Verdict.CURRENT, where, f"{where} holds this version's schema ({current})")
    return Probe(
        Verdict.OLDER,
        where,
        f"{where} holds an older schema ({current}): it is upgraded at the station's first start",
    )
