"""The station's devices on worker threads, handed to Qt with signals.

A device configured as "sim" runs the built-in simulator behind a real pseudo-terminal and
the real driver reads it, so simulation exercises the same code path as the bench. The GUI
thread never waits on a device: drivers run on their own threads (desktop.devices workers)
and their events cross into Qt as queued signals.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Mapping
from concurrent.futures import Future
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.adapters.printer import DriverPrinter
from desktop.config import DeviceConfig
from desktop.devices.factory import (
    printer_from_config,
    printer_worker,
    scale_from_config,
    scale_worker,
    scanner_from_config,
    scanner_worker,
)
from desktop.devices.printer import JobOutcome, PrintJob
from desktop.devices.sim import PrinterSim, ScaleSim, ScannerSim, load_profile
from desktop.devices.sim.base import Simulator
from desktop.devices.worker import Health
from desktop.views.widgets import DeviceState

log = logging.getLogger(__name__)


def _when(stamp: datetime | None) -> str:
    return stamp.astimezone().strftime("%H:%M:%S") if stamp else ""


class DeviceHub(QObject):
    scanned = Signal(str, object)  # text, AIM identifier or None
    weighed = Signal(object)  # desktop.devices.weights.WeightReading
    state_changed = Signal(object)  # DeviceState

    def __init__(self, devices: Mapping[str, DeviceConfig], parent: QObject | None = None):
        super().__init__(parent)
        self.config = dict(devices)
        self.simulators: dict[str, Simulator] = {}
        self.workers: dict[str, Any] = {}
        self.last: dict[str, str] = {}

    # ---- lifecycle ----------------------------------------------------------------------
    def start(self) -> None:
        for kind, device in self.config.items():
            settings = dict(device.settings)
            if device.simulated:
                settings["url"] = self._start_simulator(kind, device)
                framing = getattr(self.simulators[kind].profile.device, "terminator", None)
                if kind == "scanner" and framing:
                    settings.setdefault("terminator", framing)  # the simulator's line ending
            else:
                settings["url"] = device.url
            self.workers[kind] = self._worker(kind, settings)
            self.workers[kind].start()

    def stop(self) -> None:
        for worker in self.workers.values():
            worker.stop()
        for sim in self.simulators.values():
            sim.stop()
        self.workers.clear()
        self.simulators.clear()

    def _start_simulator(self, kind: str, device: DeviceConfig) -> str:
        profile = load_profile(device.profile) if device.profile else None
        sim: Simulator
        if kind == "printer":
            sim = PrinterSim(profile, labels_dir=tempfile.mkdtemp(prefix="lotline-"))
        elif kind == "scale":
            sim = ScaleSim(profile)
        else:
            sim = ScannerSim(profile)
        sim.start()
        self.simulators[kind] = sim
        return sim.port_url

    def _worker(self, kind: str, settings: dict[str, Any]) -> Any:
        def health(h: Health, kind: str = kind) -> None:
            self._health(kind, h)

        if kind == "scanner":
            return scanner_worker(
                scanner_from_config(settings, device_id=kind),
                on_event=lambda e: self._scan(e),
                on_health=health,
            )
        if kind == "scale":
            return scale_worker(
                scale_from_config(settings, device_id=kind),
                on_event=lambda r: self._weight(r),
                on_health=health,
            )
        return printer_worker(printer_from_config(settings, device_id=kind), on_health=health)

    # ---- events from worker threads (signals queue them onto the GUI thread) -------------
    def _scan(self, event: Any) -> None:
        self.last["scanner"] = f"{_when(event.received_at)} {event.text[:24]}"
        self.scanned.emit(event.text, event.aim_id)

    def _weight(self, reading: Any) -> None:
        self.last["scale"] = f"{reading.value} {reading.unit}"
        self.weighed.emit(reading)

    def _health(self, kind: str, h: Health) -> None:
        state = DeviceState(
            kind=kind,
            connected=h.connected,
            simulated=self.config[kind].simulated,
            last_reading=self.last.get(kind, "") or _when(h.last_frame_at),
            last_error=(h.last_error or "") if not h.connected or h.last_error else "",
        )
        self.state_changed.emit(state)

    # ---- printing ------------------------------------------------------------------------
    def label_printer(self) -> DriverPrinter:
        """This station's printer as the services' LabelPrinter."""
        return DriverPrinter(lambda job: self.print_zpl(job.key, job.zpl), "station printer")

    def print_zpl(self, key: str, zpl: bytes) -> Future[JobOutcome]:
        worker = self.workers.get("printer")
        if worker is None:
            raise RuntimeError("this station has no label printer configured")
        future: Future[JobOutcome] = worker.submit(PrintJob(key, zpl))
        return future
