"""Lot release: review by exception, then the signature "Released for distribution".

The review lists what a reviewer must look at (ISO 13485 7.5.1, 8.2.6; REFERENCE 4.2): every
unit and its state, every event that did not go as planned (failed steps, readings out of
tolerance), every NCR with its disposition and signer, every hold, every reprinted or voided
label, every override, and the reasons that block the release. A lot is released only when
nothing blocks: no NCR open (an NCR is open until it is closed), no active hold, and every unit
through production (the steps before labelling and packing, which follow release).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from db.models import Event, Item, Nonconformance, PrintJob, Product, Signature, User
from desktop.domain.events import OVERRIDES, EventKind, Outcome
from desktop.domain.labelling import PrintStatus
from desktop.domain.permissions import Meaning, Permission
from desktop.domain.plant import Tracking
from desktop.domain.quality import Disposition, NcrStatus
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import AFTER_RELEASE
from desktop.domain.text import Text, join, restored, t
from desktop.domain.vocabulary import words_of
from desktop.services.core import records, routing
from desktop.services.core.context import LoginSession
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.holds import HoldView, holds_on
from desktop.services.identity import SignatureInfo, describe, sign_in
from desktop.services.quality._lot_record import lot_record
from desktop.services.quality._ncr import NcrView, ncr_view
from desktop.services.spc import FlagView, open_flags_on

#: Unit states still in production (a release takes them, once production is done).
IN_PRODUCTION = frozenset({Status.IN_PROCESS, Status.NONCONFORMING, Status.COMPLETED})


def event_words(kind: EventKind, outcome: Outcome) -> Text:
    """ "weigh: fail", translatable."""
    return t("{kind}: {outcome}", kind=kind.words, outcome=outcome.words)


@dataclass(frozen=True)
class UnitLine:
    item_id: int
    unit: str
    status: Status
    steps_passed: int
    next_step: str | None  # "6 UDI label"


@dataclass(frozen=True)
class EventLine:
    event_id: uuid.UUID
    kind: EventKind
    outcome: Outcome
    item: str
    at: datetime
    user: str
    message: str
    what: str = ""  # "weigh: fail" (kind: outcome), translatable


@dataclass(frozen=True)
class LabelLine:
    key: str
    item: str
    status: PrintStatus
    element_string: str
    reprint_of: str | None
    reason: str | None  # why reprinted, or why voided


@dataclass(frozen=True)
class LotReview:
    lot: str
    lot_item_id: int
    product: str
    gtin: str
    status: Status
    units: tuple[UnitLine, ...]
    deviations: tuple[EventLine, ...]
    overrides: tuple[EventLine, ...]
    ncrs: tuple[NcrView, ...]
    holds: tuple[HoldView, ...]
    reprints: tuple[LabelLine, ...]
    voided: tuple[LabelLine, ...]
    blockers: tuple[str, ...]
    release: SignatureInfo | None  # the latest release signature, once released
    pending: tuple[str, ...]  # what a release would release now (units reworked after one)
    flags: tuple[FlagView, ...] = ()  # open SPC anomaly flags on the lot or its units

    @property
    def releasable(self) -> bool:
        return not self.blockers and bool(self.pending)


@dataclass(frozen=True)
class LotRelease:
    review: LotReview
    signature: SignatureInfo
    units_released: int
    event_id: uuid.UUID


# ---------------------------------------------------------------- gathering


def units_of(session: Session, lot: Item) -> list[Item]:
    """The finished units of a production lot (none for a lot-controlled product)."""
    stmt = select(Item).where(Item.kind == ItemKind.UNIT, Item.product_id.is_not(None))
    if lot.work_order_id is not None:
        stmt = stmt.where(Item.work_order_id == lot.work_order_id)
    else:
        stmt = stmt.where(Item.carries_di(lot.di or ""), Item.lot == lot.lot)
    return list(session.scalars(stmt.order_by(Item.serial, Item.id)))


def production_done(session: Session, item: Item) -> bool:
    """Every step before labelling and packing is passed (or the item is completed)."""
    if item.status == Status.COMPLETED:
        return True
    if item.status != Status.IN_PROCESS:
        return False
    step = routing.next_step(session, item)
    return step is None or step.kind in AFTER_RELEASE


def _unit_line(session: Session, unit: Item) -> UnitLine:
    step = routing.next_step(session, unit) if unit.product_id else None
    shown_step = f"{step.position} {step.name}" if step else None
    return UnitLine(unit.id, label(unit), unit.status, unit.current_step, shown_step)


def _event_line(session: Session, event: Event, names: dict[int, str]) -> EventLine:
    user = session.get(User, event.user_id) if event.user_id else None
    message = str(event.data.get("message") or event.data.get("reason") or "")
    if event.data.get("message") and event.data.get("message_text"):
        message = restored(event.data["message_text"], message)  # translatable when stored so
    return EventLine(
        event.id,
        event.kind,
        event.outcome,
        names.get(event.item_id or 0, "-"),
        event.db_time,
        user.username if user else "-",
        message,
        event_words(event.kind, event.outcome),
    )


def _events(session: Session, lot: Item, ids: list[int]) -> list[Event]:
    cond: ColumnElement[bool] = Event.item_id.in_(ids)
    if lot.work_order_id is not None:
        cond = or_(cond, Event.work_order_id == lot.work_order_id)
    stmt = select(Event).where(cond).order_by(Event.db_time, Event.station_time)
    return list(session.scalars(stmt))


def _label_line(session: Session, job: PrintJob, names: dict[int, str]) -> LabelLine:
    original = session.get(PrintJob, job.reprint_of_id) if job.reprint_of_id else None
    return LabelLine(
        job.idempotency_key,
        names.get(job.item_id, "?"),
        job.status,
        job.element_string,
        original.idempotency_key if original else None,
        job.void_reason if job.status == PrintStatus.VOIDED else job.reason,
    )


def _labels(session: Session, lot: Item, names: dict[int, str]) -> list[LabelLine]:
    ids = list(names)
    stmt = select(PrintJob).where(or_(PrintJob.lot_item_id == lot.id, PrintJob.item_id.in_(ids)))
    jobs = session.scalars(stmt.order_by(PrintJob.id))
    return [_label_line(session, job, names) for job in jobs]


def _serialised(session: Session, lot: Item) -> bool:
    product = session.get(Product, lot.product_id) if lot.product_id else None
    return product is None or product.tracking != Tracking.LOT


def to_release(session: Session, lot: Item, units: list[Item]) -> list[Item]:
    """What a release of ``lot`` releases now: the lot-controlled lot itself, or the units still
    in production (all of them the first time; the reworked ones after the lot's release)."""
    if not _serialised(session, lot):
        return [] if lot.status == Status.RELEASED else [lot]
    return [u for u in units if u.status in IN_PRODUCTION]


def _blockers(
    session: Session,
    lot: Item,
    units: list[Item],
    ncrs: list[NcrView],
    holds: list[HoldView],
    flags: list[FlagView],
) -> list[Text]:
    found = [
        t("{ncr} is {state} on {item}", ncr=n.number, state=_open_words(n), item=n.item)
        for n in ncrs
        if n.status != NcrStatus.CLOSED
    ]
    found += [
        t("{item} is on hold: {reason}", item=h.item, reason=h.reason) for h in holds if h.active
    ]
    found += [
        t(
            "{flag} is open on {item}: {rule} ({step}, {value} {unit})",
            flag=f.number,
            item=f.item,
            rule=f.rule.words,
            step=f.step,
            value=f"{f.value.normalize():f}",
            unit=f.unit,
        )
        for f in flags
    ]
    if _serialised(session, lot) and lot.status != Status.RELEASED:
        if all(u.status == Status.SCRAPPED for u in units):
            found.append(t("{lot} has no units to release", lot=label(lot)))
        if lot.status not in (Status.IN_PROCESS, Status.COMPLETED):
            found.append(t("{item} is {status}", item=label(lot), status=lot.status.words))
    for item in to_release(session, lot, units):
        if not production_done(session, item):
            found.append(_not_done_words(session, item))
    return found


def _open_words(ncr: NcrView) -> Text:
    if ncr.status is NcrStatus.OPEN:
        return ncr.status.words
    disposition = words_of(Disposition, ncr.disposition)
    return t("dispositioned ({disposition}) but not closed", disposition=disposition)


def _not_done_words(session: Session, item: Item) -> Text:
    if item.status != Status.IN_PROCESS:
        return t("{item} is {status}", item=label(item), status=item.status.words)
    step = routing.next_step(session, item)
    if step is None:
        return t("{item} has not finished production", item=label(item))
    return t(
        '{item} has not finished production (next: step {position} "{step}")',
        item=label(item),
        position=step.position,
        step=step.name,
    )


def _release_signature(session: Session, lot: Item) -> SignatureInfo | None:
    stmt = select(Signature).where(
        Signature.record_type == "items",
        Signature.record_id == str(lot.id),
        Signature.meaning == Meaning.RELEASED_FOR_DISTRIBUTION.value,
    )
    sig = session.scalars(stmt.order_by(Signature.signed_at.desc())).first()
    return describe(session, sig) if sig else None


def review_of(session: Session, lot: Item) -> LotReview:
    units = units_of(session, lot)
    names: dict[int, str] = {lot.id: label(lot)}
    names |= {u.id: label(u) for u in units}
    ids = list(names)
    events = _events(session, lot, ids)
    ncr_rows = session.scalars(
        select(Nonconformance).where(Nonconformance.item_id.in_(ids)).order_by(Nonconformance.id)
    )
    ncrs = [ncr_view(session, n) for n in ncr_rows]
    holds = holds_on(session, ids)
    flags = open_flags_on(session, ids)
    labels = _labels(session, lot, names)
    product = session.get(Product, lot.product_id) if lot.product_id else None
    return LotReview(
        lot.lot or "",
        lot.id,
        product.name if product else "?",
        lot.di or "",
        lot.status,
        tuple(_unit_line(session, u) for u in units),
        tuple(_event_line(session, e, names) for e in events if e.outcome != Outcome.OK),
        tuple(_event_line(session, e, names) for e in events if e.kind in OVERRIDES),
        tuple(ncrs),
        tuple(holds),
        tuple(line for line in labels if line.reprint_of is not None),
        tuple(line for line in labels if line.status == PrintStatus.VOIDED),
        tuple(_blockers(session, lot, units, ncrs, holds, flags)),
        _release_signature(session, lot),
        tuple(label(i) for i in to_release(session, lot, units)),
        tuple(flags),
    )


def _lot(session: Session, scan: str) -> Item:
    return require_item(session, scan, (ItemKind.PRODUCTION_LOT,), "production lot")


# ---------------------------------------------------------------- use cases


@use_case(Permission.TRACE_VIEW)
def lot_review(uow: UnitOfWork, lot_scan: str) -> LotReview:
    """The review by exception of a production lot, with what blocks its release."""
    return review_of(uow.session, _lot(uow.session, lot_scan))


def _release_items(uow: UnitOfWork, lot: Item, sig: Signature) -> int:
    """The lot and its units in production -> released; returns the units released."""
    why = f"{sig.meaning} by {sig.printed_name}"
    units = units_of(uow.session, lot)
    count = 0
    for item in to_release(uow.session, lot, units):
        records.set_status(uow, item, Status.COMPLETED, reason="production finished; lot released")
        records.set_status(uow, item, Status.RELEASED, reason=why)
        count += 1 if item.kind == ItemKind.UNIT else 0
    if lot.status != Status.RELEASED:
        records.set_status(uow, lot, Status.COMPLETED, reason="production finished; lot released")
        records.set_status(uow, lot, Status.RELEASED, reason=why)
    return count


@use_case(Permission.LOT_RELEASE)
def release_lot(
    uow: UnitOfWork,
    login: LoginSession,
    lot_scan: str,
    password: str,
    username: str | None = None,
    *,
    event_id: uuid.UUID | None = None,
) -> LotRelease:
    """Release a lot for distribution, signed; refused, naming each blocker, while any is open."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None and earlier.item_id is not None:
        return _released(uow, earlier)
    lot = uow.session.get(Item, _lot(uow.session, lot_scan).id, with_for_update=True)
    assert lot is not None
    review = review_of(uow.session, lot)
    if not review.pending and (review.release is not None or lot.status == Status.RELEASED):
        done = review.release.manifestation() if review.release else lot.status.words
        raise Refusal(
            t(
                'scan "{scan}": {lot} is released already ({done})',
                scan=shown(lot_scan),
                lot=label(lot),
                done=done,
            ),
            entity="item",
            entity_id=str(lot.id),
        )
    if review.blockers:
        raise Refusal(
            t(
                'scan "{scan}": {lot} cannot be released: {blockers}',
                scan=shown(lot_scan),
                lot=label(lot),
                blockers=join(list(review.blockers)),
            ),
            entity="item",
            entity_id=str(lot.id),
        )
    record = lot_record(uow.session, lot, units_of(uow.session, lot))  # all the release binds
    sig = sign_in(
        uow,
        login,
        lot,
        Meaning.RELEASED_FOR_DISTRIBUTION,
        password,
        username=username,
        covers=record,
    )
    count = _release_items(uow, lot, sig)
    data = {"signature": sig.id, "units_released": count, "deviations": len(review.deviations)}
    event = records.record_event(uow, EventKind.LOT_RELEASE, item=lot, event_id=event_id, data=data)
    return _released(uow, event)


def _released(uow: UnitOfWork, event: Event) -> LotRelease:
    lot = uow.session.get(Item, event.item_id)
    sig = uow.session.get(Signature, int(event.data["signature"]))
    assert lot is not None and sig is not None
    return LotRelease(
        review_of(uow.session, lot),
        describe(uow.session, sig),
        int(event.data["units_released"]),
        event.id,
    )


__all__ = [
    "EventLine",
    "LabelLine",
    "LotRelease",
    "LotReview",
    "UnitLine",
    "lot_review",
    "production_done",
    "release_lot",
    "units_of",
]
