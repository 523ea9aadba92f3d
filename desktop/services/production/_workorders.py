"""Work orders: create, and release (which makes the production lot). Serials are
commissioned in _serials.py beside it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, or_, select

from db.models import Item, Product, Route, WorkOrder
from db.types import utcnow
from desktop.domain.events import EventKind
from desktop.domain.permissions import Permission
from desktop.domain.states import ItemKind, Status, WorkOrderStatus
from desktop.domain.text import Text, t
from desktop.domain.udi import CSET82
from desktop.domain.vocabulary import words_of
from desktop.services.core import records
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import shown
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case

MAX_LOT = 20  # GS1 AI (10)


@dataclass(frozen=True)
class WorkOrderView:
    id: int
    number: str
    product_gtin: str
    product_name: str
    tracking: str  # "serial" | "lot"
    quantity: int
    status: WorkOrderStatus
    lot: str | None
    production_lot_id: int | None
    released_at: datetime | None
    expiry: date | None
    serials_commissioned: int


def today() -> date:
    """The plant's calendar day (the station's local date)."""
    return date.today()


#: The codes a work order checks, in words (``what`` of _check_code).
CODE_WORDS: dict[str, Text] = {
    "lot": t("lot"),
    "serial": t("serial"),
    "serial prefix + number": t("serial prefix + number"),
}

#: GS1 character set 82 in words (the same English as CSET82_HELP).
CSET82_ALLOWED = t("letters A-Z a-z, digits and {symbols}", symbols="!\"%&'()*+,-./:;<=>?_")


def status_words(status: str) -> Text:
    """A work order's status in words (WorkOrderStatus.words)."""
    return words_of(WorkOrderStatus, status)


# ---------------------------------------------------------------- reading


def find_work_order(uow: UnitOfWork, number: str, *, lock: bool = False) -> WorkOrder:
    stmt = select(WorkOrder).where(WorkOrder.number == number.strip())
    if lock:
        stmt = stmt.with_for_update()
    wo = uow.session.scalars(stmt.execution_options(populate_existing=True)).first()
    if wo is None:
        raise NotFound(
            t(
                'work order "{number}" does not exist: check the number on the traveller',
                number=shown(number),
            ),
            entity="work_order",
            entity_id=number,
        )
    return wo


def production_lot(uow: UnitOfWork, wo: WorkOrder) -> Item | None:
    stmt = select(Item).where(Item.work_order_id == wo.id, Item.kind == ItemKind.PRODUCTION_LOT)
    return uow.session.scalars(stmt.order_by(Item.id).limit(1)).first()


def units_count(uow: UnitOfWork, wo: WorkOrder) -> int:
    stmt = select(func.count(Item.id)).where(
        Item.work_order_id == wo.id, Item.kind == ItemKind.UNIT
    )
    return int(uow.session.scalar(stmt) or 0)


def _view(uow: UnitOfWork, wo: WorkOrder) -> WorkOrderView:
    product = uow.session.get(Product, wo.product_id)
    assert product is not None
    lot = production_lot(uow, wo)
    return WorkOrderView(
        wo.id,
        wo.number,
        product.di,
        product.name,
        product.tracking,
        wo.quantity,
        wo.status,
        wo.lot,
        lot.id if lot else None,
        wo.released_at,
        lot.expiry if lot else None,
        units_count(uow, wo),
    )


@use_case(Permission.TRACE_VIEW, read_only=True)
def work_order(uow: UnitOfWork, number: str) -> WorkOrderView:
    """One work order as it stands."""
    return _view(uow, find_work_order(uow, number))


# ---------------------------------------------------------------- create and release


def _product(uow: UnitOfWork, given: str) -> Product:
    text = given.strip()
    stmt = select(Product).where(
        or_(Product.gtin == text, Product.ma_di == text, Product.name == text)
    )
    found = list(uow.session.scalars(stmt.where(Product.active.is_(True))))
    if len(found) != 1:
        what = t("no active product") if not found else t("{count} products", count=len(found))
        raise NotFound(
            t(
                'product "{product}" matches {what}: give its GTIN or exact name',
                product=shown(given),
                what=what,
            )
        )
    return found[0]


def check_code(value: str, what: str, limit: int) -> None:
    """A lot or serial must be 1..limit characters of GS1 character set 82."""
    if not value or len(value) > limit:
        raise Refusal(
            t(
                '{what} "{value}" must be 1 to {limit} characters long',
                what=CODE_WORDS.get(what) or what,
                value=shown(value),
                limit=limit,
            )
        )
    bad = [c for c in value if c not in CSET82]
    if bad:
        raise Refusal(
            t(
                '{what} "{value}" contains "{bad}": a UDI allows only {allowed}',
                what=CODE_WORDS.get(what) or what,
                value=shown(value),
                bad=shown(bad[0]),
                allowed=CSET82_ALLOWED,
            )
        )


@use_case(Permission.WORK_ORDER_MANAGE)
def create_work_order(
    uow: UnitOfWork,
    number: str,
    product: str,
    quantity: int,
    lot: str | None = None,
    due_on: date | None = None,
) -> WorkOrderView:
    """A new work order (status created) for ``quantity`` of ``product`` (GTIN or name), due
    on ``due_on``; the lot is typed here or generated at release."""
    return create_in(uow, number, product, quantity, lot, due_on)


def create_in(
    uow: UnitOfWork,
    number: str,
    product: str,
    quantity: int,
    lot: str | None = None,
    due_on: date | None = None,
) -> WorkOrderView:
    """``create_work_order`` inside an open unit of work (the CSV import creates many)."""
    number = number.strip()
    if not number or not number.isprintable() or len(number) > 64:
        raise Refusal(
            t(
                'work order number "{number}" must be 1-64 printable characters',
                number=shown(number),
            )
        )
    if uow.session.scalar(select(WorkOrder.id).where(WorkOrder.number == number)):
        raise Refusal(
            t('work order "{number}" exists already: choose another number', number=number)
        )
    if quantity < 1:
        raise Refusal(
            t(
                "work order {number}: quantity {quantity} must be at least 1",
                number=number,
                quantity=quantity,
            )
        )
    if lot is not None:
        check_code(lot, t("lot"), MAX_LOT)
    prod = _product(uow, product)
    if prod.route_id is None:
        raise Refusal(
            t(
                "{product} has no released route: ask an administrator to assign one first",
                product=prod.name,
            )
        )
    wo = WorkOrder(
        number=number,
        product_id=prod.id,
        quantity=quantity,
        status=WorkOrderStatus.CREATED,
        lot=lot,
        due_on=due_on,
    )
    uow.session.add(wo)
    uow.session.flush()
    route = uow.session.get(Route, prod.route_id)
    new = {
        "number": number,
        "product": prod.di,
        "quantity": quantity,
        "lot": lot,
        "due_on": due_on.isoformat() if due_on else None,
        "route": f"{route.name} v{route.version}" if route else None,
    }
    uow.audit("work_order.create", "work_order", wo.id, new=new)
    return _view(uow, wo)


def _lot_taken(uow: UnitOfWork, di: str, lot: str) -> bool:
    stmt = select(Item.id).where(Item.carries_di(di), Item.lot == lot, Item.serial.is_(None))
    return uow.session.scalars(stmt.limit(1)).first() is not None


def _new_lot(uow: UnitOfWork, day: date) -> str:
    """Lot "L" + yymmdd + a two-digit sequence of the day: L26112501, L26112502, ...

    The sequence runs over the whole plant, not per product, so that a generated lot number
    typed at a station names one lot (GS1 only needs it unique per GTIN)."""
    stem = f"L{day:%y%m%d}"
    taken = uow.session.scalar(
        select(func.count(Item.id)).where(
            Item.kind == ItemKind.PRODUCTION_LOT, Item.lot.startswith(stem)
        )
    )
    seq = int(taken or 0) + 1
    while _lot_used(uow, f"{stem}{seq:02d}"):
        seq += 1
    return f"{stem}{seq:02d}"


def _lot_used(uow: UnitOfWork, lot: str) -> bool:
    stmt = select(Item.id).where(Item.lot == lot, Item.serial.is_(None))
    return uow.session.scalars(stmt.limit(1)).first() is not None


@use_case(Permission.WORK_ORDER_MANAGE)
def release_work_order(uow: UnitOfWork, number: str) -> WorkOrderView:
    """Release a created work order to the floor and make its production lot item."""
    wo = find_work_order(uow, number, lock=True)
    if wo.status != WorkOrderStatus.CREATED:
        raise Refusal(
            t(
                "work order {number} is {status} already: it is released only once",
                number=wo.number,
                status=status_words(wo.status),
            ),
            entity="work_order",
            entity_id=str(wo.id),
        )
    product = uow.session.get(Product, wo.product_id)
    assert product is not None
    if product.route_id is None:
        raise Refusal(
            t(
                "{product} has no route: ask an administrator to assign one first",
                product=product.name,
            )
        )
    made = today()
    lot = wo.lot or _new_lot(uow, made)
    if _lot_taken(uow, product.di, lot):
        raise Refusal(
            t(
                "lot {lot} of {product} exists already: give the work order another",
                lot=lot,
                product=product.name,
            )
        )
    expiry = made + timedelta(days=product.shelf_life_days) if product.shelf_life_days else None
    item = Item(
        kind=ItemKind.PRODUCTION_LOT,
        product_id=product.id,
        work_order_id=wo.id,
        **Item.di_columns(product.di),
        lot=lot,
        production_date=made,
        expiry=expiry,
        status=Status.IN_PROCESS,
        quantity=Decimal(wo.quantity),
        quantity_available=Decimal(wo.quantity),
        current_step=0,
    )
    uow.session.add(item)
    uow.session.flush()
    wo.status, wo.lot, wo.released_at = WorkOrderStatus.RELEASED, lot, utcnow()
    event = records.record_event(
        uow, EventKind.WO_RELEASE, item=item, data={"work_order": wo.number, "lot": lot}
    )
    uow.audit(
        "work_order.release",
        "work_order",
        wo.id,
        old={"status": WorkOrderStatus.CREATED},
        new={"status": WorkOrderStatus.RELEASED, "lot": lot, "expiry": expiry, "event": event.id},
    )
    return _view(uow, wo)


__all__ = [
    "WorkOrderView",
    "create_work_order",
    "release_work_order",
    "work_order",
]
