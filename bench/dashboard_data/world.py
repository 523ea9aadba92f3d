"""The dashboard data set's plan: its fixed present, the routes' shape, and World, which places
every unit's steps, failed attempts and label troubles in time and gives each row its ids.

SYNTHETIC DATA FOR BENCHMARKS ONLY (bench/generate_dashboard.py loads it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bench import generate as base
from bench.generate import Codec, Ids, Plan

#: The data set's present: the dashboard's window ends here.
NOW = datetime(2024, 12, 31, 14, 0, tzinfo=UTC)
#: The new work orders of the last hours start here; bench/generate.py's units before it.
RECENT = NOW - timedelta(hours=36)
RECENT_ORDERS = 8  # of 500 units: the first COMPLETED_ORDERS completed, the others running
COMPLETED_ORDERS = 5
#: Minutes from a unit's start to each of its four steps (queues between the steps).
STEP_AT = (0, 45, 120, 240)
RETRY_MINUTES = 15
LINES = 4
#: Route step kinds and event kinds by route (even products weigh, odd ones have a leak test).
ROUTES = {
    0: (
        ("scan_component", "Scan components", "consume"),
        ("weigh", "Weigh", "weigh"),
        ("check", "Functional test", "check"),
        ("label", "UDI label", "label_verify"),
    ),
    1: (
        ("scan_component", "Scan components", "consume"),
        ("inspect", "Leak test", "inspect"),
        ("check", "Functional test", "check"),
        ("label", "UDI label", "label_verify"),
    ),
}
EVENT_COLS = (
    "id",
    "kind",
    "outcome",
    "item_id",
    "work_order_id",
    "step_id",
    "station_id",
    "user_id",
    "device_id",
    "station_time",
    "db_time",
    "data",
)


@dataclass
class World:
    """Everything the row generators need: the base plan, ids read back and written, times."""

    plan: Plan
    ids: Ids
    codec: Codec
    pg: bool
    steps: dict[int, list[int]]  # route parity -> step ids in order
    stations: list[int]
    devices: list[tuple[int, int, int]]  # per line: scanner, scale, printer
    template_version: int
    recent_orders: list[int]  # work order ids
    first: dict[str, int]  # next free id per table
    fate: bytes = b""
    second: bytes = b""
    ncrs: list[tuple[int, int, datetime, str]] = field(default_factory=list)
    recalls: list[tuple[int, datetime, list[int], float]] = field(default_factory=list)

    @property
    def units(self) -> int:
        return self.plan.units

    @property
    def all_units(self) -> int:
        return self.plan.units + RECENT_ORDERS * self.plan.wo_size

    def unit_id(self, u: int) -> int:
        if u < self.units:
            return self.plan.base["units"] + u
        return self.first["items"] + RECENT_ORDERS + (u - self.units)

    def order(self, u: int) -> int:
        """Work order index (bench/generate.py's numbering, the recent ones after)."""
        return u // self.plan.wo_size

    def order_id(self, w: int) -> int:
        if w < self.plan.work_orders:
            return self.ids.work_orders[w]
        return self.recent_orders[w - self.plan.work_orders]

    def lot_item(self, w: int) -> int:
        if w < self.plan.work_orders:
            return self.plan.base["plots"] + w
        return self.first["items"] + (w - self.plan.work_orders)

    def start(self, u: int) -> datetime:
        if u < self.units:
            span = (RECENT - timedelta(minutes=STEP_AT[-1] + 60)) - base.T0
            return base.T0 + span * (u / self.units)
        n = RECENT_ORDERS * self.plan.wo_size
        return RECENT + (NOW - RECENT) * ((u - self.units) / n)

    def stamp(self, at: datetime) -> str:
        text_ = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        return text_ + "+00" if self.pg else text_

    def failed_step(self, u: int) -> int | None:
        """The step (1..3, 0-based index) whose first attempt failed, if any."""
        if self.fate[u] >= 8:
            return None
        return 1 if self.second[u] < 128 else 2

    def label_trouble(self, u: int) -> int:
        """0: one verified job; 1: voided and reprinted; 2: failed and printed again."""
        return 1 if self.fate[u] == 255 else 2 if self.second[u] == 7 else 0

    def done_steps(self, u: int) -> int:
        """How many of its steps the unit has passed by NOW (4 for every earlier unit)."""
        start = self.start(u)
        return sum(1 for m in STEP_AT if start + timedelta(minutes=m) < NOW)

    def scrapped(self, u: int) -> bool:
        """A recent unit whose functional test failed and whose NCR scrapped it."""
        return u >= self.units and self.failed_step(u) == 2 and self.fate[u] % 3 == 0

    def event_id(self, slot: int) -> str:
        return self.codec.event(slot)


SLOTS_PER_UNIT = 8  # 0..3 steps, 4 failed attempt, 5 print, 6 second print


def event_row(
    w: World,
    slot: int,
    kind: str,
    outcome: str,
    item: int | None,
    order: int | None,
    step: int | None,
    station: int | None,
    device: int | None,
    at: datetime,
    data: dict[str, Any],
) -> tuple[Any, ...]:
    stamp = w.stamp(at)
    return (
        w.event_id(slot),
        kind,
        outcome,
        item,
        order,
        step,
        station,
        w.ids.user,
        device,
        stamp,
        stamp,
        json.dumps(data),
    )
