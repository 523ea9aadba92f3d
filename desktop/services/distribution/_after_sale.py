"""After-sale events against a serial: installation, service, repair, return, disposal.

Each is an event plus a ServiceRecord (with the site and notes); installation, return and
disposal move the unit's state (shipped -> installed -> returned / disposed).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from db.models import Event, Item, ServiceRecord, Site, User
from db.types import utcnow
from desktop.domain.distribution import AFTER_SALE, ServiceKind
from desktop.domain.events import EventKind
from desktop.domain.permissions import Permission
from desktop.domain.states import ItemKind, Status
from desktop.domain.text import join, t
from desktop.services.core import records
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.distribution._shipping import find_site


@dataclass(frozen=True)
class ServiceView:
    id: int
    unit: str
    kind: ServiceKind
    site: str | None
    performed_at: datetime
    performed_by: str
    notes: str
    status: Status  # the unit's state after the event
    event_id: uuid.UUID


def _view(uow: UnitOfWork, row: ServiceRecord) -> ServiceView:
    unit = uow.session.get_one(Item, row.item_id)
    site = uow.session.get(Site, row.site_id) if row.site_id else None
    user = uow.session.get(User, row.user_id)
    return ServiceView(
        row.id,
        label(unit),
        row.kind,
        site.name if site else None,
        row.performed_at,
        user.username if user else "?",
        row.notes,
        unit.status,
        row.event_id,
    )


def _kind(kind: str) -> ServiceKind:
    known = ServiceKind.known(kind)
    if known is None:
        raise Refusal(
            t(
                '"{kind}" is not an after-sale event: use {kinds}',
                kind=shown(kind),
                kinds=", ".join(ServiceKind.values()),
            )
        )
    return known


def _refuse(unit: Item, kind: ServiceKind, scan: str, site: str | None) -> None:
    said = t('scan "{scan}"', scan=shown(scan))
    allowed = AFTER_SALE[kind].allowed
    if unit.status not in allowed:
        states = join([s.words for s in allowed], " or ")
        raise Refusal(
            t(
                "{said}: {item} is {status}: a {kind} is recorded only for a unit that is {states}",
                said=said,
                item=label(unit),
                status=unit.status.words,
                kind=kind.words,
                states=states,
            ),
            entity="item",
            entity_id=str(unit.id),
        )
    if kind is ServiceKind.INSTALLATION and not (site or "").strip():
        raise Refusal(
            t("{said}: an installation needs the site (name or GLN) where it is", said=said)
        )


def _move(uow: UnitOfWork, unit: Item, kind: ServiceKind, site: Site | None) -> None:
    target = AFTER_SALE[kind].moves_to
    if target is not None:
        records.set_status(uow, unit, target, reason=kind)
    new_site = site.id if kind is ServiceKind.INSTALLATION and site else None
    if kind in (ServiceKind.INSTALLATION, ServiceKind.RETURN) and unit.site_id != new_site:
        old, unit.site_id = unit.site_id, new_site
        uow.audit("item.site", "item", unit.id, old={"site": old}, new={"site": new_site})


@use_case(Permission.SERVICE_RECORD)
def record_service_event(
    uow: UnitOfWork,
    serial_scan: str,
    kind: str,
    site: str | None = None,
    notes: str = "",
    *,
    event_id: uuid.UUID | None = None,
) -> ServiceView:
    """Record an installation, service, repair, return or disposal of a serialised unit."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        return _view(uow, _record_of(uow, earlier))
    found = require_item(uow.session, serial_scan, (ItemKind.UNIT,), "serialised unit")
    unit = uow.session.get_one(Item, found.id, with_for_update=True)
    if unit.product_id is None or not unit.serial:
        raise Refusal(t('scan "{scan}" is not a finished serialised unit', scan=shown(serial_scan)))
    chosen = _kind(kind)
    _refuse(unit, chosen, serial_scan, site)
    where = find_site(uow.session, site) if site and site.strip() else None
    data = {"kind": chosen, "site": where.name if where else None, "notes": notes.strip()}
    event = records.record_event(uow, EventKind(chosen), item=unit, event_id=event_id, data=data)
    if uow.actor.user_id is None:
        raise Refusal(t("log in first: after-sale records name the person who made them"))
    row = ServiceRecord(
        item_id=unit.id,
        kind=chosen,
        site_id=where.id if where else None,
        performed_at=utcnow(),
        user_id=uow.actor.user_id,
        notes=notes.strip(),
        event_id=event.id,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("service.record", "service_record", row.id, new=data | {"unit": label(unit)})
    _move(uow, unit, chosen, where)
    return _view(uow, row)


def _record_of(uow: UnitOfWork, event: Event) -> ServiceRecord:
    stmt = select(ServiceRecord).where(ServiceRecord.event_id == event.id)
    return uow.session.scalars(stmt).one()


__all__ = ["ServiceView", "record_service_event"]
