"""What the QC station lists: production lots awaiting release, nonconformances not yet closed,
and the review of the lot a scanned unit or lot belongs to. Read-only: views cannot query the
database, so these are the QC screen's window on it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Item, Nonconformance, Product, WorkOrder
from desktop.domain.permissions import Permission
from desktop.domain.plant import Tracking
from desktop.domain.quality import NcrStatus
from desktop.domain.states import LOT_AWAITING_RELEASE, ItemKind, Status
from desktop.domain.text import t
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.holds import active_holds, production_lot_of
from desktop.services.quality._ncr import NcrView, ncr_view
from desktop.services.quality._release import LotReview, production_done, review_of, units_of
from desktop.services.spc import open_flags_on

#: Production lot states that may still be released.
AWAITING = LOT_AWAITING_RELEASE
LIMIT = 200


@dataclass(frozen=True)
class QueuedLot:
    lot: str
    scan: str  # "(01)GTIN(10)LOT": names exactly this lot in a scan or a service call
    product: str
    work_order: str | None
    status: Status
    units: int  # units not scrapped (the lot's quantity for a lot-controlled product)
    units_done: int  # of those, the units through production
    open_ncrs: int
    active_holds: int
    open_flags: int = 0  # SPC anomaly flags not dispositioned

    @property
    def ready(self) -> bool:
        done = self.units > 0 and self.units_done == self.units
        return done and self.open_ncrs == 0 and self.active_holds == 0 and self.open_flags == 0


def lot_scan(lot: Item) -> str:
    return lot.udi_text(by_lot=True)


def _queued(session: Session, lot: Item) -> QueuedLot:
    product = session.get(Product, lot.product_id) if lot.product_id else None
    order = session.get(WorkOrder, lot.work_order_id) if lot.work_order_id else None
    serialised = product is None or product.tracking != Tracking.LOT
    members = units_of(session, lot) if serialised else [lot]
    live = [m for m in members if m.status != Status.SCRAPPED]
    ids = [lot.id] + [m.id for m in members]
    ncrs = session.scalar(
        select(func.count(Nonconformance.id)).where(
            Nonconformance.item_id.in_(ids), Nonconformance.status != NcrStatus.CLOSED
        )
    )
    return QueuedLot(
        lot.lot or "",
        lot_scan(lot),
        product.name if product else "?",
        order.number if order else None,
        lot.status,
        len(live) if serialised else int(lot.quantity),
        sum(1 for m in live if production_done(session, m)) if serialised else _kits_done(lot),
        int(ncrs or 0),
        len(active_holds(session, ids)),
        len(open_flags_on(session, ids)),
    )


def _kits_done(lot: Item) -> int:
    return int(lot.quantity) if lot.status in (Status.IN_PROCESS, Status.COMPLETED) else 0


@use_case(Permission.TRACE_VIEW, read_only=True)
def lots_awaiting_release(uow: UnitOfWork) -> list[QueuedLot]:
    """Production lots not yet released (oldest first), with what stands in their way."""
    stmt = select(Item).where(Item.kind == ItemKind.PRODUCTION_LOT, Item.status.in_(AWAITING))
    lots = uow.session.scalars(stmt.order_by(Item.id).limit(LIMIT))
    return [_queued(uow.session, lot) for lot in lots]


@use_case(Permission.TRACE_VIEW, read_only=True)
def open_ncrs(uow: UnitOfWork) -> list[NcrView]:
    """Nonconformances not yet closed (open or dispositioned), oldest first."""
    stmt = select(Nonconformance).where(Nonconformance.status != NcrStatus.CLOSED)
    rows = uow.session.scalars(stmt.order_by(Nonconformance.id).limit(LIMIT))
    return [ncr_view(uow.session, n) for n in rows]


@dataclass(frozen=True)
class ScannedReview:
    item: str  # what was scanned: "unit SN-000003" or "lot L26112501"
    item_scan: str  # names the scanned item exactly (for inspections, holds, NCRs)
    lot_scan: str  # names its production lot exactly (for the release)
    gtin: str
    next_step: int | None  # the scanned item's next route step position (for inspections)
    review: LotReview


def _item_scan(item: Item) -> str:
    return item.udi_text()


@use_case(Permission.TRACE_VIEW, read_only=True)
def review_for_scan(uow: UnitOfWork, scan: str) -> ScannedReview:
    """The review by exception of the lot a scanned unit or production lot belongs to."""
    kinds = (ItemKind.UNIT, ItemKind.PRODUCTION_LOT)
    item = require_item(uow.session, scan, kinds, "unit or production lot")
    lot = item if item.kind == ItemKind.PRODUCTION_LOT else production_lot_of(uow.session, item)
    if lot is None:
        raise Refusal(
            t(
                'scan "{scan}": {item} belongs to no production lot: scan a finished '
                "unit or a lot label",
                scan=shown(scan),
                item=label(item),
            ),
            entity="item",
            entity_id=str(item.id),
        )
    review = review_of(uow.session, lot)
    return ScannedReview(
        label(item),
        _item_scan(item),
        lot_scan(lot),
        item.di or "",
        item.current_step + 1 if item.product_id else None,
        review,
    )


__all__ = [
    "QueuedLot",
    "ScannedReview",
    "lot_scan",
    "lots_awaiting_release",
    "open_ncrs",
    "review_for_scan",
]
