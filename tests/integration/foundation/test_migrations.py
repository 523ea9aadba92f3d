"""Models and migrations agree; start-up migrates; bad database input is refused cleanly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text

from db.engine import make_engine
from db.errors import BadDatabaseUrl, SchemaTooNew
from db.migrate import current_revision, ensure_schema, head_revision
from db.models import Base


def _lotline(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LOTLINE_DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []
    assert current_revision(engine) == head_revision()


def test_roles_are_seeded(engine: Engine) -> None:
    with engine.connect() as conn:
        roles = set(conn.execute(text("SELECT name FROM roles")).scalars())
    assert roles == {"operator", "qc_inspector", "packaging", "supervisor", "admin"}


def test_cli_upgrade_and_current(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    up = _lotline("db", "upgrade", "--database", url)
    assert up.returncode == 0, up.stderr
    assert "upgraded from empty to" in up.stdout
    again = _lotline("db", "upgrade", "--database", url)
    assert "nothing to do" in again.stdout
    cur = _lotline("db", "current", "--database", url)
    assert cur.stdout.strip() == f"{head_revision()} (head)"


def test_schema_newer_than_the_code_is_refused_and_nothing_written(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(SchemaTooNew, match="9999_from_the_future"):
        ensure_schema(engine)
    engine.dispose()
    result = _lotline(
        "user",
        "add",
        "ada",
        "--role",
        "admin",
        "--password-stdin",
        "--database",
        database_url,
        stdin="long-password\n",
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "newer Lotline" in lines[0]
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM users")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM audit_entries")).scalar() == 0
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "9999_from_the_future"
        )
    engine.dispose()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "is malformed"),
        ("mysql://db.example/lotline", 'names "mysql"'),
        ("postgresql://postgres@127.0.0.1:1/lotline", "cannot reach the database"),
    ],
)
def test_bad_database_urls_give_one_clear_line(url: str, expected: str) -> None:
    result = _lotline("db", "upgrade", "--database", url)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_environment_url_is_used_and_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOTLINE_DATABASE_URL", "nonsense://")
    with pytest.raises(BadDatabaseUrl):
        make_engine()
