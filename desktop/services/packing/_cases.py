"""Aggregation: units (or a quantity of a lot-controlled lot) into cases, cases onto pallets.

Cases and pallets are items identified by an SSCC (AI 00): extension digit, our GS1 company
prefix and a serial reference from a counter (the item's id), with its check digit. Packing
is a link (kind "pack"); unpacking marks the link removed, never deletes it. A unit is packed
only when it is released and its label was verified (its label step passed); packing passes
its pack step.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Event, Item, Link, Product, RouteStep
from desktop.domain.capture import DeviceCapture
from desktop.domain.events import EventKind, LinkKind
from desktop.domain.permissions import Permission
from desktop.domain.plant import Tracking
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import StepKind
from desktop.domain.text import t
from desktop.domain.udi import make_sscc
from desktop.services.core import records, routing
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.holds import require_no_hold

#: The SSCC's extension digit and our GS1 company prefix (config constants of the plant).
SSCC_EXTENSION = "0"
GS1_COMPANY_PREFIX = "9506000"


@dataclass(frozen=True)
class ContentLine:
    item_id: int
    kind: ItemKind
    item: str
    quantity: Decimal


@dataclass(frozen=True)
class ContainerView:
    id: int
    kind: ItemKind  # case | pallet
    sscc: str
    status: Status  # open | closed | packed (a case on a pallet) | shipped
    product_gtin: str | None
    contents: tuple[ContentLine, ...]
    count: Decimal  # units, kits or cases inside
    capacity: int | None  # the product's case quantity (cases only)


# ---------------------------------------------------------------- shared helpers


def active_links(session: Session, parent: Item) -> list[tuple[Item, Link]]:
    stmt = (
        select(Item, Link)
        .join(Link, Link.child_item_id == Item.id)
        .where(
            Link.parent_item_id == parent.id,
            Link.kind == LinkKind.PACK,
            Link.removed_event_id.is_(None),
        )
    )
    return [(item, link) for item, link in session.execute(stmt.order_by(Link.id))]


def container_of(session: Session, child: Item) -> Item | None:
    stmt = select(Item).join(Link, Link.parent_item_id == Item.id)
    stmt = stmt.where(
        Link.child_item_id == child.id, Link.kind == LinkKind.PACK, Link.removed_event_id.is_(None)
    )
    return session.scalars(stmt.order_by(Link.id)).first()


def container_view(session: Session, item: Item) -> ContainerView:
    contents = tuple(
        ContentLine(child.id, child.kind, label(child), link.quantity)
        for child, link in active_links(session, item)
    )
    product = session.get(Product, item.product_id) if item.product_id else None
    return ContainerView(
        item.id,
        item.kind,
        item.sscc or "",
        item.status,
        product.di if product else None,
        contents,
        sum((c.quantity for c in contents), Decimal(0)),
        product.case_quantity if product and item.kind == ItemKind.CASE else None,
    )


#: What a container scan must name, in a refusal.
_SCAN_ITS_LABEL = {
    ItemKind.CASE: t("case (scan its SSCC label)"),
    ItemKind.PALLET: t("pallet (scan its SSCC label)"),
}
#: The events that open and close a case or a pallet.
_CREATED = {ItemKind.CASE: EventKind.CASE_CREATE, ItemKind.PALLET: EventKind.PALLET_CREATE}
_CLOSED = {ItemKind.CASE: EventKind.CASE_CLOSE, ItemKind.PALLET: EventKind.PALLET_CLOSE}


def require_container(session: Session, scan: str, kind: ItemKind) -> Item:
    found = require_item(session, scan, (kind,), _SCAN_ITS_LABEL[kind])
    return session.get_one(Item, found.id, with_for_update=True)


def require_open(item: Item, scan: str) -> None:
    if item.status != Status.OPEN:
        raise Refusal(
            t(
                'scan "{scan}": {item} is {status}: pack into an open {kind} (a closed one is '
                "opened again by unpacking from it)",
                scan=shown(scan),
                item=label(item),
                status=item.status.words,
                kind=item.kind.words,
            ),
            entity="item",
            entity_id=str(item.id),
        )


def earlier_view(uow: UnitOfWork, event_id: uuid.UUID | None) -> ContainerView | None:
    event = records.already_recorded(uow, event_id)
    if event is None:
        return None
    item = uow.session.get_one(Item, int(event.data["container"]))
    return container_view(uow.session, item)


def container_event(
    uow: UnitOfWork,
    kind: EventKind,
    item: Item,
    container: Item,
    *,
    event_id: uuid.UUID | None = None,
    capture: DeviceCapture | None = None,
    step_id: int | None = None,
    **data: object,
) -> Event:
    return records.record_event(
        uow,
        kind,
        item=item,
        event_id=event_id,
        step_id=step_id,
        data={"container": container.id, "sscc": container.sscc} | data,
        capture=capture,
    )


# ---------------------------------------------------------------- cases and pallets


def new_container(uow: UnitOfWork, kind: ItemKind, event_id: uuid.UUID | None) -> ContainerView:
    earlier = earlier_view(uow, event_id)
    if earlier is not None:
        return earlier
    item = Item(kind=kind, status=Status.OPEN, quantity=Decimal(0), quantity_available=Decimal(0))
    uow.session.add(item)
    uow.session.flush()
    width = 16 - len(GS1_COMPANY_PREFIX)
    item.sscc = make_sscc(SSCC_EXTENSION, GS1_COMPANY_PREFIX, f"{item.id:0{width}d}")
    uow.session.flush()
    container_event(uow, _CREATED[kind], item, item, event_id=event_id)
    uow.audit(f"{kind}.create", "item", item.id, new={"sscc": item.sscc})
    return container_view(uow.session, item)


@use_case(Permission.PACK)
def create_case(uow: UnitOfWork, *, event_id: uuid.UUID | None = None) -> ContainerView:
    """A new, empty, open case with its SSCC."""
    return new_container(uow, ItemKind.CASE, event_id)


def _fit_product(uow: UnitOfWork, case: Item, item: Item) -> Product:
    product = uow.session.get_one(Product, item.product_id)
    if case.product_id is None:
        case.product_id = product.id
        uow.audit("case.product", "item", case.id, new={"product": product.di})
    elif case.product_id != product.id:
        held = uow.session.get_one(Product, case.product_id)
        raise Refusal(
            t(
                "{case} holds {held}; {item} is {product}: a case holds one product",
                case=label(case),
                held=held.name,
                item=label(item),
                product=product.name,
            ),
            entity="item",
            entity_id=str(case.id),
        )
    return product


def _refuse_unpackable(session: Session, item: Item, scan: str) -> None:
    said = t('scan "{scan}"', scan=shown(scan))
    if item.status == Status.PACKED or (item.kind == ItemKind.UNIT and container_of(session, item)):
        where = container_of(session, item)
        raise Refusal(
            t(
                "{said}: {item} is packed already, in {where}",
                said=said,
                item=label(item),
                where=label(where) if where else "?",
            )
        )
    if item.status != Status.RELEASED:
        raise Refusal(
            t(
                "{said}: {item} is {status}: only released items are packed",
                said=said,
                item=label(item),
                status=item.status.words,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    require_no_hold(session, item, t("packing"))
    steps = routing.route_steps(session, item)
    label_at = next((s.position for s in steps if s.kind == StepKind.LABEL), 0)
    if item.current_step < label_at:
        raise Refusal(
            t(
                "{said}: the label of {item} is not verified: scan the label back first",
                said=said,
                item=label(item),
            ),
            entity="item",
            entity_id=str(item.id),
        )


def _pack_step(uow: UnitOfWork, item: Item) -> RouteStep | None:
    """The item's pack step when it is the next step of its route (the pack event names it)."""
    step = routing.next_step(uow.session, item)
    return step if step is not None and step.kind == StepKind.PACK else None


def _pass_pack_step(uow: UnitOfWork, item: Item, event: Event) -> None:
    step = _pack_step(uow, item)
    if step is not None:
        routing.pass_step_in(uow, item, step, event)


@use_case(Permission.PACK)
def pack_unit(
    uow: UnitOfWork,
    case_scan: str,
    unit_scan: str,
    *,
    event_id: uuid.UUID | None = None,
    capture: DeviceCapture | None = None,
) -> ContainerView:
    """Pack a released, label-verified unit into an open case (its pack step passes);
    ``capture`` is the unit's scan as the scanner delivered it."""
    earlier = earlier_view(uow, event_id)
    if earlier is not None:
        return earlier
    case = require_container(uow.session, case_scan, ItemKind.CASE)
    require_open(case, case_scan)
    found = require_item(uow.session, unit_scan, (ItemKind.UNIT,), ItemKind.UNIT.words)
    unit = uow.session.get_one(Item, found.id, with_for_update=True)
    if unit.product_id is None:
        raise Refusal(t('scan "{scan}" is a component, not a finished unit', scan=shown(unit_scan)))
    _refuse_unpackable(uow.session, unit, unit_scan)
    product = _fit_product(uow, case, unit)
    inside = len(active_links(uow.session, case))
    if product.case_quantity and inside >= product.case_quantity:
        raise Refusal(
            t(
                "{case} is full ({inside} of {capacity}): close it and pack into a new case",
                case=label(case),
                inside=inside,
                capacity=product.case_quantity,
            ),
            entity="item",
            entity_id=str(case.id),
        )
    step = _pack_step(uow, unit)
    event = container_event(
        uow,
        EventKind.PACK,
        unit,
        case,
        event_id=event_id,
        capture=capture,
        step_id=step.id if step is not None else None,
        scan=unit_scan,
    )
    records.add_link(uow, case, unit, event, kind=LinkKind.PACK)
    records.set_status(uow, unit, Status.PACKED, reason=f"packed in {label(case)}")
    _pass_pack_step(uow, unit, event)
    return container_view(uow.session, case)


def _lot_quantity(
    case: Item, lot: Item, product: Product, inside: Decimal, q: int | None
) -> Decimal:
    room = Decimal(product.case_quantity) - inside if product.case_quantity else lot.quantity
    wanted = Decimal(q) if q is not None else min(room, lot.quantity_available)
    if wanted <= 0 or wanted > lot.quantity_available or wanted > room:
        raise Refusal(
            t(
                "{case} has room for {room} and {lot} has {left} left: {wanted} cannot be packed",
                case=label(case),
                room=f"{room.normalize():f}",
                lot=label(lot),
                left=f"{lot.quantity_available.normalize():f}",
                wanted=f"{wanted.normalize():f}",
            ),
            entity="item",
            entity_id=str(lot.id),
        )
    return wanted


@use_case(Permission.PACK)
def pack_lot_quantity(
    uow: UnitOfWork,
    case_scan: str,
    lot_scan: str,
    quantity: int | None = None,
    *,
    event_id: uuid.UUID | None = None,
) -> ContainerView:
    """Pack ``quantity`` (default: what fills the case) of a lot-controlled lot into a case."""
    earlier = earlier_view(uow, event_id)
    if earlier is not None:
        return earlier
    case = require_container(uow.session, case_scan, ItemKind.CASE)
    require_open(case, case_scan)
    found = require_item(uow.session, lot_scan, (ItemKind.PRODUCTION_LOT,), "production lot")
    lot = uow.session.get_one(Item, found.id, with_for_update=True)
    product = _fit_product(uow, case, lot)
    if product.tracking != Tracking.LOT:
        raise Refusal(
            t(
                'scan "{scan}": {product} is serialised: pack each unit',
                scan=shown(lot_scan),
                product=product.name,
            )
        )
    _refuse_unpackable_lot(uow.session, lot, lot_scan)
    inside = container_view(uow.session, case).count
    take = _lot_quantity(case, lot, product, inside, quantity)
    step = _pack_step(uow, lot)
    event = container_event(
        uow,
        EventKind.PACK,
        lot,
        case,
        event_id=event_id,
        step_id=step.id if step is not None else None,
        scan=lot_scan,
        quantity=str(take),
    )
    records.add_link(uow, case, lot, event, quantity=take, kind=LinkKind.PACK)
    old = lot.quantity_available
    lot.quantity_available = old - take
    uow.audit(
        "item.quantity_available",
        "item",
        lot.id,
        old={"quantity_available": old},
        new={"quantity_available": lot.quantity_available},
        reason=f"packed in {label(case)}",
    )
    _pass_pack_step(uow, lot, event)
    return container_view(uow.session, case)


def _refuse_unpackable_lot(session: Session, lot: Item, scan: str) -> None:
    if lot.status != Status.RELEASED:
        raise Refusal(
            t(
                'scan "{scan}": {lot} is {status}: only a released lot is packed',
                scan=shown(scan),
                lot=label(lot),
                status=lot.status.words,
            ),
            entity="item",
            entity_id=str(lot.id),
        )
    require_no_hold(session, lot, t("packing"))
    steps = routing.route_steps(session, lot)
    label_at = next((s.position for s in steps if s.kind == StepKind.LABEL), 0)
    if lot.current_step < label_at:
        raise Refusal(
            t(
                'scan "{scan}": the labels of {lot} are not all verified: scan them back first',
                scan=shown(scan),
                lot=label(lot),
            ),
            entity="item",
            entity_id=str(lot.id),
        )


def close_container(
    uow: UnitOfWork, scan: str, kind: ItemKind, event_id: uuid.UUID | None
) -> ContainerView:
    earlier = earlier_view(uow, event_id)
    if earlier is not None:
        return earlier
    item = require_container(uow.session, scan, kind)
    require_open(item, scan)
    view = container_view(uow.session, item)
    if not view.contents:
        raise Refusal(
            t(
                'scan "{scan}": {item} is empty: there is nothing to close',
                scan=shown(scan),
                item=label(item),
            )
        )
    if view.capacity and view.count != view.capacity:
        raise Refusal(
            t(
                'scan "{scan}": {item} holds {count} of {capacity}: a case is closed full',
                scan=shown(scan),
                item=label(item),
                count=f"{view.count.normalize():f}",
                capacity=view.capacity,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    old, item.quantity = item.quantity, view.count
    uow.audit("item.quantity", "item", item.id, old={"quantity": old}, new={"quantity": view.count})
    records.set_status(uow, item, Status.CLOSED, reason=f"{view.count.normalize():f} inside")
    container_event(uow, _CLOSED[kind], item, item, event_id=event_id, count=str(view.count))
    return container_view(uow.session, item)


@use_case(Permission.PACK)
def close_case(
    uow: UnitOfWork, case_scan: str, *, event_id: uuid.UUID | None = None
) -> ContainerView:
    """Close a full case (the product's case quantity)."""
    return close_container(uow, case_scan, ItemKind.CASE, event_id)


__all__ = [
    "GS1_COMPANY_PREFIX",
    "SSCC_EXTENSION",
    "ContainerView",
    "ContentLine",
    "active_links",
    "close_case",
    "close_container",
    "container_event",
    "container_of",
    "container_view",
    "create_case",
    "earlier_view",
    "new_container",
    "pack_lot_quantity",
    "pack_unit",
    "require_container",
    "require_open",
]
