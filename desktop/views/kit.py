"""What the composition root hands the window and its screens: the devices' signals, the scan
path's entry, the label printer the services print through, the simulators, the devices' health
tallies, and the station's capture while the shared database is away."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from desktop.devices import HealthTally, ScanEvent
from desktop.devices.sim.station import StationSimulators
from desktop.devices.wedge import WedgeDecoder
from desktop.services.core.printing import LabelPrinter
from desktop.services.offline import StationCapture
from desktop.views.device_signals import DeviceSignals


def _always() -> bool:
    return True


@dataclass(frozen=True)
class StationKit:
    """Built by ``desktop.app`` from the station's devices (``desktop.wiring``).

    ``take_scan`` is the scan path: every scan that does not come from a serial driver (a
    keyboard-wedge burst) enters there, so it reaches the screens the same way. ``printer`` is
    None where the station has no label printer; ``simulators`` holds the simulated devices
    (none on a production station); ``connected`` says whether every device's port is open;
    ``wedge`` decodes the keystrokes of a keyboard-wedge scanner (None: the station has none);
    ``capture`` is the station's journal and copy (``[offline]``; None: steps go to the shared
    database only, refused while it is away); ``tallies`` the devices' health tallies by device
    id, which the window reports to the dashboard (desktop/views/device_report.py).
    """

    signals: DeviceSignals
    take_scan: Callable[[ScanEvent], None]
    printer: LabelPrinter | None = None
    simulators: StationSimulators = field(default_factory=StationSimulators)
    connected: Callable[[], bool] = _always
    wedge: WedgeDecoder | None = None
    capture: StationCapture | None = None
    tallies: Mapping[str, HealthTally] = field(default_factory=dict)
