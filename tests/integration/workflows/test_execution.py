"""Station execution, the good paths and recorded failures: a pump and a kit lot go through
their routes; each step is an event with the device's raw frame; a failed reading or check
opens an NCR and makes the unit nonconforming; retries with the same event id write nothing.
Both databases."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.models import Device, Event, InspectionResult, Item, Link, Nonconformance
from desktop.domain.states import Status
from desktop.services.production import (
    consume_component,
    record_check,
    record_measurement,
    record_weight,
    unit_status,
)
from tests.integration.workflows.test_execution_support import (
    capture,
    eid,
    item,
    kit_order,
    kit_scan,
    pump_order,
)
from tests.support.refusals import counts

FRAME = b"S S     2401.0 g\r\n"


def _build_pump_to_weigh(plant, serial: str, housing: str, board: str) -> None:  # type: ignore[no-untyped-def]
    op = plant.ctx("operator")
    assert consume_component(op, serial, housing, event_id=eid()).ok
    assert consume_component(op, serial, board, event_id=eid()).ok
    assert record_measurement(op, serial, Decimal("1.00"), event_id=eid(), unit="N·m").ok


def test_a_pump_goes_through_its_route_step_by_step(plant) -> None:
    line = pump_order(plant, count=2)
    plant.receive_serials("HOUSING-IP300", ["HS-0001"])
    board = plant.receive("BOARD-IP300", "B-100", 50)
    op = plant.ctx("operator")
    sn = line.serials[0]

    status = unit_status(op, sn)
    assert status.unit == f"unit {sn}" and status.work_order == "WO-P1"
    assert status.next_step is not None and status.next_step.position == 1
    assert status.scan_next == "scan HOUSING-IP300" and status.status == Status.IN_PROCESS

    scanned = capture("line-1 scanner", b"]C0HS-0001", aim="]C0")  # plain Code 128, AIM on
    first = consume_component(op, sn, "]C0HS-0001", event_id=eid(), capture=scanned)
    assert first.ok and first.step == "Scan housing serial"
    assert (
        first.message
        == f"pump housing HS-0001 (HOUSING-IP300) consumed into unit {sn}; step 1 passed"
    )
    assert first.next_instruction is not None and first.next_instruction.startswith(
        "step 2 Scan control board lot"
    )
    second = consume_component(op, sn, "B-100", event_id=eid())
    assert second.ok and "lot B-100 (BOARD-IP300) consumed" in second.message
    torque = record_measurement(op, sn, Decimal("0.97"), event_id=eid(), unit="N·m")
    assert torque.ok and "within 0.90–1.10 N·m" in torque.message
    weight = record_weight(
        op, sn, Decimal("2401.0"), "g", True, event_id=eid(),
        capture=capture("line-1 scale", FRAME, serial="SC-7"),
    )  # fmt: skip
    assert weight.ok and weight.message == "weight 2401.0 g is within 2380–2420 g"
    check = record_check(op, sn, True, event_id=eid())
    assert (
        check.ok
        and check.next_instruction
        and check.next_instruction.startswith("step 6 UDI label")
    )

    with Session(plant.engine) as s:
        unit = s.scalars(select(Item).where(Item.serial == sn)).one()
        assert (unit.current_step, unit.status) == (5, "in_process")
        housing = s.scalars(select(Item).where(Item.serial == "HS-0001")).one()
        assert (housing.status, housing.quantity_available) == ("consumed", 0)
        assert s.get(Item, board).quantity_available == Decimal(49)  # type: ignore[union-attr]
        links = s.scalars(select(Link).where(Link.parent_item_id == unit.id)).all()
        assert {link.child_item_id for link in links} == {housing.id, board}
        events = s.scalars(select(Event).where(Event.item_id == unit.id)).all()
        kinds = sorted(e.kind for e in events)
        assert kinds == ["check", "consume", "consume", "inspect", "weigh"]
        weigh = next(e for e in events if e.kind == "weigh")
        assert weigh.data["raw_frame"] == "S S     2401.0 g\\r\\n"
        assert weigh.data["device_serial"] == "SC-7" and weigh.data["stable"] is True
        housing_event = next(e for e in events if e.data.get("part") == "HOUSING-IP300")
        assert housing_event.data["raw_frame"] == "]C0HS-0001"
        assert bytes.fromhex(housing_event.data["raw_hex"]) == b"]C0HS-0001"
        assert housing_event.data["aim"] == "]C0"
        assert housing_event.data["device"] == "line-1 scanner"
        assert housing_event.device_id == s.scalar(
            select(Device.id).where(Device.name == "line-1 scanner")
        )
        assert housing_event.station_time == scanned.received_at
        assert weigh.device_id == s.scalar(select(Device.id).where(Device.name == "line-1 scale"))
        results = s.scalars(
            select(InspectionResult).where(InspectionResult.item_id == unit.id)
        ).all()
        assert sorted(r.value for r in results) == [Decimal("0.97"), Decimal("2401")]
    after = unit_status(op, sn)
    assert [s.done for s in after.steps] == [True] * 5 + [False] * 2
    assert after.next_step is not None and after.next_step.name == "UDI label"
    assert after.events[0].kind == "check" and len(after.events) == 5
    assert audit.verify(plant.engine).ok


def test_a_kit_lot_consumes_each_lot_for_the_whole_lot_quantity(plant) -> None:
    line = kit_order(plant, quantity=10)
    cath = plant.receive("CATHETER-CK10", "C-1", 25)
    tub = plant.receive("TUBING-CK10", "T-1", 10)
    tray = plant.receive("TRAY-CK10", "Y-1", 40)
    op = plant.ctx("operator")
    scan = kit_scan(line.lot)

    status = unit_status(op, scan)
    assert status.unit == f"lot {line.lot}" and status.kind == "production_lot"
    assert status.scan_next == "scan CATHETER-CK10, TUBING-CK10, TRAY-CK10"
    one = consume_component(op, scan, "C-1", event_id=eid())
    assert one.ok and one.message.endswith("still needed: TUBING-CK10, TRAY-CK10")
    assert one.next_instruction == "scan TUBING-CK10, TRAY-CK10 next"
    assert unit_status(op, scan).scan_next == "scan TUBING-CK10, TRAY-CK10"
    consume_component(op, scan, "Y-1", event_id=eid())
    last = consume_component(op, scan, "T-1", event_id=eid())
    assert last.message.endswith("step 1 passed")
    fill = record_weight(op, scan, Decimal("120.4"), "g", True, event_id=eid())
    assert fill.ok
    seal = record_check(op, scan, True, event_id=eid())
    assert seal.ok
    with Session(plant.engine) as s:
        left = {i: s.get(Item, i).quantity_available for i in (cath, tub, tray)}  # type: ignore[union-attr]
        lot = s.scalars(select(Item).where(Item.lot == line.lot, Item.gtin.is_not(None))).one()
        assert lot.current_step == 3
    assert left == {cath: Decimal(15), tub: Decimal(0), tray: Decimal(30)}


def test_a_weight_out_of_tolerance_fails_the_step_opens_an_ncr_and_holds_the_unit(plant) -> None:
    line = pump_order(plant, count=1)
    plant.receive_serials("HOUSING-IP300", ["HS-0001"])
    plant.receive("BOARD-IP300", "B-1", 5)
    sn = line.serials[0]
    _build_pump_to_weigh(plant, sn, "HS-0001", "B-1")
    op = plant.ctx("operator")
    result = record_weight(
        op,
        sn,
        Decimal("2431.5"),
        "g",
        True,
        event_id=eid(),
        capture=capture("line-1 scale", b"S S     2431.5 g\r\n", serial="SC-7"),
    )
    assert not result.ok and result.ncr_number is not None
    assert result.message.startswith("weight 2431.5 g is above the upper limit (2380–2420 g)")
    assert f"{result.ncr_number} opened and unit {sn} marked nonconforming" in result.message
    with Session(plant.engine) as s:
        unit = s.scalars(select(Item).where(Item.serial == sn)).one()
        assert (unit.status, unit.current_step) == ("nonconforming", 3)
        ncr = s.scalars(select(Nonconformance)).one()
        assert ncr.number == result.ncr_number and ncr.item_id == unit.id
        assert "weight 2431.5 g is above the upper limit (2380–2420 g)" in ncr.description
        assert (
            'step 4 "Weigh assembled pump" failed' in ncr.description and "SC-7" in ncr.description
        )
        event = s.get(Event, result.event_id)
        assert (
            event is not None
            and event.outcome == "fail"
            and event.data["raw_frame"].endswith("\\r\\n")
        )
        assert ncr.event_id == event.id
        failed = s.scalars(select(InspectionResult)).all()
        assert [(r.value, r.passed) for r in failed if r.event_id == event.id] == [
            (Decimal("2431.5"), False)
        ]
    status = unit_status(op, sn)
    assert status.status == "nonconforming" and status.open_ncrs == (result.ncr_number,)
    assert "waits for a QC disposition" in status.scan_next


def test_a_measurement_or_check_that_fails_opens_an_ncr(plant) -> None:
    line = pump_order(plant, count=2)
    plant.receive_serials("HOUSING-IP300", ["HS-1", "HS-2"])
    plant.receive("BOARD-IP300", "B-1", 5)
    op = plant.ctx("operator")
    a, b = line.serials
    consume_component(op, a, "HS-1", event_id=eid())
    consume_component(op, a, "B-1", event_id=eid())
    low = record_measurement(op, a, Decimal("0.85"), event_id=eid())
    assert (
        not low.ok
        and "Housing screw torque 0.85 N·m is below the lower limit (0.90–1.10 N·m)" in low.message
    )
    _build_pump_to_weigh(plant, b, "HS-2", "B-1")
    record_weight(op, b, Decimal("2400"), "g", True, event_id=eid())
    fail = record_check(op, b, False, "alarm E17 on power-up", event_id=eid())
    assert not fail.ok and fail.ncr_number
    assert fail.message.startswith("Functional test failed: alarm E17 on power-up")
    with Session(plant.engine) as s:
        descriptions = [
            n.description for n in s.scalars(select(Nonconformance).order_by(Nonconformance.id))
        ]
        statuses = {
            i.serial: i.status for i in s.scalars(select(Item).where(Item.serial.in_([a, b])))
        }
    assert "below the lower limit" in descriptions[0] and "alarm E17" in descriptions[1]
    assert statuses == {a: "nonconforming", b: "nonconforming"}


def test_a_retried_step_returns_the_same_result_and_writes_nothing(plant) -> None:
    line = pump_order(plant, count=1)
    plant.receive_serials("HOUSING-IP300", ["HS-0001"])
    plant.receive("BOARD-IP300", "B-1", 5)
    sn = line.serials[0]
    op = plant.ctx("operator")
    first_id = eid()
    first = consume_component(op, sn, "HS-0001", event_id=first_id)
    snapshot = counts(plant.engine)
    assert consume_component(op, sn, "HS-0001", event_id=first_id) == first
    assert counts(plant.engine) == snapshot
    consume_component(op, sn, "B-1", event_id=eid())
    record_measurement(op, sn, Decimal("1.0"), event_id=eid())
    weigh_id = eid()
    failed = record_weight(op, sn, Decimal("2300"), "g", True, event_id=weigh_id)
    snapshot = counts(plant.engine)
    again = record_weight(op, sn, Decimal("2300"), "g", True, event_id=weigh_id)
    assert again == failed and again.ncr_number == failed.ncr_number
    assert counts(plant.engine) == snapshot
    assert item(plant.engine, serial=sn).quantity_available == Decimal(1)


def test_after_a_rework_decision_a_step_may_be_done_again(plant) -> None:
    """The rework disposition (quality service) puts the unit back in process at an earlier
    step; simulated here by the state it leaves behind."""
    line = pump_order(plant, count=1)
    plant.receive_serials("HOUSING-IP300", ["HS-0001"])
    plant.receive("BOARD-IP300", "B-1", 5)
    sn = line.serials[0]
    _build_pump_to_weigh(plant, sn, "HS-0001", "B-1")
    op = plant.ctx("operator")
    assert not record_weight(op, sn, Decimal("2300"), "g", True, event_id=eid()).ok
    with Session(plant.engine) as s, s.begin():
        unit = s.scalars(select(Item).where(Item.serial == sn)).one()
        unit.status, unit.current_step = "in_process", 2  # rework: redo torque, then weigh
    assert record_measurement(op, sn, Decimal("1.02"), event_id=eid()).ok
    assert record_weight(op, sn, Decimal("2410"), "g", True, event_id=eid()).ok
