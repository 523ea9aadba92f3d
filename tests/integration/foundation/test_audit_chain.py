"""The audit trail: appended in the writer's transaction, hash-chained, tamper-evident."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db import append_only, audit
from db.engine import make_engine
from db.migrate import upgrade
from db.models import AuditEntry, User
from desktop.services import identity
from desktop.services.core.errors import Refusal
from tests.support.foundation import admin_ctx, make_user


def _count(engine: Engine) -> int:
    with Session(engine) as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def _lotline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_every_write_is_audited_in_its_transaction(engine: Engine) -> None:
    admin = admin_ctx(engine)
    make_user(admin, "olga", "operator")
    with Session(engine) as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        olga = s.scalar(select(User).where(User.username == "olga"))
    assert actions[:2] == ["user.create", "auth.success"]
    assert "user.create" in actions[2:]
    assert olga is not None
    assert audit.verify(engine).ok


def test_refused_write_leaves_only_the_audited_refusal(engine: Engine) -> None:
    admin = admin_ctx(engine)
    before = _count(engine)
    with pytest.raises(Refusal, match='user name "admin" is taken'):
        identity.add_user(admin, "admin", "Again", "operator", "password-123")
    with Session(engine) as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        users = s.scalar(select(func.count(User.id)))
    assert _count(engine) == before + 1
    assert last is not None and last.action == "refused:add_user"
    assert 'user name "admin" is taken' in (last.reason or "")
    assert users == 1


def test_cli_verify_names_the_entry_changed_with_raw_sql_on_sqlite(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'tamper.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    admin = admin_ctx(engine)
    make_user(admin, "quinn", "qc_inspector")
    ok = _lotline("audit", "verify", "--database", url)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("OK")
    with engine.begin() as conn:
        append_only.uninstall(conn)  # SQLite: whoever holds the file can drop them
        target = conn.execute(text("SELECT id FROM audit_entries ORDER BY id LIMIT 1 OFFSET 2"))
        target_id = target.scalar_one()
        conn.execute(
            text("UPDATE audit_entries SET new_value = :v WHERE id = :id"),
            {"v": '{"role":"admin"}', "id": target_id},
        )
    engine.dispose()
    broken = _lotline("audit", "verify", "--database", url)
    assert broken.returncode == 1
    assert f"audit entry {target_id}" in broken.stdout
    assert "no longer matches its hash" in broken.stdout


def test_cli_verify_notices_a_deleted_entry_on_sqlite(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'gap.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    admin = admin_ctx(engine)
    make_user(admin, "pat", "packaging")
    with engine.begin() as conn:
        append_only.uninstall(conn)  # SQLite: whoever holds the file can drop them
        conn.execute(text("DELETE FROM audit_entries WHERE id = 2"))
    engine.dispose()
    result = _lotline("audit", "verify", "--database", url)
    assert result.returncode == 1
    assert "audit entry 3" in result.stdout and "broken" in result.stdout


@pytest.mark.postgres
def test_postgres_refuses_update_and_delete_of_audit_entries(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    admin_ctx(engine)
    for sql in (
        "UPDATE audit_entries SET reason = 'edited' WHERE id = 1",
        "DELETE FROM audit_entries WHERE id = 1",
        "TRUNCATE audit_entries",
    ):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(sql))
    assert audit.verify(engine).ok
    engine.dispose()


@pytest.mark.postgres
def test_ten_threads_writing_at_once_leave_one_unbroken_chain(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    admin = admin_ctx(engine)
    errors: list[BaseException] = []
    start = threading.Barrier(10)

    def writer(n: int) -> None:
        try:
            start.wait()
            for k in range(5):
                identity.add_user(admin, f"u{n}_{k}", f"User {n} {k}", "operator", "password-123")
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    check = audit.verify(engine)
    assert check.ok, check
    with Session(engine) as s:
        creates = s.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.action == "user.create")
        )
        forks = s.scalar(
            select(func.count()).select_from(
                select(AuditEntry.prev_hash)
                .group_by(AuditEntry.prev_hash)
                .having(func.count() > 1)
                .subquery()
            )
        )
    assert creates == 51
    assert forks == 0
    engine.dispose()
