"""Writing the traceability record: events (idempotent by the station's UUID), links, states."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from db.models import Device, Event, Item, Link, Station
from db.trace import reach
from db.types import utcnow
from desktop.domain.capture import DeviceCapture
from desktop.domain.events import EventKind, LinkKind, Outcome
from desktop.domain.states import ItemKind, Status, may_change
from desktop.domain.text import Text, t
from desktop.domain.vocabulary import words_of
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork


def already_recorded(uow: UnitOfWork, event_id: uuid.UUID | None) -> Event | None:
    """The event a station already wrote with this UUID (a retried write), if any."""
    return None if event_id is None else uow.session.get(Event, event_id)


def record_event(
    uow: UnitOfWork,
    kind: EventKind,
    *,
    item: Item | None = None,
    event_id: uuid.UUID | None = None,
    work_order_id: int | None = None,
    step_id: int | None = None,
    device_id: int | None = None,
    station_time: datetime | None = None,
    outcome: Outcome = Outcome.OK,
    data: dict[str, Any] | None = None,
    capture: DeviceCapture | None = None,
) -> Event:
    """Append one immutable event, and its audit entry, in the caller's transaction.

    With ``capture`` (what a device delivered), the event keeps the device identity, the AIM
    identifier, the raw frame and the time it was received (:func:`capture_data`); its device
    is the registered device of that name at the actor's station and its station time the
    time the reading arrived."""
    if capture is not None:
        data = (data or {}) | capture_data(capture)
        device_id = device_id if device_id is not None else registered_device(uow, capture.device)
        station_time = station_time or capture.received_utc
    event = Event(
        id=event_id or uuid.uuid4(),
        kind=kind,
        outcome=outcome,
        item_id=item.id if item is not None else None,
        work_order_id=work_order_id if work_order_id is not None else _wo(item),
        step_id=step_id,
        station_id=uow.actor.station_id,
        user_id=uow.actor.user_id,
        device_id=device_id,
        station_time=station_time or utcnow(),
        data=data or {},
    )
    uow.session.add(event)
    uow.session.flush()
    uow.audit(f"event.{kind}", "event", event.id, new={"item": event.item_id, "outcome": outcome})
    return event


def frame_text(raw: bytes | str) -> str:
    """A device frame as readable text: bytes as Latin-1, CR and LF escaped."""
    text = raw.decode("latin-1") if isinstance(raw, bytes) else raw
    return text.replace("\r", "\\r").replace("\n", "\\n")


def capture_data(capture: DeviceCapture) -> dict[str, Any]:
    """What an event keeps of a device reading: the configured device id (and serial number),
    the frame readable (``raw_frame``) and exact (``raw_hex``), the AIM identifier, the time
    received, the HIBC primary read paired with a secondary, and, for a step captured while the
    shared database was away, where in the station's journal it was kept
    (``captured_offline``)."""
    data: dict[str, Any] = {
        "device": capture.device,
        "raw_frame": frame_text(capture.raw),
        "raw_hex": capture.raw.hex(),
        "received_at": capture.received_utc.isoformat(),
    }
    optional = {
        "device_serial": capture.serial_number,
        "aim": capture.aim,
        "hibc_primary": capture.hibc_primary,
    }
    if capture.offline is not None:
        data["captured_offline"] = capture.offline.as_data()
    return data | {k: v for k, v in optional.items() if v}


def registered_device(uow: UnitOfWork, name: str) -> int | None:
    """The id of the device registered as ``name`` at the actor's station (None if it is not
    registered there: the event still names the device in its data)."""
    stmt = select(Device.id).where(Device.name == name)
    if uow.actor.station_id is not None:
        stmt = stmt.where(Device.station_id == uow.actor.station_id)
    else:
        stmt = stmt.join(Station, Station.id == Device.station_id).where(
            Station.name == uow.actor.station
        )
    return uow.session.scalar(stmt.limit(1))


def _wo(item: Item | None) -> int | None:
    return item.work_order_id if item is not None else None


def add_link(
    uow: UnitOfWork,
    parent: Item,
    child: Item,
    event: Event,
    *,
    quantity: Decimal = Decimal(1),
    kind: LinkKind = LinkKind.CONSUME,
) -> Link:
    link = Link(
        parent_item_id=parent.id,
        child_item_id=child.id,
        quantity=quantity,
        kind=kind,
        event_id=event.id,
    )
    uow.session.add(link)
    uow.session.flush()
    reach.linked(uow.session.connection(), child.id, parent.id)
    uow.audit(
        f"link.{kind}",
        "link",
        link.id,
        new={"parent": parent.id, "child": child.id, "quantity": quantity, "event": event.id},
    )
    return link


def remove_link(uow: UnitOfWork, link: Link, event: Event, reason: str) -> None:
    """Undo a link (rework removal, disaggregation): marked removed, never deleted."""
    link.removed_event_id = event.id
    uow.session.flush()
    reach.unlinked(uow.session.connection(), link.parent_item_id)
    uow.audit("link.remove", "link", link.id, new={"removed_by": event.id}, reason=reason)


def set_status(uow: UnitOfWork, item: Item, new: Status, *, reason: str | None = None) -> None:
    """Move an item to a new state, refusing a transition the state machine does not allow."""
    if item.status == new:
        return
    if not may_change(item.kind, item.status, new):
        raise Refusal(
            t(
                "{item} is {status} and cannot become {new}",
                item=label(item),
                status=item.status.words,
                new=new.words,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    old = item.status
    item.status = new
    item.updated_at = utcnow()
    uow.audit(
        "item.status", "item", item.id, old={"status": old}, new={"status": new}, reason=reason
    )


def label(item: Item) -> str:
    """How people name an item in a message: serial, lot, SSCC (translatable)."""
    if item.sscc:
        return t("{kind} SSCC {sscc}", kind=item.kind.words, sscc=item.sscc)
    if item.serial:
        return t("unit {serial}", serial=item.serial)
    if item.kind == ItemKind.MATERIAL_LOT:
        return t("lot {lot}", lot=item.supplier_lot or item.lot)
    return t("lot {lot}", lot=item.lot) if item.lot else t("item {id}", id=item.id)


def plain_status(status: str) -> Text:
    """An item status in words (Status.words), for callers that hold it as a string."""
    return words_of(Status, status)


def station_id(uow: UnitOfWork, name: str) -> int | None:
    return uow.session.scalar(select(Station.id).where(Station.name == name))
