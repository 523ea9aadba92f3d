"""What a device handed a station, kept whole for the record: which device (configured id and
serial number), the bytes exactly as received, the AIM identifier and when it arrived.

Stations and the headless demo build one from a scan or a weight reading and pass it to the
step that records it; the event then carries the same device identity and raw frame whichever
path took the reading (ARCHITECTURE.md, Devices).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.domain.offline import OfflineOrigin


@dataclass(frozen=True)
class DeviceCapture:
    """One reading as a device delivered it.

    ``device`` is the configured id (``"line-1 scanner"``, ``"keyboard-wedge scanner line-1"``);
    ``serial_number`` the device's serial number where it reports one (a scale's ``I4``) or the
    station file gives one; ``raw`` the bytes as received, terminator included (for a
    keyboard-wedge scanner, its keystroke text as UTF-8); ``received_at`` the station's clock
    when the reading was complete (aware, UTC); ``aim`` the AIM symbology identifier
    (``"]d2"``) when the scanner sent one; ``hibc_primary`` the HIBC primary read paired with
    this secondary read of the same label; ``offline`` where the station captured it into its
    journal while the shared database was away (the event then says so).
    """

    device: str
    raw: bytes
    received_at: datetime
    serial_number: str | None = None
    aim: str | None = None
    hibc_primary: str | None = None
    offline: OfflineOrigin | None = None

    def __post_init__(self) -> None:
        if not self.device.strip():
            raise ValueError("a device capture names its device (the configured id)")
        if self.received_at.tzinfo is None:
            raise ValueError(f"received_at {self.received_at} has no time zone: give it in UTC")

    @property
    def received_utc(self) -> datetime:
        return self.received_at.astimezone(UTC)


__all__ = ["DeviceCapture"]
