"""The demo shift, second half: QC release, labels (printed through the ZPL driver and scanned
back), cases, and shipments to the two demo customers.

One label verification goes wrong on purpose: the packer scans the neighbouring pump's label
instead of the new one, the label is voided, and a supervisor signs its reprint.
"""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.models import Customer, Item, PrintJob, Product, Site
from desktop.cli.demo_devices import DemoFailed
from desktop.cli.demo_report import LabelCounts
from desktop.cli.demo_shift import PRODUCT_CODES, Shift, eid, lot_barcode
from desktop.domain.labelling import PrintStatus, TemplateStatus
from desktop.domain.plant import DIScheme
from desktop.domain.states import ItemKind
from desktop.services import distribution, packing
from desktop.services.labelling import (
    ISSUED,
    PrintJobView,
    approve_template,
    print_labels,
    reconcile,
    register_templates,
    reprint_label,
    verify_label,
)
from desktop.services.quality import LotReview, lot_review, release_lot

TEMPLATES = {DIScheme.GS1: ("udi-2x1", "udi-4x2"), DIScheme.MA: ("udi-ma-4x2",)}
MIXUP = 2  # the pump whose scan-back reads its neighbour's label
CUSTOMERS = ("CUST-STMARY", "CUST-NORTH")


# ---------------------------------------------------------------- templates and release


def approve_templates(shift: Shift) -> None:
    """Register the shipped label templates; QC approves each draft (signed)."""
    qc = shift.crew.qc
    for view in register_templates(shift.crew.admin):
        if view.name in TEMPLATES[shift.plan.scheme] and view.status == TemplateStatus.DRAFT:
            approve_template(
                qc.ctx, qc.login, view.name, view.version, qc.password, username=qc.username
            )


def _review_line(review: LotReview) -> str:
    units = f"{len(review.units)} unit(s)" if review.units else "lot-controlled"
    words = [f"QC review by exception of lot {review.lot} ({review.product}, {units}):"]
    words.append(f"{len(review.deviations)} deviation(s)")
    words += [f"[{d.item}: {d.message}]" for d in review.deviations]
    for n in review.ncrs:
        signer = n.signature.printed_name if n.signature else "unsigned"
        words.append(f"{n.number} {n.status} ({n.disposition}, signed by {signer})")
    return " ".join(words)


def release_lots(shift: Shift) -> None:
    qc, tally, plan = shift.crew.qc, shift.tally, shift.plan
    for di, lot in ((plan.pump_di, tally.pump_lot), (plan.kit_di, tally.kit_lot)):
        scanned = shift.scan("qc-1", lot_barcode(di, lot))
        review = lot_review(qc.ctx, scanned)
        tally.reviews.append(_review_line(review))
        if review.blockers:
            raise DemoFailed(f"lot {lot} cannot be released: " + "; ".join(review.blockers))
        done = release_lot(qc.ctx, qc.login, scanned, qc.password, qc.username, event_id=eid())
        what = f"{done.units_released} units" if review.units else "the whole lot"
        tally.releases.append(
            f"released {review.product} lot {lot} ({what}): {done.signature.manifestation()}"
        )


# ---------------------------------------------------------------- labels


def _issued(job: PrintJobView) -> PrintJobView:
    if job.status != PrintStatus.PRINTED:
        raise DemoFailed(f"label {job.key} of {job.item} was not printed: {job.message}")
    return job


def _verify(shift: Shift, job_key: str) -> str:
    """Scan the printed label back; returns the scan (the UDI as the scanner read it)."""
    event = shift.scan_label("pack-1", job_key)
    result = verify_label(shift.crew.packer.ctx, job_key, event.symbol_text, event_id=eid())
    if not result.ok:
        raise DemoFailed(f"label {job_key} did not verify: {result.reason}")
    return event.symbol_text


def _mix_up(shift: Shift, job: PrintJobView, neighbour: str) -> PrintJobView:
    """The scan-back reads the neighbouring unit's label: voided, reprint signed by sam."""
    pat, sam = shift.crew.packer, shift.crew.supervisor
    wrong = shift.scan_label("pack-1", neighbour)
    result = verify_label(pat.ctx, job.key, wrong.symbol_text, event_id=eid())
    if result.status != PrintStatus.VOIDED:
        raise DemoFailed(f"a scan-back of another unit's label verified {job.key}: {result}")
    reason = "scan-back read the neighbouring unit's label; label voided and destroyed"
    again = reprint_label(
        pat.ctx, sam.login, job.key, reason, sam.password, sam.username,
        printer=shift.bench.printer,
    )  # fmt: skip
    return _issued(again)


def label_pumps(shift: Shift) -> None:
    pat, tally = shift.crew.packer, shift.tally
    keys: list[str] = []
    for n, serial in enumerate(tally.serials, start=1):
        traveller = shift.scan("pack-1", shift.plan.unit_barcode(serial))
        job = _issued(
            print_labels(pat.ctx, shift.bench.printer, traveller, key=f"{tally.pump_lot}-{serial}")
        )
        if n == MIXUP:
            job = _mix_up(shift, job, keys[-1])
        keys.append(job.key)
        tally.label_data[serial] = _verify(shift, job.key)


def label_kits(shift: Shift) -> None:
    pat, tally = shift.crew.packer, shift.tally
    traveller = shift.scan("pack-1", lot_barcode(shift.plan.kit_di, tally.kit_lot))
    job = _issued(
        print_labels(
            pat.ctx, shift.bench.printer, traveller, tally.kits, key=f"{tally.kit_lot}-KIT"
        )
    )
    for key in job.copies:
        tally.label_data[tally.kit_lot] = _verify(shift, key)


def _voided(shift: Shift, di: str, lot: str) -> int:
    """Voided labels of the lot: the packer destroyed each of them."""
    stmt = (
        select(func.count(PrintJob.id))
        .join(Item, Item.id == PrintJob.lot_item_id)
        .where(Item.kind == ItemKind.PRODUCTION_LOT, Item.carries_di(di), Item.lot == lot)
        .where(PrintJob.status == PrintStatus.VOIDED)
    )
    with Session(shift.engine) as session:
        return int(session.scalar(stmt) or 0)


def reconcile_labels(shift: Shift) -> None:
    """Per lot: labels issued = applied + destroyed (the voided ones were destroyed)."""
    pat, tally, plan = shift.crew.packer, shift.tally, shift.plan
    for di, lot, applied in (
        (plan.pump_di, tally.pump_lot, len(tally.serials)),
        (plan.kit_di, tally.kit_lot, tally.kits),
    ):
        scanned = shift.scan("pack-1", lot_barcode(di, lot))
        destroyed = _voided(shift, di, lot)
        done = reconcile(pat.ctx, scanned, applied, destroyed, 0, event_id=eid())
        tally.reconciled.append(
            f"{PRODUCT_CODES[di]} lot {lot}: {done.issued} issued = {done.applied} applied + "
            f"{done.destroyed} destroyed"
        )
    tally.labels = label_counts(shift)


def label_counts(shift: Shift) -> LabelCounts:
    """Print jobs by status (the services' record) and formats the printer printed."""
    with Session(shift.engine) as session:
        rows = session.execute(select(PrintJob.status, PrintJob.reprint_of_id)).all()
    issued = [(status, of) for status, of in rows if status in ISSUED]
    return LabelCounts(
        printed=shift.bench.printer_sim.label_count,
        issued=len(issued),
        verified=sum(1 for status, _ in issued if status == PrintStatus.VERIFIED),
        voided=sum(1 for status, _ in issued if status == PrintStatus.VOIDED),
        reprints=sum(1 for _, of in issued if of is not None),
    )


# ---------------------------------------------------------------- cases and shipments


def _case_quantity(shift: Shift, di: str) -> int:
    stmt = select(Product.case_quantity).where(or_(Product.gtin == di, Product.ma_di == di))
    with Session(shift.engine) as session:
        quantity = session.scalar(stmt)
    if not quantity:
        raise DemoFailed(f"product {di} has no case quantity in the master data")
    return int(quantity)


def _new_case(shift: Shift) -> tuple[str, str]:
    """A new case: (its SSCC, the scan of its SSCC label)."""
    view = packing.create_case(shift.crew.packer.ctx, event_id=eid())
    return view.sscc, shift.scan("pack-1", f"]C100{view.sscc}")


def _close(shift: Shift, sscc: str, case_text: str, what: str) -> str:
    closed = packing.close_case(shift.crew.packer.ctx, case_text, event_id=eid())
    shift.tally.cases.append(f"SSCC {sscc}: {closed.count.normalize():f} {what}")
    return case_text


def pack_pumps(shift: Shift) -> tuple[list[str], list[str]]:
    """Full cases of pumps; the pumps that do not fill a case stay single (a case is closed
    full only). Returns (case scans, single pump scans)."""
    pat, tally = shift.crew.packer, shift.tally
    size = _case_quantity(shift, shift.plan.pump_di)
    full = len(tally.serials) // size * size
    cases = []
    for start in range(0, full, size):
        sscc, case_text = _new_case(shift)
        for serial in tally.serials[start : start + size]:
            unit_text = shift.scan("pack-1", tally.label_data[serial])
            packing.pack_unit(pat.ctx, case_text, unit_text, event_id=eid())
        cases.append(_close(shift, sscc, case_text, "pumps"))
    return cases, [tally.label_data[s] for s in tally.serials[full:]]


def pack_kits(shift: Shift) -> list[str]:
    pat, tally = shift.crew.packer, shift.tally
    size = _case_quantity(shift, shift.plan.kit_di)
    cases = []
    for _ in range(tally.kits // size):
        sscc, case_text = _new_case(shift)
        kit_text = shift.scan("pack-1", tally.label_data[tally.kit_lot])
        packing.pack_lot_quantity(pat.ctx, case_text, kit_text, size, event_id=eid())
        cases.append(_close(shift, sscc, case_text, "kits"))
    return cases


def _site(shift: Shift, code: str) -> str:
    stmt = select(Site.name).join(Customer, Customer.id == Site.customer_id)
    with Session(shift.engine) as session:
        name = session.scalars(stmt.where(Customer.code == code).order_by(Site.id)).first()
    if name is None:
        raise DemoFailed(f"customer {code} of the demo data set has no site")
    return name


def ship_all(shift: Shift, pumps: list[str], kits: list[str]) -> None:
    """Pump cases and single pumps, then kit cases, dealt in turn to the two customers."""
    dealt: dict[str, list[str]] = {code: [] for code in CUSTOMERS}
    for group in (pumps, kits):
        for n, label in enumerate(group):
            dealt[CUSTOMERS[n % len(CUSTOMERS)]].append(label)
    for code, labels in dealt.items():
        if not labels:
            continue
        scans = [shift.scan("pack-1", label) for label in labels]
        view = distribution.ship(
            shift.crew.packer.ctx, code, _site(shift, code), scans, event_id=eid()
        )
        shift.tally.shipments.append(view)


def dispatch(shift: Shift) -> None:
    """Everything from QC release to the trucks leaving."""
    approve_templates(shift)
    release_lots(shift)
    label_pumps(shift)
    label_kits(shift)
    reconcile_labels(shift)
    pump_cases, singles = pack_pumps(shift)
    ship_all(shift, pump_cases + singles, pack_kits(shift))


__all__ = ["dispatch", "label_counts"]
