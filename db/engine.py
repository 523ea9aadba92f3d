"""Engine factory: SQLite by default (WAL, foreign keys, busy timeout), PostgreSQL via psycopg 3.

The URL comes from ``--database``, else ``LOTLINE_DATABASE_URL``, else an SQLite file in the
user's data directory.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from db.errors import BadDatabaseUrl, DatabaseMissing, DatabaseUnreachable
from db.resilience import DEFAULT, Timeouts, install_postgres, install_sqlite, postgres_connect_args

ENV_VAR = "LOTLINE_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 15_000
#: Execution option that makes a SQLite transaction start with BEGIN IMMEDIATE (a writer).
WRITE_OPTION = "lotline_write"


def default_sqlite_path() -> Path:
    return Path(platformdirs.user_data_dir("Lotline", appauthor=False)) / "lotline.sqlite"


def resolve_url(given: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The database URL to use: the argument, else the environment, else the embedded default."""
    env = os.environ if environ is None else environ
    if given:
        return given
    if env.get(ENV_VAR):
        return env[ENV_VAR]
    return f"sqlite:///{default_sqlite_path()}"


def parse_url(raw: str) -> URL:
    """Parse and normalise a URL; only SQLite and PostgreSQL (psycopg 3) are supported."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise BadDatabaseUrl(
            f'database URL "{raw}" is malformed: use sqlite:///path/to/file.sqlite or '
            "postgresql://user@host:5432/dbname"
        ) from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url
    raise BadDatabaseUrl(
        f'database URL "{raw}" names "{backend}": Lotline runs on sqlite:/// or postgresql://'
    )


def make_engine(
    raw_url: str | None = None,
    *,
    pool: bool = True,
    must_exist: bool = False,
    timeouts: Timeouts = DEFAULT,
) -> Engine:
    """An engine for the URL, configured for Lotline (no connection is made yet).

    ``must_exist`` (read-only commands): an SQLite file that is not there is refused instead of
    being created, and so is its folder. ``timeouts`` bound every wait (db/resilience.py): on
    PostgreSQL connect, statement and idle-in-transaction timeouts, TCP keepalives, a watchdog
    for a silent server and a ping at check-out that copes with a restarted server.
    """
    url = parse_url(resolve_url(raw_url))
    if url.get_backend_name() == "sqlite":
        if must_exist:
            refuse_missing_sqlite(url)
        engine = _sqlite_engine(url)
        install_sqlite(engine, timeouts)
        return engine
    kwargs: dict[str, Any] = {
        "connect_args": postgres_connect_args(timeouts),
        "pool_recycle": timeouts.pool_recycle_s,
    }
    if not pool:
        kwargs["poolclass"] = NullPool
    engine = create_engine(url, **kwargs)
    install_postgres(engine, timeouts)  # includes the check-out ping (instead of pool_pre_ping)
    return engine


def refuse_missing_sqlite(url: URL) -> None:
    """Raise DatabaseMissing if ``url`` names an SQLite file that does not exist."""
    name = url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    path = Path(name).expanduser()
    if not path.is_file():
        where = "its folder does not exist either" if not path.parent.is_dir() else "no such file"
        raise DatabaseMissing(
            f"there is no database at {path} ({where}): check the path (a read-only command "
            "never creates one; `lotline db upgrade --database URL` makes a new database)"
        )


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        writer = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine


def check_reachable(engine: Engine) -> None:
    """Connect once; raise DatabaseUnreachable with the server's reason if that fails."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:  # unreachable, refused, or not a database file at all
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        where = engine.url.render_as_string(hide_password=True)
        raise DatabaseUnreachable(
            f"cannot reach the database {where}: {reason}. Check that the server is running "
            "and the URL (host, port, database name) is right."
        ) from None


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions take the write lock at BEGIN on SQLite."""
    return engine.execution_options(**{WRITE_OPTION: True})
