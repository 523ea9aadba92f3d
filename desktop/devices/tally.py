"""A device's health tally: readings received, readings refused and reconnects since the last
report, counted on the device's thread and taken by the station's reporter on another thread.

Pure: no I/O and no clock of its own (callers pass the time in). What counts as a refused reading
is decided here too, for a scale (:class:`ScaleRefusals`): a refusal is counted once per episode,
so a scale that streams ten overload frames a second for a minute counts one refusal, and a
weight that is still moving after the scale's stable timeout counts one (the settling of every
load placed on the pan counts none).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from desktop.devices.weights import WeightStatus


@dataclass(frozen=True)
class HealthCounts:
    """One device's counts over [since, until): every reading received (refused ones included),
    the refused ones, and the reconnects after a lost port."""

    device: str
    since: datetime
    until: datetime
    readings: int = 0
    refused: int = 0
    reconnects: int = 0

    @property
    def empty(self) -> bool:
        """Nothing happened: no reading, no refusal, no reconnect (nothing to report)."""
        return not (self.readings or self.refused or self.reconnects)

    def joined(self, later: HealthCounts) -> HealthCounts:
        """These counts and a later period's of the same device, as one period."""
        if later.device != self.device:
            raise ValueError(f"counts of {later.device!r} cannot join those of {self.device!r}")
        return HealthCounts(
            self.device,
            min(self.since, later.since),
            max(self.until, later.until),
            self.readings + later.readings,
            self.refused + later.refused,
            self.reconnects + later.reconnects,
        )


class HealthTally:
    """Counts of one device since ``since``; every method may be called from any thread.

    The device's worker calls :meth:`reading`, :meth:`garbled` and :meth:`reconnected`; the
    reporter calls :meth:`take`, which hands over the counts and starts a new period.
    """

    def __init__(self, device: str, since: datetime) -> None:
        self.device = device
        self._lock = threading.Lock()
        self._since = since
        self._readings = 0
        self._refused = 0
        self._reconnects = 0

    def reading(self, *, refused: bool = False) -> None:
        """A reading the driver delivered; ``refused`` when it is one the station refuses."""
        with self._lock:
            self._readings += 1
            self._refused += int(refused)

    def garbled(self, frames: int = 1) -> None:
        """Frames received that the driver rejected (garbled, not a reading of the device's
        protocol): each is a reading received and refused."""
        if frames <= 0:
            return
        with self._lock:
            self._readings += frames
            self._refused += frames

    def reconnected(self) -> None:
        """The port was lost and is open again."""
        with self._lock:
            self._reconnects += 1

    def peek(self, until: datetime) -> HealthCounts:
        """The counts so far, leaving them in place."""
        with self._lock:
            return self._counts(until)

    def take(self, until: datetime) -> HealthCounts:
        """The counts of [since, until), handed over; the next period starts at ``until``."""
        with self._lock:
            counts = self._counts(until)
            self._since = until
            self._readings = self._refused = self._reconnects = 0
            return counts

    def _counts(self, until: datetime) -> HealthCounts:
        return HealthCounts(
            self.device, self._since, until, self._readings, self._refused, self._reconnects
        )


class ScaleRefusals:
    """Which of a scale's readings count as refused, one per episode of the same status.

    Overload, underload, busy and error are refusals from their first reading; a moving
    (unstable) weight becomes one when it has not settled ``unstable_limit_ns`` after it began
    to move (the driver's stable timeout: what a request for a stable weight would be refused
    after). A stable reading ends the episode. Times are the readings' monotonic stamps.
    """

    def __init__(self, unstable_limit_ns: int) -> None:
        self.unstable_limit_ns = unstable_limit_ns
        self._status: WeightStatus | None = None
        self._since_ns = 0
        self._counted = False

    def reset(self) -> None:
        """Forget the episode (after a reconnect: the scale may have changed meanwhile)."""
        self._status = None
        self._counted = False

    def refused(self, status: WeightStatus, at_ns: int) -> bool:
        """True for the one reading of an episode that counts as its refusal."""
        if status is not self._status:
            self._status, self._since_ns, self._counted = status, at_ns, False
        if status is WeightStatus.STABLE or self._counted:
            return False
        if status is WeightStatus.UNSTABLE and at_ns - self._since_ns < self.unstable_limit_ns:
            return False
        self._counted = True
        return True
