"""Lot release: review by exception, refused while anything is open (naming each blocker),
then signed "Released for distribution" with the manifestation shown."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Event, Item, Nonconformance
from db.types import utcnow
from desktop.services import production
from desktop.services.core.errors import AuthenticationFailed, PermissionDenied
from desktop.services.holds import place_hold, release_hold
from desktop.services.identity import check_signature
from desktop.services.production import commission_serials
from desktop.services.quality import close_ncr, disposition_ncr, lot_review, open_ncr, release_lot
from tests.integration.workflows.qcpack_support import (
    KIT,
    PUMP,
    build_kits,
    build_pumps,
    counts,
    eid,
    item,
    open_lot,
    refused,
    released_pumps,
    status,
)
from tests.support.plant import PASSWORD


def _override(plant, serial: str) -> None:  # type: ignore[no-untyped-def]
    """Test setup: an override event as a station would record it (no service makes one yet)."""
    unit = item(plant.engine, serial=serial)
    with Session(plant.engine) as s, s.begin():
        s.add(
            Event(
                id=uuid.uuid4(),
                kind="weight_override",
                outcome="ok",
                item_id=unit.id,
                work_order_id=unit.work_order_id,
                station_time=utcnow(),
                data={"message": "scale offline: weight entered by hand, supervisor sam"},
            )
        )


def test_review_lists_every_exception_and_release_names_each_blocker(plant) -> None:
    built = build_pumps(plant, 4, check_fails=("SN-000003",))
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    place_hold(qc, "SN-000002", "dropped at the bench")
    _override(plant, "SN-000004")
    review = lot_review(qc, built.lot)
    assert [(u.unit, u.status) for u in review.units] == [
        ("unit SN-000001", "in_process"),
        ("unit SN-000002", "in_process"),
        ("unit SN-000003", "nonconforming"),
        ("unit SN-000004", "in_process"),
    ]
    assert review.units[0].next_step == "6 UDI label"
    failed = [e for e in review.deviations if e.item == "unit SN-000003"]
    assert [(e.kind, e.outcome) for e in failed] == [("check", "fail")]
    assert [o.message for o in review.overrides] == [
        "scale offline: weight entered by hand, supervisor sam"
    ]
    assert [(n.number, n.status, n.item) for n in review.ncrs] == [
        ("NCR-000001", "open", "unit SN-000003")
    ]
    assert [(h.item, h.active) for h in review.holds] == [("unit SN-000002", True)]
    assert review.blockers == (
        "NCR-000001 is open on unit SN-000003",
        "unit SN-000002 is on hold: dropped at the bench",
        "unit SN-000003 is nonconforming",
    )
    assert not review.releasable
    message = refused(
        plant.engine, release_lot, qc, login, built.lot, PASSWORD, "quinn",
        match=f'scan "{built.lot}": lot {built.lot} cannot be released: NCR-000001 is open on '
        "unit SN-000003; unit SN-000002 is on hold: dropped at the bench; unit SN-000003 is "
        "nonconforming",
    )  # fmt: skip
    assert message.count(";") == 2
    disposition_ncr(qc, login, "NCR-000001", "rework", "reseat cable", PASSWORD, 5,
                    username="quinn")  # fmt: skip
    refused(
        plant.engine, release_lot, qc, login, built.lot, PASSWORD,
        match="NCR-000001 is dispositioned \\(rework\\) but not closed on unit SN-000003",
    )  # fmt: skip
    production.record_check(plant.ctx("operator"), "SN-000003", True, event_id=eid())
    close_ncr(qc, "NCR-000001", "functional test passed after rework")
    release_hold(qc, "SN-000002", "inspected: no damage")
    review = lot_review(qc, built.lot)
    assert review.blockers == () and review.releasable
    ncr = review.ncrs[0]
    assert (ncr.status, ncr.disposition) == ("closed", "rework")
    assert ncr.signature is not None and ncr.signature.printed_name == "Quinn Inspector"
    assert [(h.item, h.active) for h in review.holds] == [("unit SN-000002", False)]
    assert any(e.item == "unit SN-000003" for e in review.deviations)  # still shown


def test_release_is_signed_and_releases_the_lot_and_its_units(plant) -> None:
    built = build_pumps(plant, 3)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    scrap = open_ncr(qc, "SN-000002", "housing cracked")
    disposition_ncr(qc, login, scrap.number, "scrap", "cannot repair", PASSWORD, username="quinn")
    close_ncr(qc, scrap.number, "scrapped")
    key = eid()
    result = release_lot(qc, login, built.lot, PASSWORD, event_id=key)
    sig = result.signature
    assert sig.meaning == "Released for distribution" and sig.valid
    assert sig.manifestation().startswith("Quinn Inspector (quinn), ")
    assert sig.manifestation().endswith(": Released for distribution")
    assert result.units_released == 2
    assert result.review.release == sig and result.review.status == "released"
    assert [u.status for u in result.review.units] == ["released", "scrapped", "released"]
    assert status(plant.engine, lot=built.lot, serial=None, kind="production_lot") == "released"
    assert check_signature(qc, sig.id).valid
    before = counts(plant.engine)
    assert release_lot(qc, login, built.lot, PASSWORD, event_id=key) == result  # a retry
    assert counts(plant.engine) == before
    refused(
        plant.engine, release_lot, qc, login, built.lot, PASSWORD,
        match=f"lot {built.lot} is released already \\(Quinn Inspector \\(quinn\\), .*: "
        "Released for distribution\\)",
    )  # fmt: skip


def test_units_still_in_production_block_the_release(plant) -> None:
    wo, lot = open_lot(plant, PUMP, 2)
    commission_serials(plant.ctx("supervisor"), wo, 2)
    qc = plant.ctx("qc_inspector")
    refused(
        plant.engine, release_lot, qc, plant.login("qc_inspector"), lot, PASSWORD, "quinn",
        match='unit SN-000001 has not finished production \\(next: step 1 "Scan housing '
        'serial"\\); unit SN-000002 has not finished',
    )  # fmt: skip
    _, empty = open_lot(plant, PUMP, 2)
    assert lot_review(qc, empty).blockers == (f"lot {empty} has no units to release",)


def test_a_lot_controlled_lot_is_released_as_one(plant) -> None:
    _, unfinished = open_lot(plant, KIT, 10)
    qc = plant.ctx("qc_inspector")
    assert lot_review(qc, unfinished).blockers == (
        f'lot {unfinished} has not finished production (next: step 1 "Scan component lots")',
    )
    kits = build_kits(plant, 10)
    result = release_lot(qc, plant.login("qc_inspector"), kits.lot, PASSWORD, "quinn")
    assert result.units_released == 0 and result.review.units == ()
    assert status(plant.engine, lot=kits.lot, kind="production_lot") == "released"


def test_only_qc_releases_and_only_with_the_right_password(plant) -> None:
    built = build_pumps(plant, 1)
    with pytest.raises(PermissionDenied, match="may not release lots for distribution"):
        release_lot(plant.ctx("supervisor"), plant.login("supervisor"), built.lot, PASSWORD)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    before = counts(plant.engine)
    with pytest.raises(AuthenticationFailed, match="wrong password for the signature"):
        release_lot(qc, login, built.lot, "guess", "quinn")
    with pytest.raises(AuthenticationFailed, match="cannot sign here"):
        release_lot(qc, login, built.lot, PASSWORD, "sam")
    assert counts(plant.engine) == before
    assert status(plant.engine, serial="SN-000001") == "in_process"
    with Session(plant.engine) as s:
        assert s.scalars(select(Nonconformance)).all() == []
        released = select(Item).where(Item.status == "released", Item.product_id.is_not(None))
        assert s.scalars(released).all() == []


def test_a_unit_reworked_after_release_is_released_again(plant) -> None:
    built = released_pumps(plant, 2)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    ncr = open_ncr(qc, "SN-000001", "display flicker found at final audit")
    review = lot_review(qc, built.scan)
    assert review.pending == ("unit SN-000001",) and not review.releasable
    assert review.blockers == (
        f"{ncr.number} is open on unit SN-000001",
        "unit SN-000001 is nonconforming",
    )
    disposition_ncr(qc, login, ncr.number, "rework", "replace display", PASSWORD, 5,
                    username="quinn")  # fmt: skip
    production.record_check(plant.ctx("operator"), "SN-000001", True, event_id=eid())
    close_ncr(qc, ncr.number, "display replaced; functional test passed")
    again = release_lot(qc, login, built.scan, PASSWORD)
    assert again.units_released == 1 and again.review.pending == ()
    assert [u.status for u in again.review.units] == ["released", "released"]
    assert again.signature.meaning == "Released for distribution"
    assert again.review.release == again.signature
