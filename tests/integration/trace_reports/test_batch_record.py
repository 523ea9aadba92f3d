"""The batch record (device history record): every section REFERENCE 4.2 asks for, with the
right values, and the receiving, shipping and service history around them; rendered to PDF
(read back with pdftotext, rasterised with pdftoppm), CSV, JSON."""

from __future__ import annotations

import csv
import json
import subprocess
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from db import audit
from desktop.domain.distribution import ServiceKind
from desktop.domain.events import EventKind
from desktop.reports.record_files import write_csv, write_json
from desktop.reports.record_model import BatchRecord
from desktop.reports.record_pdf import render_pdf
from desktop.services.core.errors import PermissionDenied, Refusal
from desktop.services.distribution import (
    record_delivery,
    record_service_event,
    replace_part,
    ship,
)
from desktop.services.documents import build_record
from tests.integration.trace_reports.scenario import (
    PUMP,
    SCALE_SERIAL,
    ZONE,
    pump_lot,
    receive_board_lot,
    release_and_label,
    zones,
)


@pytest.fixture
def demo(plant, printer, tmp_path):  # type: ignore[no-untyped-def]
    """The demo pump lot: 3 units, unit 2 heavy -> NCR -> rework; released; labelled, with the
    first label voided at scan-back and reprinted."""
    zones(plant, tmp_path / "zones")
    receive_board_lot(plant, "CW-24-0917")
    built = pump_lot(plant, 3, "CW-24-0917", heavy=(2,), wo="WO-2411-007")
    release_and_label(plant, printer, built, void_first=True)
    return built


def _steps(record: BatchRecord, kind: str) -> list:  # type: ignore[type-arg]
    return [s for s in record.steps if s.kind == kind]


def test_lot_record_has_every_section_with_the_right_values(plant, demo) -> None:
    record = build_record(plant.ctx("qc_inspector"), demo.lot)
    ident, q = record.identification, record.quantities
    assert (ident.lot, ident.serial, ident.gtin, ident.issuing_agency) == (
        demo.lot,
        None,
        PUMP,
        "GS1",
    )
    assert (ident.route, ident.route_version, ident.work_order) == ("PUMP-ASSY", 1, "WO-2411-007")
    assert ident.label_templates == ("udi-4x2 v1",)
    assert (q.ordered, q.started, q.manufactured, q.scrapped, q.released) == (3, 3, 3, 0, 3)
    assert q.first_event is not None and q.last_event is not None and q.zone == ZONE
    assert [u.serial for u in record.units] == list(demo.serials)
    weighs = _steps(record, "weigh")
    assert [w.value for w in weighs] == ["2399.7", "2431.5", "2401.2", "2399.9"]
    bad = weighs[1]
    assert (bad.outcome, bad.unit, bad.stable, bad.device) == ("fail", "g", True, "line-1 scale")
    assert bad.device_serial == SCALE_SERIAL and bad.raw_frame == "S S     2431.5 g\\r\\n"
    assert (bad.station, bad.zone, bad.printed_name) == ("line-1", ZONE, "Olga Operator")
    assert bad.limits and bad.step == "4 Weigh assembled pump"
    weights = [i for i in record.inspections if i.characteristic == "Assembled weight"]
    assert [(i.value, i.passed) for i in weights][1] == (Decimal("2431.5"), False)
    assert (weights[1].lower, weights[1].upper) == (Decimal("2380"), Decimal("2420"))
    [ncr] = record.nonconformances
    assert (ncr.number, ncr.disposition, ncr.status) == (demo.ncr, "rework", "closed")
    assert ncr.signature is not None and ncr.signature.valid
    assert ncr.signature.meaning == "Disposition approved"
    c = record.label_counts
    assert (c.issued, c.originals, c.reprints, c.voided, c.verified) == (4, 3, 1, 1, 3)
    reprint = next(lab for lab in record.labels if lab.reprint_of)
    assert reprint.approval is not None and reprint.approval.meaning == "Reprint approved"
    assert all("(01)09506000134352" in lab.hri[0] or lab.hri for lab in record.labels)
    assert {lab.template for lab in record.labels} == {"udi-4x2"}
    parts = sorted((x.part_number, x.supplier_lot) for x in record.components)
    assert parts[:3] == [("BOARD-IP300", "CW-24-0917")] * 3
    assert {x.supplier for x in record.components} == {"Circuit Works", "-"}
    assert record.release is not None and record.release.valid
    assert record.release.meaning == "Released for distribution"
    actions = {a.action for a in record.audit}
    assert {"ncr.open", "ncr.disposition", "signature.sign", "print_job.voided"} <= actions
    assert (
        record.audit_chain.ok and record.audit_chain.checked == audit.verify(plant.engine).checked
    )
    assert record.generated.username == "quinn"


def test_serial_record_covers_that_unit(plant, demo) -> None:
    serial = demo.serials[1]
    record = build_record(plant.ctx("supervisor"), serial)
    assert record.identification.serial == serial
    assert (record.quantities.started, record.quantities.released) == (1, 1)
    assert {s.item for s in record.steps} <= {f"unit {serial}", f"lot {demo.lot}"}
    assert len(record.nonconformances) == 1 and len(record.labels) == 1
    assert len([x for x in record.components if x.part_number == "BOARD-IP300"]) == 1


def test_refusals(plant, demo) -> None:
    with pytest.raises(Refusal, match="is a component"):
        build_record(plant.ctx("qc_inspector"), demo.housings[0])
    with pytest.raises(Refusal, match="matches no production lot or serial"):
        build_record(plant.ctx("qc_inspector"), "NO-SUCH-LOT")
    with pytest.raises(PermissionDenied, match="export batch records"):
        build_record(plant.ctx("operator"), demo.lot)


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode()


def test_pdf_is_readable_rasterises_and_names_pages(plant, demo, tmp_path) -> None:
    record = build_record(plant.ctx("qc_inspector"), demo.lot)
    pdf = render_pdf(record, tmp_path / "record.pdf")
    text = _text(pdf)
    pages = text.count("\f")
    assert pages >= 3
    assert f"page 1 of {pages}" in text and f"page {pages} of {pages}" in text
    for expected in (
        "Batch record (device history record)",
        demo.lot,
        *demo.serials,
        "09506000134352",
        "PUMP-ASSY version 1",
        "Europe/Berlin (UTC+0",
        "2431.5 g",
        SCALE_SERIAL,
        demo.ncr,
        "Disposition approved",
        "Reprint approved",
        "Released for distribution",
        "CW-24-0917",
        "Circuit Works",
        "the audit chain verifies",
        "Quinn",
    ):
        assert expected in text, expected
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    png = next(tmp_path.glob("p*.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_csv_and_json_hold_the_same_numbers(plant, demo, tmp_path) -> None:
    record = build_record(plant.ctx("qc_inspector"), demo.lot)
    data = json.loads(write_json(record, tmp_path / "r.json").read_text("utf-8"))
    write_csv(record, tmp_path / "csv")
    with (tmp_path / "csv" / "summary.csv").open(encoding="utf-8") as f:
        summary = {(r["section"], r["field"]): r["value"] for r in csv.DictReader(f)}
    q = record.quantities
    for name in ("ordered", "started", "manufactured", "scrapped", "released"):
        assert data["quantities"][name] == getattr(q, name)
        assert int(summary[("quantities", name)]) == getattr(q, name)
    assert summary[("identification", "gtin")] == data["identification"]["gtin"] == PUMP
    with (tmp_path / "csv" / "steps.csv").open(encoding="utf-8") as f:
        steps = list(csv.DictReader(f))
    assert len(steps) == len(data["steps"]) == len(record.steps)
    weighs = [(r["value"], r["stable"], r["raw_frame"]) for r in steps if r["kind"] == "weigh"]
    from_json = [
        (s["value"], s["stable"], s["raw_frame"]) for s in data["steps"] if s["kind"] == "weigh"
    ]
    assert [(v, f) for v, _, f in weighs] == [(v, f) for v, _, f in from_json]
    assert all(r["station_time_local"].endswith(")") for r in steps)
    with (tmp_path / "csv" / "inspections.csv").open(encoding="utf-8") as f:
        values = [Decimal(r["value"]) for r in csv.DictReader(f)]
    assert values == [Decimal(i["value"]) for i in data["inspections"]]
    assert data["release"]["meaning"] == summary[("release", "meaning")]
    assert data["audit_chain"]["ok"] is True and summary[("audit_chain", "ok")] == "yes"
    assert len(data["audit"]) == len(record.audit)


def test_a_repaired_units_record_has_its_receiving_shipping_and_service(
    plant, demo, tmp_path
) -> None:
    """A pump shipped loose to St Mary's (proof of delivery), installed, returned under an RMA
    and repaired with a board of another lot: its record lists both board lots' receipts,
    inspections and signed releases, the shipment and the after-sale events; another pump's
    record holds none of that."""
    pack, sam = plant.ctx("packaging"), plant.ctx("supervisor")
    serial, other = demo.serials[0], demo.serials[2]
    shipment = ship(pack, "CUST-STMARY", "9506000000015", [serial])
    record_delivery(pack, shipment.number, "Nora Nurse", datetime.now(UTC))
    record_service_event(sam, serial, "installation", "9506000000015", "ward 3, bed 12")
    record_service_event(sam, serial, "return", None, "RMA-0042: display stays dark")
    receive_board_lot(plant, "CW-24-0950", 5)
    replace_part(sam, serial, "CW-24-0917", "CW-24-0950", "display dead: board replaced")
    record = build_record(plant.ctx("qc_inspector"), serial)

    steps = (EventKind.RECEIVE, EventKind.INCOMING_INSPECTION, EventKind.MATERIAL_RELEASE)
    boards = [(r.component, r.kind) for r in record.receiving if r.part_number == "BOARD-IP300"]
    assert boards == [(f"lot {lot}", k) for lot in ("CW-24-0917", "CW-24-0950") for k in steps]
    received = next(r for r in record.receiving if r.kind == EventKind.RECEIVE)
    assert (received.username, received.station, received.zone) == ("pat", "pack-1", ZONE)
    assert received.supplier == "Circuit Works (SUP-BOARDS)" and received.details == "10 ea"
    assert received.consumed_into == f"unit {serial}"
    released = [r for r in record.receiving if r.kind == EventKind.MATERIAL_RELEASE]
    for line in released:
        assert line.signature is not None and line.signature.valid
        assert (line.signature.printed_name, line.signature.meaning) == (
            "Quinn Inspector",
            "Material released for use",
        )
    [shipped] = record.shipping
    assert (shipped.kind, shipped.item, shipped.shipment) == (
        EventKind.SHIPMENT,
        f"unit {serial}",
        shipment.number,
    )
    assert shipped.customer == "St Mary's Hospital (CUST-STMARY)"
    assert shipped.site == "St Mary's Central Pharmacy (GLN 9506000000015)"
    assert (shipped.delivered_to, shipped.username) == ("Nora Nurse", "pat")
    assert [(s.kind, s.removed, s.fitted, s.username) for s in record.service] == [
        (ServiceKind.INSTALLATION, None, None, "sam"),
        (ServiceKind.RETURN, None, None, "sam"),
        (ServiceKind.REPAIR, "lot CW-24-0917", "lot CW-24-0950", "sam"),
    ]
    assert record.service[0].site == shipped.site
    assert record.service[1].notes == "RMA-0042: display stays dark"

    untouched = build_record(plant.ctx("qc_inspector"), other)
    assert untouched.shipping == () and untouched.service == ()
    assert {r.component for r in untouched.receiving} == {"lot CW-24-0917"}

    text = " ".join(_text(render_pdf(record, tmp_path / "repaired.pdf")).split())
    for expected in (
        "8. Receiving of the components",
        "Material released for use",
        "10. Packing and shipping",
        f"shipment {shipment.number} (delivery note {shipment.number})",
        "signed by Nora Nurse",
        "11. Service, repair, return and disposal after release",
        "removed: lot CW-24-0917",
        "fitted: lot CW-24-0950",
    ):
        assert expected in text, expected
    write_csv(record, tmp_path / "csv")
    for name, rows in (("receiving", 6), ("shipping", 1), ("service", 3)):
        with (tmp_path / "csv" / f"{name}.csv").open(encoding="utf-8") as f:
            assert len(list(csv.DictReader(f))) == rows, name
    with (tmp_path / "csv" / "service.csv").open(encoding="utf-8") as f:
        repair = list(csv.DictReader(f))[2]
    assert (repair["kind"], repair["removed"], repair["fitted"]) == (
        "repair",
        "lot CW-24-0917",
        "lot CW-24-0950",
    )
