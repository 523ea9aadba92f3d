"""The dashboard data set's master data: routes and steps, BOM lines, line stations and their
devices, scale calibrations, the label template, the recent work orders and the bench's
supervisor, inserted row by row with their ids read back.

SYNTHETIC DATA FOR BENCHMARKS ONLY (bench/generate_dashboard.py loads it).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select, text, update

from bench import generate as base
from bench.dashboard_data.world import COMPLETED_ORDERS, LINES, NOW, RECENT, RECENT_ORDERS, ROUTES
from bench.generate import BOARD, LOT_PARTS, Ids, Plan, bom, gtin
from db.models import (
    BomLine,
    Customer,
    Device,
    DeviceCalibration,
    LabelTemplate,
    LabelTemplateVersion,
    Part,
    Product,
    Route,
    RouteStep,
    Site,
    Station,
    User,
    WorkOrder,
)
from desktop.services.identity._auth import hash_secret

BENCH_USER = "bench-supervisor"
BENCH_PASSWORD = "bench-dashboard-password"  # not a code: a synthetic data set's password
BENCH_STATION = "BENCH-DASHBOARD"


def read_ids(engine: Engine, plan: Plan) -> Ids:
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


def insert_rows(conn: Any, model: Any, rows: list[dict[str, Any]]) -> list[int]:
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
        routes = insert_rows(
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
            steps[parity] = insert_rows(
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
        insert_rows(
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
        stations = insert_rows(
            conn,
            Station,
            [{"name": f"BENCH-LINE-{n + 1}", "kind": "operator"} for n in range(LINES)]
            + [{"name": BENCH_STATION, "kind": "dashboard"}],
        )
        devices = []
        for n in range(LINES):
            devices.append(
                tuple(
                    insert_rows(
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
        insert_rows(conn, DeviceCalibration, calibrations)
        [template] = insert_rows(conn, LabelTemplate, [{"name": "BENCH-UNIT-LABEL"}])
        [version] = insert_rows(
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
        out["recent_orders"] = insert_rows(conn, WorkOrder, orders)
        insert_rows(
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
