"""Bad input at the station: every refusal names the scan and the reason, and writes nothing
except the audited refusal (row counts unchanged, ``refused:<use case>`` entry, chain whole).
Both databases."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Hold, Item, Nonconformance, User
from desktop.services.production import (
    consume_component,
    record_check,
    record_measurement,
    record_weight,
    today,
    unit_status,
)
from tests.integration.workflows.test_execution_support import (
    Line,
    capture,
    eid,
    kit_order,
    kit_scan,
    pump_order,
)
from tests.support.refusals import refused


@pytest.fixture
def line(plant) -> Line:  # type: ignore[no-untyped-def]
    """Two pumps at step 1, housings HS-1..3 and board lot B-1 on the shelf."""
    made = pump_order(plant, count=2)
    plant.receive_serials("HOUSING-IP300", ["HS-1", "HS-2", "HS-3"])
    plant.receive("BOARD-IP300", "B-1", 20)
    return made


@pytest.fixture
def op(plant):  # type: ignore[no-untyped-def]
    return plant.ctx("operator")


def _hold(plant: Any, item_id: int, reason: str, ncr: bool = False) -> Hold:
    with Session(plant.engine) as s, s.begin():
        quinn = s.scalars(select(User).where(User.username == "quinn")).one()
        ncr_id = None
        if ncr:
            row = Nonconformance(
                number="NCR-000077", item_id=item_id, description=reason, opened_by=quinn.id
            )
            s.add(row)
            s.flush()
            ncr_id = row.id
        hold = Hold(item_id=item_id, reason=reason, ncr_id=ncr_id, placed_by=quinn.id)
        s.add(hold)
        s.flush()
        s.refresh(hold)
        s.expunge(hold)
        return hold


def consume(plant: Any, ctx: Any, unit: str, comp: str, match: str) -> str:
    return refused(plant.engine, consume_component, ctx, unit, comp, event_id=eid(), match=match)


def test_wrong_part(plant, line: Line, op) -> None:
    sn = line.serials[0]
    consume(
        plant,
        op,
        sn,
        "B-1",
        r'^scan "B-1" is lot B-1 of part BOARD-IP300; step 1 needs HOUSING-IP300$',
    )


def test_lot_on_hold_names_the_date_reason_and_ncr(plant, line: Line, op) -> None:
    sn = line.serials[0]
    consume_component(op, sn, "HS-1", event_id=eid())
    board = plant.receive("BOARD-IP300", "B-2", 20)
    hold = _hold(plant, board, "supplier reported solder voids", ncr=True)
    day = f"{hold.placed_at:%d %b %Y}"
    consume(
        plant,
        op,
        sn,
        "B-2",
        rf'^scan "B-2": lot B-2 is on hold since {day}: supplier reported solder voids '
        r"\(NCR-000077\)$",
    )


def test_a_released_hold_no_longer_blocks(plant, line: Line, op) -> None:
    sn = line.serials[0]
    consume_component(op, sn, "HS-1", event_id=eid())
    board = plant.receive("BOARD-IP300", "B-2", 20)
    hold = _hold(plant, board, "check")
    with Session(plant.engine) as s, s.begin():
        row = s.get(Hold, hold.id)
        assert row is not None
        row.released_at, row.release_reason = row.placed_at, "checked"
    assert consume_component(op, sn, "B-2", event_id=eid()).ok


def test_a_unit_on_hold_takes_no_steps(plant, line: Line, op) -> None:
    sn = line.serials[0]
    with Session(plant.engine) as s:
        unit_id = s.scalars(select(Item.id).where(Item.serial == sn)).one()
    _hold(plant, unit_id, "dropped on the floor")
    consume(
        plant, op, sn, "HS-1", rf'^scan "{sn}": unit {sn} is on hold since .*: dropped on the floor'
    )


def test_expired_lot(plant, line: Line, op) -> None:
    sn = line.serials[0]
    consume_component(op, sn, "HS-1", event_id=eid())
    gone = today() - timedelta(days=1)
    plant.receive("BOARD-IP300", "B-OLD", 20, expiry=gone)
    consume(
        plant,
        op,
        sn,
        "B-OLD",
        rf'^scan "B-OLD": lot B-OLD expired on {gone.isoformat()}: take a lot within date and '
        "report this one to QC$",
    )
    plant.receive("BOARD-IP300", "B-TODAY", 20, expiry=today())
    assert consume_component(op, sn, "B-TODAY", event_id=eid()).ok  # good through its expiry day


def test_quarantined_and_rejected_lots(plant, line: Line, op) -> None:
    sn = line.serials[0]
    consume_component(op, sn, "HS-1", event_id=eid())
    plant.receive("BOARD-IP300", "B-Q", 20, released=False)
    consume(
        plant,
        op,
        sn,
        "B-Q",
        r'^scan "B-Q": lot B-Q is in quarantine \(not released by incoming inspection\): '
        "use a released lot$",
    )
    rejected = plant.receive("BOARD-IP300", "B-R", 20)
    with Session(plant.engine) as s, s.begin():
        s.get(Item, rejected).status = "rejected"  # type: ignore[union-attr]
    consume(plant, op, sn, "B-R", r'^scan "B-R": lot B-R was rejected by incoming inspection')


def test_a_serialised_component_is_consumed_only_once(plant, line: Line, op) -> None:
    a, b = line.serials
    consume_component(op, a, "HS-1", event_id=eid())
    consume(
        plant,
        op,
        b,
        "HS-1",
        rf'^scan "HS-1": pump housing HS-1 was already built into unit {a} on '
        r"\d{4}-\d\d-\d\d \d\d:\d\d: take another one$",
    )


def test_not_enough_left_in_the_lot(plant, op) -> None:
    line = kit_order(plant, quantity=10)
    plant.receive("CATHETER-CK10", "C-LOW", 6)
    consume(
        plant,
        op,
        kit_scan(line.lot),
        "C-LOW",
        rf'^scan "C-LOW": lot C-LOW has 6 ea left; lot {line.lot} needs 10: take another lot$',
    )


def test_a_part_already_consumed_at_this_step(plant, op) -> None:
    line = kit_order(plant, quantity=2)
    plant.receive("CATHETER-CK10", "C-1", 6)
    plant.receive("CATHETER-CK10", "C-2", 6)
    scan = kit_scan(line.lot)
    consume_component(op, scan, "C-1", event_id=eid())
    consume(
        plant,
        op,
        scan,
        "C-2",
        rf'^scan "C-2": CATHETER-CK10 is already consumed for lot {line.lot} at step 1; '
        "still needed: TUBING-CK10, TRAY-CK10$",
    )


def test_steps_out_of_order(plant, line: Line, op) -> None:
    sn = line.serials[0]
    msg = rf'^scan "{sn}": unit {sn} is at step 1 "Scan housing serial"; the weigh step cannot '
    msg += "be done now"
    refused(
        plant.engine, record_weight, op, sn, Decimal(2400), "g", True, event_id=eid(), match=msg
    )
    refused(
        plant.engine,
        record_check,
        op,
        sn,
        True,
        event_id=eid(),
        match=rf'^scan "{sn}": unit {sn} is at step 1 .*the check step cannot be done now',
    )
    refused(
        plant.engine,
        record_measurement,
        op,
        sn,
        Decimal(1),
        event_id=eid(),
        match=r"the inspect step cannot be done now",
    )


def test_no_repeat_of_a_passed_step(plant, line: Line, op) -> None:
    sn = line.serials[0]
    consume_component(op, sn, "HS-1", event_id=eid())
    consume(
        plant,
        op,
        sn,
        "HS-2",
        rf'^scan "HS-2" is pump housing HS-2 of part HOUSING-IP300, consumed at step 1 "Scan '
        rf'housing serial", which unit {sn} has passed; a passed step is repeated only after a '
        "rework decision$",
    )
    consume_component(op, sn, "B-1", event_id=eid())
    record_measurement(op, sn, Decimal("1.0"), event_id=eid())
    record_weight(op, sn, Decimal("2400"), "g", True, event_id=eid())
    refused(
        plant.engine,
        record_weight,
        op,
        sn,
        Decimal("2400"),
        "g",
        True,
        event_id=eid(),
        match=rf'^scan "{sn}": step 4 "Weigh assembled pump" is already passed for unit {sn}; '
        r"a passed step is repeated only after a rework decision. "
        r'Next is step 5 "Functional test"$',
    )


def _at_weigh(plant: Any, line: Line, op: Any) -> str:
    sn = line.serials[0]
    consume_component(op, sn, "HS-1", event_id=eid())
    consume_component(op, sn, "B-1", event_id=eid())
    record_measurement(op, sn, Decimal("1.0"), event_id=eid())
    return sn


def test_unstable_weight_is_refused_without_an_ncr(plant, line: Line, op) -> None:
    sn = _at_weigh(plant, line, op)
    refused(
        plant.engine,
        record_weight,
        op,
        sn,
        Decimal("2401.5"),
        "g",
        False,
        event_id=eid(),
        capture=capture("line-1 scale", b"S D     2401.5 g\r\n"),
        match=rf'^scan "{sn}": reading "2401.5 g" is not stable: wait for the scale to settle',
    )


def test_weight_in_the_wrong_unit_is_refused_with_the_limits(plant, line: Line, op) -> None:
    sn = _at_weigh(plant, line, op)
    refused(
        plant.engine,
        record_weight,
        op,
        sn,
        Decimal("2.401"),
        "kg",
        True,
        event_id=eid(),
        match=rf'^scan "{sn}": reading "2.401 kg": the scale reads in kg, the step needs g',
    )


def test_scans_that_name_no_unit_or_the_wrong_kind(plant, line: Line, op) -> None:
    sn = line.serials[0]
    consume(plant, op, "SN-999999", "HS-1", r'^scan "SN-999999" matches no unit or production lot')
    consume(plant, op, sn, "HS-404", r'^scan "HS-404" matches no component')
    consume(plant, op, "HS-1", "HS-2", r'^scan "HS-1" is a component \(unit HS-1\), not a unit')
    consume(
        plant,
        op,
        sn,
        line.serials[1],
        rf'^scan "{line.serials[1]}" is unit {line.serials[1]}, not a component',
    )
    lot_scan = f"(01)09506000134352(10){line.lot}"
    consume(
        plant, op, lot_scan, "HS-1", r"Infusion Pump IP-300, which is serialised: scan the serial"
    )
    refused(plant.engine, unit_status, op, "SN-404", match=r'^scan "SN-404" matches no unit')


def test_a_failed_unit_takes_no_further_steps(plant, line: Line, op) -> None:
    sn = _at_weigh(plant, line, op)
    record_weight(op, sn, Decimal("2500"), "g", True, event_id=eid())
    refused(
        plant.engine,
        record_weight,
        op,
        sn,
        Decimal("2400"),
        "g",
        True,
        event_id=eid(),
        match=rf'^scan "{sn}": unit {sn} is nonconforming: it takes no production steps now$',
    )


def test_roles_without_the_permission(plant, line: Line) -> None:
    qc = plant.ctx("qc_inspector")
    consume(
        plant, qc, line.serials[0], "HS-1", r"quinn \(QC inspector\) may not consume components"
    )
    pack = plant.ctx("packaging")
    refused(
        plant.engine,
        record_check,
        pack,
        line.serials[0],
        True,
        event_id=eid(),
        match=r"pat \(packer\) may not execute production steps\. Roles that may: line operator, "
        "supervisor",
    )
