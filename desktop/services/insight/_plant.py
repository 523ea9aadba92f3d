"""The plant's products and route steps as the panels name them, read once per request: a
step's name with its product, each route's last step, the steps of each route."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Product, RouteStep, WorkOrder
from desktop.domain.steps import StepKind


@dataclass(frozen=True)
class Step:
    id: int
    route_id: int
    position: int
    name: str
    kind: StepKind


@dataclass(frozen=True)
class Plant:
    products: dict[int, tuple[str, int | None]]  # id -> (name, route id)
    steps: dict[int, Step]  # id -> step
    routes: dict[int, tuple[Step, ...]]  # route id -> its steps in order

    @classmethod
    def read(cls, session: Session) -> Plant:
        products = {
            pid: (name, route)
            for pid, name, route in session.execute(
                select(Product.id, Product.name, Product.route_id)
            )
        }
        steps = {
            row.id: Step(row.id, row.route_id, row.position, row.name, StepKind(row.kind))
            for row in session.execute(
                select(
                    RouteStep.id,
                    RouteStep.route_id,
                    RouteStep.position,
                    RouteStep.name,
                    RouteStep.kind,
                ).order_by(RouteStep.route_id, RouteStep.position)
            )
        }
        routes: dict[int, list[Step]] = {}
        for step in steps.values():
            routes.setdefault(step.route_id, []).append(step)
        return cls(products, steps, {r: tuple(s) for r, s in routes.items()})

    def route_of(self, product_id: int | None) -> tuple[Step, ...]:
        route = self.products.get(product_id or -1, ("", None))[1]
        return self.routes.get(route, ()) if route is not None else ()

    def product_name(self, product_id: int | None) -> str:
        return self.products.get(product_id or -1, ("?", None))[0]

    def step_words(self, step_id: int) -> str:
        """ "Pump P-100 · 3 Weigh": the step with the product(s) whose route holds it."""
        step = self.steps[step_id]
        names = sorted(n for n, r in self.products.values() if r == step.route_id)
        return f"{', '.join(names) or '?'} · {step.position} {step.name}"

    def last_steps(self) -> set[int]:
        """The id of each route's last step: a passing event there is a unit built."""
        return {steps[-1].id for steps in self.routes.values() if steps}


def lot_words(session: Session, work_order_ids: set[int]) -> dict[int, str]:
    """Work order id -> "lot L (WO-1)" for the panels that name lots."""
    if not work_order_ids:
        return {}
    rows = session.execute(
        select(WorkOrder.id, WorkOrder.number, WorkOrder.lot).where(
            WorkOrder.id.in_(work_order_ids)
        )
    )
    return {wid: f"{lot or '-'} ({number})" for wid, number, lot in rows}
