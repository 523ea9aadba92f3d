"""The check every refusal test makes: the message, nothing written, one audited refusal."""

from __future__ import annotations

import re
from collections.abc import Callable
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
    LabelTemplate,
    LabelTemplateVersion,
    Link,
    Nonconformance,
    PrintJob,
    ServiceRecord,
    Shipment,
    ShipmentLine,
    Signature,
    WorkOrder,
)
from desktop.services.core.context import Context
from desktop.services.core.errors import AuthenticationFailed, Refusal

#: The tables a refused use case must leave untouched.
COUNTED = (
    Item, Event, Link, Hold, Nonconformance, InspectionResult, Signature, LabelTemplate,
    LabelTemplateVersion, PrintJob, Shipment, ShipmentLine, ServiceRecord, WorkOrder,
)  # fmt: skip


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
    """Call ``fn`` expecting a refusal whose message matches ``match`` (a regular expression);
    nothing may be written but the one ``refused:<fn>`` audit entry. Returns the message."""
    before, audits = counts(engine), audit_count(engine)
    with pytest.raises(Refusal) as caught:
        fn(ctx, *args, **kw)
    message = caught.value.message
    assert not isinstance(caught.value, AuthenticationFailed)
    assert re.search(match, message), f"{message!r} does not match {match!r}"
    assert counts(engine) == before, "a refused use case wrote rows"
    assert audit_count(engine) == audits + 1, "exactly one audit entry: the refusal"
    entry = last_audit(engine)
    assert entry.action == f"refused:{fn.__name__}"
    assert entry.reason == message
    assert audit.verify(engine).ok
    return message
