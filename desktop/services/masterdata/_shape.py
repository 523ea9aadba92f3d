"""The shape of master-data rows: each field's type (text, whole number, number, date, list of
tables), and text free of control characters; checked before any other rule.

A field of the wrong type is reported as "file, line N, field F: must be text, not 5" and taken
out of the row, so that the rules after this one never meet a value they cannot handle; whole
numbers given as text in a CSV cell ("30") become numbers here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.services.masterdata._files import Problem, Row

ANY = "anything"
TEXT, WHOLE, NUMBER, DATE, TEXTS, MAPPING, SCALAR, PIN = (
    "text",
    "a whole number",
    "a number",
    "a date (2027-06-30)",
    "a list of texts",
    "a table of settings",
    "a text, number or true/false",
    "digits (as text)",
)
#: Fields of each top-level table and of its nested lists of tables; any other field is only
#: checked for control characters (step parameters are checked by the step's kind).
Shape = Mapping[str, "str | Shape"]

_SITE: Shape = {"name": TEXT, "gln": TEXT, "address": TEXT}
_LIMITS: Shape = {
    "characteristic": TEXT,
    "step": TEXT,
    "nominal": NUMBER,
    "lower": NUMBER,
    "upper": NUMBER,
    "unit": TEXT,
}
_STEP: Shape = {"kind": TEXT, "name": TEXT, "instruction": TEXT, "parts": TEXTS}
_DEVICE: Shape = {"kind": TEXT, "name": TEXT, "url": TEXT, "settings": MAPPING}
SHAPES: Mapping[str, Shape] = {
    "suppliers": {"code": TEXT, "name": TEXT},
    "customers": {"code": TEXT, "name": TEXT, "sites": _SITE},
    "parts": {
        "part_number": TEXT,
        "name": TEXT,
        "tracking": TEXT,
        "gtin": TEXT,
        "unit": TEXT,
        "incoming_inspection": _LIMITS,
    },
    "routes": {"name": TEXT, "version": WHOLE, "steps": _STEP},
    "products": {
        "gtin": TEXT,
        "ma_di": TEXT,
        "name": TEXT,
        "description": TEXT,
        "tracking": TEXT,
        "route": TEXT,
        "shelf_life_days": WHOLE,
        "case_quantity": WHOLE,
        "label_template": TEXT,
        "bom": {"part": TEXT, "quantity": NUMBER, "step": TEXT},
        "inspection_plans": _LIMITS,
    },
    "stations": {"name": TEXT, "kind": TEXT, "timezone": TEXT, "devices": _DEVICE},
    "users": {
        "username": TEXT,
        "full_name": TEXT,
        "role": TEXT,
        "badge": TEXT,
        "pin": PIN,
        "password": TEXT,
        "qualifications": {"name": TEXT, "expires": DATE},
    },
}

_ALLOWED_CONTROLS = frozenset("\t")


def control_character(text: str) -> str | None:
    """The first control character of ``text`` as people read it ("NUL (U+0000)"), or None."""
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cs") and char not in _ALLOWED_CONTROLS:
            name = {"\x00": "NUL", "\n": "a line break", "\r": "a carriage return"}.get(char)
            return f"{name or 'a control character'} (U+{ord(char):04X})"
    return None


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float, Decimal)):
        return "a number"
    if isinstance(value, datetime | date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "text"


def _fits(kind: str, value: Any) -> tuple[bool, Any]:
    """Whether ``value`` is of ``kind``; the value normalised (a CSV "30" becomes 30)."""
    if kind == TEXT:
        return isinstance(value, str), value
    if kind == PIN:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        return isinstance(value, str) and value.isdigit() and value.isascii(), value
    if kind == WHOLE:
        if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
            return True, int(value.strip())
        return isinstance(value, int) and not isinstance(value, bool), value
    if kind == NUMBER:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            return False, value
        try:
            return Decimal(str(value)).is_finite(), value
        except InvalidOperation:
            return False, value
    if kind == DATE:
        return isinstance(value, date) and not isinstance(value, datetime), value
    if kind == TEXTS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value), value
    if kind == MAPPING:
        ok = isinstance(value, dict) and all(
            isinstance(v, (str, int, float, bool)) for v in value.values()
        )
        return ok, value
    if kind == SCALAR:
        return isinstance(value, (str, int, float, bool)), value
    return True, value  # ANY: no type asked


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in [str(k), *_texts(v)]]
    return []


def _check(
    row: Row, name: str, where: str, kind: str | Shape, value: Any, out: list[Problem]
) -> tuple[bool, Any]:
    if isinstance(kind, Mapping):  # a list of tables
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            out.append(
                row.problem(name, f"{where} must be a list of tables, not {_kind_of(value)}")
            )
            return False, value
        for number, table in enumerate(value, start=1):
            for key in list(table):
                inner = kind.get(key, ANY)
                ok, fixed = _check(row, name, f"{name} {number}, {key}", inner, table[key], out)
                if ok:
                    table[key] = fixed
                else:
                    del table[key]
        return True, value
    ok, fixed = _fits(kind, value)
    if not ok:
        out.append(
            row.problem(name, f"{where} must be {kind}, not {_kind_of(value)} {value!r:.40}")
        )
        return False, value
    for text in _texts(fixed):
        bad = control_character(text)
        if bad:
            out.append(row.problem(name, f"{where} holds {bad}: only printable text is stored"))
            return False, value
    return True, fixed


def check_row(table: str, row: Row, out: list[Problem]) -> None:
    """Type-check every known field of ``row`` (a field of the wrong type is taken out)."""
    shape = SHAPES.get(table, {})
    for name in list(row.values):
        ok, fixed = _check(row, name, name, shape.get(name, ANY), row.values[name], out)
        if ok:
            row.values[name] = fixed
        else:
            del row.values[name]


__all__ = ["SHAPES", "check_row", "control_character"]
