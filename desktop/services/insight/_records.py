"""The records behind a dashboard figure: given the figure's key and the window, the rows a
supervisor opens to see which units, lots, NCRs, holds, labels, reports or customers make it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    Customer,
    DeviceHealthReport,
    Event,
    Hold,
    Item,
    Nonconformance,
    PrintJob,
    RecallItem,
    SpcFlag,
    WorkOrder,
)
from desktop.domain.events import EventKind, Outcome
from desktop.domain.insight import NOT_FIRST_PASS, RECONCILED, CoverageGap, LabelTally, Panel
from desktop.domain.labelling import PrintStatus
from desktop.domain.quality import Disposition, NcrStatus
from desktop.domain.spc import FlagStatus
from desktop.domain.states import ItemKind, Status
from desktop.domain.text import Text, t
from desktop.services.insight._coverage import built_in, gaps
from desktop.services.insight._model import (
    PER_STEP,
    RECORDS_SHOWN,
    Cell,
    Records,
    Window,
    age_words,
    parse_key,
)
from desktop.services.insight._plant import Plant


def _when(at: datetime | None) -> Cell:
    """A stored time as a cell (the screen shows it in the station's zone); none: empty."""
    return "" if at is None else at


def _figure(value: Decimal) -> str:
    """A stored figure without trailing zeros: 2406.5, not 2406.500000."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _name(item: Item) -> str:
    return item.serial or item.lot or item.supplier_lot or item.sscc or f"#{item.id}"


def _records(
    title: str, columns: Iterable[Text], rows: Sequence[tuple[Cell, ...]], total: int | None = None
) -> Records:
    return Records(title, tuple(columns), tuple(rows[:RECORDS_SHOWN]), total or len(rows))


def _wip(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    query = (
        select(Item, WorkOrder.number)
        .outerjoin(WorkOrder, WorkOrder.id == Item.work_order_id)
        .where(Item.kind == ItemKind.UNIT)
        .order_by(Item.updated_at)
    )
    if parts[0] == Status.NONCONFORMING:
        query = query.where(Item.status == Status.NONCONFORMING)
        title: Text = Status.NONCONFORMING.words
    else:
        product_id, at = int(parts[0]), int(parts[1])
        query = query.where(
            Item.status == Status.IN_PROCESS,
            Item.product_id == product_id,
            Item.current_step == at,
        )
        title = t("{product}, step {at} passed", product=plant.product_name(product_id), at=at)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = [
        (_name(i), number or "", i.lot or "", _when(i.updated_at or i.created_at),
         age_words(i.updated_at or i.created_at, window.end))
        for i, number in session.execute(query.limit(RECORDS_SHOWN))
    ]  # fmt: skip
    columns = (t("Unit"), t("Work order"), t("Lot"), t("Last step at"), t("Waiting"))
    return _records(title, columns, rows, total)


def _unit_events(session: Session, title: str, *where: Any, total_of: Any = None) -> Records:
    query = (
        select(Event, Item)
        .join(Item, Item.id == Event.item_id)
        .where(*where)
        .order_by(Event.db_time.desc())
    )
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = [
        (_name(i), i.lot or "", _when(e.db_time), e.outcome.words, _reading(e.data))
        for e, i in session.execute(query.limit(RECORDS_SHOWN))
    ]
    columns = (t("Unit"), t("Lot"), t("Recorded at"), t("Outcome"), t("Reading"))
    return _records(title, columns, rows, total)


def _joined(gaps: Sequence[CoverageGap]) -> Text:
    """A unit's gaps in words, one after the other (each translated)."""
    words: Text = gaps[0].words
    for gap in gaps[1:]:
        words = t("{first}; {then}", first=words, then=gap.words)
    return words


def _reading(data: dict[str, Any]) -> str:
    for name in ("value", "net", "weight", "component", "scan"):
        if name in data:
            return str(data[name])
    return ""


def _output(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    start = datetime.strptime(parts[0], "%Y%m%dT%H").replace(tzinfo=UTC)
    return _unit_events(
        session,
        start.strftime("%Y-%m-%d %H:00 UTC"),
        Event.db_time >= start,
        Event.db_time < start + timedelta(hours=1),
        Event.step_id.in_(plant.last_steps()),
        Event.outcome == Outcome.OK,
    )


def _yield(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    by, ident = parts[0], int(parts[1])
    by_step = by == PER_STEP
    column = Event.step_id if by_step else Event.work_order_id
    order = None if by_step else session.get(WorkOrder, ident)
    title = plant.step_words(ident) if by_step else t("lot {lot}", lot=order.lot if order else "?")
    return _unit_events(
        session,
        title,
        column == ident,
        Event.db_time >= window.start,
        Event.db_time < window.end,
        Event.step_id.is_not(None),
        Event.outcome.in_(NOT_FIRST_PASS),
    )


def _scrap_rework(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    chosen = parts[0]
    rows = []
    for event, item in session.execute(
        select(Event, Item)
        .join(Item, Item.id == Event.item_id)
        .where(
            Event.kind == EventKind.NCR_DISPOSITION,
            Event.db_time >= window.start,
            Event.db_time < window.end,
            Event.data["disposition"].as_string() == chosen,
        )
        .order_by(Event.db_time.desc())
    ):
        rows.append((str(event.data.get("ncr", "")), _name(item), _when(event.db_time)))
    title = Disposition(chosen).words
    return _records(title, (t("NCR"), t("Item"), t("Dispositioned at")), rows)


def _ncrs(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    query = (
        select(Nonconformance, Item)
        .join(Item, Item.id == Nonconformance.item_id)
        .where(Nonconformance.status != NcrStatus.CLOSED)
        .order_by(Nonconformance.opened_at)
    )
    if parts:
        query = query.where(Nonconformance.id == int(parts[0]))
    rows = [
        (n.number, _name(i), n.status.words, n.description, _when(n.opened_at),
         age_words(n.opened_at, window.end))
        for n, i in session.execute(query)
    ]  # fmt: skip
    columns = (t("NCR"), t("Item"), t("Status"), t("Description"), t("Opened at"), t("Age"))
    return _records(Panel.NCRS.words, columns, rows)


def _holds(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    query = (
        select(Hold, Item)
        .join(Item, Item.id == Hold.item_id)
        .where(Hold.released_at.is_(None))
        .order_by(Hold.placed_at)
    )
    if parts:
        query = query.where(Hold.id == int(parts[0]))
    rows = [
        (_name(i), i.kind.words, h.reason, _when(h.placed_at),
         age_words(h.placed_at, window.end))
        for h, i in session.execute(query)
    ]  # fmt: skip
    columns = (t("Held"), t("Kind"), t("Reason"), t("Placed at"), t("Age"))
    return _records(Panel.HOLDS.words, columns, rows)


def _release(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    lot = session.get(Item, int(parts[0]))
    rows = [
        (f"SPC-{f.id:06d}", _name(i), f.rule.words, _figure(f.value), _when(f.raised_at))
        for f, i in session.execute(
            select(SpcFlag, Item)
            .join(Item, Item.id == SpcFlag.item_id)
            .where(SpcFlag.lot_item_id == int(parts[0]), SpcFlag.status == FlagStatus.OPEN)
            .order_by(SpcFlag.raised_at)
        )
    ]
    columns = (t("Flag"), t("Unit"), t("Rule"), t("Value"), t("Raised at"))
    return _records(t("lot {lot}", lot=lot.lot if lot else "?"), columns, rows)


def _labels(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    tally = LabelTally(parts[0])
    title = tally.words
    if tally in RECONCILED or tally == LabelTally.UNRECONCILED:
        return _reconciliations(session, window, tally, title)
    query = (
        select(PrintJob, Item)
        .join(Item, Item.id == PrintJob.item_id)
        .where(PrintJob.created_at >= window.start, PrintJob.created_at < window.end)
        .order_by(PrintJob.created_at.desc())
    )
    statuses = {
        LabelTally.ISSUED: (PrintStatus.PRINTED, PrintStatus.HELD, PrintStatus.VERIFIED,
                            PrintStatus.VOIDED),
        LabelTally.VERIFIED: (PrintStatus.VERIFIED,),
        LabelTally.VOIDED: (PrintStatus.VOIDED,),
        LabelTally.FAILED: (PrintStatus.FAILED,),
    }  # fmt: skip
    if tally == LabelTally.REPRINTED:
        query = query.where(PrintJob.reprint_of_id.is_not(None))
    else:
        query = query.where(PrintJob.status.in_(statuses[tally]))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = [
        (str(j.id), _name(i), j.status.words, _when(j.created_at),
         j.reason or j.void_reason or "")
        for j, i in session.execute(query.limit(RECORDS_SHOWN))
    ]  # fmt: skip
    columns = (t("Job"), t("Item"), t("Status"), t("Requested at"), t("Reason"))
    return _records(title, columns, rows, total)


def _reconciliations(session: Session, window: Window, tally: LabelTally, title: str) -> Records:
    if tally == LabelTally.UNRECONCILED:
        reconciled = select(Event.item_id).where(Event.kind == EventKind.LABEL_RECONCILE)
        lots = session.execute(
            select(Item, func.count(PrintJob.id))
            .join(PrintJob, PrintJob.lot_item_id == Item.id)
            .where(
                PrintJob.created_at >= window.start,
                PrintJob.created_at < window.end,
                Item.id.not_in(reconciled.where(Event.item_id.is_not(None))),
            )
            .group_by(Item.id)
        )
        listed = [(_name(i), str(n)) for i, n in lots]
        return _records(title, (t("Lot"), t("Labels issued in the window")), listed)
    rows = [
        (_name(i), str(e.data.get(str(tally), 0)), _when(e.db_time))
        for e, i in session.execute(
            select(Event, Item)
            .join(Item, Item.id == Event.item_id)
            .where(
                Event.kind == EventKind.LABEL_RECONCILE,
                Event.db_time >= window.start,
                Event.db_time < window.end,
            )
            .order_by(Event.db_time.desc())
        )
    ]
    return _records(title, (t("Lot"), t("Labels"), t("Reconciled at")), rows)


def _devices(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    device_id = int(parts[0])
    rows = [
        (_when(r.period_start), _when(r.period_end), str(r.readings), str(r.refused),
         str(r.reconnects))
        for r in session.scalars(
            select(DeviceHealthReport)
            .where(
                DeviceHealthReport.device_id == device_id,
                DeviceHealthReport.period_end > window.start,
                DeviceHealthReport.period_end <= window.end,
            )
            .order_by(DeviceHealthReport.period_end.desc())
        )
    ]  # fmt: skip
    columns = (t("From"), t("To"), t("Readings"), t("Refused"), t("Reconnects"))
    return _records(Panel.DEVICES.words, columns, rows)


def _coverage(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    found = gaps(session, plant, window)
    wanted = None if parts[0] == "complete" else CoverageGap(parts[0])  # not a code: key part
    rows_of: dict[int, str]
    if wanted is None:
        ids = [
            int(i)
            for i in session.scalars(built_in(window, plant.last_steps()))
            if i not in found.missing
        ]
        rows_of = dict.fromkeys(ids, "")
    else:
        rows_of = {
            i: ", ".join(g.words for g in m) for i, m in found.missing.items() if wanted in m
        }
    items = session.scalars(select(Item).where(Item.id.in_(list(rows_of)[:RECORDS_SHOWN])))
    rows = [(_name(i), plant.product_name(i.product_id), i.lot or "", rows_of[i.id]) for i in items]
    columns = (t("Unit"), t("Product"), t("Lot"), t("Missing"))
    title = wanted.words if wanted else t("complete")
    return _records(title, columns, sorted(rows), len(rows_of))


def _recalls(session: Session, plant: Plant, window: Window, parts: list[str]) -> Records:
    recall_id = int(parts[0])
    rows = [
        (name, str(units), str(units - waiting), _when(last))
        for name, units, waiting, last in session.execute(
            select(
                Customer.name,
                func.count(RecallItem.id),
                func.count(RecallItem.id) - func.count(RecallItem.notified_at),
                func.max(RecallItem.notified_at),
            )
            .join(Customer, Customer.id == RecallItem.customer_id)
            .where(RecallItem.recall_id == recall_id)
            .group_by(Customer.name)
            .order_by(Customer.name)
        )
    ]
    columns = (t("Customer"), t("Units"), t("Units notified"), t("Last notified at"))
    return _records(Panel.RECALLS.words, columns, rows)


_READERS: dict[Panel, Callable[[Session, Plant, Window, list[str]], Records]] = {
    Panel.WIP: _wip,
    Panel.OUTPUT: _output,
    Panel.YIELD: _yield,
    Panel.SCRAP_REWORK: _scrap_rework,
    Panel.NCRS: _ncrs,
    Panel.HOLDS: _holds,
    Panel.RELEASE: _release,
    Panel.LABELS: _labels,
    Panel.DEVICES: _devices,
    Panel.COVERAGE: _coverage,
    Panel.RECALLS: _recalls,
}


def records(session: Session, window: Window, key: str) -> Records:
    """The records behind the figure named ``key`` (ValueError, IndexError: not such a key)."""
    panel, parts = parse_key(key)
    return _READERS[panel](session, Plant.read(session), window, parts)
