"""The packing list / delivery note of a shipment: its data (what the shipping station and the
`lotline ship note` command print) and its PDF (every case, pallet and unit on it, with what is
inside: SSCC, GTIN, product, lot, serial, quantity)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from desktop.domain.distribution import ShipmentStatus
from desktop.domain.states import ItemKind
from desktop.reports.pdf_kit import BODY, MARGIN, PAGE, SUBTITLE, TITLE, cell, numbered, table


@dataclass(frozen=True)
class NoteLine:
    """One line: a scanned case, pallet or unit (level 0), or something inside the one above."""

    level: int
    kind: ItemKind
    sscc: str | None
    gtin: str | None
    product: str | None
    lot: str | None
    serial: str | None
    quantity: Decimal
    unit: str


@dataclass(frozen=True)
class DeliveryNote:
    number: str
    customer_code: str
    customer: str
    site: str | None
    site_gln: str | None
    status: ShipmentStatus
    shipped_at: datetime | None
    delivered_at: datetime | None
    received_by: str | None
    lines: tuple[NoteLine, ...]

    @property
    def units(self) -> int:
        return sum(1 for line in self.lines if line.kind == ItemKind.UNIT)

    @property
    def containers(self) -> int:
        return sum(1 for line in self.lines if line.kind in (ItemKind.CASE, ItemKind.PALLET))

    @property
    def scanned(self) -> int:
        return sum(1 for line in self.lines if line.level == 0)


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else "-"


def _quantity(line: NoteLine) -> str:
    return f"{line.quantity.normalize():f} {line.unit}"


def _rows(note: DeliveryNote) -> list[list[str]]:
    return [
        [
            str(i + 1),
            "    " * line.level + str(line.kind.words),
            line.sscc or "",
            line.gtin or "",
            line.product or "",
            line.lot or "",
            line.serial or "",
            _quantity(line),
        ]
        for i, line in enumerate(note.lines)
    ]


def _story(note: DeliveryNote) -> list[Flowable]:
    where = note.site or "-"
    if note.site_gln:
        where += f" (GLN {note.site_gln})"
    head = (
        f"Customer: {note.customer} ({note.customer_code})\nShip to: {where}\n"
        f"Status: {note.status.words}    shipped {_when(note.shipped_at)}\n"
        f"Scanned {note.scanned}: {note.containers} cases and pallets, {note.units} units"
    )
    if note.delivered_at is not None:
        head += f"\nDelivered {_when(note.delivered_at)}, signed for by {note.received_by}"
    header = ("#", "Item", "SSCC", "GTIN", "Product", "Lot", "Serial number", "Quantity")
    return [
        cell(f"Delivery note {note.number}", TITLE),
        cell("Packing list", SUBTITLE),
        cell(head, BODY),
        Spacer(1, 5 * mm),
        table(header, _rows(note), (3, 10, 16, 13, 20, 10, 12, 8)),
        Spacer(1, 12 * mm),
        cell("Received in good order by (name, signature, date and time):", BODY),
    ]


def render_delivery_note(note: DeliveryNote, path: str | Path) -> Path:
    """Write the delivery note as a PDF at ``path`` (A4 landscape, page X of Y)."""
    target = Path(path)
    doc = SimpleDocTemplate(
        str(target),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=14 * mm,
        title=f"Delivery note {note.number}",
        subject="Packing list and delivery note",
    )
    doc.build(_story(note), canvasmaker=numbered(f"Lotline delivery note {note.number}"))
    return target
