"""The batch record's history around production: how its components were received, how its
units left (packed, shipped, delivered), and what happened to them after release (service).

Each function reads rows for the items a record covers (``ids``: the lot and its units) and
returns ``desktop.reports.record_model`` lines, oldest first; it writes nothing.

- ``receiving``: every component lot and supplier's serialised part consumed into the items
  (also the ones removed or fitted in a repair): its receipt, incoming inspection (the lot's,
  and the piece's own for a serialised part) and signed release or rejection.
- ``shipping``: the packing of the items into cases, of those cases into pallets, the closing
  of those cases and pallets, and every shipment that carried them (customer site, delivery
  note number, proof of delivery).
- ``service``: installation, service visits, repairs (part removed, part fitted), returns
  (RMA and reason) and disposal of the units.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Customer,
    Event,
    Item,
    Link,
    Part,
    ServiceRecord,
    Shipment,
    ShipmentLine,
    Signature,
    Site,
    Supplier,
)
from desktop.domain.events import EventKind, LinkKind
from desktop.domain.states import ItemKind
from desktop.reports import record_query as rq
from desktop.reports.record_model import ReceivingLine, ServiceLine, ShippingLine
from desktop.reports.signature import Manifestation
from desktop.services.core.records import label
from desktop.services.documents._stations import EventStations
from desktop.services.identity import SignatureInfo, describe

#: The events of a component's receipt, in the order they happen.
RECEIVING = (
    EventKind.RECEIVE,
    EventKind.INCOMING_INSPECTION,
    EventKind.MATERIAL_RELEASE,
    EventKind.MATERIAL_REJECT,
)
#: The packing events a record lists (opening a case or pallet says nothing of the items).
PACKING = (EventKind.PACK, EventKind.UNPACK, EventKind.CASE_CLOSE, EventKind.PALLET_CLOSE)


def manifestation(info: SignatureInfo | None) -> Manifestation | None:
    """A signature as a record shows it (Part 11 11.50), with whether it still verifies."""
    if info is None:
        return None
    return Manifestation(
        info.printed_name, info.username, info.meaning, info.signed_at, info.valid, info.problem
    )


class People:
    """Who recorded events, and where (``EventStations``: the audit entry's station when the
    event's row names none)."""

    def __init__(self, session: Session, directory: rq.Directory, events: list[Event]) -> None:
        self.users = directory[0]
        self.where = EventStations(session, directory[1], events)

    def of(self, event: Event) -> tuple[str, str, str, str]:
        """(printed name, user name, station, the station's zone) of an event."""
        user = self.users.get(event.user_id or 0)
        name, station = self.where.of(event)
        return (
            user.full_name if user else "(system)",
            user.username if user else "-",
            name or "-",
            station.timezone if station else "UTC",
        )


def _amount(value: Any) -> str:
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except InvalidOperation:
        return str(value)


# ---------------------------------------------------------------- receiving


def _delivery(session: Session, piece: Item) -> Item | None:
    """The delivery lot a supplier's serialised piece was received in."""
    stmt = select(Item).where(
        Item.kind == ItemKind.MATERIAL_LOT,
        Item.part_id == piece.part_id,
        Item.supplier_id == piece.supplier_id,
        Item.supplier_lot == piece.supplier_lot,
    )
    return session.scalars(stmt.order_by(Item.id).limit(1)).first()


def _received_details(event: Event) -> str:
    data = event.data
    shown = [f"{_amount(data.get('quantity', ''))} {data.get('unit', '')}".strip()]
    if data.get("expiry"):
        shown.append(f"expiry {data['expiry']}")
    cert = data.get("certificate")
    if isinstance(cert, dict) and cert.get("path"):
        name = str(cert["path"]).replace("\\", "/").rsplit("/", 1)[-1]
        sha = str(cert.get("sha256", ""))[:12]
        shown.append(f"certificate {name} (SHA-256 {sha}...)")
    return "; ".join(x for x in shown if x)


def _inspection_details(event: Event) -> str:
    data = event.data
    shown = ["accepted" if data.get("accepted") else "not accepted"]
    shown += [str(data["notes"])] if data.get("notes") else []
    for reading in data.get("readings") or []:
        if isinstance(reading, dict):
            r = {k: reading.get(k, "") for k in ("characteristic", "value", "unit", "lower")}
            r["upper"] = reading.get("upper", "")
            shown.append(
                f"{r['characteristic']} {r['value']} {r['unit']} [{r['lower']}..{r['upper']}]"
            )
    return "; ".join(shown)


def _details(event: Event) -> str:
    if event.kind == EventKind.RECEIVE:
        return _received_details(event)
    if event.kind == EventKind.INCOMING_INSPECTION:
        return _inspection_details(event)
    return str(event.data.get("reason") or "")


def _signature(session: Session, event: Event) -> Manifestation | None:
    sig_id = event.data.get("signature")
    sig = session.get(Signature, int(sig_id)) if sig_id is not None else None
    return manifestation(describe(session, sig)) if sig is not None else None


def _consumed(session: Session, ids: list[int], names: dict[int, str]) -> dict[int, list[str]]:
    """Bought components (material lots, suppliers' serialised parts) consumed into ``ids``,
    removed ones too, with what they were consumed into, in the order they were consumed."""
    stmt = (
        select(Link, Item)
        .join(Item, Item.id == Link.child_item_id)
        .where(rq.in_(Link.parent_item_id, ids), Link.kind == LinkKind.CONSUME)
        .where(Item.supplier_id.is_not(None))
        .order_by(Link.id)
    )
    found: dict[int, list[str]] = {}
    for link, child in session.execute(stmt):
        into = found.setdefault(child.id, [])
        name = names.get(link.parent_item_id, "-")
        if name not in into:
            into.append(name)
    return found


def receiving(
    session: Session, ids: list[int], names: dict[int, str], directory: rq.Directory
) -> list[ReceivingLine]:
    """The receiving history of every bought component consumed into ``ids``."""
    found: list[tuple[Item, list[str], list[Event]]] = []
    for child_id, into in _consumed(session, ids, names).items():
        child = session.get_one(Item, child_id)
        lot = _delivery(session, child) if child.kind != ItemKind.MATERIAL_LOT else child
        subjects = list({i.id for i in (lot, child) if i is not None})
        stmt = select(Event).where(rq.in_(Event.item_id, subjects), Event.kind.in_(RECEIVING))
        stmt = stmt.order_by(Event.db_time, Event.station_time)
        events = [
            e
            for e in session.scalars(stmt)
            if e.item_id == child.id or not e.data.get("serial")  # not another piece's own
        ]
        found.append((child, into, events))
    people = People(session, directory, [e for _, _, events in found for e in events])
    lines: list[ReceivingLine] = []
    for child, into, events in found:
        piece = child if child.kind != ItemKind.MATERIAL_LOT else None
        part = session.get(Part, child.part_id) if child.part_id else None
        supplier = session.get(Supplier, child.supplier_id) if child.supplier_id else None
        for event in events:
            printed, username, station, zone = people.of(event)
            lines.append(
                ReceivingLine(
                    label(child),
                    part.part_number if part else "-",
                    part.name if part else "-",
                    f"{supplier.name} ({supplier.code})" if supplier else "-",
                    child.supplier_lot or child.lot or "",
                    child.serial if piece is not None else None,
                    ", ".join(into),
                    event.kind,
                    event.outcome,
                    printed,
                    username,
                    station,
                    zone,
                    event.station_time,
                    _details(event),
                    _signature(session, event),
                    str(event.id),
                )
            )
    return lines


# ---------------------------------------------------------------- packing and shipping


def containers(session: Session, ids: Iterable[int]) -> list[int]:
    """The cases and pallets that held any of ``ids`` (also those unpacked since), outward."""
    seen: list[int] = []
    frontier = list(ids)
    while frontier:
        stmt = select(Link.parent_item_id).where(
            rq.in_(Link.child_item_id, frontier), Link.kind == LinkKind.PACK
        )
        frontier = [p for p in dict.fromkeys(session.scalars(stmt)) if p not in seen]
        seen += frontier
    return seen


def _site(session: Session, site_id: int | None) -> str | None:
    site = session.get(Site, site_id) if site_id else None
    if site is None:
        return None
    return f"{site.name} (GLN {site.gln})" if site.gln else site.name


def _packing_line(event: Event, names: dict[int, str], people: People) -> ShippingLine:
    printed, username, station, zone = people.of(event)
    return ShippingLine(
        names.get(event.item_id or 0, "-"),
        event.kind,
        str(event.data.get("sscc") or ""),
        None,
        None,
        None,
        printed,
        username,
        station,
        zone,
        event.station_time,
        None,
        None,
        str(event.id),
    )


def _shipment_line(
    session: Session, shipment: Shipment, event: Event, people: People
) -> ShippingLine:
    printed, username, station, zone = people.of(event)
    customer = session.get_one(Customer, shipment.customer_id)
    lines = select(ShipmentLine.item_id).where(ShipmentLine.shipment_id == shipment.id)
    shipped = [session.get_one(Item, i) for i in session.scalars(lines.order_by(ShipmentLine.id))]
    tops = [str(x) for x in event.data.get("items") or []]
    return ShippingLine(
        ", ".join(tops),
        event.kind,
        ", ".join(i.sscc for i in shipped if i.sscc),
        shipment.number,
        f"{customer.name} ({customer.code})",
        _site(session, shipment.site_id),
        printed,
        username,
        station,
        zone,
        event.station_time,
        shipment.received_by,
        shipment.delivered_at,
        str(event.id),
    )


def shipping(
    session: Session, ids: list[int], names: dict[int, str], directory: rq.Directory
) -> list[ShippingLine]:
    """How the items left: packed into cases and pallets, those closed, and the shipments."""
    held = containers(session, ids)
    everything = [*ids, *held]
    names = names | {i: label(session.get_one(Item, i)) for i in held}
    stmt = select(Event).where(rq.in_(Event.item_id, everything), Event.kind.in_(PACKING))
    packed = list(session.scalars(stmt))
    on = select(ShipmentLine.shipment_id).where(rq.in_(ShipmentLine.item_id, everything))
    numbers = sorted(set(session.scalars(on)))
    shipments = []
    for shipment in session.scalars(select(Shipment).where(rq.in_(Shipment.id, numbers))):
        event = session.get(Event, shipment.event_id) if shipment.event_id else None
        if event is not None:  # an open shipment has not left: nothing to record yet
            shipments.append((shipment, event))
    people = People(session, directory, [*packed, *(e for _, e in shipments)])
    found = [(e.db_time, _packing_line(e, names, people)) for e in packed]
    for shipment, event in shipments:
        found.append((event.db_time, _shipment_line(session, shipment, event, people)))
    return [line for _, line in sorted(found, key=lambda pair: (pair[0], pair[1].at))]


# ---------------------------------------------------------------- after sale


def service(
    session: Session, ids: list[int], names: dict[int, str], directory: rq.Directory
) -> list[ServiceLine]:
    """The after-sale records of the units, in the order they were recorded."""
    stmt = select(ServiceRecord, Event).join(Event, Event.id == ServiceRecord.event_id)
    stmt = stmt.where(rq.in_(ServiceRecord.item_id, ids))
    rows = [(r, e) for r, e in session.execute(stmt.order_by(Event.db_time, ServiceRecord.id))]
    people = People(session, directory, [event for _, event in rows])
    lines = []
    for row, event in rows:
        printed, username, station, zone = people.of(event)
        removed, fitted = event.data.get("removed"), event.data.get("fitted")
        lines.append(
            ServiceLine(
                names.get(row.item_id, "-"),
                row.kind,
                _site(session, row.site_id) or "",
                str(removed) if removed else None,
                str(fitted) if fitted else None,
                str(event.data.get("notes") or row.notes),
                printed,
                username,
                station,
                zone,
                event.station_time,
                str(event.id),
            )
        )
    return lines


__all__ = ["containers", "manifestation", "receiving", "service", "shipping"]
