"""Where a unit stands: its route with steps done and current, what to do and scan next, and
its last events (what the station screen shows after a unit is scanned)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from db.models import Event, Item, Nonconformance, Product, RouteStep
from desktop.domain.events import EventKind, Outcome
from desktop.domain.permissions import Permission
from desktop.domain.quality import NcrStatus
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import StepKind, limits_of
from desktop.domain.text import restored, t
from desktop.services.core import records, routing
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.production._consume import missing_words, step_needs
from desktop.services.production._step import about_scan, find_unit, work_order_number

EVENTS_SHOWN = 10


@dataclass(frozen=True)
class StepState:
    position: int
    kind: StepKind
    name: str
    instruction: str
    done: bool
    current: bool
    parameters: dict[str, object] = field(default_factory=dict)  # limits, parts, prompt


@dataclass(frozen=True)
class EventLine:
    id: uuid.UUID
    at: datetime  # database time, UTC
    kind: EventKind
    outcome: Outcome
    step: str
    summary: str


@dataclass(frozen=True)
class UnitProgress:
    unit: str  # "unit SN-000001" / "lot L26112501"
    kind: ItemKind
    gtin: str | None
    serial: str | None
    lot: str | None
    status: Status
    product: str
    work_order: str | None
    steps: tuple[StepState, ...]
    next_step: StepState | None
    instruction: str  # the next step's instruction, or why there is none
    scan_next: str  # what the operator scans or enters next
    open_ncrs: tuple[str, ...]
    events: tuple[EventLine, ...]  # newest first


def _what_next(uow: UnitOfWork, unit: Item, step: RouteStep) -> str:
    kind = step.kind
    params = step.parameters
    if kind == StepKind.SCAN_COMPONENT:
        parts = missing_words(step_needs(uow, unit, step)) or t("nothing more")
        return t("scan {parts}", parts=parts)
    if kind == StepKind.WEIGH:
        return t(
            "place {item} on the scale ({limits})",
            item=records.label(unit),
            limits=limits_of(params).text(),
        )
    if kind == StepKind.INSPECT:
        what = params.get("characteristic", step.name)
        return t("enter the {what} ({limits})", what=what, limits=limits_of(params).text())
    if kind == StepKind.CHECK:
        return t("{prompt}: scan PASS or FAIL", prompt=params.get("prompt", step.name))
    if kind == StepKind.LABEL:
        return t("print the UDI label, apply it and scan it back")
    return t("scan the case label")


def _open_ncrs(uow: UnitOfWork, unit: Item) -> tuple[str, ...]:
    stmt = select(Nonconformance.number).where(
        Nonconformance.item_id == unit.id, Nonconformance.status != NcrStatus.CLOSED
    )
    return tuple(uow.session.scalars(stmt.order_by(Nonconformance.id)))


def _events(uow: UnitOfWork, unit: Item) -> tuple[EventLine, ...]:
    stmt = (
        select(Event, RouteStep.name)
        .outerjoin(RouteStep, RouteStep.id == Event.step_id)
        .where(Event.item_id == unit.id)
        .order_by(Event.db_time.desc(), Event.station_time.desc())
        .limit(EVENTS_SHOWN)
    )
    return tuple(
        EventLine(e.id, e.db_time, e.kind, e.outcome, name or "", _summary(e))
        for e, name in uow.session.execute(stmt)
    )


def _summary(event: Event) -> str:
    """The event's words (translatable when the step stored them as a template)."""
    english = str(event.data.get("message", ""))
    summary: str = restored(event.data.get("message_text"), english)
    return summary


def _blocked(unit: Item, ncrs: tuple[str, ...]) -> str:
    item = records.label(unit)
    if unit.status == Status.NONCONFORMING:
        which = ", ".join(ncrs) or t("an NCR")
        return t(
            "{item} is nonconforming ({ncrs}): it waits for a QC disposition",
            item=item,
            ncrs=which,
        )
    if unit.status == Status.COMPLETED:
        return t("{item} has passed every step of its route", item=item)
    return t(
        "{item} is {status}: it takes no production steps now",
        item=item,
        status=unit.status.words,
    )


@use_case(Permission.TRACE_VIEW, read_only=True)
def unit_status(uow: UnitOfWork, scan: str) -> UnitProgress:
    """The unit (or lot-controlled production lot) a scan names, and where it is in its route."""
    unit = find_unit(uow, scan)
    with about_scan(scan, unit):
        steps, nxt = routing.progress(uow.session, unit)
    states = tuple(
        StepState(
            s.position,
            s.kind,
            s.name,
            s.instruction,
            s.position <= unit.current_step,
            nxt is not None and s.position == nxt.position,
            dict(s.parameters),
        )
        for s in steps
    )
    current = next((s for s in states if s.current), None)
    ncrs = _open_ncrs(uow, unit)
    if current is not None and unit.status == Status.IN_PROCESS:
        step = uow.session.get(RouteStep, nxt.id if nxt else 0)
        assert step is not None
        instruction, scan_next = step.instruction, _what_next(uow, unit, step)
    else:
        instruction = scan_next = _blocked(unit, ncrs)
    product = uow.session.get(Product, unit.product_id)
    return UnitProgress(
        unit=records.label(unit),
        kind=unit.kind,
        gtin=unit.di,
        serial=unit.serial,
        lot=unit.lot,
        status=unit.status,
        product=product.name if product else "",
        work_order=work_order_number(uow, unit),
        steps=states,
        next_step=current,
        instruction=instruction,
        scan_next=scan_next,
        open_ncrs=ncrs,
        events=_events(uow, unit),
    )
