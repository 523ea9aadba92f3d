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
from desktop.domain.permissions import Permission
from desktop.domain.text import Text, join, t
from desktop.services.core import records
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.distribution._shipping import find_site
from desktop.services.packing import status_word

#: kind -> (states the unit may be in, state it moves to (None: stays))
SERVICE_KINDS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "installation": (("shipped",), "installed"),
    "service": (("shipped", "installed"), None),
    "repair": (("installed", "returned"), None),
    "return": (("shipped", "installed"), "returned"),
    "disposal": (("installed", "returned"), "disposed"),
}


#: The after-sale kinds in words, translatable.
KIND_WORDS: dict[str, Text] = {
    "installation": t("installation"),
    "service": t("service"),
    "repair": t("repair"),
    "return": t("return"),
    "disposal": t("disposal"),
}


@dataclass(frozen=True)
class ServiceView:
    id: int
    unit: str
    kind: str
    site: str | None
    performed_at: datetime
    performed_by: str
    notes: str
    status: str  # the unit's state after the event
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


def _refuse(unit: Item, kind: str, scan: str, site: str | None) -> None:
    said = t('scan "{scan}"', scan=shown(scan))
    if kind not in SERVICE_KINDS:
        raise Refusal(
            t(
                '"{kind}" is not an after-sale event: use {kinds}',
                kind=shown(kind),
                kinds=join([KIND_WORDS[k] for k in SERVICE_KINDS], ", "),
            )
        )
    allowed, _ = SERVICE_KINDS[kind]
    if unit.status not in allowed:
        states = join([status_word(s) for s in allowed], " or ")
        raise Refusal(
            t(
                "{said}: {item} is {status}: a {kind} is recorded only for a unit that is {states}",
                said=said,
                item=label(unit),
                status=status_word(unit.status),
                kind=KIND_WORDS[kind],
                states=states,
            ),
            entity="item",
            entity_id=str(unit.id),
        )
    if kind == "installation" and not (site or "").strip():
        raise Refusal(
            t("{said}: an installation needs the site (name or GLN) where it is", said=said)
        )


def _move(uow: UnitOfWork, unit: Item, kind: str, site: Site | None) -> None:
    _, target = SERVICE_KINDS[kind]
    if target is not None:
        records.set_status(uow, unit, target, reason=kind)
    new_site = site.id if kind == "installation" and site else None
    if kind in ("installation", "return") and unit.site_id != new_site:
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
    found = require_item(uow.session, serial_scan, ("unit",), "serialised unit")
    unit = uow.session.get_one(Item, found.id, with_for_update=True)
    if unit.product_id is None or not unit.serial:
        raise Refusal(t('scan "{scan}" is not a finished serialised unit', scan=shown(serial_scan)))
    _refuse(unit, kind, serial_scan, site)
    where = find_site(uow.session, site) if site and site.strip() else None
    data = {"kind": kind, "site": where.name if where else None, "notes": notes.strip()}
    event = records.record_event(uow, kind, item=unit, event_id=event_id, data=data)
    if uow.actor.user_id is None:
        raise Refusal(t("log in first: after-sale records name the person who made them"))
    row = ServiceRecord(
        item_id=unit.id,
        kind=kind,
        site_id=where.id if where else None,
        performed_at=utcnow(),
        user_id=uow.actor.user_id,
        notes=notes.strip(),
        event_id=event.id,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("service.record", "service_record", row.id, new=data | {"unit": label(unit)})
    _move(uow, unit, kind, where)
    return _view(uow, row)


def _record_of(uow: UnitOfWork, event: Event) -> ServiceRecord:
    stmt = select(ServiceRecord).where(ServiceRecord.event_id == event.id)
    return uow.session.scalars(stmt).one()


__all__ = ["SERVICE_KINDS", "ServiceView", "record_service_event"]
