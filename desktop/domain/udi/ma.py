"""MA code (IDcode, ISO/IEC 15459 issuing agency "MA", ZIIOT): parse and compose.

One of the three issuing agencies China's UDI rules accept (docs/udi-china.md says what is
confirmed and what is not). The code is dot-separated, usually carried in a QR Code:

    MA.156.M0.100472.11103316.S1576130942.M190101.LABS20191201.E191201.C7
    |  |   |  |      |        data units, each "." + tag letter + value
    |  |   |  |      product code: packaging digit, item code, check character
    |  |   |  registrant code (6 digits)
    |  |   industry code ("M0": medical devices)
    |  country code (3 digits, 156 = China)
    issuing agency code

Data units: ".L" lot, ".S" serial, ".D" sterilisation lot (letters and digits, any length);
".M" production date, ".V" 有效期 (use by), ".E" 失效期 (expiry) as YYMMDD or YYYYMMDD; ".C" a
check character over the data units. The DI's last character and ".C" are computed by a mod-10
over the characters' values that reproduces every published example we found, but ZIIOT does
not publish the rule [unconfirmed]: a mismatch is a warning on read, never a refusal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ._text import describe_char, show
from .dates import read_yymmdd, read_yyyymmdd, two_digit_year_fits
from .model import ComposeError, MaInfo, ParsedUDI

PREFIX = "MA."
INDUSTRY_MEDICAL = "M0"
TAGS: dict[str, str] = {
    "L": "lot",
    "S": "serial",
    "M": "production date",
    "D": "sterilisation lot",
    "V": "use-by date (有效期)",
    "E": "expiry date (失效期)",
    "C": "check character",
}
DATE_TAGS = frozenset("MVE")
_LEGACY_PRODUCTION = "P"  # older codes write the production date as ".P" [unconfirmed]
COMPOSE_ORDER = ("S", "M", "L", "D", "E", "V")  # the order of the published examples

# Character values of the check computation [unconfirmed]: digits 0-9, A-Z 10-35, a-g 36-42,
# h-z 45-63 (the published examples need this gap), then punctuation.
_VALUES: dict[str, int] = {str(d): d for d in range(10)}
_VALUES.update({c: 10 + n for n, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")})
_VALUES.update({c: 36 + n for n, c in enumerate("abcdefg")})
_VALUES.update({c: 45 + n for n, c in enumerate("hijklmnopqrstuvwxyz")})
_VALUES.update({c: 64 + n for n, c in enumerate("-.@$,*+%/#!^~")})


def ma_check_character(text: str) -> str:
    """The mod-10 check of ``text``: the DI without its last character, or ".S..." units.

    Each character becomes its value's decimal digits; from the right, every second digit is
    doubled (digit sum taken, as Luhn); the check brings the total to a multiple of 10.
    [unconfirmed] rule; it reproduces the published examples (tests/unit/udi/test_ma.py).
    """
    digits: list[int] = []
    for char in text:
        value = _VALUES.get(char)
        if value is None:
            raise ValueError(f"{char!r} cannot be in an MA code")
        digits.extend(int(d) for d in str(value))
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2 == 1:
            digit *= 2
            digit = digit // 10 + digit % 10
        total += digit
    return str((10 - total % 10) % 10)


def looks_like_ma(content: str) -> bool:
    return content.startswith(PREFIX)


def parse_ma(raw: str, content: str, symbology: str | None, today: dt.date) -> ParsedUDI:
    """Parse an MA code (AIM identifier already removed). Never raises."""
    reading = _Reading(today)
    parts = content.split(".")
    di = ".".join(parts[:5]) if len(parts) >= 5 else None
    if _characters_ok(content, reading) and _di_ok(parts, reading):
        _read_units(parts[5:], reading)
    info = None
    if di is not None and not reading.structure_broken:
        info = MaInfo(
            country=parts[1],
            industry=parts[2],
            registrant=parts[3],
            product_code=parts[4],
            packaging=parts[4][:1],
            units=tuple(reading.units),
            sterilisation_lot=reading.values.get("D"),
            use_by=reading.dates.get("V"),
            expiry=reading.dates.get("E"),
            check=reading.values.get("C"),
        )
    return ParsedUDI(
        raw=raw,
        scheme="MA",
        issuing_agency="ZIIOT",
        symbology=symbology,
        di=di if info else None,
        lot=reading.values.get("L"),
        serial=reading.values.get("S"),
        expiry=reading.dates.get("E") or reading.dates.get("V"),
        production_date=reading.dates.get("M"),
        hri=(content,),
        errors=tuple(reading.errors),
        warnings=tuple(reading.warnings),
        ma=info,
    )


@dataclass
class _Reading:
    """Everything read so far from one MA code."""

    today: dt.date
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    units: list[tuple[str, str]] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    dates: dict[str, dt.date] = field(default_factory=dict)
    structure_broken: bool = False


def _characters_ok(content: str, reading: _Reading) -> bool:
    bad = next(
        (i for i, c in enumerate(content) if not (c.isascii() and (c.isalnum() or c == "."))),
        -1,
    )
    if bad >= 0:
        reading.errors.append(
            f"MA code {show(content)} has {describe_char(content[bad])} at position {bad + 1}: "
            "an MA code holds letters, digits and the '.' separators only"
        )
        reading.structure_broken = True
        return False
    return True


def _di_ok(parts: list[str], reading: _Reading) -> bool:
    """The product identifier MA.country.industry.registrant.product (the DI), checked."""
    shown = show(".".join(parts[:5]))
    problem = ""
    if len(parts) < 5:
        problem = (
            "it needs five parts before any data unit: MA, a 3-digit country code, the "
            "industry code, a 6-digit registrant code and the product code"
        )
    elif parts[0] != PREFIX.rstrip("."):
        problem = f'it must begin with "MA", the issuing agency code, not {show(parts[0])}'
    elif not (len(parts[1]) == 3 and parts[1].isdigit()):
        problem = f"the country code {show(parts[1])} must be 3 digits (156 for China)"
    elif not (len(parts[2]) == 2 and parts[2].isalnum()):
        problem = f"the industry code {show(parts[2])} must be 2 characters (M0: medical devices)"
    elif not (len(parts[3]) == 6 and parts[3].isdigit()):
        problem = f"the registrant code {show(parts[3])} must be 6 digits"
    elif len(parts[4]) < 3 or not parts[4][0].isdigit():
        problem = (
            f"the product code {show(parts[4])} must be a packaging digit, the item code and "
            "a check character"
        )
    if problem:
        reading.errors.append(f"MA product identifier {shown}: {problem}")
        reading.structure_broken = True
        return False
    if parts[2] != INDUSTRY_MEDICAL:
        reading.warnings.append(
            f"MA code industry code {show(parts[2])} is not {INDUSTRY_MEDICAL} (medical devices)"
        )
    di = ".".join(parts[:5])
    expected = ma_check_character(di[:-1])
    if di[-1] != expected:
        reading.warnings.append(
            f"MA product identifier {show(di)} ends in {show(di[-1])}; the check Lotline "
            f"computes is {show(expected)} (ZIIOT does not publish the rule: confirm the code "
            "with the issuing agency before relying on it)"
        )
    return True


def _read_units(units: list[str], reading: _Reading) -> None:
    for index, unit in enumerate(units):
        if not unit:
            reading.errors.append(
                "MA code has an empty data unit (two '.' in a row, or a '.' at the end)"
            )
            continue
        tag, value = unit[:1], unit[1:]
        if tag == _LEGACY_PRODUCTION and "M" not in reading.values:
            reading.warnings.append(
                f"MA data unit {show('.' + unit)} writes the production date as '.P' (an older "
                "form); current codes use '.M'"
            )
            tag = "M"
        name = TAGS.get(tag)
        if name is None:
            known = ", ".join(f".{t} {n}" for t, n in TAGS.items())
            reading.errors.append(
                f"MA data unit {show('.' + unit)} has no known separator (known: {known})"
            )
            continue
        if not value:
            reading.errors.append(f"MA data unit .{tag} ({name}) is empty")
            continue
        if tag in reading.values:
            reading.errors.append(
                f"MA code gives the {name} twice ({show(reading.values[tag])} and {show(value)})"
            )
            continue
        if tag == "C":
            _read_check(units[:index], value, index == len(units) - 1, reading)
        elif tag in DATE_TAGS:
            _read_date(tag, value, reading)
        reading.values[tag] = value
        reading.units.append((tag, value))


def _read_date(tag: str, value: str, reading: _Reading) -> None:
    name = TAGS[tag]
    if len(value) == 6:
        date = read_yymmdd(value, reading.today, day_zero_ok=False)
    elif len(value) == 8:
        date = read_yyyymmdd(value)
    else:
        reading.errors.append(
            f"MA {name} {show(value)} must be 6 digits YYMMDD or 8 digits YYYYMMDD"
        )
        return
    if date.date is None:
        reading.errors.append(f"MA {name} {show(value)}: {date.problem}; check the label")
        return
    reading.dates[tag] = date.date


def _read_check(before: list[str], value: str, last: bool, reading: _Reading) -> None:
    if not last or len(value) != 1:
        reading.errors.append(
            f"MA check unit .C{value} must be one character and the last data unit"
        )
        return
    expected = ma_check_character("." + ".".join(before))
    if value != expected:
        reading.warnings.append(
            f"MA check character .C{value} does not match the {expected} Lotline computes over "
            "the data units (ZIIOT does not publish the rule: confirm with the issuing agency)"
        )


@dataclass(frozen=True)
class ComposedMA:
    """An MA code built by compose_ma: the full text a QR Code carries, and its parts."""

    text: str
    di: str
    units: tuple[tuple[str, str], ...]  # (tag, value) in placed order, the check last

    @property
    def hri(self) -> tuple[str, ...]:
        return (self.text,)

    # The same names a GS1 ComposedUDI has, so that a label, a print job and a scan-back treat
    # both alike: the "element string" of an MA code is its text, and it has no GS1 AIs.
    scheme = "MA"

    @property
    def element_string(self) -> str:
        return self.text

    @property
    def bracketed(self) -> str:
        return self.text

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        return ()

    def value(self, tag: str) -> str | None:
        """The value of data unit ``tag`` ("L", "S", "M", "D", "V", "E", "C"), or None."""
        return next((value for unit, value in self.units if unit == tag), None)

    def human_date(self, tag: str) -> str | None:
        """Data unit ``tag``'s date as YYYY-MM-DD (the century as the reading window gives)."""
        value = self.value(tag)
        if value is None:
            return None
        if len(value) == 8:
            read = read_yyyymmdd(value)
        else:
            read = read_yymmdd(value, dt.date.today(), day_zero_ok=False)
        return read.date.isoformat() if read.date else value


def compose_ma(
    di: str,
    *,
    lot: str | None = None,
    serial: str | None = None,
    production_date: dt.date | None = None,
    sterilisation_lot: str | None = None,
    use_by: dt.date | None = None,
    expiry: dt.date | None = None,
    long_dates: bool = False,
    check: bool = True,
    today: dt.date | None = None,
) -> ComposedMA:
    """Build an MA code from its DI (as issued, with its check) and production identifiers.

    Dates are written YYMMDD, or YYYYMMDD with ``long_dates``; ``check`` appends ".C".
    Raises ComposeError naming the field and value.
    """
    today = today or dt.date.today()
    reading = _Reading(today)
    if not _characters_ok(di, reading) or not _di_ok(di.split("."), reading):
        raise ComposeError("cannot compose an MA code: " + "; ".join(reading.errors))
    if len(di.split(".")) != 5:
        raise ComposeError(f"MA DI {show(di)} must have exactly five parts (no data units)")
    texts = {"S": serial, "L": lot, "D": sterilisation_lot}
    dates = {"M": production_date, "E": expiry, "V": use_by}
    units: list[tuple[str, str]] = []
    for tag in COMPOSE_ORDER:
        if tag in texts and texts[tag] is not None:
            units.append((tag, _text_value(tag, texts[tag] or "")))
        elif tag in dates and dates[tag] is not None:
            units.append((tag, _date_value(tag, dates[tag], long_dates, today)))
    tail = "".join(f".{tag}{value}" for tag, value in units)
    if check and units:
        units.append(("C", ma_check_character(tail)))
        tail += f".C{units[-1][1]}"
    return ComposedMA(text=di + tail, di=di, units=tuple(units))


def _text_value(tag: str, value: str) -> str:
    if not value or not (value.isascii() and value.isalnum()):
        raise ComposeError(
            f"MA {TAGS[tag]} {show(value)} must be letters and digits only (no '.', spaces or "
            "symbols), at least one character"
        )
    return value


def _date_value(tag: str, value: dt.date | None, long_dates: bool, today: dt.date) -> str:
    assert value is not None
    if not isinstance(value, dt.date):
        raise ComposeError(f"MA {TAGS[tag]} {value!r} must be a date")
    if long_dates:
        return value.strftime("%Y%m%d")
    if not two_digit_year_fits(value.year, today):
        raise ComposeError(
            f"MA {TAGS[tag]} {value.isoformat()} cannot be written as YYMMDD; use long_dates"
        )
    return value.strftime("%y%m%d")
