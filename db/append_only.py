"""Append-only tables: which they are, and the triggers that refuse changing or removing their rows.

A row of an append-only table is written once and never changed or removed: audit entries, the
checkpoints and keys that anchor them, events and electronic signatures. Links are append-only
too, with one exception: disaggregation or rework removal marks a link removed by setting its
``removed_event_id`` once (NULL to an event); nothing else of a link may change.

The triggers exist on both databases. On PostgreSQL they stop everyone who does not own the
table (stations connect as a runtime role that owns nothing, so it can neither drop nor disable
them; see db/roles.py). On SQLite anybody who can write the file can drop them too; there they
stop mistakes, and ``lotline audit verify`` finds deliberate changes.

``install`` is idempotent: the migration that introduced the triggers calls it, and
``db.migrate.upgrade`` calls it again after every migration, because SQLite's batch mode
rebuilds a table (and loses its triggers) when a later migration alters it.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

#: Tables whose rows are never changed or removed.
APPEND_ONLY: tuple[str, ...] = (
    "audit_entries",
    "audit_checkpoints",
    "audit_keys",
    "events",
    "signatures",
    "device_health_reports",
)
#: Tables whose rows may change in one column only, once, from NULL to a value.
REMOVAL_ONLY: dict[str, str] = {"links": "removed_event_id"}

_PG_FUNCTIONS = (
    """
    CREATE OR REPLACE FUNCTION lotline_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE OR REPLACE FUNCTION lotline_removal_only() RETURNS trigger AS $$
    DECLARE
        col text := TG_ARGV[0];
    BEGIN
        IF TG_OP = 'UPDATE'
           AND to_jsonb(OLD) -> col = 'null'::jsonb
           AND to_jsonb(NEW) -> col <> 'null'::jsonb
           AND (to_jsonb(NEW) - col) = (to_jsonb(OLD) - col) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only: % refused (a row may only be marked removed, once)',
            TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql
    """,
)


def _pg_trigger_exists(conn: Connection, table: str, name: str) -> bool:
    found = conn.execute(
        text("SELECT 1 FROM pg_trigger WHERE tgname = :n AND tgrelid = to_regclass(:t)"),
        {"n": name, "t": table},
    ).first()
    return found is not None


def _pg_table_exists(conn: Connection, table: str) -> bool:
    return conn.execute(text("SELECT to_regclass(:t)"), {"t": table}).scalar() is not None


def _install_postgresql(conn: Connection) -> None:
    for sql in _PG_FUNCTIONS:
        conn.execute(text(sql))
    for table in APPEND_ONLY:
        if not _pg_table_exists(conn, table):
            continue
        if table == "audit_entries" and _pg_trigger_exists(conn, table, f"{table}_append_only"):
            continue  # the first migration's own trigger (same rule, older function)
        if not _pg_trigger_exists(conn, table, f"{table}_append_only"):
            conn.execute(
                text(
                    f"CREATE TRIGGER {table}_append_only "
                    f"BEFORE UPDATE OR DELETE OR TRUNCATE ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION lotline_append_only()"
                )
            )
    for table, column in REMOVAL_ONLY.items():
        if not _pg_table_exists(conn, table):
            continue
        if not _pg_trigger_exists(conn, table, f"{table}_removal_only"):
            conn.execute(
                text(
                    f"CREATE TRIGGER {table}_removal_only BEFORE UPDATE OR DELETE ON {table} "
                    f"FOR EACH ROW EXECUTE FUNCTION lotline_removal_only('{column}')"
                )
            )
        if not _pg_trigger_exists(conn, table, f"{table}_no_truncate"):
            conn.execute(
                text(
                    f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION lotline_append_only()"
                )
            )


def _sqlite_columns(conn: Connection, table: str) -> list[str]:
    return [row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table})")]


def _install_sqlite(conn: Connection) -> None:
    for table in APPEND_ONLY:
        if not _sqlite_columns(conn, table):
            continue
        for op in ("UPDATE", "DELETE"):
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {table}_append_only_{op.lower()} "
                f"BEFORE {op} ON {table} BEGIN "
                f"SELECT RAISE(ABORT, '{table} is append-only: {op} refused'); END"
            )
    for table, column in REMOVAL_ONLY.items():
        others = [c for c in _sqlite_columns(conn, table) if c != column]
        if not others:
            continue
        unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in others)
        message = f"{table} is append-only: UPDATE refused (a row may only be marked removed, once)"
        # Rebuilt every time so that a column added later is covered too.
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_removal_only_update")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {table}_removal_only_update BEFORE UPDATE ON {table} "
            f"WHEN NOT (OLD.{column} IS NULL AND NEW.{column} IS NOT NULL AND {unchanged}) "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER IF NOT EXISTS {table}_removal_only_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END"
        )


def install(conn: Connection) -> None:
    """Create the append-only triggers that are missing (both databases; idempotent)."""
    if conn.dialect.name == "postgresql":
        _install_postgresql(conn)
    elif conn.dialect.name == "sqlite":
        _install_sqlite(conn)


def uninstall(conn: Connection) -> None:
    """Drop the triggers ``install`` made (the migration's downgrade)."""
    if conn.dialect.name == "postgresql":
        for table in APPEND_ONLY:
            if table != "audit_entries" and _pg_table_exists(conn, table):
                conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"))
        for table in REMOVAL_ONLY:
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_removal_only ON {table}"))
            conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}"))
        conn.execute(text("DROP FUNCTION IF EXISTS lotline_removal_only()"))
        conn.execute(text("DROP FUNCTION IF EXISTS lotline_append_only()"))
    elif conn.dialect.name == "sqlite":
        for table in APPEND_ONLY:
            for op in ("update", "delete"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_append_only_{op}")
        for table in REMOVAL_ONLY:
            for op in ("update", "delete"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_removal_only_{op}")
