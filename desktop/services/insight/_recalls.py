"""Recall response time: for each campaign, from opening to its scope known and to every
customer notified (items that reached a customer, notified or not), read through the index
of a recall's items by notification."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import case, distinct, func, or_, select
from sqlalchemy.orm import Session

from db.models import Recall, RecallItem
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
    """Recall id -> (customers to notify, customers not yet notified, last notification)."""
    if not ids:
        return {}
    waiting = case((RecallItem.notified_at.is_(None), RecallItem.customer_id))
    rows = session.execute(
        select(
            RecallItem.recall_id,
            func.count(distinct(RecallItem.customer_id)),
            func.count(distinct(waiting)),
            func.max(RecallItem.notified_at),
        )
        .where(RecallItem.recall_id.in_(ids), RecallItem.customer_id.is_not(None))
        .group_by(RecallItem.recall_id)
    )
    return {rid: (int(n), int(w), last) for rid, n, w, last in rows}


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
    headline = t("{n} campaigns open, {waiting} with customers still to notify", n=open_ones,
                 waiting=sum(1 for f in figures if f.alert))  # fmt: skip
    return PanelView(Panel.RECALLS, headline, tuple(figures), alert=any(f.alert for f in figures))
