"""Reading the rows of a batch record: events as step lines, inspections, components, label
counts and the audit excerpt (queries over a Session, returning record_model lines).

``desktop.services.documents`` decides the scope (which items) and adds what needs the
services (NCR views, holds, signature verification); this module only reads rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from db.models import (
    AuditEntry,
    Device,
    Event,
    InspectionPlan,
    InspectionResult,
    Item,
    LabelTemplate,
    LabelTemplateVersion,
    Link,
    Part,
    PrintJob,
    RouteStep,
    Station,
    Supplier,
    User,
)
from desktop.domain.events import LinkKind
from desktop.domain.labelling import ISSUED, PrintStatus
from desktop.domain.plant import DeviceKind
from desktop.reports.record_model import (
    AuditLine,
    ComponentLine,
    InspectionLine,
    LabelCounts,
    StepLine,
)

CHUNK = 500
#: The event data fields a step line summarises.
SUMMARY_KEYS = (
    *("ncr", "disposition", "job", "status", "reason", "note", "part"),
    *("lot", "serial"),  # not a code: field names
    *("count", "sscc", "template", "version", "element_string", "units_released"),
)
Directory = tuple[dict[int, User], dict[int, Station], dict[int, Device]]
#: Where an event was recorded: the station's name and its row (None when not known).
Where = Callable[[Event], tuple[str | None, Station | None]]


@dataclass(frozen=True)
class Keys:
    """Which rows a record covers: the lot, the items (lot and units), the work order."""

    lot_id: int
    ids: tuple[int, ...]
    work_order_id: int | None
    whole_lot: bool  # a lot's record (False: one serial's)


def chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def in_(column: InstrumentedAttribute[Any], values: list[Any]) -> ColumnElement[bool]:
    return or_(*(column.in_(chunk) for chunk in chunks(values))) if values else column.in_([])


def directory(session: Session) -> Directory:
    users = {u.id: u for u in session.scalars(select(User))}
    stations = {s.id: s for s in session.scalars(select(Station))}
    return users, stations, {d.id: d for d in session.scalars(select(Device))}


def templates(session: Session, jobs: list[PrintJob]) -> tuple[str, ...]:
    versions = {j.template_version_id for j in jobs}
    found = set()
    for version in versions:
        row = session.get_one(LabelTemplateVersion, version)
        template = session.get_one(LabelTemplate, row.template_id)
        found.add(f"{template.name} v{row.version}")
    return tuple(sorted(found))


def events(session: Session, keys: Keys) -> list[Event]:
    """The events of the covered items (of the whole work order, for a lot), in time order."""
    cond: ColumnElement[bool] = in_(Event.item_id, list(keys.ids))
    if keys.whole_lot and keys.work_order_id is not None:
        cond = or_(Event.item_id == keys.lot_id, Event.work_order_id == keys.work_order_id)
    stmt = select(Event).where(cond).order_by(Event.db_time, Event.station_time)
    return list(session.scalars(stmt))


def _summary(data: dict[str, Any], ncr: str | None) -> str:
    if data.get("message"):
        text = str(data["message"])
    else:
        shown = [f"{k.replace('_', ' ')} {data[k]}" for k in SUMMARY_KEYS if data.get(k)]
        text = ", ".join(shown).replace("\x1d", "<GS>")
    if data.get("calibration_certificate"):  # the scale's calibration when it weighed
        text += (
            f"; {data.get('scale') or DeviceKind.SCALE.words} calibrated, certificate "
            f"{data['calibration_certificate']}, due {data.get('calibration_due', '')}"
        )
    return text + (f"; {ncr} opened" if ncr else "")


def _value(data: dict[str, Any]) -> str:
    """The measured value as recorded; a consumed quantity without trailing zeros."""
    if data.get("value") is not None:
        return str(data["value"])
    quantity = data.get("quantity")
    try:
        return format(Decimal(str(quantity)).normalize(), "f") if quantity else ""
    except InvalidOperation:
        return str(quantity)


def _value_unit(data: dict[str, Any], step: RouteStep | None) -> str:
    """The unit of the measured value: the reading's own, else the step's."""
    unit = str(data.get("unit") or "")
    return unit or (str(step.parameters.get("unit", "")) if step else "")


def step_line(
    event: Event,
    names: dict[int, str],
    steps: dict[int, RouteStep],
    directory: Directory,
    ncrs: dict[str, str],
    where: Where | None = None,
) -> StepLine:
    """``where``: the event's station (name, row) when its row may not name it."""
    users, stations, devices = directory
    data, user = event.data, users.get(event.user_id or 0)
    station, device = stations.get(event.station_id or 0), devices.get(event.device_id or 0)
    name = station.name if station else None
    if where is not None:
        name, station = where(event)
    step = steps.get(event.step_id or 0)
    stable = data.get("stable")
    return StepLine(
        str(event.id),
        names.get(event.item_id or 0, "-"),
        event.kind,
        f"{step.position} {step.name}" if step else "",
        event.outcome,
        user.full_name if user else "(system)",
        user.username if user else "-",
        name or "-",
        station.timezone if station else "UTC",
        event.station_time,
        event.db_time,
        device.name if device else "",
        str(data.get("device_serial") or (device.serial_number if device else "") or ""),
        _value(data),
        _value_unit(data, step),
        stable if isinstance(stable, bool) else None,
        str(data.get("limits") or ""),
        str(data.get("raw_frame") or ""),
        _summary(data, ncrs.get(str(event.id))),
    )


def inspections(
    session: Session, keys: Keys, names: dict[int, str], users: dict[int, User]
) -> list[InspectionLine]:
    stmt = (
        select(InspectionResult, InspectionPlan, Event)
        .join(InspectionPlan, InspectionPlan.id == InspectionResult.plan_id)
        .join(Event, Event.id == InspectionResult.event_id)
        .where(in_(InspectionResult.item_id, list(keys.ids)))
        .order_by(Event.db_time, InspectionResult.id)
    )
    lines = []
    for row, plan, event in session.execute(stmt):
        station = session.get(Station, event.station_id) if event.station_id else None
        user = users.get(row.user_id)
        lines.append(
            InspectionLine(
                names.get(row.item_id, "-"),
                plan.characteristic,
                plan.nominal,
                plan.lower_limit,
                plan.upper_limit,
                plan.unit,
                row.value,
                row.passed,
                user.full_name if user else "-",
                event.station_time,
                station.timezone if station else "UTC",
                str(event.id),
            )
        )
    return lines


def label_counts(jobs: list[PrintJob]) -> LabelCounts:
    issued = [j for j in jobs if j.status in ISSUED]
    return LabelCounts(
        len(issued),
        sum(1 for j in issued if j.reprint_of_id is None),
        sum(1 for j in issued if j.reprint_of_id is not None),
        sum(1 for j in issued if j.status is PrintStatus.VOIDED),
        sum(1 for j in issued if j.status is PrintStatus.VERIFIED),
    )


def components(session: Session, keys: Keys, names: dict[int, str]) -> list[ComponentLine]:
    stmt = (
        select(Link, Item, Part, Supplier)
        .join(Item, Item.id == Link.child_item_id)
        .outerjoin(Part, Part.id == Item.part_id)
        .outerjoin(Supplier, Supplier.id == Item.supplier_id)
        .where(in_(Link.parent_item_id, list(keys.ids)), Link.kind == LinkKind.CONSUME)
        .order_by(Link.id)
    )
    return [
        ComponentLine(
            names.get(link.parent_item_id, "-"),
            part.part_number if part else "-",
            part.name if part else child.kind,
            supplier.name if supplier else "-",
            child.supplier_lot or child.lot or "",
            child.serial,
            link.quantity,
            child.unit,
            link.created_at,
            link.removed_event_id is not None,
        )
        for link, child, part, supplier in session.execute(stmt)
    ]


def audit_lines(session: Session, about: dict[str, Iterable[object]]) -> list[AuditLine]:
    """Audit entries whose (entity, entity id) is one of ``about``, in chain order."""
    found: dict[int, AuditEntry] = {}
    for entity, ids in about.items():
        for chunk in chunks(sorted({str(i) for i in ids})):
            stmt = select(AuditEntry).where(
                AuditEntry.entity == entity, AuditEntry.entity_id.in_(chunk)
            )
            found.update((e.id, e) for e in session.scalars(stmt))
    return [
        AuditLine(
            e.id,
            e.at,
            e.username,
            e.station,
            e.action,
            e.entity,
            e.entity_id,
            e.old_value,
            e.new_value,
            e.reason,
        )
        for _, e in sorted(found.items())
    ]
