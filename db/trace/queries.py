"""Backward and forward trace: streamed (generators with yield_per) or in keyset pages.

A scope is never held in memory at once: ``backward``/``forward`` and the shipment and service
streams fetch ``batch_size`` rows at a time (a server-side cursor on PostgreSQL), and
``trace_page`` returns one page by item id. A stream keeps its connection until it is consumed
or closed, so consume it inside the ``with Session(...)`` block that opened it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import CursorResult, select
from sqlalchemy.orm import Session

from db.models import Customer, Item, Link, ServiceRecord, Shipment, ShipmentLine, Site
from db.trace.model import (
    MEMBER,
    Direction,
    ServiceReach,
    ShipmentReach,
    TraceNode,
    TracePage,
)
from db.trace.planner import execute
from db.trace.reach import item_scope
from db.trace.walk import (
    AnySelect,
    link_ends,
    member_work_order,
    params,
    ranked,
    walk,
)

DEFAULT_BATCH = 1000


@lru_cache(maxsize=64)
def _node_statement(
    direction: Direction, include_removed: bool, by_depth: bool, members: bool
) -> AnySelect:
    best = ranked(walk(direction, include_removed, members))
    near, _far = link_ends(direction)
    order = (best.c.depth, Item.id) if by_depth else (Item.id,)
    return (
        select(
            Item.id,
            Item.kind,
            Item.status,
            best.c.depth,
            Item.gtin,
            Item.lot,
            Item.serial,
            Item.sscc,
            Item.supplier_lot,
            near,
            Link.id,
            Link.kind,
            Link.quantity,
            best.c.removed,
        )
        .select_from(best)
        .join(Item, Item.id == best.c.item_id)
        .outerjoin(Link, Link.id == best.c.link_id)
        .where(best.c.rn == 1)
        .order_by(*order)
    )


def node_select(
    root_id: int,
    direction: Direction,
    *,
    include_removed: bool = False,
    by_depth: bool = False,
    members_of: int | None = None,
) -> AnySelect:
    """The statement behind a trace: one row per scope item (root included), by item id.

    ``by_depth`` orders nearest first (depth, then item id) instead, so that a truncated
    listing still holds every item's ``via`` neighbour. ``members_of``: the work order of a
    production-lot root (``member_work_order``), whose units then join the scope.
    """
    stmt = _node_statement(direction, include_removed, by_depth, members_of is not None)
    return stmt.params(params(root_id, members_of))


def _node(values: Sequence[Any], root_id: int) -> TraceNode:
    """A row of ``_node_statement`` (columns in TraceNode's order, ``removed`` last)."""
    if values[10] is None and values[3] > 0:  # a unit of the root production lot
        return TraceNode._make((*values[:9], root_id, None, MEMBER, None, not values[13]))
    return TraceNode._make((*values[:13], not values[13]))


def _rows(result: CursorResult[Any]) -> Iterator[Sequence[Any]]:
    """The rows of a (streamed) result, fetched a partition at a time; closed at the end."""
    try:
        for partition in result.partitions():
            yield from partition
    finally:
        result.close()


def trace(
    session: Session,
    item_id: int,
    direction: Direction,
    *,
    include_removed: bool = False,
    batch_size: int = DEFAULT_BATCH,
    by_depth: bool = False,
) -> Iterator[TraceNode]:
    """Stream the scope of ``item_id`` (root first when ``by_depth``), ``batch_size`` at a time."""
    members = member_work_order(session, item_id)
    stmt = _node_statement(direction, include_removed, by_depth, members is not None)
    for row in _rows(execute(session, stmt, params(item_id, members), batch_size)):
        yield _node(row, item_id)


def backward(
    session: Session,
    item_id: int,
    *,
    include_removed: bool = False,
    batch_size: int = DEFAULT_BATCH,
    by_depth: bool = False,
) -> Iterator[TraceNode]:
    """Everything that went into ``item_id``, down to supplier lots (root included, depth 0)."""
    return trace(
        session,
        item_id,
        Direction.BACKWARD,
        include_removed=include_removed,
        batch_size=batch_size,
        by_depth=by_depth,
    )


def forward(
    session: Session,
    item_id: int,
    *,
    include_removed: bool = False,
    batch_size: int = DEFAULT_BATCH,
    by_depth: bool = False,
) -> Iterator[TraceNode]:
    """Everything ``item_id`` went into: units, lots, cases, pallets (root included, depth 0)."""
    return trace(
        session,
        item_id,
        Direction.FORWARD,
        include_removed=include_removed,
        batch_size=batch_size,
        by_depth=by_depth,
    )


def trace_page(
    session: Session,
    item_id: int,
    direction: Direction,
    *,
    after: int | None = None,
    limit: int = DEFAULT_BATCH,
    include_removed: bool = False,
) -> TracePage:
    """One keyset page: scope items with id > ``after``, by id; ``next_after`` None at the end."""
    if limit < 1:
        raise ValueError(f"page size must be at least 1, not {limit}")
    members = member_work_order(session, item_id)
    stmt = _node_statement(direction, include_removed, False, members is not None)
    if after is not None:
        stmt = stmt.where(Item.id > after)
    rows = execute(session, stmt.limit(limit + 1), params(item_id, members)).all()
    nodes = [_node(row, item_id) for row in rows[:limit]]
    next_after = nodes[-1].item_id if len(rows) > limit else None
    return TracePage(nodes=nodes, next_after=next_after)


@lru_cache(maxsize=16)
def _shipment_statement(direction: Direction, include_removed: bool, members: bool) -> AnySelect:
    """Shipment lines of every scope item, with customer and ship-to site, by shipment id.

    Over the reach table for the current scope, the lean walk (no link column) for a history:
    which link reached an item does not matter here."""
    scope = item_scope(direction, include_removed, members)
    return (
        select(
            Shipment.id,
            Shipment.number,
            Shipment.status,
            Shipment.shipped_at,
            ShipmentLine.item_id,
            Customer.id,
            Customer.code,
            Customer.name,
            Shipment.site_id,
            Site.name,
            scope.c.removed,
        )
        .select_from(scope)
        .join(ShipmentLine, ShipmentLine.item_id == scope.c.item_id)
        .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
        .join(Customer, Customer.id == Shipment.customer_id)
        .outerjoin(Site, Site.id == Shipment.site_id)
        .order_by(Shipment.id, ShipmentLine.item_id)
    )


def shipment_select(
    root_id: int,
    direction: Direction = Direction.FORWARD,
    *,
    include_removed: bool = False,
    members_of: int | None = None,
) -> AnySelect:
    """Shipment lines of every scope item, with customer and ship-to site, by shipment id."""
    stmt = _shipment_statement(direction, include_removed, members_of is not None)
    return stmt.params(params(root_id, members_of))


def forward_shipments(
    session: Session,
    item_id: int,
    *,
    include_removed: bool = False,
    batch_size: int = DEFAULT_BATCH,
) -> Iterator[ShipmentReach]:
    """Every shipment that carried an item of the forward scope (the root included)."""
    members = member_work_order(session, item_id)
    stmt = _shipment_statement(Direction.FORWARD, include_removed, members is not None)
    for row in _rows(execute(session, stmt, params(item_id, members), batch_size)):
        yield ShipmentReach._make((*row[:10], not row[10]))


@lru_cache(maxsize=16)
def _service_statement(direction: Direction, include_removed: bool, members: bool) -> AnySelect:
    """Service records (installation ... disposal) of every scope item, by record id."""
    scope = item_scope(direction, include_removed, members)
    return (
        select(
            ServiceRecord.id,
            ServiceRecord.item_id,
            ServiceRecord.kind,
            ServiceRecord.performed_at,
            ServiceRecord.site_id,
            Site.name,
            Site.customer_id,
            scope.c.removed,
        )
        .select_from(scope)
        .join(ServiceRecord, ServiceRecord.item_id == scope.c.item_id)
        .outerjoin(Site, Site.id == ServiceRecord.site_id)
        .order_by(ServiceRecord.id)
    )


def service_select(
    root_id: int,
    direction: Direction = Direction.FORWARD,
    *,
    include_removed: bool = False,
    members_of: int | None = None,
) -> AnySelect:
    """Service records (installation ... disposal) of every scope item, by record id."""
    stmt = _service_statement(direction, include_removed, members_of is not None)
    return stmt.params(params(root_id, members_of))


def forward_service(
    session: Session,
    item_id: int,
    *,
    include_removed: bool = False,
    batch_size: int = DEFAULT_BATCH,
) -> Iterator[ServiceReach]:
    """Every service record (where installed, serviced, returned) of the forward scope."""
    members = member_work_order(session, item_id)
    stmt = _service_statement(Direction.FORWARD, include_removed, members is not None)
    for row in _rows(execute(session, stmt, params(item_id, members), batch_size)):
        yield ServiceReach._make((*row[:7], not row[7]))
