"""Holds on units, production lots, material lots, cases and pallets.

A hold is a record of its own (never a state of the item): placed with a reason, released with
a reason, never deleted. While a hold is active the item is not consumed, released, labelled,
packed or shipped. ``active_holds`` and ``require_no_hold`` are the one place that rule is
read, so that execution, release, labelling, packing and shipping all see the same holds.

What a hold covers: the item itself, its production lot (a hold on lot L holds every unit of
L), and for a case or pallet everything packed in it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Hold, Item, Link, Nonconformance, User
from db.types import utcnow
from desktop.domain.events import EventKind, LinkKind
from desktop.domain.permissions import Permission
from desktop.domain.quality import NcrStatus
from desktop.domain.states import ItemKind
from desktop.domain.text import Text, t
from desktop.services.core import records
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case

HOLDABLE = (
    ItemKind.UNIT,
    ItemKind.PRODUCTION_LOT,
    ItemKind.MATERIAL_LOT,
    ItemKind.CASE,
    ItemKind.PALLET,
)


@dataclass(frozen=True)
class HoldView:
    id: int
    item_id: int
    item: str  # "unit SN-000003", "lot L26112501", "case SSCC 0950600..."
    reason: str
    ncr: str | None
    placed_by: str
    placed_at: datetime
    released_by: str | None = None
    released_at: datetime | None = None
    release_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.released_at is None


# ---------------------------------------------------------------- the rule, for every service


def active_holds(session: Session, item_ids: Iterable[int]) -> list[Hold]:
    """The holds not yet released on exactly these items, oldest first."""
    ids = list(set(item_ids))
    if not ids:
        return []
    stmt = select(Hold).where(Hold.item_id.in_(ids), Hold.released_at.is_(None))
    return list(session.scalars(stmt.order_by(Hold.placed_at, Hold.id)))


def production_lot_of(session: Session, item: Item) -> Item | None:
    """The production lot a finished unit belongs to (None for anything else)."""
    if item.kind != ItemKind.UNIT or item.product_id is None:
        return None
    stmt = select(Item).where(Item.kind == ItemKind.PRODUCTION_LOT)
    if item.work_order_id is not None:
        stmt = stmt.where(Item.work_order_id == item.work_order_id)
    elif item.di and item.lot:
        stmt = stmt.where(Item.carries_di(item.di or ""), Item.lot == item.lot)
    else:
        return None
    return session.scalars(stmt.order_by(Item.id).limit(1)).first()


def packed_contents(session: Session, container: Item) -> list[tuple[Item, Link]]:
    """Everything packed (active pack links) in a case or pallet, at every depth."""
    found: list[tuple[Item, Link]] = []
    parents = [container.id]
    while parents:
        stmt = select(Item, Link).join(Link, Link.child_item_id == Item.id)
        stmt = stmt.where(
            Link.parent_item_id.in_(parents),
            Link.kind == LinkKind.PACK,
            Link.removed_event_id.is_(None),
        )
        rows = [(item, link) for item, link in session.execute(stmt.order_by(Link.id))]
        found += rows
        parents = [item.id for item, _ in rows if item.kind in (ItemKind.CASE, ItemKind.PALLET)]
    return found


def covering_ids(session: Session, item: Item) -> set[int]:
    """The items whose hold also holds ``item``: itself, its lot, its contents and their lots."""
    items = [item] + [child for child, _ in packed_contents(session, item)]
    ids = {i.id for i in items}
    for each in items:
        lot = production_lot_of(session, each)
        if lot is not None:
            ids.add(lot.id)
    return ids


def day_words(stamp: datetime) -> Text:
    """ "24 Nov 2026", translatable (the month's number is there for other languages)."""
    return t(
        "{day} {month} {year}",
        day=f"{stamp:%d}",
        month=f"{stamp:%b}",
        year=f"{stamp:%Y}",
        month_number=stamp.month,
    )


def hold_words(session: Session, hold: Hold) -> Text:
    """ "on hold since 24 Nov 2026: <reason> (NCR-000004)" """
    since = day_words(hold.placed_at)
    if hold.ncr_id is None:
        return t("on hold since {date}: {reason}", date=since, reason=hold.reason)
    number = session.scalar(select(Nonconformance.number).where(Nonconformance.id == hold.ncr_id))
    return t("on hold since {date}: {reason} ({ncr})", date=since, reason=hold.reason, ncr=number)


def require_no_hold(session: Session, item: Item, doing: str) -> None:
    """Refuse ``doing`` (e.g. "shipping") while any hold covers ``item``."""
    holds = active_holds(session, covering_ids(session, item))
    if not holds:
        return
    hold = holds[0]
    held = session.get(Item, hold.item_id)
    assert held is not None
    if held.id == item.id:
        message = t(
            "{held} is {hold}: {doing} is not allowed until QC releases the hold",
            held=label(held),
            hold=hold_words(session, hold),
            doing=doing,
        )
    else:
        message = t(
            "{held} is {hold} (it holds {item}): {doing} is not allowed until QC releases the hold",
            held=label(held),
            hold=hold_words(session, hold),
            item=label(item),
            doing=doing,
        )
    raise Refusal(
        message,
        entity="item",
        entity_id=str(item.id),
    )


# ---------------------------------------------------------------- views


def _name(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    user = session.get(User, user_id)
    return user.username if user else "?"


def hold_view(session: Session, hold: Hold) -> HoldView:
    item = session.get(Item, hold.item_id)
    ncr = session.get(Nonconformance, hold.ncr_id) if hold.ncr_id else None
    return HoldView(
        hold.id,
        hold.item_id,
        label(item) if item else "?",
        hold.reason,
        ncr.number if ncr else None,
        _name(session, hold.placed_by) or "?",
        hold.placed_at,
        _name(session, hold.released_by),
        hold.released_at,
        hold.release_reason,
    )


def holds_on(session: Session, item_ids: Iterable[int]) -> list[HoldView]:
    """Every hold, active or released, on these items (for reviews), oldest first."""
    ids = list(set(item_ids))
    if not ids:
        return []
    stmt = select(Hold).where(Hold.item_id.in_(ids)).order_by(Hold.placed_at, Hold.id)
    return [hold_view(session, h) for h in session.scalars(stmt)]


# ---------------------------------------------------------------- use cases


def _reason(text: str | None, what: Text) -> str:
    reason = (text or "").strip()
    if not reason:
        raise Refusal(
            t("{what} needs a reason: say why, in words a reviewer will understand", what=what)
        )
    return reason


def _ncr(session: Session, number: str | None) -> Nonconformance | None:
    if number is None:
        return None
    found = session.scalars(
        select(Nonconformance).where(Nonconformance.number == number.strip())
    ).first()
    if found is None:
        raise NotFound(
            t(
                'nonconformance "{number}" does not exist: check the NCR number',
                number=shown(number),
            )
        )
    return found


@use_case(Permission.HOLD_PLACE)
def place_hold(
    uow: UnitOfWork,
    scan: str,
    reason: str,
    ncr_number: str | None = None,
    *,
    event_id: uuid.UUID | None = None,
) -> HoldView:
    """Put the scanned unit, lot, material lot, case or pallet on hold."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        hold = uow.session.get(Hold, int(earlier.data["hold"]))
        assert hold is not None
        return hold_view(uow.session, hold)
    item = require_item(uow.session, scan, HOLDABLE, "unit, lot, material lot, case or pallet")
    why = _reason(reason, t('a hold on "{scan}"', scan=shown(scan)))
    ncr = _ncr(uow.session, ncr_number)
    hold = Hold(item_id=item.id, reason=why, ncr_id=ncr.id if ncr else None, placed_by=_who(uow))
    uow.session.add(hold)
    uow.session.flush()
    data = {"hold": hold.id, "reason": why, "ncr": ncr.number if ncr else None, "scan": scan}
    records.record_event(uow, EventKind.HOLD, item=item, event_id=event_id, data=data)
    uow.audit("hold.place", "hold", hold.id, new={"item": item.id} | data, reason=why)
    return hold_view(uow.session, hold)


def _who(uow: UnitOfWork) -> int:
    if uow.actor.user_id is None:
        raise Refusal(t("log in first: holds are placed and released by a person"))
    return uow.actor.user_id


def _refuse_open_ncr(session: Session, hold: Hold) -> None:
    ncr = session.get(Nonconformance, hold.ncr_id) if hold.ncr_id else None
    if ncr is not None and ncr.status == NcrStatus.OPEN:
        raise Refusal(
            t(
                "the hold on {item} is for {ncr}, which is still "
                "open: disposition the nonconformance first",
                item=hold_view(session, hold).item,
                ncr=ncr.number,
            ),
            entity="hold",
            entity_id=str(hold.id),
        )


@use_case(Permission.HOLD_RELEASE)
def release_hold(
    uow: UnitOfWork, scan: str, reason: str, *, event_id: uuid.UUID | None = None
) -> list[HoldView]:
    """Release every active hold placed on exactly the scanned item, with a reason."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        found = [uow.session.get(Hold, int(i)) for i in earlier.data["holds"]]
        return [hold_view(uow.session, h) for h in found if h is not None]
    item = require_item(uow.session, scan, HOLDABLE, "unit, lot, material lot, case or pallet")
    why = _reason(reason, t('releasing the hold on "{scan}"', scan=shown(scan)))
    holds = active_holds(uow.session, [item.id])
    if not holds:
        raise Refusal(
            _no_hold_words(uow.session, item, scan), entity="item", entity_id=str(item.id)
        )
    for hold in holds:
        _refuse_open_ncr(uow.session, hold)
    now, user = utcnow(), _who(uow)
    for hold in holds:
        hold.released_at, hold.released_by, hold.release_reason = now, user, why
        uow.audit(
            "hold.release", "hold", hold.id, old={"released_at": None}, new={"by": user}, reason=why
        )
    data = {"holds": [h.id for h in holds], "reason": why, "scan": scan}
    records.record_event(uow, EventKind.HOLD_RELEASE, item=item, event_id=event_id, data=data)
    return [hold_view(uow.session, h) for h in holds]


def _no_hold_words(session: Session, item: Item, scan: str) -> Text:
    others = active_holds(session, covering_ids(session, item) - {item.id})
    if others:
        held = session.get(Item, others[0].item_id)
        assert held is not None
        return t(
            'scan "{scan}": {item} has no hold of its own; the hold is on '
            "{held}: scan that to release it",
            scan=shown(scan),
            item=label(item),
            held=label(held),
        )
    return t(
        'scan "{scan}": {item} is not on hold: there is nothing to release',
        scan=shown(scan),
        item=label(item),
    )


__all__ = [
    "HoldView",
    "active_holds",
    "covering_ids",
    "hold_words",
    "holds_on",
    "packed_contents",
    "place_hold",
    "production_lot_of",
    "release_hold",
    "require_no_hold",
]
