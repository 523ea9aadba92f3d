"""The numeric results of a product's route step, oldest first: what SPC charts and judges."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.models import Event, Item, Product, Route, RouteStep
from desktop.domain.events import EventKind
from desktop.domain.steps import Limits, StepKind
from desktop.domain.text import t
from desktop.services.core.errors import NotFound
from desktop.services.core.records import label
from desktop.services.core.routing import step_limits

#: Step kinds whose result is a number.
NUMERIC_STEPS = frozenset({StepKind.WEIGH, StepKind.INSPECT})
_KINDS = (EventKind.WEIGH, EventKind.INSPECT)


@dataclass(frozen=True)
class Reading:
    event_id: uuid.UUID
    value: float
    item_id: int
    item: str  # "unit SN-000001"
    at: datetime


def product_of(session: Session, text: str) -> Product:
    """The product a person named by GTIN, MA DI or name."""
    wanted = (text or "").strip()
    found = session.scalars(
        select(Product).where(
            or_(
                Product.gtin == wanted,
                Product.ma_di == wanted,
                func.lower(Product.name) == wanted.lower(),
            )
        )
    ).first()
    if found is None:
        raise NotFound(
            t(
                'product "{product}" is not known: give its GTIN or its name as master data has it',
                product=wanted,
            )
        )
    return found


def step_of(session: Session, product: Product, text: str) -> RouteStep:
    """The numeric step of ``product``'s route a person named by position or name."""
    wanted = (text or "").strip()
    steps = list(
        session.scalars(
            select(RouteStep)
            .where(RouteStep.route_id == product.route_id)
            .order_by(RouteStep.position)
        )
    )
    chosen = [s for s in steps if str(s.position) == wanted or s.name.lower() == wanted.lower()]
    numeric = [f"{s.position} {s.name}" for s in steps if s.kind in NUMERIC_STEPS]
    route = session.get(Route, product.route_id) if product.route_id else None
    if not chosen or chosen[0].kind not in NUMERIC_STEPS:
        raise NotFound(
            t(
                'step "{step}" is not a weighing or measuring step of {product} '
                "(route {route}): give one of {steps}",
                step=wanted,
                product=product.name,
                route=route.name if route else "-",
                steps=", ".join(numeric) or "-",
            )
        )
    return chosen[0]


def spec_of(step: RouteStep) -> Limits:
    """The step's specification limits (the same rule as the step itself)."""
    return step_limits(step)


def _value(event: Event) -> float | None:
    try:
        return float(Decimal(str(event.data.get("value"))))
    except (InvalidOperation, ValueError, TypeError):
        return None


def readings(
    session: Session, product: Product, step: RouteStep, *, last: int | None = None
) -> list[Reading]:
    """The step's readings of ``product``'s units and lots, oldest first (the ``last`` ones)."""
    stmt = (
        select(Event, Item)
        .join(Item, Item.id == Event.item_id)
        .where(Event.step_id == step.id, Event.kind.in_(_KINDS), Item.product_id == product.id)
        .order_by(Event.db_time.desc(), Event.station_time.desc())
    )
    if last is not None:
        stmt = stmt.limit(last)
    rows = [(row[0], row[1]) for row in session.execute(stmt)]
    rows.reverse()
    found = []
    for event, item in rows:
        value = _value(event)
        if value is not None:
            found.append(Reading(event.id, value, item.id, label(item), event.db_time))
    return found


__all__ = ["NUMERIC_STEPS", "Reading", "product_of", "readings", "spec_of", "step_of"]
