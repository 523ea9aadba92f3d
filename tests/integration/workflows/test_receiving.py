"""Receiving: supplier lots into quarantine with their certificate, incoming inspection, and
release (signed "Material released for use") or rejection."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, Event
from desktop.services import production
from desktop.services.core.errors import AuthenticationFailed, PermissionDenied
from desktop.services.holds import place_hold
from desktop.services.identity import check_signature
from desktop.services.receiving import (
    inspect_material,
    receive_material,
    reject_material,
    release_material,
)
from tests.integration.workflows.qcpack_support import (
    KIT,
    counts,
    eid,
    open_lot,
    refused,
    status,
)
from tests.support.plant import PASSWORD


@pytest.fixture
def certificate(tmp_path: Path) -> Path:
    path = tmp_path / "CoC-BRD-7781.pdf"
    path.write_bytes(b"%PDF-1.4 certificate of conformance, lot BRD-7781\n")
    return path


def _receive(plant, certificate: Path, lot: str = "BRD-7781", **kw):  # type: ignore[no-untyped-def]
    return receive_material(
        plant.ctx("packaging"),
        "BOARD-IP300",
        "SUP-BOARDS",
        lot,
        250,
        expiry=date.today() + timedelta(days=365),
        certificate=certificate,
        **kw,
    )


def test_a_received_lot_waits_in_quarantine_with_its_certificate_hash(plant, certificate) -> None:
    key = eid()
    lot = _receive(plant, certificate, event_id=key)
    assert lot.status == "quarantine" and lot.supplier_lot == "BRD-7781"
    assert lot.quantity == 250 and lot.part_number == "BOARD-IP300"
    digest = hashlib.sha256(certificate.read_bytes()).hexdigest()
    assert lot.certificate_sha256 == digest
    assert lot.certificate_path == str(certificate.resolve())
    with Session(plant.engine) as s:
        event = s.get(Event, key)
    assert event is not None and event.kind == "receive"
    assert event.data["certificate"]["sha256"] == digest
    assert event.data["certificate"]["path"] == str(certificate.resolve())
    before = counts(plant.engine)
    again = _receive(plant, certificate, event_id=key)  # the station retried
    assert again.id == lot.id and counts(plant.engine) == before


def test_bad_deliveries_are_refused_and_write_nothing(plant, certificate, tmp_path) -> None:
    ctx = plant.ctx("packaging")
    good = {"expiry": date.today() + timedelta(days=30), "certificate": certificate}
    refused(
        plant.engine, receive_material, ctx, "BORD-IP300", "SUP-BOARDS", "B1", 5,
        match='part "BORD-IP300" is not in the master data', **good,
    )  # fmt: skip
    refused(
        plant.engine, receive_material, ctx, "BOARD-IP300", "SUP-NOBODY", "B1", 5,
        match='supplier "SUP-NOBODY" is not in the master data', **good,
    )  # fmt: skip
    refused(
        plant.engine, receive_material, ctx, "BOARD-IP300", "SUP-BOARDS", "B1", 0,
        match="quantity 0 must be more than zero", **good,
    )  # fmt: skip
    refused(
        plant.engine, receive_material, ctx, "BOARD-IP300", "SUP-BOARDS", "B1", "12x",
        match='quantity "12x" is not a number', **good,
    )  # fmt: skip
    refused(
        plant.engine, receive_material, ctx, "BOARD-IP300", "SUP-BOARDS", "B1", 5,
        expiry=date.today() - timedelta(days=1), certificate=certificate,
        match="lot B1 of BOARD-IP300 expired on .*: expired material is not received",
    )  # fmt: skip
    missing = tmp_path / "no-such-CoC.pdf"
    refused(
        plant.engine, receive_material, ctx, "BOARD-IP300", "SUP-BOARDS", "B1", 5,
        expiry=None, certificate=missing,
        match=r'certificate ".*no-such-CoC.pdf" cannot be read',
    )  # fmt: skip
    _receive(plant, certificate, lot="B1")
    refused(
        plant.engine, receive_material, ctx, "BOARD-IP300", "SUP-BOARDS", "B1", 5,
        match="lot B1 of BOARD-IP300 from SUP-BOARDS was received already", **good,
    )  # fmt: skip


def test_inspect_then_release_signed_material_released_for_use(plant, certificate) -> None:
    _receive(plant, certificate)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    refused(
        plant.engine, release_material, qc, login, "BRD-7781", PASSWORD, username="quinn",
        match='scan "BRD-7781": lot BRD-7781 has no incoming inspection: inspect it',
    )  # fmt: skip
    refused(
        plant.engine, inspect_material, qc, "BRD-7781", False, "",
        match='scan "BRD-7781": a failed incoming inspection needs notes',
    )  # fmt: skip
    inspection = inspect_material(qc, "BRD-7781", True, "visual and dimensions OK")
    assert inspection.accepted and inspection.inspected_by == "quinn"
    decision = release_material(qc, login, "BRD-7781", PASSWORD, username="quinn")
    assert decision.decision == "released" and decision.lot.status == "released"
    sig = decision.signature
    assert sig is not None and sig.meaning == "Material released for use"
    assert sig.printed_name == "Quinn Inspector" and sig.valid
    assert "Quinn Inspector (quinn)" in sig.manifestation()
    assert check_signature(qc, sig.id).valid  # status is not part of the signed record
    refused(
        plant.engine, release_material, qc, login, "BRD-7781", PASSWORD,
        match='scan "BRD-7781": lot BRD-7781 is released, not in quarantine',
    )  # fmt: skip


def test_a_failed_inspection_blocks_release_until_rejected(plant, certificate) -> None:
    _receive(plant, certificate)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    inspect_material(qc, "BRD-7781", False, "solder bridges on 3 of 20 boards")
    refused(
        plant.engine, release_material, qc, login, "BRD-7781", PASSWORD, username="quinn",
        match=r"last incoming inspection of lot BRD-7781 failed \(solder bridges",
    )  # fmt: skip
    refused(
        plant.engine, reject_material, qc, "BRD-7781", "  ",
        match='scan "BRD-7781": rejecting a lot needs a reason',
    )  # fmt: skip
    decision = reject_material(qc, "BRD-7781", "solder bridges: returned to supplier")
    assert decision.decision == "rejected" and status(plant.engine, supplier_lot="BRD-7781") == (
        "rejected"
    )
    refused(
        plant.engine, inspect_material, qc, "BRD-7781", True, "",
        match="lot BRD-7781 is rejected, not in quarantine",
    )  # fmt: skip


def test_a_held_lot_is_not_released(plant, certificate) -> None:
    _receive(plant, certificate)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    inspect_material(qc, "BRD-7781", True)
    place_hold(qc, "BRD-7781", "supplier recall notice SR-12")
    refused(
        plant.engine, release_material, qc, login, "BRD-7781", PASSWORD, username="quinn",
        match="lot BRD-7781 is on hold since .*: supplier recall notice SR-12: releasing the "
        "material is not allowed",
    )  # fmt: skip


def test_wrong_password_and_wrong_role(plant, certificate) -> None:
    _receive(plant, certificate)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    inspect_material(qc, "BRD-7781", True)
    before = counts(plant.engine)
    with pytest.raises(AuthenticationFailed, match="wrong password for the signature"):
        release_material(qc, login, "BRD-7781", "not-my-password", username="quinn")
    assert counts(plant.engine) == before
    assert status(plant.engine, supplier_lot="BRD-7781") == "quarantine"
    with Session(plant.engine) as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert last.action == "auth.failure"
    pack = plant.ctx("packaging")
    with pytest.raises(PermissionDenied, match="may not release or reject material lots"):
        release_material(pack, plant.login("packaging"), "BRD-7781", PASSWORD)


def test_quarantined_and_rejected_material_is_not_consumed(plant, certificate) -> None:
    _, lot = open_lot(plant, KIT, 5)
    receive_material(plant.ctx("packaging"), "TRAY-CK10", "SUP-MED", "TR-Q", 50)
    op = plant.ctx("operator")
    refused(
        plant.engine, production.consume_component, op, lot, "TR-Q", event_id=eid(),
        match="TR-Q.*quarantine",
    )  # fmt: skip
    reject_material(plant.ctx("qc_inspector"), "TR-Q", "torn pouches")
    refused(
        plant.engine, production.consume_component, op, lot, "TR-Q", event_id=eid(),
        match="TR-Q.*rejected",
    )  # fmt: skip


def test_serialised_parts_are_received_and_released_with_their_delivery(plant) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from db.models import Item
    from desktop.services.receiving import inspect_material, receive_material, release_material

    packer = plant.ctx("packaging")
    serials = ["HS-9001", "HS-9002", "HS-9003"]
    lot = receive_material(packer, "HOUSING-IP300", "SUP-ACME", "DEL-77", 3, serials=serials)
    with Session(plant.engine) as s:
        pieces = s.scalars(select(Item).where(Item.serial.in_(serials))).all()
    assert {p.status for p in pieces} == {"quarantine"}
    qc = plant.login("qc_inspector")
    qctx = plant.admin.as_actor(qc.actor)
    inspect_material(qctx, "DEL-77", True, "visual OK")
    release_material(qctx, qc, "DEL-77", "demo-password", username="quinn")
    with Session(plant.engine) as s:
        pieces = s.scalars(select(Item).where(Item.serial.in_(serials))).all()
    assert {p.status for p in pieces} == {"released"}
    assert lot.quantity == 3


def test_a_serialised_part_needs_one_serial_per_piece(plant) -> None:
    import pytest

    from desktop.services.core.errors import Refusal
    from desktop.services.receiving import receive_material

    with pytest.raises(Refusal, match="give one serial number for each of the 3 pieces"):
        receive_material(
            plant.ctx("packaging"), "HOUSING-IP300", "SUP-ACME", "DEL-78", 3, serials=["HS-1"]
        )
