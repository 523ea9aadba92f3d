"""What we know about each GS1 Application Identifier: length, format, title, name.

The AI dictionary itself (titles, formats, regular expressions) comes from biip; the
predefined-length and AI-length tables are REFERENCE 1.2 (the GS1 Barcode Syntax Engine's
``fixedAIprefixLengths``), which agree with biip's ``separator_required`` for every AI biip knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from biip import ParseError
from biip.gs1_application_identifiers import GS1ApplicationIdentifier

# Value length (AI excluded) of the predefined-length AIs, keyed on the AI's first two digits.
_FIXED_PREFIX_LENGTHS: dict[str, int] = {
    "00": 18, "01": 14, "02": 14, "03": 14, "04": 16,
    "11": 6, "12": 6, "13": 6, "14": 6, "15": 6, "16": 6, "17": 6, "18": 6, "19": 6,
    "20": 2, "31": 6, "32": 6, "33": 6, "34": 6, "35": 6, "36": 6, "41": 13,
}  # fmt: skip

_THREE_DIGIT = frozenset({23, 24, 25, 40, 41, 42, 71})
_FOUR_DIGIT = frozenset({31, 32, 33, 34, 35, 36, 39, 43, 70, 72, 80, 81, 82})

# Names used in messages for the AIs a plant floor meets every day.
_NAMES: dict[str, str] = {
    "00": "SSCC", "01": "GTIN", "02": "content GTIN", "03": "made-to-order GTIN",
    "10": "lot", "11": "production date", "12": "due date", "13": "packaging date",
    "15": "best-before date", "16": "sell-by date", "17": "expiry", "21": "serial",
    "22": "CPV", "30": "count", "235": "TPX", "240": "additional ID", "250": "secondary serial",
    "7003": "expiry date and time", "7240": "protocol", "8012": "software version",
    "8013": "Basic UDI-DI (GMN)",
}  # fmt: skip

# Date AIs with format N6 YYMMDD where DD=00 means "last day of the month" (linter yymmd0).
DAY_ZERO_DATE_AIS = frozenset({"11", "12", "13", "15", "16", "17"})
# AIs whose value starts with YYMMDD that must be a real day (linter yymmdd; DD=00 invalid).
REAL_DAY_DATE_AIS = frozenset({"4324", "4325", "4326", "7003", "7006", "7007", "7011", "8008"})

_COMPONENT = re.compile(r"^([NXYZ])(\d+)?(?:\.\.(\d+))?$")


@dataclass(frozen=True)
class AISpec:
    """One AI: its code, title, and (for single-part formats) kind and length bounds."""

    ai: str
    title: str
    pattern: re.Pattern[str]  # biip's regular expression for AI + value
    kind: str | None  # "N" digits, "X" CSET 82, other letters or None: use ``pattern`` only
    min_len: int
    max_len: int

    @property
    def fixed(self) -> bool:
        return is_fixed_length(self.ai)


def is_fixed_length(ai: str) -> bool:
    """True when ``ai`` has a predefined length, so no FNC1/GS separator follows it.

    Keyed on the first two digits (REFERENCE 1.2): 00-04, 11-20, 31-36 and 41. Every other AI is
    variable-length and needs a separator unless it ends the symbol, even where its format is
    effectively fixed (7003, 8001, ...).
    """
    return len(ai) >= 2 and ai[:2] in _FIXED_PREFIX_LENGTHS


def fixed_value_length(ai: str) -> int | None:
    """The value length of a predefined-length AI (AI digits excluded), else None."""
    return _FIXED_PREFIX_LENGTHS.get(ai[:2])


def ai_code_length(prefix: str) -> int | None:
    """How many digits an AI starting with the two digits ``prefix`` has (2, 3, 4), or None."""
    if len(prefix) != 2 or not prefix.isascii() or not prefix.isdigit():
        return None
    number = int(prefix)
    if number <= 22 or number in (30, 37) or number >= 90:
        return 2
    if number in _THREE_DIGIT:
        return 3
    if number in _FOUR_DIGIT:
        return 4
    return None


@lru_cache(maxsize=1024)
def ai_spec(ai: str) -> AISpec | None:
    """The AI dictionary entry for exactly ``ai`` (from biip), or None if GS1 has no such AI."""
    if not ai.isascii() or not ai.isdigit():
        return None
    try:
        entry = GS1ApplicationIdentifier.extract(ai)
    except ParseError:
        return None
    if entry.ai != ai:
        return None
    kind, low, high = _single_component(entry.format)
    return AISpec(ai, entry.data_title, re.compile(entry.pattern), kind, low, high)


def _single_component(fmt: str) -> tuple[str | None, int, int]:
    """Kind and length bounds of a one-part format such as "N2+X..20"; (None, 0, 0) otherwise."""
    parts = fmt.split("+")[1:]
    match = _COMPONENT.match(parts[0]) if len(parts) == 1 else None
    if match is None:
        return None, 0, 0
    kind, exact, upto = match.groups()
    if upto is not None:
        return kind, int(exact) if exact else 1, int(upto)
    return kind, int(exact), int(exact)


def ai_title(ai: str) -> str:
    """The GS1 data title for HRI ("GTIN", "BATCH/LOT", "USE BY OR EXPIRY"), or "" if unknown."""
    spec = ai_spec(ai)
    return spec.title if spec else ""


def ai_name(ai: str) -> str:
    """How messages name an AI: 'expiry (17)', 'ADDITIONAL ID (240)'."""
    name = _NAMES.get(ai) or ai_title(ai) or "AI"
    return f"{name} ({ai})"
