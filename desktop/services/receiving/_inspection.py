"""Incoming inspection of a quarantined supplier lot, then its release (signed "Material
released for use") or its rejection. A rejected lot is never consumed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from db.models import Event, Item, Signature
from desktop.domain.events import EventKind, Outcome
from desktop.domain.permissions import Meaning, Permission
from desktop.domain.states import ItemKind, Status
from desktop.domain.text import Text, t
from desktop.services.core import records
from desktop.services.core.context import LoginSession
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.holds import require_no_hold
from desktop.services.identity import SignatureInfo, describe, sign_in
from desktop.services.receiving._plan import Readings, held_to_plan, plan_of
from desktop.services.receiving._receipts import MaterialLotView, events_of, lot_view, serial_pieces


@dataclass(frozen=True)
class IncomingInspectionView:
    lot: MaterialLotView
    accepted: bool
    notes: str
    inspected_by: str
    event_id: uuid.UUID
    serial: str | None = None  # the piece inspected, for a serialised part
    readings: tuple[dict[str, object], ...] = ()  # each reading against the plan's limits


@dataclass(frozen=True)
class PieceView:
    """One serialised piece of a delivery and its incoming inspection so far."""

    serial: str
    status: Status
    inspected: bool
    accepted: bool | None
    notes: str


@dataclass(frozen=True)
class MaterialDecision:
    lot: MaterialLotView
    decision: Status  # released | rejected: the lot's state the decision gave it
    reason: str
    signature: SignatureInfo | None
    event_id: uuid.UUID


# ---------------------------------------------------------------- inspection and decision


def _lot(session: Session, scan: str) -> Item:
    return require_item(session, scan, (ItemKind.MATERIAL_LOT,), "received material lot")


def _refuse_unless_quarantined(item: Item, scan: str, doing: Text) -> None:
    if item.status != Status.QUARANTINE:
        raise Refusal(
            t(
                'scan "{scan}": {item} is {status}, not in '
                "quarantine: {doing} is done only while the lot is in quarantine",
                scan=shown(scan),
                item=label(item),
                status=item.status.words,
                doing=doing,
            ),
            entity="item",
            entity_id=str(item.id),
        )


def _piece(session: Session, item: Item, serial: str, scan: str) -> Item:
    pieces = serial_pieces(session, item)
    if not pieces:
        raise Refusal(
            t(
                'scan "{scan}": {item} is not a serialised delivery: inspect the lot as a whole',
                scan=shown(scan),
                item=label(item),
            ),
            entity="item",
            entity_id=str(item.id),
        )
    for piece in pieces:
        if piece.serial == serial.strip():
            return piece
    raise Refusal(
        t(
            'serial "{serial}" is not a piece of {item}: its pieces are {serials}',
            serial=shown(serial),
            item=label(item),
            serials=", ".join(p.serial or "?" for p in pieces),
        ),
        entity="item",
        entity_id=str(item.id),
    )


@use_case(Permission.MATERIAL_INSPECT)
def inspect_material(
    uow: UnitOfWork,
    lot_scan: str,
    accepted: bool,
    notes: str = "",
    *,
    serial: str | None = None,
    readings: Readings | None = None,
    event_id: uuid.UUID | None = None,
) -> IncomingInspectionView:
    """Record the incoming inspection of a quarantined lot (a rejection needs notes); with
    ``serial``, of one piece of a serialised delivery (a failed piece is rejected at once).
    ``readings`` (characteristic -> value) are held to the part's incoming inspection plan:
    an acceptance needs every characteristic read and within its limits."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is None:
        item = _lot(uow.session, lot_scan)
        _refuse_unless_quarantined(item, lot_scan, t("incoming inspection"))
        text = (notes or "").strip()
        if not accepted and not text:
            raise Refusal(
                t(
                    'scan "{scan}": a failed incoming inspection needs notes saying what was wrong',
                    scan=shown(lot_scan),
                )
            )
        subject = item
        if serial is not None:
            subject = _piece(uow.session, item, serial, lot_scan)
            _refuse_unless_quarantined(subject, serial, t("incoming inspection"))
        recorded = held_to_plan(
            plan_of(uow.session, item), readings or {}, accepted, str(label(subject))
        )
        outcome = Outcome.OK if accepted else Outcome.FAILED
        data: dict[str, object] = {"accepted": accepted, "notes": text, "scan": lot_scan}
        if recorded:
            data["readings"] = recorded
        if serial is not None:
            data |= {"serial": subject.serial, "delivery": item.id}
        earlier = records.record_event(
            uow,
            EventKind.INCOMING_INSPECTION,
            item=subject,
            event_id=event_id,
            outcome=outcome,
            data=data,
        )
        if serial is not None and not accepted:
            records.set_status(uow, subject, Status.REJECTED, reason=f"incoming inspection: {text}")
    inspected = uow.session.get_one(Item, earlier.item_id)
    delivery = inspected
    if earlier.data.get("delivery") is not None:
        delivery = uow.session.get_one(Item, int(str(earlier.data["delivery"])))
    return IncomingInspectionView(
        lot_view(uow.session, delivery),
        bool(earlier.data["accepted"]),
        str(earlier.data["notes"]),
        uow.actor.username,
        earlier.id,
        inspected.serial if inspected is not delivery else None,
        tuple(r for r in earlier.data.get("readings", []) if isinstance(r, dict)),
    )


def piece_views(session: Session, item: Item) -> list[PieceView]:
    out = []
    for piece in serial_pieces(session, item):
        found = events_of(session, piece, EventKind.INCOMING_INSPECTION)
        last = found[-1] if found else None
        out.append(
            PieceView(
                piece.serial or "?",
                piece.status,
                last is not None,
                bool(last.data.get("accepted")) if last is not None else None,
                str(last.data.get("notes", "")) if last is not None else "",
            )
        )
    return out


@use_case(Permission.TRACE_VIEW, read_only=True)
def delivery_pieces(uow: UnitOfWork, lot_scan: str) -> list[PieceView]:
    """The serialised pieces of a delivery with their incoming inspection (none for a lot)."""
    return piece_views(uow.session, _lot(uow.session, lot_scan))


def _refuse_uninspected_pieces(session: Session, item: Item, scan: str) -> bool:
    """For a delivery inspected piece by piece: every piece still in quarantine must have
    passed, and one at least. False when the delivery was inspected as a whole."""
    pieces = piece_views(session, item)
    if not any(p.inspected for p in pieces):
        return False
    waiting = [p.serial for p in pieces if p.status == Status.QUARANTINE and not p.accepted]
    if waiting:
        raise Refusal(
            t(
                'scan "{scan}": pieces {serials} of {item} have no accepted incoming '
                "inspection: inspect each piece before releasing the delivery",
                scan=shown(scan),
                serials=", ".join(waiting),
                item=label(item),
            ),
            entity="item",
            entity_id=str(item.id),
        )
    if not any(p.status == Status.QUARANTINE for p in pieces):
        raise Refusal(
            t(
                'scan "{scan}": every piece of {item} failed its incoming inspection: '
                "reject the delivery",
                scan=shown(scan),
                item=label(item),
            ),
            entity="item",
            entity_id=str(item.id),
        )
    return True


def _refuse_uninspected(session: Session, item: Item, scan: str) -> None:
    if _refuse_uninspected_pieces(session, item, scan):
        return
    inspections = events_of(session, item, EventKind.INCOMING_INSPECTION)
    if not inspections:
        raise Refusal(
            t(
                'scan "{scan}": {item} has no incoming inspection: inspect it before releasing it',
                scan=shown(scan),
                item=label(item),
            ),
            entity="item",
            entity_id=str(item.id),
        )
    if inspections[-1].outcome != Outcome.OK:
        raise Refusal(
            t(
                'scan "{scan}": the last incoming inspection of {item} failed '
                "({notes}): reject the lot or inspect it again",
                scan=shown(scan),
                item=label(item),
                notes=str(inspections[-1].data.get("notes")),
            ),
            entity="item",
            entity_id=str(item.id),
        )


def _decision(uow: UnitOfWork, event: Event, sig_id: int | None) -> MaterialDecision:
    item = uow.session.get(Item, event.item_id)
    assert item is not None
    sig = uow.session.get(Signature, sig_id) if sig_id else None
    return MaterialDecision(
        lot_view(uow.session, item),
        Status(event.data["decision"]),
        str(event.data.get("reason", "")),
        describe(uow.session, sig) if sig else None,
        event.id,
    )


@use_case(Permission.MATERIAL_DISPOSITION)
def release_material(
    uow: UnitOfWork,
    login: LoginSession,
    lot_scan: str,
    password: str,
    *,
    username: str | None = None,
    event_id: uuid.UUID | None = None,
    today: date | None = None,
) -> MaterialDecision:
    """Release an inspected lot for use, signed "Material released for use"."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        return _decision(uow, earlier, earlier.data.get("signature"))
    item = _lot(uow.session, lot_scan)
    _refuse_unless_quarantined(item, lot_scan, t("material release"))
    _refuse_uninspected(uow.session, item, lot_scan)
    require_no_hold(uow.session, item, t("releasing the material"))
    day = today or date.today()
    if item.expiry is not None and item.expiry <= day:
        raise Refusal(
            t(
                'scan "{scan}": {item} expired on {date}: reject it',
                scan=shown(lot_scan),
                item=label(item),
                date=item.expiry.isoformat(),
            ),
            entity="item",
            entity_id=str(item.id),
        )
    sig = sign_in(uow, login, item, Meaning.MATERIAL_RELEASED, password, username=username)
    records.set_status(
        uow, item, Status.RELEASED, reason=f"incoming inspection passed; {sig.meaning}"
    )
    for piece in serial_pieces(uow.session, item):
        if piece.status == Status.QUARANTINE:
            records.set_status(
                uow, piece, Status.RELEASED, reason=f"delivery {label(item)} released"
            )
    data = {
        "decision": Status.RELEASED,
        "reason": "incoming inspection passed",
        "signature": sig.id,
    }
    event = records.record_event(
        uow, EventKind.MATERIAL_RELEASE, item=item, event_id=event_id, data=data
    )
    return _decision(uow, event, sig.id)


@use_case(Permission.MATERIAL_DISPOSITION)
def reject_material(
    uow: UnitOfWork, lot_scan: str, reason: str, *, event_id: uuid.UUID | None = None
) -> MaterialDecision:
    """Reject a quarantined (or released, unused) lot: it is never consumed."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        return _decision(uow, earlier, None)
    item = _lot(uow.session, lot_scan)
    why = (reason or "").strip()
    if not why:
        raise Refusal(t('scan "{scan}": rejecting a lot needs a reason', scan=shown(lot_scan)))
    if item.status == Status.REJECTED:
        raise Refusal(
            t('scan "{scan}": {item} is rejected already', scan=shown(lot_scan), item=label(item)),
            entity="item",
            entity_id=str(item.id),
        )
    records.set_status(uow, item, Status.REJECTED, reason=why)
    for piece in serial_pieces(uow.session, item):
        if piece.status in (Status.QUARANTINE, Status.RELEASED):
            records.set_status(uow, piece, Status.REJECTED, reason=f"delivery {label(item)}: {why}")
    data = {"decision": Status.REJECTED, "reason": why}
    event = records.record_event(
        uow,
        EventKind.MATERIAL_REJECT,
        item=item,
        event_id=event_id,
        outcome=Outcome.REJECTED,
        data=data,
    )
    return _decision(uow, event, None)


__all__ = [
    "IncomingInspectionView",
    "MaterialDecision",
    "PieceView",
    "delivery_pieces",
    "inspect_material",
    "reject_material",
    "release_material",
]
