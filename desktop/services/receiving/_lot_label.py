"""Lotline's own bin label for a received supplier lot: part, lot, expiry, quantity and the lot's
status in large type, with a GS1 DataMatrix (GTIN, lot, expiry) when the part has a GTIN.

Printed in two transactions around the printer, as every label: the label is rendered from the
lot as recorded, sent with no transaction open, and the printer's answer is recorded (event
``label_print`` on the lot, audited). A printer that does not answer records nothing issued; the
station can print again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from db.models import Part
from desktop.domain.events import EventKind
from desktop.domain.permissions import Permission
from desktop.domain.states import ItemKind, Status
from desktop.domain.text import t
from desktop.domain.udi import ComposedUDI, ComposeError, compose
from desktop.labels import LabelError, render_png, render_zpl
from desktop.services.core import records
from desktop.services.core.context import Context
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item
from desktop.services.core.printing import LabelPrinter, PrinterOutcome, send_safely
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.receiving._receipts import MaterialLotView, lot_view

WITH_BARCODE = "material-lot"  # the part has a GTIN: DataMatrix with GTIN, lot and expiry
TEXT_ONLY = "material-lot-text"  # no GTIN: the lot in large type only

#: The status printed on the bin (in English and capitals: a label is read by anyone).
STATUS_ON_LABEL = {
    Status.QUARANTINE: "QUARANTINE - DO NOT USE",
    Status.RELEASED: "RELEASED FOR USE",
    Status.REJECTED: "REJECTED - DO NOT USE",
}


@dataclass(frozen=True)
class LotLabel:
    lot: MaterialLotView
    template: str
    zpl: bytes
    png: bytes


@dataclass(frozen=True)
class LotLabelPrint:
    label: LotLabel
    outcome: PrinterOutcome
    event_id: uuid.UUID | None  # None when nothing was issued (the printer was not reached)


def _fields(view: MaterialLotView, part_name: str) -> dict[str, str]:
    quantity = f"{view.quantity.normalize():f} {view.unit}"
    return {
        "part": view.part_number,
        "part_name": part_name,
        "quantity": quantity,
        "supplier": view.supplier_code,
        "status": STATUS_ON_LABEL.get(Status(view.status), str(view.status).upper()),
    }


@use_case(Permission.MATERIAL_RECEIVE, read_only=True)
def lot_label(uow: UnitOfWork, lot_scan: str) -> LotLabel:
    """The bin label of a received lot, rendered (ZPL for the printer, PNG to preview)."""
    item = require_item(uow.session, lot_scan, (ItemKind.MATERIAL_LOT,), "received material lot")
    view = lot_view(uow.session, item)
    part = uow.session.get(Part, item.part_id) if item.part_id else None
    part_name = part.name if part is not None else ""
    fields = _fields(view, part_name)
    udi: ComposedUDI | None = None
    if item.gtin and item.lot:
        try:
            given: dict[str, str | date] = {"gtin": item.gtin, "lot": item.lot}
            if item.expiry is not None:
                given["expiry"] = item.expiry
            udi = compose(given)
        except ComposeError:
            udi = None  # a lot GS1 cannot carry: the label without a barcode
    template = WITH_BARCODE if udi is not None else TEXT_ONLY
    if udi is None:
        udi = ComposedUDI("", (), "", ())
        fields |= {
            "lot": view.supplier_lot,
            "expiry": view.expiry.isoformat() if view.expiry else "",
        }
    try:
        zpl = render_zpl(template, udi, fields)
        png = render_png(template, udi, fields)
    except LabelError as exc:
        raise Refusal(
            t(
                "the bin label of {item} cannot be made: {error}: shorten the part name in "
                "the master data or ask an administrator",
                item=records.label(item),
                error=str(exc),
            ),
            entity="item",
            entity_id=str(item.id),
        ) from None
    return LotLabel(view, template, zpl, png)


@use_case(Permission.MATERIAL_RECEIVE)
def _record_lot_label(
    uow: UnitOfWork, lot_scan: str, made: LotLabel, outcome: PrinterOutcome, event_id: uuid.UUID
) -> uuid.UUID:
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        return earlier.id
    item = require_item(uow.session, lot_scan, (ItemKind.MATERIAL_LOT,), "received material lot")
    data = {
        "label": "material lot",
        "template": made.template,
        "printer": outcome.printer,
        "status": outcome.status,
        "reason": str(outcome.reason),
    }
    event = records.record_event(
        uow, EventKind.LABEL_PRINT, item=item, event_id=event_id, data=data
    )
    return event.id


def print_lot_label(
    ctx: Context, printer: LabelPrinter, lot_scan: str, *, event_id: uuid.UUID | None = None
) -> LotLabelPrint:
    """Render the bin label, send it to ``printer`` (no transaction open), record the answer."""
    made = lot_label(ctx, lot_scan)
    key = str(event_id or uuid.uuid4())
    outcome = send_safely(printer, f"lot-{key}", made.zpl)
    if not outcome.issued:
        return LotLabelPrint(made, outcome, None)
    recorded = _record_lot_label(ctx, lot_scan, made, outcome, uuid.UUID(key))
    return LotLabelPrint(made, outcome, recorded)


__all__ = ["LotLabel", "LotLabelPrint", "lot_label", "print_lot_label"]
