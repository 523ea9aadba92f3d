"""Append-only journal of print-job keys, so that a retried job never prints twice.

One line per step: ``<UTC time> <STATE> <key>``. A job goes BEGIN (before its first byte
leaves) -> RECEIVED (the printer's buffer holds it) -> RELEASED (told to print). LOST marks a
BEGIN that the printer turned out not to have, so the job may be sent again. Every line is
flushed and fsync'ed before the next step, so a crash leaves the truth on disk.
"""

from __future__ import annotations

import logging
import os
import threading
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

BEGIN, RECEIVED, RELEASED, LOST = "BEGIN", "RECEIVED", "RELEASED", "LOST"
STATES = (BEGIN, RECEIVED, RELEASED, LOST)
MAX_KEY = 200


def check_key(key: str) -> None:
    """Job keys are 1-200 printable characters without spaces (they go on one journal line)."""
    if not key or len(key) > MAX_KEY or not key.isprintable() or any(c.isspace() for c in key):
        raise ValueError(
            f"print job key {key!r}: use 1-{MAX_KEY} printable characters without spaces"
        )


class JobJournal:
    """Where each job key got to. ``path`` None keeps it in memory (tests, previews)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._state: dict[str, str] = {}
        self._open: dict[str, str] = {}  # BEGIN or RECEIVED, oldest first
        self._lock = threading.Lock()
        if self.path is not None and self.path.exists():
            self._load(self.path)

    def _load(self, path: Path) -> None:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            parts = line.split(" ")
            if len(parts) == 3 and parts[1] in STATES:
                self._set(parts[2], parts[1])
            elif line.strip():
                log.warning("%s line %d unreadable, skipped: %r", path, number, line)

    def state(self, key: str) -> str | None:
        with self._lock:
            return self._state.get(key)

    def delivered(self, key: str) -> bool:
        """The printer holds or has printed this job: never send it again."""
        return self.state(key) in (RECEIVED, RELEASED)

    def unsettled(self) -> list[tuple[str, str]]:
        """Jobs whose fate is not settled yet (BEGIN or RECEIVED), oldest first."""
        with self._lock:
            return list(self._open.items())

    def record(self, key: str, state: str) -> None:
        check_key(key)
        if state not in STATES:
            raise ValueError(f"journal state {state!r}")
        with self._lock:
            if self.path is not None:
                self._append(self.path, f"{_now()} {state} {key}\n")
            self._set(key, state)

    def _set(self, key: str, state: str) -> None:
        self._state[key] = state
        self._open.pop(key, None)
        if state in (BEGIN, RECEIVED):
            self._open[key] = state

    @staticmethod
    def _append(path: Path, line: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
