"""Pallets (cases onto pallets) and unpacking (disaggregation: the link is marked removed,
never deleted; what was inside goes back to the state it had before packing)."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from db.models import Item, Link
from desktop.domain.events import EventKind, LinkKind
from desktop.domain.permissions import Permission
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import StepKind
from desktop.domain.text import t
from desktop.services.core import records, routing
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.holds import require_no_hold
from desktop.services.packing._cases import (
    ContainerView,
    active_links,
    close_container,
    container_event,
    container_of,
    container_view,
    earlier_view,
    new_container,
    require_container,
    require_open,
)


@use_case(Permission.PACK)
def create_pallet(uow: UnitOfWork, *, event_id: uuid.UUID | None = None) -> ContainerView:
    """A new, empty, open pallet with its SSCC."""
    return new_container(uow, ItemKind.PALLET, event_id)


@use_case(Permission.PACK)
def close_pallet(
    uow: UnitOfWork, pallet_scan: str, *, event_id: uuid.UUID | None = None
) -> ContainerView:
    """Close a pallet with at least one case on it."""
    return close_container(uow, pallet_scan, ItemKind.PALLET, event_id)


@use_case(Permission.PACK)
def pack_case(
    uow: UnitOfWork, pallet_scan: str, case_scan: str, *, event_id: uuid.UUID | None = None
) -> ContainerView:
    """Put a closed case on an open pallet."""
    earlier = earlier_view(uow, event_id)
    if earlier is not None:
        return earlier
    pallet = require_container(uow.session, pallet_scan, ItemKind.PALLET)
    require_open(pallet, pallet_scan)
    case = require_container(uow.session, case_scan, ItemKind.CASE)
    if case.status != Status.CLOSED:
        where = container_of(uow.session, case)
        words = t("on {pallet}", pallet=label(where)) if where else case.status.words
        raise Refusal(
            t(
                'scan "{scan}": {case} is {words}: only a closed case goes on a pallet',
                scan=shown(case_scan),
                case=label(case),
                words=words,
            ),
            entity="item",
            entity_id=str(case.id),
        )
    require_no_hold(uow.session, case, t("palletising"))
    event = container_event(uow, EventKind.PACK, case, pallet, event_id=event_id, scan=case_scan)
    records.add_link(uow, pallet, case, event, kind=LinkKind.PACK)
    records.set_status(uow, case, Status.PACKED, reason=f"on {label(pallet)}")
    return container_view(uow.session, pallet)


def _link(session: Session, container: Item, child: Item) -> Link | None:
    return next(
        (link for item, link in active_links(session, container) if item.id == child.id), None
    )


def _refuse_unpack(session: Session, container: Item, scan: str) -> None:
    if container.status == Status.SHIPPED:
        raise Refusal(
            t(
                'scan "{scan}": {item} is shipped: record a return',
                scan=shown(scan),
                item=label(container),
            )
        )
    outer = container_of(session, container)
    if outer is not None:
        raise Refusal(
            t(
                'scan "{scan}": {item} is on {pallet}: take it off the pallet first',
                scan=shown(scan),
                item=label(container),
                pallet=label(outer),
            ),
            entity="item",
            entity_id=str(container.id),
        )


def _step_back(uow: UnitOfWork, item: Item, reason: str) -> None:
    """The pack step is to be done again: current_step back to just before it."""
    steps = routing.route_steps(uow.session, item)
    pack_at = next((s.position for s in steps if s.kind == StepKind.PACK), None)
    if pack_at is None or item.current_step < pack_at:
        return
    old, item.current_step = item.current_step, pack_at - 1
    uow.audit(
        "item.step",
        "item",
        item.id,
        old={"current_step": old},
        new={"current_step": pack_at - 1},
        reason=reason,
    )


def _restore(uow: UnitOfWork, child: Item, link: Link, why: str) -> None:
    if child.kind == ItemKind.UNIT:
        records.set_status(uow, child, Status.RELEASED, reason=why)
        _step_back(uow, child, why)
    elif child.kind == ItemKind.CASE:
        records.set_status(uow, child, Status.CLOSED, reason=why)
    elif child.kind == ItemKind.PRODUCTION_LOT:
        old = child.quantity_available
        child.quantity_available = old + link.quantity
        uow.audit(
            "item.quantity_available",
            "item",
            child.id,
            old={"quantity_available": old},
            new={"quantity_available": child.quantity_available},
            reason=why,
        )
        if container_of(uow.session, child) is None:  # nothing of the lot is packed now
            _step_back(uow, child, why)


@use_case(Permission.PACK)
def unpack(
    uow: UnitOfWork,
    container_scan: str,
    child_scan: str,
    reason: str,
    *,
    event_id: uuid.UUID | None = None,
) -> ContainerView:
    """Take a unit, lot quantity or case out of its case or pallet (with a reason); a closed
    container is open again."""
    earlier = earlier_view(uow, event_id)
    if earlier is not None:
        return earlier
    found = require_item(
        uow.session, container_scan, (ItemKind.CASE, ItemKind.PALLET), "case or pallet"
    )
    container = require_container(uow.session, container_scan, found.kind)
    why = (reason or "").strip()
    if not why:
        raise Refusal(t('scan "{scan}": unpacking needs a reason', scan=shown(container_scan)))
    _refuse_unpack(uow.session, container, container_scan)
    child = require_item(
        uow.session, child_scan, (ItemKind.UNIT, ItemKind.PRODUCTION_LOT, ItemKind.CASE), "item"
    )
    link = _link(uow.session, container, child)
    if link is None:
        raise Refusal(
            t(
                'scan "{scan}": {item} is not in {container}',
                scan=shown(child_scan),
                item=label(child),
                container=label(container),
            ),
            entity="item",
            entity_id=str(child.id),
        )
    event = container_event(uow, EventKind.UNPACK, child, container, event_id=event_id, reason=why)
    records.remove_link(uow, link, event, why)
    _restore(uow, child, link, f"unpacked from {label(container)}: {why}")
    if container.status == Status.CLOSED:
        records.set_status(uow, container, Status.OPEN, reason=f"{label(child)} unpacked: {why}")
    return container_view(uow.session, container)


__all__ = ["close_pallet", "create_pallet", "pack_case", "unpack"]
