"""Weight values: readings and command answers of a scale. Refusals are values, not errors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import Enum


class WeightStatus(Enum):
    STABLE = "stable"
    UNSTABLE = "unstable"  # in motion: a value is there but must not be accepted
    OVERLOAD = "overload"
    UNDERLOAD = "underload"
    BUSY = "busy"  # not executable now (taring, or no stability within the scale's timeout)
    ERROR = "error"  # the scale refused the command (syntax, logical or transmission error)


MESSAGES: dict[WeightStatus, str] = {
    WeightStatus.STABLE: "Stable weight.",
    WeightStatus.UNSTABLE: "Weight not stable yet: keep the load and the bench still.",
    WeightStatus.OVERLOAD: "Scale overloaded: take the load off the pan.",
    WeightStatus.UNDERLOAD: (
        "Scale below its zero range: check that the pan is in place, then zero the scale."
    ),
    WeightStatus.BUSY: (
        "Scale busy (taring, or not stable in time): keep the load still and try again."
    ),
    WeightStatus.ERROR: "The scale refused the command: check the scale's interface settings.",
}

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)")


def parse_decimal(text: str) -> Decimal | None:
    """A plain decimal number (sign, digits, one point) or None: no exponents, NaN or infinity."""
    if not _NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern already excludes it
        return None


@dataclass(frozen=True)
class Weight:
    """What one frame says, before the driver adds who and when. ``net`` None: the frame does
    not say net or gross (MT-SICS lines, Ohaus lines without a legend)."""

    status: WeightStatus
    value: Decimal | None
    unit: str
    net: bool | None = None
    tare: Decimal | None = None
    detail: str = ""


@dataclass(frozen=True)
class WeightReading:
    """One reading from one scale. Accept it only when ``stable`` (and in tolerance).

    ``net`` is what the scale says: True net (a tare in effect), False gross, None when the
    scale has not said (an MT-SICS balance that does not answer ``TA``, or whose tare register
    could not be read since something may have changed it; an Ohaus line without a legend).
    ``tare`` is the tare the frame or the balance reported, in ``unit``, or None."""

    status: WeightStatus
    value: Decimal | None
    unit: str
    net: bool | None
    device_id: str
    serial_number: str | None
    raw: bytes
    received_at: datetime
    received_ns: int
    tare: Decimal | None = None
    detail: str = ""

    @property
    def stable(self) -> bool:
        return self.status is WeightStatus.STABLE

    @property
    def gross(self) -> bool:
        """True only when the scale said gross; neither ``net`` nor ``gross`` when unknown."""
        return self.net is False

    @property
    def message(self) -> str:
        """What an operator reads: the status in words, with the scale's own detail if any."""
        base = MESSAGES[self.status]
        return f"{base} ({self.detail})" if self.detail else base


@dataclass(frozen=True)
class ScaleAck:
    """Answer to zero, tare or reset. ``accepted`` False is a refusal, with ``status`` saying
    which (busy, overload, underload, error); ``confirmed`` False means the protocol has no
    answer to wait for (continuous formats), so watch the next reading."""

    command: str
    accepted: bool
    confirmed: bool
    message: str
    status: WeightStatus | None = None
    value: Decimal | None = None
    unit: str = ""
    text: str = ""
    raw: bytes = b""
