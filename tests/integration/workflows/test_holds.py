"""Holds on units, lots and material lots: placed and released with reasons, never deleted;
an active hold blocks consumption, release, printing, packing and shipping."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Hold, Item
from desktop.services import production
from desktop.services.distribution import ship
from desktop.services.holds import active_holds, place_hold, release_hold
from desktop.services.labelling import print_labels
from desktop.services.packing import create_case, pack_unit
from desktop.services.quality import lot_review, open_ncr, release_lot
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    build_pumps,
    counts,
    eid,
    item,
    label_all,
    open_lot,
    refused,
    released_pumps,
)
from tests.support.plant import PASSWORD

KIT = "09506000134369"


def test_place_and_release_with_reasons_never_deleted(plant) -> None:
    built = build_pumps(plant, 2)
    qc = plant.ctx("qc_inspector")
    key = eid()
    hold = place_hold(qc, built.lot, "torque wrench found out of calibration", event_id=key)
    assert hold.active and hold.item == f"lot {built.lot}" and hold.placed_by == "quinn"
    before = counts(plant.engine)
    assert place_hold(qc, built.lot, "again", event_id=key).id == hold.id  # a retry
    assert counts(plant.engine) == before
    with Session(plant.engine) as s:
        unit = s.scalars(select(Item).where(Item.serial == built.serials[0])).one()
        lot = s.scalars(select(Item).where(Item.lot == built.lot, Item.serial.is_(None))).one()
        assert [h.id for h in active_holds(s, [lot.id])] == [hold.id]
        assert active_holds(s, [unit.id]) == []  # the exact items; coverage is require_no_hold
    released = release_hold(qc, built.lot, "wrench re-calibrated; readings within limits")
    assert [h.id for h in released] == [hold.id] and not released[0].active
    assert released[0].released_by == "quinn"
    assert released[0].release_reason == "wrench re-calibrated; readings within limits"
    with Session(plant.engine) as s:
        assert s.scalar(select(func.count(Hold.id))) == 1  # released, not deleted


def test_hold_refusals_quote_the_scan_and_say_why(plant) -> None:
    built = build_pumps(plant, 2)
    qc = plant.ctx("qc_inspector")
    refused(
        plant.engine, place_hold, qc, built.lot, "  ",
        match=f'a hold on "{built.lot}" needs a reason',
    )  # fmt: skip
    refused(
        plant.engine, place_hold, qc, "NO-SUCH-LOT", "dropped",
        match='scan "NO-SUCH-LOT" matches no unit, lot, material lot, case or pallet',
    )  # fmt: skip
    refused(
        plant.engine, place_hold, qc, built.lot, "x", "NCR-999999",
        match='nonconformance "NCR-999999" does not exist',
    )  # fmt: skip
    refused(
        plant.engine, release_hold, qc, built.serials[0], "fine",
        match=f'scan "{built.serials[0]}": unit {built.serials[0]} is not on hold',
    )  # fmt: skip
    place_hold(qc, built.lot, "suspect board lot")
    refused(
        plant.engine, release_hold, qc, built.serials[0], "fine",
        match=f"unit {built.serials[0]} has no hold of its own; the hold is on lot {built.lot}",
    )  # fmt: skip
    refused(
        plant.engine, release_hold, qc, built.lot, "",
        match=f'releasing the hold on "{built.lot}" needs a reason',
    )  # fmt: skip
    op = plant.ctx("operator")
    refused(
        plant.engine, release_hold, op, built.lot, "fine",
        match="olga \\(line operator\\) may not release holds. Roles that may: QC inspector",
    )  # fmt: skip


def test_a_hold_for_an_ncr_is_released_only_after_its_disposition(plant) -> None:
    built = build_pumps(plant, 2)
    qc = plant.ctx("qc_inspector")
    ncr = open_ncr(qc, built.serials[0], "scratched housing")
    place_hold(qc, built.serials[0], "until the NCR is decided", ncr.number)
    refused(
        plant.engine, release_hold, qc, built.serials[0], "decided",
        match=f"the hold on unit {built.serials[0]} is for {ncr.number}, which is still open",
    )  # fmt: skip


def test_a_held_material_lot_is_not_consumed(plant) -> None:
    _, lot = open_lot(plant, KIT, 5)
    plant.receive("TRAY-CK10", "TR-H1", 50, supplier="SUP-MED")
    place_hold(plant.ctx("qc_inspector"), "TR-H1", "sterility certificate missing")
    refused(
        plant.engine, production.consume_component, plant.ctx("operator"), lot, "TR-H1",
        event_id=eid(), match="TR-H1.*hold.*sterility certificate missing",
    )  # fmt: skip


def test_a_hold_blocks_release_printing_packing_and_shipping(plant, printer) -> None:
    built = build_pumps(plant, 4)
    qc = plant.ctx("qc_inspector")
    place_hold(qc, built.serials[1], "dropped on the floor")
    review = lot_review(qc, built.lot)
    assert f"unit {built.serials[1]} is on hold: dropped on the floor" in review.blockers
    refused(
        plant.engine, release_lot, qc, plant.login("qc_inspector"), built.lot, PASSWORD,
        "quinn", match=f"unit {built.serials[1]} is on hold: dropped on the floor",
    )  # fmt: skip
    release_hold(qc, built.serials[1], "inspected: no damage")
    lot_review(qc, built.lot)
    release_lot(qc, plant.login("qc_inspector"), built.lot, PASSWORD, "quinn")
    approve_templates(plant)
    place_hold(qc, built.lot, "label artwork query")
    pack = plant.ctx("packaging")
    refused(
        plant.engine, print_labels, pack, printer, built.serials[0], key="k1",
        match=f"lot {built.lot} is on hold since .*: label artwork query \\(it holds unit "
        f"{built.serials[0]}\\): printing its label is not allowed",
    )  # fmt: skip
    assert printer.sent == []
    release_hold(qc, built.lot, "artwork confirmed")
    label_all(plant, printer, built.serials)
    case = create_case(pack)
    pack_unit(pack, case.sscc, built.serials[0])
    place_hold(qc, built.serials[1], "pending leak test")
    refused(
        plant.engine, pack_unit, pack, case.sscc, built.serials[1],
        match=f"unit {built.serials[1]} is on hold since .*: pending leak test: packing",
    )  # fmt: skip
    refused(
        plant.engine, ship, pack, "CUST-STMARY", "9506000000015", [built.serials[1]],
        match=f"unit {built.serials[1]} is on hold since .*: shipping is not allowed",
    )  # fmt: skip


def test_holds_on_released_lot_cover_its_units(plant) -> None:
    built = released_pumps(plant, 2)
    qc = plant.ctx("qc_inspector")
    place_hold(qc, built.lot, "customer complaint CC-4")
    with Session(plant.engine) as s:
        assert s.scalar(select(func.count(Hold.id)).where(Hold.released_at.is_(None))) == 1
    assert item(plant.engine, serial=built.serials[0]).status == "released"  # a hold is no state
