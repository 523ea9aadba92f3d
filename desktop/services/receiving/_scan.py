"""Receiving from the supplier's label: a GS1 or HIBC scan names the part (by the supplier's GTIN
or part number in the master data), the lot and the expiry; the station asks only for what the
label cannot say (quantity, certificate). Also the lists the receiving station shows.

A label the master data does not know is refused with what the master data lacks; an expired
lot is refused before anything is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Item, Part, Product, Supplier
from desktop.domain.permissions import Permission
from desktop.domain.plant import Tracking
from desktop.domain.states import ItemKind, Status
from desktop.domain.text import t
from desktop.domain.udi import ParsedUDI, parse_scan
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.receiving._receipts import MaterialLotView, lot_view, receive_lot


@dataclass(frozen=True)
class SupplierLabel:
    """What a supplier's label said, with the part of the master data it names."""

    scan: str
    scheme: str  # "GS1" | "HIBC"
    part_number: str
    part_name: str
    serialised: bool
    unit: str
    gtin: str | None
    lot: str | None
    serial: str | None
    expiry: date | None


@dataclass(frozen=True)
class SupplierView:
    code: str
    name: str
    approved: bool


# ---------------------------------------------------------------- reading the label


def _parsed(scan: str) -> ParsedUDI:
    parsed = parse_scan(scan, expect_gs1=False)
    if parsed.scheme is None:  # GS1 data without its AIM identifier (typed, or a wedge)
        as_gs1 = parse_scan(scan, expect_gs1=True)
        parsed = as_gs1 if as_gs1.valid else parsed
    if parsed.scheme not in ("GS1", "HIBC"):
        raise Refusal(
            t(
                'scan "{scan}" is not a GS1 or HIBC label: scan the barcode on the '
                "supplier's label that holds the part and the lot",
                scan=shown(scan),
            )
        )
    if not parsed.valid:
        raise Refusal(
            t(
                'scan "{scan}" is not a valid label: {error}: scan it again, or ask the '
                "supplier for a readable label",
                scan=shown(scan),
                error=parsed.errors[0],
            )
        )
    return parsed


def _part_by_gtin(session: Session, scan: str, gtin: str) -> Part:
    part = session.scalars(select(Part).where(Part.gtin == gtin)).first()
    if part is not None:
        return part
    product = session.scalars(select(Product).where(Product.gtin == gtin)).first()
    if product is not None:
        raise Refusal(
            t(
                'scan "{scan}": GTIN {gtin} is our own product {product}, not a supplier\'s '
                "part: scan the label the supplier put on the delivery",
                scan=shown(scan),
                gtin=gtin,
                product=product.name,
            )
        )
    raise NotFound(
        t(
            'scan "{scan}": no part in the master data has the supplier\'s GTIN {gtin}: '
            'add gtin = "{gtin}" to the part in the parts file and load the master data '
            "(lotline masterdata load), then scan again",
            scan=shown(scan),
            gtin=gtin,
        )
    )


def _part_by_number(session: Session, scan: str, parsed: ParsedUDI) -> Part:
    info = parsed.hibc
    number = (info.pcn if info else None) or ""
    candidates = [number] + ([f"{info.lic}{number}"] if info and info.lic else [])
    for candidate in candidates:
        found = session.scalars(select(Part).where(Part.part_number == candidate)).first()
        if found is not None:
            return found
    raise NotFound(
        t(
            'scan "{scan}": no part in the master data has the supplier\'s part number '
            "{number} (HIBC labeler {labeler}): add the part {number} to the parts file and "
            "load the master data (lotline masterdata load), then scan again",
            scan=shown(scan),
            number=number or "?",
            labeler=(info.lic if info else None) or "?",
        )
    )


def read_label(session: Session, scan: str, today: date | None = None) -> SupplierLabel:
    """The supplier's label as the master data knows it, or a refusal saying what to do."""
    parsed = _parsed(scan)
    if parsed.scheme == "GS1":
        if not parsed.gtin:
            raise Refusal(
                t(
                    'scan "{scan}" has no GTIN (01): scan the supplier\'s label that holds '
                    "the GTIN, the lot and the expiry",
                    scan=shown(scan),
                )
            )
        part = _part_by_gtin(session, scan, parsed.gtin)
    else:
        part = _part_by_number(session, scan, parsed)
    found = SupplierLabel(
        scan=scan,
        scheme=str(parsed.scheme),
        part_number=part.part_number,
        part_name=part.name,
        serialised=part.tracking == Tracking.SERIAL,
        unit=part.unit,
        gtin=parsed.gtin,
        lot=parsed.lot,
        serial=parsed.serial,
        expiry=parsed.expiry,
    )
    day = today or date.today()
    if found.expiry is not None and found.expiry <= day:
        raise Refusal(
            t(
                'scan "{scan}": lot {lot} of {part} expired on {date}: expired material is '
                "not received: set the delivery aside and return it to the supplier",
                scan=shown(scan),
                lot=found.lot or "?",
                part=part.part_number,
                date=found.expiry.isoformat(),
            )
        )
    return found


@use_case(Permission.MATERIAL_RECEIVE, read_only=True)
def read_supplier_label(uow: UnitOfWork, scan: str, *, today: date | None = None) -> SupplierLabel:
    """What the scanned supplier label says: part, lot, expiry (refused when unknown or expired)."""
    return read_label(uow.session, scan, today)


@use_case(Permission.MATERIAL_RECEIVE, read_only=True)
def piece_serial(uow: UnitOfWork, scan: str, part_number: str) -> str:
    """The serial number of one piece of a serialised part, from its label or typed."""
    text = scan.strip()
    parsed = parse_scan(text, expect_gs1=False)
    if parsed.scheme in ("GS1", "HIBC"):
        label = read_label(uow.session, text)
        if label.part_number != part_number:
            raise Refusal(
                t(
                    'scan "{scan}" is a label of {found}, not of {part}: scan the serial of '
                    "each piece of this delivery",
                    scan=shown(scan),
                    found=label.part_number,
                    part=part_number,
                )
            )
        if not label.serial:
            raise Refusal(
                t(
                    'scan "{scan}" has no serial number: scan the label of one piece',
                    scan=shown(scan),
                )
            )
        return label.serial
    if not text or len(text) > 40 or not text.isprintable():
        raise Refusal(
            t(
                'scan "{scan}" is not a serial number: scan the label of one piece',
                scan=shown(scan),
            )
        )
    return text


@use_case(Permission.MATERIAL_RECEIVE)
def receive_scanned(
    uow: UnitOfWork,
    scan: str,
    supplier_code: str,
    quantity: Decimal | int | str,
    *,
    lot: str | None = None,
    certificate: str | Path | None = None,
    serials: Sequence[str] = (),
    event_id: uuid.UUID | None = None,
    today: date | None = None,
) -> MaterialLotView:
    """Receive the lot a supplier's label names into quarantine (``lot`` when the label has
    none, e.g. a HIBC primary label)."""
    label = read_label(uow.session, scan, today)
    typed = (lot or "").strip()
    if label.lot and typed and typed != label.lot:
        raise Refusal(
            t(
                'scan "{scan}" says lot {lot}, but lot {typed} was typed: receive the lot '
                "the label says, or scan the right label",
                scan=shown(scan),
                lot=label.lot,
                typed=typed,
            )
        )
    return receive_lot(
        uow, label.part_number, supplier_code, label.lot or typed, quantity,
        expiry=label.expiry, certificate=certificate, event_id=event_id, today=today,
        serials=serials, scan=scan,
    )  # fmt: skip


# ---------------------------------------------------------------- lists


@use_case(Permission.TRACE_VIEW, read_only=True)
def material_lots(
    uow: UnitOfWork, status: str | None = None, *, limit: int = 200
) -> list[MaterialLotView]:
    """Received supplier lots, newest first (only those in ``status`` when given)."""
    stmt = select(Item).where(Item.kind == ItemKind.MATERIAL_LOT)
    if status:
        known = [s.value for s in Status]
        if status not in known:
            raise Refusal(
                t(
                    'status "{status}" is not a status: use quarantine, released or rejected',
                    status=shown(status),
                )
            )
        stmt = stmt.where(Item.status == status)
    rows = uow.session.scalars(stmt.order_by(Item.id.desc()).limit(limit))
    return [lot_view(uow.session, item) for item in rows]


@use_case(Permission.TRACE_VIEW, read_only=True)
def material_lot(uow: UnitOfWork, lot_scan: str) -> MaterialLotView:
    """The received lot a scan names (its bin label, its supplier's label or its lot typed)."""
    found = require_item(uow.session, lot_scan, (ItemKind.MATERIAL_LOT,), "received material lot")
    return lot_view(uow.session, found)


@use_case(Permission.TRACE_VIEW, read_only=True)
def suppliers(uow: UnitOfWork) -> list[SupplierView]:
    """The suppliers of the master data (approved ones may deliver)."""
    rows = uow.session.scalars(select(Supplier).order_by(Supplier.code))
    return [SupplierView(s.code, s.name, bool(s.approved)) for s in rows]


__all__ = [
    "SupplierLabel",
    "SupplierView",
    "material_lot",
    "material_lots",
    "piece_serial",
    "read_label",
    "read_supplier_label",
    "receive_scanned",
    "suppliers",
]
