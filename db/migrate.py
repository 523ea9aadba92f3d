"""Schema migrations: upgrade, current revision, and the start-up check.

Start-up migrates an older schema to head and refuses a schema newer than the code, so a
station with old software can never write into a database it does not understand.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from db import append_only, roles
from db.engine import check_reachable, writer
from db.errors import SchemaTooNew

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
        with writer(engine).begin() as conn:
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


def ensure_schema(engine: Engine) -> None:
    """What start-up does: reachable, not newer than the code, migrated to head."""
    upgrade(engine)
