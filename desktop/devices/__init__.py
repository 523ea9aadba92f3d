"""Serial device drivers and their simulators: stdlib and pyserial only, nothing of the app.

The names a GUI worker, the services' print interface and the demo use; see docs/devices.md.
"""

from desktop.devices.errors import (
    DeviceError,
    DeviceTimeout,
    GarbledLink,
    PortLost,
    PortUnavailable,
    TransferError,
)
from desktop.devices.factory import (
    port_from_config,
    printer_from_config,
    printer_worker,
    scale_from_config,
    scale_worker,
    scanner_from_config,
    scanner_worker,
)
from desktop.devices.port import Port
from desktop.devices.printer import JobOutcome, JobStatus, LabelPrinter, PrintJob
from desktop.devices.scale import Scale
from desktop.devices.scanner import ScanEvent, Scanner
from desktop.devices.settings import PortSettings
from desktop.devices.tally import HealthCounts, HealthTally, ScaleRefusals
from desktop.devices.weights import ScaleAck, WeightReading, WeightStatus
from desktop.devices.worker import DeviceWorker, Health
from desktop.devices.workers import PrinterEvent, PrinterWorker
from desktop.devices.zebra import PrinterState, PrinterStatus

__all__ = [
    "DeviceError",
    "DeviceTimeout",
    "DeviceWorker",
    "GarbledLink",
    "Health",
    "HealthCounts",
    "HealthTally",
    "JobOutcome",
    "JobStatus",
    "LabelPrinter",
    "Port",
    "PortLost",
    "PortSettings",
    "PortUnavailable",
    "PrintJob",
    "PrinterEvent",
    "PrinterState",
    "PrinterStatus",
    "PrinterWorker",
    "Scale",
    "ScaleAck",
    "ScaleRefusals",
    "ScanEvent",
    "Scanner",
    "TransferError",
    "WeightReading",
    "WeightStatus",
    "port_from_config",
    "printer_from_config",
    "printer_worker",
    "scale_from_config",
    "scale_worker",
    "scanner_from_config",
    "scanner_worker",
]
