"""Dates in identifiers: GS1 YYMMDD with its century window and DD=00, HIBC date forms."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DateReading:
    """The outcome of reading a date field: a date, or a reason why there is none."""

    date: dt.date | None = None
    problem: str = ""  # why ``date`` is None: "month 13 does not exist", ...
    day_was_zero: bool = False  # DD=00 was read as the last day of the month


def full_year(two_digits: int, today: dt.date) -> int:
    """The four-digit year for YY: from 49 years past to 50 years ahead of ``today``.

    GenSpecs 7.12 as implemented by biip ``_get_century`` (REFERENCE 1.5): in 2026, 76 -> 2076
    and 77 -> 1977.
    """
    century = today.year - today.year % 100
    diff = two_digits - today.year % 100
    if 51 <= diff <= 99:
        return century - 100 + two_digits
    if -99 <= diff <= -50:
        return century + 100 + two_digits
    return century + two_digits


def two_digit_year_fits(year: int, today: dt.date) -> bool:
    """True when ``year`` written as YY reads back as ``year`` under the century window."""
    return full_year(year % 100, today) == year


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def read_ymd(year: int, month: int, day: int, *, day_zero_ok: bool) -> DateReading:
    """Check a year/month/day triple; DD=00 gives the last day of the month when allowed."""
    if not 1 <= month <= 12:
        return DateReading(problem=f"month {month:02d} does not exist")
    if day == 0:
        if not day_zero_ok:
            return DateReading(problem="day 00 is not allowed here; a real day is required")
        return DateReading(dt.date(year, month, last_day(year, month)), day_was_zero=True)
    days = last_day(year, month)
    if day > days:
        month_name = calendar.month_name[month]
        return DateReading(
            problem=f"{year}-{month:02d}-{day:02d} is not a real date "
            f"({month_name} {year} has {days} days)"
        )
    return DateReading(dt.date(year, month, day))


def read_yymmdd(digits: str, today: dt.date, *, day_zero_ok: bool) -> DateReading:
    """Read six digits YYMMDD (GS1 N6 dates, HIBC form 3)."""
    if len(digits) != 6 or not digits.isascii() or not digits.isdigit():
        return DateReading(problem="expected 6 digits YYMMDD")
    year = full_year(int(digits[:2]), today)
    return read_ymd(year, int(digits[2:4]), int(digits[4:6]), day_zero_ok=day_zero_ok)


def read_yyyymmdd(digits: str) -> DateReading:
    """Read eight digits YYYYMMDD (ASC MH10 data identifiers 14D, 16D)."""
    if len(digits) != 8 or not digits.isascii() or not digits.isdigit():
        return DateReading(problem="expected 8 digits YYYYMMDD")
    year = int(digits[:4])
    if year < 1:
        return DateReading(problem="year 0000 does not exist")
    return read_ymd(year, int(digits[4:6]), int(digits[6:8]), day_zero_ok=False)


def read_julian(digits: str, today: dt.date) -> DateReading:
    """Read five digits YYJJJ: year and day of the year (001-365, or 366 in a leap year)."""
    if len(digits) != 5 or not digits.isascii() or not digits.isdigit():
        return DateReading(problem="expected 5 digits YYJJJ")
    year = full_year(int(digits[:2]), today)
    day_of_year = int(digits[2:])
    days = 366 if calendar.isleap(year) else 365
    if not 1 <= day_of_year <= days:
        return DateReading(problem=f"day {day_of_year:03d} does not exist in {year}")
    return DateReading(dt.date(year, 1, 1) + dt.timedelta(days=day_of_year - 1))


def read_mmyy(digits: str, today: dt.date) -> DateReading:
    """Read four digits MMYY (HIBC forms 0/1): the last day of that month, flagged as such."""
    if len(digits) != 4 or not digits.isascii() or not digits.isdigit():
        return DateReading(problem="expected 4 digits MMYY")
    year = full_year(int(digits[2:]), today)
    return read_ymd(year, int(digits[:2]), 0, day_zero_ok=True)


def read_mmddyy(digits: str, today: dt.date) -> DateReading:
    """Read six digits MMDDYY (HIBC form 2)."""
    if len(digits) != 6 or not digits.isascii() or not digits.isdigit():
        return DateReading(problem="expected 6 digits MMDDYY")
    year = full_year(int(digits[4:]), today)
    return read_ymd(year, int(digits[:2]), int(digits[2:4]), day_zero_ok=False)


def to_yymmdd(value: dt.date, today: dt.date) -> str:
    """YYMMDD for ``value``; ValueError when the year falls outside the century window."""
    if not two_digit_year_fits(value.year, today):
        low, high = today.year - 49, today.year + 50
        raise ValueError(
            f"year {value.year} cannot be written as YY: two-digit years read as {low}-{high}"
        )
    return value.strftime("%y%m%d")
