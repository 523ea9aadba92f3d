"""Reprints and reconciliation.

- A second label for the same item is a reprint: it needs a reason and a supervisor's signature
  "Reprint approved". It is the same label (same UDI, template version and ZPL); a label of the
  item still waiting to be scanned back is voided by it.
- Reconciliation per lot: labels issued (reprints and voids included) = applied + destroyed +
  returned.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Item, PrintJob
from desktop.domain.events import EventKind
from desktop.domain.labelling import AWAITING_SCAN_BACK as AWAITING
from desktop.domain.labelling import ISSUED, PrintStatus
from desktop.domain.permissions import Meaning, Permission
from desktop.domain.states import ItemKind, Status
from desktop.domain.text import t
from desktop.services.core import records
from desktop.services.core.context import Context, LoginSession
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item
from desktop.services.core.printing import LabelPrinter, PrinterOutcome
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.holds import require_no_hold
from desktop.services.identity import sign_in
from desktop.services.labelling._jobs import (
    PrintJobView,
    apply_outcomes,
    checked_key,
    job_by_key,
    job_view,
    require_job,
    to_send,
)
from desktop.services.labelling._printing import PrintPlan, printed, replan, user_id


@dataclass(frozen=True)
class Reconciliation:
    lot: str
    issued: int
    applied: int
    destroyed: int
    returned: int
    verified: int
    voided: int
    reprints: int
    event_id: uuid.UUID


# ---------------------------------------------------------------- reprints


def _reprint_key(session: Session, original: PrintJob, key: str | None) -> str:
    if key is not None:
        return checked_key(key)
    count = session.scalar(
        select(func.count(PrintJob.id)).where(PrintJob.reprint_of_id == original.id)
    )
    return checked_key(f"{original.idempotency_key[:48]}-R{int(count or 0) + 1}")


def _refuse_reprint(session: Session, original: PrintJob, item: Item, reason: str) -> None:
    if not reason:
        raise Refusal(
            t(
                "a reprint of label job {job} needs a reason: say what happened to the first label",
                job=original.idempotency_key,
            )
        )
    if original.status not in ISSUED:
        raise Refusal(
            t(
                "label job {job} was never printed ({status}): retry the print with its key "
                "instead",
                job=original.idempotency_key,
                status=original.status.words,
            ),
            entity="print_job",
            entity_id=str(original.id),
        )
    if item.status not in (Status.RELEASED, Status.PACKED):
        raise Refusal(
            t(
                "{item} is {status}: labels are reprinted only for released items",
                item=label(item),
                status=item.status.words,
            ),
            entity="item",
            entity_id=str(item.id),
        )
    require_no_hold(session, item, t("reprinting its label"))


def _replace(uow: UnitOfWork, original: PrintJob, new_key: str, why: str) -> None:
    """A label not yet scanned back is void once its reprint exists."""
    if original.status in AWAITING:
        old, original.status = original.status, PrintStatus.VOIDED
        original.void_reason = t("replaced by reprint {job}: {why}", job=new_key, why=why)
        uow.audit(
            "print_job.voided",
            "print_job",
            original.id,
            old={"status": old},
            new={"status": PrintStatus.VOIDED},
            reason=original.void_reason,
        )


@use_case(Permission.LABEL_PRINT, name="reprint_label")
def queue_reprint(
    uow: UnitOfWork,
    supervisor_login: LoginSession,
    job_key: str,
    reason: str,
    password: str,
    username: str | None = None,
    *,
    key: str | None = None,
) -> PrintPlan:
    """First transaction of a reprint: reason, supervisor signature, the new job queued."""
    original = require_job(uow.session, job_key)
    new_key = _reprint_key(uow.session, original, key)
    earlier = job_by_key(uow.session, new_key, lock=True)
    if earlier is not None:
        return replan(uow, earlier)
    item = uow.session.get_one(Item, original.item_id, with_for_update=True)
    why = (reason or "").strip()
    _refuse_reprint(uow.session, original, item, why)
    job = PrintJob(
        idempotency_key=new_key,
        item_id=original.item_id,
        lot_item_id=original.lot_item_id,
        template_version_id=original.template_version_id,
        element_string=original.element_string,
        hri=original.hri,
        payload=original.payload,
        status=PrintStatus.QUEUED,
        reprint_of_id=original.id,
        reason=why,
        printer_device_id=original.printer_device_id,
        requested_by=user_id(uow),
    )
    uow.session.add(job)
    uow.session.flush()
    sig = sign_in(
        uow,
        supervisor_login,
        job,
        Meaning.REPRINT_APPROVED,
        password,
        username=username,
        reason=why,
    )
    job.signature_id = sig.id
    _replace(uow, original, new_key, why)
    approved_by = f"{sig.printed_name} ({supervisor_login.actor.username})"
    uow.audit(
        "print_job.queue",
        "print_job",
        job.id,
        new={"key": new_key, "reprint": True, "approved_by": approved_by, "signature": sig.id},
        reason=why,
    )
    data: dict[str, object] = {"job": new_key, "reprint_of": original.idempotency_key}
    data |= {"reason": why, "signature": sig.id}
    return PrintPlan(new_key, (new_key,), to_send([job]), False, {}, reprint=data)


@use_case(Permission.LABEL_PRINT, name="reprint_label")
def record_reprint(
    uow: UnitOfWork, plan: PrintPlan, outcomes: dict[str, PrinterOutcome]
) -> PrintJobView:
    """Second transaction of a reprint: the printer's outcome and the reprint event."""
    job = job_by_key(uow.session, plan.key)
    assert job is not None and plan.reprint is not None, plan.key
    message, recorded = apply_outcomes(uow, (plan.key,), outcomes)
    item = uow.session.get_one(Item, job.item_id)
    data = {**plan.reprint, "outcome": recorded[plan.key]}
    records.record_event(uow, EventKind.LABEL_REPRINT, item=item, data=data)
    return job_view(uow.session, job, message)


def reprint_label(
    ctx: Context,
    supervisor_login: LoginSession,
    job_key: str,
    reason: str,
    password: str,
    username: str | None = None,
    *,
    printer: LabelPrinter,
    key: str | None = None,
) -> PrintJobView:
    """Print the same label again, with a reason, signed "Reprint approved" by a supervisor.
    The new job is committed (with the signature) before it is sent, like every print."""
    plan = queue_reprint(ctx, supervisor_login, job_key, reason, password, username, key=key)
    return printed(ctx, printer, plan, record_reprint if plan.reprint is not None else None)


# ---------------------------------------------------------------- reconciliation


def _counts(session: Session, lot: Item) -> dict[str, int]:
    stmt = select(PrintJob.status, PrintJob.reprint_of_id).where(PrintJob.lot_item_id == lot.id)
    rows = [(status, of) for status, of in session.execute(stmt) if status in ISSUED]
    return {
        "issued": len(rows),
        "verified": sum(1 for s, _ in rows if s == PrintStatus.VERIFIED),
        "voided": sum(1 for s, _ in rows if s == PrintStatus.VOIDED),
        "reprints": sum(1 for _, of in rows if of is not None),
    }


@use_case(Permission.LABEL_RECONCILE)
def reconcile(
    uow: UnitOfWork,
    lot_scan: str,
    applied: int,
    destroyed: int,
    returned: int,
    *,
    event_id: uuid.UUID | None = None,
) -> Reconciliation:
    """Labels issued for the lot (reprints and voids included) must equal applied + destroyed
    + returned; otherwise a refusal naming the difference."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is None:
        lot = require_item(uow.session, lot_scan, (ItemKind.PRODUCTION_LOT,), "production lot")
        if min(applied, destroyed, returned) < 0:
            raise Refusal(t("label counts cannot be negative: count again"))
        counts = _counts(uow.session, lot)
        _refuse_difference(lot, counts["issued"], applied, destroyed, returned)
        data = counts | {"applied": applied, "destroyed": destroyed, "returned": returned}
        earlier = records.record_event(
            uow, EventKind.LABEL_RECONCILE, item=lot, event_id=event_id, data=data
        )
        uow.audit("labels.reconcile", "item", lot.id, new=data)
    lot_item = uow.session.get_one(Item, earlier.item_id)
    d = earlier.data
    return Reconciliation(
        lot_item.lot or "",
        int(d["issued"]),
        int(d["applied"]),
        int(d["destroyed"]),
        int(d["returned"]),
        int(d["verified"]),
        int(d["voided"]),
        int(d["reprints"]),
        earlier.id,
    )


def _refuse_difference(lot: Item, issued: int, applied: int, destroyed: int, returned: int) -> None:
    if issued == 0:
        raise NotFound(
            t("no labels were issued for {lot}: there is nothing to reconcile", lot=label(lot))
        )
    counted = applied + destroyed + returned
    if counted == issued:
        return
    gap = issued - counted
    words = (
        t("{count} label(s) unaccounted for", count=gap)
        if gap > 0
        else t("{count} label(s) too many counted", count=-gap)
    )
    raise Refusal(
        t(
            "{lot}: {issued} labels issued, but {applied} applied + {destroyed} destroyed + "
            "{returned} returned = {counted}: {words}; count again",
            lot=label(lot),
            issued=issued,
            applied=applied,
            destroyed=destroyed,
            returned=returned,
            counted=counted,
            words=words,
        ),
        entity="item",
        entity_id=str(lot.id),
    )


__all__ = ["Reconciliation", "reconcile", "reprint_label"]
