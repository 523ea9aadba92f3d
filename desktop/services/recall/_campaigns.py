"""Recall campaigns: open one from a trace scope, read it, close it (signed); the progress of
its items (notified, returned, dispositioned) is ``_progress``.

- The scope is the forward trace (``db.trace.forward``) of a component or material lot, a
  production lot or a unit. The affected items are the finished serialised units in it, and
  the production lots of lot-controlled products (a kit lot is recalled as one item).
- Each affected item is a RecallItem with its state when the scope was taken (in_stock,
  shipped, installed, returned, scrapped, disposed) and the customer and site to notify (the
  site it is installed at, else the ship-to site of its shipment).
- Progress per item: notified_at, returned_at, disposition. Closing needs every item
  dispositioned and a supervisor's signature "Recall closed".
- The response KPI: opened_at -> scope_known_at (scope taken) -> closed_at.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Item, Recall, RecallItem, Signature
from db.types import utcnow
from desktop.domain.canonical import sha256_hex
from desktop.domain.distribution import (
    RecallState,
    RecallStatus,
)
from desktop.domain.events import EventKind
from desktop.domain.permissions import Meaning, Permission
from desktop.domain.text import t
from desktop.reports import recall_query
from desktop.reports.recall_model import (
    CustomerLine,
    RecallItemView,
    RecallUpdate,
    RecallView,
)
from desktop.reports.signature import Manifestation
from desktop.services.core import records
from desktop.services.core.context import LoginSession
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.identity import describe, sign_in

SCOPE_KINDS = recall_query.SCOPE_KINDS


# ---------------------------------------------------------------- reading


def _recall(session: Session, number: str, *, lock: bool = False) -> Recall:
    stmt = select(Recall).where(Recall.number == (number or "").strip())
    if lock:
        stmt = stmt.with_for_update()
    found = session.scalars(stmt).first()
    if found is None:
        raise NotFound(
            t(
                'recall "{number}" does not exist: check the recall number',
                number=shown(number or ""),
            )
        )
    return found


def closing_signature(session: Session, recall: Recall) -> Manifestation | None:
    stmt = select(Signature).where(
        Signature.record_type == "recalls",
        Signature.record_id == str(recall.id),
        Signature.meaning == Meaning.RECALL_CLOSED.value,
    )
    sig = session.scalars(stmt.order_by(Signature.id.desc())).first()
    if sig is None:
        return None
    info = describe(session, sig)
    return Manifestation(
        info.printed_name, info.username, info.meaning, info.signed_at, info.valid, info.problem
    )


def recall_view(session: Session, recall: Recall, limit: int = 500) -> RecallView:
    closing = closing_signature(session, recall)
    return recall_query.recall_view(session, recall, closing, label, limit)


@use_case(Permission.RECALL_MANAGE)
def recall_status(uow: UnitOfWork, number: str, *, limit: int = 500) -> RecallView:
    """A recall as it stands: KPI times, counts per state, customers, the first items."""
    return recall_view(uow.session, _recall(uow.session, number), limit)


@use_case(Permission.RECALL_MANAGE, read_only=True)
def recalls(uow: UnitOfWork, *, limit: int = 200) -> list[RecallView]:
    """Every recall campaign with its KPI and counts (no items): open ones first, newest first."""
    stmt = select(Recall).order_by(Recall.status == RecallStatus.CLOSED, Recall.id.desc())
    return [recall_view(uow.session, r, 0) for r in uow.session.scalars(stmt.limit(limit))]


def _require_open(recall: Recall) -> None:
    if recall.status != RecallStatus.OPEN:
        raise Refusal(
            t(
                "{number} is closed ({date}): it takes no more updates",
                number=recall.number,
                date=f"{recall.closed_at:%Y-%m-%d}",
            ),
            entity="recall",
            entity_id=str(recall.id),
        )


# ---------------------------------------------------------------- opening


def _user(uow: UnitOfWork) -> int:
    if uow.actor.user_id is None:
        raise Refusal(t("log in first: a recall names the person who runs it"))
    return uow.actor.user_id


def _refuse_duplicate(session: Session, root: Item, scan: str) -> None:
    stmt = select(Recall.number).where(
        Recall.scope_item_id == root.id, Recall.status == RecallStatus.OPEN
    )
    other = session.scalars(stmt.limit(1)).first()
    if other is not None:
        raise Refusal(
            t(
                'scan "{scan}": {other} is open on {scope} already: work on that recall '
                "(lotline recall status) instead of opening a second one",
                scan=shown(scan),
                other=other,
                scope=label(root),
            ),
            entity="recall",
        )


@use_case(Permission.RECALL_MANAGE)
def open_recall(
    uow: UnitOfWork, scope_scan: str, reason: str, *, event_id: uuid.UUID | None = None
) -> RecallView:
    """Open a recall on the forward scope of the scanned lot or unit; the scope is taken now."""
    earlier = records.already_recorded(uow, event_id)
    if earlier is not None:
        return recall_view(uow.session, _recall(uow.session, str(earlier.data["recall"])))
    why = (reason or "").strip()
    if not why:
        raise Refusal(t('scan "{scan}": say why: a recall needs a reason', scan=shown(scope_scan)))
    root = require_item(uow.session, scope_scan, SCOPE_KINDS, "component lot, lot or unit")
    _refuse_duplicate(uow.session, root, scope_scan)
    recall = Recall(
        number=f"tmp-{uuid.uuid4().hex[:12]}",
        reason=why,
        scope_item_id=root.id,
        status=RecallStatus.OPEN,
        opened_by=_user(uow),
        opened_at=utcnow(),
    )
    uow.session.add(recall)
    uow.session.flush()
    recall.number = f"RCL-{recall.id:06d}"
    affected = recall_query.take_scope(uow.session, recall, root.id)
    recall.scope_known_at = utcnow()
    data = {"recall": recall.number, "reason": why, "items": len(affected)}
    records.record_event(uow, EventKind.RECALL_OPEN, item=root, event_id=event_id, data=data)
    states = {s: sum(1 for _, st in affected if st == s) for s in RecallState}
    digest = sha256_hex("\n".join(str(i) for i, _ in affected))
    new = data | {"scope": label(root), "by_state": states, "items_sha256": digest}
    uow.audit("recall.open", "recall", recall.id, new=new, reason=why)
    return recall_view(uow.session, recall)


# ---------------------------------------------------------------- closing


def _refuse_open_items(session: Session, recall: Recall) -> None:
    stmt = (
        select(Item)
        .join(RecallItem, RecallItem.item_id == Item.id)
        .where(RecallItem.recall_id == recall.id, RecallItem.disposition.is_(None))
        .order_by(Item.id)
    )
    waiting = list(session.scalars(stmt.limit(6)))
    if not waiting:
        return
    count = session.scalar(
        select(func.count()).where(
            RecallItem.recall_id == recall.id, RecallItem.disposition.is_(None)
        )
    )
    names = ", ".join(label(i) for i in waiting[:5]) + (", ..." if len(waiting) > 5 else "")
    raise Refusal(
        t(
            "{number} cannot be closed: {count} item(s) have no disposition yet ({names}); "
            "record a disposition for each first",
            number=recall.number,
            count=count,
            names=names,
        ),
        entity="recall",
        entity_id=str(recall.id),
    )


@use_case(Permission.RECALL_MANAGE)
def close_recall(
    uow: UnitOfWork,
    login: LoginSession,
    number: str,
    password: str,
    username: str | None = None,
    note: str = "",
) -> RecallView:
    """Close a recall whose every item is dispositioned, signed "Recall closed"."""
    recall = _recall(uow.session, number, lock=True)
    _require_open(recall)
    _refuse_open_items(uow.session, recall)
    recall.status, recall.closed_at = RecallStatus.CLOSED, utcnow()
    why = note.strip() or None
    sig = sign_in(
        uow, login, recall, Meaning.RECALL_CLOSED, password, username=username, reason=why
    )
    uow.audit(
        "recall.close",
        "recall",
        recall.id,
        old={"status": RecallStatus.OPEN},
        new={"status": RecallStatus.CLOSED, "signature": sig.id, "closed_at": recall.closed_at},
        reason=why,
    )
    scope = uow.session.get(Item, recall.scope_item_id)
    data = {"recall": recall.number, "signature": sig.id}
    records.record_event(uow, EventKind.RECALL_CLOSE, item=scope, data=data)
    return recall_view(uow.session, recall)


__all__ = [
    "CustomerLine",
    "RecallItemView",
    "RecallUpdate",
    "RecallView",
    "close_recall",
    "open_recall",
    "recall_status",
    "recall_view",
    "recalls",
]
