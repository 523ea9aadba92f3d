"""What the packaging station lists and shows: the print queue (released items whose label step
is next), the preview of the exact label a print would make, what a scan names, and a case's
contents. Read-only: the writes are labelling, labelling_reprint and aggregation."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Item, PrintJob, Product
from desktop.domain.labelling import PrintStatus
from desktop.domain.permissions import Permission
from desktop.domain.plant import Tracking
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import StepKind
from desktop.domain.text import t
from desktop.labels import LabelError, render_png
from desktop.services.core import routing
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.holds import production_lot_of
from desktop.services.labelling._jobs import (
    compose_udi,
    label_fields,
    printer_dpi,
    product_and_lot,
    station_printer,
)
from desktop.services.labelling._templates import approved_template
from desktop.services.packing import ContainerView, container_view

LIMIT = 200
KINDS = (ItemKind.UNIT, ItemKind.PRODUCTION_LOT, ItemKind.CASE, ItemKind.PALLET)


@dataclass(frozen=True)
class QueueLine:
    item_id: int
    scan: str  # "(01)GTIN(21)SERIAL" or "(01)GTIN(10)LOT": names the item exactly
    item: str  # "unit SN-000001"
    product: str
    lot: str
    label: PrintStatus | None  # the latest label job's status (None: no label yet)
    job_key: str | None  # the latest label job (to verify or to reprint)


@dataclass(frozen=True)
class LabelPreview:
    item: str
    scan: str
    template: str
    version: int
    element_string: str
    hri: tuple[str, ...]
    png: bytes  # the label as the printer will print it, one pixel per printer dot


@dataclass(frozen=True)
class Scanned:
    kind: ItemKind
    item: str
    scan: str  # names the item exactly
    status: Status
    quantity: int  # 1 for a unit; the kits of a lot
    next_step: StepKind | None  # the kind of its next route step
    job_key: str | None  # its label job waiting to be scanned back, if any
    last_job: str | None  # its latest label job, whatever its status (for a reprint)
    last_status: PrintStatus | None  # that job's status
    lot_scan: str | None  # its production lot (for the label reconciliation)
    container: ContainerView | None  # for a case or pallet


def item_scan(item: Item) -> str:
    if item.sscc:
        return f"(00){item.sscc}"
    if item.ma_di:  # an MA product's unit or lot: its MA code with the serial or the lot
        return f"{item.ma_di}.S{item.serial}" if item.serial else f"{item.ma_di}.L{item.lot}"
    if item.serial:
        return f"(01){item.gtin}(21){item.serial}"
    return f"(01){item.gtin}(10){item.lot}"


def _latest_job(session: Session, item: Item) -> PrintJob | None:
    stmt = select(PrintJob).where(PrintJob.item_id == item.id)
    return session.scalars(stmt.order_by(PrintJob.id.desc()).limit(1)).first()


def _next_kind(session: Session, item: Item) -> StepKind | None:
    if item.product_id is None:
        return None
    step = routing.next_step(session, item)
    return step.kind if step else None


def _line(session: Session, item: Item, product: Product) -> QueueLine:
    job = _latest_job(session, item)
    return QueueLine(
        item.id,
        item_scan(item),
        label(item),
        product.name,
        item.lot or "",
        job.status if job else None,
        job.idempotency_key if job else None,
    )


@use_case(Permission.TRACE_VIEW, read_only=True)
def print_queue(uow: UnitOfWork) -> list[QueueLine]:
    """Released units (and lots of lot-controlled products) whose next step is the label."""
    stmt = (
        select(Item, Product)
        .join(Product, Product.id == Item.product_id)
        .where(
            Item.status == Status.RELEASED, Item.kind.in_((ItemKind.UNIT, ItemKind.PRODUCTION_LOT))
        )
        .order_by(Item.id)
    )
    lines: list[QueueLine] = []
    for item, product in uow.session.execute(stmt):
        if item.kind == ItemKind.PRODUCTION_LOT and product.tracking != Tracking.LOT:
            continue  # a serialised product is labelled unit by unit
        if _next_kind(uow.session, item) == StepKind.LABEL:
            lines.append(_line(uow.session, item, product))
        if len(lines) >= LIMIT:
            break
    return lines


@use_case(Permission.TRACE_VIEW, read_only=True)
def label_preview(uow: UnitOfWork, scan: str) -> LabelPreview:
    """The label of a unit or lot exactly as print_labels would compose and render it."""
    item = require_item(
        uow.session, scan, (ItemKind.UNIT, ItemKind.PRODUCTION_LOT), "unit or production lot"
    )
    product, lot = product_and_lot(uow.session, item)
    if item.kind == ItemKind.PRODUCTION_LOT and product.tracking == Tracking.SERIAL:
        raise Refusal(
            t(
                "{said} is {item} of serialised {product}: scan one unit",
                said=t('scan "{scan}"', scan=shown(scan)),
                item=label(item),
                product=product.name,
            )
        )
    approved = approved_template(uow.session, item, product)
    udi = compose_udi(product, item, lot)
    dpi = printer_dpi(station_printer(uow.session, uow.actor.station_id))
    try:
        png = render_png(approved.template, udi, label_fields(approved, product), dpi)
    except LabelError as exc:
        raise Refusal(
            t("the label of {item} cannot be made: {error}", item=label(item), error=str(exc))
        ) from None
    return LabelPreview(
        label(item),
        item_scan(item),
        approved.name,
        approved.version,
        udi.element_string,
        tuple(udi.hri),
        png,
    )


@use_case(Permission.TRACE_VIEW, read_only=True)
def identify(uow: UnitOfWork, scan: str) -> Scanned:
    """What a scan at the packing bench names: a unit, a lot, or a case or pallet (SSCC)."""
    item = require_item(uow.session, scan, KINDS, "unit, lot, case or pallet")
    if item.kind == ItemKind.UNIT and item.product_id is None:
        raise Refusal(t('scan "{scan}" is a component, not a finished unit', scan=shown(scan)))
    job = _latest_job(uow.session, item)
    waiting = (
        job.idempotency_key
        if job and job.status in (PrintStatus.PRINTED, PrintStatus.HELD)
        else None
    )
    box = (
        container_view(uow.session, item) if item.kind in (ItemKind.CASE, ItemKind.PALLET) else None
    )
    lot = item if item.kind == ItemKind.PRODUCTION_LOT else production_lot_of(uow.session, item)
    return Scanned(
        item.kind,
        label(item),
        item_scan(item),
        item.status,
        int(item.quantity),
        _next_kind(uow.session, item),
        waiting,
        job.idempotency_key if job else None,
        job.status if job else None,
        item_scan(lot) if lot is not None else None,
        box,
    )


__all__ = [
    "LabelPreview",
    "QueueLine",
    "Scanned",
    "identify",
    "item_scan",
    "label_preview",
    "print_queue",
]
