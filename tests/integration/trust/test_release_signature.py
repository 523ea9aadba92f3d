"""A lot-release signature binds the lot's whole record: any later change to a unit, an event
(a weighing), an inspection, an NCR, a label or a component link of the lot shows the release
as no longer valid, in the QC review and in the batch record; normal work after release
(labelling, packing) leaves it valid, and so does a repair (its removal of a part is its own
recorded event), which the signature then names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session

from db.models import Event, InspectionResult, Item, Link, Nonconformance, Signature
from desktop.services.distribution import record_service_event, replace_part, ship
from desktop.services.documents import build_record
from desktop.services.identity import check_signature
from desktop.services.quality import (
    close_ncr,
    disposition_ncr,
    lot_review,
    open_ncr,
    record_inspection,
    release_lot,
)
from tests.integration.trust.tamper import tamper
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.qcpack_support import approve_templates, build_pumps, label_all
from tests.integration.workflows.world import ST_MARY
from tests.support.plant import PASSWORD


def _released(plant) -> tuple[Any, int]:  # type: ignore[no-untyped-def]
    """Two pumps with a QC inspection and a closed NCR, released; (built, signature id)."""
    built = build_pumps(plant, 2)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    record_inspection(qc, built.serials[0], "Housing screw torque", "1.01")
    ncr = open_ncr(qc, built.serials[1], "scratch on the housing")
    disposition_ncr(qc, login, ncr.number, "use_as_is", "cosmetic", PASSWORD, username="quinn")
    close_ncr(qc, ncr.number, "accepted as is")
    result = release_lot(qc, login, built.lot, PASSWORD, "quinn")
    assert result.signature.valid
    return built, result.signature.id


def _unit_id(engine: Engine, serial: str) -> int:
    with Session(engine) as s:
        return s.scalars(select(Item.id).where(Item.serial == serial)).one()


def _weighing(engine: Engine, serial: str) -> Any:
    unit = _unit_id(engine, serial)
    with Session(engine) as s:
        event = s.scalars(select(Event).where(Event.item_id == unit, Event.kind == "weigh")).one()
    data = dict(event.data) | {"value": "2399.0"}
    return update(Event).where(Event.id == event.id).values(data=data)


CHANGES: dict[str, Callable[[Engine, tuple[str, ...]], Any]] = {
    "weighing": lambda e, serials: _weighing(e, serials[0]),
    "serial": lambda e, serials: (
        update(Item).where(Item.serial == serials[1]).values(serial="SN-999999")
    ),
    "inspection": lambda e, serials: update(InspectionResult).values(value="1.05"),
    "ncr": lambda e, serials: update(Nonconformance).values(description="nothing"),
    "link": lambda e, serials: (
        update(Link).where(Link.parent_item_id == _unit_id(e, serials[0])).values(quantity=2)
    ),
    "deleted event": lambda e, serials: delete(Event).where(
        Event.item_id == _unit_id(e, serials[0]), Event.kind == "check"
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_to_the_lots_record_invalidates_the_release(plant, change: str) -> None:
    built, signature_id = _released(plant)
    qc = plant.ctx("qc_inspector")
    tamper(plant.engine, CHANGES[change](plant.engine, built.serials))
    info = check_signature(qc, signature_id)
    assert not info.valid
    expected = "no longer exist" if change == "deleted event" else "changed after it was signed"
    assert expected in info.problem
    review = lot_review(qc, built.scan)
    assert review.release is not None and not review.release.valid
    record = build_record(qc, built.scan)
    assert record.release is not None and not record.release.valid


def test_the_release_covers_the_whole_record_and_later_work_keeps_it_valid(plant) -> None:
    printer = FakePrinter()
    built, signature_id = _released(plant)
    with Session(plant.engine) as s:
        sig = s.get(Signature, signature_id)
        assert sig is not None and sig.covers is not None
        covered = set(sig.covers)
    assert {"items", "events", "inspection_results", "nonconformances", "links"} <= covered
    approve_templates(plant)
    label_all(plant, printer, built.serials)  # labels printed and scanned back after release
    qc = plant.ctx("qc_inspector")
    assert check_signature(qc, signature_id).valid
    assert lot_review(qc, built.scan).release.valid  # type: ignore[union-attr]


def _repaired(plant) -> tuple[Any, int]:  # type: ignore[no-untyped-def]
    """A released lot whose first pump came back and got a new board; (built, signature id)."""
    printer = FakePrinter()
    approve_templates(plant)
    built, signature_id = _released(plant)
    label_all(plant, printer, built.serials)
    serial = built.serials[0]
    ship(plant.ctx("packaging"), *ST_MARY, [serial])
    sam = plant.ctx("supervisor")
    record_service_event(sam, serial, "return", None, "RMA-0042: display dead")
    plant.receive("BOARD-IP300", "BRD-NEW", 5, supplier="SUP-BOARDS")
    with Session(plant.engine) as s:
        unit = s.scalars(select(Item.id).where(Item.serial == serial)).one()
        board = s.scalars(
            select(Item.supplier_lot)
            .join(Link, Link.child_item_id == Item.id)
            .where(Link.parent_item_id == unit, Item.kind == "material_lot")
        ).one()
    replace_part(sam, serial, board, "BRD-NEW", "no display")
    return built, signature_id


def test_a_repair_after_release_leaves_the_release_verifying_as_signed_and_says_so(
    plant,
) -> None:  # type: ignore[no-untyped-def]
    built, signature_id = _repaired(plant)
    qc = plant.ctx("qc_inspector")
    info = check_signature(qc, signature_id)
    assert info.valid  # what was signed is what the record held then
    assert info.problem == (
        "as signed; since then 1 part(s) were removed by later recorded events (repairs, unpacking)"
    )
    record = build_record(qc, built.scan)
    assert record.release is not None and record.release.valid


def test_a_removal_that_no_event_after_the_signature_made_still_invalidates_it(plant) -> None:
    """A link marked removed by hand, pointing at an event of before the release (or at an event
    of another item), is a change to what was signed."""
    built, signature_id = _released(plant)
    unit = _unit_id(plant.engine, built.serials[0])
    with Session(plant.engine) as s:
        earlier = s.scalars(select(Event.id).where(Event.item_id == unit)).first()
    tamper(
        plant.engine,
        update(Link).where(Link.parent_item_id == unit).values(removed_event_id=earlier),
    )
    info = check_signature(plant.ctx("qc_inspector"), signature_id)
    assert not info.valid and "changed after it was signed" in info.problem
