"""Labelling at the packing station: print, verify by scanning back, reprint, reconcile.

- Labels print only for released items (a released unit, or the released production lot of a
  lot-controlled product), from the approved version of the product's template. The UDI is
  composed from the item, rendered to ZPL and decoded before anything is sent.
- Every label is scanned back: the same UDI verifies the label and passes the item's label
  step; anything else voids the label, with the reason quoting both.
- A second label for the same item is a reprint, and labels are reconciled per lot
  (labelling_reprint).

Retrying a call with the same job key returns the same job and never prints it twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Event, Item, PrintJob, Product, RouteStep
from db.types import utcnow
from desktop.domain.capture import DeviceCapture
from desktop.domain.events import EventKind, Outcome
from desktop.domain.labelling import AWAITING_SCAN_BACK as AWAITING
from desktop.domain.labelling import ISSUED, PrintStatus
from desktop.domain.permissions import Permission
from desktop.domain.plant import Tracking
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import StepKind
from desktop.domain.text import t
from desktop.domain.udi import parse_scan
from desktop.services.core import records, routing
from desktop.services.core.context import Context
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.printing import LabelPrinter, PrinterOutcome
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.holds import require_no_hold
from desktop.services.labelling._jobs import (
    PrintJobView,
    ToSend,
    apply_outcomes,
    checked_key,
    compose_udi,
    copy_keys,
    job_by_key,
    job_view,
    label_fields,
    printer_dpi,
    product_and_lot,
    render,
    send_all,
    station_printer,
    step_now,
    to_send,
)
from desktop.services.labelling._templates import approved_template

MAX_COPIES = 1000


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    job_key: str
    item: str
    status: PrintStatus  # verified | voided
    expected: str  # the printed element string, GS shown as <GS>
    scanned: str  # the scan, GS shown as <GS>
    reason: str  # why the label was voided (empty when verified)
    step_passed: bool  # the item's label step passed with this scan
    event_id: uuid.UUID


# ---------------------------------------------------------------- printing


@dataclass(frozen=True)
class PrintPlan:
    """What a print request committed (its jobs, queued) and what still has to be sent."""

    key: str  # the first job's key
    keys: tuple[str, ...]  # every job of the request
    send: tuple[ToSend, ...]  # the jobs that have not reached the printer yet
    repeated: bool  # the key was used before: no new job was made
    data: dict[str, object]  # what the label_print event records besides the outcomes
    reprint: dict[str, object] | None = None  # a reprint's event data (labelling_reprint)


def replan(uow: UnitOfWork, first: PrintJob) -> PrintPlan:
    """The same key again: only what never reached the printer is sent again."""
    jobs = [first]
    while (more := job_by_key(uow.session, f"{first.idempotency_key}/{len(jobs) + 1}")) is not None:
        jobs.append(more)
    unsent = [job for job in jobs if job.status in (PrintStatus.FAILED, PrintStatus.QUEUED)]
    if unsent:
        item = uow.session.get_one(Item, first.item_id, with_for_update=True)
        if item.status not in (Status.RELEASED, Status.PACKED):
            raise Refusal(
                t(
                    "{item} is {status}: not printed again",
                    item=label(item),
                    status=item.status.words,
                )
            )
        require_no_hold(uow.session, item, t("printing its label"))
    keys = tuple(job.idempotency_key for job in jobs)
    data: dict[str, object] = {"retry": True, "element_string": first.element_string}
    return PrintPlan(first.idempotency_key, keys, to_send(unsent), True, data)


@use_case(Permission.LABEL_PRINT, name="print_labels")
def record_printing(
    uow: UnitOfWork, plan: PrintPlan, outcomes: dict[str, PrinterOutcome]
) -> PrintJobView:
    """Second transaction of a print: what the printer did with each job, and the event."""
    first = job_by_key(uow.session, plan.key)
    assert first is not None, plan.key
    if not plan.send:
        again = t("printed before with this key: nothing was printed again")
        return job_view(uow.session, first, again, plan.keys, repeated=True)
    message, recorded = apply_outcomes(uow, tuple(job.key for job in plan.send), outcomes)
    item = uow.session.get_one(Item, first.item_id)
    failed = any(o["status"] == PrintStatus.FAILED for o in recorded.values())
    data = {"jobs": recorded, **plan.data}
    records.record_event(
        uow,
        EventKind.LABEL_PRINT,
        item=item,
        outcome=Outcome.FAILED if failed else Outcome.OK,
        data=data,
    )
    return job_view(uow.session, first, message, plan.keys)


Record = Callable[[Context, PrintPlan, dict[str, PrinterOutcome]], PrintJobView]


def printed(
    ctx: Context, printer: LabelPrinter, plan: PrintPlan, record: Record | None = None
) -> PrintJobView:
    """Send what the plan holds, outside any transaction, then record the outcomes."""
    outcomes = send_all(printer, plan.send) if plan.send else {}
    return (record or record_printing)(ctx, plan, outcomes)


def _refuse_unprintable(
    session: Session, item: Item, product: Product, scan: str, copies: int
) -> None:
    said = t('scan "{scan}"', scan=shown(scan))
    if item.kind == ItemKind.PRODUCTION_LOT and product.tracking == Tracking.SERIAL:
        raise Refusal(
            t(
                "{said} is {item} of serialised {product}: scan one unit",
                said=said,
                item=label(item),
                product=product.name,
            )
        )
    if item.status != Status.RELEASED:
        raise Refusal(
            t(
                "{said}: {item} is {status}; labels are printed only for released items: "
                "QC releases the lot first",
                said=said,
                item=label(item),
                status=item.status.words,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    require_no_hold(session, item, t("printing its label"))
    if step_now(session, item, StepKind.LABEL) is None:
        step = routing.next_step(session, item)
        where = (
            t('its next step is "{step}"', step=step.name)
            if step
            else t("it has passed every step")
        )
        raise Refusal(
            t(
                "{said}: {item} is past its label step ({where}); use a reprint",
                said=said,
                item=label(item),
                where=where,
            )
        )
    _refuse_too_many(session, item, said, copies)


def _refuse_too_many(session: Session, item: Item, said: str, copies: int) -> None:
    if not 1 <= copies <= MAX_COPIES:
        raise Refusal(
            t(
                "{said}: {copies} copies: print 1 to {most} labels at a time",
                said=said,
                copies=copies,
                most=MAX_COPIES,
            )
        )
    stmt = select(PrintJob).where(
        PrintJob.item_id == item.id, PrintJob.status.in_((*ISSUED, PrintStatus.QUEUED))
    )
    jobs = list(session.scalars(stmt.order_by(PrintJob.id)))
    if item.kind == ItemKind.UNIT and (jobs or copies > 1):
        first = (
            t(
                " (job {job}, {status})",
                job=jobs[0].idempotency_key,
                status=jobs[0].status.words,
            )
            if jobs
            else ""
        )
        raise Refusal(
            t(
                "{said}: {item} gets one label{first}; another label is a reprint, which "
                "needs a reason and a supervisor's signature",
                said=said,
                item=label(item),
                first=first,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    originals = sum(1 for job in jobs if job.reprint_of_id is None)
    if originals + copies > item.quantity:
        raise Refusal(
            t(
                "{said}: {item} has {kits} kits and {originals} labels already: {copies} more "
                "would be too many; a replacement is a reprint",
                said=said,
                item=label(item),
                kits=f"{item.quantity.normalize():f}",
                originals=originals,
                copies=copies,
            ),
            entity="item",
            entity_id=str(item.id),
        )


@use_case(Permission.LABEL_PRINT, name="print_labels")
def queue_labels(uow: UnitOfWork, unit_or_lot_scan: str, copies: int = 1, *, key: str) -> PrintPlan:
    """First transaction of a print: check, render, verify and commit the jobs as queued."""
    key = checked_key(key)
    earlier = job_by_key(uow.session, key, lock=True)
    if earlier is not None:
        return replan(uow, earlier)
    scan = unit_or_lot_scan
    item = require_item(
        uow.session, scan, (ItemKind.UNIT, ItemKind.PRODUCTION_LOT), "unit or production lot"
    )
    item = uow.session.get_one(Item, item.id, with_for_update=True)
    product, lot = product_and_lot(uow.session, item)
    _refuse_unprintable(uow.session, item, product, scan, copies)
    approved = approved_template(uow.session, item, product)
    udi = compose_udi(product, item, lot)
    device = station_printer(uow.session, uow.actor.station_id)
    payload = render(approved, udi, label_fields(approved, product), printer_dpi(device))
    jobs = [
        PrintJob(
            idempotency_key=k,
            item_id=item.id,
            lot_item_id=lot.id,
            template_version_id=approved.version_id,
            element_string=udi.element_string,
            hri="\n".join(udi.hri),
            payload=payload.decode("utf-8"),
            status=PrintStatus.QUEUED,
            printer_device_id=device.id if device else None,
            requested_by=user_id(uow),
        )
        for k in copy_keys(key, copies)
    ]
    uow.session.add_all(jobs)
    uow.session.flush()
    for job in jobs:
        uow.audit("print_job.queue", "print_job", job.id, new={"key": job.idempotency_key})
    data: dict[str, object] = {
        "template": approved.name,
        "version": approved.version,
        "element_string": udi.element_string,
        "scan": scan,
    }
    keys = tuple(job.idempotency_key for job in jobs)
    return PrintPlan(key, keys, to_send(jobs), False, data)


def print_labels(
    ctx: Context, printer: LabelPrinter, unit_or_lot_scan: str, copies: int = 1, *, key: str
) -> PrintJobView:
    """Print the UDI label(s) of a released unit (one) or lot-controlled lot (``copies``).

    Two transactions around the printer: the jobs are committed as queued first, then sent
    with no transaction open (a slow printer holds no database lock), then the outcomes are
    recorded. A retry with the same key sends only what never reached the printer."""
    return printed(ctx, printer, queue_labels(ctx, unit_or_lot_scan, copies, key=key))


def user_id(uow: UnitOfWork) -> int:
    if uow.actor.user_id is None:
        raise Refusal(t("log in first: every label names the person who printed it"))
    return uow.actor.user_id


# ---------------------------------------------------------------- verification


def _job_to_verify(session: Session, text: str) -> PrintJob:
    job = job_by_key(session, text.strip(), lock=True)
    if job is not None:
        return job
    item = require_item(
        session, text, (ItemKind.UNIT, ItemKind.PRODUCTION_LOT), "print job or labelled item"
    )
    stmt = select(PrintJob).where(PrintJob.item_id == item.id, PrintJob.status.in_(AWAITING))
    job = session.scalars(stmt.order_by(PrintJob.id).with_for_update()).first()
    if job is None:
        raise Refusal(
            t(
                'scan "{scan}": {item} has no printed label waiting to be verified: print it first',
                scan=shown(text),
                item=label(item),
            ),
            entity="item",
            entity_id=str(item.id),
        )
    return job


def _refuse_unverifiable(job: PrintJob) -> None:
    if job.status in AWAITING:
        return
    words = {
        PrintStatus.VERIFIED: t("was verified already"),
        PrintStatus.VOIDED: t("was voided ({reason})", reason=job.void_reason),
        PrintStatus.FAILED: t("never reached the printer: retry the print with its key"),
        PrintStatus.QUEUED: t("was never sent to the printer"),
    }
    raise Refusal(
        t(
            "label job {job} {what}",
            job=job.idempotency_key,
            what=words.get(job.status, job.status),
        ),
        entity="print_job",
        entity_id=str(job.id),
    )


def _compare(expected: str, scanned: str) -> tuple[bool, str]:
    """(same UDI, why not). A scan with only some of the AIs (a split GS1-128) is refused:
    it says nothing about the rest, so the label is neither verified nor voided."""
    want = parse_scan(expected, expect_gs1=True)
    got = parse_scan(scanned, expect_gs1=True)
    if want.scheme == "MA" and got.valid and got.scheme == "MA" and got.hri == want.hri:
        return True, ""  # an MA code: exactly the printed text, every data unit and the check
    want_ais, got_ais = sorted(want.ais), sorted(got.ais)
    if got.valid and got.scheme == "GS1" and got_ais == want_ais:
        return True, ""
    if got.valid and got_ais and set(got_ais) < set(want_ais):
        raise Refusal(
            t(
                'scan "{scan}" holds only part of the label\'s UDI: scan the DataMatrix, '
                "which holds all of it",
                scan=shown(scanned),
            )
        )
    mismatch = {"scanned": shown(scanned, 80), "expected": shown(expected, 80)}
    if got.errors:
        return False, t(
            'scan-back "{scanned}" does not match the printed UDI "{expected}": {problem}',
            problem=got.errors[0],
            **mismatch,
        )
    return False, t('scan-back "{scanned}" does not match the printed UDI "{expected}"', **mismatch)


def _verified(uow: UnitOfWork, event: Event) -> VerifyResult:
    d = event.data
    return VerifyResult(
        event.outcome == Outcome.OK,
        str(d["job"]),
        _kept(d["item"]),
        PrintStatus(d["status"]),
        shown(str(d["expected"]), 200),
        shown(str(d["scanned"]), 200),
        _kept(d["reason"]),
        bool(d["step_passed"]),
        event.id,
    )


def _kept(value: object) -> str:
    """A recorded text as it is (a message made in this call stays translatable)."""
    return value if isinstance(value, str) else str(value)


def _label_step(session: Session, item: Item) -> RouteStep | None:
    """The label step to pass now: next in the route, and no label of the item waiting to be
    scanned back (the job just verified is already flushed as verified)."""
    waiting = session.scalar(
        select(func.count(PrintJob.id)).where(
            PrintJob.item_id == item.id, PrintJob.status.in_(AWAITING)
        )
    )
    return None if waiting else step_now(session, item, StepKind.LABEL)


@use_case(Permission.LABEL_VERIFY)
def verify_label(
    uow: UnitOfWork,
    job_key_or_item_scan: str,
    scanned_text: str,
    *,
    event_id: uuid.UUID,
    capture: DeviceCapture | None = None,
) -> VerifyResult:
    """Compare the scan of a printed label with its UDI: verified (label step passed) or
    voided with the reason (a recorded result, not a refusal). ``capture`` is the scan-back
    as the scanner delivered it."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        return _verified(uow, earlier)
    job = _job_to_verify(uow.session, job_key_or_item_scan)
    _refuse_unverifiable(job)
    same, why = _compare(job.element_string, scanned_text)
    item = uow.session.get_one(Item, job.item_id, with_for_update=True)
    old = job.status
    if same:
        job.status, job.verified_at = PrintStatus.VERIFIED, utcnow()
    else:
        job.status, job.void_reason = PrintStatus.VOIDED, why
    uow.audit(
        f"print_job.{job.status}",
        "print_job",
        job.id,
        old={"status": old},
        new={"status": job.status},
        reason=why or None,
    )
    data = {
        "job": job.idempotency_key,
        "item": label(item),
        "status": job.status,
        "expected": job.element_string,
        "scanned": scanned_text,
        "reason": why,
        "step_passed": False,
    }
    at = _label_step(uow.session, item)  # the label step this read answers, if it is next
    step = at if same else None
    data["step_passed"] = step is not None
    event = records.record_event(
        uow,
        EventKind.LABEL_VERIFY,
        item=item,
        event_id=event_id,
        step_id=at.id if at is not None else None,
        outcome=Outcome.OK if same else Outcome.MISMATCH,
        data=data,
        capture=capture,
    )
    if step is not None:
        routing.pass_step_in(uow, item, step, event)
    return _verified(uow, event)


__all__ = [
    "PrintJobView",
    "VerifyResult",
    "print_labels",
    "verify_label",
]
