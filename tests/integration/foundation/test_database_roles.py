"""PostgreSQL roles: the runtime role a station uses cannot change or remove history.

Roles are cluster-wide: every test makes its own uniquely named owner and runtime roles and
drops them afterwards (the shared ``postgres`` role is never altered).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db import roles
from db.append_only import APPEND_ONLY, REMOVAL_ONLY
from db.engine import make_engine
from db.migrate import upgrade
from db.models import (
    AuditCheckpoint,
    AuditEntry,
    AuditKey,
    DeviceHealthReport,
    Event,
    Item,
    Link,
    Signature,
    User,
)
from db.types import utcnow
from tests.conftest import _admin_engine, _pg_url

pytestmark = pytest.mark.postgres

EVENT = "11111111-2222-3333-4444-555555555555"
LATER = "66666666-7777-8888-9999-000000000000"


@dataclass(frozen=True)
class Roles:
    owner: str
    runtime: str
    superuser_url: str
    owner_url: str
    runtime_url: str


def _as(url: str, role: str) -> str:
    return make_url(url).set(username=role, password="pw-" + role).render_as_string(False)


def _drop_roles(database_url: str, *names: str) -> None:
    admin = make_engine(database_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in names:
            exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
            if exists.first() is not None:
                conn.execute(text(f'DROP OWNED BY "{name}" CASCADE'))
    admin.dispose()
    server = _admin_engine()
    with server.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
    server.dispose()


def _make_roles(database_url: str) -> Iterator[Roles]:
    tag = f"{os.getpid()}_{uuid.uuid4().hex[:8]}"
    owner, runtime = f"lt_owner_{tag}", f"lt_station_{tag}"
    engine = make_engine(database_url)
    try:
        roles.setup_roles(
            engine,
            owner=owner,
            runtime=runtime,
            owner_password="pw-" + owner,
            runtime_password="pw-" + runtime,
        )
        engine.dispose()
        yield Roles(
            owner, runtime, database_url, _as(database_url, owner), _as(database_url, runtime)
        )
    finally:
        engine.dispose()
        _drop_roles(database_url, owner, runtime)


@pytest.fixture
def pg_roles(postgres_url: str) -> Iterator[Roles]:
    """Owner and runtime roles on a fresh migrated database; rows in every append-only table."""
    engine = make_engine(postgres_url)
    _seed(engine)
    engine.dispose()
    yield from _make_roles(postgres_url)


def _seed(engine: Engine) -> None:
    """One row in each append-only table and one link, written by the superuser."""
    with Session(engine) as s, s.begin():
        user = User(username="u", full_name="U", role="operator", password_hash="x")
        first, second = (
            Item(kind="unit", status="in_process"),
            Item(kind="unit", status="in_process"),
        )
        s.add_all([user, first, second])
        s.flush()
        s.add_all(
            [Event(id=uuid.UUID(e), kind="pack", station_time=utcnow()) for e in (EVENT, LATER)]
        )
        s.flush()
        s.add(
            Link(
                parent_item_id=first.id,
                child_item_id=second.id,
                kind="pack",
                event_id=uuid.UUID(EVENT),
            )
        )
        s.add(
            Signature(
                user_id=user.id, printed_name="U", meaning="Reviewed", signed_at=utcnow(),
                record_type="lot", record_id="1", record_hash="h",
            )
        )  # fmt: skip
        s.add(
            AuditEntry(
                at=utcnow(), username="u", station="s", action="a", entity="e", entity_id="1",
                prev_hash="0" * 64, hash="h1",
            )
        )  # fmt: skip
        s.add(AuditKey(key_id="k", public_key="p", station="s"))
        s.add(
            DeviceHealthReport(
                device="scale", period_start=utcnow(), period_end=utcnow(), readings=1,
                refused=0, reconnects=0,
            )
        )  # fmt: skip
        s.add(
            AuditCheckpoint(
                chain_id="c", at=utcnow(), entry_count=1, last_entry_id=1, head_hash="h1",
                station="s", key_id="k", signature="x",
            )
        )  # fmt: skip


def _refused(engine: Engine, sql: str) -> str:
    """Run ``sql`` in its own transaction; it must fail. Returns the server's reason."""
    with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
        conn.execute(text(sql))
    return str(caught.value.orig)


def _triggers(engine: Engine, table: str) -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(:t) AND NOT tgisinternal"
            ),
            {"t": table},
        )
        return list(rows.scalars())


def _first_column(engine: Engine, table: str) -> str:
    with engine.connect() as conn:
        return str(
            conn.execute(
                text(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = :t "
                    "AND column_name <> 'id' ORDER BY ordinal_position LIMIT 1"
                ),
                {"t": table},
            ).scalar_one()
        )


@pytest.mark.parametrize("table", [*APPEND_ONLY, *REMOVAL_ONLY])
def test_runtime_role_cannot_change_remove_or_unprotect_an_append_only_table(
    pg_roles: Roles, table: str
) -> None:
    station = make_engine(pg_roles.runtime_url)
    owner = make_engine(pg_roles.superuser_url)
    triggers = _triggers(owner, table)
    assert triggers, f"{table} has no append-only trigger"
    column = _first_column(owner, table)
    with owner.connect() as conn:
        before = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    assert before >= 1
    refusals = [
        f"UPDATE {table} SET {column} = {column}",
        f"DELETE FROM {table}",
        f"TRUNCATE {table}",
        f"ALTER TABLE {table} DISABLE TRIGGER ALL",
        f"ALTER TABLE {table} DISABLE TRIGGER USER",
        f"ALTER TABLE {table} OWNER TO {pg_roles.runtime}",
        "SET session_replication_role = replica",
    ]
    for name in triggers:
        refusals += [
            f"ALTER TABLE {table} DISABLE TRIGGER {name}",
            f"DROP TRIGGER {name} ON {table}",
            f"ALTER TRIGGER {name} ON {table} RENAME TO gone",
        ]
    for sql in refusals:
        reason = _refused(station, sql)
        assert any(
            word in reason for word in ("permission denied", "must be owner", "append-only")
        ), (sql, reason)
    with owner.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == before
    assert sorted(_triggers(owner, table)) == sorted(triggers)
    station.dispose()
    owner.dispose()


def test_superuser_too_is_stopped_by_the_triggers(pg_roles: Roles) -> None:
    owner = make_engine(pg_roles.superuser_url)
    for table in APPEND_ONLY:
        column = _first_column(owner, table)
        assert "append-only" in _refused(owner, f"UPDATE {table} SET {column} = {column}")
        assert "append-only" in _refused(owner, f"DELETE FROM {table}")
    owner.dispose()


def test_runtime_role_may_insert_and_read_and_mark_a_link_removed_once(pg_roles: Roles) -> None:
    station = make_engine(pg_roles.runtime_url)
    with station.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO events (id, kind, outcome, station_time, data) "
                "VALUES (:id, 'pack', 'ok', now(), '{}')"
            ),
            {"id": str(uuid.uuid4())},
        )
        conn.execute(text("UPDATE items SET status = 'completed'"))
        conn.execute(text("UPDATE links SET removed_event_id = :e"), {"e": LATER})
        assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == 3
        # the derived reach table is recomputed in place when a link is removed
        conn.execute(text("INSERT INTO reach VALUES (1, 2, 1, 'unit', 'case')"))
        assert conn.execute(text("DELETE FROM reach")).rowcount >= 1
    # once removed, a link stays removed by that event
    reason = _refused(station, f"UPDATE links SET removed_event_id = '{EVENT}'")
    assert "append-only" in reason
    # and no other column of a link may change, even with the removal
    reason = _refused(station, "UPDATE links SET quantity = 2")
    assert "permission denied" in reason
    assert "permission denied" in _refused(station, "DELETE FROM items")
    assert "permission denied" in _refused(station, "CREATE TABLE mine (x int)")
    assert "permission denied" in _refused(station, "UPDATE alembic_version SET version_num = 'x'")
    station.dispose()


def test_roles_own_and_grant_as_intended_and_setup_is_idempotent(pg_roles: Roles) -> None:
    admin = make_engine(pg_roles.superuser_url)
    again = roles.setup_roles(admin, owner=pg_roles.owner, runtime=pg_roles.runtime)
    assert again.created == () and again.passwords_set == ()
    with admin.connect() as conn:
        owners = set(
            conn.execute(
                text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        )
        attrs = conn.execute(
            text("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = :r"),
            {"r": pg_roles.runtime},
        ).one()
        owns = conn.execute(
            text("SELECT count(*) FROM pg_tables WHERE tableowner = :r"), {"r": pg_roles.runtime}
        ).scalar_one()
    assert owners == {pg_roles.owner}
    assert tuple(attrs) == (False, False, False)
    assert owns == 0
    admin.dispose()


def test_production_refuses_superuser_and_owner_and_accepts_the_runtime_role(
    pg_roles: Roles,
) -> None:
    superuser = make_engine(pg_roles.superuser_url)
    with pytest.raises(roles.RoleProblem, match="superuser"):
        roles.refuse_privileged_station(superuser)
    owner = make_engine(pg_roles.owner_url)
    with pytest.raises(roles.RoleProblem, match="owns the Lotline tables"):
        roles.refuse_privileged_station(owner)
    station = make_engine(pg_roles.runtime_url)
    roles.refuse_privileged_station(station)
    for engine in (superuser, owner, station):
        engine.dispose()


def test_runtime_role_cannot_migrate_and_is_told_who_can(pg_template: str) -> None:
    """A database one revision behind: the station's role is refused in one line."""
    name = f"lotline_t_roles_{uuid.uuid4().hex[:8]}"
    server = _admin_engine()
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = _pg_url(name)
    try:
        superuser = make_engine(url)
        upgrade(superuser, "0001")
        gen = _make_roles(url)
        made = next(gen)
        try:
            station = make_engine(made.runtime_url)
            with pytest.raises(roles.RoleProblem, match="run `lotline db upgrade` as the owner"):
                upgrade(station)
            station.dispose()
            # the superuser migrates as the owner: new tables belong to it, the station may use them
            upgrade(superuser)
            with superuser.connect() as conn:
                owner_of = conn.execute(
                    text("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_checkpoints'")
                ).scalar_one()
            assert owner_of == made.owner
            station = make_engine(made.runtime_url)
            with station.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM audit_checkpoints")).scalar() == 0
            assert "permission denied" in _refused(station, "DELETE FROM audit_keys")
            station.dispose()
        finally:
            superuser.dispose()
            gen.close()
    finally:
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def test_setup_roles_refuses_bad_names_and_sqlite(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(roles.RoleProblem, match="reserved"):
        roles.check_name("postgres")
    with pytest.raises(roles.RoleProblem, match="not allowed"):
        roles.check_name('x"; DROP TABLE items; --')
    sqlite = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with pytest.raises(roles.RoleProblem, match="PostgreSQL only"):
        roles.setup_roles(sqlite, owner_password="a", runtime_password="b")
    sqlite.dispose()


def test_station_start_up_in_production_refuses_the_owner_and_anchors_as_the_runtime_role(
    pg_roles: Roles, tmp_path: Path
) -> None:
    from desktop.app import open_backend
    from desktop.config import AuditConfig, StationConfig

    audit_cfg = AuditConfig(True, tmp_path / "cfg" / "key.pem", tmp_path / "anchors")
    for url, word in ((pg_roles.superuser_url, "superuser"), (pg_roles.owner_url, "owns")):
        cfg = StationConfig(database_url=url, production=True, audit=audit_cfg)
        with pytest.raises(roles.RoleProblem, match=word):
            open_backend(cfg)
    cfg = StationConfig(database_url=pg_roles.runtime_url, production=True, audit=audit_cfg)
    base = open_backend(cfg)
    assert base.anchoring is not None
    assert base.anchoring.key.path == tmp_path / "cfg" / "key.pem"
    base.engine.dispose()
