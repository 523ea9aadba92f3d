"""The canonical record of a production lot, as a lot release signs it: the lot, its units, the
events of both (weighings and readings are in their data), the inspection results, the NCRs,
the labels printed and the component links of the units.

``identity.sign_in(..., covers=lot_record(...))`` hashes all of it into the release signature;
verifying recomputes the hash, so any later change to one of these rows (a weighing, a serial)
shows the release as no longer valid in the QC screen and in the batch record.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from db.models import Base, Event, InspectionResult, Item, Link, Nonconformance, PrintJob

_CHUNK = 500


def _in_chunks(ids: Sequence[int]) -> list[list[int]]:
    return [list(ids[n : n + _CHUNK]) for n in range(0, len(ids), _CHUNK)] or [[]]


def lot_record(session: Session, lot: Item, units: Sequence[Item]) -> list[Base]:
    """Every row of ``lot``'s record besides the lot row itself (``units``: the lot's units)."""
    ids = [lot.id, *(u.id for u in units)]
    rows: list[Base] = list(units)
    for chunk in _in_chunks(ids):
        cond: ColumnElement[bool] = Event.item_id.in_(chunk)
        if lot.work_order_id is not None:
            cond = or_(cond, Event.work_order_id == lot.work_order_id)
        rows += session.scalars(select(Event).where(cond))
        rows += session.scalars(select(InspectionResult).where(InspectionResult.item_id.in_(chunk)))
        rows += session.scalars(select(Nonconformance).where(Nonconformance.item_id.in_(chunk)))
        rows += session.scalars(
            select(PrintJob).where(
                or_(PrintJob.item_id.in_(chunk), PrintJob.lot_item_id.in_(chunk))
            )
        )
        rows += session.scalars(select(Link).where(Link.parent_item_id.in_(chunk)))
    return rows


__all__ = ["lot_record"]
