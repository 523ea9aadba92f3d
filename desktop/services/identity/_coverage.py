"""What a signature covers beyond its record: the rows named in ``signatures.covers``, their
canonical content hashed with the record's (a lot release covers the lot's whole record).

Signing stores the rows' keys and one SHA-256 over the record and every covered row; verifying
loads the same rows and recomputes it, so a changed weighing, a changed serial or a deleted row
makes the signature read as no longer valid. Rows added later are not covered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Base
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


def signed_hash(record: Base, covered: Sequence[Base] = ()) -> str:
    """SHA-256 of the record's canonical content and, when it covers rows, of theirs."""
    body: dict[str, Any] = {
        "record_type": type(record).__tablename__,
        "content": record_content(record),
    }
    if covered:
        unique = {(type(r).__tablename__, _key(r)): r for r in covered}
        ordered = [unique[k] for k in sorted(unique)]
        body["covers"] = [[type(r).__tablename__, _key(r), record_content(r)] for r in ordered]
    return content_hash(body)


__all__ = ["covers_of", "load_covered", "record_content", "signed_hash"]
