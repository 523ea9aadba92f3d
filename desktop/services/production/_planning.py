"""Planning: the open work orders with their progress per route step, and closing a work order
with its reconciliation (built, scrapped, still open)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from db.models import Item, Product, Route, RouteStep, WorkOrder
from db.types import utcnow
from desktop.domain.permissions import Permission
from desktop.domain.plant import Tracking
from desktop.domain.states import ItemKind, Status, WorkOrderStatus
from desktop.domain.text import t
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.production._step import quoted
from desktop.services.production._workorders import find_work_order, status_words

#: Item states that count as built (every step passed, and what may follow).
BUILT = (
    Status.COMPLETED,
    Status.PACKED,
    Status.SHIPPED,
    Status.INSTALLED,
    Status.RETURNED,
    Status.RELEASED,
)
SCRAPPED = (Status.SCRAPPED, Status.DISPOSED)
OPEN_STATES = (WorkOrderStatus.CREATED, WorkOrderStatus.RELEASED, WorkOrderStatus.COMPLETED)


@dataclass(frozen=True)
class StepProgress:
    position: int
    name: str
    passed: int  # units (or the lot's quantity) past this step


@dataclass(frozen=True)
class Reconciliation:
    quantity: int  # ordered
    commissioned: int  # units made (serials) or the lot's quantity
    built: int
    scrapped: int
    open: int  # commissioned, neither built nor scrapped


@dataclass(frozen=True)
class PlannedOrder:
    number: str
    product: str
    gtin: str
    route: str  # "PUMP-ASSY v1"
    quantity: int
    due_on: date | None
    status: WorkOrderStatus
    lot: str | None
    tracking: str
    steps: tuple[StepProgress, ...]
    counts: Reconciliation


def _units(uow: UnitOfWork, wo: WorkOrder, product: Product) -> list[tuple[str, int, int]]:
    """(status, current_step, quantity) of what goes through the route: each serialised unit,
    or the production lot of a lot-controlled product."""
    kind = ItemKind.UNIT if product.tracking == Tracking.SERIAL else ItemKind.PRODUCTION_LOT
    stmt = (
        select(Item.status, Item.current_step, func.count(Item.id), func.sum(Item.quantity))
        .where(Item.work_order_id == wo.id, Item.kind == kind)
        .group_by(Item.status, Item.current_step)
    )
    out = []
    for status, step, count, quantity in uow.session.execute(stmt):
        n = int(count) if kind == ItemKind.UNIT else int(quantity or 0)
        out.append((str(status), int(step or 0), n))
    return out


def _planned(uow: UnitOfWork, wo: WorkOrder) -> PlannedOrder:
    product = uow.session.get(Product, wo.product_id)
    assert product is not None
    route = uow.session.get(Route, product.route_id) if product.route_id else None
    steps = (
        list(
            uow.session.scalars(
                select(RouteStep).where(RouteStep.route_id == route.id).order_by(RouteStep.position)
            )
        )
        if route
        else []
    )
    groups = _units(uow, wo, product)
    progress = tuple(
        StepProgress(s.position, s.name, sum(n for _, at, n in groups if at >= s.position))
        for s in steps
    )
    built = sum(n for st, _, n in groups if st in BUILT)
    scrapped = sum(n for st, _, n in groups if st in SCRAPPED)
    made = sum(n for _, _, n in groups)
    counts = Reconciliation(wo.quantity, made, built, scrapped, made - built - scrapped)
    return PlannedOrder(
        wo.number,
        product.name,
        product.di,
        f"{route.name} v{route.version}" if route else "-",
        wo.quantity,
        wo.due_on,
        WorkOrderStatus(wo.status),
        wo.lot,
        product.tracking,
        progress,
        counts,
    )


@dataclass(frozen=True)
class PlannableProduct:
    gtin: str
    name: str
    route: str  # the released route version, "PUMP-ASSY v1"
    tracking: str


@use_case(None, read_only=True)
def plannable_products(uow: UnitOfWork) -> list[PlannableProduct]:
    """Active products with a released route: what a work order may be created for."""
    stmt = (
        select(Product, Route)
        .join(Route, Route.id == Product.route_id)
        .where(Product.active.is_(True))
        .order_by(Product.name)
    )
    return [
        PlannableProduct(p.di, p.name, f"{r.name} v{r.version}", p.tracking)
        for p, r in uow.session.execute(stmt)
    ]


@use_case(None, read_only=True)
def open_work_orders(uow: UnitOfWork) -> list[PlannedOrder]:
    """Every work order not closed or cancelled, due first, with its progress per step."""
    stmt = (
        select(WorkOrder)
        .where(WorkOrder.status.in_([s.value for s in OPEN_STATES]))
        .order_by(WorkOrder.due_on.is_(None), WorkOrder.due_on, WorkOrder.number)
    )
    return [_planned(uow, wo) for wo in uow.session.scalars(stmt)]


@use_case(Permission.TRACE_VIEW, read_only=True)
def planned_order(uow: UnitOfWork, number: str) -> PlannedOrder:
    """One work order with its progress and reconciliation."""
    return _planned(uow, find_work_order(uow, number))


@use_case(Permission.WORK_ORDER_MANAGE)
def close_work_order(uow: UnitOfWork, number: str, reason: str = "") -> Reconciliation:
    """Close a released work order with its reconciliation: built, scrapped and still open.
    Units still open, or fewer made than ordered, need a reason (short close)."""
    wo = find_work_order(uow, number, lock=True)
    if wo.status not in (WorkOrderStatus.RELEASED, WorkOrderStatus.COMPLETED):
        raise Refusal(
            t(
                "work order {number} is {status}: only a released work order is closed",
                number=wo.number,
                status=status_words(wo.status),
            ),
            entity="work_order",
            entity_id=str(wo.id),
        )
    counts = _planned(uow, wo).counts
    short = counts.open > 0 or counts.built + counts.scrapped < counts.quantity
    if short and not reason.strip():
        raise Refusal(
            t(
                "work order {number}: {built} built, {scrapped} scrapped, {open} still open "
                "of {quantity} ordered; closing it short needs a reason",
                number=wo.number,
                built=counts.built,
                scrapped=counts.scrapped,
                open=counts.open,
                quantity=counts.quantity,
            ),
            entity="work_order",
            entity_id=str(wo.id),
        )
    old = wo.status
    wo.status, wo.completed_at = WorkOrderStatus.CLOSED, utcnow()
    uow.session.flush()
    uow.audit(
        "work_order.close",
        "work_order",
        wo.id,
        old={"status": old},
        new={
            "status": WorkOrderStatus.CLOSED.value,
            "ordered": counts.quantity,
            "commissioned": counts.commissioned,
            "built": counts.built,
            "scrapped": counts.scrapped,
            "open": counts.open,
        },
        reason=reason.strip() or None,
    )
    return counts


def refuse_closed_order(uow: UnitOfWork, unit: Item, scan: str) -> None:
    """A unit (or lot) of a closed or cancelled work order takes no more steps."""
    wo = uow.session.get(WorkOrder, unit.work_order_id) if unit.work_order_id else None
    if wo is not None and wo.status in (WorkOrderStatus.CLOSED, WorkOrderStatus.CANCELLED):
        raise Refusal(
            t(
                "{scan}: work order {number} is {status}: its units take no more steps; "
                "ask planning",
                scan=quoted(scan),
                number=wo.number,
                status=status_words(wo.status),
            ),
            entity="item",
            entity_id=str(unit.id),
        )
