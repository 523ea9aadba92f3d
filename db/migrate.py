"""Schema migrations: upgrade, current revision, and the start-up check.

Start-up migrates an older schema to head and refuses a schema newer than the code, so a
station with old software can never write into a database it does not understand.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from db import append_only, roles
from db.engine import check_reachable, writer
from db.errors import MigrationRefused, SchemaTooNew

# The migrations are package data of db.migrations, so a wheel or a frozen build carries them.
# Alembic reads them from a folder: importlib.resources gives the real one for a regular
# installation, an editable checkout and a PyInstaller one-folder build alike.
MIGRATIONS = files("db.migrations")


def migrations_dir() -> Path:
    """The folder holding env.py and versions/ (package data of ``db.migrations``)."""
    folder = Path(str(MIGRATIONS))
    if not (folder / "env.py").is_file():
        raise FileNotFoundError(
            f"the database migrations are missing from {folder}: this Lotline installation is "
            "incomplete. Reinstall it (the wheel and the installer carry them)."
        )
    return folder


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's revision, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(revision: str) -> bool:
    script = ScriptDirectory.from_config(alembic_config())
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def refuse_newer_schema(engine: Engine) -> None:
    current = current_revision(engine)
    if current is not None and not _known(current):
        raise SchemaTooNew(
            f'the database schema is at revision "{current}", which this Lotline version does '
            f'not know (its newest is "{head_revision()}"): the database was migrated by a newer '
            "Lotline. Install that version on this station; nothing was written."
        )


def upgrade(engine: Engine, target: str = "head") -> None:
    """Migrate the database to ``target`` (refusing a schema newer than the code).

    On PostgreSQL the migration creates objects as the table owner (db.roles.act_as_owner);
    after any migration the append-only triggers are re-made where missing and the runtime
    roles get their rights on new tables. A role that may not migrate (a station's runtime
    role) is refused with one line that says who may.
    """
    check_reachable(engine)
    refuse_newer_schema(engine)
    cfg = alembic_config()
    try:
        with _migrating(engine) as conn:
            before = MigrationContext.configure(conn).get_current_revision()
            roles.act_as_owner(conn)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            if MigrationContext.configure(conn).get_current_revision() != before:
                append_only.install(conn)
                roles.refresh_grants(conn)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient_privilege
            raise
        where = engine.url.render_as_string(hide_password=True)
        raise roles.RoleProblem(
            f'the schema of {where} is at "{current_revision(engine) or "empty"}", older than '
            f'this Lotline ("{head_revision()}"), and role "{engine.url.username}" may not '
            "migrate it: run `lotline db upgrade` as the owner role; nothing was written"
        ) from None


def downgrade(engine: Engine, target: str) -> None:
    """Migrate the database back to ``target``: no station does this; it proves that a
    migration can be undone (tests, and an operator restoring an older Lotline)."""
    cfg = alembic_config()
    with _migrating(engine) as conn:
        roles.act_as_owner(conn)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)
        append_only.install(conn)


@contextmanager
def _migrating(engine: Engine) -> Iterator[Connection]:
    """One write transaction for a migration.

    On SQLite, foreign keys are switched off around it (it can only be done outside a
    transaction) and checked once for the whole database before the commit: SQLite's batch mode
    alters a table by copying it, dropping the old one and renaming the copy, and dropping a
    table that other rows refer to is refused while foreign keys are on.
    """
    sqlite = engine.dialect.name == "sqlite"
    with writer(engine).connect() as conn:
        if sqlite:
            _sqlite_pragma(conn, "PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                yield conn
                if sqlite:
                    _refuse_broken_references(conn)
        finally:
            if sqlite:
                _sqlite_pragma(conn, "PRAGMA foreign_keys=ON")


def _sqlite_pragma(conn: Connection, pragma: str) -> None:
    """A PRAGMA on the driver's connection, outside any transaction."""
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute(pragma)


def _refuse_broken_references(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        rows = "; ".join(f"{table} row {rowid} -> {parent}" for table, rowid, parent, _ in broken)
        raise MigrationRefused(
            f"the migrated database would hold rows that refer to missing rows ({rows}); "
            "nothing was changed. Restore the database from its last backup."
        )


def ensure_schema(engine: Engine) -> None:
    """What start-up does: reachable, not newer than the code, migrated to head."""
    upgrade(engine)
