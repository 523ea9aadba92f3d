"""What a driver delivered, as the record keeps it: a ScanEvent or a WeightReading of the
devices package made into the domain's DeviceCapture (device identity, raw frame, AIM, time)."""

from __future__ import annotations

from desktop.devices import ScanEvent, WeightReading
from desktop.domain.capture import DeviceCapture


def scan_capture(scan: ScanEvent) -> DeviceCapture:
    """The scan as the scanner delivered it: its frame, AIM identifier and paired HIBC primary."""
    return DeviceCapture(
        device=scan.device_id,
        raw=scan.raw,
        received_at=scan.received_at,
        serial_number=scan.serial_number,
        aim=scan.aim_id,
        hibc_primary=scan.hibc_primary,
    )


def weight_capture(reading: WeightReading) -> DeviceCapture:
    """The reading as the scale sent it: its frame and the scale's serial number."""
    return DeviceCapture(
        device=reading.device_id,
        raw=reading.raw,
        received_at=reading.received_at,
        serial_number=reading.serial_number,
    )
