"""Shared pieces of the layout: the context of one label and what placing a field yields."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.domain.udi import ComposedCode, ComposedMA
from desktop.labels.items import Item
from desktop.labels.templates import Template
from desktop.labels.units import mm_to_dots

_DATA_AI = {
    "gtin": "01",
    "di": "01",
    "lot": "10",
    "serial": "21",
    "expiry": "17",
    "production_date": "11",
}
_MA_UNIT = {"lot": "L", "serial": "S", "production_date": "M"}  # "expiry": .E, else .V
_DATES = frozenset({"expiry", "production_date"})


@dataclass(frozen=True)
class Ctx:
    template: Template
    udi: ComposedCode
    fields: Mapping[str, str]
    dpmm: int

    def dots(self, mm: float) -> int:
        return mm_to_dots(mm, self.dpmm)

    def mm(self, dots: float) -> float:
        return dots / self.dpmm

    def resolve(self, source: str) -> str | None:
        """The text of a value source, or None when the data or caller does not give it."""
        kind, _, name = source.partition(":")
        if kind == "text":
            return name
        if kind == "field":
            return self.fields.get(name) or None
        if isinstance(self.udi, ComposedMA):
            return self._ma_value(self.udi, name)
        ai = _DATA_AI[name]
        value = self.udi.ai_values.get(ai)
        if value is not None and name in _DATES:
            return self.udi.human_dates.get(ai, value)
        return value

    @staticmethod
    def _ma_value(udi: ComposedMA, name: str) -> str | None:
        if name == "di":
            return udi.di
        if name == "gtin":
            return None  # an MA product has no GTIN
        if name == "expiry":
            return udi.human_date("E") or udi.human_date("V")
        if name in _DATES:
            return udi.human_date(_MA_UNIT[name])
        return udi.value(_MA_UNIT[name])


@dataclass(frozen=True)
class Area:
    """The box (quiet zones included) that one field's content takes, in dots."""

    field: str
    x0: int
    y0: int
    x1: int
    y1: int

    def overlaps(self, other: Area) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )


@dataclass(frozen=True)
class Placed:
    items: tuple[Item, ...] = ()
    areas: tuple[Area, ...] = ()
    expected: tuple[tuple[str, str], ...] = ()


def describe(source: str) -> str:
    """How a message names a value: "product name", "lot", "expiry date"."""
    name = source.partition(":")[2]
    if source.startswith("data:") and name in _DATES:
        return name.replace("_", " ") + (" date" if name == "expiry" else "")
    return name.replace("_", " ")
