"""QC: inspection plans and readings; the nonconformance lifecycle open -> disposition (rework,
scrap, use as is; signed "Disposition approved") -> closed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Event, InspectionResult, Nonconformance
from desktop.services import production
from desktop.services.core.errors import AuthenticationFailed, PermissionDenied
from desktop.services.identity import check_signature
from desktop.services.packing import create_case, pack_unit
from desktop.services.quality import (
    close_ncr,
    disposition_ncr,
    inspection_plans,
    open_ncr,
    record_inspection,
)
from tests.integration.workflows.qcpack_support import (
    PUMP,
    approve_templates,
    build_pumps,
    counts,
    eid,
    item,
    label_all,
    refused,
    released_pumps,
    status,
)
from tests.support.plant import PASSWORD


def test_inspection_plans_per_product_and_step(plant) -> None:
    qc = plant.ctx("qc_inspector")
    plans = inspection_plans(qc, PUMP)
    torque = next(p for p in plans if p.characteristic == "Housing screw torque")
    assert (torque.step_position, torque.step_name) == (3, "Housing screw torque")
    assert (torque.nominal, torque.lower, torque.upper, torque.unit) == (
        Decimal("1.00"),
        Decimal("0.90"),
        Decimal("1.10"),
        "N·m",
    )
    assert [p.characteristic for p in inspection_plans(qc, PUMP, 4)] == ["Assembled weight"]
    refused(
        plant.engine, inspection_plans, qc, "09506000999999",
        match='GTIN "09506000999999" is not a product',
    )  # fmt: skip


def test_a_reading_in_tolerance_is_a_passed_result(plant) -> None:
    built = build_pumps(plant, 1)
    qc = plant.ctx("qc_inspector")
    result = record_inspection(qc, built.serials[0], "assembled weight", "2401.5")
    assert result.passed and result.ncr is None and result.unit == "g"
    assert result.message == "Assembled weight 2401.5 g is within 2380–2420 g"
    assert status(plant.engine, serial=built.serials[0]) == "in_process"


def test_out_of_tolerance_is_recorded_and_opens_an_ncr(plant) -> None:
    built = build_pumps(plant, 1)
    serial = built.serials[0]
    qc = plant.ctx("qc_inspector")
    key = eid()
    result = record_inspection(qc, serial, "Housing screw torque", Decimal("1.25"), event_id=key)
    assert not result.passed and result.ncr is not None and result.ncr.startswith("NCR-")
    assert "1.25 N·m is above the upper limit (0.9–1.1 N·m)" in result.message
    assert status(plant.engine, serial=serial) == "nonconforming"
    with Session(plant.engine) as s:
        event = s.get(Event, key)
        row = s.scalars(select(InspectionResult).where(InspectionResult.event_id == key)).one()
        ncr = s.scalars(select(Nonconformance).where(Nonconformance.event_id == key)).one()
    assert event is not None and event.outcome == "out_of_tolerance"
    assert row.passed is False and row.value == Decimal("1.25")
    assert f"unit {serial}" in ncr.description and "above the upper limit" in ncr.description
    before = counts(plant.engine)
    again = record_inspection(qc, serial, "Housing screw torque", "1.25", event_id=key)
    assert again == result and counts(plant.engine) == before  # a retry writes nothing


def test_bad_readings_are_refused(plant) -> None:
    built = build_pumps(plant, 1)
    qc = plant.ctx("qc_inspector")
    refused(
        plant.engine, record_inspection, qc, built.serials[0], "Colour", "1",
        match='unit SN-000001 has no inspection plan for "Colour": its plans are Housing screw '
        "torque, Assembled weight",
    )  # fmt: skip
    refused(
        plant.engine, record_inspection, qc, built.serials[0], "Assembled weight", "2,4kg",
        match='reading "2,4kg" is not a number',
    )  # fmt: skip
    refused(
        plant.engine, record_inspection, qc, "SN-999999", "Assembled weight", "2400",
        match='scan "SN-999999" matches no unit or production lot',
    )  # fmt: skip
    refused(
        plant.engine, record_inspection, plant.ctx("packaging"), built.serials[0], "x", "1",
        match=r"pat \(packer\) may not record inspections\. Roles that may: QC inspector",
    )  # fmt: skip


def test_rework_returns_the_unit_to_a_step_that_is_then_repeated(plant) -> None:
    built = build_pumps(plant, 2, check_fails=("SN-000002",))
    serial = "SN-000002"
    assert status(plant.engine, serial=serial) == "nonconforming"
    with Session(plant.engine) as s:
        number = s.scalars(select(Nonconformance.number)).one()
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    view = disposition_ncr(
        qc, login, number, "rework", "reseat the display cable", PASSWORD, 4, username="quinn"
    )
    assert view.status == "dispositioned" and view.disposition == "rework"
    assert view.return_to_step == 4
    sig = view.signature
    assert sig is not None and sig.meaning == "Disposition approved" and sig.valid
    assert sig.manifestation().startswith("Quinn Inspector (quinn), ")
    unit = item(plant.engine, serial=serial)
    assert (unit.status, unit.current_step) == ("in_process", 3)
    op = plant.ctx("operator")
    production.record_weight(op, serial, Decimal("2399.0"), "g", True, event_id=eid())
    production.record_check(op, serial, True, event_id=eid())
    assert item(plant.engine, serial=serial).current_step == 5
    closed = close_ncr(qc, number, "reworked; weight and functional test passed again")
    assert closed.status == "closed" and closed.closed_by == "quinn"
    assert closed.close_note == "reworked; weight and functional test passed again"
    assert closed.signature is not None and check_signature(qc, closed.signature.id).valid
    del built


def test_scrap_and_use_as_is(plant) -> None:
    build_pumps(plant, 3)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    scrap = open_ncr(qc, "SN-000001", "cracked housing")
    assert scrap.status == "open" and status(plant.engine, serial="SN-000001") == "nonconforming"
    disposition_ncr(qc, login, scrap.number, "scrap", "crack cannot be repaired", PASSWORD,
                    username="quinn")  # fmt: skip
    assert status(plant.engine, serial="SN-000001") == "scrapped"
    keep = open_ncr(qc, "SN-000002", "label smudge on housing")
    view = disposition_ncr(qc, login, keep.number, "use_as_is", "cosmetic only", PASSWORD)
    assert view.disposition == "use_as_is" and view.signature is not None
    unit = item(plant.engine, serial="SN-000002")
    assert (unit.status, unit.current_step) == ("in_process", 5)  # back where it was


def test_disposition_refusals(plant) -> None:
    build_pumps(plant, 2)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    ncr = open_ncr(qc, "SN-000001", "loose screw")
    refused(
        plant.engine, disposition_ncr, qc, login, ncr.number, "fix it", "x", PASSWORD,
        match='disposition "fix it" is not one of rework, scrap, use_as_is',
    )  # fmt: skip
    refused(
        plant.engine, disposition_ncr, qc, login, ncr.number, "scrap", " ", PASSWORD,
        match=f"the disposition of {ncr.number} needs a reason",
    )  # fmt: skip
    refused(
        plant.engine, disposition_ncr, qc, login, ncr.number, "scrap", "bad", PASSWORD, 2,
        match="only a rework returns to a step; scrap does not",
    )  # fmt: skip
    refused(
        plant.engine, disposition_ncr, qc, login, ncr.number, "rework", "redo", PASSWORD, 7,
        match="rework cannot return unit SN-000001 to step 7: it can repeat a passed step "
        r"\(1, 2, 3, 4, 5\)",
    )  # fmt: skip
    refused(
        plant.engine, disposition_ncr, qc, login, "NCR-424242", "scrap", "x", PASSWORD,
        match='nonconformance "NCR-424242" does not exist',
    )  # fmt: skip
    refused(
        plant.engine, close_ncr, qc, ncr.number, "done",
        match=f"{ncr.number} has no disposition yet: disposition it before closing",
    )  # fmt: skip
    refused(
        plant.engine, open_ncr, qc, "SN-000002", "",
        match='scan "SN-000002": say what is wrong: an NCR needs a description',
    )  # fmt: skip
    with pytest.raises(PermissionDenied, match="may not disposition nonconformances"):
        disposition_ncr(plant.ctx("supervisor"), plant.login("supervisor"), ncr.number,
                        "scrap", "x", PASSWORD)  # fmt: skip
    before = counts(plant.engine)
    with pytest.raises(AuthenticationFailed, match="first signature of this session"):
        disposition_ncr(qc, login, ncr.number, "scrap", "x", PASSWORD)
    with pytest.raises(AuthenticationFailed, match=r"wrong password for the signature \(attem"):
        disposition_ncr(qc, login, ncr.number, "scrap", "x", "guess", username="quinn")
    assert counts(plant.engine) == before
    disposition_ncr(qc, login, ncr.number, "scrap", "x", PASSWORD, username="quinn")
    refused(
        plant.engine, disposition_ncr, qc, login, ncr.number, "rework", "again", PASSWORD,
        match=f"{ncr.number} is dispositioned already \\(scrap\\): a disposition is made once",
    )  # fmt: skip
    refused(
        plant.engine, close_ncr, qc, ncr.number, "",
        match=f"closing {ncr.number} needs a note",
    )  # fmt: skip


def test_a_disposition_the_state_does_not_allow_is_refused_before_signing(plant, printer) -> None:
    approve_templates(plant)
    released_pumps(plant, 1)
    label_all(plant, printer, ("SN-000001",))
    pack = plant.ctx("packaging")
    case = create_case(pack)
    pack_unit(pack, case.sscc, "SN-000001")
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    ncr = open_ncr(qc, "SN-000001", "dent found at final audit")
    assert status(plant.engine, serial="SN-000001") == "packed"  # packed stays packed
    refused(
        plant.engine, disposition_ncr, qc, login, ncr.number, "rework", "fix dent", PASSWORD,
        username="quinn",
        match=f"{ncr.number}: unit SN-000001 is packed, so a rework cannot be carried out: "
        "unpack it",
    )  # fmt: skip
    assert login.signings == 0  # refused before the signature
    view = disposition_ncr(qc, login, ncr.number, "use_as_is", "cosmetic", PASSWORD,
                           username="quinn")  # fmt: skip
    assert view.disposition == "use_as_is" and status(plant.engine, serial="SN-000001") == "packed"


def test_an_ncr_on_a_material_lot_is_scrapped_as_a_rejection(plant) -> None:
    plant.receive("TUBING-CK10", "TB-77", 100, supplier="SUP-MED")
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    ncr = open_ncr(qc, "TB-77", "kinked tubing in 4 of 10 samples")
    assert ncr.item == "lot TB-77" and status(plant.engine, supplier_lot="TB-77") == "released"
    refused(
        plant.engine, disposition_ncr, qc, login, ncr.number, "rework", "straighten", PASSWORD,
        username="quinn",
        match=f"{ncr.number} is on lot TB-77: material is not reworked here; use scrap",
    )  # fmt: skip
    disposition_ncr(qc, login, ncr.number, "scrap", "return to supplier", PASSWORD,
                    username="quinn")  # fmt: skip
    assert status(plant.engine, supplier_lot="TB-77") == "rejected"
