"""`lotline demo --scheme ma` end to end, in process, on SQLite and on PostgreSQL: the whole
shift (3 pumps, 10 kits) with the devices identified by MA DIs (IDcode) instead of GTINs.
Pumps are named by the MA code of their traveller, lots by theirs; every label carries the MA
code in a plain DataMatrix and is scanned back exactly; the trace starts from an MA scan."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db import audit
from db.engine import make_engine
from db.models import Item, Product
from desktop.cli import main
from desktop.cli.demo_shift import KIT_MA_DI, PUMP_MA_DI
from desktop.domain.plant import DIScheme
from desktop.domain.udi import parse_scan
from tests.e2e.demo import demo_checks as check

UNITS, KITS = 3, 10


@pytest.fixture
def db(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def test_demo_shift_with_ma_coded_products(
    database_url: str,
    db: Engine,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "demo-ma"
    argv = ["demo", "--scheme", "ma", "--database", database_url, "--out", str(out)]
    code = main([*argv, "--units", str(UNITS), "--kits", str(KITS)])
    printed, err = capsys.readouterr()
    assert code == 0, err
    assert "audit verify: OK" in printed and "same as the recall scope" in printed
    assert audit.verify(db).ok

    _products_and_items_carry_ma_dis(db)
    _every_label_is_an_ma_code_scanned_back_exactly(db, out)
    _operator_scans_named_the_units_by_their_ma_code(db)
    _recall_scope_is_the_bad_board_lot(db)
    _trace_from_an_ma_scan(database_url, capsys)
    _exports_name_the_ma_dis(database_url, tmp_path, capsys, monkeypatch)


def _products_and_items_carry_ma_dis(db: Engine) -> None:
    with Session(db) as s:
        products = {p.ma_di: p for p in s.scalars(select(Product))}
        units = list(
            s.scalars(select(Item).where(Item.kind == "unit", Item.product_id.is_not(None)))
        )
    assert set(products) == {PUMP_MA_DI, KIT_MA_DI}
    assert all(p.di_scheme == DIScheme.MA and p.gtin is None for p in products.values())
    assert len(units) == UNITS
    assert all(u.ma_di == PUMP_MA_DI and u.gtin is None and u.serial for u in units)


def _every_label_is_an_ma_code_scanned_back_exactly(db: Engine, out: Path) -> None:
    jobs = check.issued_jobs(db)
    assert Counter(j.status for j in jobs) == {"verified": UNITS + KITS, "voided": 1}
    for job in jobs:
        parsed = parse_scan(job.element_string, expect_gs1=False)
        assert parsed.scheme == "MA" and parsed.valid, parsed.errors
        assert parsed.di in (PUMP_MA_DI, KIT_MA_DI) and parsed.lot
        assert "\x1d" not in job.element_string
    printed = [p.read_text("utf-8") for p in sorted((out / "labels").glob("label-*.zpl"))]
    assert len(printed) == UNITS + KITS + 1
    assert all("^BXN," in z and "#1" not in z for z in printed)  # a plain DataMatrix, no FNC1
    verified = [e for e in check.events(db, "label_verify") if e.outcome == "ok"]
    assert len(verified) == UNITS + KITS
    # what the scanner driver delivered: AIM ]d1, then exactly the MA code printed
    assert all(e.data["scanned"] == "]d1" + e.data["expected"] for e in verified)
    pumps = [e for e in verified if str(e.data["expected"]).startswith(PUMP_MA_DI + ".S")]
    assert len(pumps) == UNITS


def _operator_scans_named_the_units_by_their_ma_code(db: Engine) -> None:
    weighings = check.events(db, "weigh")
    assert len(weighings) == UNITS + 2  # one pump weighed twice, and the kit lot
    assert all(e.device_id is not None for e in weighings)
    consumed = check.events(db, "consume")
    assert consumed and all(e.device_id is not None and e.data["raw_frame"] for e in consumed)
    with Session(db) as s:
        pump_units = set(
            s.scalars(select(Item.id).where(Item.ma_di == PUMP_MA_DI, Item.kind == "unit"))
        )
    assert {e.item_id for e in consumed} >= pump_units


def _recall_scope_is_the_bad_board_lot(db: Engine) -> None:
    expected = check.built_with_bad_board(db)
    assert expected == check.Scope({"SN000002", "SN000003"}, {"CUST-STMARY", "CUST-NORTH"})
    assert check.recall_scope(db) == expected


def _trace_from_an_ma_scan(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    scan = f"]d1{PUMP_MA_DI}.SSN000003"
    assert main(["trace", "backward", scan, "--database", url]) == 0
    printed = capsys.readouterr().out
    assert f"{PUMP_MA_DI}.SSN000003" in printed and "CW24-0312" in printed
    wrong = f"]d1{KIT_MA_DI}.SSN000003"  # the kit's MA DI with a pump's serial: no such item
    assert main(["trace", "backward", wrong, "--database", url]) == 1
    assert f"MA DI {KIT_MA_DI}" in capsys.readouterr().err


def _exports_name_the_ma_dis(
    url: str, tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """EPCIS: an MA unit is urn:lotline:ma:<MA DI>.S<serial>, its lot's class .L<lot> (the
    document passes its own checks); the DI records list each MA DI, agency ZIIOT."""
    epcis, gudid = tmp / "events.json", tmp / "di.csv"
    by = ["--by", "quinn", "--database", url]
    monkeypatch.setattr("sys.stdin", io.StringIO("demo-password\n"))
    assert main(["export", "epcis", "--since", "2000-01-01", "--out", str(epcis), *by]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("demo-password\n"))
    assert main(["export", "gudid", "--out", str(gudid), *by]) == 0
    capsys.readouterr()
    events = json.loads(epcis.read_text("utf-8"))["epcisBody"]["eventList"]
    commissioned = [e for e in events if e.get("bizStep") == "commissioning" and e.get("epcList")]
    epcs = {epc for e in commissioned for epc in e["epcList"]}
    assert {f"urn:lotline:ma:{PUMP_MA_DI}.SSN00000{n}" for n in range(1, UNITS + 1)} <= epcs
    listed = [q for e in events for q in e.get("quantityList", []) + e.get("childQuantityList", [])]
    classes = {q["epcClass"] for q in listed}
    assert any(c.startswith(f"urn:lotline:ma:{KIT_MA_DI}.L") for c in classes)
    with gudid.open(encoding="utf-8") as f:
        rows = {r["primary_di"]: r for r in csv.DictReader(f)}
    assert set(rows) == {PUMP_MA_DI, KIT_MA_DI}
    assert {r["issuing_agency"] for r in rows.values()} == {"ZIIOT"}
