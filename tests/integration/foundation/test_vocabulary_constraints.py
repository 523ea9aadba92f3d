"""Every status, kind, outcome, disposition, role and meaning column holds only its vocabulary's
codes: the database refuses any other (CHECK constraints), the models read codes back as enum
members, and the migration that added the constraints carries an existing database forward
unchanged, or refuses one holding an unknown code and changes nothing. Both databases."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import pytest
from sqlalchemy import CheckConstraint, Engine, create_engine, inspect, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError

from db.engine import make_engine
from db.errors import MigrationRefused
from db.migrate import current_revision, downgrade, head_revision, upgrade
from db.models import Base, Event, Item, Link, Product
from db.types import Coded
from desktop.domain.events import EventKind, LinkKind, Outcome
from desktop.domain.states import ItemKind, Status

BEFORE = "0002_audit_anchors"  # the revision before the constraints
PG_ADMIN_URL = os.environ.get(
    "LOTLINE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _coded_columns() -> list[tuple[str, str, type[StrEnum]]]:
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, Coded):
                found.append((table.name, column.name, column.type.vocabulary))
    return found


CODED = _coded_columns()


def test_every_coded_column_has_its_check_constraint() -> None:
    """Or refers to a column that has one (users.role -> roles.name)."""
    assert len(CODED) == 38
    for table_name, column, vocabulary in CODED:
        table = Base.metadata.tables[table_name]
        for key in table.columns[column].foreign_keys:
            table_name, column = key.column.table.name, key.column.name
            table = key.column.table
        checks = {
            str(c.name): str(c.sqltext) for c in table.constraints if isinstance(c, CheckConstraint)
        }
        wanted = f"ck_{table_name}_{column}_known"
        assert wanted in checks, wanted
        for code in vocabulary:
            assert f"'{code.value}'" in checks[wanted]


def test_the_database_has_the_constraints(engine: Engine) -> None:
    inspector = inspect(engine)
    for table_name, column, _ in CODED:
        if table_name == "users":
            continue  # users.role refers to roles.name
        names = {c["name"] for c in inspector.get_check_constraints(table_name)}
        assert f"ck_{table_name}_{column}_known" in names, (table_name, names)


def _product(engine: Engine) -> int:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO products (gtin, name, description, tracking, active) "
                "VALUES ('09506000134352', 'Pump', '', 'serial', :yes)"
            ),
            {"yes": True},
        )
        return int(conn.execute(text("SELECT id FROM products")).scalar_one())


@pytest.mark.parametrize(
    ("table", "column", "bad"),
    [
        ("items", "status", "emptied"),
        ("items", "status", "Released"),  # codes are case-sensitive
        ("items", "kind", "box"),
        ("products", "tracking", "batch"),
    ],
)
def test_the_database_refuses_an_unknown_code_written_past_the_models(
    engine: Engine, table: str, column: str, bad: str
) -> None:
    product = _product(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO items (kind, product_id, serial, status, quantity, "
                "quantity_available, unit, current_step) "
                "VALUES ('unit', :p, 'SN1', 'in_process', 1, 1, 'ea', 0)"
            ),
            {"p": product},
        )
    refused = pytest.raises(IntegrityError, match=f"ck_{table}_{column}_known")
    with refused, engine.begin() as conn:
        conn.execute(text(f"UPDATE {table} SET {column} = :bad"), {"bad": bad})
    with engine.connect() as conn:
        assert conn.execute(text("SELECT status, kind FROM items")).one() == ("in_process", "unit")
        assert conn.execute(text("SELECT tracking FROM products")).scalar_one() == "serial"


def test_models_refuse_an_unknown_code_before_the_database_does(engine: Engine) -> None:
    from sqlalchemy.orm import Session

    with pytest.raises(ValueError, match='"emptied" is not a Status code: use one of quarantine'):
        Item(kind="unit", status="emptied")
    item = Item(kind="unit", status="released")
    assert item.status is Status.RELEASED  # a member from the moment it is set
    with pytest.raises(ValueError, match='"Shipped" is not a Status code'):
        item.status = "Shipped"
    assert item.status is Status.RELEASED
    with Session(engine) as session:
        with pytest.raises(StatementError, match='"box" is not a ItemKind code'):
            session.execute(select(Item).where(Item.kind == "box")).all()
        session.rollback()
        with pytest.raises(StatementError, match='"lost" is not a Status code'):
            session.execute(update(Item).values(status="lost"))


def _codes_in(condition: str) -> set[str]:
    """The quoted codes of a CHECK condition as the database gives it back."""
    return set(re.findall(r"'((?:[^']|'')*)'", condition))


def test_each_constraint_in_the_database_lists_exactly_its_vocabulary(engine: Engine) -> None:
    """A vocabulary changed without a migration that changes its constraint fails here."""
    inspector = inspect(engine)
    for table_name, column, vocabulary in CODED:
        if table_name == "users":
            continue  # users.role refers to roles.name
        checks = {c["name"]: c["sqltext"] for c in inspector.get_check_constraints(table_name)}
        stored = _codes_in(checks[f"ck_{table_name}_{column}_known"])
        assert stored == set(vocabulary.values()), (table_name, column)


def test_codes_are_read_back_as_members(engine: Engine) -> None:
    from sqlalchemy.orm import Session

    product = _product(engine)
    with Session(engine) as session:
        item = Item(kind=ItemKind.UNIT, status="released", product_id=product, serial="SN9")
        session.add(item)
        session.flush()
        event = Event(id=uuid.uuid4(), kind="lot_release", item_id=item.id, station_time=_now())
        session.add(event)
        session.flush()
        session.add(Link(parent_item_id=item.id, child_item_id=item.id, event_id=event.id))
        session.commit()
    with Session(engine) as session:
        item = session.scalars(select(Item)).one()
        event = session.scalars(select(Event)).one()
        link = session.scalars(select(Link)).one()
        product_row = session.get_one(Product, product)
        assert item.status is Status.RELEASED and item.kind is ItemKind.UNIT
        assert event.kind is EventKind.LOT_RELEASE and event.outcome is Outcome.OK
        assert link.kind is LinkKind.CONSUME  # the column's default, a member too
        assert product_row.tracking == "serial"
        by_status = session.scalars(select(Item.id).where(Item.status == Status.RELEASED)).all()
        assert by_status == [item.id]
        raw = session.execute(select(Item.status, Item.kind)).one()
        assert raw == (Status.RELEASED, ItemKind.UNIT) and raw[0] is Status.RELEASED


def _now():  # type: ignore[no-untyped-def]
    from db.types import utcnow

    return utcnow()


# ------------------------------------------------------------------ the migration itself


@pytest.fixture(params=["sqlite", "postgresql"])
def unmigrated(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database, migrated by the test itself."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
        yield engine
        engine.dispose()
        return
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # the server is not there
        admin.dispose()
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL unreachable: {exc}")
        pytest.skip(f"PostgreSQL unreachable: {exc}")
    name = f"lotline_vocab_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}")
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _old_rows(engine: Engine) -> dict[str, list[dict[str, object]]]:
    """Rows written at the revision before the constraints: items with links and events."""
    ids = [uuid.uuid4(), uuid.uuid4()]
    as_db = [i if engine.dialect.name == "postgresql" else i.hex for i in ids]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO products (gtin, name, description, tracking, active) "
                "VALUES ('09506000134352', 'Pump', '', 'serial', :yes)"
            ),
            {"yes": True},
        )
        for serial, status in (("S1", "released"), ("S2", "consumed")):
            conn.execute(
                text(
                    "INSERT INTO items (kind, product_id, gtin, serial, status, quantity, "
                    "quantity_available, unit, current_step) "
                    "VALUES ('unit', 1, '09506000134352', :s, :st, 1, 1, 'ea', 3)"
                ),
                {"s": serial, "st": status},
            )
        kinds = (("consume", "ok"), ("weigh", "fail"))
        for event_id, (kind, outcome) in zip(as_db, kinds, strict=True):
            conn.execute(
                text(
                    "INSERT INTO events (id, kind, outcome, item_id, station_time, data) "
                    "VALUES (:i, :k, :o, 1, CURRENT_TIMESTAMP, '{}')"
                ),
                {"i": event_id, "k": kind, "o": outcome},
            )
        conn.execute(
            text(
                "INSERT INTO links (parent_item_id, child_item_id, quantity, kind, event_id) "
                "VALUES (1, 2, 1, 'consume', :e)"
            ),
            {"e": as_db[0]},
        )
    return _snapshot(engine)


def _snapshot(engine: Engine) -> dict[str, list[dict[str, object]]]:
    with engine.connect() as conn:
        return {
            table: [
                dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1"))
            ]
            for table in ("products", "items", "events", "links", "roles")
        }


def _kept(
    now: dict[str, list[dict[str, object]]], before: dict[str, list[dict[str, object]]]
) -> bool:
    """Every row is still there with every value it had (later migrations may add columns)."""
    return all(
        len(now[table]) == len(rows)
        and all(old.items() <= new.items() for old, new in zip(rows, now[table], strict=True))
        for table, rows in before.items()
    )


def test_the_migration_keeps_every_row_and_then_refuses_unknown_codes(
    unmigrated: Engine,
) -> None:
    upgrade(unmigrated, BEFORE)
    before = _old_rows(unmigrated)
    upgrade(unmigrated)
    assert current_revision(unmigrated) == head_revision()
    assert _kept(_snapshot(unmigrated), before)
    if unmigrated.dialect.name == "sqlite":
        with unmigrated.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with pytest.raises(IntegrityError), unmigrated.begin() as conn:
        conn.execute(text("UPDATE items SET kind = 'box'"))
    # the tables rebuilt by SQLite's batch mode keep their triggers (append-only events)
    with pytest.raises(DBAPIError, match="append-only"), unmigrated.begin() as conn:
        conn.execute(text("DELETE FROM events"))


def test_a_database_holding_an_unknown_code_is_refused_and_left_as_it_was(
    unmigrated: Engine,
) -> None:
    upgrade(unmigrated, BEFORE)
    _old_rows(unmigrated)
    with unmigrated.begin() as conn:
        conn.execute(text("UPDATE items SET status = 'emptied' WHERE serial = 'S2'"))
        conn.execute(text("UPDATE products SET tracking = 'batch'"))
    before = _snapshot(unmigrated)
    with pytest.raises(MigrationRefused) as refused:
        upgrade(unmigrated)
    message = str(refused.value)
    assert "items.status = 'emptied'" in message and "products.tracking = 'batch'" in message
    assert "nothing was changed" in message
    assert current_revision(unmigrated) == BEFORE
    assert _snapshot(unmigrated) == before
    names = {c["name"] for c in inspect(unmigrated).get_check_constraints("items")}
    assert "ck_items_status_known" not in names


def test_the_migration_goes_back_down_and_up_again(unmigrated: Engine) -> None:
    upgrade(unmigrated, BEFORE)
    before = _old_rows(unmigrated)
    upgrade(unmigrated)
    downgrade(unmigrated, BEFORE)
    assert current_revision(unmigrated) == BEFORE
    assert _snapshot(unmigrated) == before
    names = {c["name"] for c in inspect(unmigrated).get_check_constraints("items")}
    assert "ck_items_status_known" not in names
    assert "ck_items_quantity_available_not_negative" in names
    with unmigrated.begin() as conn:
        conn.execute(text("UPDATE items SET status = 'emptied' WHERE serial = 'S2'"))
        conn.execute(text("UPDATE items SET status = 'consumed' WHERE serial = 'S2'"))
    upgrade(unmigrated)
    assert current_revision(unmigrated) == head_revision()
    assert _kept(_snapshot(unmigrated), before)


def test_sqlite_a_broken_reference_found_after_migrating_is_refused(tmp_path: Path) -> None:
    """Foreign keys are off while SQLite migrates; a row that refers to a missing row (written
    past the checks) fails the check before commit, and the database stays as it was."""
    engine = make_engine(f"sqlite:///{tmp_path / 'broken.sqlite'}")
    upgrade(engine, BEFORE)
    _old_rows(engine)
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("UPDATE items SET product_id = 99 WHERE serial = 'S2'")
        raw.execute("PRAGMA foreign_keys=ON")
    before = _snapshot(engine)
    with pytest.raises(MigrationRefused, match=r"items row 2 -> products"):
        upgrade(engine)
    assert current_revision(engine) == BEFORE
    assert _snapshot(engine) == before
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()
