"""Reading a recall: counts per state, customers to notify, the items (queries over a Session).

The caller (``desktop.services.recall``) passes the closing signature's manifestation (which it
verifies) and how items are named (``records.label``); this module only reads rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import trace
from db.models import Customer, Item, Recall, RecallItem, Site, User
from desktop.domain.distribution import RecallState, ServiceKind, recall_state
from desktop.domain.states import ItemKind, Status
from desktop.reports.recall_model import CustomerLine, RecallItemView, RecallView
from desktop.reports.signature import Manifestation

SCOPE_KINDS = (ItemKind.MATERIAL_LOT, ItemKind.PRODUCTION_LOT, ItemKind.UNIT)


#: After-sale records that place a unit at their site (its site wins over the ship-to site).
AT_A_SITE = (ServiceKind.INSTALLATION, ServiceKind.SERVICE, ServiceKind.REPAIR)


def take_scope(session: Session, recall: Recall, root_id: int) -> list[tuple[int, RecallState]]:
    """Write the recall's affected items (the finished units and lot-controlled lots of the
    current forward scope of ``root_id``) with their state and where they are, in one
    statement (db.trace.recall_insert); returns (item id, state) of each, by item id."""
    states = {status.value: recall_state(status).value for status in Status}
    at_site = tuple(kind.value for kind in AT_A_SITE)
    trace.recall_insert(session, root_id, recall.id, states, RecallState.IN_STOCK.value, at_site)
    taken = select(RecallItem.item_id, RecallItem.state_at_scope).where(
        RecallItem.recall_id == recall.id
    )
    return [
        (int(i), RecallState(s)) for i, s in session.execute(taken.order_by(RecallItem.item_id))
    ]


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


class _Named(NamedTuple):
    """The columns of an item that naming it reads (records.label), without loading it."""

    id: int
    kind: ItemKind
    serial: str | None
    sscc: str | None
    lot: str | None
    supplier_lot: str | None


def items_page(
    session: Session,
    recall: Recall,
    name: Callable[[Item], str],
    *,
    after: int | None = None,
    limit: int = 5000,
) -> tuple[tuple[RecallItemView, ...], int | None]:
    """One keyset page of a recall's items by item id (after ``after``), read as plain rows
    (no ORM objects: a broad recall is 200,000 of them); and the ``after`` of the next page,
    None on the last."""
    stmt = (
        select(
            RecallItem.item_id,
            RecallItem.state_at_scope,
            Item.status,
            Item.kind,
            Item.serial,
            Item.sscc,
            Item.lot,
            Item.supplier_lot,
            Customer.code,
            Customer.name,
            Site.name,
            Site.gln,
            RecallItem.notified_at,
            RecallItem.returned_at,
            RecallItem.disposition,
        )
        .join(Item, Item.id == RecallItem.item_id)
        .outerjoin(Customer, Customer.id == RecallItem.customer_id)
        .outerjoin(Site, Site.id == RecallItem.site_id)
        .where(RecallItem.recall_id == recall.id)
        .order_by(RecallItem.item_id)
        .limit(limit + 1)
    )
    if after is not None:
        stmt = stmt.where(RecallItem.item_id > after)
    rows = session.execute(stmt).all()
    views = tuple(
        RecallItemView(
            r[0],
            name(cast(Item, _Named(r[0], r[3], r[4], r[5], r[6], r[7]))),
            r[1],
            r[2],
            r[8],
            r[9],
            r[10],
            r[11],
            r[12],
            r[13],
            r[14],
        )
        for r in rows[:limit]
    )
    return views, (views[-1].item_id if len(rows) > limit else None)
