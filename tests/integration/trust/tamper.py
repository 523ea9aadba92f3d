"""Test setup for tampering tests: change rows as someone with the database's owner rights
would, past the append-only triggers (PostgreSQL: replication role; SQLite: triggers dropped
and put back). Not a test module."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from db.append_only import install, uninstall


def tamper(engine: Engine, *statements: Any) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        else:
            uninstall(conn)
        for statement in statements:
            conn.execute(statement)
        if conn.dialect.name == "sqlite":
            install(conn)
