"""What every station step shares: finding and locking "the unit", the step-order rule with
messages that quote the scan, holds, the recorded result of a step, and failing a step.

"The unit" is a finished serialised unit, or the production lot of a lot-controlled product
(that lot goes through the route as one).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from db.models import Event, Item, Nonconformance, RouteStep, Station, WorkOrder
from desktop.domain.capture import DeviceCapture
from desktop.domain.events import EventKind, Outcome
from desktop.domain.plant import Tracking
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import StepKind
from desktop.domain.text import Text, restored, stored, t
from desktop.services import quality
from desktop.services.core import records, routing
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.uow import UnitOfWork
from desktop.services.holds import active_holds, covering_ids, hold_words


@dataclass(frozen=True)
class StepResult:
    """What a station shows after a step: the outcome in plain words, and what comes next."""

    ok: bool
    message: str
    unit: str  # "unit SN-000001" or "lot L26112501"
    step: str  # the step's name
    next_instruction: str | None  # the next step's instruction (None when nothing is next)
    ncr_number: str | None
    event_id: uuid.UUID
    #: Captured while the shared database was away: kept in the station's journal, not yet in
    #: the shared record (desktop/services/offline).
    pending: bool = False


def today() -> date:
    """The plant's calendar day (the station's local date)."""
    return date.today()


def quoted(text: str) -> Text:
    return t('scan "{scan}"', scan=shown(text))


@contextmanager
def about_scan(text: str, item: Item | None = None) -> Iterator[None]:
    """Re-raise a refusal from a shared helper so that its message quotes the scan."""
    try:
        yield
    except Refusal as refusal:
        if quoted(text) in refusal.message:
            raise
        raise Refusal(
            t("{scan}: {message}", scan=quoted(text), message=refusal.message),
            entity=refusal.entity or ("item" if item else ""),
            entity_id=refusal.entity_id or (str(item.id) if item else ""),
        ) from None


def lock(uow: UnitOfWork, item_id: int) -> Item:
    """The item row, re-read and locked (SELECT ... FOR UPDATE) until the transaction ends.

    On SQLite the writer already holds the database lock (BEGIN IMMEDIATE)."""
    stmt = select(Item).where(Item.id == item_id).with_for_update()
    return uow.session.scalars(stmt.execution_options(populate_existing=True)).one()


def find_unit(uow: UnitOfWork, scan: str) -> Item:
    """The unit (or lot-controlled production lot) a scan names, not yet locked."""
    item = require_item(
        uow.session, scan, (ItemKind.UNIT, ItemKind.PRODUCTION_LOT), "unit or production lot"
    )
    if item.product_id is None:
        raise Refusal(
            t(
                "{scan} is a component ({item}), not a unit in production: "
                "scan the unit's label first",
                scan=quoted(scan),
                item=records.label(item),
            ),
            entity="item",
            entity_id=str(item.id),
        )
    product = routing.product_of(uow.session, item)
    if (
        item.kind == ItemKind.PRODUCTION_LOT
        and product is not None
        and product.tracking == Tracking.SERIAL
    ):
        raise Refusal(
            t(
                "{scan} is {item} of {product}, which is serialised: "
                "scan the serial label of one unit",
                scan=quoted(scan),
                item=records.label(item),
                product=product.name,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    return item


def shown_time(uow: UnitOfWork, when: datetime) -> str:
    """A time as the station shows it (its own zone)."""
    zone_name = "UTC"
    if uow.actor.station_id is not None:
        station = uow.session.get(Station, uow.actor.station_id)
        zone_name = station.timezone if station else "UTC"
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return when.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def refuse_unit_on_hold(uow: UnitOfWork, unit: Item, scan: str) -> None:
    """A hold on the unit, its production lot or what is packed in it stops every step."""
    found = active_holds(uow.session, covering_ids(uow.session, unit))
    if found:
        hold = found[0]
        held = records.label(unit) if hold.item_id == unit.id else t("its production lot")
        raise Refusal(
            t(
                "{scan}: {held} is {hold}; it takes no steps until QC releases the hold",
                scan=quoted(scan),
                held=held,
                hold=hold_words(uow.session, hold),
            ),
            entity="item",
            entity_id=str(unit.id),
        )


def require_step(uow: UnitOfWork, unit: Item, kind: StepKind, scan: str) -> RouteStep:
    """The unit's next step, which must be of ``kind`` (steps in order, none repeated)."""
    steps = routing.route_steps(uow.session, unit)
    nxt = next((s for s in steps if s.position == unit.current_step + 1), None)
    if unit.status == Status.IN_PROCESS and nxt is not None and nxt.kind != kind:
        passed = [s for s in steps if s.kind == kind and s.position <= unit.current_step]
        if passed:
            raise Refusal(
                t(
                    '{scan}: step {position} "{name}" is already passed for {item}; a '
                    "passed step is repeated only after a rework decision. "
                    'Next is step {next} "{next_name}"',
                    scan=quoted(scan),
                    position=passed[-1].position,
                    name=passed[-1].name,
                    item=records.label(unit),
                    next=nxt.position,
                    next_name=nxt.name,
                ),
                entity="item",
                entity_id=str(unit.id),
            )
    with about_scan(scan, unit):
        return routing.require_step(uow.session, unit, kind)


def instruction_after(uow: UnitOfWork, unit: Item, step: RouteStep) -> str | None:
    """The instruction of the step after ``step`` (what the station shows next)."""
    for s in routing.route_steps(uow.session, unit):
        if s.position == step.position + 1:
            english = f"step {s.position} {s.name}: {s.instruction}".rstrip(": ")
            if s.instruction.rstrip(": "):
                made = t(
                    "step {position} {name}: {instruction}",
                    position=s.position,
                    name=s.name,
                    instruction=s.instruction.rstrip(": "),
                )
            else:
                made = t("step {position} {name}", position=s.position, name=s.name.rstrip(": "))
            return made if str(made) == english else english
    return None


def earlier_result(uow: UnitOfWork, event_id: uuid.UUID, unit: Item) -> StepResult | None:
    """The result of a retried call (same event id): rebuilt from what was recorded."""
    event = records.already_recorded(uow, event_id)
    if event is None:
        return None
    if event.item_id != unit.id:
        raise Refusal(
            t(
                "event {event} was recorded for another item: the station must make a new "
                "event id for every step",
                event=str(event_id),
            ),
            entity="event",
            entity_id=str(event_id),
        )
    return result_of(uow, event)


def result_of(uow: UnitOfWork, event: Event) -> StepResult:
    """The StepResult a recorded step event stands for (the same on every retry)."""
    data = event.data
    number = uow.session.scalar(
        select(Nonconformance.number).where(Nonconformance.event_id == event.id)
    )
    english = str(data.get("message", ""))
    message: str = restored(data.get("message_text"), english)
    item: str = restored(data.get("item_text"), str(data.get("item", "")))
    if number:
        message = t(
            "{message}; {ncr} opened and {item} marked nonconforming",
            message=message,
            ncr=number,
            item=restored(data.get("item_text"), str(data.get("item"))),
        )
    return StepResult(
        ok=event.outcome == Outcome.OK,
        message=message,
        unit=item,
        step=str(data.get("step", "")),
        next_instruction=restored(data.get("next_text"), data.get("next")),
        ncr_number=number,
        event_id=event.id,
    )


@dataclass(frozen=True)
class StepRecord:
    """What a step records: its event kind, outcome words, its data, and what the device
    delivered (the event keeps its device identity, AIM identifier, raw frame and time)."""

    kind: EventKind
    message: str
    data: dict[str, Any]
    event_id: uuid.UUID
    capture: DeviceCapture | None = None


def write_step_event(
    uow: UnitOfWork,
    unit: Item,
    step: RouteStep,
    rec: StepRecord,
    *,
    ok: bool,
    next_text: str | None = None,
) -> Event:
    """The step's event; its data carries the words and the next instruction for retries."""
    nxt = next_text or (instruction_after(uow, unit, step) if ok else None)
    item = records.label(unit)
    data = rec.data | {
        "item": str(item),  # "unit" is the reading's unit of measure
        "step": step.name,
        "position": step.position,
        "message": str(rec.message),
        "next": None if nxt is None else str(nxt),
        # the same words as templates, so a station reads them in its own language
        "item_text": stored(item),
        "message_text": stored(rec.message),
        "next_text": stored(nxt),
    }
    return records.record_event(
        uow,
        rec.kind,
        item=unit,
        event_id=rec.event_id,
        work_order_id=unit.work_order_id,
        step_id=step.id,
        outcome=Outcome.OK if ok else Outcome.FAIL,
        data=data,
        capture=rec.capture,
    )


def pass_step(uow: UnitOfWork, unit: Item, step: RouteStep, rec: StepRecord) -> StepResult:
    event = write_step_event(uow, unit, step, rec, ok=True)
    routing.pass_step_in(uow, unit, step, event)
    return result_of(uow, event)


def fail_step(uow: UnitOfWork, unit: Item, step: RouteStep, rec: StepRecord) -> StepResult:
    """A failed step: the event (outcome fail), an NCR in words, the unit nonconforming."""
    event = write_step_event(uow, unit, step, rec, ok=False)
    open_failure(uow, unit, step, rec, event)
    return result_of(uow, event)


def open_failure(
    uow: UnitOfWork, unit: Item, step: RouteStep, rec: StepRecord, event: Event
) -> Nonconformance:
    """The NCR for a failed step (reading and limits in words); the unit becomes nonconforming."""
    described = t(
        '{item}, step {position} "{name}" failed: {message}',
        item=records.label(unit),
        position=step.position,
        name=step.name,
        message=rec.message,
    )
    if rec.capture is not None and rec.capture.serial_number:
        described = t(
            "{described} (device S/N {serial})",
            described=described,
            serial=rec.capture.serial_number,
        )
    found = quality.open_ncr_in(uow, unit, described, event)
    records.set_status(uow, unit, Status.NONCONFORMING, reason=f"{found.number}: {rec.message}")
    return found


def work_order_number(uow: UnitOfWork, unit: Item) -> str | None:
    if unit.work_order_id is None:
        return None
    return uow.session.scalar(select(WorkOrder.number).where(WorkOrder.id == unit.work_order_id))
