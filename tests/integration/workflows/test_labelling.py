"""Labelling: approved template versions, print jobs for released items only (verified before
print, idempotent by key), verification by scanning back, and what a printer answers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Device, Event, LabelTemplateVersion, PrintJob
from desktop.domain.udi import parse_scan
from desktop.labels import VerifyFailed, VerifyResult
from desktop.services.core.errors import PermissionDenied
from desktop.services.core.printing import PrinterOutcome
from desktop.services.labelling import _jobs as labelling_jobs
from desktop.services.labelling import _templates as labelling_templates
from desktop.services.labelling import (
    approve_template,
    print_labels,
    register_templates,
    verify_label,
)
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    build_pumps,
    counts,
    eid,
    item,
    refused,
    released_kits,
    released_pumps,
)
from tests.support.plant import PASSWORD


def test_templates_are_registered_as_drafts_and_approved_with_a_signature(plant, printer) -> None:
    versions = register_templates(plant.admin)
    assert [(v.name, v.version, v.status) for v in versions] == [
        ("udi-2x1", 1, "draft"),
        ("udi-4x2", 1, "draft"),
        ("udi-cn-4x2", 1, "draft"),
        ("udi-ma-4x2", 1, "draft"),
    ]
    before = counts(plant.engine)
    assert register_templates(plant.admin) == versions and counts(plant.engine) == before
    released_pumps(plant, 1)
    pack = plant.ctx("packaging")
    refused(
        plant.engine, print_labels, pack, printer, "SN-000001", key="k1",
        match="label template udi-4x2 has no approved version, so the label of unit SN-000001 "
        "cannot be printed: ask QC to approve version 1",
    )  # fmt: skip
    with pytest.raises(PermissionDenied, match="may not approve label templates"):
        approve_template(pack, plant.login("packaging"), "udi-4x2", 1, PASSWORD)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    view = approve_template(qc, login, "udi-4x2", 1, PASSWORD, username="quinn")
    assert (view.status, view.approved_by) == ("approved", "quinn")
    assert view.signature is not None and view.signature.meaning == "Label template approved"
    assert view.signature.valid
    refused(
        plant.engine, approve_template, qc, login, "udi-4x2", 1, PASSWORD,
        match="label template udi-4x2 version 1 is approved: only a draft is approved",
    )  # fmt: skip
    refused(
        plant.engine, approve_template, qc, login, "udi-9x9", 1, PASSWORD,
        match='label template "udi-9x9" has no version 1: register the shipped templates',
    )  # fmt: skip
    assert print_labels(pack, printer, "SN-000001", key="k1").template_version == 1


def test_a_changed_template_is_a_new_draft_and_its_approval_retires_the_old(
    plant, monkeypatch
) -> None:
    approve_templates(plant)
    shipped = labelling_templates._shipped
    monkeypatch.setattr(
        labelling_templates,
        "_shipped",
        lambda name: shipped(name) | {"description": f"{name}, revised"},
    )
    versions = register_templates(plant.admin)
    assert [(v.version, v.status) for v in versions] == [(2, "draft")] * 4
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    approve_template(qc, login, "udi-4x2", 2, PASSWORD, username="quinn")
    with Session(plant.engine) as s:
        rows = s.execute(select(LabelTemplateVersion.version, LabelTemplateVersion.status)).all()
    assert sorted(rows) == [
        (1, "approved"),
        (1, "draft"),  # udi-cn-4x2 v1, never approved here
        (1, "draft"),  # udi-ma-4x2 v1, never approved here
        (1, "retired"),
        (2, "approved"),
        (2, "draft"),
        (2, "draft"),
        (2, "draft"),
    ]


def test_only_released_items_are_printed(plant, printer) -> None:
    approve_templates(plant)
    build_pumps(plant, 1)
    refused(
        plant.engine, print_labels, plant.ctx("packaging"), printer, "SN-000001", key="k1",
        match='scan "SN-000001": unit SN-000001 is in production; labels are printed only for '
        "released items: QC releases the lot first",
    )  # fmt: skip
    refused(
        plant.engine, print_labels, plant.ctx("packaging"), printer, "SN-000077", key="k1",
        match='scan "SN-000077" matches no unit or production lot',
    )  # fmt: skip
    assert printer.sent == []


def test_a_print_job_records_udi_template_and_payload_and_never_prints_twice(
    plant, printer
) -> None:
    approve_templates(plant)
    released_pumps(plant, 2)
    pack = plant.ctx("packaging")
    job = print_labels(pack, printer, "SN-000001", key="pack-1:0001")
    unit = item(plant.engine, serial="SN-000001")
    made = unit.production_date
    assert made is not None
    parsed = parse_scan(job.element_string)
    assert parsed.ai_values == {
        "01": "09506000134352",
        "11": made.strftime("%y%m%d"),
        "10": unit.lot,
        "21": "SN-000001",
    }  # no (17): the pump has no shelf life
    assert job.hri[0] == "(01) 09506000134352" and job.status == "printed"
    assert (job.template, job.template_version, job.lot) == ("udi-4x2", 1, unit.lot)
    assert printer.keys == ["pack-1:0001"]
    assert printer.sent[0][1].startswith(b"^XA") and b"udi-4x2 v1" in printer.sent[0][1]
    with Session(plant.engine) as s:
        row = s.scalars(select(PrintJob)).one()
        device = s.get(Device, row.printer_device_id)
    assert row.payload.encode() == printer.sent[0][1] and row.element_string == job.element_string
    assert device is not None and device.name == "pack-1 printer"
    before = counts(plant.engine)
    again = print_labels(pack, printer, "SN-000001", key="pack-1:0001")
    assert again.id == job.id and again.repeated and printer.keys == ["pack-1:0001"]
    assert counts(plant.engine) == before
    refused(
        plant.engine, print_labels, pack, printer, "SN-000001", key="pack-1:0002",
        match=r'scan "SN-000001": unit SN-000001 gets one label \(job pack-1:0001, printed\); '
        "another label is a reprint",
    )  # fmt: skip
    refused(
        plant.engine, print_labels, pack, printer, "SN-000002", 2, key="pack-1:0003",
        match="unit SN-000002 gets one label; another label is a reprint",
    )  # fmt: skip


def test_kit_labels_carry_the_expiry_and_the_label_step_passes_when_all_are_verified(
    plant, printer
) -> None:
    approve_templates(plant)
    kits = released_kits(plant, 3)
    pack = plant.ctx("packaging")
    job = print_labels(pack, printer, kits.lot, 3, key="kits-1")
    assert job.copies == ("kits-1", "kits-1/2", "kits-1/3") and len(printer.sent) == 3
    lot = item(plant.engine, lot=kits.lot, kind="production_lot")
    assert lot.production_date is not None
    expiry = lot.production_date + timedelta(days=730)
    assert parse_scan(job.element_string).get("17") == expiry.strftime("%y%m%d")
    refused(
        plant.engine, print_labels, pack, printer, kits.lot, 1, key="kits-2",
        match=f"lot {kits.lot} has 3 kits and 3 labels already: 1 more would be too many",
    )  # fmt: skip
    passed = [verify_label(pack, k, job.element_string, event_id=eid()) for k in job.copies]
    assert [r.step_passed for r in passed] == [False, False, True]
    assert item(plant.engine, lot=kits.lot, kind="production_lot").current_step == 4


def test_scanning_back_verifies_or_voids_the_label(plant, printer) -> None:
    approve_templates(plant)
    released_pumps(plant, 2)
    pack = plant.ctx("packaging")
    one = print_labels(pack, printer, "SN-000001", key="k1")
    two = print_labels(pack, printer, "SN-000002", key="k2")
    key = eid()
    ok = verify_label(pack, "k1", "]d2" + one.element_string, event_id=key)
    assert ok.ok and ok.status == "verified" and ok.step_passed and ok.reason == ""
    assert item(plant.engine, serial="SN-000001").current_step == 6
    before = counts(plant.engine)
    assert verify_label(pack, "k1", "anything", event_id=key) == ok  # a retry
    assert counts(plant.engine) == before
    refused(
        plant.engine, verify_label, pack, "k1", one.element_string, event_id=eid(),
        match="label job k1 was verified already",
    )  # fmt: skip
    refused(
        plant.engine, verify_label, pack, "SN-000002", "(01)09506000134352", event_id=eid(),
        match=r'scan "\(01\)09506000134352" holds only part of the label\'s UDI: scan the '
        "DataMatrix",
    )  # fmt: skip
    bad = verify_label(pack, "SN-000002", one.element_string, event_id=eid())
    assert not bad.ok and bad.status == "voided" and not bad.step_passed
    assert bad.reason.startswith('scan-back "0109506000134352')
    assert "SN-000001" in bad.reason and "does not match the printed UDI" in bad.reason
    assert "SN-000002" in bad.reason
    with Session(plant.engine) as s:
        voided = s.scalars(select(PrintJob).where(PrintJob.idempotency_key == "k2")).one()
        event = s.get(Event, bad.event_id)
    assert voided.status == "voided" and voided.void_reason == bad.reason
    assert event is not None and event.outcome == "mismatch"
    assert item(plant.engine, serial="SN-000002").current_step == 5
    refused(
        plant.engine, verify_label, pack, "k2", two.element_string, event_id=eid(),
        match="label job k2 was voided \\(scan-back",
    )  # fmt: skip


def test_what_the_printer_answers_is_recorded(plant, printer) -> None:
    approve_templates(plant)
    released_pumps(plant, 2)
    pack = plant.ctx("packaging")
    printer.next_outcomes = [PrinterOutcome.held("out of paper")]
    held = print_labels(pack, printer, "SN-000001", key="k1")
    assert held.status == "held" and "out of paper" in held.message
    assert print_labels(pack, printer, "SN-000001", key="k1").repeated  # held: not sent again
    assert printer.keys == ["k1"]
    assert verify_label(pack, "k1", held.element_string, event_id=eid()).ok
    printer.next_outcomes = [PrinterOutcome.failed("connection refused")]
    failed = print_labels(pack, printer, "SN-000002", key="k2")
    assert failed.status == "failed" and "connection refused" in failed.message
    retried = print_labels(pack, printer, "SN-000002", key="k2")
    assert retried.status == "printed" and not retried.repeated
    assert printer.keys == ["k1", "k2", "k2"]


def test_a_label_that_does_not_read_back_is_never_printed(plant, printer, monkeypatch) -> None:
    approve_templates(plant)
    released_pumps(plant, 1)

    def unreadable(*args: object, **kw: object) -> bytes:
        raise VerifyFailed(VerifyResult(False, ("no DataMatrix could be read",), ()))

    monkeypatch.setattr(labelling_jobs, "render_verified", unreadable)
    refused(
        plant.engine, print_labels, plant.ctx("packaging"), printer, "SN-000001", key="k1",
        match=r'the label "\(01\)09506000134352.*" did not read back as its UDI, so it was not '
        r"printed \(no DataMatrix could be read\)",
    )  # fmt: skip
    assert printer.sent == []
    with Session(plant.engine) as s:
        assert s.scalar(select(func.count(PrintJob.id))) == 0
