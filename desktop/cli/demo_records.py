"""After the shift: a component lot turns out bad (trace forward and a recall), the batch record
of the pump lot, the label files (ZPL as printed, PDF) and the audit trail's check."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit, trace
from db.models import Item, LabelTemplate, LabelTemplateVersion, PrintJob, Product
from desktop.cli.demo_devices import DemoFailed
from desktop.cli.demo_shift import Shift, eid, lot_barcode
from desktop.domain.states import ItemKind
from desktop.domain.udi import ComposedCode, ComposedMA, compose, parse_scan
from desktop.labels import render_pdf
from desktop.labels.templates import template_from_dict
from desktop.reports import record_pdf
from desktop.services import recall
from desktop.services.documents import build_record

RECALL_REASON = (
    "supplier notice from Circuit Works: boards of lot {lot} may have cracked solder joints at "
    "the motor driver; a pump built with one may stop delivering"
)


def find_bad_lot(shift: Shift) -> None:
    """The supplier reports the second control-board lot bad: trace it forward (db.trace) and
    open a recall on it (its scope: every unit built with it, and where each went)."""
    lot, tally = shift.plan.bad_board, shift.tally
    with Session(shift.engine) as session:
        roots = [
            i
            for i in trace.find_items(session, supplier_lot=lot)
            if i.kind == ItemKind.MATERIAL_LOT
        ]
        if len(roots) != 1:
            raise DemoFailed(f"control-board lot {lot} is {len(roots)} items in the database")
        nodes = trace.forward(session, roots[0].id)
        tally.traced_units = sorted(n.serial for n in nodes if n.kind == ItemKind.UNIT and n.serial)
        reach = trace.forward_shipments(session, roots[0].id)
        tally.traced_customers = sorted({r.customer_code for r in reach})
    tally.bad_lot = f"control-board lot {lot} (BOARD-IP300, Circuit Works)"
    sam = shift.crew.supervisor
    scanned = shift.scan("qc-1", lot)
    tally.recall = recall.open_recall(
        sam.ctx, scanned, RECALL_REASON.format(lot=lot), event_id=eid()
    )


def write_batch_record(shift: Shift) -> None:
    """The device history record of the pump lot, as PDF."""
    tally = shift.tally
    scanned = shift.scan("qc-1", lot_barcode(shift.plan.pump_di, tally.pump_lot))
    record = build_record(shift.crew.qc.ctx, scanned)
    target = tally.out / f"batch-record-IP300-{tally.pump_lot}.pdf"
    tally.record_pdf = record_pdf.render_pdf(record, target)


def _printed_code(element_string: str) -> ComposedCode:
    """The UDI a print job printed, as the label renderer takes it (GS1 or an MA code)."""
    parsed = parse_scan(element_string, expect_gs1=True)
    if parsed.scheme == "MA" and parsed.ma is not None and parsed.di is not None:
        return ComposedMA(element_string, parsed.di, parsed.ma.units)
    return compose(dict(parsed.ais))


def _label_pdf(session: Session, job: PrintJob) -> bytes:
    """The job's label as PDF, from the approved template version it was printed from."""
    version = session.get_one(LabelTemplateVersion, job.template_version_id)
    name = session.get_one(LabelTemplate, version.template_id).name
    template = template_from_dict(dict(version.definition) | {"version": version.version}, name)
    item = session.get_one(Item, job.item_id)
    product = session.get_one(Product, item.product_id)
    fields = {"product_name": product.name}
    udi = _printed_code(job.element_string)
    return render_pdf(template, udi, {k: v for k, v in fields.items() if k in template.field_names})


def write_label_files(shift: Shift) -> None:
    """Beside each label-NNNNN.zpl the printer simulator wrote: its PDF, and labels.csv saying
    which print job, item and status each file is."""
    folder = shift.bench.labels_dir
    rows = [("file", "job_key", "item", "status", "udi")]
    with Session(shift.engine) as session:
        for number, key in enumerate(shift.bench.printer.sent, start=1):
            job = session.scalars(select(PrintJob).where(PrintJob.idempotency_key == key)).one()
            zpl = folder / f"label-{number:05d}.zpl"
            if not zpl.exists():
                raise DemoFailed(f"the printer simulator wrote no {zpl.name} for label {key}")
            zpl.with_suffix(".pdf").write_bytes(_label_pdf(session, job))
            item = session.get_one(Item, job.item_id)
            udi = job.element_string.replace("\x1d", "<GS>")
            rows.append((zpl.name, key, item.serial or item.lot or "", job.status, udi))
    with (folder / "labels.csv").open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)


def check_audit(shift: Shift) -> None:
    result = audit.verify(shift.engine)
    tally = shift.tally
    tally.audit_ok = result.ok
    if result.ok:
        tally.audit_text = f"{result.checked} audit entries, chain unbroken"
    else:
        tally.audit_text = f"audit entry {result.broken_id}: {result.problem}"


def written_files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.is_file())


__all__ = [
    "check_audit",
    "find_bad_lot",
    "write_batch_record",
    "write_label_files",
    "written_files",
]
