"""The batch record (device history record) of a production lot or a serial, gathered in one read.

``build_record(ctx, lot_or_serial_scan)`` returns ``desktop.reports.record_model.BatchRecord``:
every section REFERENCE 4.2 asks for (see that module), with the receiving history of its
components, its shipping and its service events (``_record_history``). It writes nothing. A
lot's record covers the lot and all its units; a serial's record covers that unit and the
lot-level events (work order release, commissioning, lot release) of its lot.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db import audit
from db.models import (
    Event,
    Hold,
    InspectionResult,
    Item,
    LabelTemplate,
    LabelTemplateVersion,
    Link,
    Nonconformance,
    PrintJob,
    Product,
    Route,
    RouteStep,
    Signature,
    Station,
    User,
    WorkOrder,
)
from db.types import utcnow
from desktop.domain.distribution import ServiceKind
from desktop.domain.events import EventKind
from desktop.domain.permissions import Meaning, Permission
from desktop.domain.plant import Tracking
from desktop.domain.spc import ChartLimits, individuals_baseline, moving_ranges, violations
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import limits_of
from desktop.reports import record_query as rq
from desktop.reports.record_model import (
    BatchRecord,
    ChainStatus,
    Generated,
    HoldLine,
    Identification,
    LabelLine,
    NcrLine,
    Quantities,
    SpcFlagLine,
    SpcSection,
    UnitLine,
)
from desktop.reports.signature import Manifestation
from desktop.services import spc
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.documents import _record_history as history
from desktop.services.documents._record_history import manifestation
from desktop.services.documents._stations import EventStations
from desktop.services.holds import holds_on, production_lot_of
from desktop.services.identity import describe
from desktop.services.quality import ncr_view, production_done, units_of

CHUNK = 500
#: Events after distribution: not part of the dates of manufacture.
AFTER_SALE = frozenset(
    {EventKind.SHIP, EventKind.SHIPMENT, EventKind.RECALL_OPEN, EventKind.RECALL_CLOSE}
    | {EventKind(kind) for kind in ServiceKind}
)
#: Item states that mean production is done.
MADE = frozenset(
    {
        Status.COMPLETED,
        Status.RELEASED,
        Status.PACKED,
        Status.SHIPPED,
        Status.INSTALLED,
        Status.RETURNED,
    }
)
#: The event data fields a record's event line summarises.
SUMMARY_KEYS = (
    "ncr",
    "disposition",
    "job",
    "status",
    "part",
    "lot",  # not a code: a field name
    "serial",  # not a code: a field name
    "count",
    "sscc",
)


@dataclass(frozen=True)
class Scope:
    """What the record is about: the lot, the units covered, and the ids of both."""

    lot: Item
    unit: Item | None  # the serial, for a unit's record
    units: list[Item]
    product: Product
    work_order: WorkOrder | None

    @property
    def ids(self) -> list[int]:
        return [self.lot.id, *(u.id for u in self.units)]

    @property
    def keys(self) -> rq.Keys:
        wo = self.work_order.id if self.work_order else None
        return rq.Keys(self.lot.id, tuple(self.ids), wo, self.unit is None)

    def names(self) -> dict[int, str]:
        return {self.lot.id: label(self.lot)} | {u.id: label(u) for u in self.units}


# ---------------------------------------------------------------- scope


def _scope(session: Session, scan: str) -> Scope:
    item = require_item(
        session, scan, (ItemKind.PRODUCTION_LOT, ItemKind.UNIT), "production lot or serial"
    )
    product = session.get(Product, item.product_id) if item.product_id else None
    if product is None:
        raise Refusal(
            f'scan "{shown(scan)}" is a component ({label(item)}): a batch record is kept for a '
            "production lot or a finished unit; scan the lot or the unit's serial"
        )
    lot = item if item.kind == ItemKind.PRODUCTION_LOT else production_lot_of(session, item)
    if lot is None:
        raise Refusal(f'scan "{shown(scan)}": {label(item)} belongs to no production lot')
    wo = session.get(WorkOrder, lot.work_order_id) if lot.work_order_id else None
    if item.kind == ItemKind.UNIT:
        return Scope(lot, item, [item], product, wo)
    return Scope(lot, None, units_of(session, lot), product, wo)


# ---------------------------------------------------------------- identification and quantities


def _identification(session: Session, scope: Scope, jobs: list[PrintJob]) -> Identification:
    product, lot = scope.product, scope.lot
    route = session.get(Route, product.route_id) if product.route_id else None
    return Identification(
        (ItemKind.UNIT if scope.unit else ItemKind.PRODUCTION_LOT).words,
        lot.lot or "",
        scope.unit.serial if scope.unit else None,
        product.name,
        product.description,
        product.di,
        product.di_scheme.value.upper(),  # "GS1" or "MA", as the scheme is written
        product.tracking,
        route.name if route else "",
        route.version if route else 0,
        rq.templates(session, jobs),
        scope.work_order.number if scope.work_order else None,
        lot.production_date,
        lot.expiry,
        (scope.unit or lot).status,
    )


def _released(session: Session, scope: Scope, events: list[Event]) -> int:
    release = next((e for e in events if e.kind == EventKind.LOT_RELEASE), None)
    if release is None:
        return 0
    if scope.product.tracking == Tracking.LOT:
        return int(scope.lot.quantity)
    if scope.unit is not None:
        return 0 if scope.unit.status == Status.SCRAPPED else 1
    return int(release.data.get("units_released", 0))


def _quantities(
    session: Session, scope: Scope, events: list[Event], stations: dict[int, Station]
) -> Quantities:
    made = [e for e in events if e.kind not in AFTER_SALE]
    first = min(made, key=lambda e: e.station_time, default=None)
    last = max(made, key=lambda e: e.station_time, default=None)
    station = stations.get(first.station_id or 0) if first else None
    if scope.product.tracking == Tracking.LOT:
        lot, amount = scope.lot, int(scope.lot.quantity)
        done = lot.status in MADE or production_done(session, lot)
        counts = (amount, amount if done else 0, amount if lot.status == Status.SCRAPPED else 0)
    else:
        units = scope.units
        done_units = [u for u in units if u.status in MADE or production_done(session, u)]
        counts = (len(units), len(done_units), sum(1 for u in units if u.status == Status.SCRAPPED))
    ordered = scope.work_order.quantity if scope.work_order and not scope.unit else counts[0]
    return Quantities(
        "kits" if scope.product.tracking == Tracking.LOT else "units",
        ordered,
        *counts,
        _released(session, scope, events),
        first.station_time if first else None,
        last.station_time if last else None,
        station.timezone if station else "UTC",
    )


# ---------------------------------------------------------------- steps and inspections


# ---------------------------------------------------------------- quality, labels, components


def _printed(users: dict[int, User], username: str | None) -> str | None:
    """ "Olga Operator (olga)": the printed name with the user name (Part 11 11.50)."""
    if username is None:
        return None
    found = next((u for u in users.values() if u.username == username), None)
    return f"{found.full_name} ({username})" if found else username


def _nonconformances(
    session: Session, scope: Scope, users: dict[int, User]
) -> tuple[list[NcrLine], list[Nonconformance]]:
    stmt = select(Nonconformance).where(rq.in_(Nonconformance.item_id, scope.ids))
    rows = list(session.scalars(stmt.order_by(Nonconformance.id)))
    lines = []
    for row in rows:
        v = ncr_view(session, row)
        lines.append(
            NcrLine(
                v.number,
                v.item,
                v.description,
                v.status,
                _printed(users, v.opened_by) or "-",
                v.opened_at,
                v.disposition,
                v.disposition_reason,
                manifestation(v.signature),
                _printed(users, v.closed_by),
                v.closed_at,
                v.close_note,
            )
        )
    return lines, rows


def _holds(session: Session, scope: Scope, users: dict[int, User]) -> list[HoldLine]:
    return [
        HoldLine(
            h.item,
            h.reason,
            h.ncr,
            _printed(users, h.placed_by) or "-",
            h.placed_at,
            _printed(users, h.released_by),
            h.released_at,
            h.release_reason,
        )
        for h in holds_on(session, scope.ids)
    ]


def _jobs(session: Session, scope: Scope) -> list[PrintJob]:
    cond = rq.in_(PrintJob.item_id, scope.ids)
    if scope.unit is None:
        cond = or_(cond, PrintJob.lot_item_id == scope.lot.id)
    return list(session.scalars(select(PrintJob).where(cond).order_by(PrintJob.id)))


def _label_line(session: Session, job: PrintJob, names: dict[int, str]) -> LabelLine:
    version = session.get_one(LabelTemplateVersion, job.template_version_id)
    template = session.get_one(LabelTemplate, version.template_id)
    original = session.get(PrintJob, job.reprint_of_id) if job.reprint_of_id else None
    sig = session.get(Signature, job.signature_id) if job.signature_id else None
    return LabelLine(
        job.idempotency_key,
        names.get(job.item_id, "-"),
        template.name,
        version.version,
        job.element_string.replace("\x1d", "<GS>"),
        tuple(job.hri.split("\n")) if job.hri else (),
        job.status,
        original.idempotency_key if original else None,
        job.reason,
        job.void_reason,
        job.printed_at,
        job.verified_at,
        manifestation(describe(session, sig)) if sig else None,
    )


def _release(session: Session, lot: Item) -> Manifestation | None:
    stmt = select(Signature).where(
        Signature.record_type == "items",
        Signature.record_id == str(lot.id),
        Signature.meaning == Meaning.RELEASED_FOR_DISTRIBUTION.value,
    )
    sig = session.scalars(stmt.order_by(Signature.signed_at.desc())).first()
    return manifestation(describe(session, sig)) if sig else None


# ---------------------------------------------------------------- SPC

NUMERIC = frozenset({EventKind.WEIGH, EventKind.INSPECT})


def _reading(event: Event) -> float | None:
    try:
        return float(Decimal(str(event.data.get("value"))))
    except (InvalidOperation, ValueError, TypeError):
        return None


def _flag_line(flag: spc.FlagView) -> SpcFlagLine:
    decision = ""
    if flag.dispositioned_by:
        at = f"{flag.dispositioned_at:%Y-%m-%d %H:%M} UTC" if flag.dispositioned_at else ""
        decision = f"{flag.dispositioned_by} {at}: {flag.reason or ''}".strip()
    return SpcFlagLine(
        flag.number,
        flag.item,
        str(flag.rule.words),
        f"{flag.value.normalize():f} {flag.unit}".strip(),
        flag.status.value,
        decision,
    )


def _spc(
    session: Session, scope: Scope, events: list[Event], steps: dict[int, RouteStep]
) -> list[SpcSection]:
    """The chart of each weighing or measuring step with readings in this record."""
    names = scope.names()
    by_step: dict[int, list[tuple[float, str]]] = {}
    for e in events:
        value = _reading(e) if e.kind in NUMERIC and e.step_id in steps else None
        if value is not None and e.step_id is not None:
            by_step.setdefault(e.step_id, []).append((value, names.get(e.item_id or 0, "?")))
    flags = spc.flags_on(session, scope.ids)
    sections = []
    for step_id, points in by_step.items():
        step = steps[step_id]
        words = f"{step.position} {step.name}"
        values = [v for v, _ in points]
        try:
            spec = limits_of(step.parameters, step.name)
        except (KeyError, ValueError):
            continue
        base = spc.baseline_in_force(session, scope.product.id, step.id)
        if base is not None:
            limits = ChartLimits(
                float(base.centre), float(base.lower), float(base.upper), float(base.sigma)
            )
            ranges = (float(base.range_centre), float(base.range_upper))
            signed = base.signature.manifestation() if base.signature else "not signed"
            source = f"baseline {base.id} ({base.samples} readings), {signed}"
        elif len(values) >= 2 and any(moving_ranges(values)):
            trial = individuals_baseline(values)
            limits = trial.location
            ranges = (trial.dispersion.centre, trial.dispersion.upper)
            source = "trial limits from these readings (no baseline frozen)"
        else:
            continue
        marked: dict[int, list[str]] = {}
        for hit in violations(values, limits):
            marked.setdefault(hit.at, []).append(str(hit.rule.number))
        sections.append(
            SpcSection(
                words,
                spec.unit,
                tuple(n for _, n in points),
                tuple(values),
                limits.centre,
                limits.lower,
                limits.upper,
                ranges[0],
                ranges[1],
                float(spec.lower),
                float(spec.upper),
                source,
                tuple((i, ",".join(sorted(set(r)))) for i, r in sorted(marked.items())),
                tuple(_flag_line(f) for f in flags if f.step == words),
            )
        )
    return sections


# ---------------------------------------------------------------- audit


def _chain(uow: UnitOfWork) -> ChainStatus:
    check = audit.verify(uow.ctx.engine)
    return ChainStatus(check.ok, check.checked, check.broken_id, check.problem)


def _generated(uow: UnitOfWork) -> Generated:
    actor = uow.actor
    station = uow.session.get(Station, actor.station_id) if actor.station_id else None
    zone = station.timezone if station else "UTC"
    return Generated(utcnow(), zone, actor.full_name, actor.username, actor.station)


# ---------------------------------------------------------------- the use case


@use_case(Permission.RECORD_EXPORT)
def build_record(uow: UnitOfWork, lot_or_serial_scan: str) -> BatchRecord:
    """The batch record of the scanned production lot or serial (read only)."""
    session = uow.session
    scope = _scope(session, lot_or_serial_scan)
    names = scope.names()
    directory = rq.directory(session)
    events = rq.events(session, scope.keys)
    where = EventStations(session, directory[1], events)
    steps = {s.id: s for s in session.scalars(select(RouteStep))}
    jobs = _jobs(session, scope)
    ncr_lines, ncrs = _nonconformances(session, scope, directory[0])
    opened = {str(n.event_id): n.number for n in ncrs if n.event_id}
    holds = [h for h in session.scalars(select(Hold).where(rq.in_(Hold.item_id, scope.ids)))]
    results = session.scalars(
        select(InspectionResult.id).where(rq.in_(InspectionResult.item_id, scope.ids))
    )
    links = session.scalars(select(Link.id).where(rq.in_(Link.parent_item_id, scope.ids)))
    about: dict[str, Iterable[object]] = {
        "item": scope.ids,
        "items": [scope.lot.id],
        "event": [e.id for e in events],
        "print_job": [j.id for j in jobs],
        "print_jobs": [j.id for j in jobs],
        "nonconformance": [n.id for n in ncrs],
        "nonconformances": [n.id for n in ncrs],
        "hold": [h.id for h in holds],
        "inspection_result": list(results),
        "link": list(links),
        "work_order": [scope.work_order.id] if scope.work_order else [],
    }
    return BatchRecord(
        identification=_identification(session, scope, jobs),
        quantities=_quantities(session, scope, events, directory[1]),
        units=tuple(UnitLine(label(u), u.serial, u.status, u.current_step) for u in scope.units),
        steps=tuple(rq.step_line(e, names, steps, directory, opened, where.of) for e in events),
        inspections=tuple(rq.inspections(session, scope.keys, names, directory[0])),
        nonconformances=tuple(ncr_lines),
        holds=tuple(_holds(session, scope, directory[0])),
        labels=tuple(_label_line(session, j, names) for j in jobs),
        label_counts=rq.label_counts(jobs),
        components=tuple(rq.components(session, scope.keys, names)),
        receiving=tuple(history.receiving(session, scope.ids, names, directory)),
        release=_release(session, scope.lot),
        shipping=tuple(history.shipping(session, scope.ids, names, directory)),
        service=tuple(history.service(session, scope.ids, names, directory)),
        audit=tuple(rq.audit_lines(session, about)),
        audit_chain=_chain(uow),
        generated=_generated(uow),
        spc=tuple(_spc(session, scope, events, steps)),
    )


__all__ = ["BatchRecord", "build_record"]
