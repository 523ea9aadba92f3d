"""bench/generate.py makes a consistent data set; `lotline bench recall` runs at small N.

Never asserts on timings (ARCHITECTURE.md, Testing).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from bench.generate import generate
from db.models import Event, Item, Link, ServiceRecord, Shipment, ShipmentLine
from db.trace import Direction, backward, forward_shipments, summary
from desktop.cli import main

UNITS = 2000
DataSet = tuple[Engine, dict[str, int]]


def _count(s: Session, *where: Any, model: Any = Item) -> int:
    return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


@pytest.fixture
def data_set(engine: Engine) -> DataSet:
    return engine, generate(engine, UNITS, progress=False)


def test_generator_makes_the_counts_asked_for(data_set: DataSet) -> None:
    engine, counts = data_set
    with Session(engine) as s:
        units = _count(s, Item.kind == "unit", Item.work_order_id.is_not(None))
        cases, pallets = _count(s, Item.kind == "case"), _count(s, Item.kind == "pallet")
        per_unit = s.execute(
            select(Link.parent_item_id, func.count())
            .where(Link.kind == "consume", Link.removed_event_id.is_(None))
            .group_by(Link.parent_item_id)
        ).all()
        packed = _count(s, Link.kind == "pack", Link.removed_event_id.is_(None), model=Link)
    sealed = sum(1 for u in range(UNITS) if (u // 400) % 10 < 2)  # two pallets in ten
    assert (units, cases, pallets) == (UNITS, UNITS // 10, 5)
    assert len(per_unit) == UNITS and {n for _, n in per_unit} == {4, 5}  # 4 parts, + seal
    assert sum(1 for _, n in per_unit if n == 5) == sealed
    assert counts["links"] == 4 * UNITS + sealed + UNITS + cases + UNITS // 200
    assert counts["items"] == _count(Session(engine))
    assert counts["shipments"] > 0 and counts["service_records"] == UNITS // 20
    assert packed < UNITS + cases  # disaggregated pallets and cases are history now


def test_generated_rows_hold_together(data_set: DataSet) -> None:
    engine, counts = data_set
    with Session(engine) as s:
        dangling_events = s.scalar(
            select(func.count()).select_from(Link).outerjoin(Event, Event.id == Link.event_id)
            .where(Event.id.is_(None))
        )  # fmt: skip
        unshipped = s.scalar(text(
            "SELECT COUNT(*) FROM items u WHERE u.kind = 'unit' AND u.work_order_id IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM shipment_lines sl WHERE sl.item_id = u.id)"
            " AND NOT EXISTS (SELECT 1 FROM links c JOIN shipment_lines sl ON"
            "   sl.item_id = c.parent_item_id WHERE c.child_item_id = u.id"
            "   AND c.removed_event_id IS NULL)"
            " AND NOT EXISTS (SELECT 1 FROM links c JOIN links p ON p.child_item_id ="
            "   c.parent_item_id JOIN shipment_lines sl ON sl.item_id = p.parent_item_id"
            "   WHERE c.child_item_id = u.id AND c.removed_event_id IS NULL"
            "   AND p.removed_event_id IS NULL)"
        ))  # fmt: skip
        lines = _count(s, model=ShipmentLine)
        shipments = _count(s, model=Shipment)
        installs = _count(s, ServiceRecord.kind == "installation", model=ServiceRecord)
    assert dangling_events == 0
    assert unshipped == 0  # every unit reached a customer: alone, in its case, or its pallet
    assert (lines, shipments, installs) == (
        counts["shipment_lines"], counts["shipments"], counts["service_records"]
    )  # fmt: skip


def test_a_generated_lot_traces_to_customers(data_set: DataSet) -> None:
    engine, _ = data_set
    with Session(engine) as s:
        lot = s.scalar(select(Item.id).where(Item.supplier_lot == "SL-RESIN-00003"))
        assert lot is not None
        total = summary(s, lot, Direction.FORWARD)
        shipped = {x.customer_id for x in forward_shipments(s, lot)}
        unit = s.scalar(select(Item.id).where(Item.serial == "S000000042"))
        assert unit is not None
        parts = {n.kind for n in backward(s, unit)}
    assert total.by_kind["unit"] > 0 and total.customers == len(shipped) > 0
    assert parts == {"unit", "material_lot"}


def test_generator_refuses_a_database_with_items(data_set: DataSet) -> None:
    engine, _ = data_set
    with pytest.raises(RuntimeError, match="already holds items"):
        generate(engine, 10, progress=False)


def test_bench_recall_prints_its_figures(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    args = ["bench", "recall", "--units", str(UNITS), "--database", database_url, "--runs", "2"]
    assert main([*args, "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    keys = {"units", "links", "forward_ms_p50", "forward_ms_p99", "backward_ms_p50",
            "raw_sql_forward_ms_p50", "ratio", "peak_rss_mb"}  # fmt: skip
    assert keys <= set(figures)
    assert figures["units"] == UNITS and figures["generated"] is True
    assert figures["scope_units"] > 0 and figures["scope_shipments"] > 0
    assert main([*args, "--json"]) == 0  # the second run reuses the data set
    assert json.loads(capsys.readouterr().out)["generated"] is False


def test_bench_recall_refuses_a_database_of_another_size(
    capsys: pytest.CaptureFixture[str], data_set: DataSet
) -> None:
    engine, _ = data_set
    url = engine.url.render_as_string(hide_password=False)
    code = main(["bench", "recall", "--units", "3000", "--database", url, "--json"])
    assert code == 1
    assert "--units 2000" in capsys.readouterr().err
