"""parse_scan: whatever a scanner or a person gives -> ParsedUDI. Never raises.

Routing: the AIM symbology identifier (REFERENCE 1.8) says whether a symbol is GS1; without one
the data's first characters decide ('+' HIBC, '='/'&' ISBT 128, "MA." MA code, "MF" AHM code
(recognised and refused), http(s) Digital Link, '(' typed bracketed GS1), and plain data is read
as GS1 only when the station expects GS1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ._text import GS, QUOTE_LIMIT, first_outside, show
from .checkdigits import HIBC_CHARSET, hibc_check_character
from .gs1_scan import (
    looks_like_gtin,
    parse_bracketed,
    parse_digital_link,
    parse_element_string,
    parse_gtin,
)
from .gs1_split import split_element_string
from .hibc import parse_hibc
from .ma import looks_like_ma, parse_ma
from .model import ParsedUDI

MAX_SCAN_CHARS = 7100
"""Longer than any symbol holds (QR: 7089 digits); longer input is refused unread."""

_GS1_AIM = frozenset({"]C1", "]d2", "]Q3", "]e0", "]J1"})
_GS1_AIM_ECI = frozenset({"]d5", "]Q4"})  # [unconfirmed] ]d2 / ]Q3 with ECI: accepted as GS1
_EAN_AIM = frozenset({"]E0", "]E4"})
_ISBT_AIM = frozenset({"]C4"})
_NAMES = {
    "]d1": "plain DataMatrix",
    "]Q1": "plain QR Code",
    "]Q0": "QR Code model 1",
    "]C0": "plain Code 128",
    "]A0": "Code 39",
    "]A1": "Code 39",
    "]A3": "Code 39",
    "]z0": "Aztec",
}


def parse_scan(text: str, *, expect_gs1: bool = True, today: dt.date | None = None) -> ParsedUDI:
    """Parse one scan or typed entry. ``today`` sets the two-digit-year window (default: now).

    ``expect_gs1``: plain data without an AIM identifier is read as GS1 (with a warning asking
    for AIM identifiers) when True, and refused when False.
    """
    raw = text if isinstance(text, str) else _as_text(text)
    try:
        return _parse(raw, expect_gs1, today or dt.date.today())
    except Exception as exc:  # the contract is "never raise": report instead
        return ParsedUDI(
            raw=raw,
            errors=(f"internal error while reading {show(raw)}: {exc!r}; please report it",),
        )


def _as_text(value: object) -> str:
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("latin-1")
    return "" if value is None else str(value)


def _parse(raw: str, expect_gs1: bool, today: dt.date) -> ParsedUDI:
    data = raw.rstrip("\r\n")  # a scanner's CR/LF suffix; never strip spaces (HIBC check)
    refusal = _refuse_unreadable(raw, data)
    if refusal:
        return _failed(raw, refusal)
    symbology, content = _split_aim(data)
    if symbology is None and data.startswith("]"):
        return _failed(
            raw,
            f'{show(data)} starts with "]" but {show(data[:3])} is not an AIM symbology '
            "identifier (such as ]d2, ]C1, ]Q3, ]d1)",
        )
    if symbology is not None and not content.replace(GS, "").strip():
        return _failed(raw, f"the scanner sent the symbology identifier {symbology} but no data")
    if symbology in _GS1_AIM or symbology in _GS1_AIM_ECI:
        return parse_element_string(raw, content, symbology, today)
    if symbology in _EAN_AIM:
        return parse_gtin(raw, content, symbology, today)
    if symbology in _ISBT_AIM:
        return _isbt(raw, content, symbology)
    return _by_content(raw, content, symbology, expect_gs1, today)


def _refuse_unreadable(raw: str, data: str) -> str:
    if not data:
        shown = f" (only {show(raw)})" if raw else ""
        return f"empty scan: nothing was read{shown}; scan again"
    if len(data) > MAX_SCAN_CHARS:
        return (
            f"scan {show(data)} is longer than any barcode holds ({MAX_SCAN_CHARS} characters): "
            "not a single scan; check the scanner's settings"
        )
    if not data.replace(GS, "").strip():  # separators and any kind of white space
        return f"scan {show(data)} holds only separators or spaces, no data; scan again"
    return ""


def _split_aim(data: str) -> tuple[str | None, str]:
    """("]d2", rest) when ``data`` starts with an AIM identifier ] + letter + modifier."""
    if (
        len(data) >= 3
        and data[0] == "]"
        and data[1].isascii()
        and data[1].isalpha()
        and data[2].isascii()
        and data[2].isalnum()
    ):
        return data[:3], data[3:]
    return None, data


def _failed(raw: str, message: str) -> ParsedUDI:
    return ParsedUDI(raw=raw, errors=(message,))


def _by_content(
    raw: str, content: str, symbology: str | None, expect_gs1: bool, today: dt.date
) -> ParsedUDI:
    if content.startswith(("+", "*+")):
        return _hibc(raw, content, symbology, today)
    if content.startswith(("=", "&")):
        return _isbt(raw, content, symbology)
    if looks_like_ma(content):
        return parse_ma(raw, content, symbology, today)
    if looks_like_ahm(content):
        return _ahm(raw, content, symbology)
    if content[:8].lower().startswith(("http://", "https://")):
        return parse_digital_link(raw, content, symbology, today)
    if content.startswith("(") and content[1:2].isdigit():
        problems = [_encoded_brackets(symbology)] if symbology else []
        return parse_bracketed(raw, content, symbology, today, problems)
    if symbology is None:
        return _unmarked(raw, content, expect_gs1, today)
    return _plain_symbol(raw, content, symbology, today)


def _unmarked(raw: str, content: str, expect_gs1: bool, today: dt.date) -> ParsedUDI:
    if not expect_gs1:
        return _failed(
            raw,
            f"{show(raw)} is not a recognised UDI: it has no AIM symbology identifier and is "
            "not HIBC (+...), ISBT 128 (= or &), a GS1 Digital Link URI or bracketed GS1 "
            '("(01)..."); set the scanner to transmit AIM identifiers',
        )
    note = (
        f"no AIM symbology identifier in {show(raw)}: read as GS1 because this station expects "
        'GS1; set the scanner to transmit AIM identifiers (e.g. "]d2") so that GS1 symbols '
        "can be told from others"
    )
    if looks_like_gtin(content):
        return parse_gtin(raw, content, None, today, notes=(note,))
    return parse_element_string(raw, content, None, today, notes=(note,))


def _plain_symbol(raw: str, content: str, symbology: str, today: dt.date) -> ParsedUDI:
    """A non-GS1 symbology: GS1-looking data is read but flagged; anything else is refused."""
    name = _NAMES.get(symbology, "non-GS1 symbol")
    split = split_element_string(content)
    if split.pairs and not split.errors:
        problem = (
            f"{symbology} ({name}, no FNC1) carries {show(content)}, which reads as GS1 "
            "element strings, but the symbol is not marked as GS1 (FNC1 in first position is "
            "missing): not a valid GS1 UDI carrier; have the label template fixed"
        )
        return parse_element_string(raw, content, symbology, today, problems=(problem,))
    return ParsedUDI(
        raw=raw,
        symbology=symbology,
        errors=(
            f"{symbology} ({name}) data {show(content)} is not a UDI: it is not HIBC (+...), "
            "ISBT 128 (= or &), a GS1 Digital Link URI, or GS1 data",
        ),
    )


def _encoded_brackets(symbology: str) -> str:
    return (
        f'the {symbology} symbol encodes bracketed text like "(01)...": brackets belong to the '
        "printed HRI, not to the barcode; the label is not a valid GS1 carrier"
    )


def _hibc(raw: str, content: str, symbology: str | None, today: dt.date) -> ParsedUDI:
    notes: list[str] = []
    if content.startswith("*+") and content.endswith("*") and len(content) > 3:
        content = content[1:-1]  # typed from Code 39 HRI with its start/stop asterisks
        notes.append("the '*' start/stop characters of the Code 39 text were ignored")
    if symbology == "]A3" and first_outside(content, HIBC_CHARSET) < 0:
        return _hibc_check_stripped(raw, content, today)
    parsed = parse_hibc(raw, content, symbology, today)
    return replace(parsed, warnings=(*notes, *parsed.warnings)) if notes else parsed


def _hibc_check_stripped(raw: str, content: str, today: dt.date) -> ParsedUDI:
    """]A3: the scanner checked and removed the mod-43 character; read the rest, refuse it."""
    problem = (
        f"Code 39 scanner sent ]A3 for {show(content)}: it removed the HIBC check character, "
        "so the data cannot be verified here; set the scanner to transmit the check "
        "character (AIM ]A0 or ]A1)"
    )
    if len(content) - 1 > 110:
        return _failed(raw, problem)
    parsed = parse_hibc(raw, content + hibc_check_character(content), "]A3", today)
    return replace(parsed, errors=(problem, *parsed.errors))


def looks_like_ahm(content: str) -> bool:
    """AliHealth (AHM) codes start "MF" and the product DI [unconfirmed: a third-party reader]."""
    return content.startswith("MF") and content[2:3].isascii() and content[2:3].isalnum()


def _ahm(raw: str, content: str, symbology: str | None) -> ParsedUDI:
    shown = show(content, QUOTE_LIMIT)
    return ParsedUDI(
        raw=raw,
        scheme="AHM",
        issuing_agency="AliHealth",
        symbology=symbology,
        hri=(content,),
        errors=(
            f"AHM code {shown} recognised (AliHealth, one of China's UDI issuing agencies), but "
            "Lotline does not read AHM codes yet; record this item by its GS1 or MA code, or "
            "by hand",
        ),
    )


def _isbt(raw: str, content: str, symbology: str | None) -> ParsedUDI:
    shown = show(content, QUOTE_LIMIT)
    return ParsedUDI(
        raw=raw,
        scheme="ISBT128",
        issuing_agency="ICCBBA",
        symbology=symbology,
        hri=(content,),
        errors=(
            f"ISBT 128 data {shown} recognised (ICCBBA, medical products of human origin), "
            "but Lotline does not parse or check ISBT 128 data structures; record this item "
            "with ISBT 128 software",
        ),
    )
