"""Reading a recall: counts per state, customers to notify, the items (queries over a Session).

The caller (``desktop.services.recall``) passes the closing signature's manifestation (which it
verifies) and how items are named (``records.label``); this module only reads rows.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import trace
from db.models import Customer, Item, Product, Recall, RecallItem, Site, User
from desktop.domain.distribution import RecallState, ServiceKind
from desktop.domain.plant import Tracking
from desktop.domain.states import ItemKind
from desktop.reports.recall_model import CustomerLine, RecallItemView, RecallView
from desktop.reports.signature import Manifestation

SCOPE_KINDS = (ItemKind.MATERIAL_LOT, ItemKind.PRODUCTION_LOT, ItemKind.UNIT)
CHUNK = 500


def affected_items(session: Session, root_id: int) -> list[tuple[int, str]]:
    """(item id, status) of the finished units and lot-controlled lots in the forward scope."""
    ids = [n.item_id for n in trace.forward(session, root_id) if n.kind in SCOPE_KINDS[1:]]
    found: list[tuple[int, str]] = []
    for start in range(0, len(ids), CHUNK):
        stmt = (
            select(Item.id, Item.kind, Item.status, Product.tracking)
            .join(Product, Product.id == Item.product_id)
            .where(Item.id.in_(ids[start : start + CHUNK]))
        )
        for item_id, kind, status, tracking in session.execute(stmt):
            if kind == ItemKind.UNIT or tracking == Tracking.LOT:
                found.append((item_id, status))
    return sorted(found)


#: After-sale records that place a unit at their site.
_AT_A_SITE = (ServiceKind.INSTALLATION, ServiceKind.SERVICE, ServiceKind.REPAIR)


def reach(session: Session, root_id: int) -> dict[int, tuple[int | None, int | None]]:
    """item id -> (customer id, site id): the install site wins over the ship-to site."""
    where: dict[int, tuple[int | None, int | None]] = {}
    for ship in trace.forward_shipments(session, root_id):
        where[ship.item_id] = (ship.customer_id, ship.site_id)
    for done in trace.forward_service(session, root_id):
        if done.site_id is not None and done.kind in _AT_A_SITE:
            customer = done.customer_id or where.get(done.item_id, (None, None))[0]
            where[done.item_id] = (customer, done.site_id)
    return where


def _counts(session: Session, recall: Recall) -> tuple[dict[RecallState, int], int, int, int, int]:
    stmt = (
        select(
            RecallItem.state_at_scope,
            func.count(),
            func.count(RecallItem.notified_at),
            func.count(RecallItem.returned_at),
            func.count(RecallItem.disposition),
        )
        .where(RecallItem.recall_id == recall.id)
        .group_by(RecallItem.state_at_scope)
    )
    by_state = {state: 0 for state in RecallState}
    totals = [0, 0, 0, 0]
    for state, count, notified, returned, dispositioned in session.execute(stmt):
        by_state[state] = count
        for i, n in enumerate((count, notified, returned, dispositioned)):
            totals[i] += n
    return by_state, totals[0], totals[1], totals[2], totals[3]


def _customers(session: Session, recall: Recall) -> tuple[CustomerLine, ...]:
    stmt = (
        select(
            Customer.code,
            Customer.name,
            Site.name,
            Site.gln,
            func.count(),
            func.count(RecallItem.notified_at),
        )
        .join(Customer, Customer.id == RecallItem.customer_id)
        .outerjoin(Site, Site.id == RecallItem.site_id)
        .where(RecallItem.recall_id == recall.id)
        .group_by(Customer.code, Customer.name, Site.name, Site.gln)
        .order_by(Customer.code, Site.name)
    )
    return tuple(CustomerLine(*row) for row in session.execute(stmt))


def _items(
    session: Session, recall: Recall, limit: int, name: Callable[[Item], str]
) -> tuple[RecallItemView, ...]:
    stmt = (
        select(RecallItem, Item, Customer, Site)
        .join(Item, Item.id == RecallItem.item_id)
        .outerjoin(Customer, Customer.id == RecallItem.customer_id)
        .outerjoin(Site, Site.id == RecallItem.site_id)
        .where(RecallItem.recall_id == recall.id)
        .order_by(RecallItem.item_id)
        .limit(limit)
    )
    return tuple(
        RecallItemView(
            row.item_id,
            name(item),
            row.state_at_scope,
            item.status,
            customer.code if customer else None,
            customer.name if customer else None,
            site.name if site else None,
            site.gln if site else None,
            row.notified_at,
            row.returned_at,
            row.disposition,
        )
        for row, item, customer, site in session.execute(stmt)
    )


def recall_view(
    session: Session,
    recall: Recall,
    closing: Manifestation | None,
    name: Callable[[Item], str],
    limit: int = 500,
) -> RecallView:
    by_state, total, notified, returned, dispositioned = _counts(session, recall)
    scope = session.get_one(Item, recall.scope_item_id)
    opener = session.get(User, recall.opened_by)
    return RecallView(
        recall.number,
        recall.reason,
        scope.id,
        name(scope),
        recall.status,
        opener.full_name if opener else "?",
        recall.opened_at,
        recall.scope_known_at,
        recall.closed_at,
        total,
        by_state,
        notified,
        returned,
        dispositioned,
        _customers(session, recall),
        _items(session, recall, limit, name),
        closing,
    )
