"""Shipping and after-sale: ship units, cases and pallets to a customer's site; record
installation, service, repair, return and disposal against a serial.

A shipment takes only what may leave: released (or packed) finished goods with a verified
label, not on hold, with no NCR open, not shipped before, and not inside a container (ship the
container). Everything inside a shipped case or pallet is shipped with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import Customer, Item, Link, Nonconformance, Shipment, ShipmentLine, Site
from db.types import utcnow
from desktop.domain.distribution import ShipmentStatus
from desktop.domain.events import EventKind, LinkKind
from desktop.domain.permissions import Permission
from desktop.domain.quality import NcrStatus
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import StepKind
from desktop.domain.text import Text, t
from desktop.domain.udi import key_problem
from desktop.services.core import records, routing
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.holds import packed_contents, require_no_hold
from desktop.services.packing import container_of

SHIPPABLE = (ItemKind.UNIT, ItemKind.CASE, ItemKind.PALLET)


@dataclass(frozen=True)
class ShipLine:
    item_id: int
    kind: ItemKind
    item: str
    quantity: Decimal


@dataclass(frozen=True)
class ShipmentView:
    number: str
    customer_code: str
    customer: str
    site: str | None
    site_gln: str | None
    status: ShipmentStatus
    shipped_at: datetime | None
    lines: tuple[ShipLine, ...]  # what was scanned and everything inside it
    event_id: uuid.UUID | None
    delivered_at: datetime | None = None  # proof of delivery: when the customer signed
    received_by: str | None = None  # who signed at the customer

    @property
    def units(self) -> int:
        return sum(1 for line in self.lines if line.kind == ItemKind.UNIT)


# ---------------------------------------------------------------- lookups


def find_site(session: Session, text: str, customer: Customer | None = None) -> Site:
    given = (text or "").strip()
    if len(given) == 13 and given.isascii() and given.isdigit():
        wrong = key_problem("GLN", given)  # a GLN typed in, checked before it is looked up
        if wrong is not None:
            raise Refusal(t("{wrong}: give the site's GLN or name", wrong=wrong))
    stmt = select(Site).where(or_(Site.gln == given, Site.name == given))
    if customer is not None:
        stmt = stmt.where(Site.customer_id == customer.id)
    sites = list(session.scalars(stmt))
    if len(sites) != 1:
        said = shown(given)
        if customer is None:
            raise NotFound(t('site "{site}" is not a site (give its name or GLN)', site=said))
        names = ", ".join(session.scalars(select(Site.name).where(Site.customer_id == customer.id)))
        raise NotFound(
            t(
                'site "{site}" is not a site of {customer} (give its name or GLN): its sites '
                "are {names}",
                site=said,
                customer=customer.code,
                names=names or t("none"),
            )
        )
    return sites[0]


def _customer(session: Session, code: str) -> Customer:
    found = session.scalars(select(Customer).where(Customer.code == (code or "").strip())).first()
    if found is None:
        raise NotFound(
            t(
                'customer "{code}" does not exist: check the customer code',
                code=shown(code or ""),
            )
        )
    return found


def shipment_of(session: Session, item: Item, other_than: int | None = None) -> Shipment | None:
    stmt = select(Shipment).join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
    if other_than is not None:
        stmt = stmt.where(Shipment.id != other_than)
    return session.scalars(stmt.where(ShipmentLine.item_id == item.id)).first()


def shipment_view(session: Session, shipment: Shipment) -> ShipmentView:
    customer = session.get_one(Customer, shipment.customer_id)
    site = session.get(Site, shipment.site_id) if shipment.site_id else None
    stmt = select(ShipmentLine, Item).join(Item, Item.id == ShipmentLine.item_id)
    rows = session.execute(stmt.where(ShipmentLine.shipment_id == shipment.id))
    lines = tuple(
        ShipLine(item.id, item.kind, label(item), line.quantity)
        for line, item in sorted(rows, key=lambda r: r[0].id)
    )
    return ShipmentView(
        shipment.number,
        customer.code,
        customer.name,
        site.name if site else None,
        site.gln if site else None,
        shipment.status,
        shipment.shipped_at,
        lines,
        shipment.event_id,
        shipment.delivered_at,
        shipment.received_by,
    )


# ---------------------------------------------------------------- the checks


def _refuse_top(session: Session, item: Item, scan: str, on: int | None = None) -> None:
    said = _said(scan)
    done = shipment_of(session, item, other_than=on)
    if item.status == Status.SHIPPED or done is not None:
        if done is not None:
            raise Refusal(
                t(
                    "{said}: {item} was shipped already on {shipment}",
                    said=said,
                    item=label(item),
                    shipment=done.number,
                )
            )
        raise Refusal(t("{said}: {item} was shipped already", said=said, item=label(item)))
    outer = container_of(session, item)
    if outer is not None:
        raise Refusal(
            t(
                "{said}: {item} is packed in {container}: ship that instead",
                said=said,
                item=label(item),
                container=label(outer),
            )
        )
    if item.kind in (ItemKind.CASE, ItemKind.PALLET) and item.status != Status.CLOSED:
        raise Refusal(
            t(
                "{said}: {item} is {status}: close it before shipping",
                said=said,
                item=label(item),
                status=item.status.words,
            )
        )
    if item.kind == ItemKind.UNIT and item.product_id is None:
        raise Refusal(
            t("{said}: {item} is a component, not a finished unit", said=said, item=label(item))
        )


def _said(scan: str) -> Text:
    return t('scan "{scan}"', scan=shown(scan))


def _refuse_unit(session: Session, unit: Item, said: str, packed: bool) -> None:
    wanted = Status.PACKED if packed else Status.RELEASED
    if unit.status != wanted:
        raise Refusal(
            t(
                "{said}: {item} is {status}: only released, labelled units are shipped",
                said=said,
                item=label(unit),
                status=unit.status.words,
            ),
            entity="item",
            entity_id=str(unit.id),
        )
    steps = routing.route_steps(session, unit)
    label_at = next((s.position for s in steps if s.kind == StepKind.LABEL), 0)
    if unit.current_step < label_at:
        raise Refusal(
            t(
                "{said}: {item} has no verified UDI label: label it first",
                said=said,
                item=label(unit),
            )
        )


def _refuse_open_ncr(session: Session, items: list[Item], said: str) -> None:
    stmt = select(Nonconformance).where(
        Nonconformance.item_id.in_([i.id for i in items]), Nonconformance.status != NcrStatus.CLOSED
    )
    found = session.scalars(stmt.limit(1)).first()
    if found is not None:
        item = next(i for i in items if i.id == found.item_id)
        raise Refusal(
            t(
                "{said}: {ncr} is open on {item}: close it first",
                said=said,
                ncr=found.number,
                item=label(item),
            )
        )


def _checked(
    session: Session, item: Item, scan: str, on: int | None = None
) -> list[tuple[Item, Decimal]]:
    """The scanned item and everything inside it, each checked; with shipped quantities
    (``on``: the open shipment the item is on already, not a reason to refuse)."""
    said = _said(scan)
    _refuse_top(session, item, scan, on)
    require_no_hold(session, item, t("shipping"))
    inside = [(child, link.quantity) for child, link in packed_contents(session, item)]
    everything = [(item, Decimal(1)), *inside]
    for each, _ in everything:
        if each.kind == ItemKind.UNIT:
            _refuse_unit(session, each, said, packed=each is not item)
        elif each.kind == ItemKind.PRODUCTION_LOT and each.status != Status.RELEASED:
            raise Refusal(
                t(
                    "{said}: {item} is {status}: only released lots ship",
                    said=said,
                    item=label(each),
                    status=each.status.words,
                )
            )
    _refuse_open_ncr(session, [i for i, _ in everything], said)
    return everything


# ---------------------------------------------------------------- shipping


def _ship_lot_if_gone(uow: UnitOfWork, lot: Item, number: str) -> None:
    """A lot-controlled lot is shipped once none of it is left and every case of it left."""
    if lot.quantity_available > 0 or lot.status != Status.RELEASED:
        return
    stmt = select(Item).join(Link, Link.parent_item_id == Item.id)
    stmt = stmt.where(
        Link.child_item_id == lot.id, Link.kind == LinkKind.PACK, Link.removed_event_id.is_(None)
    )
    if all(case.status == Status.SHIPPED for case in uow.session.scalars(stmt)):
        records.set_status(uow, lot, Status.SHIPPED, reason=f"its last case left on {number}")


def _add_lines(uow: UnitOfWork, shipment: Shipment, items: list[tuple[Item, Decimal]]) -> None:
    totals: dict[int, Decimal] = {}
    for item, quantity in items:
        totals[item.id] = totals.get(item.id, Decimal(0)) + quantity
    for item_id, quantity in totals.items():
        uow.session.add(ShipmentLine(shipment_id=shipment.id, item_id=item_id, quantity=quantity))
    uow.session.flush()


def _mark_shipped(uow: UnitOfWork, items: list[tuple[Item, Decimal]], shipment: Shipment) -> None:
    lots = []
    for item, _ in items:
        if item.kind == ItemKind.PRODUCTION_LOT:
            lots.append(item)
            continue
        records.set_status(uow, item, Status.SHIPPED, reason=f"shipped on {shipment.number}")
        if item.site_id != shipment.site_id:
            old, item.site_id = item.site_id, shipment.site_id
            uow.audit("item.site", "item", item.id, old={"site": old}, new={"site": item.site_id})
    for lot in lots:
        _ship_lot_if_gone(uow, lot, shipment.number)


@use_case(Permission.SHIP)
def ship(
    uow: UnitOfWork,
    customer_code: str,
    site_name_or_gln: str,
    scans: Sequence[str],
    *,
    event_id: uuid.UUID | None = None,
) -> ShipmentView:
    """Ship the scanned units, cases and pallets (and all inside them) to a customer's site."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        found = uow.session.scalars(select(Shipment).where(Shipment.event_id == earlier.id)).one()
        return shipment_view(uow.session, found)
    customer = _customer(uow.session, customer_code)
    site = find_site(uow.session, site_name_or_gln, customer)
    if not scans:
        raise Refusal(t("nothing to ship: scan the units, cases or pallets first"))
    tops = [require_item(uow.session, s, SHIPPABLE, "unit, case or pallet") for s in scans]
    seen: set[int] = set()
    everything: list[tuple[Item, Decimal]] = []
    for item, scan in zip(tops, scans, strict=True):
        if item.id in seen:
            raise Refusal(t("{said}: {item} is scanned twice", said=_said(scan), item=label(item)))
        seen.add(item.id)
        everything += _checked(uow.session, item, scan)
    shipment = Shipment(
        number=f"tmp-{uuid.uuid4().hex[:12]}",
        customer_id=customer.id,
        site_id=site.id,
        status=ShipmentStatus.SHIPPED,
        shipped_at=utcnow(),
    )
    uow.session.add(shipment)
    uow.session.flush()
    shipment.number = f"SHP-{shipment.id:06d}"
    data = {"shipment": shipment.number, "customer": customer.code, "site": site.name}
    event = records.record_event(
        uow, EventKind.SHIPMENT, event_id=event_id, data=data | {"items": [label(i) for i in tops]}
    )
    shipment.event_id = event.id
    for item in tops:
        records.record_event(uow, EventKind.SHIP, item=item, data=data)
    _add_lines(uow, shipment, everything)
    _mark_shipped(uow, everything, shipment)
    uow.audit("shipment.ship", "shipment", shipment.id, new=data | {"lines": len(everything)})
    return shipment_view(uow.session, shipment)


__all__ = ["ShipLine", "ShipmentView", "find_site", "ship", "shipment_of", "shipment_view"]
