"""`lotline trace`: IDs as people hold them, --json output, clear refusals (both databases)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from desktop.cli import main
from tests.integration.trace.graph import KIT_GTIN, PUMP_GTIN, RESIN_GTIN, Graph, Plant, plant, sscc


@pytest.fixture
def world(engine: Engine) -> Plant:
    return plant(engine)


def _trace(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["trace", *args, "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> dict[str, Any]:
    code, out, err = _trace(capsys, url, *args, "--json")
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_forward_json_lists_nodes_shipments_and_sites(
    capsys: pytest.CaptureFixture[str], database_url: str, world: Plant
) -> None:
    data = _json(capsys, database_url, "forward", f"item:{world['M1']}")
    nodes = {n["item_id"]: n for n in data["nodes"]}
    assert set(nodes) == {world[n] for n in ("M1", "U1", "U2", "C1", "C3", "PA1")}
    u1 = nodes[world["U1"]]
    assert (u1["kind"], u1["depth"], u1["via_kind"], u1["quantity"]) == (
        "unit",
        1,
        "consume",
        "2.5",
    )
    assert (u1["gtin"], u1["serial"], u1["status"], u1["ref"]) == (
        PUMP_GTIN,
        "SN1",
        "released",
        f"item:{world['U1']}",
    )
    assert {(s["number"], s["customer_code"], s["site_name"]) for s in data["shipments"]} == {
        ("SH-A", "A", "A-North"),
        ("SH-B", "B", "B-Main"),
    }
    assert {r["site_name"] for r in data["service"]} == {"A-North", "B-Main"}
    assert data["summary"]["items"] == 5 and data["truncated"] is False


@pytest.mark.parametrize(
    ("scan", "name"),
    [
        (f"]d201{PUMP_GTIN}10W1<GS>21SN2", "U2"),  # AIM identifier, GS spelt out, lot + serial
        (f"(01){PUMP_GTIN}(21)SN3", "U3"),  # bracketed, GTIN + serial
        (f"01{PUMP_GTIN}\x1d10W1", "PL1"),  # unmarked element string: GTIN + lot is the lot
        (f"{KIT_GTIN} K1", "PL2"),  # typed GTIN and lot
        (f"{PUMP_GTIN} SN4", "U4"),  # typed GTIN and serial
        (f"(01){RESIN_GTIN}(10)R-2", "M2"),  # a material lot by its GTIN and lot
        (sscc(100), "PA1"),  # SSCC, 18 digits
        (f"(00){sscc(3)}", "C3"),  # SSCC, bracketed
        ("SUP-SC-1", "M3"),  # supplier lot
        ("SUP-PCB-A", None),  # a supplier lot shared by two serialised boards: ambiguous
    ],
)
def test_ids_people_hold_resolve_to_one_item(
    capsys: pytest.CaptureFixture[str], database_url: str, world: Plant, scan: str, name: str | None
) -> None:
    code, out, err = _trace(capsys, database_url, "backward", scan, "--json")
    if name is None:
        assert code == 1 and "ambiguous" in err and "supplier lot" in err
        return
    assert code == 0, err
    assert json.loads(out)["nodes"][0]["item_id"] == world[name]


def test_backward_text_is_a_readable_tree(
    capsys: pytest.CaptureFixture[str], database_url: str, world: Plant
) -> None:
    code, out, _ = _trace(capsys, database_url, "backward", f"(00){sscc(100)}")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"backward trace of item:{world['PA1']} pallet (00){sscc(100)}")
    assert "9 items (2 case, 3 material_lot, 4 unit)" in lines[1]
    assert lines[2].startswith(f"item:{world['PA1']} pallet")
    assert any(line.startswith(f"  item:{world['C1']} case") and "<pack>" in line for line in lines)
    m1 = next(line for line in lines if line.lstrip().startswith(f"item:{world['M1']} "))
    assert m1.startswith("      item:") and "supplier lot SUP-R-1" in m1 and "<consume x2.5>" in m1


def test_history_and_limit(
    capsys: pytest.CaptureFixture[str], database_url: str, world: Plant
) -> None:
    code, out, _ = _trace(capsys, database_url, "forward", "SUP-R-1", "--history", "--limit", "3")
    assert code == 0
    assert "history (removed links included)" in out
    assert "2 items only through removed links" in out
    assert "... 3 of 8 items listed" in out
    data = _json(capsys, database_url, "forward", "SUP-R-1", "--history", "--limit", "2")
    assert len(data["nodes"]) == 2 and data["truncated"] is True


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("NO-SUCH-LOT", 'no item found for "NO-SUCH-LOT": searched supplier lot "NO-SUCH-LOT", '
         'lot "NO-SUCH-LOT", serial "NO-SUCH-LOT"'),
        ("item:999999", "searched item id 999999"),
        (f"(01){PUMP_GTIN}(21)SN99", f'searched GTIN {PUMP_GTIN} and serial "SN99"'),
        (f"(01){PUMP_GTIN}", "names a product"),
        ("(00)106141411234567892", "check digit"),
        ("106141411234567892", "not an SSCC: wrong check digit"),
        (f"(01){PUMP_GTIN}(10)W9(21)SN1", 'says lot "W9"'),
        ("  ", "the ID is empty"),
    ],
)  # fmt: skip
def test_bad_or_unknown_ids_exit_1_saying_what_was_searched(
    capsys: pytest.CaptureFixture[str], database_url: str, world: Plant, given: str, message: str
) -> None:
    code, out, err = _trace(capsys, database_url, "forward", given)
    assert code == 1 and out == ""
    assert message in err and err.startswith("lotline: ")


def test_an_unmigrated_database_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()  # a database, without Lotline's schema
    code, _, err = _trace(capsys, f"sqlite:///{empty}", "forward", "item:1")
    assert code == 1 and "no Lotline schema" in err
    code, _, err = _trace(capsys, f"sqlite:///{tmp_path / 'typo.sqlite'}", "forward", "item:1")
    assert code == 1 and "there is no database at" in err
    assert not (tmp_path / "typo.sqlite").exists()


def test_lot_controlled_kit_json_quantities_and_shipment(
    capsys: pytest.CaptureFixture[str], database_url: str, world: Plant
) -> None:
    data = _json(capsys, database_url, "forward", f"(01){KIT_GTIN}(10)K1")
    cases = {n["item_id"]: n["quantity"] for n in data["nodes"] if n["kind"] == "case"}
    assert cases == {world["C4"]: "10", world["C5"]: "10"}
    assert [(s["number"], s["site_name"]) for s in data["shipments"]] == [("SH-K", "A-South")]
    back = _json(capsys, database_url, "backward", f"(01){KIT_GTIN}(10)K1")
    assert [(n["supplier_lot"], n["quantity"]) for n in back["nodes"][1:]] == [("SUP-SC-1", "100")]


def test_eighteen_digits_that_are_no_sscc_are_searched_as_a_supplier_lot(
    capsys: pytest.CaptureFixture[str], database_url: str, engine: Engine
) -> None:
    g = Graph(engine)
    lot = g.item("material_lot", supplier_lot="123456789012345678")  # check digit 7 expected
    g.commit()
    data = _json(capsys, database_url, "backward", "123456789012345678")
    assert data["nodes"][0]["item_id"] == lot
