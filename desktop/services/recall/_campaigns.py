"""Recall campaigns: open from a trace scope, notify, return, disposition, close (signed).

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
from collections.abc import Iterable, Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.models import Customer, Item, Recall, RecallItem, Signature, Site
from db.types import utcnow
from desktop.domain.canonical import sha256_hex
from desktop.domain.distribution import (
    AT_CUSTOMER,
    NEED_RETURN,
    RecallAction,
    RecallDisposition,
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


# ---------------------------------------------------------------- progress


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


def _scanned(
    session: Session, recall: Recall, scans: Iterable[str]
) -> list[tuple[RecallItem, Item]]:
    found = []
    for scan in scans:
        item = require_item(session, scan, SCOPE_KINDS[1:], "unit or lot")
        row = session.scalars(
            select(RecallItem).where(
                RecallItem.recall_id == recall.id, RecallItem.item_id == item.id
            )
        ).first()
        if row is None:
            raise Refusal(
                t(
                    'scan "{scan}": {item} is not affected by {number}: check the serial, or '
                    "open a recall on its scope",
                    scan=shown(scan),
                    item=label(item),
                    number=recall.number,
                ),
                entity="recall",
                entity_id=str(recall.id),
            )
        found.append((row, item))
    return found


def _site_of(session: Session, customer: Customer, site: str) -> Site:
    given = site.strip()
    stmt = select(Site).where(
        Site.customer_id == customer.id, or_(Site.gln == given, Site.name == given)
    )
    found = session.scalars(stmt).first()
    if found is None:
        raise NotFound(
            t(
                'site "{site}" is not a site of {customer}: give the site\'s GLN or name',
                site=shown(given),
                customer=customer.code,
            )
        )
    return found


def _of_customer(
    session: Session, recall: Recall, code: str, site: str | None = None
) -> list[tuple[RecallItem, Item]]:
    customer = session.scalars(select(Customer).where(Customer.code == code.strip())).first()
    if customer is None:
        raise NotFound(
            t('customer "{code}" does not exist: check the customer code', code=shown(code))
        )
    stmt = (
        select(RecallItem, Item)
        .join(Item, Item.id == RecallItem.item_id)
        .where(RecallItem.recall_id == recall.id, RecallItem.customer_id == customer.id)
        .order_by(RecallItem.item_id)
    )
    where = _site_of(session, customer, site) if site and site.strip() else None
    if where is not None:
        stmt = stmt.where(RecallItem.site_id == where.id)
    rows = [(row, item) for row, item in session.execute(stmt)]
    if rows:
        return rows
    if where is not None:
        raise Refusal(
            t(
                "{number} affects nothing of {customer} at {site}: nobody to notify there",
                number=recall.number,
                customer=customer.code,
                site=where.name,
            )
        )
    raise Refusal(
        t(
            "{number} affects nothing of {customer}: nobody to notify",
            number=recall.number,
            customer=customer.code,
        )
    )


def _targets(
    uow: UnitOfWork,
    recall: Recall,
    scans: Sequence[str],
    customer: str | None,
    site: str | None = None,
) -> list[tuple[RecallItem, Item]]:
    if bool(scans) == bool(customer and customer.strip()):
        raise Refusal(t("name either a customer code or the units (scans), not both and not none"))
    if customer and customer.strip():
        return _of_customer(uow.session, recall, customer, site)
    return _scanned(uow.session, recall, scans)


def _mark(
    uow: UnitOfWork, recall: Recall, targets: list[tuple[RecallItem, Item]], field: str
) -> tuple[list[Item], list[Item]]:
    """Set ``field`` (notified_at or returned_at) to now where it is empty; audited."""
    todo = [(r, i) for r, i in targets if getattr(r, field) is None]
    if not todo:
        done = (RecallAction.NOTIFIED if field == "notified_at" else RecallAction.RETURNED).words
        raise Refusal(
            t(
                "{number}: every item named is {done} already: nothing to record",
                number=recall.number,
                done=done,
            )
        )
    now = utcnow()
    for row, _ in todo:
        setattr(row, field, now)
    changed = [i for _, i in todo]
    return changed, [i for r, i in targets if getattr(r, field) != now]


def _update(
    recall: Recall, action: RecallAction, changed: list[Item], skipped: list[Item]
) -> RecallUpdate:
    names = (tuple(label(i) for i in changed), tuple(label(i) for i in skipped))
    return RecallUpdate(recall.number, action, *names)


def _refuse_state(
    recall: Recall, row: RecallItem, item: Item, allowed: Iterable[RecallState]
) -> None:
    if row.state_at_scope not in allowed:
        state = row.state_at_scope.words
        raise Refusal(
            t(
                "{item} was {state} when the scope was taken: it has no customer to notify and "
                "nothing to return; record its disposition instead",
                item=label(item),
                state=state,
            ),
            entity="recall",
            entity_id=str(recall.id),
        )


@use_case(Permission.RECALL_MANAGE)
def record_notification(
    uow: UnitOfWork,
    number: str,
    scans: Sequence[str] = (),
    *,
    customer: str | None = None,
    site: str | None = None,
    note: str = "",
) -> RecallUpdate:
    """The customer of these units (or of every unit of ``customer``, at its ``site`` when one
    is named: GLN or name) was notified; ``note`` says who was told and how."""
    recall = _recall(uow.session, number, lock=True)
    _require_open(recall)
    targets = _targets(uow, recall, scans, customer, site)
    for row, item in targets:
        _refuse_state(recall, row, item, (*AT_CUSTOMER, RecallState.RETURNED))
    changed, skipped = _mark(uow, recall, targets, "notified_at")
    new = {"items": [i.id for i in changed], "customer": customer}
    if site:
        new["site"] = site
    uow.audit("recall.notify", "recall", recall.id, new=new, reason=note.strip() or None)
    return _update(recall, RecallAction.NOTIFIED, changed, skipped)


@use_case(Permission.RECALL_MANAGE)
def record_return(uow: UnitOfWork, number: str, scans: Sequence[str]) -> RecallUpdate:
    """These units came back from the customer."""
    recall = _recall(uow.session, number, lock=True)
    _require_open(recall)
    targets = _targets(uow, recall, scans, None)
    for row, item in targets:
        _refuse_state(recall, row, item, (*AT_CUSTOMER, RecallState.RETURNED))
    changed, skipped = _mark(uow, recall, targets, "returned_at")
    uow.audit("recall.return", "recall", recall.id, new={"items": [i.id for i in changed]})
    return _update(recall, RecallAction.RETURNED, changed, skipped)


def _refuse_disposition(
    recall: Recall, row: RecallItem, item: Item, disposition: RecallDisposition
) -> None:
    if row.disposition is not None:
        raise Refusal(
            t(
                "{item} has the disposition {disposition} in {number} already: a disposition is "
                "made once",
                item=label(item),
                disposition=row.disposition.words,
                number=recall.number,
            ),
            entity="recall",
            entity_id=str(recall.id),
        )
    away = row.state_at_scope in AT_CUSTOMER and row.returned_at is None
    if disposition in NEED_RETURN and away:
        raise Refusal(
            t(
                "{item} is at the customer ({state}): record its return before it is {done}, "
                "or choose {field} or {site}",
                item=label(item),
                state=row.state_at_scope.words,
                done=disposition.words,
                field=RecallDisposition.CORRECTED_IN_FIELD.value,
                site=RecallDisposition.DESTROYED_ON_SITE.value,
            ),
            entity="recall",
            entity_id=str(recall.id),
        )


@use_case(Permission.RECALL_MANAGE)
def record_disposition(
    uow: UnitOfWork, number: str, scans: Sequence[str], disposition: str, reason: str
) -> RecallUpdate:
    """What became of these units: one of RecallDisposition, with the reason."""
    recall = _recall(uow.session, number, lock=True)
    _require_open(recall)
    chosen = RecallDisposition.known(disposition)
    if chosen is None:
        codes = ", ".join(RecallDisposition.values())
        raise Refusal(
            t(
                'disposition "{said}" is unknown: use {codes}',
                said=shown(disposition or ""),
                codes=codes,
            )
        )
    why = (reason or "").strip()
    if not why:
        raise Refusal(
            t("the disposition in {number} needs a reason: say what was done", number=recall.number)
        )
    targets = _targets(uow, recall, scans, None)
    for row, item in targets:
        _refuse_disposition(recall, row, item, chosen)
    for row, _ in targets:
        row.disposition = chosen
    changed = [i for _, i in targets]
    uow.audit(
        "recall.disposition",
        "recall",
        recall.id,
        new={"items": [i.id for i in changed], "disposition": chosen},
        reason=why,
    )
    return _update(recall, RecallAction.DISPOSITIONED, changed, [])


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
    "record_disposition",
    "record_notification",
    "record_return",
]
