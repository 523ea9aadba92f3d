"""Synthetic dashboard data on top of bench/generate.py's data set: a year of route steps and
what the plant dashboard reads, so that the events reach about 5,000,000 at 1,000,000 units.

SYNTHETIC DATA FOR BENCHMARKS ONLY. Rows go straight into the tables of the real schema,
bypassing the services (no audit trail, no permissions, no signatures), as bench/generate.py
does. The data set's "now" is fixed (``NOW``): pass it as ``now=`` to the dashboard's use cases.

What it adds (at 1,000,000 units):
- two routes of four steps (scan components, weigh or leak test, functional test, UDI label) for
  the generated products, their bills of materials, four line stations with a scanner, a scale
  and a printer each;
- for every unit of bench/generate.py, spread evenly over the year before the last 36 hours:
  one passing event per step (the label step is the label's verification), one label print
  event and its print job (verified; 0.4 % voided and reprinted, 0.1 % failed and printed
  again), about 3 % failed attempts at the weigh/leak or functional test (retried and passed),
  and an NCR for each failed functional test (opened, dispositioned to rework or use as is,
  closed; those of the last ten days partly still open); the units' current step is the
  route's last (they were built, packed and shipped);
- the last 36 hours: eight new work orders of 500 units at the plant's pace (about 110 an
  hour): the first five completed and awaiting release, the others released with a due date
  and their units in process at every step (work in progress), their components linked (one
  unit in 256 lacks its tube: a coverage gap), failed units scrapped when their NCR says so;
- a label reconciliation per lot two hours after its last label, holds on lots every two days
  (released after one to three days, those of the last two weeks partly in force), monthly
  scale calibrations (one due soon, one overdue), an hourly device health report per device,
  three recalls (two closed lots, and the broad seal lot of about 200,000 units still being
  notified); a supervisor ``bench-supervisor`` (password ``BENCH_PASSWORD``) and a dashboard
  station ``BENCH-DASHBOARD`` for the bench to log in with.

Loading: bench.generate's Loader (COPY on PostgreSQL, executemany on SQLite). On a database
without items it runs bench.generate.generate first; it refuses one that already holds the
dashboard data. Run: ``python -m bench.generate_dashboard --units N --database URL``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, text, update

from bench import generate as base
from bench.generate import BOARD, LOT_PARTS, Codec, Ids, Loader, Plan, Progress, bom, gtin
from db.engine import make_engine
from db.migrate import upgrade
from db.models import (
    BomLine,
    Customer,
    Device,
    DeviceCalibration,
    Item,
    LabelTemplate,
    LabelTemplateVersion,
    Part,
    Product,
    Recall,
    Route,
    RouteStep,
    Site,
    Station,
    User,
    WorkOrder,
)
from db.resilience import Timeouts
from desktop.domain.states import ItemKind
from desktop.services.identity._auth import hash_secret

#: A COPY of 5,000,000 events is one statement: far longer than a station's statement timeout.
LOADING = Timeouts(statement_s=3600.0, idle_in_transaction_s=3600.0, grace_s=60.0)
#: The data set's present: the dashboard's window ends here.
NOW = datetime(2024, 12, 31, 14, 0, tzinfo=UTC)
#: The new work orders of the last hours start here; bench/generate.py's units before it.
RECENT = NOW - timedelta(hours=36)
RECENT_ORDERS = 8  # of 500 units: the first COMPLETED_ORDERS completed, the others running
COMPLETED_ORDERS = 5
#: Minutes from a unit's start to each of its four steps (queues between the steps).
STEP_AT = (0, 45, 120, 240)
RETRY_MINUTES = 15
BENCH_USER = "bench-supervisor"
BENCH_PASSWORD = "bench-dashboard-password"  # not a code: a synthetic data set's password
BENCH_STATION = "BENCH-DASHBOARD"
LINES = 4
DISPOSITIONS = ("rework", "rework", "use_as_is")  # of a shipped unit's NCR (never scrapped)
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
UNIT_COLS = (
    "id",
    "kind",
    "product_id",
    "part_id",
    "work_order_id",
    "supplier_id",
    "gtin",
    "lot",
    "serial",
    "status",
    "quantity",
    "quantity_available",
    "unit",
    "current_step",
    "created_at",
    "updated_at",
)
JOB_COLS = (
    "id",
    "idempotency_key",
    "item_id",
    "lot_item_id",
    "template_version_id",
    "element_string",
    "hri",
    "payload",
    "status",
    "reprint_of_id",
    "reason",
    "printer_device_id",
    "requested_by",
    "created_at",
    "printed_at",
    "verified_at",
    "void_reason",
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


def _read_ids(engine: Engine, plan: Plan) -> Ids:
    with engine.connect() as conn:
        parts = dict(conn.execute(select(Part.part_number, Part.id)).all())
        names = [f"BENCH-{code}" for code, _ in LOT_PARTS] + ["BENCH-BOARD"]
        products = [
            conn.scalar(select(Product.id).where(Product.gtin == gtin("0950601", p)))
            for p in range(plan.products)
        ]
        orders = dict(
            conn.execute(
                select(WorkOrder.number, WorkOrder.id).where(WorkOrder.number.like("BENCH-WO-%"))
            ).all()
        )
        customers = list(conn.scalars(select(Customer.id).order_by(Customer.code)))
        sites: dict[int, list[int]] = {}
        for site, customer in conn.execute(select(Site.id, Site.customer_id).order_by(Site.id)):
            sites.setdefault(customer or 0, []).append(site)
        user = conn.scalar(select(User.id).where(User.username == "bench-generator"))
        supplier = conn.scalar(text("SELECT MIN(id) FROM suppliers"))
    return Ids(
        [parts[n] for n in names],
        [int(p) for p in products if p is not None],
        [orders[f"BENCH-WO-{w:06d}"] for w in range(plan.work_orders)],
        int(supplier or 0),
        int(user or 0),
        [sites[c] for c in customers],
        customers,
    )


def _insert(conn: Any, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, rows).scalars())


def _step_parameters(kind: str, parts: list[str]) -> dict[str, Any]:
    if kind == "scan_component":
        return {"parts": parts}
    if kind == "weigh":
        return {"lower": "48.0", "upper": "52.0", "nominal": "50.0", "unit": "g"}
    if kind == "inspect":
        return {"lower": "0", "upper": "0.5", "unit": "mbar/min"}
    return {}


def master_data(engine: Engine, plan: Plan, ids: Ids) -> dict[str, Any]:
    """Routes, steps, BOM lines, stations and devices, calibrations, a label template, the
    recent work orders, the recalls' headers and the bench's supervisor."""
    out: dict[str, Any] = {}
    part_numbers = [f"BENCH-{code}" for code, _ in LOT_PARTS] + ["BENCH-BOARD"]
    with engine.begin() as conn:
        routes = _insert(
            conn,
            Route,
            [
                {"name": f"Bench route {'odd' if parity else 'even'}", "version": 1}
                for parity in (0, 1)
            ],
        )
        steps: dict[int, list[int]] = {}
        for parity, route in enumerate(routes):
            used = sorted(
                {part_numbers[i] for p in range(parity, plan.products, 2) for i in bom(p)}
            )
            steps[parity] = _insert(
                conn,
                RouteStep,
                [
                    {
                        "route_id": route,
                        "position": n + 1,
                        "kind": kind,
                        "name": name,
                        "parameters": _step_parameters(kind, used),
                    }
                    for n, (kind, name, _event) in enumerate(ROUTES[parity])
                ],
            )
        for p, product in enumerate(ids.products):
            conn.execute(
                update(Product).where(Product.id == product).values(route_id=routes[p % 2])
            )
        _insert(
            conn,
            BomLine,
            [
                {
                    "product_id": product,
                    "part_id": ids.parts[i],
                    "step_id": steps[p % 2][0],
                    "quantity": (LOT_PARTS[i][1] if i != BOARD else 1),
                }
                for p, product in enumerate(ids.products)
                for i in bom(p)
            ],
        )
        stations = _insert(
            conn,
            Station,
            [{"name": f"BENCH-LINE-{n + 1}", "kind": "operator"} for n in range(LINES)]
            + [{"name": BENCH_STATION, "kind": "dashboard"}],
        )
        devices = []
        for n in range(LINES):
            devices.append(
                tuple(
                    _insert(
                        conn,
                        Device,
                        [
                            {
                                "station_id": stations[n],
                                "kind": kind,
                                "name": f"{kind}-{n + 1}",
                                "port_url": f"sim://{kind}/{n + 1}",
                                "simulated": True,
                            }
                            for kind in ("scanner", "scale", "printer")
                        ],
                    )
                )
            )
        calibrations = []
        for n, (_scanner, scale, _printer) in enumerate(devices):
            for month in range(1, 13):
                on = date(2024, month, 3 + n)
                due = on + timedelta(days=33 if month < 12 else 30)
                if n == LINES - 1 and month == 12:  # the last line's scale: overdue
                    due = NOW.date() - timedelta(days=1)
                if n == LINES - 2 and month == 12:  # the one before: due within the week
                    due = NOW.date() + timedelta(days=3)
                calibrations.append(
                    {
                        "device_id": scale,
                        "calibrated_on": on,
                        "due_on": due,
                        "certificate": f"CAL-{n + 1}-{month:02d}",
                        "result": "passed",
                        "recorded_by": ids.user,
                    }
                )
        _insert(conn, DeviceCalibration, calibrations)
        [template] = _insert(conn, LabelTemplate, [{"name": "BENCH-UNIT-LABEL"}])
        [version] = _insert(
            conn,
            LabelTemplateVersion,
            [
                {
                    "template_id": template,
                    "version": 1,
                    "status": "approved",
                    "definition": {"fields": ["gtin", "serial"]},
                    "approved_by": ids.user,
                    "approved_at": base.T0,
                }
            ],
        )
        orders = []
        for k in range(RECENT_ORDERS):
            w = plan.work_orders + k
            done = k < COMPLETED_ORDERS
            orders.append(
                {
                    "number": f"BENCH-WO-{w:06d}",
                    "product_id": ids.products[plan.product(w)],
                    "quantity": plan.wo_size,
                    "status": "completed" if done else "released",
                    "lot": f"W{w:06d}",
                    "released_at": RECENT - timedelta(hours=1),
                    "due_on": None if done else NOW.date() + timedelta(days=1 + k % 2),
                }
            )
        out["recent_orders"] = _insert(conn, WorkOrder, orders)
        _insert(
            conn,
            User,
            [
                {
                    "username": BENCH_USER,
                    "full_name": "Bench supervisor",
                    "role": "supervisor",
                    "password_hash": hash_secret(BENCH_PASSWORD),
                    "failed_attempts": 0,
                    "must_change_password": False,
                }
            ],
        )
    out.update(steps=steps, stations=stations, devices=devices, version=version)
    return out


# --- rows -----------------------------------------------------------------------------------


def recent_item_rows(w: World) -> Iterator[tuple[Any, ...]]:
    """The recent work orders' production lots, their units, and the boards they consumed."""
    plan = w.plan
    for k in range(RECENT_ORDERS):
        o = plan.work_orders + k
        p = plan.product(o)
        last = w.start((o + 1) * plan.wo_size - 1) + timedelta(minutes=STEP_AT[-1])
        done = k < COMPLETED_ORDERS
        yield (
            w.lot_item(o),
            "production_lot",
            w.ids.products[p],
            None,
            w.order_id(o),
            None,
            gtin("0950601", p),
            f"W{o:06d}",
            None,
            "completed" if done else "in_process",
            plan.wo_size,
            0,
            "ea",
            0,
            w.stamp(RECENT),
            w.stamp(last if done else NOW),
        )
    for u in range(w.units, w.all_units):
        o = w.order(u)
        p = plan.product(o)
        steps = w.done_steps(u)
        if w.scrapped(u):
            status, steps = "scrapped", min(steps, 2)
        else:
            status = "completed" if steps == len(STEP_AT) else "in_process"
        at = w.start(u) + timedelta(minutes=STEP_AT[max(steps - 1, 0)])
        yield (
            w.unit_id(u),
            "unit",
            w.ids.products[p],
            None,
            w.order_id(o),
            None,
            gtin("0950601", p),
            f"W{o:06d}",
            f"S{u:09d}",
            status,
            1,
            1,
            "ea",
            steps,
            w.stamp(w.start(u)),
            w.stamp(at),
        )
    board = w.first["items"] + RECENT_ORDERS + (w.all_units - w.units)
    for n, u in enumerate(u for u in range(w.units, w.all_units) if plan.product(w.order(u)) % 2):
        yield (
            board + n,
            "unit",
            None,
            w.ids.parts[BOARD],
            None,
            w.ids.supplier,
            gtin("0950602", 1),
            None,
            f"B{plan.boards + n:09d}",
            "consumed",
            1,
            0,
            "ea",
            0,
            w.stamp(w.start(u)),
            None,
        )


def _event(
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


def _reading(kind: str, u: int, ok: bool) -> dict[str, Any]:
    if kind == "weigh":
        value = 50 + ((u * 7919) % 300 - 150) / 100 if ok else 52.6
        return {
            "value": f"{value:.2f}",
            "unit": "g",
            "stable": True,
            "verdict": "within" if ok else "above",
        }
    if kind == "inspect":
        value = ((u * 104729) % 40) / 100 if ok else 0.71
        return {"value": f"{value:.2f}", "unit": "mbar/min", "verdict": "within" if ok else "above"}
    if kind == "check":
        return {"passed": ok, "note": "" if ok else "no flow at 10 bar"}
    return {}


def unit_event_rows(w: World) -> Iterator[tuple[Any, ...]]:
    """Every unit's route steps (the failed attempts before their retry) and label prints."""
    plan = w.plan
    for u in range(w.all_units):
        o = w.order(u)
        parity = plan.product(o) % 2
        route = ROUTES[parity]
        line = o % LINES
        scanner, scale, printer = w.devices[line]
        unit, order = w.unit_id(u), w.order_id(o)
        start = w.start(u)
        failed = w.failed_step(u)
        steps = w.done_steps(u)
        if w.scrapped(u):
            steps = min(steps, 3)  # passed two steps, failed the functional test: scrapped
        for k in range(steps):
            _kind, _name, event_kind = route[k]
            at = start + timedelta(minutes=STEP_AT[k])
            device = scale if event_kind == "weigh" else printer if k == 3 else scanner
            step = w.steps[parity][k]
            if failed == k:
                yield _event(
                    w,
                    u * SLOTS_PER_UNIT + 4,
                    event_kind,
                    "fail",
                    unit,
                    order,
                    step,
                    w.stations[line],
                    device,
                    at,
                    _reading(event_kind, u, False),
                )
                at += timedelta(minutes=RETRY_MINUTES)
                if w.scrapped(u) or at >= NOW:
                    break
            if k == 3:
                trouble = w.label_trouble(u)
                printed = at - timedelta(minutes=5)
                yield _event(
                    w,
                    u * SLOTS_PER_UNIT + 5,
                    "label_print",
                    "ok",
                    unit,
                    order,
                    None,
                    w.stations[line],
                    printer,
                    printed,
                    {"job": f"bench-{u}", "status": "printed"},
                )
                if trouble:
                    yield _event(
                        w,
                        u * SLOTS_PER_UNIT + 6,
                        "label_print",
                        "ok",
                        unit,
                        order,
                        None,
                        w.stations[line],
                        printer,
                        printed + timedelta(minutes=2),
                        {"job": f"bench-{u}-2", "status": "printed"},
                    )
                data: dict[str, Any] = {
                    "job": f"bench-{u}" + ("-2" if trouble else ""),
                    "status": "verified",
                    "step_passed": True,
                }
            else:
                data = _reading(event_kind, u, True)
            yield _event(
                w,
                u * SLOTS_PER_UNIT + k,
                event_kind,
                "ok",
                unit,
                order,
                step,
                w.stations[line],
                device,
                at,
                data,
            )


def print_job_rows(w: World) -> Iterator[tuple[Any, ...]]:
    """One print job per unit labelled (a voided or failed one before its reprint)."""
    plan, job = w.plan, w.first["print_jobs"]
    for u in range(w.all_units):
        if w.done_steps(u) < len(STEP_AT) or w.scrapped(u):
            continue
        o = w.order(u)
        p = plan.product(o)
        _scanner, _scale, printer = w.devices[o % LINES]
        at = w.start(u) + timedelta(minutes=STEP_AT[-1] - 5)
        element = f"(01){gtin('0950601', p)}(21)S{u:09d}"
        trouble = w.label_trouble(u)
        common = (
            w.unit_id(u),
            w.lot_item(o),
            w.template_version,
            element,
            element,
            f"^XA^FD{element}^FS^XZ",
        )
        stamp, later = w.stamp(at), w.stamp(at + timedelta(minutes=2))
        if trouble == 1:
            yield (
                job,
                f"bench-{u}",
                *common,
                "voided",
                None,
                None,
                printer,
                w.ids.user,
                stamp,
                stamp,
                None,
                "smudged: voided and destroyed",
            )
            yield (
                job + 1,
                f"bench-{u}-2",
                *common,
                "verified",
                job,
                "reprint of a smudged label",
                printer,
                w.ids.user,
                later,
                later,
                later,
                None,
            )
            job += 2
        elif trouble == 2:
            yield (
                job,
                f"bench-{u}",
                *common,
                "failed",
                None,
                None,
                printer,
                w.ids.user,
                stamp,
                None,
                None,
                None,
            )
            yield (
                job + 1,
                f"bench-{u}-2",
                *common,
                "verified",
                None,
                None,
                printer,
                w.ids.user,
                later,
                later,
                later,
                None,
            )
            job += 2
        else:
            yield (
                job,
                f"bench-{u}",
                *common,
                "verified",
                None,
                None,
                printer,
                w.ids.user,
                stamp,
                stamp,
                w.stamp(at + timedelta(minutes=5)),
                None,
            )
            job += 1


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
        yield _event(
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
            yield _event(
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
            yield _event(
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
        yield _event(w, slot, "hold", "ok", item, None, None, None, None, placed, {})
        slot += 1
        if released:
            yield _event(w, slot, "hold_release", "ok", item, None, None, None, None, released, {})
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
        yield _event(
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


def link_rows(w: World) -> Iterator[tuple[Any, ...]]:
    """The recent units' components: the last lot of each part, a new board for odd products
    (one unit in 256 has no tube linked: a gap in coverage)."""
    plan = w.plan
    link = w.first["links"]
    board = w.first["items"] + RECENT_ORDERS + (w.all_units - w.units)
    for u in range(w.units, w.all_units):
        o = w.order(u)
        p = plan.product(o)
        if w.done_steps(u) < 1:
            if p % 2:
                board += 1
            continue
        event = w.event_id(u * SLOTS_PER_UNIT)
        for part in bom(p):
            if part == BOARD:
                yield (link, w.unit_id(u), board, 1, "consume", event, None)
                board += 1
            elif part in (1, 2) and w.second[u] == 255:
                continue
            else:
                lot = plan.lot_id(part, len(plan.lot_sizes[part]) - 1)
                yield (link, w.unit_id(u), lot, LOT_PARTS[part][1], "consume", event, None)
            link += 1


def plan_recalls(engine: Engine, w: World) -> None:
    """Three campaigns: two closed lots, and the broad seal lot still being notified."""
    plan = w.plan
    seal = getattr(plan, "seal", None)
    broad_scope = plan.base.get("seal", plan.lot_id(0, 0))

    def in_broad(u: int) -> bool:
        return bool(seal(u)) if seal else (u // 400) % 5 == 0

    def lot_units(o: int) -> list[int]:
        return list(range(o * plan.wo_size, (o + 1) * plan.wo_size))

    campaigns = [
        (
            "RC-BENCH-0001",
            w.lot_item(plan.work_orders * 3 // 10),
            datetime(2024, 4, 10, 9, 0, tzinfo=UTC),
            lot_units(plan.work_orders * 3 // 10),
            18.0,
            True,
        ),
        (
            "RC-BENCH-0002",
            w.lot_item(plan.work_orders * 13 // 20),
            datetime(2024, 9, 2, 8, 0, tzinfo=UTC),
            lot_units(plan.work_orders * 13 // 20),
            30.0,
            True,
        ),
        (
            "RC-BENCH-0003",
            broad_scope,
            NOW - timedelta(days=2),
            [u for u in range(w.units) if in_broad(u)],
            60.0,
            False,
        ),
    ]
    with engine.begin() as conn:
        for number, scope, opened, units, hours, closed in campaigns:
            [rid] = _insert(
                conn,
                Recall,
                [
                    {
                        "number": number,
                        "reason": "bench campaign",
                        "scope_item_id": scope,
                        "status": "closed" if closed else "open",
                        "opened_by": w.ids.user,
                        "opened_at": opened,
                        "scope_known_at": opened + timedelta(minutes=40),
                        "closed_at": opened + timedelta(days=40) if closed else None,
                    }
                ],
            )
            w.recalls.append((rid, opened, units, hours))


def recall_item_rows(w: World) -> Iterator[tuple[Any, ...]]:
    """Each campaign's units with the customer and site they were shipped to; customers are
    notified in turn over the campaign's hours (the broad one: four in five so far)."""
    customer_of = array("l", [0]) * w.units
    site_of = array("l", [0]) * w.units
    for customer, site, _items, units in base.shipping(w.plan, w.ids):
        for u in units:
            customer_of[u], site_of[u] = customer, site
    rid_ = w.first["recall_items"]
    for rid, opened, units, hours in w.recalls:
        order = sorted({customer_of[u] for u in units})
        rank = {c: n / max(len(order), 1) for n, c in enumerate(order)}
        for u in units:
            share = rank[customer_of[u]]
            notified = opened + timedelta(hours=1 + share * (hours - 1))
            told = w.stamp(notified) if notified < NOW else None
            state = "installed" if u % 20 == 3 else "shipped"
            yield (rid_, rid, w.unit_id(u), state, customer_of[u], site_of[u], told, None, None)
            rid_ += 1


def health_rows(w: World) -> Iterator[tuple[Any, ...]]:
    """An hourly report per device from the year's start to NOW."""
    rng = random.Random(w.plan.seed + 31)
    report = w.first["device_health_reports"]
    hours = int((NOW - base.T0).total_seconds() // 3600)
    names = ("scanner", "scale", "printer")
    for h in range(hours):
        start = base.T0 + timedelta(hours=h)
        since, until = w.stamp(start), w.stamp(start + timedelta(hours=1))
        for line, devices in enumerate(w.devices):
            for kind, device in zip(names, devices, strict=True):
                readings = 28 + rng.randrange(4) if kind != "scanner" else 120 + rng.randrange(20)
                roll = rng.random()
                refused = rng.randint(1, 3) if roll < 0.03 else 0
                reconnects = 1 if roll > 0.995 else 0
                yield (
                    report,
                    w.stations[line],
                    device,
                    f"{kind}-{line + 1}",
                    since,
                    until,
                    readings,
                    refused,
                    reconnects,
                    until,
                )
                report += 1


# --- the run --------------------------------------------------------------------------------

TABLES = (
    "items",
    "links",
    "print_jobs",
    "nonconformances",
    "holds",
    "recall_items",
    "device_health_reports",
)


def _first_ids(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: (conn.scalar(text(f"SELECT MAX(id) FROM {t}")) or 0) + 1 for t in TABLES}


def _base_layout(engine: Engine, units: int, seed: int) -> Plan:
    plan = Plan(units, seed)
    with engine.connect() as conn:
        first = conn.scalar(select(func.min(Item.id))) or 1
        plan.layout(first)
        serial = conn.scalar(select(Item.serial).where(Item.id == plan.base["units"] + units - 1))
    if serial != f"S{units - 1:09d}":
        raise RuntimeError(
            f"the database holds no bench/generate.py data set of {units} units (seed {seed})"
        )
    return plan


def _align_base(engine: Engine) -> None:
    """bench/generate.py's units have passed their route's four steps. (Its events keep the
    loading's clock in db_time, after NOW: events are append-only, and no panel counts them.)"""
    with engine.begin() as conn:
        conn.execute(
            update(Item)
            .where(Item.kind == ItemKind.UNIT, Item.work_order_id.is_not(None))
            .values(current_step=len(STEP_AT))
        )


def add_dashboard(
    engine: Engine, units: int, *, seed: int = 7, progress: bool = True
) -> dict[str, int]:
    """Add the dashboard's data to a bench/generate.py data set of ``units`` units."""
    upgrade(engine)
    with engine.connect() as conn:
        if conn.scalar(select(Route.id).where(Route.name.like("Bench route %"))):
            raise RuntimeError("the database already holds the dashboard's bench data")
    plan = _base_layout(engine, units, seed)
    ids = _read_ids(engine, plan)
    first = _first_ids(engine)
    made = master_data(engine, plan, ids)
    rng = random.Random(seed + 5)
    all_units = units + RECENT_ORDERS * plan.wo_size
    w = World(
        plan,
        ids,
        Codec(engine.dialect.name),
        engine.dialect.name == "postgresql",
        made["steps"],
        made["stations"],
        made["devices"],
        made["version"],
        made["recent_orders"],
        first,
        rng.randbytes(all_units),
        rng.randbytes(all_units),
    )
    plan_ncrs(w)
    plan_recalls(engine, w)
    holds = hold_plan(w)
    _align_base(engine)
    loader = Loader(engine, Progress(int(all_units * 8.5), progress))
    if loader.pg:  # rows consistent by construction: no foreign key check per row (superuser)
        loader.conn.execute("SET LOCAL session_replication_role = replica")
    try:
        loader.write("items", UNIT_COLS, recent_item_rows(w))
        loader.write("events", EVENT_COLS, unit_event_rows(w))
        loader.write("events", EVENT_COLS, ncr_event_rows(w))
        loader.write("events", EVENT_COLS, other_event_rows(w, holds))
        loader.write("links", base.LINK_COLS, link_rows(w))
        loader.write("print_jobs", JOB_COLS, print_job_rows(w))
        loader.write("nonconformances", NCR_COLS, ncr_rows(w))
        loader.write(
            "holds",
            (
                "id",
                "item_id",
                "reason",
                "ncr_id",
                "placed_by",
                "placed_at",
                "released_by",
                "released_at",
                "release_reason",
            ),
            hold_rows(w, holds),
        )
        loader.write(
            "recall_items",
            (
                "id",
                "recall_id",
                "item_id",
                "state_at_scope",
                "customer_id",
                "site_id",
                "notified_at",
                "returned_at",
                "disposition",
            ),
            recall_item_rows(w),
        )
        loader.write(
            "device_health_reports",
            (
                "id",
                "station_id",
                "device_id",
                "device",
                "period_start",
                "period_end",
                "readings",
                "refused",
                "reconnects",
                "created_at",
            ),
            health_rows(w),
        )
    except BaseException:
        loader.raw.close()
        raise
    loader.finish()
    loader.progress.close()
    base.after_load(engine, TABLES)
    with engine.connect() as conn:
        events = conn.scalar(text("SELECT COUNT(*) FROM events")) or 0
    return {**loader.counts, "events_total": int(events), "units_total": all_units}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate_dashboard", description=__doc__)
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--database", required=True, metavar="URL")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    engine = make_engine(args.database, timeouts=LOADING)
    started = time.perf_counter()
    counts: dict[str, int] = {}
    upgrade(engine)
    with engine.connect() as conn:
        empty = not conn.scalar(select(func.count()).select_from(Item))
    if empty:
        counts = base.generate(engine, args.units, seed=args.seed, progress=not args.quiet)
    counts |= add_dashboard(engine, args.units, seed=args.seed, progress=not args.quiet)
    print({**counts, "seconds": round(time.perf_counter() - started, 1)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
