"""Split GS1 data into (AI, value) pairs: element strings and bracketed text.

Element strings are split by our tokenizer (biip's AI table, REFERENCE 1.2 prefix tables) when
every field ends cleanly, which is the split biip makes too; anything else goes to biip's
``GS1Message`` (which cuts over-long fields at their maximum), and when biip refuses, our split
lets the rules in ``gs1_rules`` say exactly which field is wrong instead of "no AI at ' C'".
Digital Link URIs are split in gs1_digital_link.
Nothing here raises: problems are returned as messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from biip import ParseConfig
from biip.gs1_messages import GS1Message

from ._text import GS, show
from .ai_table import ai_code_length, ai_spec, fixed_value_length

Pairs = list[tuple[str, str]]

# Dates are checked by our rules (DD=00 warning, real calendar days); biip only splits.
_BIIP_CONFIG = ParseConfig(gs1_element_strings_verify_date=False, separator_chars=(GS,))
_BRACKET_AI = re.compile(r"\((\d{2,4})\)")


@dataclass
class Split:
    """Pairs found in the data, and what stopped or worried the splitter."""

    pairs: Pairs = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    biip_error: str = ""  # biip's own complaint, used when our rules find nothing more precise


def split_element_string(data: str) -> Split:
    """Split scanner data (AIM identifier removed; GS as separator) into pairs."""
    split = Split()
    if GS + GS in data.strip():
        split.warnings.append(
            f"doubled GS separator in {show(data)} was ignored; "
            "the label's encoder writes an empty field: check the template"
        )
    pairs, errors = tokenize(data.strip())
    if not errors and all(_within_length(ai, value) for ai, value in pairs):
        # Fast path: every field ends at a GS or at its fixed length, so biip would split
        # exactly here (tests check this); its per-field objects cost ~60 us we do not need.
        split.pairs = pairs
        return split
    try:
        message = GS1Message.parse(data, config=_BIIP_CONFIG)
    except Exception as exc:  # biip refused too: our split explains why
        split.biip_error = str(exc)
        split.pairs, split.errors = pairs, errors
        return split
    split.pairs = [(es.ai.ai, es.value) for es in message.element_strings]
    if not errors:  # biip cut a field at its maximum length and read on
        split.warnings.append(
            f"in {show(data)} a variable-length field runs past its maximum length with no GS "
            "separator; it was cut at the maximum and the rest read as the next AI: "
            "check the label's separators"
        )
    return split


def _within_length(ai: str, value: str) -> bool:
    spec = ai_spec(ai)
    return spec is not None and spec.kind is not None and 0 < len(value) <= spec.max_len


def tokenize(data: str) -> tuple[Pairs, list[str]]:
    """Our own element-string splitter: fixed-length AIs by table, variable ones up to GS.

    It never cuts a variable field at its maximum length, so an over-long field shows up as
    one too-long value (a missing separator, most likely) rather than as a phantom AI.
    """
    pairs: Pairs = []
    pos, end_of_data = 0, len(data)
    while pos < end_of_data:
        if data[pos] == GS:
            pos += 1
            continue
        size = ai_code_length(data[pos : pos + 2])
        ai = data[pos : pos + size] if size else ""
        if not size or len(ai) < size or not ai.isdigit() or ai_spec(ai) is None:
            return pairs, [_no_ai_message(data, pos, pairs)]
        start = pos + size
        end = data.find(GS, start)
        end = end_of_data if end < 0 else end
        fixed = fixed_value_length(ai)
        if fixed is not None:
            end = min(end, start + fixed)
        pairs.append((ai, data[start:end]))
        pos = end
    return pairs, []


def _no_ai_message(data: str, pos: int, pairs: Pairs) -> str:
    rest = data[pos:]
    if not pairs:
        return (
            f"{show(data)} does not start with a GS1 Application Identifier: this is not GS1 "
            "element-string data (expected two to four digits such as 01, 10, 17, 21)"
        )
    ai, value = pairs[-1]
    return (
        f"no known GS1 Application Identifier at {show(rest)} (position {pos + 1}) after "
        f"({ai}) {show(value)}: the data is damaged, or a separator is missing"
    )


def split_bracketed(text: str) -> Split:
    """Split "(01)09506000134352(17)251231(10)ABC", as a person types it from the HRI.

    Spaces around values (HRI lines put one after each AI) are dropped. A "(" inside data is
    written "\\(" (GS1 syntax engine convention); an unescaped "(" that is not followed by a
    known "(AI)" is kept as data too.
    """
    split = Split()
    data = text.strip()
    pos = 0
    while pos < len(data):
        match = _BRACKET_AI.match(data, pos)
        if match is None:
            split.errors.append(
                f'expected "(AI)" at {show(data[pos:])} (position {pos + 1}) in {show(data)}: '
                "write each Application Identifier in brackets, e.g. (01)09506000134352(10)ABC"
            )
            break
        value, pos = _bracket_value(data, match.end())
        split.pairs.append((match.group(1), value.strip(" ")))
    return split


def _bracket_value(data: str, pos: int) -> tuple[str, int]:
    chars: list[str] = []
    while pos < len(data):
        char = data[pos]
        if char == "\\" and data.startswith("(", pos + 1):
            chars.append("(")
            pos += 2
            continue
        if char == "(":
            match = _BRACKET_AI.match(data, pos)
            if match is not None and ai_spec(match.group(1)) is not None:
                break
        chars.append(char)
        pos += 1
    return "".join(chars), pos


def escape_bracketed(value: str) -> str:
    """A value for bracketed notation: "(" in data written "\\(" so it cannot open an AI."""
    return value.replace("(", "\\(")
