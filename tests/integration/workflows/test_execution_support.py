"""Helpers shared by the work-order, execution and race tests (no tests in here).

``refused`` runs a use case that must be refused and checks the whole "bad input" rule: the
message names the scan and the reason, nothing but the ``refused:<use case>`` audit entry is
written, and the audit chain stays whole.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.models import (
    Item,
)
from desktop.domain.capture import DeviceCapture
from desktop.services import production
from desktop.services.production import commission_serials

PUMP = "09506000134352"
KIT = "09506000134369"


def eid() -> uuid.UUID:
    return uuid.uuid4()


def capture(
    device: str, raw: bytes, *, serial: str | None = None, aim: str | None = None
) -> DeviceCapture:
    """A reading as the named device delivered it, just now."""
    return DeviceCapture(device, raw, datetime.now(UTC), serial_number=serial, aim=aim)


@dataclass
class Line:
    """A released work order with units commissioned, ready for the station."""

    number: str
    lot: str
    serials: list[str]


def pump_order(plant: Any, count: int = 3, number: str = "WO-P1", quantity: int = 10) -> Line:
    sup = plant.ctx("supervisor")
    production.create_work_order(sup, number, PUMP, quantity)
    wo = production.release_work_order(sup, number)
    result = commission_serials(sup, number, count=count)
    first = int(result.first_serial.split("-")[1])
    serials = [f"SN-{n:06d}" for n in range(first, first + count)]
    assert wo.lot is not None
    return Line(number, wo.lot, serials)


def kit_order(plant: Any, number: str = "WO-K1", quantity: int = 10) -> Line:
    sup = plant.ctx("supervisor")
    production.create_work_order(sup, number, KIT, quantity)
    wo = production.release_work_order(sup, number)
    assert wo.lot is not None
    return Line(number, wo.lot, [])


def kit_scan(lot: str) -> str:
    """The GS1 label of a kit production lot, as typed: (01) GTIN (10) lot."""
    return f"(01){KIT}(10){lot}"


def item(engine: Engine, **where: Any) -> Item:
    with Session(engine) as s:
        return s.scalars(select(Item).filter_by(**where)).one()
