"""The simulators standing in for one station's devices (None where the real device is used)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.devices.sim.base import Simulator
from desktop.devices.sim.printer_sim import PrinterSim
from desktop.devices.sim.scale_sim import ScaleSim
from desktop.devices.sim.scanner_sim import ScannerSim


@dataclass(frozen=True)
class StationSimulators:
    """A station's simulated scanner, scale and printer; the window's simulated-scanner entry,
    scale control and self-test drive these, and the real drivers read them."""

    scanner: ScannerSim | None = None
    scale: ScaleSim | None = None
    printer: PrinterSim | None = None

    def all(self) -> list[Simulator]:
        return [s for s in (self.scanner, self.scale, self.printer) if s is not None]

    def port_urls(self) -> list[str]:
        """Where the drivers find them (pseudo-terminals or sockets), for auto-detect."""
        return [s.port_url for s in self.all()]

    def stop(self) -> None:
        for sim in reversed(self.all()):
            sim.stop()


__all__ = ["StationSimulators"]
