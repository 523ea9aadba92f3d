"""Reprints (a reason and a supervisor's signature "Reprint approved") and reconciliation per
lot (issued = applied + destroyed + returned); both shown in the lot review."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import PrintJob
from desktop.services.core.errors import AuthenticationFailed
from desktop.services.core.printing import PrinterOutcome
from desktop.services.identity import check_signature
from desktop.services.labelling import print_labels, reconcile, reprint_label, verify_label
from desktop.services.quality import lot_review
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    counts,
    eid,
    item,
    refused,
    released_pumps,
)
from tests.support.plant import PASSWORD


def _voided_label(plant, printer):  # type: ignore[no-untyped-def]
    """SN-000001's label, voided by a wrong scan-back."""
    pack = plant.ctx("packaging")
    job = print_labels(pack, printer, "SN-000001", key="k1")
    assert not verify_label(pack, "k1", "(01)09506000134352(21)SN-999999", event_id=eid()).ok
    return job


def test_a_reprint_needs_a_reason_and_a_supervisor_signature(plant, printer) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 2)
    first = _voided_label(plant, printer)
    pack, sam = plant.ctx("packaging"), plant.login("supervisor")
    refused(
        plant.engine, reprint_label, pack, sam, "k1", " ", PASSWORD, "sam", printer=printer,
        match="a reprint of label job k1 needs a reason",
    )  # fmt: skip
    refused(
        plant.engine, reprint_label, pack, plant.login("packaging"), "k1", "smudged", PASSWORD,
        "pat", printer=printer,
        match=r'pat \(packer\) may not sign "Reprint approved"\. Roles that may: supervisor',
    )  # fmt: skip
    refused(
        plant.engine, reprint_label, pack, sam, "nope", "smudged", PASSWORD, printer=printer,
        match='there is no print job "nope"',
    )  # fmt: skip
    before = counts(plant.engine)
    with pytest.raises(AuthenticationFailed, match="wrong password for the signature"):
        reprint_label(pack, sam, "k1", "smudged", "guess", "sam", printer=printer)
    assert counts(plant.engine) == before and printer.keys == ["k1"]
    again = reprint_label(pack, sam, "k1", "scanner read a damaged label", PASSWORD, "sam",
                          printer=printer)  # fmt: skip
    assert again.key == "k1-R1" and again.reprint_of == "k1" and again.status == "printed"
    assert again.element_string == first.element_string
    assert again.reason == "scanner read a damaged label"
    sig = again.signature
    assert sig is not None and sig.meaning == "Reprint approved"
    assert sig.manifestation().startswith("Sam Supervisor (sam), ")
    assert printer.keys == ["k1", "k1-R1"]
    result = verify_label(pack, "k1-R1", first.element_string, event_id=eid())
    assert result.ok and result.step_passed
    assert check_signature(pack, sig.id).valid  # verifying the job did not break the signature
    review = lot_review(plant.ctx("qc_inspector"), built.lot)
    assert [(r.key, r.reprint_of, r.reason) for r in review.reprints] == [
        ("k1-R1", "k1", "scanner read a damaged label")
    ]
    assert [(v.key, v.item) for v in review.voided] == [("k1", "unit SN-000001")]
    assert review.voided[0].reason is not None and "does not match" in review.voided[0].reason
    assert [d.kind for d in review.deviations] == ["label_verify"]


def test_a_reprint_voids_the_label_it_replaces(plant, printer) -> None:
    approve_templates(plant)
    released_pumps(plant, 1)
    pack = plant.ctx("packaging")
    print_labels(pack, printer, "SN-000001", key="k1")
    view = reprint_label(pack, plant.login("supervisor"), "k1", "label torn off while peeling",
                         PASSWORD, "sam", printer=printer, key="k1-again")  # fmt: skip
    assert view.key == "k1-again"
    with Session(plant.engine) as s:
        old = s.scalars(select(PrintJob).where(PrintJob.idempotency_key == "k1")).one()
    assert old.status == "voided"
    assert old.void_reason == "replaced by reprint k1-again: label torn off while peeling"
    before = counts(plant.engine)
    same = reprint_label(pack, plant.login("supervisor"), "k1", "torn", PASSWORD, "sam",
                         printer=printer, key="k1-again")  # fmt: skip
    assert same.id == view.id and same.repeated and counts(plant.engine) == before


def test_reprints_are_refused_for_labels_never_printed_and_items_not_released(
    plant, printer
) -> None:
    approve_templates(plant)
    released_pumps(plant, 1)
    pack = plant.ctx("packaging")
    printer.next_outcomes = [PrinterOutcome.failed("no answer")]
    print_labels(pack, printer, "SN-000001", key="k1")
    refused(
        plant.engine, reprint_label, pack, plant.login("supervisor"), "k1", "x", PASSWORD,
        "sam", printer=printer,
        match=r"label job k1 was never printed \(failed\): retry the print with its key",
    )  # fmt: skip


def test_reconciliation_counts_every_issued_label(plant, printer) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 3)
    pack = plant.ctx("packaging")
    _voided_label(plant, printer)
    reprint_label(pack, plant.login("supervisor"), "k1", "wrong scan", PASSWORD, "sam",
                  printer=printer)  # fmt: skip
    print_labels(pack, printer, "SN-000002", key="k2")
    printer.next_outcomes = [PrinterOutcome.failed("cable unplugged")]
    print_labels(pack, printer, "SN-000003", key="k3")  # never issued: not counted
    refused(
        plant.engine, reconcile, pack, built.lot, 2, 0, 0,
        match=f"lot {built.lot}: 3 labels issued, but 2 applied \\+ 0 destroyed \\+ 0 returned "
        "= 2: 1 label\\(s\\) unaccounted for; count again",
    )  # fmt: skip
    refused(
        plant.engine, reconcile, pack, built.lot, 2, 1, 1,
        match="= 4: 1 label\\(s\\) too many counted",
    )  # fmt: skip
    refused(
        plant.engine, reconcile, pack, built.lot, -1, 4, 0,
        match="label counts cannot be negative",
    )  # fmt: skip
    done = reconcile(pack, built.lot, 2, 1, 0)
    assert (done.issued, done.applied, done.destroyed, done.returned) == (3, 2, 1, 0)
    assert (done.verified, done.voided, done.reprints) == (0, 1, 1)
    assert item(plant.engine, serial="SN-000003").current_step == 5
    refused(
        plant.engine, reconcile, plant.ctx("operator"), built.lot, 2, 1, 0,
        match=r"olga \(line operator\) may not reconcile labels",
    )  # fmt: skip
