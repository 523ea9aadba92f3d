"""The batch record PDF's sections around production: the receiving history of the
components, the shipping events and the service events after release (one table each, in
the style of ``record_pdf``; times in the zone of the station that recorded them)."""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from desktop.domain.events import EventKind, Outcome
from desktop.reports.pdf_kit import Raw, head, outcome, signature, table
from desktop.reports.record_model import (
    BatchRecord,
    ReceivingLine,
    ServiceLine,
    ShippingLine,
    short_text,
)


def _when(at: datetime | None, zone: str) -> str:
    return f"{short_text(at, zone)}\n{zone}" if at else ""


def _who(printed_name: str, username: str, station: str) -> str:
    return f"{printed_name}\n({username})\n{station}"


def _component(line: ReceivingLine) -> str:
    serial = f"\nS/N {line.serial}" if line.serial else ""
    return (
        f"{line.component}\n{line.part_number} {line.part_name}\n{line.supplier}\n"
        f"supplier lot {line.supplier_lot}{serial}"
    )


def _event(line: ReceivingLine) -> Raw:
    """The event in words, its outcome in bold red capitals when it is not ok."""
    shown = escape(str(line.kind.words))
    return Raw(shown if line.outcome is Outcome.OK else f"{shown}<br/>{outcome(line.outcome)}")


def receiving(record: BatchRecord, number: int) -> list[Flowable]:
    """One row per event; a component and what it went into are named on its first row."""
    rows, before = [], ""
    for r in record.receiving:
        first = r.component != before
        before = r.component
        rows.append(
            [
                _component(r) if first else "",
                r.consumed_into if first else "",
                _event(r),
                _when(r.at, r.zone),
                _who(r.printed_name, r.username, r.station),
                r.details,
                signature(r.signature),
            ]
        )
    header = ["Component (part, supplier, lot)", "Consumed into", "Event", "When", "Who"]
    header += ["Record", "Signature"]
    return [
        *head(f"{number}. Receiving of the components (incoming inspection and release)"),
        table(header, rows, [1.9, 1.3, 1.1, 1.5, 1.1, 2.3, 1.6]),
    ]


def _shipped(line: ShippingLine) -> str:
    if line.kind != EventKind.SHIPMENT:
        return ""
    parts = [
        f"shipment {line.shipment} (delivery note {line.shipment})",
        f"to {line.customer}, {line.site or '-'}",
    ]
    return "\n".join(parts)


def _delivered(line: ShippingLine) -> str:
    if line.kind != EventKind.SHIPMENT:
        return ""
    if line.delivered_to is None:
        return "no proof of delivery recorded"
    return f"signed by {line.delivered_to}\n{_when(line.delivered_at, line.zone)}"


def shipping(record: BatchRecord, number: int) -> list[Flowable]:
    rows = [
        [
            _when(s.at, s.zone),
            s.kind.words,
            s.item,
            s.sscc,
            _shipped(s),
            _who(s.printed_name, s.username, s.station),
            _delivered(s),
        ]
        for s in record.shipping
    ]
    header = ["When", "Event", "Item", "Case / pallet SSCC", "Shipment", "Who"]
    header.append("Proof of delivery")
    return [
        *head(f"{number}. Packing and shipping"),
        table(header, rows, [1.5, 0.9, 1.6, 1.7, 2.3, 1.1, 1.6]),
    ]


def _repair(line: ServiceLine) -> str:
    shown = [f"removed: {line.removed}"] if line.removed else []
    return "\n".join([*shown, f"fitted: {line.fitted}"] if line.fitted else shown)


def service(record: BatchRecord, number: int) -> list[Flowable]:
    rows = [
        [
            _when(s.at, s.zone),
            s.item,
            s.kind.words,
            s.site,
            _repair(s),
            s.notes,
            _who(s.printed_name, s.username, s.station),
        ]
        for s in record.service
    ]
    header = ["When", "Unit", "Event", "Site", "Parts removed / fitted", "Reason / notes", "Who"]
    return [
        *head(f"{number}. Service, repair, return and disposal after release"),
        table(header, rows, [1.5, 1.1, 0.9, 1.6, 2.0, 2.3, 1.2]),
    ]


__all__ = ["receiving", "service", "shipping"]
