"""A part's incoming inspection plan in the parts file: ``incoming_plan`` is a list of
``{characteristic, nominal, lower, upper, unit}``; checked with the other rows first, then
loaded (a characteristic no longer listed is made inactive, never deleted)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import IncomingPlan, Part
from desktop.services.masterdata._files import Problem, Row

FIELD = "incoming_plan"
#: A plan line's fields and what each holds.
FIELDS = {
    "characteristic": "what is measured (its name)",
    "nominal": "the nominal value (optional)",
    "lower": "the lower limit",
    "upper": "the upper limit",
    "unit": "the unit of the limits and readings",
}
KEYS = frozenset(FIELDS)


def _number(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def check_incoming(rows: list[Row], out: list[Problem]) -> None:
    """Each plan line names a characteristic once, with numeric limits, lower below upper."""
    for row in rows:
        plan = row.values.get(FIELD, [])
        if not isinstance(plan, list):
            out.append(row.problem(FIELD, "must be a list of {characteristic, lower, upper, unit}"))
            continue
        seen: set[str] = set()
        for number, line in enumerate(plan, start=1):
            _check_line(row, number, line, seen, out)


def _check_line(row: Row, number: int, line: Any, seen: set[str], out: list[Problem]) -> None:
    where = f"characteristic {number}"
    if not isinstance(line, dict):
        out.append(row.problem(FIELD, f"{where} must be {{characteristic, lower, upper, unit}}"))
        return
    unknown = sorted(set(line) - KEYS)
    if unknown:
        out.append(row.problem(FIELD, f"{where}: {unknown[0]} is not a field: {sorted(KEYS)}"))
    name = str(line.get("characteristic", "")).strip()
    if not name:
        out.append(row.problem(FIELD, f"{where} needs a characteristic (its name)"))
    elif name.casefold() in seen:
        out.append(row.problem(FIELD, f'{where}: "{name}" is listed twice'))
    seen.add(name.casefold())
    limits = {k: _number(line.get(k)) for k in ("nominal", "lower", "upper")}
    for key, value in limits.items():
        if line.get(key) is not None and value is None:
            out.append(row.problem(FIELD, f'{where} "{name}": {key} must be a number'))
    if line.get("lower") is None or line.get("upper") is None:
        out.append(row.problem(FIELD, f'{where} "{name}" needs lower and upper limits'))
    lower, upper = limits["lower"], limits["upper"]
    if lower is not None and upper is not None and lower > upper:
        out.append(row.problem(FIELD, f'{where} "{name}": lower {lower} is above upper {upper}'))


def load_incoming(session: Session, part: Part, row: Row) -> list[IncomingPlan]:
    """Upsert the part's plan lines; lines no longer in the file become inactive."""
    plan = row.values.get(FIELD)
    if plan is None:
        return []
    rows = {
        p.characteristic: p
        for p in session.scalars(select(IncomingPlan).where(IncomingPlan.part_id == part.id))
    }
    kept: list[IncomingPlan] = []
    for line in plan:
        name = str(line["characteristic"]).strip()
        found = rows.pop(name, None) or IncomingPlan(part_id=part.id, characteristic=name)
        found.nominal = _number(line.get("nominal"))
        found.lower_limit = _number(line.get("lower"))
        found.upper_limit = _number(line.get("upper"))
        found.unit = str(line.get("unit", ""))
        found.active = True
        session.add(found)
        kept.append(found)
    for gone in rows.values():
        gone.active = False
    session.flush()
    return kept
