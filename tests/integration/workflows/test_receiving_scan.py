"""Receiving from the supplier's label: the GS1 or HIBC scan names the part and the lot; a label
the master data does not know, our own product's label and an expired lot are refused with what
to do and nothing written; serialised deliveries are inspected piece by piece; the bin label
prints through the station's printer."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Event
from desktop.domain.udi import hibc_check_character
from desktop.services import receiving
from desktop.services.core.errors import Refusal
from desktop.services.masterdata import load_folder
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.qcpack_support import eid, refused, status
from tests.support.plant import PASSWORD

SEAL_GTIN = "09506000117843"  # a supplier's GTIN, given to part SEAL-IP300 below
PUMP_GTIN = "09506000134352"  # our own infusion pump (a product, not a part)
PARTS = f"""
[[parts]]
part_number = "SEAL-IP300"
name = "Pump seal"
tracking = "lot"
gtin = "{SEAL_GTIN}"

[[parts]]
part_number = "TUBE44"
name = "Silicone tube"
tracking = "lot"
unit = "m"
"""


def _yymmdd(day: date) -> str:
    return day.strftime("%y%m%d")


def gs1(gtin: str, lot: str, expiry: date | None = None, serial: str | None = None) -> str:
    text = f"01{gtin}" + (f"17{_yymmdd(expiry)}" if expiry else "")
    if serial:
        return text + f"21{serial}"
    return text + f"10{lot}"


def hibc(pcn: str, lot: str, expiry: date) -> str:
    data = f"+A123{pcn}1/$$3{_yymmdd(expiry)}{lot}"
    return data + hibc_check_character(data)


@pytest.fixture
def parts(plant, tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "parts.toml").write_text(PARTS, encoding="utf-8")
    load_folder(plant.admin, tmp_path)
    return plant


NEXT_YEAR = date.today() + timedelta(days=365)


def test_a_gs1_label_names_the_part_lot_and_expiry(parts, tmp_path: Path) -> None:
    ctx = parts.ctx("packaging")
    scan = gs1(SEAL_GTIN, "SL-501", NEXT_YEAR)
    label = receiving.read_supplier_label(ctx, scan)
    assert (label.part_number, label.lot, label.expiry) == ("SEAL-IP300", "SL-501", NEXT_YEAR)
    cert = tmp_path / "coc.pdf"
    cert.write_bytes(b"%PDF certificate SL-501")
    lot = receiving.receive_scanned(ctx, scan, "SUP-ACME", 40, certificate=cert, event_id=eid())
    assert lot.status == "quarantine" and lot.supplier_lot == "SL-501"
    assert lot.certificate_sha256 is not None and lot.expiry == NEXT_YEAR
    with Session(parts.engine) as s:
        received = s.scalars(select(Event).where(Event.kind == "receive")).one()
        assert received.data["scan"] == scan
    assert [v.supplier_lot for v in receiving.material_lots(ctx, "quarantine")] == ["SL-501"]


def test_a_hibc_label_names_the_part_by_its_number(parts) -> None:
    ctx = parts.ctx("packaging")
    lot = receiving.receive_scanned(ctx, hibc("TUBE44", "TB42", NEXT_YEAR), "SUP-MED", "12.5")
    assert (lot.part_number, lot.supplier_lot, lot.unit) == ("TUBE44", "TB42", "m")


def test_wrong_supplier_part_is_refused_with_what_master_data_lacks(parts) -> None:
    ctx = parts.ctx("packaging")
    unknown = gs1("09506000117850", "X-1", NEXT_YEAR)
    message = refused(
        parts.engine, receiving.receive_scanned, ctx, unknown, "SUP-ACME", 10,
        match=r"no part in the master data has the supplier's GTIN 09506000117850: "
        r'add gtin = "09506000117850" to the part',
    )  # fmt: skip
    assert message.startswith(f'scan "{unknown}"')
    refused(
        parts.engine, receiving.receive_scanned, ctx, gs1(PUMP_GTIN, "L1", NEXT_YEAR),
        "SUP-ACME", 10, match=r"GTIN 09506000134352 is our own product .*not a supplier's part",
    )  # fmt: skip
    refused(
        parts.engine, receiving.receive_scanned, ctx, hibc("GASKET9", "G1", NEXT_YEAR),
        "SUP-ACME", 10, match=r"no part in the master data has the supplier's part number "
        r"GASKET9 \(HIBC labeler A123\): add the part GASKET9",
    )  # fmt: skip
    refused(
        parts.engine, receiving.receive_scanned, ctx, "BRD-7781", "SUP-ACME", 10,
        match=r"is not a GS1 or HIBC label: scan the barcode on the supplier's label",
    )  # fmt: skip


def test_an_expired_lot_is_refused_at_receiving(parts) -> None:
    ctx = parts.ctx("packaging")
    yesterday = date.today() - timedelta(days=1)
    for scan in (gs1(SEAL_GTIN, "OLD-1", yesterday), hibc("TUBE44", "OLD2", yesterday)):
        refused(
            parts.engine, receiving.receive_scanned, ctx, scan, "SUP-ACME", 10,
            match=rf"expired on {yesterday.isoformat()}: expired material is not received: "
            "set the delivery aside and return it to the supplier",
        )  # fmt: skip


def test_receiving_needs_the_right_and_a_typed_lot_must_match(parts) -> None:
    scan = gs1(SEAL_GTIN, "SL-9", NEXT_YEAR)
    refused(
        parts.engine, receiving.receive_scanned, parts.ctx("packaging"), scan, "SUP-ACME", 5,
        lot="SL-8", match=r"says lot SL-9, but lot SL-8 was typed",
    )  # fmt: skip
    from desktop.services.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        receiving.receive_scanned(parts.ctx("operator"), scan, "SUP-ACME", 5)


def test_serialised_delivery_is_inspected_piece_by_piece(plant) -> None:
    pack, qc = plant.ctx("packaging"), plant.ctx("qc_inspector")
    serials = ["HS-5001", "HS-5002", "HS-5003"]
    receiving.receive_material(pack, "HOUSING-IP300", "SUP-ACME", "DEL-90", 3, serials=serials)
    assert receiving.piece_serial(pack, " HS-5001 ", "HOUSING-IP300") == "HS-5001"
    receiving.inspect_material(qc, "DEL-90", True, "ok", serial="HS-5001")
    failed = receiving.inspect_material(qc, "DEL-90", False, "cracked", serial="HS-5002")
    assert failed.serial == "HS-5002" and status(plant.engine, serial="HS-5002") == "rejected"
    refused(
        plant.engine, receiving.release_material, qc, plant.login("qc_inspector"), "DEL-90",
        PASSWORD, username="quinn", match=r"pieces HS-5003 of lot DEL-90 have no accepted",
    )  # fmt: skip
    refused(
        plant.engine, receiving.inspect_material, qc, "DEL-90", True, serial="HS-9999",
        match=r'serial "HS-9999" is not a piece of lot DEL-90: its pieces are HS-5001',
    )  # fmt: skip
    receiving.inspect_material(qc, "DEL-90", True, "ok", serial="HS-5003")
    receiving.release_material(
        qc, plant.login("qc_inspector"), "DEL-90", PASSWORD, username="quinn"
    )
    pieces = {p.serial: p.status for p in receiving.delivery_pieces(qc, "DEL-90")}
    assert pieces == {"HS-5001": "released", "HS-5002": "rejected", "HS-5003": "released"}


def test_the_bin_label_prints_through_the_station_printer(parts, printer: FakePrinter) -> None:
    ctx = parts.ctx("packaging")
    receiving.receive_scanned(ctx, gs1(SEAL_GTIN, "SL-77", NEXT_YEAR), "SUP-ACME", 40)
    printed = receiving.print_lot_label(ctx, printer, "SL-77", event_id=eid())
    assert printed.outcome.issued and printed.event_id is not None
    assert printed.label.template == "material-lot"
    zpl = printer.sent[0][1].decode()
    assert "SEAL-IP300" in zpl and "QUARANTINE - DO NOT USE" in zpl
    assert printed.label.png.startswith(b"\x89PNG")
    receiving.receive_scanned(ctx, hibc("TUBE44", "TB7", NEXT_YEAR), "SUP-MED", 3)
    assert receiving.lot_label(ctx, "TB7").template == "material-lot-text"


PLAN = """
[[parts]]
part_number = "SEAL-IP300"
name = "Pump seal"
tracking = "lot"
gtin = "09506000117843"
incoming_plan = [
  { characteristic = "Shore hardness", nominal = "70", lower = "65", upper = "75", unit = "ShA" },
  { characteristic = "Inner diameter", lower = "11.9", upper = "12.1", unit = "mm" },
]
"""


def test_incoming_inspection_readings_are_held_to_the_parts_plan(plant, tmp_path: Path) -> None:
    (tmp_path / "parts.toml").write_text(PLAN, encoding="utf-8")
    load_folder(plant.admin, tmp_path)
    pack, qc = plant.ctx("packaging"), plant.ctx("qc_inspector")
    receiving.receive_scanned(pack, gs1(SEAL_GTIN, "SL-P1", NEXT_YEAR), "SUP-ACME", 40)
    plan = receiving.incoming_plan(qc, "SL-P1")
    assert [(p.characteristic, p.limits_text()) for p in plan] == [
        ("Shore hardness", "65–75 ShA"),
        ("Inner diameter", "11.9–12.1 mm"),
    ]
    refused(
        plant.engine, receiving.inspect_material, qc, "SL-P1", True,
        readings={"Shore hardness": "70"},
        match=r"lot SL-P1: Inner diameter not read yet: read every characteristic",
    )  # fmt: skip
    refused(
        plant.engine, receiving.inspect_material, qc, "SL-P1", True,
        readings={"Shore hardness": "70", "Inner diameter": "12.3"},
        match=r"Inner diameter 12.3 mm is above the upper limit \(11.9–12.1 mm\): a reading "
        "outside its limits fails the incoming inspection",
    )  # fmt: skip
    refused(
        plant.engine, receiving.inspect_material, qc, "SL-P1", True,
        readings={"Colour": "blue"},
        match=r'"Colour" is not in the incoming inspection plan of lot SL-P1: its '
        "characteristics are Shore hardness, Inner diameter",
    )  # fmt: skip
    failed = receiving.inspect_material(
        qc, "SL-P1", False, "ID oversize", readings={"Inner diameter": "12,3"}
    )
    assert [(r["characteristic"], r["value"], r["passed"]) for r in failed.readings] == [
        ("Inner diameter", "12.3", False)
    ]
    passed = receiving.inspect_material(
        qc, "SL-P1", True, "re-measured", readings={"shore hardness": "70", "Inner diameter": "12"}
    )
    assert all(r["passed"] for r in passed.readings)
    receiving.release_material(qc, plant.login("qc_inspector"), "SL-P1", PASSWORD, username="quinn")


def test_a_bad_incoming_plan_is_refused_with_file_line_and_field(plant, tmp_path: Path) -> None:
    bad = PLAN.replace('lower = "11.9", upper = "12.1"', 'lower = "12.1", upper = "11.9"')
    (tmp_path / "parts.toml").write_text(bad, encoding="utf-8")
    with pytest.raises(Refusal) as caught:
        load_folder(plant.admin, tmp_path)
    assert (
        'parts.toml, line 7, field incoming_plan: characteristic 2 "Inner diameter": '
        "lower 12.1 is above upper 11.9"
    ) in str(caught.value)
