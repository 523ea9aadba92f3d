"""EPCIS 2.0 events of what happens to a unit after it ships, and of a material lot's rejection.

Each maps one of our events to one ObjectEvent OBSERVE (docs/epcis.md; CBV 2.0 words):

- ``installation`` -> bizStep installing, disposition available (the unit in service at the
  site; ``active`` is commissioning's disposition). CBV's installing puts an object into a
  composite that exists already; the site's equipment has no identifier of ours, so the event
  is an ObjectEvent at the site rather than an AggregationEvent with a parentID.
- ``service`` (a field service visit) -> bizStep inspecting (a non-destructive check: the unit
  stays in service), no disposition: the record holds no pass or fail (CBV's conformant and
  non_conformant are outcomes of an inspection).
- ``return`` -> bizStep receiving, disposition returned (sent or brought back), the site it
  came from as source and the plant as destination.
- ``disposal`` -> bizStep destroying, disposition destroyed: no after-sale event follows a
  disposal, which is CBV's destroying (decommissioning / inactive is for an object that may
  come back under a new identifier).
- ``material_reject`` -> bizStep inspecting, disposition non_conformant (the outcome CBV gives
  an inspection that failed), quantityList the lot's class and quantity.

Where: an event at a customer's site is read and located at the site (its SGLN when the site
has a GLN, else ``urn:lotline:site:ID``): the site the record names, else the site of the
unit's last installation. A return, and anything after it, is at the plant (the station and
the plant's SGLN). A unit shipped and never installed, with no site named, has no known place:
its event has no readPoint or bizLocation.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Event, Item, ServiceRecord
from desktop.domain.distribution import ServiceKind
from desktop.domain.events import EventKind
from desktop.domain.states import ItemKind

#: Our after-sale event -> (CBV 2.0 bizStep, disposition or None): EPCIS words, not ours.
CBV_AFTER_SALE: dict[EventKind, tuple[str, str | None]] = {
    EventKind.INSTALLATION: ("installing", "available"),  # not a code: CBV
    EventKind.SERVICE: ("inspecting", None),  # not a code: CBV
    EventKind.RETURN: ("receiving", "returned"),  # not a code: CBV
    EventKind.DISPOSAL: ("destroying", "destroyed"),  # not a code: CBV
}
CBV_REJECTED = ("inspecting", "non_conformant")  # not a code: CBV
AFTER_SALE_KINDS = (*CBV_AFTER_SALE, EventKind.MATERIAL_REJECT)
_MOVES = (ServiceKind.INSTALLATION, ServiceKind.RETURN)


class Mapper(Protocol):
    """What these mappers use of the export's mapper (_epcis.Mapper)."""

    session: Session

    def base(self, event: Event, kind: str, action: str, step: str, disp: str) -> dict[str, Any]:
        """The event's common fields, read at its station and located at the plant."""

    def epc(self, item: Item) -> str | None:
        """The item's instance-level URI, if it has one."""

    def quantity(self, item: Item, amount: Decimal) -> dict[str, Any]:
        """A quantity element of the item's class."""

    def site(self, site_id: int | None) -> str:
        """A customer's site's URI."""

    def plant(self) -> str:
        """The plant's URI."""


def _record(mapper: Mapper, event: Event) -> ServiceRecord | None:
    stmt = select(ServiceRecord).where(ServiceRecord.event_id == event.id)
    return mapper.session.scalars(stmt).first()


def _last_site(mapper: Mapper, row: ServiceRecord) -> tuple[bool, int | None]:
    """(back at the plant, the customer's site) of the unit before ``row``: after its latest
    installation or return, recorded before this one."""
    stmt = (
        select(ServiceRecord)
        .where(
            ServiceRecord.item_id == row.item_id,
            ServiceRecord.kind.in_(_MOVES),
            ServiceRecord.id < row.id,
        )
        .order_by(ServiceRecord.id.desc())
    )
    last = mapper.session.scalars(stmt).first()
    if last is None:
        return False, None
    return last.kind == ServiceKind.RETURN, last.site_id


def after_sale(mapper: Mapper, event: Event) -> dict[str, Any] | None:
    """An installation, service visit, return or disposal of a unit with an EPC."""
    row = _record(mapper, event)
    unit = mapper.session.get(Item, event.item_id) if event.item_id else None
    epc = mapper.epc(unit) if unit is not None else None
    if row is None or epc is None:
        return None
    step, disposition = CBV_AFTER_SALE[event.kind]
    doc = mapper.base(event, "ObjectEvent", "OBSERVE", step, disposition or "")
    if disposition is None:
        del doc["disposition"]
    doc["epcList"] = [epc]
    at_plant, last = _last_site(mapper, row)
    if event.kind == EventKind.RETURN:
        came_from = row.site_id or (None if at_plant else last)
        if came_from is not None:
            doc["sourceList"] = [{"type": "location", "source": mapper.site(came_from)}]
        plant = mapper.plant()
        return doc | {"destinationList": [{"type": "location", "destination": plant}]}
    site = row.site_id or (None if at_plant else last)
    if site is not None:
        where = mapper.site(site)
        doc["readPoint"] = {"id": where}
        doc["bizLocation"] = {"id": where}
    elif not at_plant:  # shipped, never installed, no site named: the place is not known
        del doc["readPoint"], doc["bizLocation"]
    return doc


def rejection(mapper: Mapper, event: Event) -> dict[str, Any] | None:
    """A material lot rejected (at incoming inspection, or released and unused)."""
    lot = mapper.session.get(Item, event.item_id) if event.item_id else None
    if lot is None or lot.kind != ItemKind.MATERIAL_LOT:
        return None
    doc = mapper.base(event, "ObjectEvent", "OBSERVE", *CBV_REJECTED)
    return doc | {"quantityList": [mapper.quantity(lot, lot.quantity)]}


__all__ = ["AFTER_SALE_KINDS", "CBV_AFTER_SALE", "CBV_REJECTED", "after_sale", "rejection"]
