"""The broad recall scope streamed (db.trace.scope_rows) is the scope the tree queries give,
its counts come first (db.trace.summary), and the CSV file (the report and the `lotline trace
forward --csv` command) holds every unit, shipment and customer. On a small generated data set
(bench/generate.py), both databases. Never asserts on timings.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bench.generate import generate
from db import trace
from db.models import Customer, Item, Shipment
from desktop.cli import main
from desktop.reports.scope_csv import write_scope_csv

UNITS = 2000
SEAL, RESIN = "SL-SEAL-00000", "SL-RESIN-00001"


@pytest.fixture
def bench(engine: Engine) -> Engine:
    generate(engine, UNITS, progress=False)
    return engine


def _lot(s: Session, supplier_lot: str) -> int:
    found = s.scalar(select(Item.id).where(Item.supplier_lot == supplier_lot))
    assert found is not None
    return found


@pytest.mark.parametrize("supplier_lot", [SEAL, RESIN])
@pytest.mark.parametrize("history", [False, True])
def test_the_streamed_scope_is_the_scope_of_the_tree_queries(
    bench: Engine, supplier_lot: str, history: bool
) -> None:
    with Session(bench) as s:
        lot = _lot(s, supplier_lot)
        rows = list(trace.scope_rows(s, lot, include_removed=history, batch_size=97))
        nodes = list(trace.forward(s, lot, include_removed=history))
        shipped = list(trace.forward_shipments(s, lot, include_removed=history))
        serviced = list(trace.forward_service(s, lot, include_removed=history))
        total = trace.summary(s, lot, trace.Direction.FORWARD, include_removed=history)
    items = [r for r in rows if r.record == trace.ITEM]
    assert sorted((r.item_id, r.kind, r.depth, r.current) for r in items) == sorted(
        (n.item_id, n.kind, n.depth, n.current) for n in nodes
    )
    lines = sorted(
        (r.item_id, r.reference, r.customer_code, r.site)
        for r in rows
        if r.record == trace.SHIPMENT
    )
    assert lines == sorted((x.item_id, x.number, x.customer_code, x.site_name) for x in shipped)
    records = sorted((r.item_id, r.reference) for r in rows if r.record == trace.SERVICE)
    assert records == sorted((x.item_id, x.kind) for x in serviced)
    assert len(rows) == total.rows and total.items == len(items) - 1
    assert total.shipments == len({x.shipment_id for x in shipped}) > 0
    assert total.customers == len({x.customer_id for x in shipped}) > 0
    assert total.by_kind["unit"] == sum(1 for r in items if r.kind == "unit")


def test_the_seal_lot_is_the_broad_case(bench: Engine) -> None:
    """Units of two pallets in ten: 800 of 2,000 here (200,000 of 1,000,000 in the bench)."""
    with Session(bench) as s:
        total = trace.summary(s, _lot(s, SEAL), trace.Direction.FORWARD)
        units = list(trace.recall_units(s, _lot(s, SEAL)))
    assert total.by_kind["unit"] == len(units) == 800
    assert [i for i, _ in units] == sorted(i for i, _ in units)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _expected(engine: Engine, lot: int) -> tuple[set[str], set[str], set[str]]:
    """Serials of the units, shipment numbers and customer codes of the scope (tree queries)."""
    with Session(engine) as s:
        serials = {n.serial for n in trace.forward(s, lot) if n.kind == "unit" and n.serial}
        shipped = list(trace.forward_shipments(s, lot))
        numbers = {x.number for x in shipped}
        codes = {x.customer_code for x in shipped}
        every_code = set(s.scalars(select(Customer.code)))
        every_number = set(s.scalars(select(Shipment.number)))
    assert codes <= every_code and numbers <= every_number
    return serials, numbers, codes


def test_the_csv_file_holds_every_unit_shipment_and_customer(bench: Engine, tmp_path: Path) -> None:
    with Session(bench) as s:
        lot = _lot(s, SEAL)
        told: list[tuple[int, int]] = []
        export = write_scope_csv(
            s, lot, tmp_path / "scope.csv", progress=lambda d, t: told.append((d, t))
        )
    rows = _read(tmp_path / "scope.csv")
    serials, numbers, codes = _expected(bench, lot)
    assert len(rows) == export.rows == export.summary.rows
    assert {r["serial"] for r in rows if r["record"] == "item" and r["kind"] == "unit"} == serials
    assert {r["reference"] for r in rows if r["record"] == "shipment"} == numbers
    assert {r["customer_code"] for r in rows if r["record"] == "shipment"} == codes
    assert told[0] == (0, export.rows) and told[-1] == (export.rows, export.rows)
    assert [d for d, _ in told] == sorted(d for d, _ in told)


def test_lotline_trace_forward_writes_the_scope_to_csv(
    bench: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = bench.url.render_as_string(hide_password=False)
    target = tmp_path / "seal.csv"
    assert main(["trace", "forward", SEAL, "--database", url, "--csv", str(target)]) == 0
    out, err = capsys.readouterr()
    rows = _read(target)
    with Session(bench) as s:
        lot = _lot(s, SEAL)
    serials, numbers, codes = _expected(bench, lot)
    assert f"wrote {len(rows)} rows to {target}" in out
    assert "800 unit" in out and "100%" in err  # the counts, and the bar that reached the end
    assert {r["serial"] for r in rows if r["kind"] == "unit" and r["record"] == "item"} == serials
    assert {r["reference"] for r in rows if r["record"] == "shipment"} == numbers
    assert {r["customer_code"] for r in rows if r["record"] == "shipment"} == codes


def test_a_csv_file_that_cannot_be_written_is_said_in_one_line(
    bench: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = bench.url.render_as_string(hide_password=False)
    target = tmp_path / "no-such-folder" / "seal.csv"
    assert main(["trace", "forward", SEAL, "--database", url, "--csv", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {target}" in err and "Traceback" not in err
