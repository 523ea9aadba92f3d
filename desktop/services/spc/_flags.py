"""Anomaly flags: a numeric step result judged against the frozen baseline in the transaction
that records it; each rule it breaks is a flag on the unit and its lot, open until QC
dispositions it with a reason. A lot with an open flag is not released (quality asks here)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import Event, Item, Product, RouteStep, SpcBaseline, SpcFlag, User
from db.types import utcnow
from desktop.domain.permissions import Permission
from desktop.domain.spc import ChartLimits, FlagStatus, SpcRule, violations
from desktop.domain.states import ItemKind
from desktop.domain.text import Text, t
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item
from desktop.services.core.records import label
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.spc._baselines import active_baseline, step_words
from desktop.services.spc._readings import readings

#: Readings a rule may look back over (rule 7 needs 15).
WINDOW = 15


@dataclass(frozen=True)
class FlagView:
    id: int
    number: str  # "SPC-000001"
    item: str  # "unit SN-000001"
    lot: str  # "lot L26120401" ("-" when the unit has none)
    product: str
    step: str  # "4 Weigh assembled pump"
    rule: SpcRule
    value: Decimal
    unit: str
    centre: Decimal
    lower: Decimal
    upper: Decimal
    event_id: uuid.UUID
    raised_at: datetime
    status: FlagStatus
    dispositioned_by: str | None
    dispositioned_at: datetime | None
    reason: str | None

    def words(self) -> Text:
        """ "SPC-000001 on unit SN-000001 (4 Weigh assembled pump, 2415 g): rule 1: ..." """
        return t(
            "{number} on {item} ({step}, {value} {unit}): {rule}",
            number=self.number,
            item=self.item,
            step=self.step,
            value=f"{self.value.normalize():f}",
            unit=self.unit,
            rule=self.rule.words,
        )


def number_of(flag_id: int) -> str:
    return f"SPC-{flag_id:06d}"


def lot_of(session: Session, item: Item) -> Item | None:
    """The production lot a unit was built in (a lot-controlled lot is its own lot)."""
    if item.kind == ItemKind.PRODUCTION_LOT:
        return item
    if item.work_order_id is None:
        return None
    return session.scalars(
        select(Item).where(
            Item.kind == ItemKind.PRODUCTION_LOT, Item.work_order_id == item.work_order_id
        )
    ).first()


def flag_view(session: Session, flag: SpcFlag) -> FlagView:
    item = session.get_one(Item, flag.item_id)
    lot = session.get(Item, flag.lot_item_id) if flag.lot_item_id else None
    step = session.get_one(RouteStep, flag.step_id)
    base = session.get_one(SpcBaseline, flag.baseline_id)
    product = session.get_one(Product, base.product_id)
    who = session.get(User, flag.dispositioned_by) if flag.dispositioned_by else None
    return FlagView(
        flag.id,
        number_of(flag.id),
        label(item),
        label(lot) if lot is not None else "-",
        product.name,
        step_words(step),
        flag.rule,
        flag.value,
        base.unit,
        base.centre,
        base.lower,
        base.upper,
        flag.event_id,
        flag.raised_at,
        flag.status,
        who.username if who else None,
        flag.dispositioned_at,
        flag.reason,
    )


def check_reading(
    uow: UnitOfWork, item: Item, step: RouteStep, event: Event, value: Decimal
) -> list[SpcFlag]:
    """Judge the reading ``event`` recorded (already in the session) against the step's frozen
    baseline: one open flag on the item and its lot per rule the newest point breaks. Nothing
    without a baseline. Called inside the use case that records the reading."""
    session = uow.session
    if item.product_id is None:
        return []
    base = active_baseline(session, item.product_id, step.id)
    if base is None:
        return []
    product = session.get_one(Product, item.product_id)
    session.flush()
    recent = [r for r in readings(session, product, step, last=WINDOW) if r.event_id != event.id]
    frozen = set(base.event_ids)
    cut = max((i + 1 for i, r in enumerate(recent) if str(r.event_id) in frozen), default=0)
    series = recent[cut:][-(WINDOW - 1) :]
    ids = [str(r.event_id) for r in series] + [str(event.id)]
    values = [r.value for r in series] + [float(value)]
    limits = ChartLimits(
        float(base.centre), float(base.lower), float(base.upper), float(base.sigma)
    )
    lot = lot_of(session, item)
    raised = []
    for hit in violations(values, limits, only_at=len(values) - 1):
        flag = SpcFlag(
            item_id=item.id,
            lot_item_id=lot.id if lot is not None else None,
            step_id=step.id,
            baseline_id=base.id,
            rule=hit.rule,
            event_id=event.id,
            point_event_ids=[ids[i] for i in hit.points],
            value=value,
            status=FlagStatus.OPEN,
        )
        session.add(flag)
        session.flush()
        uow.audit(
            "spc.flag",
            "spc_flag",
            flag.id,
            new={
                "number": number_of(flag.id),
                "item": label(item),
                "rule": hit.rule,
                "value": value,
                "event": str(event.id),
                "baseline": base.id,
            },
        )
        raised.append(flag)
    return raised


def flags_on(
    session: Session, item_ids: Iterable[int], *, open_only: bool = False
) -> list[FlagView]:
    """The flags on any of these items (as the unit or as its lot), oldest first."""
    ids = list(item_ids)
    if not ids:
        return []
    stmt = select(SpcFlag).where(or_(SpcFlag.item_id.in_(ids), SpcFlag.lot_item_id.in_(ids)))
    if open_only:
        stmt = stmt.where(SpcFlag.status == FlagStatus.OPEN)
    return [flag_view(session, f) for f in session.scalars(stmt.order_by(SpcFlag.id))]


def open_flags_on(session: Session, item_ids: Iterable[int]) -> list[FlagView]:
    """The open flags on any of these items (as the unit or as its lot), oldest first."""
    return flags_on(session, item_ids, open_only=True)


@use_case(Permission.TRACE_VIEW, read_only=True)
def spc_flags(
    uow: UnitOfWork, lot_scan: str | None = None, *, open_only: bool = True
) -> list[FlagView]:
    """The anomaly flags (open ones unless ``open_only`` is False), of one lot when scanned."""
    stmt = select(SpcFlag).order_by(SpcFlag.id)
    if open_only:
        stmt = stmt.where(SpcFlag.status == FlagStatus.OPEN)
    if lot_scan:
        lot = require_item(uow.session, lot_scan, (ItemKind.PRODUCTION_LOT,), "production lot")
        stmt = stmt.where(or_(SpcFlag.lot_item_id == lot.id, SpcFlag.item_id == lot.id))
    return [flag_view(uow.session, f) for f in uow.session.scalars(stmt)]


def _flag(session: Session, number: str) -> SpcFlag:
    text = (number or "").strip().upper()
    digits = text.removeprefix("SPC-")
    flag = session.get(SpcFlag, int(digits), with_for_update=True) if digits.isdigit() else None
    if flag is None:
        raise NotFound(
            t('"{number}" is not an anomaly flag: give its number (SPC-000001)', number=number)
        )
    return flag


@use_case(Permission.SPC_FLAG_DISPOSITION)
def disposition_flag(uow: UnitOfWork, number: str, reason: str) -> FlagView:
    """QC's decision on an anomaly flag, with the reason (the investigation, what was done);
    the flag no longer blocks its lot's release."""
    flag = _flag(uow.session, number)
    why = (reason or "").strip()
    if flag.status != FlagStatus.OPEN:
        done = flag_view(uow.session, flag)
        raise Refusal(
            t(
                "{number} was dispositioned already by {user} on {when}: {reason}",
                number=done.number,
                user=done.dispositioned_by or "-",
                when=done.dispositioned_at.strftime("%Y-%m-%d %H:%M")
                if done.dispositioned_at
                else "-",
                reason=done.reason or "-",
            ),
            entity="spc_flag",
            entity_id=str(flag.id),
        )
    if not why:
        raise Refusal(
            t(
                "dispositioning {number} needs a reason: say what was found and what was done",
                number=number_of(flag.id),
            ),
            entity="spc_flag",
            entity_id=str(flag.id),
        )
    flag.status = FlagStatus.DISPOSITIONED
    flag.dispositioned_by, flag.dispositioned_at, flag.reason = uow.actor.user_id, utcnow(), why
    uow.audit(
        "spc.flag_disposition",
        "spc_flag",
        flag.id,
        old={"status": FlagStatus.OPEN},
        new={"status": FlagStatus.DISPOSITIONED},
        reason=why,
    )
    return flag_view(uow.session, flag)


__all__ = [
    "FlagView",
    "check_reading",
    "disposition_flag",
    "flag_view",
    "flags_on",
    "lot_of",
    "open_flags_on",
    "spc_flags",
]
