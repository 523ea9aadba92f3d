"""Pure framing: bytes in, frames out. No I/O, no clocks (callers pass the time in)."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

STX, ETX, CR, LF = 0x02, 0x03, 0x0D, 0x0A
MAX_FRAME = 4096


def log_rejected(logger: logging.Logger, device_id: str, raw: bytes, why: str) -> None:
    """Every rejected frame is logged with its raw bytes, so a trace can be rebuilt from logs."""
    logger.warning("%s: rejected frame %r: %s", device_id, bytes(raw), why)


class LineFramer:
    """Frames that end with a terminator (CR, LF, CRLF) or, with no terminator, frames that end
    when the line has been idle for ``idle_ns`` (the inter-character timeout).

    A frame longer than ``max_frame`` without a terminator is cut and returned as it is, so that
    the decoder rejects it (and logs it) instead of the buffer growing without end.
    """

    def __init__(self, terminator: bytes, *, idle_ns: int = 50_000_000, max_frame: int = MAX_FRAME):
        self.terminator = terminator
        self.idle_ns = idle_ns
        self.max_frame = max_frame
        self._buffer = bytearray()
        self._last_ns = 0

    @property
    def pending(self) -> bytes:
        return bytes(self._buffer)

    def reset(self) -> None:
        self._buffer.clear()

    def feed(self, data: bytes, now_ns: int) -> list[bytes]:
        frames = self.flush_due(now_ns) if data else []
        self._buffer += data
        if data:
            self._last_ns = now_ns
        if self.terminator:
            frames += self._split()
        if len(self._buffer) > self.max_frame:
            frames.append(bytes(self._buffer))
            self._buffer.clear()
        return frames

    def flush_due(self, now_ns: int) -> list[bytes]:
        """With no terminator: the pending bytes once the line was idle long enough."""
        if self.terminator or not self._buffer or now_ns - self._last_ns < self.idle_ns:
            return []
        frame = bytes(self._buffer)
        self._buffer.clear()
        return [frame]

    def seconds_to_flush(self, now_ns: int) -> float | None:
        """How long until :meth:`flush_due` would return a frame; None if nothing is pending."""
        if self.terminator or not self._buffer:
            return None
        return max(0.0, (self._last_ns + self.idle_ns - now_ns) / 1e9)

    def _split(self) -> list[bytes]:
        frames: list[bytes] = []
        term = self.terminator
        while True:
            end = self._buffer.find(term)
            if end < 0:
                return frames
            frames.append(bytes(self._buffer[:end]))
            del self._buffer[: end + len(term)]


class BlockFramer:
    """``STX ... ETX`` blocks (Zebra host status replies); bytes between blocks are skipped.

    CR and LF between blocks are normal; anything else there is returned as a rejected run by
    :meth:`feed` (second list) so the caller can log it.
    """

    def __init__(self, *, max_block: int = MAX_FRAME) -> None:
        self.max_block = max_block
        self._buffer = bytearray()

    def reset(self) -> None:
        self._buffer.clear()

    def feed(self, data: bytes) -> tuple[list[bytes], list[bytes]]:
        self._buffer += data
        blocks: list[bytes] = []
        junk: list[bytes] = []
        while self._buffer:
            start = self._buffer.find(STX)
            if start < 0:
                self._skip(len(self._buffer), junk)
                break
            self._skip(start, junk)
            end = self._buffer.find(ETX, 1)
            if end < 0:
                if len(self._buffer) > self.max_block:
                    junk.append(bytes(self._buffer))
                    self._buffer.clear()
                break
            blocks.append(bytes(self._buffer[1:end]))
            del self._buffer[: end + 1]
        return blocks, junk

    def _skip(self, count: int, junk: list[bytes]) -> None:
        skipped = bytes(self._buffer[:count])
        del self._buffer[:count]
        stray = skipped.replace(b"\r", b"").replace(b"\n", b"")
        if stray:
            junk.append(skipped)


class GarbleWatch:
    """Counts bytes since the last valid frame; says when it looks like a wrong line setting.

    A pseudo-terminal passes bytes whatever the baud rate, but a real line at the wrong speed
    delivers framing-error garbage: many bytes, no valid frame. That symptom is what is detected.
    """

    def __init__(self, device_id: str, baudrate: int, threshold: int = 64) -> None:
        self.device_id = device_id
        self.baudrate = baudrate
        self.base_threshold = threshold
        self.threshold = threshold  # doubles after each report, so a stuck line logs less
        self.invalid_bytes = 0

    def valid(self) -> None:
        self.invalid_bytes = 0
        self.threshold = self.base_threshold

    def invalid(self, count: int, pending: int = 0) -> str | None:
        """Record ``count`` bytes that formed no valid frame (plus ``pending`` bytes still
        waiting for a terminator); a message once the total passes the threshold."""
        self.invalid_bytes += count
        if self.invalid_bytes + pending < self.threshold:
            return None
        return self.report(pending)

    def report(self, pending: int = 0) -> str:
        """The message for people, counting what was seen so far; starts counting afresh."""
        seen, self.invalid_bytes = self.invalid_bytes + pending, 0
        self.threshold = min(self.threshold * 2, self.base_threshold * 64)
        return (
            f"{self.device_id}: no valid frame in {seen} bytes: check baud rate (configured "
            f"{self.baudrate}); data bits, parity and stop bits must match the device's setup too."
        )
