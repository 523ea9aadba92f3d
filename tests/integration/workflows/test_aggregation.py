"""Aggregation: unit -> case (SSCC with check digit) -> pallet; lot quantities into cases;
unpacking marks the link removed, never deletes it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Link
from desktop.domain.udi import is_valid_check_digit
from desktop.services.labelling import print_labels, verify_label
from desktop.services.packing import (
    GS1_COMPANY_PREFIX,
    close_case,
    close_pallet,
    create_case,
    create_pallet,
    pack_case,
    pack_lot_quantity,
    pack_unit,
    unpack,
)
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


def test_a_case_has_an_sscc_with_its_check_digit(plant) -> None:
    pack = plant.ctx("packaging")
    key = eid()
    case = create_case(pack, event_id=key)
    assert len(case.sscc) == 18 and case.sscc.isdigit()
    assert case.sscc.startswith("0" + GS1_COMPANY_PREFIX)
    assert is_valid_check_digit(case.sscc)
    assert (case.kind, case.status, case.contents) == ("case", "open", ())
    assert create_case(pack, event_id=key) == case  # a retry
    other = create_case(pack)
    assert other.sscc != case.sscc and is_valid_check_digit(other.sscc)
    assert is_valid_check_digit(create_pallet(pack).sscc)


def test_units_are_packed_when_released_and_label_verified(plant, printer) -> None:
    approve_templates(plant)
    build_pumps(plant, 1)  # SN-000001, not released
    released_pumps(plant, 5)  # SN-000002 .. SN-000006
    label_all(plant, printer, ("SN-000002", "SN-000003", "SN-000004", "SN-000005"))
    pack = plant.ctx("packaging")
    case = create_case(pack)
    refused(
        plant.engine, pack_unit, pack, case.sscc, "SN-000001",
        match='scan "SN-000001": unit SN-000001 is in production: only released items are packed',
    )  # fmt: skip
    refused(
        plant.engine, pack_unit, pack, case.sscc, "SN-000006",
        match='scan "SN-000006": the label of unit SN-000006 is not verified: scan the label '
        "back first",
    )  # fmt: skip
    for serial in ("SN-000002", "SN-000003", "SN-000004"):
        view = pack_unit(pack, case.sscc, serial)
    assert view.count == 3 and view.capacity == 4 and view.product_gtin == "09506000134352"
    unit = item(plant.engine, serial="SN-000002")
    assert (unit.status, unit.current_step) == ("packed", 7)
    refused(
        plant.engine, pack_unit, pack, case.sscc, "SN-000002",
        match=f'scan "SN-000002": unit SN-000002 is packed already, in case SSCC {case.sscc}',
    )  # fmt: skip
    refused(
        plant.engine, close_case, pack, case.sscc,
        match=f"case SSCC {case.sscc} holds 3 of 4: a case is closed full",
    )  # fmt: skip
    pack_unit(pack, case.sscc, "SN-000005")
    job = print_labels(pack, printer, "SN-000006", key="k6")
    verify_label(pack, "k6", job.element_string, event_id=eid())
    refused(
        plant.engine, pack_unit, pack, case.sscc, "SN-000006",
        match=f"case SSCC {case.sscc} is full \\(4 of 4\\): close it",
    )  # fmt: skip
    closed = close_case(pack, case.sscc)
    assert closed.status == "closed" and closed.count == 4
    refused(
        plant.engine, pack_unit, pack, case.sscc, "SN-000006",
        match=f'scan "{case.sscc}": case SSCC {case.sscc} is closed: pack into an open case',
    )  # fmt: skip


def test_a_case_holds_one_product(plant, printer) -> None:
    approve_templates(plant)
    released_pumps(plant, 1)
    kits = released_kits(plant, 10)
    label_all(plant, printer, ("SN-000001",))
    pack = plant.ctx("packaging")
    job = print_labels(pack, printer, kits.scan, 10, key="kits")
    for key in job.copies:
        verify_label(pack, key, job.element_string, event_id=eid())
    case = create_case(pack)
    pack_unit(pack, case.sscc, "SN-000001")
    refused(  # the lot's own label: its number alone is also a lot of pumps
        plant.engine, pack_lot_quantity, pack, case.sscc, "]d2" + job.element_string, 10,
        match=f"case SSCC {case.sscc} holds Infusion Pump IP-300; lot {kits.lot} is Sterile "
        "Catheter Kit CK-10: a case holds one product",
    )  # fmt: skip


def test_lot_quantities_fill_cases_of_ten(plant, printer) -> None:
    approve_templates(plant)
    kits = released_kits(plant, 25)
    pack = plant.ctx("packaging")
    case = create_case(pack)
    refused(
        plant.engine, pack_lot_quantity, pack, case.sscc, kits.lot,
        match=f"the labels of lot {kits.lot} are not all verified",
    )  # fmt: skip
    job = print_labels(pack, printer, kits.lot, 25, key="kits")
    for key in job.copies:
        verify_label(pack, key, job.element_string, event_id=eid())
    first = pack_lot_quantity(pack, case.sscc, kits.lot)
    assert first.count == 10 and first.capacity == 10
    assert [(c.kind, c.quantity) for c in first.contents] == [("production_lot", 10)]
    close_case(pack, case.sscc)
    second = create_case(pack)
    pack_lot_quantity(pack, second.sscc, kits.lot, 6)
    refused(
        plant.engine, pack_lot_quantity, pack, second.sscc, kits.lot, 5,
        match=f"case SSCC {second.sscc} has room for 4 and lot {kits.lot} has 9 left: 5 cannot",
    )  # fmt: skip
    pack_lot_quantity(pack, second.sscc, kits.lot)
    lot = item(plant.engine, lot=kits.lot, kind="production_lot")
    assert lot.quantity_available == 5 and lot.current_step == 5 and lot.status == "released"


def test_cases_go_on_pallets_and_unpacking_keeps_the_link(plant, printer) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 4)
    label_all(plant, printer, built.serials)
    pack = plant.ctx("packaging")
    case = create_case(pack)
    for serial in built.serials:
        pack_unit(pack, case.sscc, serial)
    pallet = create_pallet(pack)
    refused(
        plant.engine, pack_case, pack, pallet.sscc, case.sscc,
        match=f"case SSCC {case.sscc} is open: only a closed case goes on a pallet",
    )  # fmt: skip
    close_case(pack, case.sscc)
    on = pack_case(pack, pallet.sscc, case.sscc)
    assert [c.item for c in on.contents] == [f"case SSCC {case.sscc}"]
    assert status(plant.engine, sscc=case.sscc) == "packed"
    refused(
        plant.engine, unpack, pack, case.sscc, "SN-000001", "damaged box",
        match=f"case SSCC {case.sscc} is on pallet SSCC {pallet.sscc}: take it off the pallet",
    )  # fmt: skip
    refused(
        plant.engine, unpack, pack, pallet.sscc, case.sscc, " ",
        match=f'scan "{pallet.sscc}": unpacking needs a reason',
    )  # fmt: skip
    assert close_pallet(pack, pallet.sscc).status == "closed"
    links = _links(plant)
    view = unpack(pack, pallet.sscc, case.sscc, "pallet too high for the truck")
    assert view.status == "open" and view.contents == ()
    assert status(plant.engine, sscc=case.sscc) == "closed"
    inside = unpack(pack, case.sscc, "SN-000002", "box corner crushed")
    assert inside.status == "open" and inside.count == 3
    unit = item(plant.engine, serial="SN-000002")
    assert (unit.status, unit.current_step) == ("released", 6)
    assert _links(plant) == (links[0], links[1] + 2)  # marked removed, never deleted
    pack_unit(pack, case.sscc, "SN-000002")  # packed again, the pack step done again
    assert item(plant.engine, serial="SN-000002").current_step == 7
    refused(
        plant.engine, unpack, pack, case.sscc, "SN-000009", "x",
        match='scan "SN-000009" matches no item',
    )  # fmt: skip
    before = counts(plant.engine)
    assert before["links"] == links[0] + 1


def _links(plant) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with Session(plant.engine) as s:
        total = s.scalar(select(func.count(Link.id))) or 0
        removed = s.scalar(select(func.count(Link.id)).where(Link.removed_event_id.is_not(None)))
    return total, removed or 0
