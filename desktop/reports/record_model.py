"""The batch record (device history record) of a production lot or a serial, as data.

Its sections follow REFERENCE 4.2 (21 CFR 820.184, ISO 13485 7.5.1 / QMSR 820.35): the lot or
serial, the product with its UDI-DI and route revision, the dates and quantities of
manufacture, every step (who, when, where, with which device, what was measured), inspections
against limits, nonconformances and holds, the labels issued, the component lots with their
receiving history (received, inspected, released), the release signature, the shipping events
(packed, shipped, delivered), the service and repair events after release, and the audit trail
about all of these. ``desktop.services.documents`` fills it;
``record_pdf`` and ``record_files`` render it. Times are UTC; each carries the zone it is shown
in (the station's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.domain.distribution import ServiceKind
from desktop.domain.events import EventKind, Outcome
from desktop.domain.labelling import PrintStatus
from desktop.domain.plant import Tracking
from desktop.domain.quality import Disposition, NcrStatus
from desktop.domain.states import Status
from desktop.domain.text import Text, t
from desktop.reports.signature import Manifestation


def zone_of(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_text(when: datetime | None, zone: str | None) -> str:
    """``2026-11-25 14:03:07 Europe/Berlin (UTC+01:00)``: a time in a named zone."""
    if when is None:
        return ""
    shown = when.astimezone(zone_of(zone))
    offset = shown.strftime("%z")
    return f"{shown:%Y-%m-%d %H:%M:%S} {zone or 'UTC'} (UTC{offset[:3]}:{offset[3:]})"


def short_text(when: datetime | None, zone: str | None) -> str:
    """``2026-11-25 14:03:07 +01:00``: a time in a zone named elsewhere (a column header)."""
    if when is None:
        return ""
    shown = when.astimezone(zone_of(zone))
    offset = shown.strftime("%z")
    return f"{shown:%Y-%m-%d %H:%M:%S} {offset[:3]}:{offset[3:]}"


@dataclass(frozen=True)
class Identification:
    record_of: str  # "production lot" | "unit"
    lot: str
    serial: str | None
    product: str
    description: str
    gtin: str  # the UDI-DI
    issuing_agency: str
    tracking: Tracking
    route: str
    route_version: int
    label_templates: tuple[str, ...]  # "udi-4x2 v1": the approved versions printed
    work_order: str | None
    production_date: date | None
    expiry: date | None
    status: Status


@dataclass(frozen=True)
class Quantities:
    unit: str  # units | kits
    ordered: int
    started: int
    manufactured: int
    scrapped: int
    released: int
    first_event: datetime | None  # start of manufacture (station time)
    last_event: datetime | None  # end of manufacture so far (station time)
    zone: str  # the zone the dates are shown in


@dataclass(frozen=True)
class UnitLine:
    item: str
    serial: str | None
    status: Status
    steps_passed: int


@dataclass(frozen=True)
class StepLine:
    event_id: str
    item: str
    kind: EventKind
    step: str  # "4 Weigh assembled pump" ("" for events outside the route)
    outcome: Outcome
    printed_name: str
    username: str
    station: str
    zone: str
    station_time: datetime
    db_time: datetime
    device: str  # device name ("" when none)
    device_serial: str
    value: str
    unit: str
    stable: bool | None
    limits: str
    raw_frame: str
    message: str


@dataclass(frozen=True)
class InspectionLine:
    item: str
    characteristic: str
    nominal: Decimal | None
    lower: Decimal | None
    upper: Decimal | None
    unit: str
    value: Decimal | None
    passed: bool
    printed_name: str
    at: datetime
    zone: str
    event_id: str


@dataclass(frozen=True)
class NcrLine:
    number: str
    item: str
    description: str
    status: NcrStatus
    opened_by: str
    opened_at: datetime
    disposition: Disposition | None
    disposition_reason: str | None
    signature: Manifestation | None
    closed_by: str | None
    closed_at: datetime | None
    close_note: str | None


@dataclass(frozen=True)
class HoldLine:
    item: str
    reason: str
    ncr: str | None
    placed_by: str
    placed_at: datetime
    released_by: str | None
    released_at: datetime | None
    release_reason: str | None


@dataclass(frozen=True)
class LabelLine:
    key: str
    item: str
    template: str
    template_version: int
    element_string: str  # GS shown as <GS>
    hri: tuple[str, ...]
    status: PrintStatus
    reprint_of: str | None
    reason: str | None  # why reprinted
    void_reason: str | None
    printed_at: datetime | None
    verified_at: datetime | None
    approval: Manifestation | None  # "Reprint approved"


@dataclass(frozen=True)
class LabelCounts:
    issued: int
    originals: int
    reprints: int
    voided: int
    verified: int


@dataclass(frozen=True)
class ComponentLine:
    consumed_into: str
    part_number: str
    part_name: str
    supplier: str
    supplier_lot: str
    serial: str | None
    quantity: Decimal
    unit: str
    at: datetime
    removed: bool  # the link was removed later (rework)


@dataclass(frozen=True)
class ReceivingLine:
    """One receiving event of a component lot or serialised part consumed into the covered
    items: received, inspected at goods-in, released (signed) or rejected."""

    component: str  # "lot BRD-A", "unit H-002"
    part_number: str
    part_name: str
    supplier: str
    supplier_lot: str  # the supplier's lot (the delivery, for a serialised part)
    serial: str | None
    consumed_into: str  # "unit SN-000001, unit SN-000003"
    kind: EventKind
    outcome: Outcome
    printed_name: str
    username: str
    station: str
    zone: str
    at: datetime  # station time
    details: str  # quantity, expiry, certificate; inspection notes and readings; reason
    signature: Manifestation | None  # "Material released for use"
    event_id: str


@dataclass(frozen=True)
class ShippingLine:
    """A packing or shipping event of the covered items or the cases and pallets holding them;
    a shipment with its customer site, delivery note and proof of delivery."""

    item: str  # what was packed or closed; for a shipment, what was scanned onto it
    kind: EventKind
    sscc: str  # the case or pallet (SSCCs shipped, for a shipment)
    shipment: str | None  # the shipment number, printed on its delivery note
    customer: str | None
    site: str | None  # the customer's site (with its GLN)
    printed_name: str
    username: str
    station: str
    zone: str
    at: datetime
    delivered_to: str | None  # proof of delivery: who signed at the customer
    delivered_at: datetime | None
    event_id: str


@dataclass(frozen=True)
class ServiceLine:
    """An after-sale event of a covered unit: installation, service visit, repair (with the
    part removed and the part fitted), return (RMA, with its reason) or disposal."""

    item: str
    kind: ServiceKind
    site: str  # where (the customer's site), "" when not given
    removed: str | None  # a repair's part taken out
    fitted: str | None  # a repair's part put in
    notes: str  # the reason, the RMA
    printed_name: str
    username: str
    station: str
    zone: str
    at: datetime
    event_id: str


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    username: str
    station: str
    action: str
    entity: str
    entity_id: str
    old_value: str | None
    new_value: str | None
    reason: str | None


@dataclass(frozen=True)
class ChainStatus:
    ok: bool
    checked: int
    broken_id: int | None
    problem: str

    def text(self) -> Text:
        """The chain's state in a sentence (English as a str; ``render`` it for a language)."""
        if self.ok:
            return t("the audit chain verifies: {count} entries, unbroken", count=self.checked)
        return t(
            "THE AUDIT CHAIN DOES NOT VERIFY: entry {entry}: {problem} ({count} entries checked)",
            entry=self.broken_id,
            problem=self.problem,
            count=self.checked,
        )


@dataclass(frozen=True)
class Generated:
    at: datetime
    zone: str
    printed_name: str
    username: str
    station: str


@dataclass(frozen=True)
class SpcFlagLine:
    number: str  # "SPC-000001"
    item: str
    rule: str  # "rule 1: a point beyond 3 sigma"
    value: str  # "2410 g"
    status: str  # "open" | "dispositioned"
    decision: str  # "quinn 2026-12-04 22:21: scale re-zeroed" ("" while open)


@dataclass(frozen=True)
class SpcSection:
    """The individuals chart of one numeric step's readings in this record, against the control
    limits in force (trial limits from these readings while none is frozen), and the anomaly
    flags raised on these items at that step."""

    step: str  # "4 Weigh assembled pump"
    unit: str
    items: tuple[str, ...]  # the unit of each point, in order
    values: tuple[float, ...]
    centre: float
    lower: float
    upper: float
    range_centre: float
    range_upper: float
    spec_lower: float
    spec_upper: float
    limits_from: str  # "baseline 1 (10 readings), Control limits approved by ..." | "trial ..."
    marked: tuple[tuple[int, str], ...]  # point index -> the rule numbers it broke ("1,5")
    flags: tuple[SpcFlagLine, ...]


@dataclass(frozen=True)
class BatchRecord:
    identification: Identification
    quantities: Quantities
    units: tuple[UnitLine, ...]
    steps: tuple[StepLine, ...]
    inspections: tuple[InspectionLine, ...]
    nonconformances: tuple[NcrLine, ...]
    holds: tuple[HoldLine, ...]
    labels: tuple[LabelLine, ...]
    label_counts: LabelCounts
    components: tuple[ComponentLine, ...]
    receiving: tuple[ReceivingLine, ...]
    release: Manifestation | None
    shipping: tuple[ShippingLine, ...]
    service: tuple[ServiceLine, ...]
    audit: tuple[AuditLine, ...]
    audit_chain: ChainStatus
    generated: Generated
    spc: tuple[SpcSection, ...] = ()  # one per numeric step with readings in this record

    @property
    def title(self) -> Text:
        """What the record is of: "IP-300 infusion pump, lot K7-0042" (a ``Text``)."""
        ident = self.identification
        if ident.serial:
            return t(
                "{product}, unit {serial} (lot {lot})",
                product=ident.product,
                serial=ident.serial,
                lot=ident.lot,
            )
        return t("{product}, lot {lot}", product=ident.product, lot=ident.lot)
