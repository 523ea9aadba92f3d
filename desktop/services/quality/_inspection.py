"""QC: inspection plans per product and step, and QC readings against them.

A reading out of tolerance is recorded (it is a result, not a refusal) and opens an NCR; the
unit becomes nonconforming until the NCR is dispositioned.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Event,
    InspectionPlan,
    InspectionResult,
    Item,
    Nonconformance,
    Product,
    RouteStep,
)
from desktop.domain.events import EventKind, Outcome
from desktop.domain.permissions import Permission
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import Limits, check_value, verdict_words
from desktop.domain.text import restored, stored, t
from desktop.services.core import records
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.quality._ncr import open_ncr_on, user_id


@dataclass(frozen=True)
class InspectionPlanView:
    id: int
    product_gtin: str
    step_position: int | None
    step_name: str | None
    characteristic: str
    nominal: Decimal | None
    lower: Decimal | None
    upper: Decimal | None
    unit: str


@dataclass(frozen=True)
class InspectionResultView:
    id: int
    item: str
    characteristic: str
    value: Decimal
    unit: str
    passed: bool
    message: str
    ncr: str | None
    event_id: uuid.UUID


# ---------------------------------------------------------------- inspection plans and results


def _plan_view(session: Session, plan: InspectionPlan) -> InspectionPlanView:
    product = session.get(Product, plan.product_id)
    step = session.get(RouteStep, plan.step_id) if plan.step_id else None
    return InspectionPlanView(
        plan.id,
        product.di if product else "?",
        step.position if step else None,
        step.name if step else None,
        plan.characteristic,
        plan.nominal,
        plan.lower_limit,
        plan.upper_limit,
        plan.unit,
    )


def _product(session: Session, gtin: str) -> Product:
    product = session.scalars(select(Product).where(Product.gtin == gtin.strip())).first()
    if product is None:
        raise NotFound(
            t('GTIN "{gtin}" is not a product: give the product\'s GTIN', gtin=shown(gtin))
        )
    return product


@use_case(Permission.TRACE_VIEW)
def inspection_plans(
    uow: UnitOfWork, gtin: str, step_position: int | None = None
) -> list[InspectionPlanView]:
    """The active inspection plans of a product (at one route step, when given)."""
    product = _product(uow.session, gtin)
    stmt = select(InspectionPlan).where(
        InspectionPlan.product_id == product.id, InspectionPlan.active.is_(True)
    )
    views = [
        _plan_view(uow.session, p) for p in uow.session.scalars(stmt.order_by(InspectionPlan.id))
    ]
    if step_position is not None:
        views = [v for v in views if v.step_position == step_position]
    return views


def _plan(session: Session, item: Item, characteristic: str) -> InspectionPlan:
    stmt = select(InspectionPlan).where(
        InspectionPlan.product_id == item.product_id, InspectionPlan.active.is_(True)
    )
    plans = list(session.scalars(stmt))
    for plan in plans:
        if plan.characteristic.casefold() == characteristic.strip().casefold():
            return plan
    known = ", ".join(p.characteristic for p in plans) or t("none")
    raise NotFound(
        t(
            '{item} has no inspection plan for "{characteristic}": its plans are {known}',
            item=label(item),
            characteristic=shown(characteristic),
            known=known,
        )
    )


def _limits(plan: InspectionPlan) -> Limits:
    if plan.lower_limit is None or plan.upper_limit is None:
        raise Refusal(
            t(
                'the inspection plan "{characteristic}" has no limits: ask an administrator',
                characteristic=plan.characteristic,
            )
        )
    nominal = _plain(plan.nominal) if plan.nominal is not None else None
    return Limits(_plain(plan.lower_limit), _plain(plan.upper_limit), plan.unit, nominal)


def _plain(value: Decimal) -> Decimal:
    """2380.0000 (as stored) -> 2380, for messages."""
    return Decimal(format(value.normalize(), "f"))


def _number(value: Decimal | str | float) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise Refusal(_not_a_number(value)) from None
    if not number.is_finite():
        raise Refusal(_not_a_number(value))
    return number


def _not_a_number(value: Decimal | str | float) -> str:
    return t('reading "{value}" is not a number: enter the value', value=shown(str(value)))


INSPECTABLE = frozenset(
    {
        Status.IN_PROCESS,
        Status.NONCONFORMING,
        Status.COMPLETED,
        Status.RELEASED,
        Status.PACKED,
        Status.RETURNED,
    }
)


@use_case(Permission.INSPECTION_RECORD)
def record_inspection(
    uow: UnitOfWork,
    scan: str,
    characteristic: str,
    value: Decimal | str,
    *,
    event_id: uuid.UUID | None = None,
) -> InspectionResultView:
    """A QC reading against the product's plan; out of tolerance opens an NCR (not a refusal)."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        return _result_view(uow.session, earlier)
    kinds = (ItemKind.UNIT, ItemKind.PRODUCTION_LOT)
    item = require_item(uow.session, scan, kinds, "unit or production lot")
    if item.status not in INSPECTABLE:
        raise Refusal(
            t(
                'scan "{scan}": {item} is {status}: it is not inspected any more',
                scan=shown(scan),
                item=label(item),
                status=item.status.words,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    plan = _plan(uow.session, item, characteristic)
    reading = _number(value)
    limits = _limits(plan)
    verdict = check_value(reading, limits, plan.characteristic)
    words = verdict_words(verdict)
    data = {"plan": plan.id, "value": str(reading), "unit": plan.unit, "message": str(words)}
    data["message_text"] = stored(words)  # the same words as a template, for other languages
    data["verdict"] = verdict.code
    data["status_before"] = item.status
    outcome = Outcome.OK if verdict.ok else Outcome.OUT_OF_TOLERANCE
    event = records.record_event(
        uow, EventKind.INSPECTION, item=item, event_id=event_id, outcome=outcome, data=data
    )
    row = InspectionResult(
        plan_id=plan.id,
        item_id=item.id,
        event_id=event.id,
        value=reading,
        passed=verdict.ok,
        user_id=user_id(uow),
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("inspection.result", "inspection_result", row.id, new=data | {"passed": verdict.ok})
    if not verdict.ok:
        open_ncr_on(uow, item, f"{label(item)}: {words}", event)
    return _result_view(uow.session, event)


def _result_view(session: Session, event: Event) -> InspectionResultView:
    row = session.scalars(
        select(InspectionResult).where(InspectionResult.event_id == event.id)
    ).one()
    plan = session.get(InspectionPlan, row.plan_id)
    item = session.get(Item, row.item_id)
    found = session.scalars(
        select(Nonconformance.number).where(Nonconformance.event_id == event.id)
    ).first()
    assert plan is not None and item is not None and row.value is not None
    return InspectionResultView(
        row.id,
        label(item),
        plan.characteristic,
        row.value,
        plan.unit,
        row.passed,
        restored(event.data.get("message_text"), str(event.data.get("message", ""))),
        found,
        event.id,
    )


__all__ = [
    "InspectionPlanView",
    "InspectionResultView",
    "inspection_plans",
    "record_inspection",
]
