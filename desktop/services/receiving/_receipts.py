"""Incoming material: receive supplier lots into quarantine (_inspection.py: inspect,
release or reject them).

A received lot records the supplier's lot number, quantity, expiry and the certificate file
(its path and SHA-256, so that a later change of the file shows). It stays in quarantine until
QC records an accepted incoming inspection and releases it with the signature "Material
released for use"; a rejected lot is never consumed.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Event, Item, Part, Supplier
from desktop.domain.events import EventKind, LinkKind
from desktop.domain.permissions import Permission
from desktop.domain.plant import Tracking
from desktop.domain.states import ItemKind, Status
from desktop.domain.text import t
from desktop.services.core import records
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import shown, shown_path
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case

MAX_SUPPLIER_LOT = 40  # items.supplier_lot
MAX_GS1_LOT = 20  # GS1 AI (10): the supplier's lot is also the lot a GS1 scan finds


@dataclass(frozen=True)
class MaterialLotView:
    id: int
    part_number: str
    supplier_code: str
    supplier_lot: str
    quantity: Decimal
    quantity_available: Decimal
    unit: str
    expiry: date | None
    status: Status
    certificate_path: str | None
    certificate_sha256: str | None
    received_event: uuid.UUID | None


# ---------------------------------------------------------------- views


def events_of(session: Session, item: Item, kind: EventKind) -> list[Event]:
    stmt = select(Event).where(Event.item_id == item.id, Event.kind == kind)
    return list(session.scalars(stmt.order_by(Event.db_time, Event.station_time)))


def lot_view(session: Session, item: Item) -> MaterialLotView:
    part = session.get(Part, item.part_id) if item.part_id else None
    supplier = session.get(Supplier, item.supplier_id) if item.supplier_id else None
    received = events_of(session, item, EventKind.RECEIVE)
    cert = received[0].data.get("certificate") if received else None
    return MaterialLotView(
        item.id,
        part.part_number if part else "?",
        supplier.code if supplier else "?",
        item.supplier_lot or item.lot or "",
        item.quantity,
        item.quantity_available,
        item.unit,
        item.expiry,
        item.status,
        item.certificate_path,
        cert.get("sha256") if isinstance(cert, dict) else None,
        received[0].id if received else None,
    )


# ---------------------------------------------------------------- receiving


def _part(session: Session, part_number: str) -> Part:
    part = session.scalars(select(Part).where(Part.part_number == part_number.strip())).first()
    if part is None:
        raise NotFound(
            t(
                'part "{part}" is not in the master data: check the part number '
                "on the delivery note",
                part=shown(part_number),
            )
        )
    return part


def _supplier(session: Session, code: str) -> Supplier:
    supplier = session.scalars(select(Supplier).where(Supplier.code == code.strip())).first()
    if supplier is None:
        raise NotFound(
            t(
                'supplier "{supplier}" is not in the master data: check the code',
                supplier=shown(code),
            )
        )
    if not supplier.approved:
        raise Refusal(
            t(
                "supplier {code} ({name}) is not approved: material from it "
                "cannot be received; ask quality",
                code=supplier.code,
                name=supplier.name,
            )
        )
    return supplier


def _quantity(value: Decimal | int | str) -> Decimal:
    try:
        quantity = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise Refusal(
            t('quantity "{quantity}" is not a number', quantity=shown(str(value)))
        ) from None
    if not quantity.is_finite() or quantity <= 0:
        raise Refusal(
            t("quantity {quantity} must be more than zero: count the delivery", quantity=str(value))
        )
    return quantity


def _supplier_lot(text: str) -> str:
    lot = (text or "").strip()
    if not lot or len(lot) > MAX_SUPPLIER_LOT or not lot.isprintable():
        raise Refusal(
            t(
                'supplier lot "{lot}" must be 1-{limit} printable '
                "characters: copy it from the supplier's label",
                lot=shown(text or ""),
                limit=MAX_SUPPLIER_LOT,
            )
        )
    return lot


def _certificate(path: str | Path | None) -> dict[str, object] | None:
    if path is None:
        return None
    file = Path(path)
    try:
        content = file.read_bytes()
    except OSError as exc:
        raise Refusal(
            t(
                'certificate "{path}" cannot be read ({error}): '
                "scan or copy the certificate to the shared folder first",
                path=shown_path(str(path)),
                error=str(exc.strerror or exc),
            )
        ) from None
    digest = hashlib.sha256(content).hexdigest()
    return {"path": str(file.resolve()), "sha256": digest, "size": len(content)}


def _refuse_duplicate(session: Session, part: Part, supplier: Supplier, lot: str) -> None:
    stmt = select(Item).where(
        Item.kind == ItemKind.MATERIAL_LOT,
        Item.part_id == part.id,
        Item.supplier_id == supplier.id,
        Item.supplier_lot == lot,
    )
    found = session.scalars(stmt.limit(1)).first()
    if found is not None:
        raise Refusal(
            t(
                "lot {lot} of {part} from {supplier} was received already "
                "({status}, {quantity} {unit}): "
                "a lot is received once: check the delivery note and the supplier's lot label",
                lot=lot,
                part=part.part_number,
                supplier=supplier.code,
                status=found.status.words,
                quantity=f"{found.quantity.normalize():f}",
                unit=found.unit,
            ),
            entity="item",
            entity_id=str(found.id),
        )


@use_case(Permission.MATERIAL_RECEIVE)
def receive_material(
    uow: UnitOfWork,
    part_number: str,
    supplier_code: str,
    supplier_lot: str,
    quantity: Decimal | int | str,
    *,
    expiry: date | None = None,
    certificate: str | Path | None = None,
    event_id: uuid.UUID | None = None,
    today: date | None = None,
    serials: Sequence[str] = (),
) -> MaterialLotView:
    """Receive a supplier lot into quarantine (with its certificate's path and SHA-256).

    A serialised part (housings) comes with ``serials``: each becomes an item of its own,
    linked to the delivery lot, quarantined and released or rejected with it."""
    return receive_lot(
        uow, part_number, supplier_code, supplier_lot, quantity, expiry=expiry,
        certificate=certificate, event_id=event_id, today=today, serials=serials,
    )  # fmt: skip


def receive_lot(
    uow: UnitOfWork,
    part_number: str,
    supplier_code: str,
    supplier_lot: str,
    quantity: Decimal | int | str,
    *,
    expiry: date | None = None,
    certificate: str | Path | None = None,
    event_id: uuid.UUID | None = None,
    today: date | None = None,
    serials: Sequence[str] = (),
    scan: str | None = None,
) -> MaterialLotView:
    """receive_material inside the caller's unit of work (also used by receiving a scan, whose
    text is kept in the event)."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None and earlier.item_id is not None:
        item = uow.session.get(Item, earlier.item_id)
        assert item is not None
        return lot_view(uow.session, item)
    part = _part(uow.session, part_number)
    supplier = _supplier(uow.session, supplier_code)
    lot = _supplier_lot(supplier_lot)
    amount = _quantity(quantity)
    day = today or date.today()
    if expiry is not None and expiry <= day:
        raise Refusal(
            t(
                "lot {lot} of {part} expired on {date}: expired material "
                "is not received; return it to the supplier",
                lot=lot,
                part=part.part_number,
                date=expiry.isoformat(),
            )
        )
    cert = _certificate(certificate)
    _refuse_duplicate(uow.session, part, supplier, lot)
    item = Item(
        kind=ItemKind.MATERIAL_LOT,
        part_id=part.id,
        supplier_id=supplier.id,
        gtin=part.gtin,
        lot=lot if len(lot) <= MAX_GS1_LOT else None,
        supplier_lot=lot,
        expiry=expiry,
        status=Status.QUARANTINE,
        quantity=amount,
        quantity_available=amount,
        unit=part.unit,
        certificate_path=str(cert["path"]) if cert else None,
    )
    uow.session.add(item)
    uow.session.flush()
    data = {
        "part": part.part_number,
        "supplier": supplier.code,
        "supplier_lot": lot,
        "quantity": str(amount),
        "unit": part.unit,
        "expiry": expiry.isoformat() if expiry else None,
        "certificate": cert,
    }
    if scan is not None:
        data["scan"] = scan
    event = records.record_event(uow, EventKind.RECEIVE, item=item, event_id=event_id, data=data)
    uow.audit("material.receive", "item", item.id, new=data)
    _receive_serials(uow, part, item, amount, serials, event)
    return lot_view(uow.session, item)


def _receive_serials(
    uow: UnitOfWork, part: Part, lot: Item, amount: Decimal, serials: Sequence[str], event: Event
) -> None:
    if part.tracking != Tracking.SERIAL:
        if serials:
            raise Refusal(
                t("part {part} is lot-controlled: give no serial numbers", part=part.part_number)
            )
        return
    if len(set(serials)) != len(serials) or Decimal(len(serials)) != amount:
        raise Refusal(
            t(
                "part {part} is serialised: give one serial number for each of the "
                "{amount} pieces (got {count}, duplicates count once)",
                part=part.part_number,
                amount=str(amount),
                count=len(serials),
            )
        )
    for serial in serials:
        taken = select(Item.id).where(Item.part_id == part.id, Item.serial == serial)
        if uow.session.scalar(taken) is not None:
            raise Refusal(
                t(
                    "{part} serial {serial} was received before: check the label",
                    part=part.part_number,
                    serial=serial,
                )
            )
        piece = Item(
            kind=ItemKind.UNIT, part_id=part.id, supplier_id=lot.supplier_id, gtin=part.gtin,
            serial=serial, lot=lot.lot, supplier_lot=lot.supplier_lot, expiry=lot.expiry,
            status=Status.QUARANTINE, quantity=Decimal(1), quantity_available=Decimal(1),
        )  # fmt: skip
        uow.session.add(piece)
        uow.session.flush()
        records.add_link(uow, piece, lot, event, quantity=Decimal(1), kind=LinkKind.CONSUME)


def serial_pieces(session: Session, lot: Item) -> list[Item]:
    """The serialised pieces received in a delivery lot."""
    stmt = select(Item).where(
        Item.kind == ItemKind.UNIT,
        Item.part_id == lot.part_id,
        Item.supplier_id == lot.supplier_id,
        Item.supplier_lot == lot.supplier_lot,
    )
    return list(session.scalars(stmt.order_by(Item.id)))


__all__ = [
    "MaterialLotView",
    "events_of",
    "lot_view",
    "receive_lot",
    "receive_material",
    "serial_pieces",
]
