"""What a signature covers beyond its record: the rows named in ``signatures.covers``, their
canonical content hashed with the record's (a lot release covers the lot's whole record).

Signing stores the rows' keys and one SHA-256 over the record and every covered row; verifying
loads the same rows and recomputes it, so a changed weighing, a changed serial or a deleted row
makes the signature read as no longer valid. Rows added later are not covered; a covered link
removed later by its own recorded event (a repair, an unpacking) is read as it was when signed,
and the signature says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from db.models import AuditEntry, Base, Event, Link
from desktop.domain.canonical import content_hash

_CHUNK = 500  # keys per IN (...) when the covered rows are loaded again


def record_content(row: Base) -> dict[str, Any]:
    """The canonical content of a record: its columns, less the ones that may change later."""
    excluded = type(row).__signature_excluded__
    mapper = sa_inspect(type(row))
    return {c.key: getattr(row, c.key) for c in mapper.column_attrs if c.key not in excluded}


def _key(row: Base) -> str:
    return str(sa_inspect(row).identity[0])  # type: ignore[index]


def covers_of(rows: Iterable[Base]) -> dict[str, list[str]]:
    """{table: [primary keys, sorted]} of ``rows`` (each row once)."""
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(type(row).__tablename__, set()).add(_key(row))
    return {table: sorted(keys) for table, keys in sorted(found.items())}


def _model(table: str) -> type[Base] | None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    return None


def load_covered(session: Session, covers: dict[str, list[str]]) -> tuple[list[Base], list[str]]:
    """The covered rows as they are now, and "table key" of each that no longer exists."""
    rows: list[Base] = []
    missing: list[str] = []
    for table, keys in sorted(covers.items()):
        model = _model(table)
        if model is None:
            missing += [f"{table} {key}" for key in keys]
            continue
        pk = sa_inspect(model).primary_key[0]
        python_type = pk.type.python_type
        found: dict[str, Base] = {}
        for start in range(0, len(keys), _CHUNK):
            wanted = [python_type(k) for k in keys[start : start + _CHUNK]]
            for row in session.scalars(select(model).where(pk.in_(wanted))):
                found[_key(row)] = row
        for key in keys:
            if key in found:
                rows.append(found[key])
            else:
                missing.append(f"{table} {key}")
    return rows, missing


def signed_hash(
    record: Base,
    covered: Sequence[Base] = (),
    as_then: Mapping[tuple[str, str], Mapping[str, Any]] | None = None,
) -> str:
    """SHA-256 of the record's canonical content and, when it covers rows, of theirs.
    ``as_then``: values of covered rows (by table and key) as they were before a later
    recorded event changed them (see ``later_removals``)."""
    body: dict[str, Any] = {
        "record_type": type(record).__tablename__,
        "content": record_content(record),
    }
    if covered:
        unique = {(type(r).__tablename__, _key(r)): r for r in covered}
        ordered = [unique[k] for k in sorted(unique)]
        then = as_then or {}
        body["covers"] = [
            [type(r).__tablename__, _key(r), record_content(r) | dict(then.get(k, {}))]
            for k, r in zip(sorted(unique), ordered, strict=True)
        ]
    return content_hash(body)


def later_removals(
    session: Session, covered: Sequence[Base], signature_id: int, record: tuple[str, str]
) -> dict[tuple[str, str], dict[str, Any]]:
    """Covered links removed by an event of the same parent item recorded after the signature
    (a repair's old part, an unpacking), each with its value as it was when signed: not
    removed. "After" is the audit chain's order (the removal's entry comes after the
    signature's), not clocks. Such a removal is its own recorded, audited event; it does not
    change what the signature covered."""
    signed = _signature_entry(session, signature_id, record)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    if signed is None:
        return found
    for row in covered:
        if isinstance(row, Link) and row.removed_event_id is not None:
            removal = session.get(Event, row.removed_event_id)
            if removal is None or removal.item_id != row.parent_item_id:
                continue
            entry = session.scalar(
                select(func.min(AuditEntry.id)).where(
                    AuditEntry.entity == "event", AuditEntry.entity_id == str(removal.id)
                )
            )
            if entry is not None and entry > signed:
                found[(Link.__tablename__, _key(row))] = {"removed_event_id": None}
    return found


def _signature_entry(session: Session, signature_id: int, record: tuple[str, str]) -> int | None:
    """The audit entry that recorded signature ``signature_id`` on ``record`` (type, id)."""
    rows = session.execute(
        select(AuditEntry.id, AuditEntry.new_value).where(
            AuditEntry.action == "signature.sign",
            AuditEntry.entity == record[0],
            AuditEntry.entity_id == record[1],
        )
    )
    for entry_id, value in rows:
        if value and json.loads(value).get("signature_id") == signature_id:
            return int(entry_id)
    return None


__all__ = ["covers_of", "later_removals", "load_covered", "record_content", "signed_hash"]
