"""GS1 rules beyond syntax: formats, check digits, real dates, AI associations, separators.

``check_pairs`` is shared by parse_scan (errors and warnings for the operator) and compose
(errors become ComposeError), so a label we print passes the same rules as a label we read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ._text import CSET82, CSET82_HELP, describe_char, first_outside, show
from .ai_table import (
    DAY_ZERO_DATE_AIS,
    REAL_DAY_DATE_AIS,
    AISpec,
    ai_name,
    ai_spec,
    fixed_value_length,
)
from .checkdigits import gs1_check_digit, is_valid_check_digit
from .dates import read_yymmdd
from .gs1_associations import clashes, describe_requirement, unmet_requirements
from .gs1_split import tokenize

_DIGITS = frozenset("0123456789")

# AIs whose value starts with a mod-10 checked number of this many digits.
_CHECKED: dict[str, int] = {"00": 18, "01": 14, "02": 14, "03": 14, "8006": 14, "253": 13}
_CHECKED.update({ai: 13 for ai in ("255", "410", "411", "412", "413", "414", "415", "416")})
_CHECKED["417"] = 13
_GTIN_AIS = frozenset({"01", "02", "03", "8006"})

# Fixed-length AIs a UDI carries, looked for inside variable fields (missing separator).
_SWALLOWABLE = ("01", "11", "17")


@dataclass
class Findings:
    """What the rules found; ``dates`` holds the date read from each date AI (first one)."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dates: dict[str, dt.date] = field(default_factory=dict)
    advice: bool = True  # add what the operator should do (scans); compose leaves it out

    def error(self, problem: str, hint: str = "") -> None:
        self.errors.append(f"{problem}: {hint}" if hint and self.advice else problem)


def check_pairs(
    pairs: Sequence[tuple[str, str]], today: dt.date, *, scanned: bool = True
) -> Findings:
    """Apply every per-field and cross-field rule to ``pairs`` (scanned or composed order).

    ``scanned``: messages carry advice for the operator, and variable fields are searched for
    a swallowed fixed-length AI (missing separator); compose passes False.
    """
    found = Findings(advice=scanned)
    for ai, value in pairs:
        check_element(ai, value, today, found)
    _check_associations(pairs, found)
    if scanned:
        present = {ai for ai, _ in pairs}
        for ai, value in pairs:
            _look_for_swallowed(ai, value, present, today, found)
    return found


def check_element(ai: str, value: str, today: dt.date, found: Findings) -> None:
    """Rules for one element string: format, check digit, date, then biip's pattern."""
    spec = ai_spec(ai)
    if spec is None:
        found.error(
            f"({ai}) {show(value)}: {show(ai)} is not a GS1 Application Identifier",
            "check the AI digits",
        )
        return
    if not _format_ok(spec, value, found):
        return
    before = len(found.errors)
    _check_digit_rules(ai, value, found)
    _check_date_rules(ai, value, today, found)
    if len(found.errors) == before and not spec.pattern.fullmatch(ai + value):
        found.error(
            f"{ai_name(ai)} {show(value)} does not have the GS1 format of ({ai})",
            "check the label against the AI's definition",
        )


def _format_ok(spec: AISpec, value: str, found: Findings) -> bool:
    name = ai_name(spec.ai)
    if not value:
        found.error(
            f"{name} is empty (the data ends, or a separator follows the AI)",
            "rescan; if it repeats, the label is damaged or wrongly encoded",
        )
        return False
    if spec.kind in ("N", "X"):
        allowed = _DIGITS if spec.kind == "N" else CSET82
        bad = first_outside(value, allowed)
        if bad >= 0:
            what = "digits only" if spec.kind == "N" else f"only GS1 characters ({CSET82_HELP})"
            found.error(
                f"{name} {show(value)} has {describe_char(value[bad])} at position {bad + 1}, "
                f"but may hold {what}",
                "the label must be reprinted with allowed characters",
            )
            return False
    return _length_ok(spec, value, name, found)


def _length_ok(spec: AISpec, value: str, name: str, found: Findings) -> bool:
    if spec.kind is None or spec.min_len <= len(value) <= spec.max_len:
        return True
    unit = "digits" if spec.kind == "N" else "characters"
    if spec.min_len == spec.max_len:
        expected = f"expected exactly {spec.max_len}"
    else:
        expected = f"allowed {spec.min_len} to {spec.max_len}"
    hint = (
        "the data looks truncated; rescan"
        if len(value) < spec.min_len
        else "a separator may be missing after it, or the AI is wrong"
    )
    found.error(f"{name} {show(value)} has {len(value)} {unit}, {expected}", hint)
    return False


def _check_digit_rules(ai: str, value: str, found: Findings) -> None:
    size = _CHECKED.get(ai)
    if size is None or len(value) < size or not value[:size].isdigit():
        return
    number, name = value[:size], ai_name(ai)
    if ai in _GTIN_AIS and set(number) == {"0"}:
        found.error(
            f"{name} {show(number)} is all zeros, which is not a GTIN",
            "the label was printed from an empty field; do not use it",
        )
        return
    if not is_valid_check_digit(number):
        expected = gs1_check_digit(number[:-1])
        found.error(
            f"{name} {show(number)} has check digit {number[-1]}, expected {expected}",
            "a misread or a wrong number on the label; rescan, and if it repeats, set it aside",
        )


def _check_date_rules(ai: str, value: str, today: dt.date, found: Findings) -> None:
    day_zero_ok = ai in DAY_ZERO_DATE_AIS
    if not day_zero_ok and ai not in REAL_DAY_DATE_AIS:
        return
    name = ai_name(ai)
    reading = read_yymmdd(value[:6], today, day_zero_ok=day_zero_ok)
    if reading.date is None:
        found.error(f"{name} {show(value)}: {reading.problem}", "check the label")
        return
    if reading.day_was_zero:
        found.warnings.append(
            f"{name} {show(value)} has day 00 (no day given): read as "
            f"{reading.date.isoformat()}, the last day of the month; new labels should carry "
            "a real day"
        )
    if ai == "7003":
        _check_hour_minute(value, name, found)
    found.dates.setdefault(ai, reading.date)


def _check_hour_minute(value: str, name: str, found: Findings) -> None:
    hour, minute = int(value[6:8]), int(value[8:10])
    if hour > 23 or minute > 59:
        found.error(
            f"{name} {show(value)}: time {value[6:8]}:{value[8:10]} does not exist "
            "(HHMM, 00:00 to 23:59)",
            "check the label",
        )


def _check_associations(pairs: Sequence[tuple[str, str]], found: Findings) -> None:
    """Repeats, then the GS1 association rules (gs1_associations) over all AIs present."""
    seen: dict[str, str] = {}
    values: dict[str, str] = {}
    for ai, value in pairs:
        _check_repeat(ai, value, seen, found)
        values.setdefault(ai, value)
    present = list(values)
    for unmet in unmet_requirements(present):
        required = describe_requirement(unmet.requirement)
        if any(len(alt) > 1 for alt in unmet.requirement):
            missing = " and ".join(_pattern_name(p) for p in unmet.missing)
            outcome = (
                f"{missing} is missing" if len(unmet.missing) == 1 else f"{missing} are missing"
            )
        else:
            outcome = "none is present"
        found.error(
            f"{ai_name(unmet.ai)} {show(values[unmet.ai])} needs {_with_names(required)} "
            f"with it (GS1 AI association rule), and {outcome}",
            "the label's data is incomplete; have its template checked",
        )
    for clash in clashes(present):
        found.error(
            f"{ai_name(clash.ai)} and {ai_name(clash.other)} may not appear together "
            "(GS1 AI exclusion rule)",
            "the label's template is wrong; have it fixed",
        )
    if "8013" in values:
        found.warnings.append(
            "Basic UDI-DI (GMN) (8013) is never encoded in a device's UDI carrier; "
            "this is not a device label UDI"
        )


def _pattern_name(pattern: str) -> str:
    fixed = pattern.rstrip("n")
    return (
        ai_name(pattern)
        if fixed == pattern
        else f"an AI ({fixed}{'x' * (len(pattern) - len(fixed))})"
    )


def _with_names(words: str) -> str:
    """'(01)' -> 'a GTIN (01)' when one AI alone is needed; lists stay as they are."""
    return "a GTIN (01)" if words == "(01)" else words


def _check_repeat(ai: str, value: str, seen: dict[str, str], found: Findings) -> None:
    if ai not in seen:
        seen[ai] = value
    elif seen[ai] != value:
        found.error(
            f"{ai_name(ai)} appears twice with different values, {show(seen[ai])} and "
            f"{show(value)}, so the scan is ambiguous",
            "do not use this label; have its template checked",
        )
    else:
        found.warnings.append(f"{ai_name(ai)} {show(value)} appears twice (same value)")


def _look_for_swallowed(
    ai: str, value: str, present: set[str], today: dt.date, found: Findings
) -> None:
    spec = ai_spec(ai)
    if spec is None or spec.kind != "X" or spec.fixed:
        return
    for start in range(1, len(value) - 7):
        inner = value[start : start + 2]
        if inner not in _SWALLOWABLE or inner in present:
            continue
        reading = _swallowed_reading(value[start + 2 :], inner, today)
        if reading:
            found.warnings.append(
                f"{ai_name(ai)} {show(value)} contains {show(value[start:])}, which reads as "
                f"{ai_name(inner)} {reading}: missing separator? A GS (FNC1) must follow every "
                "variable-length field; check the label template"
            )
            return


def _swallowed_reading(rest: str, ai: str, today: dt.date) -> str:
    """How ``rest`` reads as ``ai`` + value (+ cleanly splitting tail), or "" if it does not."""
    size = fixed_value_length(ai) or 0
    candidate, tail = rest[:size], rest[size:]
    if len(candidate) != size or not candidate.isdigit():
        return ""
    if ai == "01":
        plausible = is_valid_check_digit(candidate) and set(candidate) != {"0"}
        shown = candidate
    else:
        date = read_yymmdd(candidate, today, day_zero_ok=True).date
        plausible, shown = date is not None, date.isoformat() if date else ""
    if not plausible or (tail and not _splits_cleanly(tail, today)):
        return ""
    return shown


def _splits_cleanly(data: str, today: dt.date) -> bool:
    pairs, errors = tokenize(data)
    if errors or not pairs:
        return False
    found = Findings(advice=False)
    for ai, value in pairs:
        check_element(ai, value, today, found)
    return not found.errors
