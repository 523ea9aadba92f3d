"""Where a unit (or a lot-controlled production lot) is in its route, and the order rule.

``items.current_step`` counts the steps passed: the next step is the route step whose position
is ``current_step + 1``. Steps are done in order; a passed step is not repeated unless a rework
decision moved ``current_step`` back (quality.disposition_ncr with rework).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Event, Item, Product, RouteStep
from desktop.domain.states import Status
from desktop.domain.steps import Limits, StepKind, limits_of
from desktop.domain.text import t
from desktop.services.core.errors import Refusal
from desktop.services.core.records import label, set_status
from desktop.services.core.uow import UnitOfWork


@dataclass(frozen=True)
class StepView:
    id: int
    position: int
    kind: StepKind
    name: str
    instruction: str
    parameters: dict[str, object]


def _view(step: RouteStep) -> StepView:
    return StepView(
        step.id, step.position, step.kind, step.name, step.instruction, dict(step.parameters)
    )


#: Key of the session's cache of routes read in the current unit of work (``session.info``).
_ROUTES = "lotline.routes"
_PRODUCTS = "lotline.products"


def route_steps(session: Session, item: Item) -> list[RouteStep]:
    """The steps of the item's route, in order.

    One scan asks for the route several times (the step to do, the BOM it consumes, whether the
    last step is passed): the steps are read once per unit of work and held in the session with
    the route they belong to (a route assigned to the product in the same transaction is read
    afresh)."""
    product = product_of(session, item)
    if product is None or product.route_id is None:
        raise Refusal(t("{item} has no route: ask a supervisor to assign one", item=label(item)))
    routes: dict[int, list[RouteStep]] = session.info.setdefault(_ROUTES, {})
    held = routes.get(product.id)
    if held and held[0].route_id == product.route_id:
        return list(held)
    stmt = select(RouteStep).where(RouteStep.route_id == product.route_id)
    steps = list(session.scalars(stmt.order_by(RouteStep.position)))
    routes[product.id] = steps
    return list(steps)


def product_of(session: Session, item: Item) -> Product | None:
    """The item's product, read once per unit of work (held in the session: its identity map
    alone forgets an object nobody holds, and reads it again at the next ``get``)."""
    if item.product_id is None:
        return None
    products: dict[int, Product] = session.info.setdefault(_PRODUCTS, {})
    product = products.get(item.product_id) or session.get(Product, item.product_id)
    if product is not None:
        products[product.id] = product
    return product


def step_limits(step: RouteStep) -> Limits:
    """The specification limits a weighing or measuring step holds readings to; a route whose
    step has none (or broken ones) is refused, for an administrator to fix."""
    try:
        return limits_of(step.parameters, step.name)
    except (KeyError, ValueError):
        raise Refusal(
            t(
                'step "{name}" has no valid limits: ask an administrator to fix the route',
                name=step.name,
            )
        ) from None


def next_step(session: Session, item: Item) -> RouteStep | None:
    """The step to do next, or None when every step is passed."""
    for step in route_steps(session, item):
        if step.position == item.current_step + 1:
            return step
    return None


def require_step(session: Session, item: Item, kind: StepKind) -> RouteStep:
    """The next step, which must be of ``kind``; otherwise a refusal naming the right step."""
    if item.status is not Status.IN_PROCESS:
        raise Refusal(
            t(
                "{item} is {status}: it takes no production steps now",
                item=label(item),
                status=item.status.words,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    step = next_step(session, item)
    if step is None:
        raise Refusal(
            t("{item} has passed every step of its route", item=label(item)), entity="item"
        )
    if step.kind != kind:
        wanted = kind.words
        raise Refusal(
            t(
                '{item} is at step {position} "{name}"; the {wanted} step cannot '
                "be done now: do step {position} first",
                item=label(item),
                position=step.position,
                name=step.name,
                wanted=wanted,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    return step


def pass_step_in(uow: UnitOfWork, item: Item, step: RouteStep, event: Event) -> None:
    """Mark ``step`` passed for ``item``; the last step completes it."""
    if step.position != item.current_step + 1:
        raise Refusal(
            t(
                '{item} is not at step {position} "{name}"',
                item=label(item),
                position=step.position,
                name=step.name,
            )
        )
    old = item.current_step
    item.current_step = step.position
    uow.audit(
        "item.step",
        "item",
        item.id,
        old={"current_step": old},
        new={"current_step": step.position, "event": event.id},
    )
    if next_step(uow.session, item) is None and item.status == Status.IN_PROCESS:
        set_status(uow, item, Status.COMPLETED, reason="all route steps passed")


def progress(session: Session, item: Item) -> tuple[list[StepView], StepView | None]:
    steps = route_steps(session, item)
    nxt = next_step(session, item)
    return [_view(s) for s in steps], (_view(nxt) if nxt else None)
