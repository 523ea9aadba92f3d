"""The station's devices as Qt signals: typed values from the device threads, queued onto the
GUI thread. It builds nothing: the composition root wires the devices' sinks to it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from desktop.devices import Health, ScanEvent, WeightReading
from desktop.views.widgets import DeviceState


def _when(stamp: datetime | None) -> str:
    return stamp.astimezone().strftime("%H:%M:%S") if stamp else ""


class DeviceSignals(QObject):
    """``scan``, ``weight`` and ``health`` may be called from any thread; the signals arrive on
    the GUI thread. ``last_weight`` is the scale's latest reading (the admin's device test)."""

    scanned = Signal(ScanEvent)
    weighed = Signal(WeightReading)
    state_changed = Signal(DeviceState)

    def __init__(self, simulated: Mapping[str, bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.simulated = dict(simulated)  # device kind -> runs on its simulator
        self.last: dict[str, str] = {}
        self.last_weight: WeightReading | None = None

    def scan(self, event: ScanEvent) -> None:
        self.last["scanner"] = f"{_when(event.received_at)} {event.text[:24]}"
        self.scanned.emit(event)

    def weight(self, reading: WeightReading) -> None:
        self.last_weight = reading
        self.last["scale"] = f"{reading.value} {reading.unit}"
        self.weighed.emit(reading)

    def health(self, kind: str, h: Health) -> None:
        state = DeviceState(
            kind=kind,
            connected=h.connected,
            simulated=self.simulated.get(kind, False),
            last_reading=self.last.get(kind, "") or _when(h.last_frame_at),
            last_error=(h.last_error or "") if not h.connected or h.last_error else "",
        )
        self.state_changed.emit(state)
