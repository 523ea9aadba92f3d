"""What the trace station shows for any identifier: the item, its timeline, its genealogy
backward and forward (bounded), and the shipments, customers and sites it reached."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import trace
from db.models import Event, Item, Product, Station, User
from desktop.domain.distribution import ServiceKind
from desktop.domain.events import EventKind, Outcome
from desktop.domain.permissions import Permission
from desktop.domain.states import ItemKind, Status
from desktop.domain.text import t
from desktop.services.core.lookup import require_item
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case

TIMELINE_LIMIT = 200


@dataclass(frozen=True)
class GenealogyLine:
    item_id: int
    parent_id: int | None  # the neighbour one step nearer the traced item
    depth: int
    kind: ItemKind
    identity: str
    status: Status
    quantity: str
    current: bool


@dataclass(frozen=True)
class TimelineLine:
    at: datetime
    kind: EventKind
    outcome: Outcome
    station: str
    user: str
    summary: str


@dataclass(frozen=True)
class ReachLine:
    what: str  # "shipment" or the service kind (installation, ...)
    reference: str
    customer: str
    site: str
    at: datetime | None
    item_id: int


@dataclass(frozen=True)
class TraceView:
    scan: str
    item_id: int
    identity: str
    kind: ItemKind
    status: Status
    product: str
    timeline: tuple[TimelineLine, ...]
    backward: tuple[GenealogyLine, ...]
    forward: tuple[GenealogyLine, ...]
    reached: tuple[ReachLine, ...]
    truncated: bool


def _identity(node: trace.TraceNode) -> str:
    if node.sscc:
        return t("SSCC {sscc}", sscc=node.sscc)
    if node.serial:
        return t("{kind} {serial}", kind=ItemKind(node.kind).words, serial=node.serial)
    if node.supplier_lot:
        return t("material lot {lot}", lot=node.supplier_lot)
    return t("{kind} {lot}", kind=ItemKind(node.kind).words, lot=node.lot or node.item_id)


def _lines(nodes: list[trace.TraceNode]) -> tuple[GenealogyLine, ...]:
    return tuple(
        GenealogyLine(
            n.item_id,
            n.via_item_id,
            n.depth,
            ItemKind(n.kind),
            _identity(n),
            Status(n.status),
            "" if n.quantity is None else format(n.quantity.normalize(), "f"),
            n.current,
        )
        for n in nodes
    )


def _timeline(session: Session, item: Item) -> tuple[TimelineLine, ...]:
    stmt = (
        select(Event, Station.name, User.full_name)
        .outerjoin(Station, Station.id == Event.station_id)
        .outerjoin(User, User.id == Event.user_id)
        .where(Event.item_id == item.id)
        .order_by(Event.db_time.desc())
        .limit(TIMELINE_LIMIT)
    )
    out = []
    for event, station, user in session.execute(stmt):
        summary = str(event.data.get("message") or event.data.get("summary") or "")
        out.append(
            TimelineLine(
                event.db_time, event.kind, event.outcome, station or "", user or "", summary
            )
        )
    return tuple(out)


def _reached(session: Session, item_id: int, limit: int) -> tuple[ReachLine, ...]:
    ships = itertools.islice(trace.forward_shipments(session, item_id), limit)
    lines = [
        ReachLine(
            t("shipment"), s.number, s.customer_name, s.site_name or "", s.shipped_at, s.item_id
        )
        for s in ships
    ]
    for r in itertools.islice(trace.forward_service(session, item_id), limit):
        lines.append(
            ReachLine(
                ServiceKind(r.kind).words,
                t("record {id}", id=r.record_id),
                "",
                r.site_name or "",
                r.performed_at,
                r.item_id,
            )
        )
    return tuple(lines)


@use_case(Permission.TRACE_VIEW, read_only=True)
def trace_item(uow: UnitOfWork, scan: str, limit: int = 500) -> TraceView:
    """Trace what a person scanned or typed; each direction is cut at ``limit`` items."""
    session = uow.session
    item = require_item(session, scan, what="unit, lot, case or pallet")
    back = list(itertools.islice(trace.backward(session, item.id, by_depth=True), limit + 1))
    fwd = list(itertools.islice(trace.forward(session, item.id, by_depth=True), limit + 1))
    product = session.get(Product, item.product_id) if item.product_id else None
    return TraceView(
        scan=scan,
        item_id=item.id,
        identity=label(item),
        kind=item.kind,
        status=item.status,
        product=product.name if product else "",
        timeline=_timeline(session, item),
        backward=_lines(back[:limit]),
        forward=_lines(fwd[:limit]),
        reached=_reached(session, item.id, limit),
        truncated=len(back) > limit or len(fwd) > limit,
    )
