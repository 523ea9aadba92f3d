"""What the demo shift did, collected as it goes (``Tally``) and printed as a short summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from desktop.domain.states import ItemKind
from desktop.reports.recall_model import RecallView
from desktop.services.distribution import ShipmentView


@dataclass
class NcrStory:
    number: str
    unit: str
    reading: str  # the weight that failed, "2431.50 g"
    limits: str
    disposition: str  # "rework from step 4", with the signature's manifestation
    reweighed: str = ""
    closed: bool = False


@dataclass
class LabelCounts:
    printed: int = 0  # formats the printer simulator printed (files in DIR/labels)
    issued: int = 0  # print jobs the printer took (services' view)
    verified: int = 0
    voided: int = 0
    reprints: int = 0


@dataclass
class Tally:
    database: str
    out: Path
    ports: dict[str, str] = field(default_factory=dict)
    materials: list[str] = field(default_factory=list)
    pieces: int = 0  # serialised pieces received with their lots (pump housings)
    signer: str = ""  # who signed the material releases
    pump_lot: str = ""
    kit_lot: str = ""
    serials: list[str] = field(default_factory=list)
    board_of: dict[str, str] = field(default_factory=dict)  # serial -> control-board lot
    kits: int = 0
    weighings: int = 0
    scans: int = 0
    ncrs: list[NcrStory] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)
    releases: list[str] = field(default_factory=list)
    labels: LabelCounts = field(default_factory=LabelCounts)
    label_data: dict[str, str] = field(default_factory=dict)  # serial or lot -> UDI scanned
    reconciled: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    shipments: list[ShipmentView] = field(default_factory=list)
    bad_lot: str = ""
    traced_units: list[str] = field(default_factory=list)
    traced_customers: list[str] = field(default_factory=list)
    recall: RecallView | None = None
    record_pdf: Path | None = None
    files: list[Path] = field(default_factory=list)
    audit_ok: bool = False
    audit_text: str = ""

    def recall_units(self) -> list[str]:
        return (
            sorted(i.item.removeprefix("unit ") for i in self.recall.items) if self.recall else []
        )

    def recall_customers(self) -> list[str]:
        return sorted(c.code for c in self.recall.customers) if self.recall else []

    @property
    def scope_matches_trace(self) -> bool:
        return self.recall_units() == sorted(
            self.traced_units
        ) and self.recall_customers() == sorted(self.traced_customers)


def _shipment(view: ShipmentView) -> str:
    cases = sum(1 for line in view.lines if line.kind == ItemKind.CASE)
    units = sum(1 for line in view.lines if line.kind == ItemKind.UNIT)
    kits = sum(
        (line.quantity for line in view.lines if line.kind == ItemKind.PRODUCTION_LOT), Decimal(0)
    )
    return (
        f"{view.number} to {view.customer_code} {view.customer}, {view.site} (GLN "
        f"{view.site_gln}): {cases} case(s); {units} pump(s) and {kits.normalize():f} kit(s)"
    )


def _recall_lines(tally: Tally) -> list[str]:
    view = tally.recall
    if view is None:
        return ["recall: not opened"]
    lines = [
        f"recall {view.number} on {tally.bad_lot}: {view.reason}",
        f"  {view.items_total} affected unit(s): " + ", ".join(tally.recall_units()),
    ]
    for item in view.items:
        where = f"{item.customer} ({item.site})" if item.customer else "not shipped"
        lines.append(f"    {item.item}: {item.state_at_scope.replace('_', ' ')}, {where}")
    for c in view.customers:
        lines.append(f"  notify {c.code} {c.name}, {c.site} (GLN {c.site_gln}): {c.items} unit(s)")
    same = "same" if tally.scope_matches_trace else "DIFFERENT"
    lines.append(
        f"  db.trace forward: {len(tally.traced_units)} unit(s), customers "
        f"{', '.join(sorted(tally.traced_customers)) or 'none'} ({same} as the recall scope)"
    )
    return lines


def _production_lines(tally: Tally) -> list[str]:
    serials = f"{tally.serials[0]}..{tally.serials[-1]}" if tally.serials else "none"  # not a code
    lines = [
        f"received {len(tally.materials)} material lots ({tally.pieces} serialised housings "
        "among them), each inspected and released "
        f'(signed "Material released for use" by {tally.signer})',
        f"built {len(tally.serials)} pumps (lot {tally.pump_lot}, {serials}) and "
        f"{tally.kits} catheter kits (lot {tally.kit_lot}); {tally.scans} scans, "
        f"{tally.weighings} weighings through the device drivers",
        f"NCRs: {len(tally.ncrs)}",
    ]
    for n in tally.ncrs:
        lines.append(
            f"  {n.number}: {n.unit} weighed {n.reading} (limits {n.limits}) -> {n.disposition}"
            f" -> reweighed {n.reweighed} -> {'closed' if n.closed else 'OPEN'}"
        )
    return lines + tally.reviews + tally.releases


def _outbound_lines(tally: Tally) -> list[str]:
    counts = tally.labels
    lines = [
        f"labels: {counts.printed} printed by the printer, {counts.verified} verified by "
        f"scan-back, {counts.voided} voided, {counts.reprints} reprint(s); "
        + "; ".join(tally.reconciled),
        f"cases: {len(tally.cases)} (" + ", ".join(tally.cases) + ")",
        f"shipments: {len(tally.shipments)}",
    ]
    return lines + [f"  {_shipment(s)}" for s in tally.shipments]


def summary_lines(tally: Tally) -> list[str]:
    lines = [f"Lotline demo shift on {tally.database}"]
    lines += [f"  {name}: {url}" for name, url in tally.ports.items()]
    lines += _production_lines(tally) + _outbound_lines(tally) + _recall_lines(tally)
    return [
        *lines,
        f"batch record: {tally.record_pdf}",
        f"files: {len(tally.files)} written under {tally.out}",
        f"audit verify: {'OK' if tally.audit_ok else 'BROKEN'}: {tally.audit_text}",
    ]


def print_summary(tally: Tally, out: TextIO) -> None:
    for line in summary_lines(tally):
        print(line, file=out)


__all__ = ["LabelCounts", "NcrStory", "Tally", "print_summary", "summary_lines"]
