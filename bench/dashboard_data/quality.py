"""The dashboard data set's quality records: an NCR per failed functional test (its events and
its row), holds on lots (placed, released) and, after them in the events, each lot's label
reconciliation.

SYNTHETIC DATA FOR BENCHMARKS ONLY (bench/generate_dashboard.py loads it).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from bench import generate as base
from bench.dashboard_data.world import (
    LINES,
    NOW,
    RECENT,
    RECENT_ORDERS,
    SLOTS_PER_UNIT,
    STEP_AT,
    World,
    event_row,
)

DISPOSITIONS = ("rework", "rework", "use_as_is")  # of a shipped unit's NCR (never scrapped)


def plan_ncrs(w: World) -> None:
    """One NCR per failed functional test: (unit index, id, opened at, status)."""
    rng = random.Random(w.plan.seed + 17)
    ncr = w.first["nonconformances"]
    for u in range(w.all_units):
        if w.failed_step(u) != 2:
            continue
        opened = w.start(u) + timedelta(minutes=STEP_AT[2] + 5)
        if opened >= NOW:
            continue
        age = NOW - opened
        if age > timedelta(days=10):
            status = "closed"
        else:
            status = rng.choice(("open", "open", "dispositioned", "closed"))
        if w.scrapped(u) and status == "open" and age > timedelta(hours=2):
            status = "dispositioned"
        w.ncrs.append((u, ncr, opened, status))
        ncr += 1


NCR_SLOTS = 3


def _ncr_slot(w: World, n: int, which: int) -> int:
    return w.all_units * SLOTS_PER_UNIT + n * NCR_SLOTS + which


def _disposition(w: World, u: int) -> str:
    return "scrap" if w.scrapped(u) else DISPOSITIONS[u % len(DISPOSITIONS)]


def ncr_event_rows(w: World) -> Iterator[tuple[Any, ...]]:
    for n, (u, ncr, opened, status) in enumerate(w.ncrs):
        o = w.order(u)
        unit, order, station = w.unit_id(u), w.order_id(o), w.stations[o % LINES]
        number = f"NCR-B{ncr:06d}"
        yield event_row(
            w,
            _ncr_slot(w, n, 0),
            "ncr_open",
            "ok",
            unit,
            order,
            None,
            station,
            None,
            opened,
            {"ncr": number},
        )
        if status != "open":
            at = min(opened + timedelta(hours=2), NOW - timedelta(minutes=1))
            yield event_row(
                w,
                _ncr_slot(w, n, 1),
                "ncr_disposition",
                "ok",
                unit,
                order,
                None,
                station,
                None,
                at,
                {"ncr": number, "disposition": _disposition(w, u)},
            )
        if status == "closed":
            at = min(opened + timedelta(hours=20), NOW - timedelta(minutes=1))
            yield event_row(
                w,
                _ncr_slot(w, n, 2),
                "ncr_close",
                "ok",
                unit,
                order,
                None,
                station,
                None,
                at,
                {"ncr": number},
            )


NCR_COLS = (
    "id",
    "number",
    "item_id",
    "event_id",
    "description",
    "status",
    "disposition",
    "disposition_reason",
    "opened_by",
    "opened_at",
    "closed_by",
    "closed_at",
)


def ncr_rows(w: World) -> Iterator[tuple[Any, ...]]:
    for n, (u, ncr, opened, status) in enumerate(w.ncrs):
        chosen = None if status == "open" else _disposition(w, u)
        closed = min(opened + timedelta(hours=20), NOW - timedelta(minutes=1))
        yield (
            ncr,
            f"NCR-B{ncr:06d}",
            w.unit_id(u),
            w.event_id(_ncr_slot(w, n, 0)),
            "functional test failed: no flow at 10 bar",
            status,
            chosen,
            "retested after the fix" if chosen else None,
            w.ids.user,
            w.stamp(opened),
            w.ids.user if status == "closed" else None,
            w.stamp(closed) if status == "closed" else None,
        )


def _other_slots(w: World) -> int:
    return w.all_units * SLOTS_PER_UNIT + len(w.ncrs) * NCR_SLOTS


def hold_plan(w: World) -> list[tuple[int, int, datetime, datetime | None]]:
    """(hold id, item id, placed at, released at): one every two days on a lot."""
    rng = random.Random(w.plan.seed + 23)
    out = []
    at = base.T0 + timedelta(hours=10)
    hold = w.first["holds"]
    lots = [w.plan.lot_id(0, n) for n in range(len(w.plan.lot_sizes[0]))]
    while at < NOW - timedelta(hours=3):
        if rng.random() < 0.5:
            item = rng.choice(lots)
        else:
            item = w.lot_item(
                min(
                    w.order(int((at - base.T0) / (RECENT - base.T0) * w.units)),
                    w.plan.work_orders - 1,
                )
            )
        until = at + timedelta(hours=rng.randint(24, 72))
        recent = NOW - at < timedelta(days=14) and rng.random() < 0.5
        out.append((hold, item, at, None if recent or until >= NOW else until))
        hold += 1
        at += timedelta(hours=48 + rng.randint(-6, 6))
    return out


def hold_rows(
    w: World, holds: list[tuple[int, int, datetime, datetime | None]]
) -> Iterator[tuple[Any, ...]]:
    for hold, item, placed, released in holds:
        yield (
            hold,
            item,
            "supplier notice: check before use",
            None,
            w.ids.user,
            w.stamp(placed),
            w.ids.user if released else None,
            w.stamp(released) if released else None,
            "checked: no defect" if released else None,
        )


def other_event_rows(
    w: World, holds: list[tuple[int, int, datetime, datetime | None]]
) -> Iterator[tuple[Any, ...]]:
    """Holds placed and released, and each lot's label reconciliation."""
    slot = _other_slots(w)
    for _hold, item, placed, released in holds:
        yield event_row(w, slot, "hold", "ok", item, None, None, None, None, placed, {})
        slot += 1
        if released:
            yield event_row(
                w, slot, "hold_release", "ok", item, None, None, None, None, released, {}
            )
            slot += 1
    plan = w.plan
    for o in range(plan.work_orders + RECENT_ORDERS):
        last_unit = min((o + 1) * plan.wo_size, w.all_units) - 1
        if w.done_steps(last_unit) < len(STEP_AT):
            continue
        at = w.start(last_unit) + timedelta(minutes=STEP_AT[-1] + 120)
        if at >= NOW:
            continue
        units = range(o * plan.wo_size, last_unit + 1)
        scrapped = sum(1 for u in units if w.scrapped(u))
        destroyed = sum(1 for u in units if w.label_trouble(u) == 1)
        data = {
            "issued": len(units) - scrapped + destroyed,
            "applied": len(units) - scrapped,
            "destroyed": destroyed,
            "returned": 0,
        }
        yield event_row(
            w,
            slot,
            "label_reconcile",
            "ok",
            w.lot_item(o),
            w.order_id(o),
            None,
            None,
            None,
            at,
            data,
        )
        slot += 1
