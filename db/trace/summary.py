"""Count-only form of a trace: how many items of each kind, shipments, customers, sites."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import BigInteger, ScalarSelect, bindparam, distinct, func, select
from sqlalchemy.orm import Session

from db.models import Item, ServiceRecord, Shipment, ShipmentLine
from db.trace.model import Direction, TraceSummary
from db.trace.planner import execute
from db.trace.walk import (
    MAX_DEPTH,
    ROOT,
    AnySelect,
    item_set,
    member_work_order,
    params,
    ranked,
    walk,
)


@lru_cache(maxsize=16)
def _kind_statement(direction: Direction, include_removed: bool, members: bool) -> AnySelect:
    """Per kind and removed flag: items (root excluded) and the deepest shortest path."""
    best = ranked(walk(direction, include_removed, members))
    return (
        select(Item.kind, best.c.removed, func.count(), func.max(best.c.depth))
        .select_from(best)
        .join(Item, Item.id == best.c.item_id)
        .where(best.c.rn == 1, best.c.item_id != bindparam(ROOT, type_=BigInteger))
        .group_by(Item.kind, best.c.removed)
    )


@lru_cache(maxsize=16)
def _reach_statement(direction: Direction, include_removed: bool, members: bool) -> AnySelect:
    """One row: deepest walked row, shipments, customers, ship-to sites, installed sites."""
    walked = walk(direction, include_removed, members)
    scope = item_set(walked)

    def shipped(column: Any) -> ScalarSelect[Any]:
        return (
            select(func.count(distinct(column)))
            .select_from(scope)
            .join(ShipmentLine, ShipmentLine.item_id == scope.c.item_id)
            .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
            .scalar_subquery()
        )

    installed = (
        select(func.count(distinct(ServiceRecord.site_id)))
        .select_from(scope)
        .join(ServiceRecord, ServiceRecord.item_id == scope.c.item_id)
        .where(ServiceRecord.kind == "installation")
        .scalar_subquery()
    )
    deepest = select(func.max(walked.c.depth)).scalar_subquery()
    return select(
        deepest,
        shipped(Shipment.id),
        shipped(Shipment.customer_id),
        shipped(Shipment.site_id),
        installed,
    )


def _kind_counts(
    session: Session, shape: tuple[Direction, bool, bool], values: dict[str, Any]
) -> tuple[dict[str, int], int, int]:
    """(items per kind, items reachable only through removed links, deepest shortest path)."""
    by_kind: dict[str, int] = {}
    history_only = deepest = 0
    for row in execute(session, _kind_statement(*shape), values):
        kind, removed, count, depth = tuple(row)
        by_kind[kind] = by_kind.get(kind, 0) + count
        history_only += count if removed else 0
        deepest = max(deepest, depth or 0)
    return dict(sorted(by_kind.items())), history_only, deepest


def summary(
    session: Session,
    item_id: int,
    direction: Direction | str,
    *,
    include_removed: bool = False,
) -> TraceSummary:
    """Counts of the scope of ``item_id`` (two queries; nothing but counts is fetched).

    Shipment, customer and site counts are filled for both directions (backward they are the
    shipments of the root's own ingredients, rarely of interest).
    """
    way = Direction(direction)
    members = member_work_order(session, item_id)
    shape, values = (way, include_removed, members is not None), params(item_id, members)
    by_kind, history_only, deepest = _kind_counts(session, shape, values)
    reach = execute(session, _reach_statement(*shape), values).one()
    walked_depth, shipments, customers, sites, installed = tuple(reach)
    return TraceSummary(
        root_id=item_id,
        direction=way,
        include_removed=include_removed,
        items=sum(by_kind.values()),
        by_kind=by_kind,
        history_only=history_only,
        max_depth=deepest,
        depth_limit_reached=(walked_depth or 0) >= MAX_DEPTH,
        shipments=int(shipments or 0),
        customers=int(customers or 0),
        ship_to_sites=int(sites or 0),
        installed_sites=int(installed or 0),
    )
