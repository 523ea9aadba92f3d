"""Pure part of the scale driver: bytes -> parsed frames for one protocol, with garbage
detection. Rejected frames are logged with their raw bytes."""

from __future__ import annotations

import logging

from desktop.devices import mtsics
from desktop.devices.continuous import ToledoFramer, parse_ohaus, parse_toledo
from desktop.devices.framing import GarbleWatch, LineFramer, log_rejected
from desktop.devices.weights import Weight

log = logging.getLogger("desktop.devices.scale")

MTSICS, TOLEDO, OHAUS = "mtsics", "toledo", "ohaus"
PROTOCOLS = (MTSICS, TOLEDO, OHAUS)
Parsed = mtsics.SicsReply | Weight


class ScaleDecoder:
    """``feed(bytes)`` -> ``(valid frames with what they say, problem message or None)``;
    ``rejected`` counts the frames (and runs of bytes outside any frame) rejected so far."""

    def __init__(
        self,
        device_id: str,
        protocol: str,
        *,
        terminator: bytes = b"\r\n",
        checksum: bool | None = None,
        baudrate: int = 9600,
        garble_threshold: int = 64,
    ) -> None:
        if protocol not in PROTOCOLS:
            raise ValueError(f"scale protocol {protocol!r}: use one of {', '.join(PROTOCOLS)}")
        self.device_id = device_id
        self.protocol = protocol
        self._lines = LineFramer(terminator or b"\r\n")
        self._toledo = ToledoFramer(checksum)
        self.watch = GarbleWatch(device_id, baudrate, garble_threshold)
        self.rejected = 0

    def reset(self) -> None:
        self._lines.reset()
        self._toledo.reset()

    def feed(self, data: bytes) -> tuple[list[tuple[bytes, Parsed]], str | None]:
        frames, junk = self._split(data)
        garbage = sum(len(j) for j in junk)
        for run in junk:
            log_rejected(log, self.device_id, run, "bytes outside any frame")
            self.rejected += 1
        valid: list[tuple[bytes, Parsed]] = []
        for frame in frames:
            parsed = self._parse(frame)
            if isinstance(parsed, str):
                log_rejected(log, self.device_id, frame, parsed)
                garbage += len(frame) + 1
                self.rejected += 1
            else:
                self.watch.valid()
                valid.append((frame, parsed))
        if valid:
            return valid, None
        return valid, self.watch.invalid(garbage, self._pending_garbage())

    def silence_report(self) -> str | None:
        """When a wait ends with nothing valid: the garbage message if garbage came, else None."""
        pending = self._pending_garbage()
        if self.watch.invalid_bytes + pending:
            return self.watch.report(pending)
        return None

    def _split(self, data: bytes) -> tuple[list[bytes], list[bytes]]:
        if self.protocol == TOLEDO:
            return self._toledo.feed(data)
        return [f for f in self._lines.feed(data, 0) if f.strip(b"\r\n")], []

    def _parse(self, frame: bytes) -> Parsed | str:
        if self.protocol == TOLEDO:
            return parse_toledo(frame)
        if self.protocol == OHAUS:
            return parse_ohaus(frame)
        return mtsics.parse_line(frame)

    def _pending_garbage(self) -> int:
        pending = self._toledo.pending if self.protocol == TOLEDO else self._lines.pending
        return len(pending) if any(b >= 0x80 or b == 0 for b in pending) else 0
