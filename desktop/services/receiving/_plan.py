"""The incoming inspection plan of a received lot's part, and readings held against it: every
characteristic is read before a lot (or piece) is accepted, and a reading outside its limits
makes the inspection a failure, never an acceptance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import IncomingPlan, Item
from desktop.domain.permissions import Permission
from desktop.domain.states import ItemKind
from desktop.domain.steps import Limits, check_value, verdict_words
from desktop.domain.text import stored, t
from desktop.services.core.errors import Refusal
from desktop.services.core.lookup import require_item, shown
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case

Readings = Mapping[str, Decimal | str]


@dataclass(frozen=True)
class IncomingPlanView:
    characteristic: str
    nominal: Decimal | None
    lower: Decimal
    upper: Decimal
    unit: str

    def limits_text(self) -> str:
        return f"{_plain(self.lower)}–{_plain(self.upper)} {self.unit}".strip()


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _stored(value: Decimal | None) -> Decimal | None:
    """12.1000 (as stored) -> 12.1, for messages; None stays None."""
    return None if value is None else Decimal(_plain(value))


def _bound(value: Decimal | None, missing: str) -> Decimal:
    found = _stored(value)
    return Decimal(missing) if found is None else found


def plan_of(session: Session, item: Item) -> list[IncomingPlanView]:
    stmt = select(IncomingPlan).where(
        IncomingPlan.part_id == item.part_id, IncomingPlan.active.is_(True)
    )
    return [
        IncomingPlanView(
            p.characteristic,
            _stored(p.nominal),
            _bound(p.lower_limit, "-Infinity"),
            _bound(p.upper_limit, "Infinity"),
            p.unit,
        )
        for p in session.scalars(stmt.order_by(IncomingPlan.id))
    ]


@use_case(Permission.TRACE_VIEW, read_only=True)
def incoming_plan(uow: UnitOfWork, lot_scan: str) -> list[IncomingPlanView]:
    """The characteristics to check on the scanned lot (its part's incoming inspection plan)."""
    item = require_item(uow.session, lot_scan, (ItemKind.MATERIAL_LOT,), "received material lot")
    return plan_of(uow.session, item)


def _number(characteristic: str, value: Decimal | str) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        number = Decimal("NaN")
    if not number.is_finite():
        raise Refusal(
            t(
                '{characteristic}: reading "{value}" is not a number: enter the value',
                characteristic=characteristic,
                value=shown(str(value)),
            )
        )
    return number


def held_to_plan(
    plan: list[IncomingPlanView], readings: Readings, accepted: bool, subject: str
) -> list[dict[str, object]]:
    """The readings as recorded (value, limits, verdict), or a refusal saying what to do."""
    by_name = {p.characteristic.casefold(): p for p in plan}
    unknown = [name for name in readings if name.strip().casefold() not in by_name]
    if unknown:
        raise Refusal(
            t(
                '"{characteristic}" is not in the incoming inspection plan of {subject}: '
                "its characteristics are {known}",
                characteristic=shown(unknown[0]),
                subject=subject,
                known=", ".join(p.characteristic for p in plan) or t("none"),
            )
        )
    recorded: list[dict[str, object]] = []
    outside: list[str] = []
    for name, value in readings.items():
        line = by_name[name.strip().casefold()]
        reading = _number(line.characteristic, value)
        limits = Limits(line.lower, line.upper, line.unit, line.nominal)
        verdict = check_value(reading, limits, line.characteristic)
        words = verdict_words(verdict)
        recorded.append(
            {
                "characteristic": line.characteristic,
                "value": str(reading),
                "unit": line.unit,
                "lower": str(line.lower),
                "upper": str(line.upper),
                "passed": verdict.ok,
                "message": str(words),
                "message_text": stored(words),
            }
        )
        if not verdict.ok:
            outside.append(str(words))
    if accepted:
        read = {str(r["characteristic"]).casefold() for r in recorded}
        missing = [p.characteristic for p in plan if p.characteristic.casefold() not in read]
        if missing:
            raise Refusal(
                t(
                    "{subject}: {missing} not read yet: read every characteristic of the "
                    "incoming inspection plan before accepting",
                    subject=subject,
                    missing=", ".join(missing),
                )
            )
        if outside:
            raise Refusal(
                t(
                    "{subject}: {reading}: a reading outside its limits fails the incoming "
                    "inspection: record it as failed, with notes",
                    subject=subject,
                    reading=outside[0],
                )
            )
    return recorded


__all__ = ["IncomingPlanView", "Readings", "held_to_plan", "incoming_plan", "plan_of"]
