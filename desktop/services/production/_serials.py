"""Commissioning serial numbers for a released work order.

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
from decimal import Decimal

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from db.models import Item, Product, WorkOrder
from desktop.domain.canonical import sha256_hex
from desktop.domain.events import EventKind
from desktop.domain.permissions import Permission
from desktop.domain.plant import DIScheme, Tracking
from desktop.domain.states import ItemKind, Status, WorkOrderStatus
from desktop.domain.text import t
from desktop.services.core import records
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import shown
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.production._workorders import (
    check_code,
    find_work_order,
    production_lot,
    status_words,
    units_count,
)

BATCH = 10_000
"""Serials per insert batch, commissioning event and audit entry."""
DEFAULT_PREFIX = "SN-"
MA_DEFAULT_PREFIX = "SN"  # an MA code's serial (.S) is letters and digits only
SERIAL_DIGITS = 6
MAX_SERIAL = 20  # GS1 AI (21): up to 20 characters of character set 82


@dataclass(frozen=True)
class CommissionResult:
    work_order: str
    lot: str
    count: int
    first_serial: str
    last_serial: str
    event_ids: tuple[str, ...]  # one commissioning event per batch


def _next_number(uow: UnitOfWork, gtin: str, prefix: str) -> int:
    """One past the highest all-digit serial ``prefix<digits>`` of this GTIN (1 if none)."""
    stmt = (
        select(Item.serial)
        .where(Item.carries_di(gtin), Item.serial.startswith(prefix, autoescape=True))
        .order_by(func.length(Item.serial).desc(), Item.serial.desc())
        .limit(50)
    )
    for serial in uow.session.scalars(stmt):
        tail = (serial or "")[len(prefix) :]
        if tail.isdigit():
            return int(tail) + 1
    return 1


def _generated(uow: UnitOfWork, gtin: str, prefix: str, count: int) -> list[str]:
    check_code(prefix + "0" * SERIAL_DIGITS, t("serial prefix + number"), MAX_SERIAL)
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
        check_code(serial, t("serial"), MAX_SERIAL)
        if serial in seen:
            raise Refusal(
                t('serial "{serial}" is given twice: serials are unique', serial=shown(serial))
            )
        seen.add(serial)
    given = list(serials)
    for i in range(0, len(given), 500):
        chunk = given[i : i + 500]
        stmt = select(Item.serial).where(Item.carries_di(gtin), Item.serial.in_(chunk)).limit(1)
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
    if wo.status != WorkOrderStatus.RELEASED:
        raise Refusal(
            t(
                "work order {number} is {status}: release it before commissioning",
                number=wo.number,
                status=status_words(wo.status),
            )
        )
    if product.tracking != Tracking.SERIAL:
        raise Refusal(
            t(
                "{product} is lot-controlled: its production lot goes through the route, "
                "it takes no serial numbers",
                product=product.name,
            )
        )
    lot = production_lot(uow, wo)
    assert lot is not None, "a released work order has its production lot"
    done = units_count(uow, wo)
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
            "kind": ItemKind.UNIT,
            "product_id": wo.product_id,
            "work_order_id": wo.id,
            "gtin": lot.gtin,
            "ma_di": lot.ma_di,
            "lot": lot.lot,
            "serial": serial,
            "production_date": lot.production_date,
            "expiry": lot.expiry,
            "status": Status.IN_PROCESS,
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
    event = records.record_event(uow, EventKind.COMMISSION, item=lot, data=data)
    try:
        uow.session.execute(insert(Item), rows)
    except IntegrityError:
        raise Refusal(
            t(
                "some of serials {first}..{last} are already used for GTIN {gtin}: "
                "give another prefix or list",
                first=serials[0],
                last=serials[-1],
                gtin=lot.di,
            ),
            entity="work_order",
            entity_id=str(wo.id),
        ) from None
    summary = {k: data[k] for k in ("count", "first", "last", "serials_sha256")}
    uow.audit("serials.commission", "work_order", wo.id, new=summary | {"event": str(event.id)})
    return str(event.id)


def _default_prefix(product: Product) -> str:
    return MA_DEFAULT_PREFIX if product.di_scheme == DIScheme.MA else DEFAULT_PREFIX


def _refuse_for_ma(product: Product, serials: Sequence[str]) -> None:
    """An MA code carries letters and digits only in its serial (.S)."""
    if product.di_scheme != DIScheme.MA:
        return
    for serial in serials:
        if not (serial.isascii() and serial.isalnum()):
            raise Refusal(
                t(
                    'serial "{serial}" cannot be written in the MA code of {product}: an MA '
                    "serial is letters and digits only (give a prefix without '-' or spaces)",
                    serial=shown(serial),
                    product=product.name,
                )
            )


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
    wo = find_work_order(uow, wo_number, lock=True)
    product = uow.session.get(Product, wo.product_id)
    assert product is not None
    wanted = count if count is not None else len(serials or ())
    lot = _check_commissionable(uow, wo, product, wanted)
    if serials is not None:
        chosen = _given(uow, product.di, serials)
    else:
        chosen = _generated(uow, product.di, prefix or _default_prefix(product), wanted)
    _refuse_for_ma(product, chosen)
    events = tuple(
        _insert_batch(uow, wo, lot, chosen[i : i + BATCH], serials is not None)
        for i in range(0, len(chosen), BATCH)
    )
    assert lot.lot is not None
    return CommissionResult(wo.number, lot.lot, len(chosen), chosen[0], chosen[-1], events)


__all__ = ["BATCH", "CommissionResult", "commission_serials"]
