"""The flat forward scope of a recall: every item, shipment line and service record, one stream.

``scope_rows`` is one statement over the lean walk (``walk.lean_walk``: no link column, so an
item reached over many links is walked on from once) whose scope is materialised once and
joined set-wise to items, shipment lines (with shipment, customer and ship-to site) and
service records: rows of one shape (``ScopeRow``) in no promised order (each row says what it
is; sorting 200,000 rows would only delay the first). It is read on the driver cursor through
SQLAlchemy Core (no ORM objects) ``batch_size`` rows at a time (a server-side cursor on
PostgreSQL, ``fetchmany`` on SQLite), so a scope of 200,000 units is never held in memory.
``trace.summary`` gives the counts first (``TraceSummary.rows`` says how many rows follow).
The tree view (``trace.forward``: by what link each item came) stays the way to draw a
genealogy; this is the way to list a broad scope and write it to a file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    DateTime,
    String,
    and_,
    case,
    func,
    insert,
    literal,
    null,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from db.models import (
    Customer,
    Item,
    Product,
    RecallItem,
    ServiceRecord,
    Shipment,
    ShipmentLine,
    Site,
)
from db.trace.model import Direction
from db.trace.planner import execute
from db.trace.reach import scope_of
from db.trace.walk import BEST, AnySelect, member_work_order, params

#: ``ScopeRow.record`` of each part of the stream.
ITEM, SHIPMENT, SERVICE = "item", "shipment", "service"
PARTS = (ITEM, SHIPMENT, SERVICE)
DEFAULT_BATCH = 5000


class ScopeRow(NamedTuple):
    """One row of a scope listing: an item, a shipment line or a service record of an item.

    For ``item`` rows ``reference``/``at``/customer/site are empty; for ``shipment`` rows
    ``reference`` is the shipment number and ``at`` its shipping time; for ``service`` rows
    ``reference`` is the record's kind (installation ...) and ``at`` when it was done.
    The item columns always describe ``item_id`` (the shipped or serviced item).
    ``current`` is False only in a history scope, for an item reachable solely through a link
    removed later.
    """

    record: str
    item_id: int
    kind: str
    status: str
    depth: int
    gtin: str | None
    lot: str | None
    serial: str | None
    sscc: str | None
    supplier_lot: str | None
    reference: str | None
    at: datetime | None
    customer_code: str | None
    customer_name: str | None
    site: str | None
    current: bool

    @property
    def ref(self) -> str:
        return f"item:{self.item_id}"


COLUMNS: tuple[str, ...] = ScopeRow._fields


def _text(column: Any) -> Any:
    """A column as plain text in the union (the vocabulary types would decode it)."""
    return type_coerce(column, String)


@lru_cache(maxsize=16)
def _statement(
    direction: Direction, include_removed: bool, members: bool, parts: tuple[str, ...]
) -> AnySelect:
    scope, _ = scope_of(direction, include_removed, members)
    item_columns = (
        Item.id,
        _text(Item.kind),
        _text(Item.status),
        scope.c.best % BEST,
        Item.gtin,
        Item.lot,
        Item.serial,
        Item.sscc,
        Item.supplier_lot,
    )
    history = scope.c.best >= BEST
    items = (
        select(literal(ITEM, String).label("record"), *item_columns)
        .add_columns(
            type_coerce(null(), String),
            type_coerce(null(), DateTime(timezone=True)),
            type_coerce(null(), String),
            type_coerce(null(), String),
            type_coerce(null(), String),
            history,
        )
        .select_from(scope)
        .join(Item, Item.id == scope.c.item_id)
    )
    shipped = (
        select(literal(SHIPMENT, String), *item_columns)
        .add_columns(
            Shipment.number,
            type_coerce(Shipment.shipped_at, DateTime(timezone=True)),
            Customer.code,
            Customer.name,
            Site.name,
            history,
        )
        .select_from(scope)
        .join(ShipmentLine, ShipmentLine.item_id == scope.c.item_id)
        .join(Item, Item.id == scope.c.item_id)
        .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
        .join(Customer, Customer.id == Shipment.customer_id)
        .outerjoin(Site, Site.id == Shipment.site_id)
    )
    serviced = (
        select(literal(SERVICE, String), *item_columns)
        .add_columns(
            _text(ServiceRecord.kind),
            type_coerce(ServiceRecord.performed_at, DateTime(timezone=True)),
            Customer.code,
            Customer.name,
            Site.name,
            history,
        )
        .select_from(scope)
        .join(ServiceRecord, ServiceRecord.item_id == scope.c.item_id)
        .join(Item, Item.id == scope.c.item_id)
        .outerjoin(Site, Site.id == ServiceRecord.site_id)
        .outerjoin(Customer, Customer.id == Site.customer_id)
    )
    every = zip(PARTS, (items, shipped, serviced), strict=True)
    chosen = [part for name, part in every if name in parts]
    if len(chosen) == 1:
        return chosen[0]
    return union_all(*chosen)  # type: ignore[return-value]


def scope_select(
    root_id: int,
    direction: Direction = Direction.FORWARD,
    *,
    include_removed: bool = False,
    members_of: int | None = None,
    parts: tuple[str, ...] = PARTS,
) -> AnySelect:
    """The statement behind ``scope_rows`` (to compose or explain)."""
    stmt = _statement(direction, include_removed, members_of is not None, parts)
    return stmt.params(params(root_id, members_of))


def scope_rows(
    session: Session,
    item_id: int,
    direction: Direction = Direction.FORWARD,
    *,
    include_removed: bool = False,
    batch_size: int = DEFAULT_BATCH,
    parts: tuple[str, ...] = PARTS,
) -> Iterator[ScopeRow]:
    """Stream the flat scope of ``item_id``: its items (root included), the shipment lines and
    the service records of those items (``parts``: which of the three). Consume it inside the
    session's block."""
    unknown = set(parts) - set(PARTS)
    if unknown or not parts:
        raise ValueError(f"parts must be some of {PARTS}, not {parts}")
    members = member_work_order(session, item_id)
    stmt = _statement(direction, include_removed, members is not None, tuple(parts))
    result = execute(session, stmt, params(item_id, members), batch_size)
    make = ScopeRow._make
    try:
        for partition in result.partitions():
            for row in partition:
                values = tuple(row)
                yield make((*values[:15], not values[15]))
    finally:
        result.close()


@lru_cache(maxsize=4)
def _affected_statement(members: bool) -> AnySelect:
    scope, _ = scope_of(Direction.FORWARD, False, members)
    lot_tracked = and_(Item.kind == "production_lot", Product.tracking == "lot")
    return (
        select(Item.id, _text(Item.status))
        .select_from(scope)
        .join(Item, Item.id == scope.c.item_id)
        .join(Product, Product.id == Item.product_id)
        .where(or_(Item.kind == "unit", lot_tracked))
        .order_by(Item.id)
    )


def recall_units(
    session: Session, item_id: int, *, batch_size: int = DEFAULT_BATCH
) -> Iterator[tuple[int, str]]:
    """(item id, status) of what a recall of ``item_id`` affects, by item id: the finished
    units of the current forward scope (items of a product, not serialised components) and
    the production lots of lot-controlled products (a kit lot is recalled as one item)."""
    members = member_work_order(session, item_id)
    stmt = _affected_statement(members is not None)
    result = execute(session, stmt, params(item_id, members))
    try:
        for partition in result.partitions(batch_size):
            for row in partition:
                values: tuple[Any, ...] = tuple(row)
                yield int(values[0]), str(values[1])
    finally:
        result.close()


def recall_insert(
    session: Session,
    item_id: int,
    recall_id: int,
    states: Mapping[str, str],
    default_state: str,
    at_site: tuple[str, ...],
) -> None:
    """Write a recall's affected items (``recall_units``) straight into ``recall_items``, one
    ``INSERT ... SELECT``: each with its recall state (``states``: item status -> state, else
    ``default_state``) and where it is: the site of its latest service record of a kind in
    ``at_site`` that names a site (with that site's customer), else the customer and ship-to
    site of its latest shipment. Nothing crosses into Python: 200,000 units in one statement."""
    members = member_work_order(session, item_id)
    scope, _ = scope_of(Direction.FORWARD, False, members is not None)
    lot_tracked = and_(Item.kind == "production_lot", Product.tracking == "lot")
    shipped = (
        select(func.max(ShipmentLine.shipment_id))
        .where(ShipmentLine.item_id == Item.id)
        .scalar_subquery()
    )
    placed = (
        select(func.max(ServiceRecord.id))
        .where(
            ServiceRecord.item_id == Item.id,
            ServiceRecord.kind.in_(at_site),
            ServiceRecord.site_id.is_not(None),
        )
        .scalar_subquery()
    )
    record, site = ServiceRecord.__table__.alias("placed"), Site.__table__.alias("placed_site")
    state = case(dict(states), value=type_coerce(Item.status, String), else_=default_state)
    rows = (
        select(
            literal(recall_id, BigInteger),
            Item.id,
            state,
            func.coalesce(site.c.customer_id, Shipment.customer_id),
            func.coalesce(record.c.site_id, Shipment.site_id),
        )
        .select_from(scope)
        .join(Item, Item.id == scope.c.item_id)
        .join(Product, Product.id == Item.product_id)
        .outerjoin(Shipment, Shipment.id == shipped)
        .outerjoin(record, record.c.id == placed)
        .outerjoin(site, site.c.id == record.c.site_id)
        .where(or_(Item.kind == "unit", lot_tracked))
    )
    columns = ["recall_id", "item_id", "state_at_scope", "customer_id", "site_id"]
    stmt = insert(RecallItem).from_select(columns, rows)
    session.connection().execute(stmt, params(item_id, members))
