"""Helpers shared by the work-order, execution and race tests (no tests in here).

``refused`` runs a use case that must be refused and checks the whole "bad input" rule: the
message names the scan and the reason, nothing but the ``refused:<use case>`` audit entry is
written, and the audit chain stays whole.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db import audit
from db.models import (
    AuditEntry,
    Event,
    Hold,
    InspectionResult,
    Item,
    Link,
    Nonconformance,
    WorkOrder,
)
from desktop.services import workorders
from desktop.services.context import Context
from desktop.services.errors import Refusal

PUMP = "09506000134352"
KIT = "09506000134369"
COUNTED = (Item, Event, Link, Nonconformance, WorkOrder, InspectionResult, Hold)


def counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as s:
        return {
            m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0 for m in COUNTED
        }


def audit_count(engine: Engine) -> int:
    with Session(engine) as s:
        return s.scalar(select(func.count(AuditEntry.id))) or 0


def last_audit(engine: Engine) -> AuditEntry:
    with Session(engine) as s:
        return s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()


def refused(
    engine: Engine, fn: Callable[..., Any], ctx: Context, *args: Any, match: str, **kw: Any
) -> str:
    """Call ``fn`` expecting a refusal whose message matches every part of ``match``.

    ``match`` is a regular expression searched in the message. Returns the message."""
    before, audits = counts(engine), audit_count(engine)
    with pytest.raises(Refusal) as caught:
        fn(ctx, *args, **kw)
    message = caught.value.message
    assert re.search(match, message), f"{message!r} does not match {match!r}"
    assert counts(engine) == before, "a refused use case wrote rows"
    assert audit_count(engine) == audits + 1, "exactly one audit entry: the refusal"
    entry = last_audit(engine)
    assert entry.action == f"refused:{fn.__name__}"
    assert entry.reason == message
    assert audit.verify(engine).ok
    return message


def eid() -> uuid.UUID:
    return uuid.uuid4()


@dataclass
class Line:
    """A released work order with units commissioned, ready for the station."""

    number: str
    lot: str
    serials: list[str]


def pump_order(plant: Any, count: int = 3, number: str = "WO-P1", quantity: int = 10) -> Line:
    sup = plant.ctx("supervisor")
    workorders.create_work_order(sup, number, PUMP, quantity)
    wo = workorders.release_work_order(sup, number)
    result = workorders.commission_serials(sup, number, count=count)
    first = int(result.first_serial.split("-")[1])
    serials = [f"SN-{n:06d}" for n in range(first, first + count)]
    assert wo.lot is not None
    return Line(number, wo.lot, serials)


def kit_order(plant: Any, number: str = "WO-K1", quantity: int = 10) -> Line:
    sup = plant.ctx("supervisor")
    workorders.create_work_order(sup, number, KIT, quantity)
    wo = workorders.release_work_order(sup, number)
    assert wo.lot is not None
    return Line(number, wo.lot, [])


def kit_scan(lot: str) -> str:
    """The GS1 label of a kit production lot, as typed: (01) GTIN (10) lot."""
    return f"(01){KIT}(10){lot}"


def item(engine: Engine, **where: Any) -> Item:
    with Session(engine) as s:
        return s.scalars(select(Item).filter_by(**where)).one()
