"""The line's panels: work in progress per route step, units built per hour against the rate the
plan needs, first-pass yield per step and per lot, and NCR dispositions to scrap and rework.
Each reads only the window's events (events by time) or the units in process (units by kind,
status and step), so its cost follows the line's pace, not the size of the record."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, distinct, extract, func, select
from sqlalchemy.orm import Session

from db.models import Event, Item, WorkOrder
from desktop.domain.events import EventKind, Outcome
from desktop.domain.insight import NOT_FIRST_PASS, Panel, per_hour_needed, yield_share
from desktop.domain.quality import Disposition
from desktop.domain.states import ItemKind, Status, WorkOrderStatus
from desktop.domain.text import t
from desktop.services.insight._model import PER_LOT, PER_STEP, Figure, PanelView, Window, key_of
from desktop.services.insight._plant import Plant, lot_words

#: First-pass yield below this share is shown as needing attention.
YIELD_GOAL = 0.95
#: A unit counts as built once it has left these states.
NOT_BUILT = (Status.IN_PROCESS, Status.NONCONFORMING, Status.SCRAPPED)


def wip(session: Session, plant: Plant) -> PanelView:
    """Units in process by the step they wait for (the one after their last passed step)."""
    rows = session.execute(
        select(Item.product_id, Item.current_step, func.count())
        .where(Item.kind == ItemKind.UNIT, Item.status == Status.IN_PROCESS)
        .group_by(Item.product_id, Item.current_step)
    )
    figures = []
    total = 0
    for product_id, at, count in rows:
        total += count
        steps = plant.route_of(product_id)
        waiting = next((s for s in steps if s.position == at + 1), None)
        where = plant.step_words(waiting.id) if waiting else plant.product_name(product_id)
        figures.append(Figure(key_of(Panel.WIP, product_id, at), where, float(count)))
    figures.sort(key=lambda f: f.label)
    held = session.scalar(
        select(func.count()).where(Item.kind == ItemKind.UNIT, Item.status == Status.NONCONFORMING)
    )
    figures.append(
        Figure(
            key_of(Panel.WIP, Status.NONCONFORMING),
            Status.NONCONFORMING.words,
            float(held or 0),
            alert=bool(held),
        )
    )
    headline = t("{n} units in process, {held} nonconforming", n=total, held=held or 0)
    return PanelView(Panel.WIP, headline, tuple(figures))


def output(session: Session, plant: Plant, window: Window) -> PanelView:
    """Units built (their route's last step passed) per hour of the window, against the rate
    that the released work orders with a due date still need."""
    last = plant.last_steps()
    # counted per hour by the database (seconds since the epoch, less the seconds past the
    # hour): one row per hour, not one per unit
    epoch = extract("epoch", Event.db_time)
    hour_of = epoch - epoch % 3600
    per_hour: dict[datetime, int] = (
        {
            datetime.fromtimestamp(int(at), UTC): int(n)
            for at, n in session.execute(
                select(hour_of, func.count())
                .where(
                    Event.db_time >= window.start,
                    Event.db_time < window.end,
                    Event.step_id.in_(last),
                    Event.outcome == Outcome.OK,
                )
                .group_by(hour_of)
            )
        }
        if last
        else {}
    )
    needed = _needed_rate(session, window.end)
    hour = _hour(window.start)
    figures = []
    while hour < window.end:
        built = per_hour.get(hour, 0)
        figures.append(
            Figure(
                key_of(Panel.OUTPUT, hour.strftime("%Y%m%dT%H")),
                hour.strftime("%H:00"),
                float(built),
                target=round(needed, 1),
                alert=needed > 0 and built < needed and hour + timedelta(hours=1) <= window.end,
            )
        )
        hour += timedelta(hours=1)
    headline = t(
        "{n} built in {hours} h; the plan needs {rate} per hour",
        n=sum(per_hour.values()),
        hours=round(window.hours),
        rate=round(needed, 1),
    )
    return PanelView(Panel.OUTPUT, headline, tuple(figures))


def _hour(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def _needed_rate(session: Session, now: datetime) -> float:
    """Sum over released work orders with a due date: units still to build / hours left."""
    orders = list(
        session.execute(
            select(WorkOrder.id, WorkOrder.quantity, WorkOrder.due_on).where(
                WorkOrder.status == WorkOrderStatus.RELEASED, WorkOrder.due_on.is_not(None)
            )
        )
    )
    if not orders:
        return 0.0
    built = dict(
        session.execute(
            select(Item.work_order_id, func.count())
            .where(
                Item.work_order_id.in_([o.id for o in orders]),
                Item.kind == ItemKind.UNIT,
                Item.status.not_in(NOT_BUILT),
            )
            .group_by(Item.work_order_id)
        ).all()
    )
    rate = 0.0
    for wid, quantity, due_on in orders:
        if due_on is None:
            continue
        end_of_due = datetime.combine(due_on, time.max, tzinfo=UTC)
        hours_left = (end_of_due - now).total_seconds() / 3600
        rate += per_hour_needed(quantity - built.get(wid, 0), hours_left)
    return rate


def _yield_rows(session: Session, window: Window, by: Any) -> list[tuple[int, int, int]]:
    failed = case((Event.outcome.in_(NOT_FIRST_PASS), Event.item_id))
    stmt = (
        select(by, func.count(distinct(Event.item_id)), func.count(distinct(failed)))
        .where(
            Event.db_time >= window.start,
            Event.db_time < window.end,
            Event.step_id.is_not(None),
            Event.item_id.is_not(None),
        )
        .group_by(by)
    )
    return [(k, int(n), int(f)) for k, n, f in session.execute(stmt) if k is not None]


def first_pass_yield(session: Session, plant: Plant, window: Window) -> PanelView:
    """Per step, then per lot: the share of units that passed without a failed attempt."""
    figures = []
    for step_id, n, f in _yield_rows(session, window, Event.step_id):
        share = yield_share(n, f) or 0.0
        figures.append(
            Figure(
                key_of(Panel.YIELD, PER_STEP, step_id),
                plant.step_words(step_id),
                round(share * 100, 1),
                target=YIELD_GOAL * 100,
                note=t("{failed} of {n} units failed", failed=f, n=n),
                alert=share < YIELD_GOAL,
            )
        )
    figures.sort(key=lambda f: f.label)
    lots = _yield_rows(session, window, Event.work_order_id)
    # a unit is of one lot: the lots' counts are the units' (a unit failing twice counts once)
    attempted, failed = sum(n for _, n, _ in lots), sum(f for _, _, f in lots)
    names = lot_words(session, {w for w, _, _ in lots})
    for wid, n, f in sorted(lots, key=lambda r: names.get(r[0], "")):
        share = yield_share(n, f) or 0.0
        figures.append(
            Figure(
                key_of(Panel.YIELD, PER_LOT, wid),
                t("lot {lot}", lot=names.get(wid, "?")),
                round(share * 100, 1),
                target=YIELD_GOAL * 100,
                note=t("{failed} of {n} units failed", failed=f, n=n),
                alert=share < YIELD_GOAL,
            )
        )
    overall = yield_share(attempted, failed)
    headline = (
        t("no step recorded in the last {hours} h", hours=round(window.hours))
        if overall is None
        else t("{share} % of units passed each step first time", share=round(overall * 100, 1))
    )
    return PanelView(
        Panel.YIELD,
        headline,
        tuple(figures),
        alert=overall is not None and overall < YIELD_GOAL,
    )


def scrap_rework(session: Session, window: Window) -> PanelView:
    """NCR dispositions recorded in the window, by disposition."""
    chosen = Event.data["disposition"].as_string()
    counts: dict[str | None, int] = dict(
        session.execute(
            select(chosen, func.count())
            .where(
                and_(
                    Event.kind == EventKind.NCR_DISPOSITION,
                    Event.db_time >= window.start,
                    Event.db_time < window.end,
                )
            )
            .group_by(chosen)
        ).all()
    )
    figures = tuple(
        Figure(key_of(Panel.SCRAP_REWORK, d), d.words, float(counts.get(str(d), 0)))
        for d in Disposition
    )
    headline = t(
        "{scrap} scrapped, {rework} to rework in {hours} h",
        scrap=counts.get(str(Disposition.SCRAP), 0),
        rework=counts.get(str(Disposition.REWORK), 0),
        hours=round(window.hours),
    )
    return PanelView(Panel.SCRAP_REWORK, headline, figures)
