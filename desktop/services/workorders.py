"""Work orders: create, release (which makes the production lot), and commission serials.

Commissioning is a bulk operation (goal: 100,000 serials in a few seconds on either database):
the unit rows go in with one executemany per batch of ``BATCH`` serials, and each batch gets
ONE ``commission`` event (serial range, count, and for a given list the serials themselves) and
ONE ``serials.commission`` audit entry naming the work order, count, first and last serial,
the event id and the SHA-256 of the batch's serial list. The audit trail thus stays meaningful
(which serials, by whom, when, under which event) without 100,000 hash computations over
per-row JSON; a unit's commissioning event is found by its work order and serial range.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, insert, or_, select
from sqlalchemy.exc import IntegrityError

from db.models import Item, Product, WorkOrder
from db.types import utcnow
from desktop.domain.canonical import sha256_hex
from desktop.domain.permissions import Permission
from desktop.domain.text import Text, t
from desktop.domain.udi import CSET82
from desktop.services import records
from desktop.services.errors import NotFound, Refusal
from desktop.services.lookup import shown
from desktop.services.uow import UnitOfWork
from desktop.services.usecase import use_case

BATCH = 10_000
"""Serials per insert batch, commissioning event and audit entry."""
DEFAULT_PREFIX = "SN-"
SERIAL_DIGITS = 6
MAX_SERIAL = 20  # GS1 AI (21): up to 20 characters of character set 82
MAX_LOT = 20  # GS1 AI (10)


@dataclass(frozen=True)
class WorkOrderView:
    id: int
    number: str
    product_gtin: str
    product_name: str
    tracking: str  # "serial" | "lot"
    quantity: int
    status: str  # created | released | completed
    lot: str | None
    production_lot_id: int | None
    released_at: datetime | None
    expiry: date | None
    serials_commissioned: int


@dataclass(frozen=True)
class CommissionResult:
    work_order: str
    lot: str
    count: int
    first_serial: str
    last_serial: str
    event_ids: tuple[str, ...]  # one commissioning event per batch


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

#: A work order's status in words.
WO_STATUS_WORDS: dict[str, Text] = {
    "created": t("created"),
    "released": t("released"),
    "completed": t("completed"),
    "closed": t("closed"),
    "cancelled": t("cancelled"),
}


def _status(status: str) -> Text:
    return WO_STATUS_WORDS.get(status) or t("{status}", status=status)


# ---------------------------------------------------------------- reading


def _work_order(uow: UnitOfWork, number: str, *, lock: bool = False) -> WorkOrder:
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


def _production_lot(uow: UnitOfWork, wo: WorkOrder) -> Item | None:
    stmt = select(Item).where(Item.work_order_id == wo.id, Item.kind == "production_lot")
    return uow.session.scalars(stmt.order_by(Item.id).limit(1)).first()


def _units_count(uow: UnitOfWork, wo: WorkOrder) -> int:
    stmt = select(func.count(Item.id)).where(Item.work_order_id == wo.id, Item.kind == "unit")
    return int(uow.session.scalar(stmt) or 0)


def _view(uow: UnitOfWork, wo: WorkOrder) -> WorkOrderView:
    product = uow.session.get(Product, wo.product_id)
    assert product is not None
    lot = _production_lot(uow, wo)
    return WorkOrderView(
        wo.id,
        wo.number,
        product.gtin,
        product.name,
        product.tracking,
        wo.quantity,
        wo.status,
        wo.lot,
        lot.id if lot else None,
        wo.released_at,
        lot.expiry if lot else None,
        _units_count(uow, wo),
    )


@use_case(Permission.TRACE_VIEW, read_only=True)
def work_order(uow: UnitOfWork, number: str) -> WorkOrderView:
    """One work order as it stands."""
    return _view(uow, _work_order(uow, number))


# ---------------------------------------------------------------- create and release


def _product(uow: UnitOfWork, given: str) -> Product:
    text = given.strip()
    stmt = select(Product).where(or_(Product.gtin == text, Product.name == text))
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


def _check_code(value: str, what: str, limit: int) -> None:
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
    uow: UnitOfWork, number: str, product: str, quantity: int, lot: str | None = None
) -> WorkOrderView:
    """A new work order (status created) for ``quantity`` of ``product`` (GTIN or name)."""
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
        _check_code(lot, "lot", MAX_LOT)
    prod = _product(uow, product)
    wo = WorkOrder(number=number, product_id=prod.id, quantity=quantity, status="created", lot=lot)
    uow.session.add(wo)
    uow.session.flush()
    new = {"number": number, "product": prod.gtin, "quantity": quantity, "lot": lot}
    uow.audit("work_order.create", "work_order", wo.id, new=new)
    return _view(uow, wo)


def _lot_taken(uow: UnitOfWork, gtin: str, lot: str) -> bool:
    stmt = select(Item.id).where(Item.gtin == gtin, Item.lot == lot, Item.serial.is_(None))
    return uow.session.scalars(stmt.limit(1)).first() is not None


def _new_lot(uow: UnitOfWork, day: date) -> str:
    """Lot "L" + yymmdd + a two-digit sequence of the day: L26112501, L26112502, ...

    The sequence runs over the whole plant, not per product, so that a generated lot number
    typed at a station names one lot (GS1 only needs it unique per GTIN)."""
    stem = f"L{day:%y%m%d}"
    taken = uow.session.scalar(
        select(func.count(Item.id)).where(Item.kind == "production_lot", Item.lot.startswith(stem))
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
    wo = _work_order(uow, number, lock=True)
    if wo.status != "created":
        raise Refusal(
            t(
                "work order {number} is {status} already: it is released only once",
                number=wo.number,
                status=_status(wo.status),
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
    if _lot_taken(uow, product.gtin, lot):
        raise Refusal(
            t(
                "lot {lot} of {product} exists already: give the work order another",
                lot=lot,
                product=product.name,
            )
        )
    expiry = made + timedelta(days=product.shelf_life_days) if product.shelf_life_days else None
    item = Item(
        kind="production_lot",
        product_id=product.id,
        work_order_id=wo.id,
        gtin=product.gtin,
        lot=lot,
        production_date=made,
        expiry=expiry,
        status="in_process",
        quantity=Decimal(wo.quantity),
        quantity_available=Decimal(wo.quantity),
        current_step=0,
    )
    uow.session.add(item)
    uow.session.flush()
    wo.status, wo.lot, wo.released_at = "released", lot, utcnow()
    event = records.record_event(
        uow, "wo_release", item=item, data={"work_order": wo.number, "lot": lot}
    )
    uow.audit(
        "work_order.release",
        "work_order",
        wo.id,
        old={"status": "created"},
        new={"status": "released", "lot": lot, "expiry": expiry, "event": event.id},
    )
    return _view(uow, wo)


# ---------------------------------------------------------------- serials


def _next_number(uow: UnitOfWork, gtin: str, prefix: str) -> int:
    """One past the highest all-digit serial ``prefix<digits>`` of this GTIN (1 if none)."""
    stmt = (
        select(Item.serial)
        .where(Item.gtin == gtin, Item.serial.startswith(prefix, autoescape=True))
        .order_by(func.length(Item.serial).desc(), Item.serial.desc())
        .limit(50)
    )
    for serial in uow.session.scalars(stmt):
        tail = (serial or "")[len(prefix) :]
        if tail.isdigit():
            return int(tail) + 1
    return 1


def _generated(uow: UnitOfWork, gtin: str, prefix: str, count: int) -> list[str]:
    _check_code(prefix + "0" * SERIAL_DIGITS, "serial prefix + number", MAX_SERIAL)
    start = _next_number(uow, gtin, prefix)
    width = max(SERIAL_DIGITS, len(str(start + count - 1)))
    if len(prefix) + width > MAX_SERIAL:
        raise Refusal(
            t(
                'serial prefix "{prefix}" leaves no room for {width} digits',
                prefix=shown(prefix),
                width=width,
            )
        )
    return [f"{prefix}{n:0{width}d}" for n in range(start, start + count)]


def _given(uow: UnitOfWork, gtin: str, serials: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    for serial in serials:
        _check_code(serial, "serial", MAX_SERIAL)
        if serial in seen:
            raise Refusal(
                t('serial "{serial}" is given twice: serials are unique', serial=shown(serial))
            )
        seen.add(serial)
    given = list(serials)
    for i in range(0, len(given), 500):
        chunk = given[i : i + 500]
        stmt = select(Item.serial).where(Item.gtin == gtin, Item.serial.in_(chunk)).limit(1)
        taken = uow.session.scalars(stmt).first()
        if taken:
            raise Refusal(
                t(
                    'serial "{serial}" is already used for GTIN {gtin}',
                    serial=shown(taken),
                    gtin=gtin,
                )
            )
    return given


def _check_commissionable(uow: UnitOfWork, wo: WorkOrder, product: Product, count: int) -> Item:
    if wo.status != "released":
        raise Refusal(
            t(
                "work order {number} is {status}: release it before commissioning",
                number=wo.number,
                status=_status(wo.status),
            )
        )
    if product.tracking != "serial":
        raise Refusal(
            t(
                "{product} is lot-controlled: its production lot goes through the route, "
                "it takes no serial numbers",
                product=product.name,
            )
        )
    lot = _production_lot(uow, wo)
    assert lot is not None, "a released work order has its production lot"
    done = _units_count(uow, wo)
    if count < 1 or done + count > wo.quantity:
        raise Refusal(
            t(
                "work order {number} is for {quantity} units and has {done} serials: "
                "{count} more cannot be commissioned",
                number=wo.number,
                quantity=wo.quantity,
                done=done,
                count=count,
            ),
            entity="work_order",
            entity_id=str(wo.id),
        )
    return lot


def _insert_batch(
    uow: UnitOfWork, wo: WorkOrder, lot: Item, serials: list[str], listed: bool
) -> str:
    """Insert one batch of units with its commissioning event and its audit entry."""
    rows = [
        {
            "kind": "unit",
            "product_id": wo.product_id,
            "work_order_id": wo.id,
            "gtin": lot.gtin,
            "lot": lot.lot,
            "serial": serial,
            "production_date": lot.production_date,
            "expiry": lot.expiry,
            "status": "in_process",
            "quantity": Decimal(1),
            "quantity_available": Decimal(1),
            "unit": "ea",
            "current_step": 0,
        }
        for serial in serials
    ]
    digest = sha256_hex("\n".join(serials))
    data: dict[str, object] = {
        "work_order": wo.number,
        "lot": lot.lot,
        "count": len(serials),
        "first": serials[0],
        "last": serials[-1],
        "serials_sha256": digest,
    }
    if listed:
        data["serials"] = serials
    event = records.record_event(uow, "commission", item=lot, data=data)
    try:
        uow.session.execute(insert(Item), rows)
    except IntegrityError:
        raise Refusal(
            t(
                "some of serials {first}..{last} are already used for GTIN {gtin}: "
                "give another prefix or list",
                first=serials[0],
                last=serials[-1],
                gtin=lot.gtin,
            ),
            entity="work_order",
            entity_id=str(wo.id),
        ) from None
    summary = {k: data[k] for k in ("count", "first", "last", "serials_sha256")}
    uow.audit("serials.commission", "work_order", wo.id, new=summary | {"event": str(event.id)})
    return str(event.id)


@use_case(Permission.SERIALS_COMMISSION)
def commission_serials(
    uow: UnitOfWork,
    wo_number: str,
    count: int | None = None,
    serials: Sequence[str] | None = None,
    prefix: str | None = None,
) -> CommissionResult:
    """Commission ``count`` new serials (``prefix`` + 6+ digits, continuing the GTIN's highest)
    or exactly the ``serials`` given, as units in process at step 0 of the route."""
    if (count is None) == (serials is None):
        raise Refusal(t("give either a number of serials or the list of serials, not both"))
    wo = _work_order(uow, wo_number, lock=True)
    product = uow.session.get(Product, wo.product_id)
    assert product is not None
    wanted = count if count is not None else len(serials or ())
    lot = _check_commissionable(uow, wo, product, wanted)
    if serials is not None:
        chosen = _given(uow, product.gtin, serials)
    else:
        chosen = _generated(uow, product.gtin, prefix or DEFAULT_PREFIX, wanted)
    events = tuple(
        _insert_batch(uow, wo, lot, chosen[i : i + BATCH], serials is not None)
        for i in range(0, len(chosen), BATCH)
    )
    assert lot.lot is not None
    return CommissionResult(wo.number, lot.lot, len(chosen), chosen[0], chosen[-1], events)


__all__ = [
    "BATCH",
    "CommissionResult",
    "WorkOrderView",
    "commission_serials",
    "create_work_order",
    "release_work_order",
    "work_order",
]
