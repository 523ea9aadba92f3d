"""The dashboard data set's production rows: the recent work orders' lots and units, every
unit's route steps, failed attempts and label prints, its print jobs, and the recent units'
component links.

SYNTHETIC DATA FOR BENCHMARKS ONLY (bench/generate_dashboard.py loads it).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from bench.dashboard_data.world import (
    COMPLETED_ORDERS,
    LINES,
    NOW,
    RECENT,
    RECENT_ORDERS,
    RETRY_MINUTES,
    ROUTES,
    SLOTS_PER_UNIT,
    STEP_AT,
    World,
    event_row,
)
from bench.generate import BOARD, LOT_PARTS, bom, gtin

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
                yield event_row(
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
                yield event_row(
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
                    yield event_row(
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
            yield event_row(
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
