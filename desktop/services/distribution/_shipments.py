"""A shipment built at the shipping station: opened for a customer's site, cases, pallets and
units scanned onto it one by one (each checked as it is scanned), confirmed shipped, and its
proof of delivery recorded; plus the delivery note's contents.

While open, a shipment's lines are what was scanned; confirming checks every line again (a hold
placed meanwhile refuses it) and adds everything packed inside them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Customer, Item, Product, Recall, RecallItem, Shipment, ShipmentLine, Site
from db.types import utcnow
from desktop.domain.distribution import RecallStatus, ShipmentStatus
from desktop.domain.events import EventKind
from desktop.domain.permissions import Permission
from desktop.domain.text import t
from desktop.reports.delivery_note import DeliveryNote, NoteLine
from desktop.services.core import records
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.distribution._shipping import (
    SHIPPABLE,
    ShipmentView,
    _add_lines,
    _checked,
    _customer,
    _mark_shipped,
    _said,
    find_site,
    shipment_view,
)
from desktop.services.holds import packed_contents
from desktop.services.packing import container_of

#: How far ahead of this computer's clock a proof of delivery may be dated (clocks differ).
CLOCK_SLACK = timedelta(minutes=10)


# ---------------------------------------------------------------- lookups


def _shipment(session: Session, number: str, *, lock: bool = False) -> Shipment:
    stmt = select(Shipment).where(Shipment.number == (number or "").strip().upper())
    found = session.scalars(stmt.with_for_update() if lock else stmt).first()
    if found is None:
        raise NotFound(
            t(
                'shipment "{number}" does not exist: check the number (SHP-...)',
                number=shown(number or ""),
            )
        )
    return found


def _open(session: Session, number: str) -> Shipment:
    found = _shipment(session, number, lock=True)
    if found.status != ShipmentStatus.OPEN:
        raise Refusal(
            t(
                "{shipment} is {status}: nothing more can be added or confirmed; open a new "
                "shipment",
                shipment=found.number,
                status=found.status.words,
            )
        )
    return found


def _lined(session: Session, shipment: Shipment) -> list[Item]:
    stmt = select(Item).join(ShipmentLine, ShipmentLine.item_id == Item.id)
    stmt = stmt.where(ShipmentLine.shipment_id == shipment.id).order_by(ShipmentLine.id)
    return list(session.scalars(stmt))


def _refuse_recalled(session: Session, items: list[Item], scan: str) -> None:
    stmt = select(Recall, RecallItem).join(RecallItem, RecallItem.recall_id == Recall.id)
    stmt = stmt.where(
        RecallItem.item_id.in_([i.id for i in items]), Recall.status == RecallStatus.OPEN
    )
    found = session.execute(stmt.limit(1)).first()
    if found is not None:
        recall, row = found
        item = next(i for i in items if i.id == row.item_id)
        raise Refusal(
            t(
                "{said}: {item} is under recall {recall}: it may not ship",
                said=_said(scan),
                item=label(item),
                recall=recall.number,
            ),
            entity="item",
            entity_id=str(item.id),
        )


def _checked_all(
    session: Session, item: Item, scan: str, on: int | None
) -> list[tuple[Item, Decimal]]:
    everything = _checked(session, item, scan, on)
    _refuse_recalled(session, [i for i, _ in everything], scan)
    return everything


# ---------------------------------------------------------------- use cases


@use_case(Permission.SHIP)
def open_shipment(uow: UnitOfWork, customer_code: str, site_name_or_gln: str) -> ShipmentView:
    """Open a shipment for a customer's site; cases, pallets and units are scanned onto it."""
    customer = _customer(uow.session, customer_code)
    site = find_site(uow.session, site_name_or_gln, customer)
    shipment = Shipment(
        number=f"tmp-{uuid.uuid4().hex[:12]}",
        customer_id=customer.id,
        site_id=site.id,
        status=ShipmentStatus.OPEN,
    )
    uow.session.add(shipment)
    uow.session.flush()
    shipment.number = f"SHP-{shipment.id:06d}"
    data = {"shipment": shipment.number, "customer": customer.code, "site": site.name}
    uow.audit("shipment.open", "shipment", shipment.id, new=data)
    return shipment_view(uow.session, shipment)


@use_case(Permission.SHIP)
def add_to_shipment(uow: UnitOfWork, number: str, scan: str) -> ShipmentView:
    """Scan a case, pallet or unit onto an open shipment: refused, with the reason, unless it
    and everything inside it may ship (released, labelled, closed, not held, not recalled, not
    shipped or on another shipment)."""
    shipment = _open(uow.session, number)
    item = require_item(uow.session, scan, SHIPPABLE, "unit, case or pallet")
    on = {i.id for i in _lined(uow.session, shipment)}
    if item.id in on:
        raise Refusal(
            t(
                "{said}: {item} is on {shipment} already",
                said=_said(scan),
                item=label(item),
                shipment=shipment.number,
            )
        )
    other = _other_open(uow.session, item, shipment)
    if other is not None:
        raise Refusal(
            t(
                "{said}: {item} is on {other}, not shipped yet: take it off there first",
                said=_said(scan),
                item=label(item),
                other=other.number,
            )
        )
    everything = _checked_all(uow.session, item, scan, None)
    inside = {i.id for i, _ in everything[1:]}
    if inside & on:
        raise Refusal(
            t(
                "{said}: {item} holds something already on {shipment}: scan the outer "
                "container only",
                said=_said(scan),
                item=label(item),
                shipment=shipment.number,
            )
        )
    uow.session.add(ShipmentLine(shipment_id=shipment.id, item_id=item.id, quantity=Decimal(1)))
    uow.session.flush()
    uow.audit(
        "shipment.add",
        "shipment",
        shipment.id,
        new={"shipment": shipment.number, "item": label(item), "inside": len(inside)},
    )
    return shipment_view(uow.session, shipment)


def _other_open(session: Session, item: Item, shipment: Shipment) -> Shipment | None:
    stmt = select(Shipment).join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
    stmt = stmt.where(
        ShipmentLine.item_id == item.id,
        Shipment.id != shipment.id,
        Shipment.status == ShipmentStatus.OPEN,
    )
    return session.scalars(stmt).first()


@use_case(Permission.SHIP)
def remove_from_shipment(uow: UnitOfWork, number: str, scan: str) -> ShipmentView:
    """Take a scanned case, pallet or unit off an open shipment."""
    shipment = _open(uow.session, number)
    item = require_item(uow.session, scan, SHIPPABLE, "unit, case or pallet")
    line = uow.session.scalars(
        select(ShipmentLine).where(
            ShipmentLine.shipment_id == shipment.id, ShipmentLine.item_id == item.id
        )
    ).first()
    if line is None:
        raise Refusal(
            t(
                "{said}: {item} is not on {shipment}",
                said=_said(scan),
                item=label(item),
                shipment=shipment.number,
            )
        )
    uow.session.delete(line)
    uow.session.flush()
    uow.audit(
        "shipment.remove",
        "shipment",
        shipment.id,
        old={"shipment": shipment.number, "item": label(item)},
    )
    return shipment_view(uow.session, shipment)


@use_case(Permission.SHIP)
def confirm_shipment(
    uow: UnitOfWork, number: str, *, event_id: uuid.UUID | None = None
) -> ShipmentView:
    """Confirm an open shipment shipped: every line is checked again (a hold or recall since
    it was scanned refuses the whole shipment, nothing written), then it and everything inside
    it is shipped to the customer's site."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        found = uow.session.scalars(select(Shipment).where(Shipment.event_id == earlier.id)).one()
        return shipment_view(uow.session, found)
    shipment = _open(uow.session, number)
    tops = _lined(uow.session, shipment)
    if not tops:
        raise Refusal(
            t(
                "{shipment} is empty: scan the cases, pallets or units first",
                shipment=shipment.number,
            )
        )
    everything: list[tuple[Item, Decimal]] = []
    for item in tops:
        everything += _checked_all(uow.session, item, label(item), shipment.id)
    top_ids = {i.id for i in tops}
    view = shipment_view(uow.session, shipment)
    data = {"shipment": shipment.number, "customer": view.customer_code, "site": view.site}
    event = records.record_event(
        uow, EventKind.SHIPMENT, event_id=event_id, data=data | {"items": [label(i) for i in tops]}
    )
    shipment.event_id = event.id
    shipment.status = ShipmentStatus.SHIPPED
    shipment.shipped_at = utcnow()
    for item in tops:
        records.record_event(uow, EventKind.SHIP, item=item, data=data)
    _add_lines(uow, shipment, [(i, q) for i, q in everything if i.id not in top_ids])
    _mark_shipped(uow, everything, shipment)
    uow.audit("shipment.ship", "shipment", shipment.id, new=data | {"lines": len(everything)})
    return shipment_view(uow.session, shipment)


@use_case(Permission.SHIP)
def record_delivery(
    uow: UnitOfWork, number: str, received_by: str, delivered_at: datetime
) -> ShipmentView:
    """Record the proof of delivery of a shipped shipment: who signed at the customer, when."""
    shipment = _shipment(uow.session, number, lock=True)
    if shipment.status != ShipmentStatus.SHIPPED or shipment.shipped_at is None:
        raise Refusal(
            t(
                "{shipment} is {status}: confirm it shipped before recording its delivery",
                shipment=shipment.number,
                status=shipment.status.words,
            )
        )
    if shipment.delivered_at is not None:
        raise Refusal(
            t(
                "{shipment}: delivery was recorded already (signed by {who} on {when})",
                shipment=shipment.number,
                who=shipment.received_by or "?",
                when=f"{shipment.delivered_at:%Y-%m-%d %H:%M}",
            )
        )
    who = " ".join((received_by or "").split())
    if len(who) < 2:
        raise Refusal(
            t("give the name of the person who signed for {shipment}", shipment=shipment.number)
        )
    if len(who) > 120:
        raise Refusal(t("the name is too long: at most 120 characters"))
    if delivered_at.tzinfo is None:
        raise Refusal(t("give the delivery time with its time zone"))
    if delivered_at < shipment.shipped_at:
        raise Refusal(
            t(
                "{shipment} left on {shipped}: it cannot have been delivered before that ({when})",
                shipment=shipment.number,
                shipped=f"{shipment.shipped_at:%Y-%m-%d %H:%M}",
                when=f"{delivered_at:%Y-%m-%d %H:%M}",
            )
        )
    if delivered_at > utcnow() + CLOCK_SLACK:
        raise Refusal(
            t(
                "the delivery time {when} is in the future: give the time on the signed note",
                when=f"{delivered_at:%Y-%m-%d %H:%M}",
            )
        )
    shipment.received_by = who
    shipment.delivered_at = delivered_at
    shipment.pod_recorded_at = utcnow()
    uow.audit(
        "shipment.delivery",
        "shipment",
        shipment.id,
        new={
            "shipment": shipment.number,
            "received_by": who,
            "delivered_at": delivered_at.isoformat(),
        },
    )
    return shipment_view(uow.session, shipment)


@dataclass(frozen=True)
class SiteChoice:
    """A customer's site a shipment may go to."""

    customer_code: str
    customer: str
    site: str
    gln: str | None


@use_case(Permission.TRACE_VIEW, read_only=True)
def customer_sites(uow: UnitOfWork) -> list[SiteChoice]:
    """Every customer's sites, by customer code and site name."""
    stmt = select(Customer, Site).join(Site, Site.customer_id == Customer.id)
    rows = uow.session.execute(stmt.order_by(Customer.code, Site.name))
    return [SiteChoice(c.code, c.name, s.name, s.gln) for c, s in rows]


@use_case(Permission.TRACE_VIEW, read_only=True)
def shipment(uow: UnitOfWork, number: str) -> ShipmentView:
    """One shipment by its number."""
    return shipment_view(uow.session, _shipment(uow.session, number))


@use_case(Permission.TRACE_VIEW, read_only=True)
def shipments(
    uow: UnitOfWork, status: ShipmentStatus | None = None, limit: int = 200
) -> list[ShipmentView]:
    """Shipments, newest first (only those in ``status`` when given)."""
    stmt = select(Shipment).order_by(Shipment.id.desc()).limit(limit)
    if status is not None:
        stmt = stmt.where(Shipment.status == status)
    return [shipment_view(uow.session, s) for s in uow.session.scalars(stmt)]


def _note_line(session: Session, item: Item, level: int, quantity: Decimal) -> NoteLine:
    product = session.get(Product, item.product_id) if item.product_id else None
    return NoteLine(
        level,
        item.kind,
        item.sscc,
        item.di,
        product.name if product else None,
        item.lot,
        item.serial,
        quantity,
        item.unit,
    )


@use_case(Permission.TRACE_VIEW, read_only=True)
def delivery_note(uow: UnitOfWork, number: str) -> DeliveryNote:
    """The packing list / delivery note: every scanned case, pallet and unit and what is in it
    (SSCC, GTIN, product, lot, serial, quantity)."""
    found = _shipment(uow.session, number)
    view = shipment_view(uow.session, found)
    tops = _lined(uow.session, found)
    if found.status == ShipmentStatus.SHIPPED:
        everything = {line.item_id for line in view.lines}
        tops = [i for i in tops if not _inside_one_of(uow.session, i, everything)]
    lines: list[NoteLine] = []
    for item in tops:
        lines.append(_note_line(uow.session, item, 0, Decimal(1)))
        depth = {item.id: 0}
        for child, link in packed_contents(uow.session, item):
            depth[child.id] = depth.get(link.parent_item_id, 0) + 1
            lines.append(_note_line(uow.session, child, depth[child.id], link.quantity))
    return DeliveryNote(
        view.number,
        view.customer_code,
        view.customer,
        view.site,
        view.site_gln,
        view.status,
        view.shipped_at,
        view.delivered_at,
        view.received_by,
        tuple(lines),
    )


def _inside_one_of(session: Session, item: Item, ids: set[int]) -> bool:
    outer = container_of(session, item)
    return outer is not None and outer.id in ids


__all__ = [
    "DeliveryNote",
    "NoteLine",
    "SiteChoice",
    "add_to_shipment",
    "confirm_shipment",
    "customer_sites",
    "delivery_note",
    "open_shipment",
    "record_delivery",
    "remove_from_shipment",
    "shipment",
    "shipments",
]
