"""The batch record PDF's sections around production: the receiving history of the
components, the shipping events and the service events after release (one table each, in
the style of ``record_pdf``; times in the zone of the station that recorded them). Their fixed
words are ``t("...")`` templates rendered with the record's ``translate``."""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from desktop.domain.events import EventKind, Outcome
from desktop.domain.text import Text, Translate, t
from desktop.reports.language import english
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


def _component(line: ReceivingLine, translate: Translate) -> str:
    lot = t("supplier lot {lot}", lot=line.supplier_lot).render(translate)
    serial = "\n" + t("S/N {serial}", serial=line.serial).render(translate) if line.serial else ""
    return f"{line.component}\n{line.part_number} {line.part_name}\n{line.supplier}\n{lot}{serial}"


def _event(line: ReceivingLine, translate: Translate) -> Raw:
    """The event in words, its outcome in bold red capitals when it is not ok."""
    shown = escape(line.kind.words.render(translate))
    if line.outcome is Outcome.OK:
        return Raw(shown)
    return Raw(f"{shown}<br/>{outcome(line.outcome, translate)}")


def receiving(record: BatchRecord, number: int, translate: Translate = english) -> list[Flowable]:
    """One row per event; a component and what it went into are named on its first row."""
    rows, before = [], ""
    for r in record.receiving:
        first = r.component != before
        before = r.component
        rows.append(
            [
                _component(r, translate) if first else "",
                r.consumed_into if first else "",
                _event(r, translate),
                _when(r.at, r.zone),
                _who(r.printed_name, r.username, r.station),
                r.details,
                signature(r.signature, translate),
            ]
        )
    header = [t("Component (part, supplier, lot)"), t("Consumed into"), t("Event"), t("When")]
    header += [t("Who"), t("Record"), t("Signature")]
    title = t(
        "{number}. Receiving of the components (incoming inspection and release)", number=number
    )
    return [
        *head(title.render(translate)),
        table(header, rows, [1.9, 1.3, 1.1, 1.5, 1.1, 2.3, 1.6], translate),
    ]


def _shipped(line: ShippingLine, translate: Translate) -> str:
    if line.kind != EventKind.SHIPMENT:
        return ""
    parts = [
        t("shipment {shipment} (delivery note {note})", shipment=line.shipment, note=line.shipment),
        t("to {customer}, {site}", customer=line.customer, site=line.site or "-"),
    ]
    return "\n".join(part.render(translate) for part in parts)


def _delivered(line: ShippingLine, translate: Translate) -> str:
    if line.kind != EventKind.SHIPMENT:
        return ""
    if line.delivered_to is None:
        return t("no proof of delivery recorded").render(translate)
    signed = t("signed by {name}", name=line.delivered_to).render(translate)
    return f"{signed}\n{_when(line.delivered_at, line.zone)}"


def shipping(record: BatchRecord, number: int, translate: Translate = english) -> list[Flowable]:
    rows = [
        [
            _when(s.at, s.zone),
            s.kind.words,
            s.item,
            s.sscc,
            _shipped(s, translate),
            _who(s.printed_name, s.username, s.station),
            _delivered(s, translate),
        ]
        for s in record.shipping
    ]
    header = [t("When"), t("Event"), t("Item"), t("Case / pallet SSCC"), t("Shipment"), t("Who")]
    header.append(t("Proof of delivery"))
    return [
        *head(t("{number}. Packing and shipping", number=number).render(translate)),
        table(header, rows, [1.5, 0.9, 1.6, 1.7, 2.3, 1.1, 1.6], translate),
    ]


def _repair(line: ServiceLine, translate: Translate) -> str:
    shown: list[Text] = [t("removed: {part}", part=line.removed)] if line.removed else []
    if line.fitted:
        shown.append(t("fitted: {part}", part=line.fitted))
    return "\n".join(part.render(translate) for part in shown)


def service(record: BatchRecord, number: int, translate: Translate = english) -> list[Flowable]:
    rows = [
        [
            _when(s.at, s.zone),
            s.item,
            s.kind.words,
            s.site,
            _repair(s, translate),
            s.notes,
            _who(s.printed_name, s.username, s.station),
        ]
        for s in record.service
    ]
    header = [t("When"), t("Unit"), t("Event"), t("Site"), t("Parts removed / fitted")]
    header += [t("Reason / notes"), t("Who")]
    title = t("{number}. Service, repair, return and disposal after release", number=number)
    return [
        *head(title.render(translate)),
        table(header, rows, [1.5, 1.1, 0.9, 1.6, 2.0, 2.3, 1.2], translate),
    ]


__all__ = ["receiving", "service", "shipping"]
