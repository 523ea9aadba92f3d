"""compose: UDI fields -> a GS1 element string with separators, bracketed text and HRI lines.

Input passes the same rules as a scan (gs1_rules.check_pairs); anything a scan would report as
an error raises ComposeError. Dates are always written with a real day (never DD=00).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ._text import GS, show
from .ai_table import DAY_ZERO_DATE_AIS, REAL_DAY_DATE_AIS, ai_name, is_fixed_length
from .dates import read_yymmdd, to_yymmdd
from .gs1_rules import check_pairs
from .gs1_split import escape_bracketed
from .model import ComposedUDI, ComposeError

FieldValue = str | dt.date

# Friendly names accepted besides the AI digits.
ALIASES: dict[str, str] = {
    "sscc": "00",
    "gtin": "01",
    "lot": "10",
    "batch": "10",
    "production_date": "11",
    "expiry": "17",
    "serial": "21",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def compose(fields: Mapping[str, FieldValue], *, today: dt.date | None = None) -> ComposedUDI:
    """Build a GS1 element string from ``fields`` (AI -> value; also "gtin", "lot", ...).

    Date AIs take a ``datetime.date``, "YYYY-MM-DD" or YYMMDD; ``today`` sets the two-digit
    year window (default: now). Raises ComposeError naming the field and value on bad input.
    """
    today = today or dt.date.today()
    given = _normalised(fields, today)
    found = check_pairs(given, today, scanned=False)
    if found.errors:
        raise ComposeError("cannot compose: " + "; ".join(found.errors))
    pairs = _placed(given)
    last = len(pairs) - 1
    element_string = "".join(
        ai + value + ("" if is_fixed_length(ai) or index == last else GS)
        for index, (ai, value) in enumerate(pairs)
    )
    return ComposedUDI(
        element_string=element_string,
        pairs=tuple(pairs),
        bracketed="".join(f"({ai}){escape_bracketed(value)}" for ai, value in pairs),
        hri=tuple(f"({ai}) {value}" for ai, value in pairs),
        human_dates=_human_dates(pairs, today),
    )


def _normalised(fields: Mapping[str, FieldValue], today: dt.date) -> list[tuple[str, str]]:
    if not fields:
        raise ComposeError("nothing to compose: give at least a GTIN, e.g. {'01': '0950…'}")
    given: list[tuple[str, str]] = []
    for key, value in fields.items():
        ai = ALIASES.get(str(key).lower(), str(key))
        if any(ai == seen for seen, _ in given):
            raise ComposeError(f"{ai_name(ai)} is given twice (as AI and as a name): give it once")
        given.append((ai, _value_text(ai, value, today)))
    return given


def _value_text(ai: str, value: object, today: dt.date) -> str:
    is_date_ai = ai in DAY_ZERO_DATE_AIS or ai in REAL_DAY_DATE_AIS
    if isinstance(value, dt.datetime) and ai == "7003":
        return value.strftime("%y%m%d%H%M")
    if isinstance(value, dt.date):
        if not is_date_ai or ai == "7003":
            raise ComposeError(f"{ai_name(ai)} takes text, not the date {value.isoformat()}")
        return _date_text(ai, value, today)
    if not isinstance(value, str):
        raise ComposeError(f"{ai_name(ai)} value {value!r} must be text (str) or a date")
    if is_date_ai and _ISO_DATE.match(value):
        try:
            date = dt.date.fromisoformat(value)
        except ValueError as exc:
            raise ComposeError(f"{ai_name(ai)} {show(value)} is not a real date: {exc}") from exc
        return _date_text(ai, date, today)
    if ai in DAY_ZERO_DATE_AIS and len(value) == 6 and value.isdigit() and value[4:] == "00":
        raise ComposeError(
            f"{ai_name(ai)} {show(value)} has day 00: Lotline always writes a real day; "
            "give the exact date"
        )
    return value


def _date_text(ai: str, value: dt.date, today: dt.date) -> str:
    try:
        return to_yymmdd(value, today)
    except ValueError as exc:
        raise ComposeError(f"{ai_name(ai)} {value.isoformat()}: {exc}") from exc


def _placed(given: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """GTIN first, then the other fixed-length AIs, then variable ones (fewest separators)."""

    def rank(item: tuple[int, tuple[str, str]]) -> tuple[int, int]:
        index, (ai, _) = item
        group = 0 if ai == "01" else 1 if is_fixed_length(ai) else 2
        return group, index

    return [pair for _, pair in sorted(enumerate(given), key=rank)]


def _human_dates(pairs: list[tuple[str, str]], today: dt.date) -> dict[str, str]:
    dates: dict[str, str] = {}
    for ai, value in pairs:
        if ai in DAY_ZERO_DATE_AIS:
            reading = read_yymmdd(value, today, day_zero_ok=False)
            if reading.date is not None:
                dates[ai] = reading.date.isoformat()
    return dates
