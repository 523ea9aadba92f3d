"""Every column that goes into a signature's record hash is checked by changing it: a signed
record of each kind the plant signs is edited one column at a time behind the services' back,
and the signature must read as invalid, then valid again once the column is put back. The
columns left out of the hash (they change after signing by design: a status, a signature id)
are written out here by hand; changing one of them must leave the signature valid.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Engine, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import (
    Base,
    Item,
    LabelTemplateVersion,
    Nonconformance,
    PrintJob,
    Recall,
    Route,
    Signature,
    User,
    WorkOrder,
)
from db.types import Coded
from desktop.domain.permissions import Meaning
from desktop.services import identity, labelling, quality, recall
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.world import World, signer
from tests.support.plant import PASSWORD

#: table -> the columns a signature does not cover (written out here, not read from the models).
NOT_SIGNED: dict[str, set[str]] = {
    "items": {"status", "quantity_available", "current_step", "updated_at", "site_id"},
    "work_orders": {"status", "completed_at"},
    "nonconformances": {"status", "closed_at", "closed_by", "disposition_signature_id"},
    "label_template_versions": {"status", "approved_by", "approved_at", "signature_id"},
    "print_jobs": {"status", "signature_id", "printed_at", "verified_at", "void_reason"},
    "users": {
        "failed_attempts",
        "locked_at",
        "last_login_at",
        "password_hash",
        "pin_hash",
        "totp_last_step",
        "must_change_password",
    },
    "recalls": set(),
    "routes": set(),
    "inspection_results": set(),
}
#: Tables whose rows the database itself refuses to change (db/append_only.py): a lot release
#: covers their rows too, but they cannot be edited here to show it.
APPEND_ONLY = {"events", "links", "signatures", "audit_entries"}


@dataclass(frozen=True)
class Signed:
    model: type[Base]
    row_id: int
    signature_id: int


def _sign(w: World, model: type[Base], row_id: int) -> Signed:
    login, username = signer(w, "qc_inspector")
    info = identity.sign_record(
        w.ctx("qc_inspector"),
        login,
        model.__tablename__,
        row_id,
        Meaning.REVIEWED,
        PASSWORD,
        username=username,
    )
    assert info.valid
    return Signed(model, row_id, info.id)


def _id(engine: Engine, model: type[Base], **where: Any) -> int:
    with Session(engine) as s:
        found = s.scalars(select(model.id).filter_by(**where).order_by(model.id.desc())).first()  # type: ignore[attr-defined]
    assert found is not None, (model.__tablename__, where)
    return int(found)


def _records(w: World) -> Iterator[Signed]:
    """One signed record of each kind, made through the services."""
    engine = w.engine
    built = w.built_lot()
    yield _sign(w, Item, _id(engine, Item, lot=w.material_lot()))  # a material lot
    yield _sign(w, Item, _id(engine, Item, lot=built.lot, kind="production_lot"))
    yield _sign(w, Item, _id(engine, Item, serial=built.serials[0]))  # a unit
    yield _sign(w, WorkOrder, _id(engine, WorkOrder, number=built.wo))
    ncr = quality.open_ncr(w.ctx("operator"), w.pump(1), "scratch on the housing").number
    yield _sign(w, Nonconformance, _id(engine, Nonconformance, number=ncr))
    job = w.printed_job()
    yield _sign(w, PrintJob, _id(engine, PrintJob, idempotency_key=job.key))
    draft = labelling.register_template_file(w.ctx("qc_inspector"), w.template_file())
    yield _sign(w, LabelTemplateVersion, draft.id)
    number = recall.open_recall(w.ctx("supervisor"), w.shipped_pump(), "motor stalls").number
    yield _sign(w, Recall, _id(engine, Recall, number=number))
    yield _sign(w, User, _id(engine, User, username="olga"))
    yield _sign(w, Route, _id(engine, Route))


def _other_ids(session: Session, column: Column[Any], current: Any) -> list[Any]:
    (fk,) = column.foreign_keys
    target = fk.column
    stmt = select(target).where(target != current) if current is not None else select(target)
    found = list(session.scalars(stmt.order_by(target).limit(5)))
    assert found, f"no other row in {target.table.name} for {column.name}"
    return found


def _candidates(session: Session, column: Column[Any], value: Any) -> list[Any]:
    """Other values the column may hold: other rows it points at, other codes, a nudge."""
    if column.foreign_keys:
        return _other_ids(session, column, value)
    kind = column.type
    if isinstance(kind, Coded):
        return [m for m in kind.vocabulary if m != value]
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, (int, Decimal)):
        return [value + 1, value + 1000]
    if isinstance(value, datetime):
        return [value + timedelta(seconds=1)]
    if isinstance(value, date):
        return [value + timedelta(days=1)]
    if isinstance(value, uuid.UUID):
        return [uuid.uuid4()]
    if isinstance(value, dict):
        return [{**value, "edited": True}]
    if isinstance(value, list):
        return [[*value, "edited"]]
    if isinstance(value, bytes):
        return [value + b"x"]
    if isinstance(value, str):
        longest = getattr(kind, "length", None) or len(value) + 1
        other = "y" if value.endswith("x") else "x"
        return [value + other if len(value) < longest else value[:-1] + other]
    samples: dict[type, Any] = {
        str: "x",
        int: 1,
        bool: True,
        Decimal: Decimal(1),
        datetime: datetime(2026, 1, 1, tzinfo=UTC),
        date: date(2026, 1, 1),
        dict: {"edited": True},
        uuid.UUID: uuid.uuid4(),
    }
    return [samples[getattr(kind, "impl", kind).python_type]]  # a decorated type: its base


def _valid(w: World, signed: Signed) -> bool:
    return identity.check_signature(w.ctx("qc_inspector"), signed.signature_id).valid


def _edit(engine: Engine, signed: Signed, key: str) -> Any:
    """Give ``key`` of the signed row another value the database accepts; return the old one."""
    column = inspect(signed.model).columns[key]
    with Session(engine) as s:
        row = s.get(signed.model, signed.row_id)
        assert row is not None
        old = getattr(row, key)
        candidates = _candidates(s, column, old)
    for value in candidates:
        try:
            _put(engine, signed, key, value)
        except IntegrityError:  # another row holds that value (a unique key): try the next
            continue
        return old
    raise AssertionError(f"{signed.model.__tablename__}.{key}: no other value was accepted")


def _put(engine: Engine, signed: Signed, key: str, value: Any) -> None:
    with Session(engine) as s, s.begin():
        row = s.get(signed.model, signed.row_id)
        setattr(row, key, value)


@pytest.fixture
def world(engine: Engine, tmp_path: Path) -> World:
    return World(engine, FakePrinter(), tmp_path)


def test_every_signed_column_changes_the_signature(world: World) -> None:
    wrong: list[str] = []
    tables: set[str] = set()
    for signed in list(_records(world)):  # all made first: every column has rows to point at
        table = signed.model.__tablename__
        tables.add(table)
        columns = [c.key for c in inspect(signed.model).column_attrs if c.key != "id"]
        assert NOT_SIGNED[table] <= set(columns), table
        for key in columns:
            old = _edit(world.engine, signed, key)
            after = _valid(world, signed)
            _put(world.engine, signed, key, old)
            if key in NOT_SIGNED[table]:
                if not after:
                    wrong.append(f"{table}.{key}: changing it breaks the signature")
            elif after:
                wrong.append(f"{table}.{key}: changed, and the signature still reads valid")
            if not _valid(world, signed):
                wrong.append(f"{table}.{key}: put back, and the signature reads invalid")
    assert tables == set(NOT_SIGNED) - {"inspection_results"}
    assert not wrong, "\n".join(wrong)


def test_a_lot_release_covers_every_signed_column_of_the_rows_it_covers(world: World) -> None:
    """The signature a lot release makes covers the lot and its record (units, readings, NCRs,
    labels): each signed column of one row of each covered table, changed, shows."""
    built = world.built_lot()
    world.pump(5)  # other rows for each column to point at: a work order, an event, a unit
    serial = built.serials[0]
    quality.record_inspection(world.ctx("qc_inspector"), serial, "Housing screw torque", "1.01")
    login, username = signer(world, "qc_inspector")
    release = quality.release_lot(world.ctx("qc_inspector"), login, built.scan, PASSWORD, username)
    assert release.signature.valid
    with Session(world.engine) as s:
        covers = s.get_one(Signature, release.signature.id).covers or {}
    assert {"items", "events", "inspection_results"} <= set(covers)
    wrong: list[str] = []
    models = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}
    for table, keys in sorted(covers.items()):
        if table in APPEND_ONLY:
            continue
        model = models[table]
        signed = Signed(model, int(keys[0]), release.signature.id)
        for key in [c.key for c in inspect(model).column_attrs if c.key != "id"]:
            old = _edit(world.engine, signed, key)
            after = _valid(world, signed)
            _put(world.engine, signed, key, old)
            if after == (key not in NOT_SIGNED[table]):
                wrong.append(f"{table}.{key}: changed, the release reads {after}")
        assert _valid(world, signed)
    lot = Signed(Item, _id(world.engine, Item, lot=built.lot, kind="production_lot"), 0)
    _edit(world.engine, Signed(Item, lot.row_id, release.signature.id), "expiry")
    assert not _valid(world, Signed(Item, lot.row_id, release.signature.id))
    assert not wrong, "\n".join(wrong)
