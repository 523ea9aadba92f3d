"""Build drivers and their workers from station configuration tables.

The station file has one table per device, e.g.::

    [devices.scanner]
    url = "/dev/ttyUSB0"      # or COM4, socket://host:port, or a simulator's path
    baud = 9600
    terminator = "CR"

    [devices.scale]
    url = "/dev/ttyUSB1"
    protocol = "mtsics"       # mtsics | toledo | ohaus
    stream = true             # SIR / continuous readings, else polled

    [devices.printer]
    url = "socket://10.0.0.20:9100"
    journal = "/var/lib/lotline/printer-journal.log"
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from desktop.devices.errors import DeviceTimeout
from desktop.devices.port import Port
from desktop.devices.printer import LabelPrinter
from desktop.devices.scale import MTSICS, TOLEDO, Scale
from desktop.devices.scanner import ScanEvent, Scanner
from desktop.devices.settings import PortSettings
from desktop.devices.tally import HealthTally, ScaleRefusals
from desktop.devices.trace import TraceSink
from desktop.devices.weights import WeightReading
from desktop.devices.worker import DeviceWorker, Health
from desktop.devices.workers import PrinterEvent, PrinterWorker


def port_from_config(
    config: Mapping[str, Any], *, device_id: str, trace: TraceSink | None = None
) -> Port:
    """An unopened :class:`Port` (the worker opens it, or use ``with port:``)."""
    settings = PortSettings.from_mapping(config)
    return Port(settings, device_id=str(config.get("device_id", device_id)), trace=trace)


def scanner_from_config(config: Mapping[str, Any], *, device_id: str = "scanner") -> Scanner:
    serial = config.get("serial_number")
    return Scanner(
        port_from_config(config, device_id=device_id),
        serial_number=str(serial) if serial else None,
        garble_threshold=int(config.get("garble_threshold", 64)),
    )


def scale_from_config(config: Mapping[str, Any], *, device_id: str = "scale") -> Scale:
    checksum = config.get("checksum")
    return Scale(
        port_from_config(config, device_id=device_id),
        protocol=str(config.get("protocol", MTSICS)).lower(),
        serial_number=config.get("serial_number"),
        checksum=None if checksum in (None, "auto") else bool(checksum),
        stable_timeout=float(config.get("stable_timeout", 5.0)),
        garble_threshold=int(config.get("garble_threshold", 64)),
    )


def printer_from_config(config: Mapping[str, Any], *, device_id: str = "printer") -> LabelPrinter:
    journal = config.get("journal")
    return LabelPrinter(
        port_from_config(config, device_id=device_id),
        journal=Path(str(journal)) if journal else None,
        garble_threshold=int(config.get("garble_threshold", 64)),
    )


def scanner_worker(
    scanner: Scanner,
    *,
    on_event: Callable[[ScanEvent], None] | None = None,
    events: queue.Queue[ScanEvent] | None = None,
    on_health: Callable[[Health], None] | None = None,
    tally: HealthTally | None = None,
) -> DeviceWorker[ScanEvent]:
    """A worker delivering every :class:`ScanEvent`; call ``start()`` on it. With a ``tally``:
    every scan is a reading, every garbled frame a refused one."""
    return DeviceWorker(
        scanner.device_id, scanner.port, scanner.read_event,
        on_connect=scanner.on_connect, on_event=on_event, events=events, on_health=on_health,
        tally=tally, rejected=lambda: scanner.decoder.rejected,
    )  # fmt: skip


def scale_worker(
    scale: Scale,
    *,
    stream: bool = True,
    poll_every: float = 0.2,
    silence_timeout: float = 3.0,
    on_event: Callable[[WeightReading], None] | None = None,
    events: queue.Queue[WeightReading] | None = None,
    on_health: Callable[[Health], None] | None = None,
    tally: HealthTally | None = None,
) -> DeviceWorker[WeightReading]:
    """A worker delivering readings: streamed (``SIR``, continuous output) or polled (``SI``
    every ``poll_every`` seconds). Use ``worker.call(scale.tare)`` for commands.

    A stream silent for ``silence_timeout`` seconds (a scale switched on after its adapter, a
    stream lost) is reported in ``health.last_error`` and started again. With a ``tally``:
    every reading counts, refusals once per episode (:class:`ScaleRefusals`, the moving limit
    being the scale's ``stable_timeout``), every garbled frame as a refused reading."""
    streaming = stream or scale.protocol == TOLEDO
    last = [time.monotonic()]
    refusals = ScaleRefusals(int(scale.stable_timeout * 1e9))

    def connect() -> None:
        last[0] = time.monotonic()
        refusals.reset()
        scale.on_connect()
        if streaming:
            scale.start_stream()

    def streamed() -> WeightReading | None:
        reading = scale.next_reading()
        now = time.monotonic()
        if reading is not None:
            last[0] = now
            return reading
        if now - last[0] > silence_timeout:
            connect()
            raise DeviceTimeout(
                f"{scale.device_id}: no reading for {silence_timeout:.0f} s: check that the "
                "scale is on and its output is enabled; asking for the stream again."
            )
        return None

    def polled() -> WeightReading | None:
        return scale.read(stable=False)

    def refused(reading: WeightReading) -> bool:
        return refusals.refused(reading.status, reading.received_ns)

    return DeviceWorker(
        scale.device_id, scale.port, streamed if streaming else polled,
        on_connect=connect, on_event=on_event, events=events, on_health=on_health,
        interval=0.0 if streaming else poll_every,
        tally=tally, refusal=refused, rejected=lambda: scale.decoder.rejected,
    )  # fmt: skip


def printer_worker(
    printer: LabelPrinter,
    *,
    on_event: Callable[[PrinterEvent], None] | None = None,
    events: queue.Queue[PrinterEvent] | None = None,
    on_health: Callable[[Health], None] | None = None,
    status_interval: float = 2.0,
    tally: HealthTally | None = None,
) -> PrinterWorker:
    return PrinterWorker(
        printer, on_event=on_event, events=events, on_health=on_health,
        status_interval=status_interval, tally=tally,
    )  # fmt: skip
