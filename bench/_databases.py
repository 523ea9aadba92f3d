"""Where a bench runs: a PostgreSQL database on the local server (made if missing, dropped
afterwards unless kept) or an SQLite file under /tmp (deleted afterwards unless kept)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, text

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
T = TypeVar("T")


def _admin(statement: str) -> None:
    engine = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(statement))
    engine.dispose()


def _pg_exists(name: str) -> bool:
    engine = create_engine(f"{PG_SERVER}/postgres")
    with engine.connect() as conn:
        found = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
    engine.dispose()
    return found is not None


def on_postgresql(name: str, keep: bool, run: Callable[[str], T]) -> T:
    """``run(url)`` on the PostgreSQL database ``name`` (made if missing; dropped afterwards
    unless ``keep``: a kept data set is reused by the next run)."""
    if not _pg_exists(name):
        _admin(f'CREATE DATABASE "{name}"')
    try:
        return run(f"{PG_SERVER}/{name}")
    finally:
        if not keep:
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def on_sqlite(path: Path, keep: bool, run: Callable[[str], T]) -> T:
    """``run(url)`` on the SQLite file ``path`` (deleted with its journals unless ``keep``)."""
    try:
        return run(f"sqlite:///{path}")
    finally:
        if not keep:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
