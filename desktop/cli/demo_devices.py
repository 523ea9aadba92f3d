"""The demo's bench: a scanner per station, the line scale and the pack-station label printer,
each a simulator behind a real pseudo-terminal and driven by the real driver.

- ``scan(station, text)``: the simulator puts the bytes a scanner sends on its pty; the
  scanner driver frames them and the resulting :class:`ScanEvent` is returned (AIM identifier
  and GS kept). The shift hands that event's text to the services, never the string it asked
  the simulator to send.
- ``weigh(grams)``: the pan is loaded on the scale simulator; the MT-SICS driver asks ``S``
  and returns the stable :class:`WeightReading` with the raw frame.
- ``printer``: the services' ``printing.LabelPrinter`` filled with the ZPL driver through the
  shared adapter (:class:`RecordingPrinter`); ``printed_zpl(key)`` is the label as the printer
  received it.
"""

from __future__ import annotations

import time
from pathlib import Path
from types import TracebackType

from desktop.adapters.printer import DriverPrinter
from desktop.devices import (
    JobOutcome,
    JobStatus,
    PrintJob,
    ScanEvent,
    Scanner,
    WeightReading,
    printer_from_config,
    scale_from_config,
    scanner_from_config,
)
from desktop.devices import LabelPrinter as ZplPrinter
from desktop.devices.sim import PrinterSim, ScaleSim, ScannerSim, load_profile
from desktop.domain.plant import DeviceKind
from desktop.labels import zpl_check
from desktop.labels.errors import LabelError

SCANNER_STATIONS = ("line-1", "qc-1", "pack-1")
SCALE_NAME = "line-1 scale"
PRINTER_NAME = "pack-1 printer"
WAIT = 5.0  # seconds a device may take to deliver what the simulator was told to send


class DemoFailed(Exception):
    """The demo shift could not go on; the message says what happened and what to do."""


def datamatrix_data(zpl: bytes) -> str:
    """The GS1 element string of the label's DataMatrix, as the ^BX field holds it."""
    try:
        return zpl_check.datamatrix_data(zpl)
    except LabelError as exc:
        raise DemoFailed(str(exc)) from None


class RecordingPrinter(DriverPrinter):
    """The shared adapter (``desktop.adapters.printer``: the ZPL driver as the services'
    ``printing.LabelPrinter``, exactly once per job key) on the real driver, remembering the
    order in which labels went out, so that each file the printer wrote is matched to its job."""

    def __init__(self, driver: ZplPrinter, name: str) -> None:
        super().__init__(self._submit, name)
        self.driver = driver
        self.sent: list[str] = []

    def _submit(self, job: PrintJob) -> JobOutcome:
        outcome = self.driver.submit(job)
        if outcome.status is JobStatus.SENT:
            self.sent.append(job.key)
        return outcome


class Bench:
    """Start with ``with Bench(out_dir) as bench:``; everything stops on exit. The device ids
    are the names the demo plant registers ("line-1 scanner"), so the services find each
    event's registered device by the name its capture carries."""

    def __init__(self, out: Path) -> None:
        self.labels_dir = out / "labels"
        self.traces = out / "device-traces"
        self.scanner_sims = {s: ScannerSim() for s in SCANNER_STATIONS}
        self.scale_sim = ScaleSim(load_profile("scale-mtsics"))
        self.printer_sim = PrinterSim(load_profile(DeviceKind.PRINTER), labels_dir=self.labels_dir)
        self._started: list[ScannerSim | ScaleSim | PrinterSim] = []
        self.scanners: dict[str, Scanner] = {}

    # -- life cycle -------------------------------------------------------------------------

    def __enter__(self) -> Bench:
        self.traces.mkdir(parents=True, exist_ok=True)
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _start(self) -> None:
        for station, sim in self.scanner_sims.items():
            self._started.append(sim.start())
            table = {"url": sim.port_url, "terminator": "CR", "trace": self._trace(station)}
            scanner = scanner_from_config(table, device_id=f"{station} scanner")
            scanner.port.open()
            scanner.on_connect()
            self.scanners[station] = scanner
        self._started.append(self.scale_sim.start())
        table = {
            "url": self.scale_sim.port_url,
            "protocol": "mtsics",
            "trace": self._trace(DeviceKind.SCALE),
        }
        self.scale = scale_from_config(table, device_id=SCALE_NAME)
        self.scale.port.open()
        self.scale.on_connect()
        self._started.append(self.printer_sim.start())
        table = {"url": self.printer_sim.port_url, "trace": self._trace(DeviceKind.PRINTER)}
        driver = printer_from_config(table, device_id=PRINTER_NAME)
        driver.port.open()
        driver.on_connect()
        status = driver.status()
        if not status.ready:
            raise DemoFailed(f"the label printer is not ready: {status.message}")
        self.printer = RecordingPrinter(driver, PRINTER_NAME)

    def _trace(self, name: str) -> str:
        return str(self.traces / f"{name}.log")

    def close(self) -> None:
        ports = [s.port for s in self.scanners.values()]
        ports += [d.port for d in (getattr(self, "scale", None),) if d is not None]
        printer = getattr(self, "printer", None)
        ports += [printer.driver.port] if printer is not None else []
        for port in ports:
            port.close()
        for sim in reversed(self._started):
            sim.stop()
        self._started.clear()

    def ports(self) -> dict[str, str]:
        """Each device and the pseudo-terminal its driver opened."""
        shown = {f"{s} scanner": sim.port_url for s, sim in self.scanner_sims.items()}
        return shown | {
            SCALE_NAME: self.scale_sim.port_url,
            PRINTER_NAME: self.printer_sim.port_url,
        }

    # -- scanning and weighing --------------------------------------------------------------

    def scan(self, station: str, text: str) -> ScanEvent:
        """Scan ``text`` at ``station``: what the scanner driver delivered from the pty."""
        sim, scanner = self.scanner_sims[station], self.scanners[station]
        sim.scan(text)
        event = scanner.read_event(WAIT)
        if not isinstance(event, ScanEvent):
            raise DemoFailed(
                f"the {station} scanner delivered nothing within {WAIT:.0f} s of a scan: "
                f"see its byte trace in {self._trace(station)}"
            )
        return event

    def weigh(self, grams: str) -> WeightReading:
        """Put ``grams`` on the pan and read a stable weight through the MT-SICS driver."""
        self.scale_sim.set_weight(grams)
        reading = self.scale.read(stable=True)
        if not reading.stable or reading.value is None:
            raise DemoFailed(f"the scale gave no stable weight: {reading.message}")
        return reading

    # -- labels -----------------------------------------------------------------------------

    def printed_zpl(self, key: str) -> Path:
        """The file the printer simulator wrote for job ``key`` (waits for it to print)."""
        if key not in self.printer.sent:
            raise DemoFailed(f"label job {key} was never sent to the printer")
        number = self.printer.sent.index(key) + 1
        deadline = time.monotonic() + WAIT
        while self.printer_sim.label_count < number:
            if time.monotonic() > deadline:
                raise DemoFailed(
                    f"the printer took label {key} but did not print it within {WAIT:.0f} s "
                    f"(state: {self.printer_sim.state}): see {self._trace(DeviceKind.PRINTER)}"
                )
            time.sleep(0.01)
        return self.labels_dir / f"label-{number:05d}.zpl"

    def scan_label(self, station: str, key: str) -> ScanEvent:
        """Scan the DataMatrix of the printed label of job ``key`` (AIM ]d2 with GS kept, or
        ]d1 for an MA code)."""
        try:
            symbol = zpl_check.datamatrix_scan(self.printed_zpl(key).read_bytes())
        except LabelError as exc:
            raise DemoFailed(str(exc)) from None
        return self.scan(station, symbol)


__all__ = ["Bench", "DemoFailed", "RecordingPrinter", "datamatrix_data"]
