"""Quality's panels: open nonconformances and holds in force with their age, lots completed and
awaiting release (with their open anomaly flags), and label reconciliation. Each reads a small
set through an index: open records by status, holds not released, print jobs of the window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Event, Hold, Item, Nonconformance, PrintJob, SpcFlag
from desktop.domain.events import EventKind
from desktop.domain.insight import RECONCILED, LabelTally, Panel
from desktop.domain.labelling import PrintStatus
from desktop.domain.quality import NcrStatus
from desktop.domain.spc import FlagStatus
from desktop.domain.states import LOT_AWAITING_RELEASE, ItemKind
from desktop.domain.text import Text, t
from desktop.services.insight._model import Figure, PanelView, Window, age_words, key_of

#: Open records older than this many days are shown as needing attention.
AGE_ALERT_DAYS = 7
#: The oldest open records a panel lists one by one (the headline counts them all).
LISTED = 12


def _aged_panel(
    panel: Panel,
    rows: list[tuple[int, str, datetime]],
    now: datetime,
    none: Text,
    some: Callable[[int, Text], Text],
) -> PanelView:
    """Open records oldest first, one figure each (its value the age in days; older than
    AGE_ALERT_DAYS is marked); the headline says ``none``, or ``some(count, oldest age)``."""
    figures = []
    for rid, words, since in rows[:LISTED]:
        days = (now - since).total_seconds() / 86400
        figures.append(
            Figure(
                key_of(panel, rid),
                words,
                round(days, 1),
                note=age_words(since, now),
                alert=days > AGE_ALERT_DAYS,
            )
        )
    headline = some(len(rows), age_words(rows[0][2], now)) if rows else none
    return PanelView(
        panel,
        headline,
        tuple(figures),
        alert=any(f.alert for f in figures),
        figures_total=len(rows),
    )


def ncrs(session: Session, now: datetime) -> PanelView:
    """Nonconformances not closed (open or dispositioned), oldest first."""
    stmt = (
        select(Nonconformance.id, Nonconformance.number, Nonconformance.opened_at)
        .where(Nonconformance.status != NcrStatus.CLOSED)
        .order_by(Nonconformance.opened_at)
    )
    rows = [(i, n, at) for i, n, at in session.execute(stmt)]
    return _aged_panel(
        Panel.NCRS,
        rows,
        now,
        t("no open nonconformance"),
        lambda n, age: t("{n} open, the oldest {age}", n=n, age=age),
    )


def holds(session: Session, now: datetime) -> PanelView:
    """Holds not released, oldest first, named by what they hold."""
    stmt = (
        select(Hold.id, Item.serial, Item.lot, Item.supplier_lot, Item.sscc, Hold.placed_at)
        .join(Item, Item.id == Hold.item_id)
        .where(Hold.released_at.is_(None))
        .order_by(Hold.placed_at)
    )
    rows = [
        (hid, serial or lot or supplier_lot or sscc or "?", at)
        for hid, serial, lot, supplier_lot, sscc, at in session.execute(stmt)
    ]
    return _aged_panel(
        Panel.HOLDS,
        rows,
        now,
        t("no hold in force"),
        lambda n, age: t("{n} in force, the oldest {age}", n=n, age=age),
    )


def awaiting_release(session: Session, now: datetime) -> PanelView:
    """Production lots not yet released, rejected or scrapped (in production, completed,
    nonconforming: QC's queue), oldest first, with their open anomaly flags."""
    lots = list(
        session.execute(
            select(Item.id, Item.lot, Item.created_at)
            .where(Item.kind == ItemKind.PRODUCTION_LOT, Item.status.in_(LOT_AWAITING_RELEASE))
            .order_by(Item.created_at)
        )
    )
    flagged = dict(
        session.execute(
            select(SpcFlag.lot_item_id, func.count())
            .where(
                SpcFlag.status == FlagStatus.OPEN,
                SpcFlag.lot_item_id.in_([lot.id for lot in lots]),
            )
            .group_by(SpcFlag.lot_item_id)
        ).all()
    )
    figures = []
    for lid, lot, since in lots[:LISTED]:
        flags = flagged.get(lid, 0)
        figures.append(
            Figure(
                key_of(Panel.RELEASE, lid),
                lot or "?",
                round((now - since).total_seconds() / 86400, 1),
                note=t("{age}, {flags} anomaly flags open", age=age_words(since, now), flags=flags)
                if flags
                else age_words(since, now),
                alert=flags > 0,
            )
        )
    headline = t(
        "{n} lot(s) awaiting release, {flagged} with anomaly flags",
        n=len(lots),
        flagged=sum(1 for lid, *_ in lots if flagged.get(lid)),
    )
    return PanelView(
        Panel.RELEASE, headline, tuple(figures), alert=bool(flagged), figures_total=len(lots)
    )


def labels(session: Session, window: Window) -> PanelView:
    """Labels of the window: issued (printed or held by the printer), verified, voided, failed,
    reprints; applied / destroyed / returned as the lots' reconciliations say; and the lots
    that had labels issued in the window and have no reconciliation yet."""
    in_window = (PrintJob.created_at >= window.start, PrintJob.created_at < window.end)
    by_status = dict(
        session.execute(
            select(PrintJob.status, func.count()).where(*in_window).group_by(PrintJob.status)
        ).all()
    )
    reprinted = session.scalar(
        select(func.count()).where(*in_window, PrintJob.reprint_of_id.is_not(None))
    )
    lots = set(
        session.scalars(
            select(PrintJob.lot_item_id).where(*in_window, PrintJob.lot_item_id.is_not(None))
        )
    )
    reconciled = set(
        session.scalars(
            select(Event.item_id).where(
                Event.kind == EventKind.LABEL_RECONCILE, Event.item_id.in_(lots)
            )
        )
    )
    counted = dict.fromkeys(RECONCILED, 0)
    for data in session.scalars(
        select(Event.data).where(
            Event.kind == EventKind.LABEL_RECONCILE,
            Event.db_time >= window.start,
            Event.db_time < window.end,
        )
    ):
        for tally in RECONCILED:
            counted[tally] += int(data.get(str(tally), 0))
    issued = sum(
        by_status.get(s, 0)
        for s in (PrintStatus.PRINTED, PrintStatus.HELD, PrintStatus.VERIFIED, PrintStatus.VOIDED)
    )
    values = {
        LabelTally.ISSUED: issued,
        LabelTally.VERIFIED: by_status.get(PrintStatus.VERIFIED, 0),
        LabelTally.VOIDED: by_status.get(PrintStatus.VOIDED, 0),
        LabelTally.FAILED: by_status.get(PrintStatus.FAILED, 0),
        LabelTally.REPRINTED: reprinted or 0,
        **counted,
        LabelTally.UNRECONCILED: len(lots - reconciled),
    }
    unreconciled = values[LabelTally.UNRECONCILED]
    figures = tuple(
        Figure(
            key_of(Panel.LABELS, tally),
            tally.words,
            float(values[tally]),
            alert=tally == LabelTally.UNRECONCILED and unreconciled > 0,
        )
        for tally in LabelTally
    )
    headline = t(
        "{issued} issued, {verified} verified, {lots} lots not reconciled",
        issued=issued,
        verified=values[LabelTally.VERIFIED],
        lots=unreconciled,
    )
    return PanelView(Panel.LABELS, headline, figures, alert=unreconciled > 0)
