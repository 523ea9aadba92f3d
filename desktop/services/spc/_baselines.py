"""Baselines: QC freezes the control limits of a product's numeric step from its readings,
signed "Control limits approved"; the new baseline supersedes the one before."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Event, Item, Product, RouteStep, Signature, SpcBaseline
from db.types import utcnow
from desktop.domain.permissions import Meaning, Permission
from desktop.domain.spc import MIN_BASELINE, ChartKind, individuals_baseline
from desktop.domain.text import t
from desktop.services.core.context import LoginSession
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.identity import SignatureInfo, describe, sign_in
from desktop.services.spc._readings import (
    NUMERIC_STEPS,
    product_of,
    readings,
    spec_of,
    step_of,
)

#: Readings a baseline takes when QC does not say how many (the latest ones).
DEFAULT_SAMPLES = 25


@dataclass(frozen=True)
class BaselineView:
    id: int
    product: str
    step: str  # "4 Weigh assembled pump"
    chart: ChartKind
    samples: int
    centre: Decimal
    lower: Decimal
    upper: Decimal
    sigma: Decimal
    range_centre: Decimal
    range_upper: Decimal
    spec_lower: Decimal
    spec_upper: Decimal
    unit: str
    frozen_at: datetime
    signature: SignatureInfo | None
    superseded: bool
    event_ids: tuple[uuid.UUID, ...]


def step_words(step: RouteStep) -> str:
    return f"{step.position} {step.name}"


def baseline_view(session: Session, row: SpcBaseline) -> BaselineView:
    product = session.get_one(Product, row.product_id)
    step = session.get_one(RouteStep, row.step_id)
    signed = session.get(Signature, row.signature_id) if row.signature_id else None
    sig = describe(session, signed) if signed is not None else None
    return BaselineView(
        row.id,
        product.name,
        step_words(step),
        row.chart,
        row.samples,
        row.centre,
        row.lower,
        row.upper,
        row.sigma,
        row.range_centre,
        row.range_upper,
        row.spec_lower,
        row.spec_upper,
        row.unit,
        row.frozen_at,
        sig,
        row.superseded_by is not None,
        tuple(uuid.UUID(e) for e in row.event_ids),
    )


def active_baseline(session: Session, product_id: int, step_id: int) -> SpcBaseline | None:
    """The baseline in force for the product's step (frozen, not superseded), or None."""
    return session.scalars(
        select(SpcBaseline)
        .where(
            SpcBaseline.product_id == product_id,
            SpcBaseline.step_id == step_id,
            SpcBaseline.superseded_by.is_(None),
        )
        .order_by(SpcBaseline.id.desc())
    ).first()


def baseline_in_force(session: Session, product_id: int, step_id: int) -> BaselineView | None:
    """The baseline in force for the product's step, as shown, or None."""
    row = active_baseline(session, product_id, step_id)
    return baseline_view(session, row) if row is not None else None


def _figure(value: float) -> Decimal:
    return Decimal(f"{value:.6f}")


@use_case(Permission.SPC_BASELINE_FREEZE)
def freeze_baseline(
    uow: UnitOfWork,
    login: LoginSession,
    product: str,
    step: str,
    password: str,
    *,
    samples: int = DEFAULT_SAMPLES,
    username: str | None = None,
    reason: str | None = None,
) -> BaselineView:
    """Compute individuals / moving-range limits from the step's latest ``samples`` readings and
    freeze them, signed "Control limits approved"; the baseline in force is superseded."""
    session = uow.session
    made = product_of(session, product)
    chosen = step_of(session, made, step)
    spec = spec_of(chosen)
    taken = readings(session, made, chosen, last=max(samples, 0))
    if len(taken) < MIN_BASELINE:
        raise Refusal(
            t(
                'step "{step}" of {product} has {count} reading(s): a baseline needs at least '
                "{least}; record more units at that step, then freeze",
                step=step_words(chosen),
                product=made.name,
                count=len(taken),
                least=MIN_BASELINE,
            ),
            entity="route_step",
            entity_id=str(chosen.id),
        )
    limits = individuals_baseline([r.value for r in taken])
    if limits.sigma_within <= 0:
        raise Refusal(
            t(
                'the {count} readings of step "{step}" of {product} do not vary: control limits '
                "need some variation; check the instrument's resolution",
                count=len(taken),
                step=step_words(chosen),
                product=made.name,
            )
        )
    before = active_baseline(session, made.id, chosen.id)
    row = SpcBaseline(
        product_id=made.id,
        step_id=chosen.id,
        chart=ChartKind.INDIVIDUALS,
        subgroup=1,
        samples=len(taken),
        event_ids=[str(r.event_id) for r in taken],
        centre=_figure(limits.location.centre),
        lower=_figure(limits.location.lower),
        upper=_figure(limits.location.upper),
        sigma=_figure(limits.location.sigma),
        range_centre=_figure(limits.dispersion.centre),
        range_upper=_figure(limits.dispersion.upper),
        spec_lower=spec.lower,
        spec_upper=spec.upper,
        unit=spec.unit,
        frozen_by=uow.actor.user_id,
    )
    session.add(row)
    session.flush()
    events = list(session.scalars(select(Event).where(Event.id.in_([r.event_id for r in taken]))))
    why = (reason or "").strip() or None
    sig = sign_in(
        uow,
        login,
        row,
        Meaning.LIMITS_APPROVED,
        password,
        username=username,
        reason=why,
        covers=events,
    )
    row.signature_id = sig.id
    if before is not None:
        before.superseded_by, before.superseded_at = row.id, utcnow()
        uow.audit(
            "spc.baseline_supersede",
            "spc_baseline",
            before.id,
            old={"superseded_by": None},
            new={"superseded_by": row.id},
        )
    uow.audit(
        "spc.baseline_freeze",
        "spc_baseline",
        row.id,
        new={
            "product": made.name,
            "step": step_words(chosen),
            "samples": row.samples,
            "centre": row.centre,
            "lower": row.lower,
            "upper": row.upper,
            "signature": sig.id,
        },
        reason=why,
    )
    return baseline_view(session, row)


@use_case(Permission.TRACE_VIEW, read_only=True)
def baselines(uow: UnitOfWork, product: str, step: str) -> list[BaselineView]:
    """Every baseline frozen for the product's step, newest first."""
    made = product_of(uow.session, product)
    chosen = step_of(uow.session, made, step)
    rows = uow.session.scalars(
        select(SpcBaseline)
        .where(SpcBaseline.product_id == made.id, SpcBaseline.step_id == chosen.id)
        .order_by(SpcBaseline.id.desc())
    )
    return [baseline_view(uow.session, r) for r in rows]


@dataclass(frozen=True)
class NumericStep:
    """A weighing or measuring step of a product's route, with the baseline in force."""

    product_key: str  # GTIN or MA DI: what names the product in a command
    product: str
    position: int
    step: str  # "4 Weigh assembled pump"
    spec: str  # "2380–2420 g"
    readings: int
    baseline: BaselineView | None


@use_case(Permission.TRACE_VIEW, read_only=True)
def numeric_steps(uow: UnitOfWork) -> list[NumericStep]:
    """Every weighing or measuring step of the active products' routes, with its baseline."""
    session = uow.session
    found = []
    products = session.scalars(
        select(Product).where(Product.active.is_(True), Product.route_id.is_not(None))
    )
    for product in products.all():
        steps = session.scalars(
            select(RouteStep)
            .where(RouteStep.route_id == product.route_id, RouteStep.kind.in_(NUMERIC_STEPS))
            .order_by(RouteStep.position)
        )
        for step in steps.all():
            counted = session.scalar(
                select(func.count(Event.id))
                .join(Item, Item.id == Event.item_id)
                .where(Event.step_id == step.id, Item.product_id == product.id)
            )
            base = active_baseline(session, product.id, step.id)
            found.append(
                NumericStep(
                    product.gtin or product.ma_di or product.name,
                    product.name,
                    step.position,
                    step_words(step),
                    spec_of(step).text(),
                    int(counted or 0),
                    baseline_view(session, base) if base is not None else None,
                )
            )
    return found


__all__ = [
    "DEFAULT_SAMPLES",
    "BaselineView",
    "NumericStep",
    "active_baseline",
    "baseline_in_force",
    "baseline_view",
    "baselines",
    "freeze_baseline",
    "numeric_steps",
    "step_words",
]
