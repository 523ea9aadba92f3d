"""What the demo tests read back from the database, independently of the demo's own tally.

Every question is answered from the rows (links, shipment lines, print jobs), not from the
services the demo used, so that a demo that reports the wrong scope cannot also agree with it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, aliased

from db.models import (
    Customer,
    Event,
    Item,
    Link,
    Nonconformance,
    PrintJob,
    Recall,
    RecallItem,
    Shipment,
    ShipmentLine,
)
from desktop.services.labelling import ISSUED

BAD_BOARD_LOT = "CW24-0312"  # the control-board lot the demo finds bad
_BX = re.compile(r"\^BX[^\^]*\^FD#1([^\^]*)\^FS")


@dataclass(frozen=True)
class Scope:
    units: set[str]  # serials
    customers: set[str]  # customer codes


def built_with_bad_board(engine: Engine) -> Scope:
    """Units with a current consume link to the bad board lot, and the customers whose
    shipments carry those units (a shipment line per unit, also inside a case)."""
    lot = aliased(Item)
    unit = aliased(Item)
    stmt = (
        select(unit.id, unit.serial)
        .join(Link, Link.parent_item_id == unit.id)
        .join(lot, lot.id == Link.child_item_id)
        .where(lot.supplier_lot == BAD_BOARD_LOT, lot.kind == "material_lot")
        .where(Link.kind == "consume", Link.removed_event_id.is_(None))
    )
    customers = (
        select(Customer.code)
        .join(Shipment, Shipment.customer_id == Customer.id)
        .join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id)
    )
    with Session(engine) as session:
        units = {int(i): str(serial) for i, serial in session.execute(stmt)}
        codes = session.scalars(customers.where(ShipmentLine.item_id.in_(list(units))))
        return Scope(set(units.values()), set(codes))


def recall_scope(engine: Engine) -> Scope:
    """What the one recall the demo opened holds."""
    with Session(engine) as session:
        recall = session.scalars(select(Recall)).one()
        rows = session.execute(
            select(Item.serial, Customer.code)
            .join(RecallItem, RecallItem.item_id == Item.id)
            .outerjoin(Customer, Customer.id == RecallItem.customer_id)
            .where(RecallItem.recall_id == recall.id)
        ).all()
    return Scope({str(s) for s, _ in rows}, {str(c) for _, c in rows if c})


def issued_jobs(engine: Engine) -> list[PrintJob]:
    with Session(engine) as session:
        stmt = select(PrintJob).where(PrintJob.status.in_(ISSUED)).order_by(PrintJob.id)
        return list(session.scalars(stmt))


def datamatrix(zpl: bytes) -> str:
    found = _BX.search(zpl.decode("utf-8"))
    assert found is not None, "a printed label without its GS1 DataMatrix"
    return found.group(1).replace("#1", "\x1d")


def printed_udis(labels: Path) -> Counter[str]:
    return Counter(datamatrix(p.read_bytes()) for p in sorted(labels.glob("label-*.zpl")))


def ncr_numbers(engine: Engine) -> list[str]:
    with Session(engine) as session:
        return list(session.scalars(select(Nonconformance.number)))


def events(engine: Engine, kind: str) -> list[Event]:
    with Session(engine) as session:
        return list(session.scalars(select(Event).where(Event.kind == kind)))


def pump_lot(engine: Engine) -> str:
    with Session(engine) as session:
        stmt = select(Item.lot).where(Item.kind == "production_lot", Item.gtin == "09506000134352")
        return str(session.scalars(stmt).one())
