"""Recall response time: for each campaign, from opening to its scope known and to every
customer notified (items that reached a customer, notified or not), read through the index
of a recall's items by customer and notification."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.orm import Session

from db.models import Customer, Recall, RecallItem
from desktop.domain.distribution import RecallStatus
from desktop.domain.insight import Panel
from desktop.domain.text import t
from desktop.services.insight._model import Figure, PanelView, age_words, key_of

#: Closed campaigns older than this are no longer shown.
SHOWN_DAYS = 365
#: Every customer should know within this many hours of a campaign's opening.
NOTIFY_GOAL_HOURS = 24


def notification_times(
    session: Session, ids: list[int]
) -> dict[int, tuple[int, int, datetime | None]]:
    """Recall id -> (customers to notify, customers not yet notified, last notification).

    Per campaign and customer, three look-ups in the index of a recall's items by customer
    and notification (``ix_recall_items_recall_customer``): has it items, has it one not yet
    notified, its last notification. The cost follows the customers, not the items: a broad
    campaign of 200,000 units at 500 customers reads 1,500 index entries, not 200,000."""
    if not ids:
        return {}
    mine = and_(RecallItem.recall_id == Recall.id, RecallItem.customer_id == Customer.id)
    # a scalar look-up, not EXISTS: PostgreSQL would turn an EXISTS here into a join that
    # reads every item of the campaign
    affected = select(RecallItem.id).where(mine).limit(1).scalar_subquery().is_not(None)
    waiting = select(RecallItem.id).where(mine, RecallItem.notified_at.is_(None)).exists()
    last = select(func.max(RecallItem.notified_at)).where(mine).scalar_subquery()
    out: dict[int, tuple[int, int, datetime | None]] = {}
    for rid, not_yet, at in session.execute(
        select(Recall.id, waiting, last)
        .select_from(Recall)
        .join(Customer, true())
        .where(Recall.id.in_(ids), affected)
    ):
        customers, still, newest = out.get(rid, (0, 0, None))
        if at is not None and (newest is None or at > newest):
            newest = at
        out[rid] = (customers + 1, still + (1 if not_yet else 0), newest)
    return out


def recalls(session: Session, now: datetime) -> PanelView:
    shown = list(
        session.execute(
            select(Recall.id, Recall.number, Recall.status, Recall.opened_at, Recall.scope_known_at)
            .where(
                or_(
                    Recall.status != RecallStatus.CLOSED,
                    Recall.opened_at >= now - timedelta(days=SHOWN_DAYS),
                )
            )
            .order_by(Recall.opened_at.desc())
        )
    )
    notified = notification_times(session, [r.id for r in shown])
    figures = []
    for rid, number, _status, opened, scoped in shown:
        customers, waiting, last = notified.get(rid, (0, 0, None))
        done_at = last if customers and not waiting else (opened if not customers else None)
        hours = ((done_at or now) - opened).total_seconds() / 3600
        scope = age_words(opened, scoped) if scoped else t("not yet")
        figures.append(
            Figure(
                key_of(Panel.RECALLS, rid),
                number,
                round(hours, 1),
                target=float(NOTIFY_GOAL_HOURS),
                note=t(
                    "scope known in {scope}; {told} of {customers} customers notified",
                    scope=scope,
                    told=customers - waiting,
                    customers=customers,
                ),
                alert=done_at is None,
            )
        )
    open_ones = sum(1 for r in shown if r.status != RecallStatus.CLOSED)
    headline = t("{n} campaign(s) open, {waiting} with customers still to notify", n=open_ones,
                 waiting=sum(1 for f in figures if f.alert))  # fmt: skip
    return PanelView(Panel.RECALLS, headline, tuple(figures), alert=any(f.alert for f in figures))
