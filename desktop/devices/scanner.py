"""Barcode scanner driver: frames a serial stream into :class:`ScanEvent` values.

Framing is by terminator (CR, LF, CRLF) or, with terminator NONE, by an inter-character
timeout. The AIM symbology identifier (``]d2``, ``]C1`` ...) is split off into ``aim_id`` and
kept; GS (0x1D) and the other ISO/IEC 15434 separators (RS, FS, EOT) stay in the text. The
driver knows nothing of what a barcode means: pairing two HIBC reads is the station's scan path
(``desktop.wiring``), with the one HIBC implementation in ``desktop.domain.udi``.
"""

from __future__ import annotations

import codecs
import logging
import re
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.devices.errors import GarbledLink
from desktop.devices.framing import GarbleWatch, LineFramer, log_rejected
from desktop.devices.port import Port

log = logging.getLogger(__name__)

GS = "\x1d"
# Control characters a barcode may carry: EOT, FS, GS, RS (ISO/IEC 15434 envelopes, GS1 FNC1).
ALLOWED_CONTROLS = frozenset("\x04\x1c\x1d\x1e")
_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")


@dataclass(frozen=True)
class ScanEvent:
    """One decoded read.

    ``text`` is the data without the AIM prefix; ``aim_id`` the prefix (``"]d2"``) or None;
    ``symbol_text`` puts them back together for parsers that want both (e.g. GS1 parsers).
    ``device_id`` is the configured id of the device (``"line-1 scanner"``), ``serial_number``
    its serial number where the station file gives one; ``raw`` the frame's bytes exactly as
    received, without the terminator that framed it (a keyboard-wedge scanner's: its keystroke
    text, UTF-8); ``received_at`` when the last byte arrived. ``hibc_primary`` is set by the
    station's scan path on a HIBC secondary read that follows its primary (two reads of one
    label): the primary's text.
    """

    text: str
    aim_id: str | None
    device_id: str
    received_at: datetime
    received_ns: int
    raw: bytes
    serial_number: str | None = None
    hibc_primary: str | None = None

    @property
    def symbol_text(self) -> str:
        return (self.aim_id or "") + self.text


def decode_frame(frame: bytes) -> tuple[str, str | None] | str:
    """``(text, aim_id)`` for a valid frame, or a string saying why it was rejected."""
    if not frame:
        return "empty frame"
    try:
        text = frame.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not text ({exc.reason} at byte {exc.start})"
    bad = sorted({f"0x{ord(c):02x}" for c in text if _is_control(c)})
    if bad:
        return f"control bytes {', '.join(bad)} are not barcode data"
    if _AIM.match(text):
        return text[3:], text[:3]
    return text, None


def _is_control(char: str) -> bool:
    code = ord(char)
    return (code < 0x20 or 0x7F <= code < 0xA0) and char not in ALLOWED_CONTROLS


def _is_garbage(pending: bytes) -> bool:
    """Bytes still waiting for a terminator that can never become a valid scan."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(pending, final=False)
    except UnicodeDecodeError:
        return True
    return any(_is_control(c) and c not in "\r\n" for c in text)


class ScanDecoder:
    """Pure part of the scanner: frames -> events, with garbage detection. ``rejected`` counts
    the frames rejected (garbled) since the decoder was made."""

    def __init__(
        self,
        device_id: str,
        *,
        terminator: bytes = b"\r",
        idle_ns: int = 50_000_000,
        baudrate: int = 9600,
        garble_threshold: int = 64,
        serial_number: str | None = None,
    ) -> None:
        self.device_id = device_id
        self.serial_number = serial_number
        self.framer = LineFramer(terminator, idle_ns=idle_ns)
        self.watch = GarbleWatch(device_id, baudrate, garble_threshold)
        self.rejected = 0

    def reset(self) -> None:
        self.framer.reset()

    def feed(self, data: bytes, now_ns: int) -> tuple[list[ScanEvent], str | None]:
        """Events completed by ``data`` and, if the link looks garbled, a message for people."""
        return self._decode(self.framer.feed(data, now_ns), now_ns)

    def flush(self, now_ns: int) -> tuple[list[ScanEvent], str | None]:
        return self._decode(self.framer.flush_due(now_ns), now_ns)

    def _decode(self, frames: list[bytes], now_ns: int) -> tuple[list[ScanEvent], str | None]:
        events: list[ScanEvent] = []
        garbage = 0
        for frame in frames:
            decoded = decode_frame(frame)
            if isinstance(decoded, str):
                if frame:  # an empty frame (CR LF read with terminator CR) is not garbage
                    log_rejected(log, self.device_id, frame, decoded)
                    garbage += len(frame) + 1
                    self.rejected += 1
                continue
            self.watch.valid()
            events.append(self._event(frame, decoded[0], decoded[1], now_ns))
        if events:
            return events, None
        pending = self.framer.pending
        pending_garbage = _is_garbage(pending)
        problem = self.watch.invalid(garbage, len(pending) if pending_garbage else 0)
        if problem and pending_garbage:  # a valid scan still arriving is kept
            log_rejected(log, self.device_id, pending, "garbage while waiting for a terminator")
            self.framer.reset()
            self.rejected += 1
        return events, problem

    def _event(self, raw: bytes, text: str, aim: str | None, now_ns: int) -> ScanEvent:
        return ScanEvent(
            text=text,
            aim_id=aim,
            device_id=self.device_id,
            received_at=datetime.now(UTC),
            received_ns=now_ns,
            raw=raw,
            serial_number=self.serial_number,
        )


class Scanner:
    """A serial barcode scanner on a :class:`Port` (which it has, not is)."""

    def __init__(
        self,
        port: Port,
        *,
        device_id: str | None = None,
        serial_number: str | None = None,
        garble_threshold: int = 64,
    ) -> None:
        self.port = port
        self.device_id = device_id or port.device_id
        self.serial_number = serial_number
        s = port.settings
        self.decoder = ScanDecoder(
            self.device_id,
            terminator=s.terminator_bytes,
            idle_ns=int(s.inter_char_timeout * 1e9),
            baudrate=s.baudrate,
            garble_threshold=garble_threshold,
            serial_number=serial_number,
        )
        self._ready: deque[ScanEvent] = deque()

    def on_connect(self) -> None:
        """Forget a partial frame from before a reconnect."""
        self.decoder.reset()

    def read_event(self, timeout: float | None = None) -> ScanEvent | None:
        """The next scan, or None if none completes within ``timeout`` seconds.

        Raises :class:`PortLost` when the port fails and :class:`GarbledLink` when bytes keep
        arriving without a valid frame (wrong baud rate or line format).
        """
        wait = self.port.settings.poll_interval if timeout is None else timeout
        deadline = time.monotonic() + wait
        while not self._ready:
            now = time.monotonic_ns()
            flush_in = self.decoder.framer.seconds_to_flush(now)
            left = deadline - time.monotonic()
            if flush_in is not None:
                left = min(left, flush_in)
            data = self.port.read(max(left, 0.0))
            events, problem = self.decoder.feed(data, time.monotonic_ns())
            if not data:
                more, problem2 = self.decoder.flush(time.monotonic_ns())
                events, problem = events + more, problem or problem2
            self._ready.extend(events)
            if problem and not self._ready:
                raise GarbledLink(problem)
            if time.monotonic() >= deadline:
                break
        return self._ready.popleft() if self._ready else None
