"""Shipping units, cases and pallets to a customer's site (everything inside ships with them),
and after-sale events against a serial (installation, service, repair, return, disposal)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ServiceRecord, Site
from desktop.services.distribution import record_service_event, ship
from desktop.services.holds import place_hold
from desktop.services.labelling import print_labels, verify_label
from desktop.services.packing import (
    close_case,
    close_pallet,
    create_case,
    create_pallet,
    pack_case,
    pack_lot_quantity,
    pack_unit,
)
from desktop.services.quality import open_ncr
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    build_pumps,
    counts,
    eid,
    item,
    label_all,
    refused,
    released_kits,
    released_pumps,
    status,
)

STMARY = "9506000000015"


def _pallet_of_pumps(plant, printer) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    built = released_pumps(plant, 4)
    label_all(plant, printer, built.serials)
    pack = plant.ctx("packaging")
    case = create_case(pack)
    for serial in built.serials:
        pack_unit(pack, case.sscc, serial)
    close_case(pack, case.sscc)
    pallet = create_pallet(pack)
    pack_case(pack, pallet.sscc, case.sscc)
    close_pallet(pack, pallet.sscc)
    return case.sscc, pallet.sscc


def test_a_shipped_pallet_ships_everything_on_it(plant, printer) -> None:
    approve_templates(plant)
    case, pallet = _pallet_of_pumps(plant, printer)
    pack = plant.ctx("packaging")
    refused(
        plant.engine, ship, pack, "CUST-STMARY", STMARY, [case],
        match=f'scan "{case}": case SSCC {case} is packed in pallet SSCC {pallet}: ship that',
    )  # fmt: skip
    refused(
        plant.engine, ship, pack, "CUST-STMARY", STMARY, ["SN-000001"],
        match=f'scan "SN-000001": unit SN-000001 is packed in case SSCC {case}: ship that',
    )  # fmt: skip
    key = eid()
    shipment = ship(pack, "CUST-STMARY", STMARY, [f"(00){pallet}"], event_id=key)
    assert shipment.number.startswith("SHP-") and shipment.site == "St Mary's Central Pharmacy"
    assert shipment.site_gln == STMARY and shipment.units == 4
    assert [line.kind for line in shipment.lines] == ["pallet", "case", *["unit"] * 4]
    for serial in ("SN-000001", "SN-000004"):
        unit = item(plant.engine, serial=serial)
        assert unit.status == "shipped" and unit.site_id is not None
    assert status(plant.engine, sscc=case) == status(plant.engine, sscc=pallet) == "shipped"
    before = counts(plant.engine)
    assert ship(pack, "CUST-STMARY", STMARY, [pallet], event_id=key) == shipment  # a retry
    assert counts(plant.engine) == before
    refused(
        plant.engine, ship, pack, "CUST-NORTH", "Northside Clinic Store", [pallet],
        match=f'scan "{pallet}": pallet SSCC {pallet} was shipped already on {shipment.number}',
    )  # fmt: skip


def test_what_may_not_leave_is_refused(plant, printer) -> None:
    approve_templates(plant)
    build_pumps(plant, 1)  # SN-000001 in production
    released_pumps(plant, 3)  # SN-000002 .. SN-000004
    label_all(plant, printer, ("SN-000002", "SN-000003"))
    pack = plant.ctx("packaging")
    refused(
        plant.engine, ship, pack, "CUST-NOBODY", STMARY, ["SN-000002"],
        match='customer "CUST-NOBODY" does not exist',
    )  # fmt: skip
    refused(
        plant.engine, ship, pack, "CUST-NORTH", STMARY, ["SN-000002"],
        match=f'site "{STMARY}" is not a site of CUST-NORTH .*: its sites are Northside Clinic',
    )  # fmt: skip
    refused(
        plant.engine, ship, pack, "CUST-STMARY", STMARY, [],
        match="nothing to ship: scan the units, cases or pallets first",
    )  # fmt: skip
    refused(
        plant.engine, ship, pack, "CUST-STMARY", STMARY, ["SN-000001"],
        match='scan "SN-000001": unit SN-000001 is in production: only released, labelled units',
    )  # fmt: skip
    refused(
        plant.engine, ship, pack, "CUST-STMARY", STMARY, ["SN-000004"],
        match='scan "SN-000004": unit SN-000004 has no verified UDI label: label it first',
    )  # fmt: skip
    refused(
        plant.engine, ship, pack, "CUST-STMARY", STMARY, ["SN-000002", "SN-000002"],
        match='scan "SN-000002": unit SN-000002 is scanned twice',
    )  # fmt: skip
    case = create_case(pack)
    pack_unit(pack, case.sscc, "SN-000003")
    refused(
        plant.engine, ship, pack, "CUST-STMARY", STMARY, [case.sscc],
        match=f"case SSCC {case.sscc} is open: close it before shipping",
    )  # fmt: skip
    open_ncr(plant.ctx("qc_inspector"), "SN-000002", "customer reported a rattle")
    refused(
        plant.engine, ship, pack, "CUST-STMARY", STMARY, ["SN-000002"],
        match="unit SN-000002 is nonconforming: only released",
    )  # fmt: skip


def test_a_hold_or_an_open_ncr_inside_a_case_stops_the_case(plant, printer) -> None:
    approve_templates(plant)
    case, pallet = _pallet_of_pumps(plant, printer)
    qc, pack = plant.ctx("qc_inspector"), plant.ctx("packaging")
    place_hold(qc, "SN-000003", "pending field action FA-2")
    refused(
        plant.engine, ship, pack, "CUST-STMARY", STMARY, [pallet],
        match="unit SN-000003 is on hold since .*: pending field action FA-2 \\(it holds pallet "
        f"SSCC {pallet}\\): shipping is not allowed",
    )  # fmt: skip
    assert status(plant.engine, sscc=case) == "packed"


def test_kits_ship_in_cases_and_the_lot_ships_with_its_last_case(plant, printer) -> None:
    approve_templates(plant)
    kits = released_kits(plant, 20)
    pack = plant.ctx("packaging")
    job = print_labels(pack, printer, kits.scan, 20, key="kits")
    for key in job.copies:
        verify_label(pack, key, job.element_string, event_id=eid())
    cases = [create_case(pack).sscc for _ in range(2)]
    for sscc in cases:
        pack_lot_quantity(pack, sscc, kits.scan)
        close_case(pack, sscc)
    first = ship(pack, "CUST-NORTH", "Northside Clinic Store", [cases[0]])
    assert [(line.kind, line.quantity) for line in first.lines] == [
        ("case", 1),
        ("production_lot", 10),
    ]
    assert status(plant.engine, lot=kits.lot, kind="production_lot") == "released"
    ship(pack, "CUST-NORTH", "9506000000022", [cases[1]])
    assert status(plant.engine, lot=kits.lot, kind="production_lot") == "shipped"


def test_after_sale_events_against_a_serial(plant, printer) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 2)
    label_all(plant, printer, built.serials)
    sam = plant.ctx("supervisor")
    refused(
        plant.engine, record_service_event, sam, "SN-000001", "installation", STMARY, "",
        match='scan "SN-000001": unit SN-000001 is released: a installation is recorded only '
        "for a unit that is shipped",
    )  # fmt: skip
    ship(plant.ctx("packaging"), "CUST-STMARY", STMARY, list(built.serials))
    refused(
        plant.engine, record_service_event, sam, "SN-000001", "upgrade", STMARY, "",
        match='"upgrade" is not an after-sale event: use installation, service, repair, return',
    )  # fmt: skip
    refused(
        plant.engine, record_service_event, sam, "SN-000001", "installation", None, "",
        match='scan "SN-000001": an installation needs the site',
    )  # fmt: skip
    refused(
        plant.engine, record_service_event, sam, "SN-000001", "installation", "Ward 9", "",
        match='site "Ward 9" is not a site',
    )  # fmt: skip
    key = eid()
    installed = record_service_event(
        sam, "SN-000001", "installation", STMARY, "ICU bed 4", event_id=key
    )
    assert (installed.kind, installed.status, installed.site) == (
        "installation",
        "installed",
        "St Mary's Central Pharmacy",
    )
    before = counts(plant.engine)
    assert record_service_event(sam, "SN-000001", "installation", STMARY, event_id=key) == (
        installed
    )
    assert counts(plant.engine) == before
    assert record_service_event(sam, "SN-000001", "service", None, "annual PM").status == (
        "installed"
    )
    assert record_service_event(sam, "SN-000001", "return", None, "occlusion alarm").status == (
        "returned"
    )
    assert item(plant.engine, serial="SN-000001").site_id is None
    assert record_service_event(sam, "SN-000001", "repair", None, "pump module").status == (
        "returned"
    )
    assert record_service_event(sam, "SN-000001", "disposal", None, "beyond repair").status == (
        "disposed"
    )
    refused(
        plant.engine, record_service_event, sam, "SN-000001", "service", None, "",
        match="unit SN-000001 is disposed: a service is recorded only for a unit that is "
        "shipped or installed",
    )  # fmt: skip
    with Session(plant.engine) as s:
        kinds = s.scalars(select(ServiceRecord.kind).order_by(ServiceRecord.id)).all()
        site = s.scalars(select(Site).where(Site.gln == STMARY)).one()
    assert kinds == ["installation", "service", "return", "repair", "disposal"]
    assert installed.site == site.name
    refused(
        plant.engine, record_service_event, plant.ctx("packaging"), "SN-000002", "service", None,
        "", match=r"pat \(packer\) may not record installation, service, returns and disposal",
    )  # fmt: skip
