"""Serial labels of a work order's commissioned units: a small label with the serial (GS1
DataMatrix of GTIN, serial and lot, the serial in large type) that planning prints for each
unit, or its housing, so that the unit can be scanned from its first step. It is not the UDI
label (printed at the route's label step under template control): the template is built in
and uncontrolled, and no print job is counted against the unit.

Printed as every label: rendered from the records, sent with no transaction open, and each
label the printer took recorded (event ``label_print`` on the unit, audited).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from db.models import Event, Item, Product, WorkOrder
from desktop.domain.events import EventKind
from desktop.domain.labelling import LabelPurpose
from desktop.domain.permissions import Permission
from desktop.domain.plant import DIScheme
from desktop.domain.states import ItemKind
from desktop.domain.text import t
from desktop.domain.udi import ComposedCode, ComposeError, compose, compose_ma
from desktop.labels import LabelError, render_zpl
from desktop.services.core import records
from desktop.services.core.context import Context
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import shown
from desktop.services.core.printing import LabelPrinter, send_safely
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case

TEMPLATE = "serial"  # not a code: the label template's name
#: What the label says it is for (printed in capitals, read by anyone at the bench).
PURPOSES = {LabelPurpose.UNIT: "UNIT SERIAL", LabelPurpose.HOUSING: "HOUSING - UNIT SERIAL"}


@dataclass(frozen=True)
class SerialLabel:
    serial: str
    zpl: bytes


@dataclass(frozen=True)
class SerialLabelsPrinted:
    printed: tuple[str, ...]  # serials whose label the printer took
    failed: tuple[str, ...]  # serials not printed (the printer was not reached)
    reason: str  # why the first one failed ("" when none did)


def _order(uow: UnitOfWork, number: str) -> WorkOrder:
    wo = uow.session.scalars(select(WorkOrder).where(WorkOrder.number == number.strip())).first()
    if wo is None:
        raise NotFound(
            t(
                'work order "{number}" does not exist: check the number on the traveller',
                number=shown(number),
            )
        )
    return wo


def _printed_already(uow: UnitOfWork, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    events = uow.session.scalars(
        select(Event).where(Event.kind == EventKind.LABEL_PRINT, Event.item_id.in_(ids))
    )
    return {e.item_id for e in events if e.item_id and (e.data or {}).get("label") == TEMPLATE}


@use_case(Permission.SERIALS_COMMISSION, read_only=True, name="print_serial_labels")
def serial_labels(
    uow: UnitOfWork, number: str, purpose: str = LabelPurpose.UNIT, *, again: bool = False
) -> list[SerialLabel]:
    """The serial labels of a work order's commissioned units not labelled yet (``again``:
    all of them), rendered for the printer; none left to print is refused."""
    chosen = LabelPurpose.known(purpose)
    if chosen is None:
        raise Refusal(t('label for "{purpose}": say unit or housing', purpose=purpose))
    wo = _order(uow, number)
    product = uow.session.get(Product, wo.product_id)
    assert product is not None
    units = list(
        uow.session.scalars(
            select(Item)
            .where(Item.work_order_id == wo.id, Item.kind == ItemKind.UNIT)
            .order_by(Item.id)
        )
    )
    if not units or not wo.lot:
        raise Refusal(
            t(
                "work order {number} has no commissioned serials: release it and commission "
                "its serials first",
                number=wo.number,
            )
        )
    done = set() if again else _printed_already(uow, [u.id for u in units])
    out = []
    for unit in units:
        if unit.id in done or unit.serial is None:
            continue
        try:
            udi: ComposedCode = (
                compose_ma(product.di, serial=unit.serial, lot=wo.lot)
                if product.di_scheme == DIScheme.MA
                else compose({"gtin": product.di, "serial": unit.serial, "lot": wo.lot})
            )
            fields = {"product_name": product.name, "purpose": PURPOSES[chosen]}
            out.append(SerialLabel(unit.serial, render_zpl(TEMPLATE, udi, fields)))
        except (ComposeError, LabelError) as exc:
            raise Refusal(
                t(
                    "the serial label of {serial} cannot be made: {error}",
                    serial=unit.serial,
                    error=str(exc),
                )
            ) from None
    if not out:
        raise Refusal(
            t(
                "every serial of work order {number} has its label: choose 'print again' "
                "to print them once more",
                number=wo.number,
            ),
            entity="work_order",
            entity_id=str(wo.id),
        )
    return out


@use_case(Permission.SERIALS_COMMISSION, name="print_serial_labels")
def _record_serial_labels(
    uow: UnitOfWork, number: str, serials: list[str], printer: str, purpose: str, key: str
) -> None:
    wo = _order(uow, number)
    for serial in serials:
        unit = uow.session.scalars(
            select(Item).where(
                Item.work_order_id == wo.id, Item.kind == ItemKind.UNIT, Item.serial == serial
            )
        ).one()
        event_id = uuid.uuid5(uuid.NAMESPACE_URL, f"lotline:serial-label:{key}:{serial}")
        if records.already_recorded(uow, event_id) is not None:
            continue
        data = {"label": TEMPLATE, "purpose": purpose, "printer": printer, "serial": serial}
        records.record_event(
            uow,
            EventKind.LABEL_PRINT,
            item=unit,
            event_id=event_id,
            work_order_id=wo.id,
            data=data,
        )


def print_serial_labels(
    ctx: Context,
    printer: LabelPrinter,
    number: str,
    purpose: str = LabelPurpose.UNIT,
    *,
    again: bool = False,
    key: str | None = None,
) -> SerialLabelsPrinted:
    """Print the serial labels of work order ``number`` (those not printed yet, or ``again``
    all of them) on ``printer``; record each one the printer took."""
    labels = serial_labels(ctx, number, purpose, again=again)
    job = key or uuid.uuid4().hex
    printed: list[str] = []
    failed: list[str] = []
    reason, name = "", ""
    for made in labels:
        outcome = send_safely(printer, f"serial-{job}-{made.serial}", made.zpl)
        if outcome.issued:
            printed.append(made.serial)
            name = name or outcome.printer
        else:
            failed.append(made.serial)
            reason = reason or str(outcome.reason)
    if printed:
        _record_serial_labels(ctx, number, printed, name, purpose, job)
    return SerialLabelsPrinted(tuple(printed), tuple(failed), reason)
