"""A station's devices composed from its configuration, without Qt: simulators, drivers, their
worker threads, the label printer the services print through, and the scan path.

The composition root (``desktop.app``) calls :func:`build_devices` with the sinks of the
window's signal bridge and hands the result to the window; views never build a device.
A device configured as ``"sim"`` runs its simulator behind a real pseudo-terminal and the real
driver reads it, so simulation takes the same code path as the bench.

Every scan, from a serial scanner or a keyboard-wedge scanner, goes through one
:class:`ScanPath` before it reaches the screens: there two consecutive reads of a two-symbol
HIBC label are paired (``desktop.domain.udi.hibc_linked``, the one HIBC implementation).

Every device's worker counts its health (readings, refused readings, reconnects) in a
:class:`~desktop.devices.tally.HealthTally` of ``StationDevices.tallies``, which the station
reports to the dashboard (``desktop.views.device_report``).
"""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, TypeVar

from desktop.adapters.printer import DriverPrinter
from desktop.config import ConfigError, DeviceConfig, StationConfig
from desktop.devices import (
    DeviceWorker,
    Health,
    HealthTally,
    PrinterWorker,
    ScanEvent,
    WeightReading,
    printer_from_config,
    printer_worker,
    scale_from_config,
    scale_worker,
    scanner_from_config,
    scanner_worker,
)
from desktop.devices.sim import PrinterSim, ScaleSim, ScannerSim, load_profile
from desktop.devices.sim.station import StationSimulators
from desktop.devices.wedge import WedgeDecoder, WedgeSettings
from desktop.domain.udi import hibc_linked

log = logging.getLogger(__name__)

_Sim = TypeVar("_Sim", ScannerSim, ScaleSim, PrinterSim)
HIBC_WINDOW = 10.0  # seconds within which a HIBC secondary read pairs with its primary


@dataclass(frozen=True)
class DeviceSinks:
    """Where the devices' output goes; called from the device threads (the window's signal
    bridge queues each value onto the GUI thread)."""

    scan: Callable[[ScanEvent], None]
    weight: Callable[[WeightReading], None]
    health: Callable[[str, Health], None]  # device kind ("scanner", "scale", "printer"), health


def wedge_name(station: str) -> str:
    """The configured id of a station's keyboard-wedge scanner, unless the file names one."""
    return f"keyboard-wedge scanner {station}"


def device_name(station: str, kind: str, device: DeviceConfig) -> str:
    """The device's configured id: ``device_id`` in its table of the station file, else
    ``"<station> <kind>"`` (the name the plant's master data registers, e.g. "line-1 scanner")."""
    given = device.settings.get("device_id")
    return str(given).strip() if given and str(given).strip() else f"{station} {kind}"


class ScanPath:
    """Every scan of a station on its way to the screens, from any thread.

    A HIBC secondary read that follows its primary from the same device within ``window``
    seconds is delivered with ``hibc_primary`` set; a primary is remembered only until that
    device's next read, so a pair is always two consecutive reads. Nothing else changes: the
    text, AIM identifier, raw bytes, device and time go on exactly as received.
    """

    def __init__(self, deliver: Callable[[ScanEvent], None], window: float = HIBC_WINDOW) -> None:
        self.deliver = deliver
        self.window_ns = int(window * 1e9)
        self._last: dict[str, ScanEvent] = {}
        self._lock = threading.Lock()

    def __call__(self, scan: ScanEvent) -> None:
        with self._lock:
            before = self._last.get(scan.device_id)
            self._last[scan.device_id] = scan
        if (
            before is not None
            and 0 <= scan.received_ns - before.received_ns <= self.window_ns
            and hibc_linked(before.text, scan.text)
        ):
            scan = replace(scan, hibc_primary=before.text)
        self.deliver(scan)


@dataclass
class StationDevices:
    """One station's devices, built and wired; ``start()`` runs the workers, ``stop()`` ends
    workers and simulators. ``label_printer`` is what the services print through; ``tallies``
    holds each device's health tally (its workers count there), by the device's configured id."""

    station: str
    names: Mapping[str, str]  # device kind -> configured id
    simulators: StationSimulators
    scan_path: ScanPath
    scanner: DeviceWorker[ScanEvent] | None = None
    scale: DeviceWorker[WeightReading] | None = None
    printer: PrinterWorker | None = None
    label_printer: DriverPrinter | None = None
    wedge: WedgeDecoder | None = None  # the window feeds it keystrokes (desktop/views/wedge.py)
    tallies: dict[str, HealthTally] = field(default_factory=dict)
    _labels: tempfile.TemporaryDirectory[str] | None = None

    def workers(self) -> list[DeviceWorker[Any] | PrinterWorker]:
        found: list[DeviceWorker[Any] | PrinterWorker] = []
        for worker in (self.scanner, self.scale, self.printer):
            if worker is not None:
                found.append(worker)
        return found

    def connected(self) -> bool:
        """Every device's port is open (the simulators answer)."""
        return all(w.health.connected for w in self.workers())

    def start(self) -> None:
        for worker in self.workers():
            worker.start()

    def stop(self) -> None:
        for worker in self.workers():
            worker.stop()
        self.simulators.stop()
        if self._labels is not None:
            self._labels.cleanup()
            self._labels = None


def build_devices(cfg: StationConfig, sinks: DeviceSinks) -> StationDevices:
    """Simulators started (they are the hardware, switched on), drivers and workers built,
    workers not yet started. A wrong device setting raises ConfigError naming the device."""
    sims: dict[str, ScannerSim | ScaleSim | PrinterSim] = {}
    labels = None
    names = {kind: device_name(cfg.station, kind, d) for kind, d in cfg.devices.items()}
    scanner_cfg = cfg.devices.get("scanner")
    settings_of = scanner_cfg.settings if scanner_cfg else {}
    window = float(settings_of.get("hibc_window", HIBC_WINDOW))
    devices = StationDevices(cfg.station, names, StationSimulators(), ScanPath(sinks.scan, window))
    devices.wedge = keyboard_wedge(cfg)  # before any simulator starts: a wrong setting stops here
    if devices.wedge is not None:  # counted by its decoder, on the GUI thread that feeds it keys
        wedge_tally = HealthTally(devices.wedge.device_id, datetime.now(UTC))
        devices.wedge.tally = devices.tallies[devices.wedge.device_id] = wedge_tally
    try:
        for kind, device in cfg.devices.items():
            settings = dict(device.settings)
            settings["device_id"] = names[kind]
            if device.simulated:
                if kind == "printer":
                    labels = tempfile.TemporaryDirectory(prefix="lotline-labels-")
                sim = _simulator(kind, device, labels.name if labels else None)
                sims[kind] = sim
                settings["url"] = sim.port_url
                if isinstance(sim, ScannerSim):
                    settings.setdefault("terminator", sim.device.terminator)
            else:
                settings["url"] = device.url
            _attach(devices, kind, settings, sinks)
    except ValueError as exc:
        for sim in sims.values():
            sim.stop()
        if labels is not None:
            labels.cleanup()
        raise ConfigError(f"{cfg.source}: [devices.{kind}]: {exc}") from None
    devices.simulators = StationSimulators(
        scanner=_typed(sims.get("scanner"), ScannerSim),
        scale=_typed(sims.get("scale"), ScaleSim),
        printer=_typed(sims.get("printer"), PrinterSim),
    )
    devices._labels = labels
    return devices


def keyboard_wedge(cfg: StationConfig) -> WedgeDecoder | None:
    """The keyboard-wedge scanner of ``[devices.wedge]`` (on unless ``enabled = false``)."""
    spec = dict(cfg.wedge)
    if str(spec.get("enabled", True)).lower() in ("false", "0", "no"):
        return None
    given = str(spec.get("device_id") or "").strip()
    serial = str(spec.get("serial_number") or "").strip() or None
    try:
        settings = WedgeSettings.from_mapping(spec)
    except ValueError as exc:
        raise ConfigError(f"{cfg.source}: [devices.wedge]: {exc}") from None
    return WedgeDecoder(given or wedge_name(cfg.station), settings, serial)


def _simulator(
    kind: str, device: DeviceConfig, labels_dir: str | None
) -> ScannerSim | ScaleSim | PrinterSim:
    profile = load_profile(device.profile) if device.profile else None
    sim: ScannerSim | ScaleSim | PrinterSim
    if kind == "printer":
        sim = PrinterSim(profile, labels_dir=labels_dir)
    elif kind == "scale":
        sim = ScaleSim(profile)
    else:
        sim = ScannerSim(profile)
    sim.start()
    return sim


def _attach(
    devices: StationDevices, kind: str, settings: dict[str, Any], sinks: DeviceSinks
) -> None:
    name = str(settings["device_id"])
    tally = HealthTally(name, datetime.now(UTC))
    devices.tallies[name] = tally

    def health(h: Health) -> None:
        sinks.health(kind, h)

    if kind == "scanner":
        devices.scanner = scanner_worker(
            scanner_from_config(settings, device_id=name),
            on_event=devices.scan_path,
            on_health=health,
            tally=tally,
        )
    elif kind == "scale":
        devices.scale = scale_worker(
            scale_from_config(settings, device_id=name),
            stream=bool(settings.get("stream", True)),
            poll_every=float(settings.get("poll_every", 0.2)),
            on_event=sinks.weight,
            on_health=health,
            tally=tally,
        )
    elif kind == "printer":
        worker = printer_worker(
            printer_from_config(settings, device_id=name), on_health=health, tally=tally
        )
        devices.printer = worker
        devices.label_printer = DriverPrinter(worker.submit, name)


def _typed(sim: object, cls: type[_Sim]) -> _Sim | None:
    return sim if isinstance(sim, cls) else None


__all__ = [
    "HIBC_WINDOW",
    "DeviceSinks",
    "ScanPath",
    "StationDevices",
    "build_devices",
    "device_name",
    "keyboard_wedge",
    "wedge_name",
]
