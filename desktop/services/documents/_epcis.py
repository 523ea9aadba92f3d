"""EPCIS 2.0 JSON-LD export of commissioning, aggregation, shipping, receiving, repair and
after-sale events.

Our events map as follows (docs/epcis.md):

- ``commission`` (serials of a work order) -> ObjectEvent ADD, bizStep commissioning,
  disposition active, epcList of SGTIN URIs; ``wo_release`` of a lot-controlled product ->
  the same with a quantityList of the LGTIN class (the lot is commissioned as a quantity).
- ``pack`` / ``unpack`` -> AggregationEvent ADD / DELETE (bizStep packing / unpacking), parentID
  the SSCC URI of the case or pallet, childEPCs (SGTIN, SSCC) or childQuantityList (LGTIN).
- ``shipment`` -> ObjectEvent OBSERVE, bizStep shipping, disposition in_transit, epcList of
  the top-level SSCCs and loose units, destinationList with the ship-to site's SGLN.
- ``receive`` of a material lot -> ObjectEvent OBSERVE, bizStep receiving, disposition
  in_progress, quantityList of the lot's class, the supplier as source (owning and possessing
  party) and the plant as destination; ``material_release`` of that lot (signed after incoming
  inspection) -> ObjectEvent OBSERVE, bizStep accepting, the same quantityList.
- ``repair`` that replaced a part -> two AggregationEvents, bizStep repairing, parentID the
  unit's SGTIN: DELETE of the part removed, then ADD of the part fitted.
- ``installation``, ``service``, ``return``, ``disposal`` and ``material_reject`` -> one
  ObjectEvent OBSERVE each, mapped in ``_epcis_after_sale``.

eventID is our event's UUID as ``urn:uuid:...``; eventTime the station's time, in its zone;
recordTime the database's time. URIs need the GS1 company prefix length (default 7, as for the
demo GTINs 0950600...). readPoint/bizLocation are SGLNs of ``plant_gln`` (the station's name as
the SGLN extension; the station the event's audit entry names when its row names none), or
private ``urn:lotline:`` URIs when no plant GLN is given; a part without a GTIN gets a private
class URI too. An MA-coded product (IDcode, China) has no GTIN and EPC has no scheme for MA
codes: its unit is ``urn:lotline:ma:<MA DI>.S<serial>`` and its lot's class
``urn:lotline:ma:<MA DI>.L<lot>`` (the MA code itself under Lotline's private namespace;
docs/udi-china.md).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    Event,
    Item,
    Link,
    Part,
    Product,
    Shipment,
    ShipmentLine,
    Site,
    Station,
    Supplier,
)
from db.types import utcnow
from desktop.domain.events import EventKind, LinkKind
from desktop.domain.permissions import Permission
from desktop.domain.plant import Tracking
from desktop.domain.states import ItemKind
from desktop.domain.udi import key_problem
from desktop.reports.record_model import zone_of
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.documents._epcis_after_sale import (
    AFTER_SALE_KINDS,
    CBV_AFTER_SALE,
    after_sale,
    rejection,
)
from desktop.services.documents._stations import EventStations

CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
KINDS = (
    EventKind.COMMISSION,
    EventKind.WO_RELEASE,
    EventKind.PACK,
    EventKind.UNPACK,
    EventKind.SHIPMENT,
    EventKind.RECEIVE,
    EventKind.MATERIAL_RELEASE,
    EventKind.REPAIR,
    *AFTER_SALE_KINDS,
)
#: CBV business step and disposition of a shipment and of a receipt (EPCIS words, not ours).
CBV_SHIPPING = ("shipping", "in_transit")  # not a code: CBV
CBV_RECEIVING = ("receiving", "in_progress")  # not a code: CBV
CBV_ACCEPTING = "accepting"  # not a code: CBV (no disposition: the lot's next use is unknown)
CBV_REPAIRING = ("repairing", "in_progress")  # not a code: CBV
PRIVATE = "urn:lotline:"
UOM = {"g": "GRM", "kg": "KGM", "m": "MTR", "l": "LTR", "ml": "MLT", "mL": "MLT"}


@dataclass(frozen=True)
class Ids:
    """How identifiers become URIs: the GS1 company prefix length and the plant's GLN."""

    prefix_length: int = 7
    plant_gln: str | None = None

    def _split(self, digits: str, start: int) -> tuple[str, str]:
        cut = start + self.prefix_length
        return digits[start:cut], digits[cut:]

    def sgtin(self, gtin: str, serial: str) -> str:
        company, rest = self._split(gtin, 1)
        return f"urn:epc:id:sgtin:{company}.{gtin[0]}{rest[:-1]}.{_escape(serial)}"

    def lgtin(self, gtin: str, lot: str) -> str:
        company, rest = self._split(gtin, 1)
        return f"urn:epc:class:lgtin:{company}.{gtin[0]}{rest[:-1]}.{_escape(lot)}"

    def sscc(self, sscc: str) -> str:
        company, rest = self._split(sscc, 1)
        return f"urn:epc:id:sscc:{company}.{sscc[0]}{rest[:-1]}"

    def sgln(self, gln: str, extension: str = "0") -> str:
        company, rest = self._split(gln, 0)
        return f"urn:epc:id:sgln:{company}.{rest[:-1]}.{_escape(extension)}"

    def site(self, gln: str | None, site_id: int | None) -> str:
        """A customer's site: its SGLN, or a private URI when it has no GLN."""
        return self.sgln(gln) if gln else f"{PRIVATE}site:{site_id}"

    def read_point(self, station: str | None) -> str:
        if self.plant_gln:
            return self.sgln(self.plant_gln, station or "0")
        return f"{PRIVATE}station:{_escape(station or 'unknown')}"

    def biz_location(self) -> str:
        return self.sgln(self.plant_gln) if self.plant_gln else f"{PRIVATE}site:plant"


def _escape(text: str) -> str:
    """Percent-escape what an EPC URI may not hold literally (TDS 2.x, table of escapes)."""
    return quote(text, safe="!'()*+,-.:;=_")


# ---------------------------------------------------------------- times


def event_time(when: datetime, zone: str) -> tuple[str, str]:
    """(eventTime in the station's zone, eventTimeZoneOffset "+01:00")."""
    local = when.astimezone(zone_of(zone))
    offset = local.strftime("%z")
    return local.isoformat(timespec="milliseconds"), f"{offset[:3]}:{offset[3:]}"


def utc_text(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# ---------------------------------------------------------------- mapping


@dataclass
class Mapper:
    session: Session
    ids: Ids
    stations: EventStations

    def base(self, event: Event, kind: str, action: str, step: str, disp: str) -> dict[str, Any]:
        name, station = self.stations.of(event)
        when, offset = event_time(event.station_time, station.timezone if station else "UTC")
        return {
            "type": kind,
            "eventTime": when,
            "eventTimeZoneOffset": offset,
            "recordTime": utc_text(event.db_time),
            "eventID": f"urn:uuid:{event.id}",
            "action": action,
            "bizStep": step,
            "disposition": disp,
            "readPoint": {"id": self.ids.read_point(name)},
            "bizLocation": {"id": self.ids.biz_location()},
        }

    def epc(self, item: Item) -> str | None:
        if item.sscc:
            return self.ids.sscc(item.sscc)
        if item.gtin and item.serial:
            return self.ids.sgtin(item.gtin, item.serial)
        if item.ma_di and item.serial:
            return f"{PRIVATE}ma:{_escape(item.ma_di)}.S{_escape(item.serial)}"
        return None

    def epc_class(self, item: Item) -> str:
        lot = item.lot or item.supplier_lot or ""
        if item.gtin and lot:
            return self.ids.lgtin(item.gtin, lot)
        if item.ma_di and lot:
            return f"{PRIVATE}ma:{_escape(item.ma_di)}.L{_escape(lot)}"
        part = self.session.get(Part, item.part_id) if item.part_id else None
        name = part.part_number if part else f"item-{item.id}"
        return f"{PRIVATE}class:{_escape(name)}:lot:{_escape(lot)}"

    def quantity(self, item: Item, amount: Decimal) -> dict[str, Any]:
        element: dict[str, Any] = {"epcClass": self.epc_class(item), "quantity": float(amount)}
        if item.unit in UOM:
            element["uom"] = UOM[item.unit]
        return element

    def commission(self, event: Event) -> dict[str, Any] | None:
        data = event.data
        stmt = select(Item).where(
            Item.work_order_id == event.work_order_id, Item.kind == ItemKind.UNIT
        )
        if data.get("serials"):
            stmt = stmt.where(Item.serial.in_(list(data["serials"])))
        else:
            first, last = str(data["first"]), str(data["last"])
            stmt = stmt.where(
                Item.serial >= first, Item.serial <= last, func.length(Item.serial) == len(first)
            )
        units = self.session.scalars(stmt.order_by(Item.serial))
        doc = self.base(event, "ObjectEvent", "ADD", "commissioning", "active")
        return doc | {"epcList": [e for u in units if (e := self.epc(u))]}

    def lot_commission(self, event: Event) -> dict[str, Any] | None:
        lot = self.session.get(Item, event.item_id) if event.item_id else None
        product = self.session.get(Product, lot.product_id) if lot and lot.product_id else None
        if lot is None or product is None or product.tracking != Tracking.LOT:
            return None  # a serialised product's lot is commissioned unit by unit
        doc = self.base(event, "ObjectEvent", "ADD", "commissioning", "active")
        return doc | {"quantityList": [self.quantity(lot, lot.quantity)]}

    def aggregation(self, event: Event) -> dict[str, Any] | None:
        child = self.session.get(Item, event.item_id) if event.item_id else None
        parent = self.session.get(Item, int(event.data["container"]))
        if child is None or parent is None or not parent.sscc:
            return None
        adding = event.kind == EventKind.PACK
        step = "packing" if adding else "unpacking"
        doc = self.base(
            event, "AggregationEvent", "ADD" if adding else "DELETE", step, "in_progress"
        )
        doc["parentID"] = self.ids.sscc(parent.sscc)
        epc = self.epc(child)
        if epc is not None:
            return doc | {"childEPCs": [epc]}
        amount = Decimal(str(event.data.get("quantity") or child.quantity))
        return doc | {"childEPCs": [], "childQuantityList": [self.quantity(child, amount)]}

    def shipping(self, event: Event) -> dict[str, Any] | None:
        shipment = self.session.scalars(select(Shipment).where(Shipment.event_id == event.id))
        found = shipment.first()
        if found is None:
            return None
        lines = select(ShipmentLine.item_id).where(ShipmentLine.shipment_id == found.id)
        items = {i: self.session.get_one(Item, i) for i in self.session.scalars(lines)}
        tops = [item for item in items.values() if not _inside(self.session, item, set(items))]
        doc = self.base(event, "ObjectEvent", "OBSERVE", *CBV_SHIPPING)
        doc["epcList"] = [e for item in tops if (e := self.epc(item))]
        where = self.site(found.site_id)
        return doc | {"destinationList": [{"type": "location", "destination": where}]}

    def site(self, site_id: int | None) -> str:
        """A customer's site: its SGLN, or a private URI when it has no GLN."""
        site = self.session.get(Site, site_id) if site_id else None
        return self.ids.site(site.gln if site else None, site_id)

    def plant(self) -> str:
        return self.ids.biz_location()

    def supplier(self, lot: Item) -> str:
        """The supplier's party URI (suppliers have no GLN in master data: a private URI)."""
        found = self.session.get(Supplier, lot.supplier_id) if lot.supplier_id else None
        return f"{PRIVATE}supplier:{_escape(found.code if found else 'unknown')}"

    def receiving(self, event: Event) -> dict[str, Any] | None:
        lot = self.session.get(Item, event.item_id) if event.item_id else None
        if lot is None or lot.kind != ItemKind.MATERIAL_LOT:
            return None
        doc = self.base(event, "ObjectEvent", "OBSERVE", *CBV_RECEIVING)
        amount = Decimal(str(event.data.get("quantity") or lot.quantity))
        supplier = self.supplier(lot)
        return doc | {
            "quantityList": [self.quantity(lot, amount)],
            "sourceList": [
                {"type": "owning_party", "source": supplier},
                {"type": "possessing_party", "source": supplier},
            ],
            "destinationList": [{"type": "location", "destination": self.ids.biz_location()}],
        }

    def accepting(self, event: Event) -> dict[str, Any] | None:
        """A material lot released for use after incoming inspection (signed)."""
        lot = self.session.get(Item, event.item_id) if event.item_id else None
        if lot is None or lot.kind != ItemKind.MATERIAL_LOT:
            return None
        doc = self.base(event, "ObjectEvent", "OBSERVE", CBV_ACCEPTING, "")
        del doc["disposition"]
        return doc | {"quantityList": [self.quantity(lot, lot.quantity)]}

    def child(self, part: Item, amount: Decimal) -> dict[str, Any]:
        """The part as an AggregationEvent's child: an EPC, or a class and quantity."""
        epc = self.epc(part)
        if epc is None and part.serial:  # a supplier's serialised part without a GTIN
            number = self.session.get(Part, part.part_id) if part.part_id else None
            name = number.part_number if number else f"item-{part.id}"
            epc = f"{PRIVATE}part:{_escape(name)}:serial:{_escape(part.serial)}"
        if epc is not None:
            return {"childEPCs": [epc]}
        return {"childEPCs": [], "childQuantityList": [self.quantity(part, amount)]}

    def repair(self, event: Event) -> list[dict[str, Any]]:
        """A repair that replaced a part: the part removed taken out of the unit
        (AggregationEvent DELETE, its eventID derived from the repair's UUID) and the part
        fitted put in (ADD, the repair's own UUID); a repair without parts is not exported."""
        unit = self.session.get(Item, event.item_id) if event.item_id else None
        parent = self.epc(unit) if unit is not None else None
        if parent is None:
            return []
        consumed = select(Link).where(Link.kind == LinkKind.CONSUME)
        removed = self.session.scalars(consumed.where(Link.removed_event_id == event.id)).first()
        fitted = self.session.scalars(consumed.where(Link.event_id == event.id)).first()
        found = []
        if removed is not None:
            doc = self.base(event, "AggregationEvent", "DELETE", *CBV_REPAIRING)
            doc["eventID"] = f"urn:uuid:{removed_id(event.id)}"
            part = self.session.get_one(Item, removed.child_item_id)
            found.append(doc | {"parentID": parent} | self.child(part, removed.quantity))
        if fitted is not None:
            doc = self.base(event, "AggregationEvent", "ADD", *CBV_REPAIRING)
            part = self.session.get_one(Item, fitted.child_item_id)
            found.append(doc | {"parentID": parent} | self.child(part, fitted.quantity))
        return found

    def map(self, event: Event) -> list[dict[str, Any]]:
        if event.kind == EventKind.REPAIR:
            return self.repair(event)
        how: dict[EventKind, Callable[[Event], dict[str, Any] | None]] = {
            EventKind.COMMISSION: self.commission,
            EventKind.WO_RELEASE: self.lot_commission,
            EventKind.PACK: self.aggregation,
            EventKind.UNPACK: self.aggregation,
            EventKind.SHIPMENT: self.shipping,
            EventKind.RECEIVE: self.receiving,
            EventKind.MATERIAL_RELEASE: self.accepting,
            EventKind.MATERIAL_REJECT: lambda e: rejection(self, e),
        }
        how |= {kind: lambda e: after_sale(self, e) for kind in CBV_AFTER_SALE}
        found = how[event.kind](event)
        return [] if found is None else [found]


def removed_id(event_id: uuid.UUID) -> uuid.UUID:
    """The eventID of a repair's DELETE half: stable, derived from the repair's UUID."""
    return uuid.uuid5(event_id, "removed")


def _inside(session: Session, item: Item, shipped: set[int]) -> bool:
    """Whether ``item`` is packed (currently) in another item of the same shipment."""
    stmt = select(Link.parent_item_id).where(
        Link.child_item_id == item.id, Link.kind == LinkKind.PACK, Link.removed_event_id.is_(None)
    )
    return any(parent in shipped for parent in session.scalars(stmt))


# ---------------------------------------------------------------- the document


def document(events: list[dict[str, Any]], created: datetime) -> dict[str, Any]:
    return {
        "@context": [CONTEXT],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": utc_text(created),
        "epcisBody": {"eventList": events},
    }


def _check_ids(ids: Ids) -> None:
    if not 6 <= ids.prefix_length <= 12:
        raise Refusal(
            f"GS1 company prefix length {ids.prefix_length} is out of range: give 6 to 12 "
            "(the number of digits GS1 assigned to your company prefix)"
        )
    gln = ids.plant_gln
    if gln is not None and (len(gln) != 13 or not gln.isdigit()):
        raise Refusal(f'plant GLN "{gln}" must be 13 digits: give the GLN of the plant')
    wrong = key_problem("GLN", gln) if gln is not None else None
    if wrong is not None:
        raise Refusal(f"plant {wrong}: give the GLN of the plant")


@use_case(Permission.RECORD_EXPORT)
def export_epcis(
    uow: UnitOfWork,
    since: datetime,
    until: datetime | None = None,
    *,
    prefix_length: int = 7,
    plant_gln: str | None = None,
) -> dict[str, Any]:
    """The EPCIS 2.0 document of the events recorded (database time) from ``since`` to
    ``until`` (exclusive), oldest first."""
    ids = Ids(prefix_length, plant_gln)
    _check_ids(ids)
    if since.tzinfo is None or (until is not None and until.tzinfo is None):
        raise Refusal("give the export window with a time zone (e.g. 2026-11-25T00:00+00:00)")
    stmt = select(Event).where(Event.kind.in_(KINDS), Event.db_time >= since)
    if until is not None:
        stmt = stmt.where(Event.db_time < until)
    session = uow.session
    found = list(session.scalars(stmt.order_by(Event.db_time, Event.station_time)))
    stations = {s.id: s for s in session.scalars(select(Station))}
    mapper = Mapper(session, ids, EventStations(session, stations, found))
    mapped = [doc for event in found for doc in mapper.map(event)]
    return document(mapped, utcnow())


__all__ = ["CONTEXT", "Ids", "document", "event_time", "export_epcis", "removed_id"]
