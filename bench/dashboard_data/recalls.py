"""The dashboard data set's recalls: three campaigns' headers and their affected units, with
the customers notified in turn.

SYNTHETIC DATA FOR BENCHMARKS ONLY (bench/generate_dashboard.py loads it).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from bench import generate as base
from bench.dashboard_data.master import insert_rows
from bench.dashboard_data.world import NOW, World
from db.models import Recall


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
            [rid] = insert_rows(
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
