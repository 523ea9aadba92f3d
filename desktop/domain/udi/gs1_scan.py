"""GS1 scans to ParsedUDI: element strings, bracketed text, Digital Link URIs, EAN/UPC."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from ._text import show
from .checkdigits import gs1_check_digit, is_valid_check_digit
from .gs1_digital_link import split_digital_link
from .gs1_rules import check_pairs
from .gs1_split import Split, split_bracketed, split_element_string
from .model import ParsedUDI

_GTIN_LENGTHS = (8, 12, 13, 14)


def gs1_from_split(
    raw: str,
    symbology: str | None,
    split: Split,
    today: dt.date,
    notes: Sequence[str] = (),
    problems: Sequence[str] = (),
) -> ParsedUDI:
    """Apply the GS1 rules to split pairs and fill a ParsedUDI.

    ``problems`` (errors) and ``notes`` (warnings) come from routing, e.g. a missing AIM
    identifier, and are listed first.
    """
    found = check_pairs(split.pairs, today)
    errors = [*problems, *split.errors, *found.errors]
    if split.biip_error and not errors:
        errors.append(f"{show(raw)} is not valid GS1 data: {split.biip_error}")
    values: dict[str, str] = {}
    for ai, value in split.pairs:
        values.setdefault(ai, value)
    gtin = values.get("01")
    recognised = bool(split.pairs)  # nothing split: not GS1 data at all
    return ParsedUDI(
        raw=raw,
        scheme="GS1" if recognised else None,
        issuing_agency="GS1" if recognised else None,
        symbology=symbology,
        di=gtin,
        gtin=gtin,
        lot=values.get("10"),
        serial=values.get("21"),
        expiry=found.dates.get("17"),
        production_date=found.dates.get("11"),
        ais=tuple(split.pairs),
        hri=tuple(f"({ai}) {value}" for ai, value in split.pairs),
        errors=tuple(errors),
        warnings=tuple([*notes, *split.warnings, *found.warnings]),
    )


def parse_element_string(
    raw: str,
    content: str,
    symbology: str | None,
    today: dt.date,
    notes: Sequence[str] = (),
    problems: Sequence[str] = (),
) -> ParsedUDI:
    return gs1_from_split(raw, symbology, split_element_string(content), today, notes, problems)


def parse_bracketed(
    raw: str, content: str, symbology: str | None, today: dt.date, problems: Sequence[str] = ()
) -> ParsedUDI:
    return gs1_from_split(raw, symbology, split_bracketed(content), today, problems=problems)


def parse_digital_link(raw: str, content: str, symbology: str | None, today: dt.date) -> ParsedUDI:
    return gs1_from_split(raw, symbology, split_digital_link(content), today)


def looks_like_gtin(content: str) -> bool:
    """8, 12, 13 or 14 digits with a correct check digit: a bare GTIN (EAN/UPC or typed)."""
    return (
        len(content) in _GTIN_LENGTHS
        and content.isascii()
        and content.isdigit()
        and is_valid_check_digit(content)
    )


def parse_gtin(
    raw: str, content: str, symbology: str | None, today: dt.date, notes: Sequence[str] = ()
) -> ParsedUDI:
    """An EAN/UPC symbol or a typed bare GTIN: the DI alone, padded to 14 digits as (01)."""
    if len(content) not in _GTIN_LENGTHS or not content.isascii() or not content.isdigit():
        return ParsedUDI(
            raw=raw,
            scheme="GS1",
            issuing_agency="GS1",
            symbology=symbology,
            errors=(
                f"EAN/UPC data {show(content)} is not a GTIN: expected 8, 12 or 13 digits "
                "(an add-on or a damaged read?)",
            ),
        )
    split = Split(pairs=[("01", content.zfill(14))])
    parsed = gs1_from_split(raw, symbology, split, today, notes)
    if is_valid_check_digit(content):
        return parsed
    return _with_gtin_check_error(parsed, content)


def _with_gtin_check_error(parsed: ParsedUDI, content: str) -> ParsedUDI:
    """Name the check-digit error by the digits actually scanned, not the padded form."""
    expected = gs1_check_digit(content[:-1])
    message = (
        f"GTIN {show(content)} has check digit {content[-1]}, expected {expected}: a misread "
        "or a wrong number on the label; rescan"
    )
    others = tuple(e for e in parsed.errors if "check digit" not in e)
    return replace(parsed, errors=(message, *others))
