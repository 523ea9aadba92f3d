"""What labelling use cases share: the job view, finding jobs, composing the UDI of an item,
rendering (verified before print) and sending to the printer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from db.models import (
    Device,
    Item,
    LabelTemplate,
    LabelTemplateVersion,
    PrintJob,
    Product,
    RouteStep,
    Signature,
)
from db.types import utcnow
from desktop.domain.labelling import PrintStatus
from desktop.domain.plant import DeviceKind, DIScheme
from desktop.domain.states import ItemKind
from desktop.domain.steps import StepKind
from desktop.domain.text import join, t
from desktop.domain.udi import ComposedCode, ComposeError, compose, compose_ma
from desktop.labels import LabelError, VerifyFailed, render_verified
from desktop.services.core import routing
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import shown
from desktop.services.core.printing import LabelPrinter, PrinterOutcome, send_safely
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.holds import production_lot_of
from desktop.services.identity import SignatureInfo, describe
from desktop.services.labelling._nmpa_fields import NMPA_FIELDS, nmpa_label_fields
from desktop.services.labelling._templates import ApprovedTemplate

MAX_KEY = 56  # print_jobs.idempotency_key is 64 characters; copies add "/NNN"


@dataclass(frozen=True)
class PrintJobView:
    id: int
    key: str
    item_id: int
    item: str
    lot: str | None
    template: str
    template_version: int
    element_string: str
    hri: tuple[str, ...]
    status: PrintStatus
    message: str
    reprint_of: str | None = None
    reason: str | None = None
    signature: SignatureInfo | None = None
    copies: tuple[str, ...] = ()  # the keys of every label this call made, this one first
    repeated: bool = False  # an earlier call with the same key made it; nothing new was printed

    @property
    def shown_element_string(self) -> str:
        return self.element_string.replace("\x1d", "<GS>")


def job_view(
    session: Session,
    job: PrintJob,
    message: str = "",
    copies: tuple[str, ...] = (),
    repeated: bool = False,
) -> PrintJobView:
    item = session.get(Item, job.item_id)
    lot = session.get(Item, job.lot_item_id) if job.lot_item_id else None
    version = session.get(LabelTemplateVersion, job.template_version_id)
    template = session.get(LabelTemplate, version.template_id) if version else None
    original = session.get(PrintJob, job.reprint_of_id) if job.reprint_of_id else None
    sig = session.get(Signature, job.signature_id) if job.signature_id else None
    return PrintJobView(
        job.id,
        job.idempotency_key,
        job.item_id,
        label(item) if item else "?",
        lot.lot if lot else None,
        template.name if template else "?",
        version.version if version else 0,
        job.element_string,
        tuple(job.hri.split("\n")) if job.hri else (),
        job.status,
        message or (job.void_reason or ""),
        original.idempotency_key if original else None,
        job.reason,
        describe(session, sig) if sig else None,
        copies or (job.idempotency_key,),
        repeated,
    )


def checked_key(key: str | None) -> str:
    text = (key or "").strip()
    if not text or len(text) > MAX_KEY or not text.isprintable():
        raise Refusal(
            t(
                'print job key "{key}" must be 1-{most} printable characters: the station makes '
                "one key per print request, so that a retry never prints twice",
                key=shown(text),
                most=MAX_KEY,
            )
        )
    return text


def job_by_key(session: Session, key: str, *, lock: bool = False) -> PrintJob | None:
    stmt = select(PrintJob).where(PrintJob.idempotency_key == key)
    if lock:
        stmt = stmt.with_for_update()
    return session.scalars(stmt).first()


def require_job(session: Session, key: str) -> PrintJob:
    job = job_by_key(session, key.strip(), lock=True)
    if job is None:
        raise NotFound(t('there is no print job "{key}": check the job key', key=shown(key)))
    return job


def copy_keys(key: str, copies: int) -> list[str]:
    return [key] + [f"{key}/{n}" for n in range(2, copies + 1)]


# ---------------------------------------------------------------- item, product, UDI


def product_and_lot(session: Session, item: Item) -> tuple[Product, Item]:
    """The product of a unit or production lot, and the production lot the label names."""
    product = session.get(Product, item.product_id) if item.product_id else None
    if product is None:
        raise Refusal(
            t("{item} is not a finished product: it takes no UDI label", item=label(item))
        )
    lot = item if item.kind == ItemKind.PRODUCTION_LOT else production_lot_of(session, item)
    if lot is None:
        raise Refusal(
            t("{item} belongs to no production lot: it cannot be labelled", item=label(item))
        )
    return product, lot


def compose_udi(product: Product, item: Item, lot: Item) -> ComposedCode:
    """(01) GTIN, (11) production date, (17) expiry if the product has a shelf life, (10) lot,
    (21) serial; for an MA product the MA code with the same data units (.S, .M, .L, .E) and
    its check character."""
    made = item.production_date or lot.production_date
    if made is None:
        raise Refusal(
            t("{item} has no production date: its UDI cannot be composed", item=label(item))
        )
    expiry = None
    if product.shelf_life_days:
        expiry = item.expiry or lot.expiry or made + timedelta(days=product.shelf_life_days)
    lot_number = item.lot or lot.lot or None
    try:
        if product.di_scheme == DIScheme.MA:
            return compose_ma(
                product.di, lot=lot_number, serial=item.serial, production_date=made,
                expiry=expiry,
            )  # fmt: skip
        fields: dict[str, str | date] = {"01": product.di, "11": made}
        if expiry is not None:
            fields["17"] = expiry
        if lot_number:
            fields["10"] = lot_number
        if item.serial:
            fields["21"] = item.serial
        return compose(fields)
    except ComposeError as exc:
        raise Refusal(
            t("the UDI of {item} cannot be composed: {error}", item=label(item), error=str(exc))
        ) from None


def step_now(session: Session, item: Item, kind: StepKind) -> RouteStep | None:
    """The item's next route step if it is of ``kind`` (label and pack follow release, so the
    item is released here, which routing.require_step does not allow)."""
    step = routing.next_step(session, item)
    return step if step is not None and step.kind == kind else None


# ---------------------------------------------------------------- render and send


def station_printer(session: Session, station_id: int | None) -> Device | None:
    if station_id is None:
        return None
    stmt = select(Device).where(
        Device.station_id == station_id, Device.kind == DeviceKind.PRINTER, Device.active.is_(True)
    )
    return session.scalars(stmt.order_by(Device.id)).first()


def render(
    approved: ApprovedTemplate, udi: ComposedCode, fields: Mapping[str, str], dpi: int | None
) -> bytes:
    """ZPL for the label, decoded and compared with the UDI before anything is printed."""
    try:
        return render_verified(approved.template, udi, fields, dpi, "zpl")
    except VerifyFailed as exc:
        raise Refusal(
            t(
                'the label "{udi}" did not read back as its UDI, so it was not printed '
                "({reasons}): report this to the label engineer",
                udi=shown(udi.bracketed, 80),
                reasons=join(list(exc.result.reasons)),
            )
        ) from None
    except LabelError as exc:
        raise Refusal(t("the label cannot be made: {error}", error=str(exc))) from None


def label_fields(approved: ApprovedTemplate, product: Product) -> dict[str, str]:
    """The template's text fields from master data: the product's name, and its Chinese
    label's fields (NMPA) when the template has them."""
    known = {"product_name": product.name}
    session = object_session(product)
    if session is not None and NMPA_FIELDS.intersection(approved.template.field_names):
        known |= nmpa_label_fields(session, product)
    return {k: v for k, v in known.items() if k in approved.template.field_names}


def printer_dpi(device: Device | None) -> int | None:
    settings: dict[str, Any] = dict(device.settings) if device else {}
    try:
        return int(settings["dpi"]) if "dpi" in settings else None
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class ToSend:
    """A job committed as queued, to be sent outside any database transaction."""

    key: str
    payload: bytes


def to_send(jobs: list[PrintJob]) -> tuple[ToSend, ...]:
    return tuple(ToSend(job.idempotency_key, job.payload.encode()) for job in jobs)


def send_all(printer: LabelPrinter, jobs: tuple[ToSend, ...]) -> dict[str, PrinterOutcome]:
    """Send each job in turn (no transaction is open: a slow printer holds no lock); after a
    failure the rest are not sent (they stay failed, and a retry with the same key sends them).
    """
    outcomes: dict[str, PrinterOutcome] = {}
    failed: PrinterOutcome | None = None
    for job in jobs:
        if failed is None:
            outcome = send_safely(printer, job.key, job.payload)
        else:
            outcome = PrinterOutcome.failed(t("not sent: {reason}", reason=failed.reason))
        outcomes[job.key] = outcome
        if outcome.status is PrintStatus.FAILED and failed is None:
            failed = outcome
    return outcomes


def apply_outcomes(
    uow: UnitOfWork, keys: tuple[str, ...], outcomes: dict[str, PrinterOutcome]
) -> tuple[str, dict[str, dict[str, str]]]:
    """Record what the printer did with each job; returns the message and the outcome per key.
    A job still queued here was sent and its answer not recorded before (a crash between the
    two transactions); the retry sent it again under the same key, which the printer's journal
    answers without printing twice."""
    recorded: dict[str, dict[str, str]] = {}
    for key in keys:
        job = job_by_key(uow.session, key, lock=True)
        assert job is not None, key
        outcome = outcomes[key]
        set_outcome(uow, job, outcome)
        recorded[key] = {"status": outcome.status, "reason": outcome.reason}
    return _message(recorded), recorded


def set_outcome(uow: UnitOfWork, job: PrintJob, outcome: PrinterOutcome) -> None:
    old = job.status
    job.status = outcome.status
    if outcome.issued:
        job.printed_at = utcnow()
    uow.audit(
        "print_job.send",
        "print_job",
        job.id,
        old={"status": old},
        new={"status": outcome.status, "printer": outcome.printer},
        reason=outcome.reason or None,
    )


def _message(outcomes: dict[str, dict[str, str]]) -> str:
    statuses = [o["status"] for o in outcomes.values()]
    reasons = [o["reason"] for o in outcomes.values() if o["reason"]]
    count = len(statuses)
    if all(s == PrintStatus.PRINTED for s in statuses):
        return t("{count} label(s) printed: scan each back to verify it", count=count)
    if PrintStatus.FAILED in statuses:
        done = statuses.count(PrintStatus.PRINTED) + statuses.count(PrintStatus.HELD)
        return t(
            "{done} of {count} label(s) reached the printer; the printer failed: {reason}. "
            "Fix the printer and retry with the same job key",
            done=done,
            count=count,
            reason=reasons[0],
        )
    return t(
        "the printer holds the label(s): {reason}. Fix it; the label prints then",
        reason=reasons[0],
    )
