"""A shipment built at the shipping station: opened for a site, cases, pallets and units scanned
onto it one at a time (each refused with its reason when it may not leave), confirmed shipped,
its delivery note listed and its proof of delivery recorded (both databases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.domain.distribution import ShipmentStatus
from desktop.domain.states import ItemKind, Status
from desktop.reports.epcis_check import check_document
from desktop.services.distribution import (
    add_to_shipment,
    confirm_shipment,
    delivery_note,
    open_shipment,
    record_delivery,
    remove_from_shipment,
    shipments,
)
from desktop.services.documents import export_epcis
from desktop.services.holds import place_hold
from desktop.services.packing import (
    close_case,
    close_pallet,
    create_case,
    create_pallet,
    pack_case,
    pack_unit,
)
from desktop.services.recall import open_recall
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    build_pumps,
    counts,
    eid,
    item,
    label_all,
    refused,
    released_pumps,
)

STMARY = "9506000000015"


def _pallet(plant, printer, serials: tuple[str, ...]) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    label_all(plant, printer, serials)
    pack = plant.ctx("packaging")
    case = create_case(pack).sscc
    for serial in serials:
        pack_unit(pack, case, serial)
    close_case(pack, case)
    pallet = create_pallet(pack).sscc
    pack_case(pack, pallet, case)
    close_pallet(pack, pallet)
    return case, pallet


def test_a_shipment_is_scanned_confirmed_noted_and_delivered(plant, printer) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 5)
    case, pallet = _pallet(plant, printer, built.serials[:4])
    label_all(plant, printer, built.serials[4:])
    pack = plant.ctx("packaging")
    shipment = open_shipment(pack, "CUST-STMARY", STMARY)
    assert shipment.status is ShipmentStatus.OPEN and shipment.lines == ()
    refused(
        plant.engine, confirm_shipment, pack, shipment.number,
        match=f"{shipment.number} is empty: scan the cases, pallets or units first",
    )  # fmt: skip
    view = add_to_shipment(pack, shipment.number, f"(00){pallet}")
    assert [line.kind for line in view.lines] == [ItemKind.PALLET]
    refused(
        plant.engine, add_to_shipment, pack, shipment.number, pallet,
        match=f"pallet SSCC {pallet} is on {shipment.number} already",
    )  # fmt: skip
    refused(
        plant.engine, add_to_shipment, pack, shipment.number, case,
        match=f"case SSCC {case} is packed in pallet SSCC {pallet}: ship that instead",
    )  # fmt: skip
    view = add_to_shipment(pack, shipment.number, built.serials[4])
    assert len(view.lines) == 2
    view = remove_from_shipment(pack, shipment.number, built.serials[4])
    assert len(view.lines) == 1
    add_to_shipment(pack, shipment.number, built.serials[4])
    assert item(plant.engine, sscc=pallet).status == Status.CLOSED  # nothing moves until confirmed
    refused(
        plant.engine, record_delivery, pack, shipment.number, "R. Chen", datetime.now(UTC),
        match=f"{shipment.number} is open: confirm it shipped before recording its delivery",
    )  # fmt: skip
    key = eid()
    done = confirm_shipment(pack, shipment.number, event_id=key)
    assert done.status is ShipmentStatus.SHIPPED and done.units == 5
    before = counts(plant.engine)
    assert confirm_shipment(pack, shipment.number, event_id=key) == done  # a retry
    assert counts(plant.engine) == before
    for serial in built.serials:
        assert item(plant.engine, serial=serial).status == Status.SHIPPED
    assert item(plant.engine, sscc=case).status == Status.SHIPPED
    refused(
        plant.engine, add_to_shipment, pack, shipment.number, built.serials[0],
        match=f"{shipment.number} is shipped: nothing more can be added",
    )  # fmt: skip
    note = delivery_note(pack, shipment.number)
    assert [(line.level, line.kind) for line in note.lines] == [
        (0, ItemKind.PALLET),
        (1, ItemKind.CASE),
        *[(2, ItemKind.UNIT)] * 4,
        (0, ItemKind.UNIT),
    ]
    assert note.units == 5 and note.containers == 2
    assert note.lines[0].sscc == pallet and note.lines[2].serial == built.serials[0]
    assert note.lines[2].gtin and note.lines[2].lot == built.lot
    shipped_at = done.shipped_at
    assert shipped_at is not None
    refused(
        plant.engine, record_delivery, pack, shipment.number, "R. Chen",
        shipped_at - timedelta(hours=1),
        match="it cannot have been delivered before that",
    )  # fmt: skip
    refused(
        plant.engine, record_delivery, pack, shipment.number, " ", shipped_at,
        match=f"give the name of the person who signed for {shipment.number}",
    )  # fmt: skip
    refused(
        plant.engine, record_delivery, pack, shipment.number, "R. Chen",
        shipped_at + timedelta(days=3),
        match="is in the future: give the time on the signed note",
    )  # fmt: skip
    delivered = record_delivery(pack, shipment.number, " R.  Chen ", shipped_at)
    assert delivered.received_by == "R. Chen" and delivered.delivered_at == shipped_at
    refused(
        plant.engine, record_delivery, pack, shipment.number, "Someone Else", shipped_at,
        match="delivery was recorded already \\(signed by R. Chen",
    )  # fmt: skip
    assert [s.number for s in shipments(pack, ShipmentStatus.SHIPPED)] == [shipment.number]
    doc = export_epcis(plant.ctx("supervisor"), datetime.now(UTC) - timedelta(days=1))
    assert check_document(doc) == []
    shipping = [e for e in doc["epcisBody"]["eventList"] if e["bizStep"] == "shipping"]
    assert len(shipping) == 1 and len(shipping[0]["epcList"]) == 2
    assert sorted(epc.split(":")[3] for epc in shipping[0]["epcList"]) == ["sgtin", "sscc"]


def test_shipping_an_unreleased_case_is_refused(plant, printer) -> None:
    approve_templates(plant)
    build_pumps(plant, 1)  # SN-000001 built, not released by QC
    built = released_pumps(plant, 6)  # SN-000002 .. SN-000007
    label_all(plant, printer, built.serials)
    pack = plant.ctx("packaging")
    shipment = open_shipment(pack, "CUST-STMARY", STMARY).number
    case = create_case(pack).sscc
    for serial in built.serials[:4]:
        pack_unit(pack, case, serial)
    refused(
        plant.engine, add_to_shipment, pack, shipment, case,
        match=f'scan "{case}": case SSCC {case} is open: close it before shipping',
    )  # fmt: skip
    refused(
        plant.engine, add_to_shipment, pack, shipment, "SN-000001",
        match='scan "SN-000001": unit SN-000001 is in production: only released, labelled units',
    )  # fmt: skip
    refused(
        plant.engine, add_to_shipment, pack, "SHP-999999", "SN-000003",
        match='shipment "SHP-999999" does not exist',
    )  # fmt: skip
    place_hold(plant.ctx("qc_inspector"), "SN-000006", "pending field action FA-2")
    refused(
        plant.engine, add_to_shipment, pack, shipment, "SN-000006",
        match="unit SN-000006 is on hold since .*: pending field action FA-2.*shipping is not",
    )  # fmt: skip
    open_recall(plant.ctx("supervisor"), "SN-000007", "motor stalls")
    refused(
        plant.engine, add_to_shipment, pack, shipment, "SN-000007",
        match='scan "SN-000007": unit SN-000007 is under recall RCL-000001: it may not ship',
    )  # fmt: skip
    close_case(pack, case)
    assert len(add_to_shipment(pack, shipment, case).lines) == 1
    other = open_shipment(pack, "CUST-NORTH", "Northside Clinic Store").number
    refused(
        plant.engine, add_to_shipment, pack, other, case,
        match=f"case SSCC {case} is on {shipment}, not shipped yet: take it off there first",
    )  # fmt: skip
    place_hold(plant.ctx("qc_inspector"), "SN-000002", "label smudged")
    refused(
        plant.engine, confirm_shipment, pack, shipment,
        match="unit SN-000002 is on hold since .*: label smudged",
    )  # fmt: skip
    assert item(plant.engine, sscc=case).status == Status.CLOSED
