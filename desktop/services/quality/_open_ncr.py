"""Opening a nonconformance from inside another use case (a failed step, a refused weight)."""

from __future__ import annotations

import uuid

from db.models import Event, Item, Nonconformance
from desktop.domain.quality import NcrStatus
from desktop.services.core.uow import UnitOfWork


def open_ncr_in(
    uow: UnitOfWork, item: Item, description: str, event: Event | None = None
) -> Nonconformance:
    """Open an NCR against ``item`` in the caller's transaction; numbered NCR-000123."""
    ncr = Nonconformance(
        number=f"tmp-{uuid.uuid4().hex[:12]}",
        item_id=item.id,
        event_id=event.id if event is not None else None,
        description=description,
        status=NcrStatus.OPEN,
        opened_by=uow.actor.user_id,
    )
    uow.session.add(ncr)
    uow.session.flush()
    ncr.number = f"NCR-{ncr.id:06d}"
    uow.audit(
        "ncr.open",
        "nonconformance",
        ncr.id,
        new={"number": ncr.number, "item": item.id, "description": description},
    )
    return ncr
