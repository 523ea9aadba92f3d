"""A repair that replaces a part of a serialised unit: the old part's link is marked removed
(never deleted) and the new part (a serialised part or a quantity of a material lot) is
consumed into the unit, both by one repair event, with the service record that names them.

The unit must be installed or returned (the after-sale rule of a repair); the new part must be
the same part as the old one, released, not expired, not held and not built in elsewhere.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import select, update

from db.models import Event, Item, Link, ServiceRecord
from db.types import utcnow
from desktop.domain.distribution import AFTER_SALE, ServiceKind
from desktop.domain.events import EventKind, LinkKind
from desktop.domain.permissions import Permission
from desktop.domain.states import ItemKind, Status
from desktop.domain.text import join, t
from desktop.services.core import records
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.distribution._after_sale import ServiceView, _view
from desktop.services.holds import require_no_hold

PARTS = (ItemKind.UNIT, ItemKind.MATERIAL_LOT)


def _said(scan: str) -> str:
    return str(t('scan "{scan}"', scan=shown(scan)))


def _unit(uow: UnitOfWork, scan: str) -> Item:
    found = require_item(uow.session, scan, (ItemKind.UNIT,), "serialised unit")
    unit = uow.session.get_one(Item, found.id, with_for_update=True)
    if unit.product_id is None or not unit.serial:
        raise Refusal(t('scan "{scan}" is not a finished serialised unit', scan=shown(scan)))
    allowed = AFTER_SALE[ServiceKind.REPAIR].allowed
    if unit.status not in allowed:
        raise Refusal(
            t(
                "{said}: {item} is {status}: a {kind} is recorded only for a unit that is {states}",
                said=_said(scan),
                item=label(unit),
                status=unit.status.words,
                kind=ServiceKind.REPAIR.words,
                states=join([s.words for s in allowed], " or "),
            ),
            entity="item",
            entity_id=str(unit.id),
        )
    return unit


def _fitted_link(uow: UnitOfWork, unit: Item, old: Item, scan: str) -> Link:
    stmt = select(Link).where(
        Link.parent_item_id == unit.id,
        Link.child_item_id == old.id,
        Link.kind == LinkKind.CONSUME,
        Link.removed_event_id.is_(None),
    )
    link = uow.session.scalars(stmt.with_for_update()).first()
    if link is None:
        raise Refusal(
            t(
                "{said}: {part} is not built into {unit}: scan the part taken out of it",
                said=_said(scan),
                part=label(old),
                unit=label(unit),
            )
        )
    return link


def _check_new(uow: UnitOfWork, old: Item, new: Item, scan: str) -> None:
    said = _said(scan)
    if new.id == old.id:
        raise Refusal(t("{said}: that is the part taken out: scan the new part", said=said))
    if new.part_id is None or new.part_id != old.part_id:
        raise Refusal(
            t(
                "{said}: {new} is not the same part as {old}: fit the same part number",
                said=said,
                new=label(new),
                old=label(old),
            )
        )
    if new.status != Status.RELEASED:
        raise Refusal(
            t(
                "{said}: {item} is {status}: only released material is fitted",
                said=said,
                item=label(new),
                status=new.status.words,
            )
        )
    if new.expiry is not None and new.expiry < date.today():
        raise Refusal(
            t(
                "{said}: {item} expired on {expiry}: take another lot",
                said=said,
                item=label(new),
                expiry=new.expiry.isoformat(),
            )
        )
    require_no_hold(uow.session, new, str(t("repair")))


def _consume(uow: UnitOfWork, new: Item, quantity: Decimal, scan: str, event: Event) -> None:
    """The new part into the unit: a serial becomes consumed, a lot gives ``quantity``."""
    if new.kind == ItemKind.UNIT:
        records.set_status(uow, new, Status.CONSUMED, reason="fitted in a repair")
        return
    stmt = (
        update(Item)
        .where(Item.id == new.id, Item.quantity_available >= quantity)
        .values(quantity_available=Item.quantity_available - quantity, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if uow.session.execute(stmt).rowcount != 1:  # type: ignore[attr-defined]
        raise Refusal(
            t(
                "{said}: {item} has less than {quantity} left: take another lot",
                said=_said(scan),
                item=label(new),
                quantity=f"{quantity.normalize():f}",
            )
        )
    uow.session.expire(new)
    uow.audit(
        "item.quantity",
        "item",
        new.id,
        new={"taken": str(quantity), "event": event.id},
        reason=Status.CONSUMED,
    )


@use_case(Permission.SERVICE_RECORD)
def replace_part(
    uow: UnitOfWork,
    serial_scan: str,
    old_scan: str,
    new_scan: str,
    reason: str,
    *,
    event_id: uuid.UUID | None = None,
) -> ServiceView:
    """Repair a unit by replacing a part: the old part's link removed, the new one consumed."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        row = uow.session.scalars(
            select(ServiceRecord).where(ServiceRecord.event_id == earlier.id)
        ).one()
        return _view(uow, row)
    why = " ".join((reason or "").split())
    if not why:
        raise Refusal(t("say what was wrong: a repair needs a reason"))
    if uow.actor.user_id is None:
        raise Refusal(t("log in first: after-sale records name the person who made them"))
    unit = _unit(uow, serial_scan)
    old = require_item(uow.session, old_scan, PARTS, "part")
    link = _fitted_link(uow, unit, old, old_scan)
    new = require_item(uow.session, new_scan, PARTS, "part")
    new = uow.session.get_one(Item, new.id, with_for_update=True)
    _check_new(uow, old, new, new_scan)
    quantity = link.quantity
    data = {"kind": ServiceKind.REPAIR, "removed": label(old), "fitted": label(new), "notes": why}
    event = records.record_event(uow, EventKind.REPAIR, item=unit, event_id=event_id, data=data)
    records.remove_link(uow, link, event, f"replaced in a repair: {why}")
    _consume(uow, new, quantity, new_scan, event)
    records.add_link(uow, unit, new, event, quantity=link.quantity)
    row = ServiceRecord(
        item_id=unit.id,
        kind=ServiceKind.REPAIR,
        site_id=None,
        performed_at=utcnow(),
        user_id=uow.actor.user_id,
        notes=f"{why} (removed {label(old)}, fitted {label(new)})",
        event_id=event.id,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("service.record", "service_record", row.id, new=data | {"unit": label(unit)})
    return _view(uow, row)


__all__ = ["replace_part"]
