"""Count-only form of a trace: how many items of each kind, shipments, customers, sites."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    Integer,
    String,
    bindparam,
    case,
    distinct,
    func,
    literal,
    null,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from db.models import Item, ServiceRecord, Shipment, ShipmentLine
from db.trace.model import Direction, TraceSummary
from db.trace.planner import execute
from db.trace.reach import has_cycles, in_cycles, scope_of
from db.trace.walk import (
    BEST,
    MAX_DEPTH,
    ROOT,
    AnySelect,
    member_work_order,
    params,
)

#: The first column of the rows that are not a kind of item (kinds are plain words).
_SHIPPED, _INSTALLED, _CYCLES = "~shipped", "~installed", "~cycles"


@lru_cache(maxsize=32)
def _statement(
    direction: Direction, include_removed: bool, members: bool, cycles: bool = False
) -> AnySelect:
    """Every count of a scope in one statement, the walk run once (the lean walk, no links).

    Rows ``(label, a, b, c, d)``: per item kind and history flag ``(kind, history, items,
    deepest, 0)`` (root excluded); ``("~shipped", shipments, customers, ship-to sites,
    shipment lines)``; ``("~installed", installed sites, deepest walked row, service
    records, 0)`` (the service records read once for both counts); when the reach table holds a
    cycle (bad data; a current scope does not run round it to the depth limit) ``("~cycles",
    items of the scope that reach themselves, 0, 0, 0)``. Both databases materialise the
    scope once for the three parts (PostgreSQL: a CTE used more than once; SQLite: MATERIALIZE).
    """
    scope, deepest = scope_of(direction, include_removed, members)
    history = case((scope.c.best >= BEST, 1), else_=0)
    if "kind" in scope.c:  # read from the reach table with each item's kind: no join
        kind: Any = scope.c.kind
        counted = select().select_from(scope)
    else:
        kind = Item.kind
        counted = select().select_from(scope).join(Item, Item.id == scope.c.item_id)
    kinds = (
        counted.add_columns(
            type_coerce(kind, String),
            history,
            func.count(),
            func.max(scope.c.best % BEST),
            literal(0, Integer),
        )
        .where(scope.c.item_id != bindparam(ROOT, type_=BigInteger))
        .group_by(kind, history)
    )
    shipped = (
        select(
            literal(_SHIPPED, String),
            func.count(distinct(Shipment.id)),
            func.count(distinct(Shipment.customer_id)),
            func.count(distinct(Shipment.site_id)),
            func.count(),
        )
        .select_from(scope)
        .join(ShipmentLine, ShipmentLine.item_id == scope.c.item_id)
        .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
    )
    is_installation = ServiceRecord.kind == "installation"
    installed = (
        select(
            literal(_INSTALLED, String),
            func.count(distinct(case((is_installation, ServiceRecord.site_id), else_=null()))),
            deepest,
            func.count(),
            literal(0, Integer),
        )
        .select_from(scope)
        .join(ServiceRecord, ServiceRecord.item_id == scope.c.item_id)
    )
    if not cycles:
        return union_all(kinds, shipped, installed)  # type: ignore[return-value]
    cyclic = select(literal(_CYCLES, String), in_cycles(scope), *(literal(0, Integer),) * 3)
    return union_all(kinds, shipped, installed, cyclic)  # type: ignore[return-value]


def summary(
    session: Session,
    item_id: int,
    direction: Direction | str,
    *,
    include_removed: bool = False,
) -> TraceSummary:
    """Counts of the scope of ``item_id`` (one statement; nothing but counts is fetched).

    Shipment, customer and site counts are filled for both directions (backward they are the
    shipments of the root's own ingredients, rarely of interest).
    """
    way = Direction(direction)
    members = member_work_order(session, item_id)
    cycles = not include_removed and has_cycles(session.connection())
    stmt = _statement(way, include_removed, members is not None, cycles)
    by_kind: dict[str, int] = {}
    history_only = deepest = walked_depth = cyclic = 0
    shipments = customers = sites = installed = lines = records = 0
    loops = include_removed or members is not None  # hash joins for the reach table's counts
    for row in execute(session, stmt, params(item_id, members), nested_loops=loops):
        label, a, b, c, d = tuple(row)
        if label == _SHIPPED:
            shipments, customers, sites, lines = int(a or 0), int(b or 0), int(c or 0), int(d)
        elif label == _CYCLES:
            cyclic = int(a or 0)
        elif label == _INSTALLED:
            installed, walked_depth, records = int(a or 0), int(b or 0), int(c or 0)
        else:
            by_kind[label] = by_kind.get(label, 0) + b
            history_only += b if a else 0
            deepest = max(deepest, c or 0)
    return TraceSummary(
        root_id=item_id,
        direction=way,
        include_removed=include_removed,
        items=sum(by_kind.values()),
        by_kind=dict(sorted(by_kind.items())),
        history_only=history_only,
        max_depth=deepest,
        depth_limit_reached=walked_depth >= MAX_DEPTH,
        in_cycles=cyclic,
        shipments=shipments,
        customers=customers,
        ship_to_sites=sites,
        installed_sites=installed,
        shipment_lines=lines,
        service_records=records,
    )
