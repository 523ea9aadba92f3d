"""Test data for the label tests: hypothesis strategies for valid UDI field sets, and examples.

Imported as ``tests.unit.labels.label_data`` (pytest's pythonpath is the repo root).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from desktop.domain.udi import ComposedUDI, compose

CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
FIELDS = {"product_name": "Infusion Pump IP-300", "ref": "IP-300"}
TYPICAL = {
    "01": "09506000134352",
    "17": "271231",
    "11": "260115",
    "10": "ABC123",
    "21": "SN0001",
}


def check_digit(body: str) -> str:
    """GS1 mod-10 check digit (weights 3,1 from the right) for the digits ``body``."""
    total = sum(int(d) * (3 if n % 2 == 0 else 1) for n, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


@st.composite
def gtins(draw: st.DrawFn) -> str:
    body = draw(st.text("0123456789", min_size=13, max_size=13).filter(lambda s: s.strip("0")))
    return body + check_digit(body)


def yymmdd(day: dt.date) -> str:
    return day.strftime("%y%m%d")


def dates() -> st.SearchStrategy[str]:
    # Within the GS1 century window (49 years back, 50 ahead) from any year up to 2049.
    return st.dates(dt.date(2001, 1, 1), dt.date(2049, 12, 31)).map(yymmdd)


def cset82(min_size: int = 1, max_size: int = 20) -> st.SearchStrategy[str]:
    return st.text(CSET82, min_size=min_size, max_size=max_size)


@st.composite
def field_sets(draw: st.DrawFn, max_lot: int = 20, max_serial: int = 20) -> dict[str, str]:
    """A valid UDI: a GTIN, and any of expiry, production date, lot and serial."""
    fields = {"01": draw(gtins())}
    if draw(st.booleans()):
        fields["17"] = draw(dates())
    if draw(st.booleans()):
        fields["11"] = draw(dates())
    if draw(st.booleans()) and max_lot:
        fields["10"] = draw(cset82(1, max_lot))
    if draw(st.booleans()) and max_serial:
        fields["21"] = draw(cset82(1, max_serial))
    return fields


def udis(max_lot: int = 20, max_serial: int = 20) -> st.SearchStrategy[ComposedUDI]:
    return field_sets(max_lot, max_serial).map(compose)


def typical(**changes: str) -> ComposedUDI:
    """The example UDI, with AIs changed or removed (value "")."""
    fields = dict(TYPICAL)
    for key, value in changes.items():
        ai = key.lstrip("_")
        if value:
            fields[ai] = value
        else:
            fields.pop(ai, None)
    return compose(fields)
