"""A recall's progress, item by item: customers notified, units returned and dispositioned by
scanning, each refused in words when the recall, the item or its state does not allow it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import Customer, Item, Recall, RecallItem, Site
from db.types import utcnow
from desktop.domain.distribution import (
    AT_CUSTOMER,
    NEED_RETURN,
    RecallAction,
    RecallDisposition,
    RecallState,
)
from desktop.domain.permissions import Permission
from desktop.domain.text import t
from desktop.reports import recall_query
from desktop.reports.recall_model import (
    RecallUpdate,
)
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.recall._campaigns import _recall, _require_open


def _scanned(
    session: Session, recall: Recall, scans: Iterable[str]
) -> list[tuple[RecallItem, Item]]:
    found = []
    for scan in scans:
        item = require_item(session, scan, recall_query.SCOPE_KINDS[1:], "unit or lot")
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
