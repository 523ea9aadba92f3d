"""Raw byte trace of one device: every byte in and out, timestamped and tagged by direction.

A trace sink is any callable taking a :class:`TraceRecord`. :class:`FileTrace` appends one line
per record to a file (hex plus a printable rendering), which is what a technician sends along
with a bug report: ``2025-05-01T10:00:00.123456Z 1234567890 scale rx 53 20 53 0d 0a |S S..|``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

RX = "rx"  # bytes from the device
TX = "tx"  # bytes to the device
EVENT = "--"  # port events (opened, closed, lost): the note says which


@dataclass(frozen=True)
class TraceRecord:
    device_id: str
    direction: str
    data: bytes
    note: str = ""
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    mono_ns: int = field(default_factory=time.monotonic_ns)

    def line(self) -> str:
        stamp = self.at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        head = f"{stamp} {self.mono_ns} {self.device_id} {self.direction}"
        if self.direction == EVENT:
            return f"{head} {self.note}"
        printable = "".join(chr(b) if 32 <= b < 127 else "." for b in self.data)
        return f"{head} {self.data.hex(' ')} |{printable}|"


TraceSink = Callable[[TraceRecord], None]


class FileTrace:
    """Append trace lines to ``path`` (created with its folder); safe to share between threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def __call__(self, record: TraceRecord) -> None:
        with self._lock, self.path.open("a", encoding="utf-8") as handle:
            handle.write(record.line() + "\n")


def make_trace(spec: str | Path | TraceSink | None) -> TraceSink | None:
    """A sink from configuration: ``None``, a file path, or a callable used as it is."""
    if spec is None or spec == "":
        return None
    if isinstance(spec, str | Path):
        return FileTrace(spec)
    return spec
