"""QC: the nonconformance lifecycle (inspection plans and results: _inspection.py).

open (the item becomes nonconforming) -> dispositioned (rework | scrap | use as is, signed
"Disposition approved") -> closed. Rework puts the item back in production, optionally at an
earlier step so that it can be repeated; scrap scraps it (rejects a material lot); use as is
puts it back where it was.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Event,
    Item,
    Nonconformance,
    Signature,
    User,
)
from db.types import utcnow
from desktop.domain.events import EventKind
from desktop.domain.permissions import Meaning, Permission
from desktop.domain.quality import Disposition, NcrStatus
from desktop.domain.states import ItemKind, Status, may_change
from desktop.domain.text import t
from desktop.domain.vocabulary import words_of
from desktop.services.core import records, routing
from desktop.services.core.context import LoginSession
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.identity import SignatureInfo, describe, sign_in
from desktop.services.quality import _open_ncr

NCR_KINDS = (ItemKind.UNIT, ItemKind.PRODUCTION_LOT, ItemKind.MATERIAL_LOT)


@dataclass(frozen=True)
class NcrView:
    number: str
    item_id: int
    item: str
    description: str
    status: NcrStatus
    disposition: Disposition | None
    disposition_reason: str | None
    return_to_step: int | None
    signature: SignatureInfo | None
    opened_by: str
    opened_at: datetime
    closed_by: str | None
    closed_at: datetime | None
    close_note: str | None


def user_id(uow: UnitOfWork) -> int:
    if uow.actor.user_id is None:
        raise Refusal(t("log in first: quality records name the person who made them"))
    return uow.actor.user_id


# ---------------------------------------------------------------- nonconformances


def _name(session: Session, user_id: int | None) -> str | None:
    user = session.get(User, user_id) if user_id is not None else None
    return user.username if user else None


def _event(session: Session, ncr: Nonconformance, kind: EventKind) -> Event | None:
    stmt = select(Event).where(Event.item_id == ncr.item_id, Event.kind == kind)
    for event in session.scalars(stmt.order_by(Event.db_time.desc())):
        if event.data.get("ncr") == ncr.number:
            return event
    return None


def ncr_view(session: Session, ncr: Nonconformance) -> NcrView:
    item = session.get(Item, ncr.item_id)
    sig_id = ncr.disposition_signature_id
    sig_row = session.get(Signature, sig_id) if sig_id is not None else None
    sig = describe(session, sig_row) if sig_row else None
    disposed = _event(session, ncr, EventKind.NCR_DISPOSITION)
    closed = _event(session, ncr, EventKind.NCR_CLOSE)
    back = disposed.data.get("return_to_step") if disposed else None
    return NcrView(
        ncr.number,
        ncr.item_id,
        label(item) if item else "?",
        ncr.description,
        NcrStatus(ncr.status),
        Disposition.known(ncr.disposition),
        ncr.disposition_reason,
        int(back) if back is not None else None,
        sig,
        _name(session, ncr.opened_by) or "?",
        ncr.opened_at,
        _name(session, ncr.closed_by),
        ncr.closed_at,
        str(closed.data.get("note")) if closed else None,
    )


def open_ncr_on(uow: UnitOfWork, item: Item, description: str, event: Event) -> Nonconformance:
    """Open the NCR in this transaction; a unit or lot in production becomes nonconforming.

    ``event`` (the reading or the report that found the problem) carries the item's status
    before, in ``status_before``, so that "use as is" can put it back."""
    found = _open_ncr.open_ncr_in(uow, item, description, event)
    if item.kind != ItemKind.MATERIAL_LOT and may_change(
        item.kind, item.status, Status.NONCONFORMING
    ):
        records.set_status(uow, item, Status.NONCONFORMING, reason=f"{found.number}: {description}")
    return found


@use_case(Permission.NCR_OPEN)
def open_ncr(
    uow: UnitOfWork, scan: str, description: str, *, event_id: uuid.UUID | None = None
) -> NcrView:
    """Open a nonconformance on the scanned unit, lot or material lot."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is None:
        item = require_item(uow.session, scan, NCR_KINDS, "unit, lot or material lot")
        text = (description or "").strip()
        if not text:
            raise Refusal(
                t('scan "{scan}": say what is wrong: an NCR needs a description', scan=shown(scan))
            )
        user_id(uow)
        data = {"scan": scan, "status_before": item.status}
        earlier = records.record_event(
            uow, EventKind.NCR_OPEN, item=item, event_id=event_id, data=data
        )
        open_ncr_on(uow, item, text, earlier)
    found = uow.session.scalars(
        select(Nonconformance).where(Nonconformance.event_id == earlier.id)
    ).one()
    return ncr_view(uow.session, found)


def _ncr(session: Session, number: str, *, lock: bool = False) -> Nonconformance:
    stmt = select(Nonconformance).where(Nonconformance.number == (number or "").strip())
    if lock:
        stmt = stmt.with_for_update()
    found = session.scalars(stmt).first()
    if found is None:
        raise NotFound(
            t(
                'nonconformance "{number}" does not exist: check the number',
                number=shown(number or ""),
            )
        )
    return found


def _move(uow: UnitOfWork, item: Item, target: Status, reason: str) -> None:
    """Move to ``target``, through nonconforming when the state machine needs that step."""
    if item.status == target:
        return
    if not may_change(item.kind, item.status, target) and may_change(
        item.kind, item.status, Status.NONCONFORMING
    ):
        records.set_status(uow, item, Status.NONCONFORMING, reason=reason)
    records.set_status(uow, item, target, reason=reason)


def _reachable(item: Item, target: Status) -> bool:
    if item.status == target or may_change(item.kind, item.status, target):
        return True
    return may_change(item.kind, item.status, Status.NONCONFORMING) and may_change(
        item.kind, Status.NONCONFORMING, target
    )


#: The state a disposition takes a unit or lot to (use as is: back where it was).
_TARGETS = {Disposition.REWORK: Status.IN_PROCESS, Disposition.SCRAP: Status.SCRAPPED}


def _refuse_unreachable(item: Item, ncr: Nonconformance, disposition: Disposition) -> None:
    """Checked before signing: a disposition the item's state does not allow is refused."""
    target = _TARGETS.get(disposition)
    if item.kind == ItemKind.MATERIAL_LOT:  # rework is refused for material on its own
        target = Status.REJECTED if disposition is Disposition.SCRAP else None
    if target is not None and not _reachable(item, target):
        raise Refusal(
            t(
                "{ncr}: {item} is {status}, so a {disposition} cannot be carried out: "
                "unpack it or record its return first",
                ncr=ncr.number,
                item=label(item),
                status=words_of(Status, item.status),
                disposition=disposition.words,
            ),
            entity="nonconformance",
            entity_id=str(ncr.id),
        )


def _others_open(session: Session, ncr: Nonconformance) -> bool:
    stmt = select(Nonconformance.id).where(
        Nonconformance.item_id == ncr.item_id,
        Nonconformance.id != ncr.id,
        Nonconformance.status == NcrStatus.OPEN,
    )
    return session.scalars(stmt.limit(1)).first() is not None


def _check_return_step(session: Session, item: Item, step: int | None) -> None:
    if step is None:
        if item.kind != ItemKind.MATERIAL_LOT and routing.next_step(session, item) is None:
            raise Refusal(
                t(
                    "{item} has passed every step: name the step to repeat for the rework",
                    item=label(item),
                )
            )
        return
    positions = [s.position for s in routing.route_steps(session, item)]
    if step not in positions or step > item.current_step + 1:
        passed = ", ".join(str(p) for p in positions if p <= item.current_step) or t("none")
        raise Refusal(
            t(
                "rework cannot return {item} to step {step}: it can repeat a passed step "
                "({passed})",
                item=label(item),
                step=step,
                passed=passed,
            )
        )


def _refuse_rework(session: Session, item: Item, ncr: Nonconformance, step: int | None) -> None:
    if item.kind == ItemKind.MATERIAL_LOT:
        raise Refusal(
            t(
                "{ncr} is on {item}: material is not reworked here; "
                "use scrap (the lot is rejected) or use as is",
                ncr=ncr.number,
                item=label(item),
            )
        )
    _check_return_step(session, item, step)


def _rework(uow: UnitOfWork, item: Item, ncr: Nonconformance, step: int | None) -> None:
    _move(uow, item, Status.IN_PROCESS, f"{ncr.number}: rework")
    if step is not None and item.current_step != step - 1:
        old, item.current_step = item.current_step, step - 1
        uow.audit(
            "item.step",
            "item",
            item.id,
            old={"current_step": old},
            new={"current_step": step - 1},
            reason=f"{ncr.number}: rework from step {step}",
        )


def _apply(
    uow: UnitOfWork, ncr: Nonconformance, disposition: Disposition, step: int | None
) -> None:
    item = uow.session.get(Item, ncr.item_id, with_for_update=True)
    assert item is not None
    if disposition is Disposition.REWORK:
        _rework(uow, item, ncr, step)
    elif disposition is Disposition.SCRAP:
        material = item.kind == ItemKind.MATERIAL_LOT
        _move(uow, item, Status.REJECTED if material else Status.SCRAPPED, f"{ncr.number}: scrap")
    elif item.status == Status.NONCONFORMING and not _others_open(uow.session, ncr):
        opened = uow.session.get(Event, ncr.event_id) if ncr.event_id else None
        before = Status.known(opened.data.get("status_before")) if opened else None
        back = before if before and before is not Status.NONCONFORMING else Status.IN_PROCESS
        records.set_status(uow, item, back, reason=f"{ncr.number}: use as is")


def _refuse_disposition(
    ncr: Nonconformance, disposition: str, reason: str, step: int | None
) -> Disposition:
    if ncr.status != NcrStatus.OPEN:
        raise Refusal(
            t(
                "{ncr} is {status} already ({disposition}): a disposition is made once",
                ncr=ncr.number,
                status=NcrStatus(ncr.status).words,
                disposition=words_of(Disposition, ncr.disposition),
            ),
            entity="nonconformance",
            entity_id=str(ncr.id),
        )
    chosen = Disposition.known(disposition)
    if chosen is None:
        raise Refusal(
            t(
                'disposition "{disposition}" is not one of {codes}',
                disposition=shown(disposition or ""),
                codes=", ".join(Disposition.values()),
            )
        )
    if not reason:
        raise Refusal(t("the disposition of {ncr} needs a reason", ncr=ncr.number))
    if step is not None and chosen is not Disposition.REWORK:
        raise Refusal(
            t(
                "only a rework returns to a step; {disposition} does not",
                disposition=chosen.words,
            )
        )
    return chosen


@use_case(Permission.NCR_DISPOSITION)
def disposition_ncr(
    uow: UnitOfWork,
    login: LoginSession,
    number: str,
    disposition: str,
    reason: str,
    password: str,
    return_to_step: int | None = None,
    *,
    username: str | None = None,
) -> NcrView:
    """Decide rework | scrap | use_as_is, signed "Disposition approved"."""
    ncr = _ncr(uow.session, number, lock=True)
    why = (reason or "").strip()
    chosen = _refuse_disposition(ncr, disposition, why, return_to_step)
    target = uow.session.get_one(Item, ncr.item_id)
    _refuse_unreachable(target, ncr, chosen)
    if chosen is Disposition.REWORK:
        _refuse_rework(uow.session, target, ncr, return_to_step)
    ncr.disposition, ncr.disposition_reason = chosen, why
    sig = sign_in(
        uow, login, ncr, Meaning.DISPOSITION_APPROVED, password, username=username, reason=why
    )
    ncr.disposition_signature_id, ncr.status = sig.id, NcrStatus.DISPOSITIONED
    uow.audit(
        "ncr.disposition",
        "nonconformance",
        ncr.id,
        old={"status": NcrStatus.OPEN},
        new={"status": NcrStatus.DISPOSITIONED, "disposition": chosen, "signature": sig.id},
        reason=why,
    )
    _apply(uow, ncr, chosen, return_to_step)
    item = uow.session.get(Item, ncr.item_id)
    data = {"ncr": ncr.number, "disposition": chosen, "return_to_step": return_to_step}
    records.record_event(
        uow, EventKind.NCR_DISPOSITION, item=item, data=data | {"signature": sig.id}
    )
    return ncr_view(uow.session, ncr)


@use_case(Permission.NCR_DISPOSITION)
def close_ncr(uow: UnitOfWork, number: str, note: str) -> NcrView:
    """Close a dispositioned nonconformance with a closing note."""
    ncr = _ncr(uow.session, number, lock=True)
    text = (note or "").strip()
    if ncr.status != NcrStatus.DISPOSITIONED:
        if ncr.status == NcrStatus.OPEN:
            words = t("{ncr} has no disposition yet: disposition it before closing", ncr=ncr.number)
        else:
            words = t("{ncr} is closed before closing", ncr=ncr.number)
        raise Refusal(
            words,
            entity="nonconformance",
            entity_id=str(ncr.id),
        )
    if not text:
        raise Refusal(t("closing {ncr} needs a note: say what was done", ncr=ncr.number))
    ncr.status, ncr.closed_by, ncr.closed_at = NcrStatus.CLOSED, user_id(uow), utcnow()
    uow.audit(
        "ncr.close",
        "nonconformance",
        ncr.id,
        old={"status": NcrStatus.DISPOSITIONED},
        new={"status": NcrStatus.CLOSED},
        reason=text,
    )
    item = uow.session.get(Item, ncr.item_id)
    data = {"ncr": ncr.number, "note": text}
    records.record_event(uow, EventKind.NCR_CLOSE, item=item, data=data)
    return ncr_view(uow.session, ncr)


__all__ = [
    "NcrView",
    "close_ncr",
    "disposition_ncr",
    "ncr_view",
    "open_ncr",
    "open_ncr_on",
]
