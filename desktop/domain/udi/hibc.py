"""HIBC (ANSI/HIBC 2.6) primary, secondary and concatenated data (REFERENCE 1.9).

No library parses HIBC, so this is ours. The data is never stripped: the check character may be
a space. Lengths with an [unconfirmed] maximum (PCN 13 vs 18, lot 18) are accepted tolerantly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ._text import describe_char, first_outside, show
from .checkdigits import HIBC_CHARSET, hibc_check_character
from .dates import (
    DateReading,
    read_julian,
    read_mmddyy,
    read_mmyy,
    read_yymmdd,
    read_yyyymmdd,
)
from .model import HibcInfo, HibcKind, ParsedUDI

_MAX_DATA = 110  # characters between '+' and the check character
_MAX_PCN = 18  # [unconfirmed] older texts say 13; accept up to 18
_MAX_LOT = 18  # [unconfirmed] lot and serial: up to 18 alphanumeric characters

_Reader = Callable[[str, dt.date], DateReading]


def _yymmdd(digits: str, today: dt.date) -> DateReading:
    return _with_hour(read_yymmdd(digits[:6], today, day_zero_ok=False), digits[6:])


def _julian(digits: str, today: dt.date) -> DateReading:
    return _with_hour(read_julian(digits[:5], today), digits[5:])


def _with_hour(date: DateReading, hour: str) -> DateReading:
    """Forms 4 (YYMMDDHH) and 6 (YYJJJHH) end in an hour 00-23; the date is kept, the hour
    only checked (Lotline records expiry dates)."""
    if hour and date.date is not None and int(hour) > 23:
        return DateReading(problem=f"hour {hour} does not exist (HH, 00 to 23)")
    return date


# Date forms after "$$" (REFERENCE 1.9): form digit -> (name, digits after the form digit, reader)
_DATE_FORMS: dict[str, tuple[str, int, _Reader]] = {
    "2": ("MMDDYY", 6, read_mmddyy),
    "3": ("YYMMDD", 6, _yymmdd),
    "4": ("YYMMDDHH", 8, _yymmdd),
    "5": ("YYJJJ", 5, _julian),
    "6": ("YYJJJHH", 7, _julian),
}


@dataclass
class _Reading:
    """Everything read so far from one HIBC symbol."""

    today: dt.date
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lic: str | None = None
    pcn: str | None = None
    unit: int | None = None
    link: str | None = None
    lot: str | None = None
    serial: str | None = None
    expiry: dt.date | None = None
    production: dt.date | None = None
    quantity: int | None = None
    supplemental: list[tuple[str, str]] = field(default_factory=list)


def parse_hibc(raw: str, data: str, symbology: str | None, today: dt.date) -> ParsedUDI:
    """Parse HIBC ``data`` (starting with '+', AIM identifier already removed).

    A scanner set to join two symbols sends the primary and the secondary of a two-symbol label
    as one read ("+A123BJC5D6E71G+$$52001510X3GD"): that is read as the pair (pair_hibc).
    """
    joined = _joined(data)
    if joined is not None:
        primary, secondary = (parse_hibc(part, part, symbology, today) for part in joined)
        return replace(pair_hibc(primary, secondary), raw=raw, hri=(data,))
    reading = _Reading(today)
    kind: HibcKind | None = None
    if _data_ok(data, reading):
        _verify_check(data, reading)
        kind = _read_body(data[1:-1], reading)
    info = None
    if kind is not None:
        info = HibcInfo(
            kind=kind,
            check=data[-1],
            lic=reading.lic,
            pcn=reading.pcn,
            unit_of_measure=reading.unit,
            link=reading.link,
            quantity=reading.quantity,
            supplemental=tuple(reading.supplemental),
        )
    di = None
    if reading.lic and reading.pcn and reading.unit is not None:
        di = f"{reading.lic}{reading.pcn}{reading.unit}"  # [unconfirmed] GUDID form of HIBC DI
    return ParsedUDI(
        raw=raw,
        scheme="HIBC",
        issuing_agency="HIBCC",
        symbology=symbology,
        di=di,
        lot=reading.lot,
        serial=reading.serial,
        expiry=reading.expiry,
        production_date=reading.production,
        hri=(data,),
        errors=tuple(reading.errors),
        warnings=tuple(reading.warnings),
        hibc=info,
    )


def _joined(data: str) -> tuple[str, str] | None:
    """(primary, secondary) when ``data`` is two symbols' data joined, else None.

    The split is at a '+' that starts a secondary ('$' or a Julian date after it) behind a
    primary ('+', a letter, ...) and before any '/'. One valid symbol never holds such a '+'
    (a primary's data is letters and digits, a concatenated symbol's secondary follows a '/'),
    so it is never split. The check character of the whole is no guide: for a primary whose
    check character is '0' (value 0) the joined whole's check comes out right too.
    """
    if len(data) < 8 or first_outside(data, HIBC_CHARSET) >= 0 or not data[1:2].isalpha():
        return None
    candidates = [
        split
        for split in range(6, len(data) - 3)
        if data[split] == "+"
        and (data[split + 1] == "$" or data[split + 1].isdigit())
        and "/" not in data[:split]
    ]
    for split in candidates:  # the first whose secondary carries its own correct check
        if hibc_check_character(data[split:-1]) == data[-1]:
            return data[:split], data[split:]
    if candidates:  # none does: split at the first, and let the parts say what is wrong
        return data[: candidates[0]], data[candidates[0] :]
    return None


def _data_ok(data: str, reading: _Reading) -> bool:
    bad = first_outside(data, HIBC_CHARSET)
    if bad >= 0:
        hint = " (HIBC uses capital letters only)" if data[bad].islower() else ""
        reading.errors.append(
            f"HIBC data {show(data)} has {describe_char(data[bad])} at position {bad + 1}, "
            f"which is not a Code 39 character{hint}; rescan or retype it"
        )
        return False
    if len(data) < 3:
        reading.errors.append(f"HIBC data {show(data)} is too short to hold data and a check")
        return False
    if len(data) - 2 > _MAX_DATA:
        reading.errors.append(
            f"HIBC data {show(data)} holds {len(data) - 2} characters, more than {_MAX_DATA}"
        )
        return False
    return True


def _verify_check(data: str, reading: _Reading) -> None:
    expected = hibc_check_character(data[:-1])
    if data[-1] != expected:
        reading.errors.append(
            f"HIBC data {show(data)} has check character {describe_char(data[-1])}, expected "
            f"{describe_char(expected)}: a misread or mistyped character; rescan (a Code 39 "
            "scanner set to strip the check character also causes this)"
        )


def _read_body(body: str, reading: _Reading) -> HibcKind | None:
    first = body[:1]
    if first == "$" or first.isdigit():
        if len(body) < 2:
            reading.errors.append(f"HIBC secondary {show(body)} has no data before its link")
            return None
        reading.link = body[-1]
        segments = body[:-1].split("/")
        _read_secondary(segments[0], reading)
        _read_supplements(segments[1:], reading)
        reading.warnings.append(
            "HIBC secondary data only (lot, serial, dates): pair it with the primary "
            "symbol's scan to know the product"
        )
        return "secondary"
    if first.isalpha():
        segments = body.split("/")
        _read_primary(segments[0], reading)
        if len(segments) == 1:
            return "primary"
        rest = segments[1:]
        if rest[0][:1] == "$" or rest[0][:5].isdigit():
            _read_secondary(rest[0], reading)
            rest = rest[1:]
        _read_supplements(rest, reading)
        return "concatenated"
    reading.errors.append(
        f"HIBC data {show('+' + body)} starts with {describe_char(first or '')} after '+': "
        "expected a labeler code (letter) or a secondary ('$' or a Julian date)"
    )
    return None


def _read_primary(primary: str, reading: _Reading) -> None:
    lic, pcn, unit = primary[:4], primary[4:-1], primary[-1:]
    problem = ""
    if len(primary) < 6:
        problem = "too short: it needs a 4-character labeler code, a product number and a unit"
    elif not (lic.isascii() and lic.isalnum() and lic[0].isalpha()):
        problem = f"labeler code {show(lic)} must be 4 letters or digits, starting with a letter"
    elif not (pcn.isascii() and pcn.isalnum()) or len(pcn) > _MAX_PCN:
        problem = f"product number {show(pcn)} must be 1 to {_MAX_PCN} letters or digits"
    elif not unit.isdigit():
        problem = f"unit of measure {show(unit)} must be one digit 0-9"
    if problem:
        reading.errors.append(f"HIBC primary {show('+' + primary)}: {problem}")
        return
    reading.lic, reading.pcn, reading.unit = lic, pcn, int(unit)


def _read_secondary(segment: str, reading: _Reading) -> None:
    if segment.startswith("$$+"):
        reading.serial = _identifier("serial", _read_date_form(segment[3:], reading), reading)
    elif segment.startswith("$$"):
        reading.lot = _identifier("lot", _read_date_form(segment[2:], reading), reading)
    elif segment.startswith("$+"):
        reading.serial = _identifier("serial", segment[2:], reading)
    elif segment.startswith("$"):
        reading.lot = _identifier("lot", segment[1:], reading)
    else:  # old format: YYJJJ then lot; the date is read as the expiry [unconfirmed]
        _set_date(segment[:5], "YYJJJ", read_julian(segment[:5], reading.today), reading)
        reading.lot = _identifier("lot", segment[5:], reading)


def _read_date_form(text: str, reading: _Reading) -> str:
    """Read the quantity/date form after "$$"; return what follows it (the lot or serial)."""
    form = text[:1]
    if form in ("8", "9"):
        size = 2 if form == "8" else 5
        digits = text[1 : 1 + size]
        if len(digits) != size or not digits.isdigit():
            reading.errors.append(f"HIBC quantity {show(text)}: form {form} needs {size} digits")
            return ""
        reading.quantity = int(digits)
        text = text[1 + size :]
        form = text[:1]
        if form in ("8", "9"):
            reading.errors.append(f"HIBC {show(text)}: a second quantity form after quantity")
            return ""
        if not _date_form_follows(text, reading.today):
            # [unconfirmed] texts differ on whether a date form must follow the quantity;
            # labels in use write the lot right after it, so read that too
            reading.warnings.append(
                f"HIBC quantity {reading.quantity} is followed by {show(text)}, which is not a "
                "date form: read as the lot or serial, with no date"
            )
            return text
    if form == "7":
        return text[1:]
    if form in ("0", "1"):
        _set_date(text[:4], "MMYY", read_mmyy(text[:4], reading.today), reading)
        return text[4:]
    spec = _DATE_FORMS.get(form)
    if spec is None:
        reading.errors.append(
            f'HIBC secondary {show("$$" + text)}: "$$" must be followed by a date form '
            "digit 0-9 (3 = YYMMDD, 5 = YYJJJ, 7 = no date, ...)"
        )
        return ""
    name, size, reader = spec
    digits = text[1 : 1 + size]
    if len(digits) != size or not digits.isdigit():
        reading.errors.append(f"HIBC date {show(text)}: form {form} needs {size} digits {name}")
        return ""
    _set_date(digits, name, reader(digits, reading.today), reading)
    return text[1 + size :]


def _date_form_follows(text: str, today: dt.date) -> bool:
    """Whether ``text`` starts with a readable date form (0-7 and its digits)."""
    form = text[:1]
    if form == "7":
        return True
    if form in ("0", "1"):
        return read_mmyy(text[:4], today).date is not None
    spec = _DATE_FORMS.get(form)
    if spec is None:
        return False
    digits = text[1 : 1 + spec[1]]
    return len(digits) == spec[1] and digits.isdigit() and spec[2](digits, today).date is not None


def _set_date(digits: str, form: str, date: DateReading, reading: _Reading) -> None:
    if date.date is None:
        reading.errors.append(
            f"HIBC expiry {show(digits)} ({form}): {date.problem or 'not a date'}; check the label"
        )
        return
    if date.day_was_zero:
        reading.warnings.append(
            f"HIBC expiry {show(digits)} ({form}) gives no day: read as "
            f"{date.date.isoformat()}, the last day of the month"
        )
    reading.expiry = date.date


def _identifier(what: str, value: str, reading: _Reading) -> str | None:
    if not value:
        reading.warnings.append(f"HIBC secondary has an empty {what}")
        return None
    if not (value.isascii() and value.isalnum()):
        bad = next(char for char in value if not char.isalnum())
        reading.warnings.append(
            f"HIBC {what} {show(value)} contains {describe_char(bad)}; HIBC expects letters "
            "and digits only"
        )
    if len(value) > _MAX_LOT:
        reading.warnings.append(
            f"HIBC {what} {show(value)} is {len(value)} characters, over the usual {_MAX_LOT}"
        )
    return value


def _read_supplements(segments: list[str], reading: _Reading) -> None:
    for segment in segments:
        if segment.startswith("$"):
            _read_secondary(segment, reading)  # e.g. a lot segment, then a "$$+" serial one
            continue
        if segment.startswith(("16D", "14D")):
            date = read_yyyymmdd(segment[3:])
            if date.date is None:
                reading.errors.append(f"HIBC {show(segment)}: {date.problem}; check the label")
            elif segment.startswith("16D"):
                reading.production = date.date
            else:
                reading.expiry = date.date
        elif segment.startswith("S"):
            reading.serial = _identifier("serial", segment[1:], reading)
        elif segment.startswith("Q") and segment[1:].isdigit():
            reading.quantity = int(segment[1:])
        else:
            reading.warnings.append(
                f"HIBC supplemental field {show(segment)} has no data identifier Lotline "
                "knows (S, 16D, 14D, Q); it was ignored"
            )
            continue
        reading.supplemental.append(_split_identifier(segment))


def _split_identifier(segment: str) -> tuple[str, str]:
    size = 3 if segment[:1].isdigit() else 1
    return segment[:size], segment[size:]


def pair_hibc(primary: ParsedUDI, secondary: ParsedUDI) -> ParsedUDI:
    """Join a primary and a secondary HIBC scan (two-symbol labels) into one UDI.

    The secondary's link character must equal the primary's check character. Never raises.
    """
    errors = list(primary.errors) + list(secondary.errors)
    warnings = [w for w in primary.warnings + secondary.warnings if "secondary data only" not in w]
    p_info, s_info = primary.hibc, secondary.hibc
    if p_info is None or p_info.kind != "primary":
        errors.append(f"{show(primary.raw)} is not an HIBC primary symbol (+LIC PCN U/M check)")
    if s_info is None or s_info.kind != "secondary":
        errors.append(f"{show(secondary.raw)} is not an HIBC secondary symbol (+$... link check)")
    if p_info and s_info and p_info.kind == "primary" and s_info.link != p_info.check:
        errors.append(
            f"HIBC secondary {show(secondary.raw)} has link character "
            f"{describe_char(s_info.link or '')}, but primary {show(primary.raw)} has check "
            f"character {describe_char(p_info.check)}: the two symbols are not from the same "
            "label; scan both from one label"
        )
    return ParsedUDI(
        raw=f"{primary.raw}\n{secondary.raw}",
        scheme="HIBC",
        issuing_agency="HIBCC",
        symbology=primary.symbology,
        di=primary.di,
        lot=secondary.lot,
        serial=secondary.serial,
        expiry=secondary.expiry,
        production_date=secondary.production_date,
        hri=primary.hri + secondary.hri,
        errors=tuple(errors),
        warnings=tuple(warnings),
        hibc=_paired_info(p_info, s_info),
    )


def _paired_info(primary: HibcInfo | None, secondary: HibcInfo | None) -> HibcInfo | None:
    if primary is None:
        return secondary
    if secondary is None:
        return primary
    return HibcInfo(
        kind="concatenated",
        check=primary.check,
        lic=primary.lic,
        pcn=primary.pcn,
        unit_of_measure=primary.unit_of_measure,
        link=secondary.link,
        quantity=secondary.quantity,
        supplemental=secondary.supplemental,
    )


_ANY_DAY = dt.date(2000, 1, 1)  # pairing judges no dates: any day reads them


def hibc_linked(primary: str, secondary: str) -> bool:
    """Whether two consecutive reads are the primary and the secondary symbol of one HIBC label.

    Both are HIBC data ('+' first, AIM identifier removed) with a correct check character; the
    first is a primary (+LIC PCN U/M), the second a secondary whose link character is the
    primary's check character (REFERENCE 3.4, two-read labels). Dates in the secondary are not
    judged here (parsing the secondary does that). Never raises.
    """
    first, second = _Reading(_ANY_DAY), _Reading(_ANY_DAY)
    for data, reading in ((primary, first), (secondary, second)):
        if not data.startswith("+") or not _data_ok(data, reading):
            return False
        _verify_check(data, reading)
    if first.errors or second.errors:
        return False
    kinds = (_read_body(primary[1:-1], first), _read_body(secondary[1:-1], second))
    return kinds == ("primary", "secondary") and not first.errors and second.link == primary[-1]
