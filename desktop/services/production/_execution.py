"""Station execution: a unit goes through its route step by step, each step one audited event.

- Steps are done in route order; a passed step is not repeated unless a rework decision moved
  the unit back (``routing``). A lot-controlled production lot is "the unit" of its route.
- ``consume_component``: scan a component for a scan_component step (checks and concurrency in
  ``execution_consume``); the step passes when every BOM part of that step is consumed.
- ``record_weight`` / ``record_measurement`` / ``record_check``: a reading or verdict. Out of
  limits (or failed) is a recorded result, not a refusal: the event (outcome "fail"), an NCR in
  plain words, and the unit nonconforming. An unstable weight is refused and writes nothing.
- Every step event taken from a device keeps what the device delivered (``capture``: device
  identity, AIM identifier, raw frame, time received); a retried call with the same
  ``event_id`` returns the earlier result and writes nothing.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select

from db.models import Event, InspectionPlan, InspectionResult, Item, RouteStep
from desktop.domain.capture import DeviceCapture
from desktop.domain.events import EventKind
from desktop.domain.permissions import Permission
from desktop.domain.states import ItemKind
from desktop.domain.steps import (
    StepKind,
    check_value,
    check_weight,
    verdict_words,
)
from desktop.domain.text import Text, t
from desktop.services import spc
from desktop.services.core import records, routing
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.production import _consume, _fitness, _planning
from desktop.services.production._status import EventLine, StepState, UnitProgress, unit_status
from desktop.services.production._step import (
    StepRecord,
    StepResult,
    about_scan,
    earlier_result,
    fail_step,
    find_unit,
    lock,
    open_failure,
    pass_step,
    quoted,
    refuse_unit_on_hold,
    require_step,
    result_of,
    write_step_event,
)

__all__ = [
    "EventLine",
    "StepResult",
    "StepState",
    "UnitProgress",
    "consume_component",
    "record_check",
    "record_measurement",
    "record_weight",
    "unit_status",
]


def _start(
    uow: UnitOfWork, scan: str, kind: StepKind, event_id: uuid.UUID
) -> tuple[Item, RouteStep | None, StepResult | None]:
    """Find the unit; a retried event returns its earlier result, else lock the unit and check
    it is free to take step ``kind`` now."""
    unit = find_unit(uow, scan)
    earlier = earlier_result(uow, event_id, unit)
    if earlier is not None:
        return unit, None, earlier
    unit = lock(uow, unit.id)
    step = require_step(uow, unit, kind, scan)
    refuse_unit_on_hold(uow, unit, scan)
    _planning.refuse_closed_order(uow, unit, scan)
    _fitness.require_qualified(uow, unit, step, scan)
    return unit, step, None


# ---------------------------------------------------------------- consumption


@use_case(Permission.COMPONENT_CONSUME, idempotent=True)
def consume_component(
    uow: UnitOfWork,
    unit_scan: str,
    component_scan: str,
    *,
    event_id: uuid.UUID,
    capture: DeviceCapture | None = None,
) -> StepResult:
    """Consume the scanned component (material lot or serialised part) into the unit;
    ``capture`` is the component's scan as the scanner delivered it."""
    unit, step, earlier = _start(uow, unit_scan, StepKind.SCAN_COMPONENT, event_id)
    if earlier is not None:
        return earlier
    assert step is not None
    with about_scan(component_scan):
        found = require_item(
            uow.session, component_scan, (ItemKind.MATERIAL_LOT, ItemKind.UNIT), "component"
        )
    comp = lock(uow, found.id)
    need, take, what, needs = _consume.check_component(uow, unit, step, comp, component_scan)
    rest = [n for n in needs if n.part_id != need.part_id and n.remaining > 0]
    done = take >= need.remaining and not rest
    message = t(
        "{what} ({part}) consumed into {item}",
        what=what,
        part=need.part_number,
        item=records.label(unit),
    )
    if done:
        message = t("{message}; step {position} passed", message=message, position=step.position)
    still = (
        None
        if done
        else t("scan {parts} next", parts=_consume.missing_words(rest) or need.part_number)
    )
    if rest:
        message = t(
            "{message}; still needed: {parts}", message=message, parts=_consume.missing_words(rest)
        )
    values = {
        "scan": component_scan,
        "unit_scan": unit_scan,
        "component": comp.id,
        "part": need.part_number,
        "lot": comp.supplier_lot or comp.lot,
        "serial": comp.serial,
        "quantity": str(take),
    }
    data = {k: v for k, v in values.items() if v is not None}
    rec = StepRecord(EventKind.CONSUME, message, data, event_id, capture)
    event = write_step_event(uow, unit, step, rec, ok=True, next_text=still)
    _consume.take_component(uow, comp, take, what, component_scan, event)
    records.add_link(uow, unit, comp, event, quantity=take)
    if done:
        routing.pass_step_in(uow, unit, step, event)
    return result_of(uow, event)


# ---------------------------------------------------------------- readings and checks


def _inspection_result(
    uow: UnitOfWork, unit: Item, step: RouteStep, event: Event, value: Decimal, ok: bool
) -> None:
    """An InspectionResult row when the product has an inspection plan for this step."""
    plan = uow.session.scalars(
        select(InspectionPlan).where(
            InspectionPlan.product_id == unit.product_id,
            InspectionPlan.step_id == step.id,
            InspectionPlan.active.is_(True),
        )
    ).first()
    if plan is None or uow.actor.user_id is None:
        return
    row = InspectionResult(
        plan_id=plan.id,
        item_id=unit.id,
        event_id=event.id,
        value=value,
        passed=ok,
        user_id=uow.actor.user_id,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("inspection.result", "inspection_result", row.id, new={"value": value, "passed": ok})


def _reading(
    uow: UnitOfWork, unit: Item, step: RouteStep, rec: StepRecord, value: Decimal, ok: bool
) -> StepResult:
    """Record a weight or measurement: pass the step, or fail it with an NCR; judged against
    the step's frozen SPC baseline too (a broken run rule flags the unit and its lot for QC,
    within specification or not; the step's own outcome does not change)."""
    event = write_step_event(uow, unit, step, rec, ok=ok)
    if ok:
        routing.pass_step_in(uow, unit, step, event)
    else:
        open_failure(uow, unit, step, rec, event)
    _inspection_result(uow, unit, step, event, value, ok)
    spc.check_reading(uow, unit, step, event, value)
    return result_of(uow, event)


@use_case(Permission.STEP_EXECUTE, idempotent=True)
def record_weight(
    uow: UnitOfWork,
    unit_scan: str,
    value: Decimal,
    unit: str,
    stable: bool,
    *,
    event_id: uuid.UUID,
    capture: DeviceCapture | None = None,
) -> StepResult:
    """A scale reading for a weigh step: only a stable reading in the step's unit is taken;
    out of limits fails the step (event, NCR, unit nonconforming). ``capture`` is the reading
    as the scale sent it (its frame, serial number, time)."""
    item, step, earlier = _start(uow, unit_scan, StepKind.WEIGH, event_id)
    if earlier is not None:
        return earlier
    assert step is not None
    limits = routing.step_limits(step)
    reading = t(
        '{scan}: reading "{value} {unit}"', scan=quoted(unit_scan), value=str(value), unit=unit
    )
    if not stable:
        raise Refusal(
            t(
                "{reading} is not stable: wait for the scale to settle and weigh again "
                "(limits {limits})",
                reading=reading,
                limits=limits.text(),
            ),
            entity="item",
            entity_id=str(item.id),
        )
    verdict = check_weight(value, unit, stable, limits, t("weight"))
    if limits.unit and unit != limits.unit:
        raise Refusal(
            t(
                "{reading}: {verdict} (limits {limits})",
                reading=reading,
                verdict=verdict_words(verdict),
                limits=limits.text(),
            ),
            entity="item",
            entity_id=str(item.id),
        )
    data = {"value": str(value), "unit": unit, "stable": stable, "limits": limits.text()}
    device, serial = (capture.device, capture.serial_number) if capture else (None, None)
    data |= _fitness.require_calibrated_scale(uow, item, unit_scan, device, serial)
    data["verdict"] = verdict.code
    rec = StepRecord(EventKind.WEIGH, verdict_words(verdict), data, event_id, capture)
    return _reading(uow, item, step, rec, value, verdict.ok)


@use_case(Permission.STEP_EXECUTE, idempotent=True)
def record_measurement(
    uow: UnitOfWork,
    unit_scan: str,
    value: Decimal,
    *,
    event_id: uuid.UUID,
    unit: str | None = None,
    capture: DeviceCapture | None = None,
) -> StepResult:
    """A measured value for an inspect step, against the step's limits; ``capture`` is the
    instrument's frame, or the keystrokes of a value typed at the station."""
    item, step, earlier = _start(uow, unit_scan, StepKind.INSPECT, event_id)
    if earlier is not None:
        return earlier
    assert step is not None
    limits = routing.step_limits(step)
    if unit is not None and limits.unit and unit != limits.unit:
        raise Refusal(
            t(
                '{scan}: reading "{value} {unit}" is in {unit}; step '
                '"{name}" is measured in {wanted}: set the instrument unit',
                scan=quoted(unit_scan),
                value=str(value),
                unit=unit,
                name=step.name,
                wanted=limits.unit,
            )
        )
    what = str(step.parameters.get("characteristic") or step.name)
    verdict = check_value(value, limits, what)
    data = {"value": str(value), "unit": limits.unit, "limits": limits.text()}
    data["verdict"] = verdict.code
    rec = StepRecord(EventKind.INSPECT, verdict_words(verdict), data, event_id, capture)
    return _reading(uow, item, step, rec, value, verdict.ok)


@use_case(Permission.STEP_EXECUTE, idempotent=True)
def record_check(
    uow: UnitOfWork,
    unit_scan: str,
    passed: bool,
    note: str = "",
    *,
    event_id: uuid.UUID,
    capture: DeviceCapture | None = None,
) -> StepResult:
    """A pass/fail check step (functional test, seal check); a fail opens an NCR. ``capture``
    is the scan of the PASS or FAIL command barcode when the verdict came from the scanner."""
    item, step, earlier = _start(uow, unit_scan, StepKind.CHECK, event_id)
    if earlier is not None:
        return earlier
    assert step is not None
    said = note.strip()
    words: Text
    if passed:
        words = t("{step} passed: {note}", step=step.name, note=said)
        words = words if said else t("{step} passed", step=step.name)
    else:
        words = t("{step} failed: {note}", step=step.name, note=said)
        words = words if said else t("{step} failed", step=step.name)
    data = {"passed": passed, "note": note}
    rec = StepRecord(EventKind.CHECK, words, data, event_id, capture)
    return pass_step(uow, item, step, rec) if passed else fail_step(uow, item, step, rec)
