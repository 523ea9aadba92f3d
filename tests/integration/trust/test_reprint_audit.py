"""A reprint a supervisor signs at the packer's station: the audit trail names the supervisor
for the signature and on the queued job, and the packer as the one who asked."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry
from desktop.services.labelling import print_labels, reprint_label, verify_label
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.qcpack_support import approve_templates, eid, released_pumps
from tests.support.plant import PASSWORD


def test_the_audit_entry_of_a_signed_reprint_names_the_signer(plant) -> None:
    printer = FakePrinter()
    approve_templates(plant)
    released_pumps(plant, 1)
    pack, sam = plant.ctx("packaging"), plant.login("supervisor")
    print_labels(pack, printer, "SN-000001", key="k1")
    assert not verify_label(pack, "k1", "(01)09506000134352(21)SN-999999", event_id=eid()).ok
    reprint_label(pack, sam, "k1", "smudged label", PASSWORD, "sam", printer=printer)
    with Session(plant.engine) as s:
        signed = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "signature.sign", AuditEntry.entity == "print_jobs"
            )
        ).one()
        queued = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "print_job.queue")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert signed.username == "sam" and signed.user_id == sam.actor.user_id
    assert queued is not None and queued.username == "pat"
    new = json.loads(queued.new_value or "{}")
    assert new["approved_by"] == "Sam Supervisor (sam)" and new["reprint"] is True
    assert queued.reason == "smudged label"
