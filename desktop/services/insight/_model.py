"""What the dashboard shows: a panel of figures, each figure named by a key that opens the
records behind it, and those records as a table."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from desktop.domain.insight import Panel
from desktop.domain.text import Text

#: How far back the line panels look unless asked otherwise: one day of shifts.
DEFAULT_WINDOW_HOURS = 24
#: A device whose calibration falls due within this many days is shown as due soon.
CALIBRATION_WARNING_DAYS = 7
#: How a yield figure's key says what it counts over (a step, a lot).
PER_STEP, PER_LOT = "per_step", "per_lot"  # not a code: parts of a figure's key
#: The most records a figure opens at once (the count says how many there are in all).
RECORDS_SHOWN = 500


@dataclass(frozen=True)
class Window:
    """The period a panel counts over: [start, end)."""

    start: datetime
    end: datetime

    @classmethod
    def last(cls, hours: int, now: datetime | None = None) -> Window:
        end = now or datetime.now(UTC)
        return cls(end - timedelta(hours=hours), end)

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600


@dataclass(frozen=True)
class Figure:
    """One figure of a panel: a bar, a tile or a row. ``key`` opens its records."""

    key: str
    label: str
    value: float
    target: float | None = None  # the plan's rate, a limit: drawn beside the value
    note: str = ""  # an age, a share in words
    alert: bool = False  # needs someone: overdue, below goal, not yet notified


@dataclass(frozen=True)
class PanelView:
    """A panel: its headline figure in words and the figures behind it."""

    panel: Panel
    headline: str
    figures: tuple[Figure, ...] = ()
    alert: bool = False
    figures_total: int | None = None  # when the figures listed are the first of more


#: A cell of the records behind a figure: words, or a time (UTC) that the screen shows in the
#: station's zone and a report in UTC.
Cell = str | datetime


@dataclass(frozen=True)
class Records:
    """The records behind a figure: column headings and rows of text, newest or worst first."""

    title: str
    columns: tuple[Text, ...]
    rows: tuple[tuple[Cell, ...], ...] = field(default_factory=tuple)
    total: int = 0  # how many there are (rows holds at most RECORDS_SHOWN)


def age_words(since: datetime, now: datetime) -> Text:
    """How long ago, in the largest whole unit: "3 d", "5 h", "12 min"."""
    from desktop.domain.text import t

    seconds = max((now - since).total_seconds(), 0)
    if seconds >= 86400:
        return t("{n} d", n=int(seconds // 86400))
    if seconds >= 3600:
        return t("{n} h", n=int(seconds // 3600))
    return t("{n} min", n=int(seconds // 60))


def key_of(panel: Panel, *parts: object) -> str:
    """A figure's key: the panel and what names the records ("wip:12:3")."""
    return ":".join([str(panel), *(str(p) for p in parts)])


def parse_key(key: str) -> tuple[Panel, list[str]]:
    """(panel, parts) of a key made by ``key_of``; ValueError for one it did not make."""
    code, *parts = key.split(":")
    return Panel(code), parts
