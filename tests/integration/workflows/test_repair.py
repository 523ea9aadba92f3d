"""A returned pump repaired with a replaced board and housing: the old part's link is marked
removed (never deleted), the new part is consumed into the unit, both by the repair event; the
trace of the unit shows the repair and the new parts (both databases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Item, Link
from desktop.domain.distribution import ServiceKind
from desktop.domain.events import EventKind
from desktop.domain.states import Status
from desktop.reports.epcis_check import check_document
from desktop.services.distribution import record_service_event, replace_part, ship
from desktop.services.documents import export_epcis
from desktop.services.holds import place_hold
from desktop.services.trace import trace_item
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    counts,
    eid,
    item,
    label_all,
    refused,
    released_pumps,
)

STMARY = "9506000000015"


def _links(engine, unit_id: int) -> list[tuple[str, bool]]:  # type: ignore[no-untyped-def]
    with Session(engine) as s:
        rows = s.execute(
            select(Item, Link)
            .join(Link, Link.child_item_id == Item.id)
            .where(Link.parent_item_id == unit_id)
            .order_by(Link.id)
        )
        return [
            (child.supplier_lot or child.serial or "", link.removed_event_id is not None)
            for child, link in rows
        ]


def test_a_returned_unit_gets_a_new_board_and_housing(plant, printer) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 2)
    label_all(plant, printer, built.serials)
    serial = built.serials[0]
    ship(plant.ctx("packaging"), "CUST-STMARY", STMARY, [serial])
    sam = plant.ctx("supervisor")
    unit = item(plant.engine, serial=serial)
    fitted = _links(plant.engine, unit.id)
    housing, board = fitted[0][0], fitted[1][0]
    plant.receive("BOARD-IP300", "BRD-NEW", 5, supplier="SUP-BOARDS")
    plant.receive("BOARD-IP300", "BRD-QUAR", 5, supplier="SUP-BOARDS", released=False)
    plant.receive_serials("HOUSING-IP300", ["H-NEW-1"])
    refused(
        plant.engine, replace_part, sam, serial, board, "BRD-NEW", "no display",
        match=f'scan "{serial}": unit {serial} is shipped: a repair is recorded only for a unit '
        "that is installed or returned",
    )  # fmt: skip
    record_service_event(sam, serial, "return", None, "RMA-0042: display dead")
    refused(
        plant.engine, replace_part, sam, serial, board, "BRD-NEW", " ",
        match="say what was wrong: a repair needs a reason",
    )  # fmt: skip
    refused(
        plant.engine, replace_part, sam, serial, "BRD-NEW", "BRD-NEW", "no display",
        match=f'scan "BRD-NEW": .*BRD-NEW is not built into unit {serial}',
    )  # fmt: skip
    refused(
        plant.engine, replace_part, sam, serial, board, "H-NEW-1", "no display",
        match='scan "H-NEW-1": .* is not the same part as .*: fit the same part number',
    )  # fmt: skip
    refused(
        plant.engine, replace_part, sam, serial, board, "BRD-QUAR", "no display",
        match='scan "BRD-QUAR": lot BRD-QUAR is in quarantine: only released material is fitted',
    )  # fmt: skip
    place_hold(plant.ctx("qc_inspector"), "BRD-NEW", "supplier notice SN-7")
    refused(
        plant.engine, replace_part, sam, serial, board, "BRD-NEW", "no display",
        match="supplier notice SN-7",
    )  # fmt: skip
    from desktop.services.holds import release_hold

    release_hold(plant.ctx("qc_inspector"), "BRD-NEW", "notice withdrawn")
    key = eid()
    repaired = replace_part(sam, serial, board, "BRD-NEW", "no display", event_id=key)
    assert repaired.kind is ServiceKind.REPAIR and repaired.status == Status.RETURNED
    assert repaired.notes == f"no display (removed lot {board}, fitted lot BRD-NEW)"
    before = counts(plant.engine)
    assert replace_part(sam, serial, board, "BRD-NEW", "no display", event_id=key) == repaired
    assert counts(plant.engine) == before
    replace_part(sam, serial, housing, "H-NEW-1", "cracked housing")
    assert _links(plant.engine, unit.id) == [
        (housing, True),
        (board, True),
        ("BRD-NEW", False),
        ("H-NEW-1", False),
    ]
    assert item(plant.engine, serial="H-NEW-1").status == Status.CONSUMED
    assert item(plant.engine, supplier_lot="BRD-NEW").quantity_available == 4
    refused(
        plant.engine, replace_part, sam, serial, board, "BRD-NEW", "again",
        match=f"is not built into unit {serial}",
    )  # fmt: skip
    doc = export_epcis(sam, datetime.now(UTC) - timedelta(days=1))
    assert check_document(doc) == []
    repairs = [e for e in doc["epcisBody"]["eventList"] if e["bizStep"] == "repairing"]
    assert [(e["type"], e["action"]) for e in repairs] == [
        ("AggregationEvent", "DELETE"),
        ("AggregationEvent", "ADD"),
    ] * 2
    assert repairs[0]["parentID"].endswith(f".{serial}")
    assert {e["parentID"] for e in repairs} == {repairs[0]["parentID"]}
    assert repairs[0]["childQuantityList"][0]["epcClass"].endswith(f":lot:{board}")
    assert repairs[1]["childQuantityList"][0]["epcClass"].endswith(":lot:BRD-NEW")
    assert repairs[1]["childQuantityList"][0]["quantity"] == 1.0
    assert repairs[0]["eventID"] != repairs[1]["eventID"]
    assert repairs[2]["childEPCs"] == [f"urn:lotline:part:HOUSING-IP300:serial:{housing}"]
    assert repairs[3]["childEPCs"] == ["urn:lotline:part:HOUSING-IP300:serial:H-NEW-1"]
    trace = trace_item(sam, serial)
    assert [line.kind for line in trace.timeline].count(EventKind.REPAIR) == 2
    backward = {line.identity for line in trace.backward}
    assert any("BRD-NEW" in x for x in backward) and any("H-NEW-1" in x for x in backward)
