"""The station's offline copy of the shared database: what a station needs to check a step on
its own while the shared database is away, copied into a local SQLite file of the same schema.

It holds the master data whole (people and their credential hashes and qualifications, products,
routes and their steps, BOMs, work orders, stations, devices and their calibrations) and, of the
history, only what the checks read: the units in production and their work orders' lots, the
released material lots and serialised parts, the holds on them, and what was already built into
those units (links and their events). Nothing in it is a record: the copy's own audit trail
starts empty and is thrown away; the record of a step captured offline is the station's journal
(db/journal.py) until it is sent.

The copy is made in a new file and put in place in one rename, so a station never reads a
half-made copy; ``copy_age`` says when it was taken.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, event, insert, or_, select, text
from sqlalchemy.exc import SQLAlchemyError

from db.engine import make_engine
from db.models import Base, Event, Hold, Item, Link
from db.resilience import keep_quiet
from desktop.domain.events import LinkKind
from desktop.domain.states import ItemKind, Status

#: Tables copied whole (those present in this schema).
WHOLE = (
    "roles", "users", "user_qualifications", "customers", "sites", "stations", "devices",
    "device_calibrations", "suppliers", "parts", "incoming_plans", "routes", "route_steps",
    "label_templates", "products", "nmpa_product_data", "bom_lines", "inspection_plans",
    "work_orders", "spc_baselines",
)  # fmt: skip
CHUNK = 500

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CopyMade:
    path: Path
    taken_at: datetime
    rows: dict[str, int]


def open_copy(path: Path) -> Engine:
    """An engine on the copy at ``path`` (foreign keys not enforced: the copy holds only a part
    of the history its rows point to)."""
    engine = make_engine(f"sqlite:///{path}")
    keep_quiet(engine)  # a step checked against the copy does not light the shared database

    @event.listens_for(engine, "connect")
    def _loose(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.close()

    return engine


def copy_age(path: Path) -> datetime | None:
    """When the copy at ``path`` was taken (None: there is none, or it is unreadable)."""
    if not path.is_file():
        return None
    engine = open_copy(path)
    try:
        with engine.connect() as conn:
            value = conn.scalar(text("SELECT value FROM copy_about WHERE key = 'taken_at'"))
        return datetime.fromisoformat(value) if value else None
    except (SQLAlchemyError, ValueError) as problem:  # a broken copy is no copy: say so
        log.warning("the station's copy %s cannot be read (%s): it is not used", path, problem)
        return None
    finally:
        engine.dispose()


def applied_seq(engine: Engine) -> int:
    """The last entry of the station's journal the copy holds (taken with it, or applied since)."""
    with engine.connect() as conn:
        value = conn.scalar(text("SELECT value FROM copy_about WHERE key = 'journal_seq'"))
    return int(value or 0)


def set_applied_seq(engine: Engine, seq: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE copy_about SET value = :seq WHERE key = 'journal_seq'"), {"seq": str(seq)}
        )


def make_copy(shared: Engine, path: Path, journal_seq: int = 0) -> CopyMade:
    """Copy what the station's checks need from ``shared`` into a new file, then put it at
    ``path`` (the caller has closed every engine on the old copy). ``journal_seq``: the last
    entry of the station's journal that the shared database held when the copy began."""
    new = path.with_name(path.name + ".new")
    for leftover in _files(new):
        leftover.unlink(missing_ok=True)
    taken_at = datetime.now(UTC)
    target = open_copy(new)
    rows: dict[str, int] = {}
    try:
        Base.metadata.create_all(target)
        with shared.connect() as src, target.begin() as dst:
            tables = Base.metadata.tables
            for name in WHOLE:
                if name in tables:
                    rows[name] = _copy(dst, tables[name], src.execute(select(tables[name])))
            units = _ids(src, _unit_filter())
            lots = _ids(src, _component_filter())
            orders = _work_orders(src, units)
            lot_items = (
                _ids(src, (Item.kind == ItemKind.PRODUCTION_LOT) & Item.work_order_id.in_(orders))
                if orders
                else []
            )
            item_ids = sorted(set(units) | set(lots) | set(lot_items))
            rows["items"] = _copy_in(dst, src, Item.__table__, Item.id, item_ids)
            held = select(Hold.id).where(Hold.released_at.is_(None), Hold.item_id.in_(item_ids))
            hold_ids = _chunked_ids(src, held, Hold.item_id, item_ids)
            rows["holds"] = _copy_in(dst, src, Hold.__table__, Hold.id, hold_ids)
            link_ids = _chunked_ids(
                src,
                select(Link.id).where(
                    Link.kind == LinkKind.CONSUME, Link.removed_event_id.is_(None)
                ),
                Link.parent_item_id,
                units,
            )
            rows["links"] = _copy_in(dst, src, Link.__table__, Link.id, link_ids)
            event_ids = sorted(
                {
                    e
                    for (e,) in _rows_in(src, select(Link.event_id), Link.id, link_ids)
                    if e is not None
                },
                key=str,
            )
            rows["events"] = _copy_in(dst, src, Event.__table__, Event.id, event_ids)
            dst.execute(text("CREATE TABLE copy_about (key TEXT PRIMARY KEY, value TEXT)"))
            dst.execute(
                text(
                    "INSERT INTO copy_about (key, value) VALUES ('taken_at', :at), "
                    "('journal_seq', :seq)"
                ),
                {"at": taken_at.isoformat(), "seq": str(journal_seq)},
            )
        with target.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        target.dispose()
    os.replace(new, path)
    for leftover in _files(new)[1:]:
        leftover.unlink(missing_ok=True)
    for stale in _files(path)[1:]:  # the old copy's WAL belongs to the replaced file
        stale.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # where the file system keeps modes
        path.chmod(0o600)  # it holds people's credential hashes
    return CopyMade(path, taken_at, rows)


# -- inside ----------------------------------------------------------------------------------


def _files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _unit_filter() -> Any:
    return (
        Item.kind.in_((ItemKind.UNIT, ItemKind.PRODUCTION_LOT))
        & Item.product_id.is_not(None)
        & (Item.status == Status.IN_PROCESS)
    )


def _component_filter() -> Any:
    return or_(
        (Item.kind == ItemKind.MATERIAL_LOT) & (Item.status == Status.RELEASED),
        (Item.kind == ItemKind.UNIT) & Item.part_id.is_not(None) & (Item.status == Status.RELEASED),
    )


def _ids(src: Any, where: Any) -> list[int]:
    return [int(i) for i in src.scalars(select(Item.id).where(where))]


def _work_orders(src: Any, units: Sequence[int]) -> list[int]:
    found: set[int] = set()
    for part in _chunks(units):
        stmt = select(Item.work_order_id).where(Item.id.in_(part), Item.work_order_id.is_not(None))
        found.update(int(w) for w in src.scalars(stmt.distinct()))
    return sorted(found)


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _chunked_ids(src: Any, stmt: Any, column: Any, values: Sequence[Any]) -> list[Any]:
    out: list[Any] = []
    for part in _chunks(values):
        out.extend(src.scalars(stmt.where(column.in_(part))))
    return out


def _rows_in(src: Any, stmt: Any, column: Any, values: Sequence[Any]) -> Iterable[Any]:
    for part in _chunks(values):
        yield from src.execute(stmt.where(column.in_(part)))


def _copy_in(dst: Any, src: Any, table: Any, column: Any, values: Sequence[Any]) -> int:
    copied = 0
    for part in _chunks(values):
        copied += _copy(dst, table, src.execute(select(table).where(column.in_(part))))
    return copied


def _copy(dst: Any, table: Table, result: Any) -> int:
    batch = [dict(r) for r in result.mappings()]
    if batch:
        dst.execute(insert(table), batch)
    return len(batch)


__all__ = [
    "WHOLE",
    "CopyMade",
    "applied_seq",
    "copy_age",
    "make_copy",
    "open_copy",
    "set_applied_seq",
]
