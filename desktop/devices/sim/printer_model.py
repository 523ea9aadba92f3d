"""The simulated Zebra: a ZPL byte-stream reader, a format buffer and a print engine (pure)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Generator, Iterator

from desktop.devices.sim.profile import PrinterDevice

MAX_FORMAT = 1 << 20
_QUANTITY = re.compile(rb"\^PQ(\d+)")
# ("reply", answer) | ("received", format) | ("printed", format) | ("paused", b"~PP")
Event = tuple[str, bytes]


def copies(fmt: bytes) -> int:
    found = _QUANTITY.search(fmt)
    return max(1, int(found.group(1))) if found else 1


class PrinterModel:
    """Reads ``~`` commands and ``^XA...^XZ`` formats in stream order, answers ``~HS``,
    ``~HQES`` and ``~HI`` for its state (silent on ``~HS`` in error states, as real Zebras
    are), buffers formats and prints them while it has paper, ribbon, a closed head and no
    pause."""

    def __init__(self, device: PrinterDevice) -> None:
        self.device = device
        self.paper = device.paper_labels
        self.ribbon = device.ribbon_labels
        self.paper_out = False
        self.ribbon_out = False
        self.head_open = False
        self.paused = False
        self.buffer: deque[bytes] = deque()
        self.received = 0
        self.printed_formats = 0
        self.printed_labels = 0
        self._inbox = bytearray()
        self._in_format = False
        self._next_print = 0.0

    # -- state ------------------------------------------------------------------------------

    @property
    def error(self) -> bool:
        return self.paper_out or self.ribbon_out or self.head_open

    @property
    def state(self) -> str:
        for flag, name in ((self.head_open, "head open"), (self.paper_out, "paper out"),
                           (self.ribbon_out, "ribbon out"), (self.paused, "paused")):  # fmt: skip
            if flag:
                return name
        return "ready"

    def reset_connection(self) -> None:
        """The link dropped: a half-received format is lost; buffered formats stay."""
        self._inbox.clear()
        self._in_format = False

    # -- input ------------------------------------------------------------------------------

    def feed(self, data: bytes, now: float) -> Iterator[Event]:
        self._inbox += data
        while True:
            if self._in_format:
                end = self._inbox.find(b"^XZ", 3)
                if end < 0:
                    if len(self._inbox) > MAX_FORMAT:
                        self.reset_connection()
                    return
                fmt = bytes(self._inbox[: end + 3])
                del self._inbox[: end + 3]
                self._in_format = False
                self.buffer.append(fmt)
                self.received += 1
                yield ("received", fmt)
                yield from self.run(now)
                continue
            if not (yield from self._outside_format(now)):
                return

    def _outside_format(self, now: float) -> Generator[Event, None, bool]:
        """Handle what comes before the next format; False when more bytes are needed."""
        tilde, start = self._inbox.find(b"~"), self._inbox.find(b"^XA")
        if start >= 0 and (tilde < 0 or start < tilde):
            del self._inbox[:start]
            self._in_format = True
            return True
        if tilde < 0:
            del self._inbox[: max(0, len(self._inbox) - 2)]  # keep a possible "^X" half
            return False
        del self._inbox[:tilde]
        command = bytes(self._inbox[:5]) if self._inbox[1:3] == b"HQ" else bytes(self._inbox[:3])
        if len(command) < (5 if self._inbox[1:3] == b"HQ" else 3):
            return False
        del self._inbox[: len(command)]
        yield from self._tilde(command, now)
        return True

    def _tilde(self, command: bytes, now: float) -> Iterator[Event]:
        if command == b"~HS":
            if not (self.error and self.device.silent_on_error):
                yield ("reply", self.host_status())
        elif command == b"~HQES":
            yield ("reply", self.hqes())
        elif command == b"~HI":
            yield ("reply", self.host_identification())
        elif command == b"~PP":
            self.paused = True
            yield ("paused", command)
        elif command == b"~PS":
            self.paused = False
            yield from self.run(now)
        elif command == b"~JA":
            self.buffer.clear()

    # -- the print engine -------------------------------------------------------------------

    def run(self, now: float) -> Iterator[Event]:
        """Print buffered formats while nothing stops it (one per ``print_seconds``)."""
        while self.buffer and not self.paused and not self.error and now >= self._next_print:
            fmt = self.buffer[0]
            if self.paper < copies(fmt):
                self.paper_out = True  # the roll ends: the format waits in the buffer
                return
            if self.ribbon < copies(fmt):
                self.ribbon_out = True
                return
            self.buffer.popleft()
            self.paper -= copies(fmt)
            self.ribbon -= copies(fmt)
            self.printed_formats += 1
            self.printed_labels += copies(fmt)
            self._next_print = now + self.device.print_seconds
            yield ("printed", fmt)

    # -- answers (written from the Zebra documentation, independently of the driver) ---------

    def host_status(self) -> bytes:
        remaining = sum(copies(f) for f in self.buffer)
        line1 = (
            f"030,{self.paper_out:d},{self.paused:d},{self.device.label_length:04d},"
            f"{len(self.buffer):03d},0,0,{self._in_format:d},000,0,0,0"
        )
        line2 = f"000,0,{self.head_open:d},{self.ribbon_out:d},1,2,6,0,{remaining:08d},1,000"
        line3 = f"{self.device.password},0"
        return b"".join(
            b"\x02" + line.encode("ascii") + b"\x03\r\n" for line in (line1, line2, line3)
        )

    def host_identification(self) -> bytes:
        """``~HI``: model, firmware, dots per mm, memory. [unconfirmed] field layout."""
        d = self.device
        return f"\x02{d.model},{d.firmware},8,8192KB\x03\r\n".encode("ascii")

    def hqes(self) -> bytes:
        group1 = (1 if self.paper_out else 0) | (2 if self.ribbon_out else 0)
        group1 |= 4 if self.head_open else 0
        return (
            f"\x02\r\nPRINTER STATUS\r\n   ERRORS:   {int(group1 != 0)} 00000000 {group1:08X}\r\n"
            "   WARNINGS: 0 00000000 00000000\r\n\x03\r\n"
        ).encode("ascii")
