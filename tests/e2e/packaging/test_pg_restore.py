"""The PostgreSQL restore test of docs/operations.md, run as written: a demo shift on the server,
`pg_dump --format=custom`, `pg_restore` into a new database, then `lotline db current` and
`lotline audit verify` on the restored copy, whose rows are those of the original."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.conftest import IN_CI, PG_ADMIN_URL

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        reason = f"{name} is not installed: apt-get install postgresql-client"
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: this test must run)")
        pytest.skip(reason)
    assert found is not None
    return found


def libpq_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def lotline(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTLINE_")}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


@pytest.fixture
def scratch_database() -> Iterator[str]:
    """An empty database to restore into (what `createdb` makes), dropped afterwards."""
    name = f"lotline_restore_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = sorted(inspect(conn).get_table_names())
            ordered = 'SELECT * FROM "{0}" ORDER BY "{0}"::text'  # any table, a stable order
            return {t: [tuple(r) for r in conn.execute(text(ordered.format(t)))] for t in tables}
    finally:
        engine.dispose()


def test_a_dump_restores_into_a_new_database_and_verifies(
    postgres_url: str, scratch_database: str, tmp_path: Path
) -> None:
    pg_dump, pg_restore = tool("pg_dump"), tool("pg_restore")
    shift = lotline("demo", "--database", postgres_url, "--out", str(tmp_path / "demo"))
    assert shift.returncode == 0, shift.stdout[-2000:] + shift.stderr[-2000:]

    dump = tmp_path / "lotline.dump"
    dumped = subprocess.run(
        [pg_dump, "--format=custom", f"--file={dump}", libpq_url(postgres_url)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert dumped.returncode == 0, dumped.stderr
    restored = subprocess.run(
        [pg_restore, "--exit-on-error", f"--dbname={libpq_url(scratch_database)}", str(dump)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert restored.returncode == 0, restored.stderr

    current = lotline("db", "current", "--database", scratch_database)
    assert current.returncode == 0 and current.stdout.rstrip().endswith("(head)"), current
    verify = lotline("audit", "verify", "--database", scratch_database)
    assert verify.returncode == 0 and verify.stdout.startswith("OK: "), verify
    assert rows(scratch_database) == rows(postgres_url)
