"""Keyboard-wedge (USB HID) scanner: tells a scan from a person typing by timing, and makes the
scan the same :class:`ScanEvent` a serial scanner gives. Pure: the caller feeds keystrokes
with their times (no I/O, no Qt).

A wedge scanner types a whole code in a few milliseconds per character, ended by its suffix
(Enter by default); people take 80 ms and more between keys (REFERENCE 3.4). Every keystroke
that might start a scan is held; while keys keep coming within ``max_gap`` of each other the
burst goes on; the suffix ends it and, with at least ``min_length`` characters between prefix
and suffix, it is a scan. Anything else (a gap, a key a scanner does not type, a prefix that
does not match) releases the held keys, oldest first, to whatever widget they were meant for,
so a person's typing is only ever delayed by ``max_gap``, never lost or reordered.

The GS separator of GS1 data arrives as the scanner's configured substitute (a control
character such as Ctrl+], or a printable character that cannot occur in the data) and is
mapped back to GS (0x1D); the AIM identifier the scanner sends is kept. ``raw`` of the event
is the exact keystroke text (prefix and suffix included) as UTF-8.

With a health tally (``desktop.devices.tally``) every scan is a reading, and every burst at
scanner speed at least as long as the shortest scan (prefix, ``min_length`` characters, suffix)
that does not end in a scan is a reading refused, once per burst: it broke off before its
suffix, a key a scanner does not type or the wrong suffix came in it, its prefix did not match,
or its text is not barcode data. Shorter bursts and keys at human speed are typing, not readings.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.devices.scanner import ALLOWED_CONTROLS, ScanEvent, decode_frame
from desktop.devices.tally import HealthTally

log = logging.getLogger(__name__)

GS = "\x1d"
KEY_NAMES = {"ENTER": "\r", "CR": "\r", "RETURN": "\r", "TAB": "\t", "NONE": "", "": ""}
GS_NAMES = {"CTRL+]": GS, "GS": GS, "NONE": "", "": ""}
MAX_LENGTH = 4096


def key_text(value: object, names: Mapping[str, str]) -> str:
    """A configured key or text: a name (``ENTER``, ``TAB``, ``CTRL+]``, ``NONE``) or literal."""
    text = str(value)
    return names.get(text.upper(), text)  # never strip: a space or Tab may be the character


@dataclass(frozen=True)
class WedgeSettings:
    """How this station's wedge scanner is set up (its programming sheet must match)."""

    prefix: str = ""
    suffix: str = "\r"
    gs_substitute: str = GS
    max_gap_ns: int = 40_000_000  # longest pause between two keys of one scan
    min_length: int = 4  # fewer characters between prefix and suffix: a person's typing

    def __post_init__(self) -> None:
        problems = []
        if self.max_gap_ns <= 0:
            problems.append("max_gap_ms must be above 0 (scanners: 1-30 ms per key)")
        if self.min_length < 1:
            problems.append("min_length must be at least 1")
        if self.gs_substitute and self.gs_substitute in self.prefix + self.suffix:
            problems.append(
                f"gs_substitute {self.gs_substitute!r} is also in the prefix or suffix: "
                "choose a character the scanner types for GS only"
            )
        if len(self.gs_substitute) > 1:
            problems.append(f"gs_substitute {self.gs_substitute!r} must be one character")
        if problems:
            raise ValueError("keyboard-wedge scanner: " + "; ".join(problems))

    @classmethod
    def from_mapping(cls, config: Mapping[str, Any]) -> WedgeSettings:
        """From a ``[devices.wedge]`` table: ``prefix``, ``suffix`` (ENTER, TAB, NONE or text),
        ``gs_substitute`` (CTRL+], NONE or one character), ``max_gap_ms``, ``min_length``."""
        known = {"prefix", "suffix", "gs_substitute", "max_gap_ms", "min_length", "enabled"}
        known |= {"device_id", "serial_number"}
        unknown = sorted(set(config) - known)
        if unknown:
            raise ValueError(
                f"unknown keyboard-wedge setting {unknown[0]!r}: known settings are "
                + ", ".join(sorted(known))
            )
        try:
            gap = float(config.get("max_gap_ms", 40))
            min_length = int(config.get("min_length", 4))
        except (TypeError, ValueError):
            raise ValueError("keyboard-wedge max_gap_ms and min_length must be numbers") from None
        return cls(
            prefix=key_text(config.get("prefix", ""), KEY_NAMES),
            suffix=key_text(config.get("suffix", "ENTER"), KEY_NAMES),
            gs_substitute=key_text(config.get("gs_substitute", "CTRL+]"), GS_NAMES),
            max_gap_ns=int(gap * 1_000_000),
            min_length=min_length,
        )


@dataclass(frozen=True)
class WedgeStep:
    """One thing to do with the oldest held keystrokes: hand ``release`` of them to the widget
    they were typed into, or drop ``consumed`` of them, which made ``scan``."""

    release: int = 0
    consumed: int = 0
    scan: ScanEvent | None = None


class WedgeDecoder:
    """Keystrokes in, scans or released keystrokes out; see the module text."""

    def __init__(
        self,
        device_id: str,
        settings: WedgeSettings,
        serial_number: str | None = None,
        tally: HealthTally | None = None,
    ) -> None:
        self.device_id = device_id
        self.settings = settings
        self.serial_number = serial_number
        #: Where scans and refused bursts are counted (None: not counted).
        self.tally = tally
        self._keys: list[str] = []
        self._last_ns = 0
        self._burst = 0  # characters typed at scanner speed since the last gap or scan
        self._burst_refused = False  # this burst was counted as a refused reading

    @property
    def held(self) -> int:
        """How many keystrokes are held (undecided)."""
        return len(self._keys)

    def deadline_ns(self) -> int | None:
        """When the held keystrokes stop being a possible scan (call :meth:`expire` then)."""
        return self._last_ns + self.settings.max_gap_ns if self._keys else None

    def key(self, text: str, now_ns: int) -> list[WedgeStep]:
        """One keystroke's text (Enter as ``"\\r"``, Tab as ``"\\t"``) at ``now_ns``: the
        steps to take, in order (none: the keystroke is held)."""
        steps = self.expire(now_ns)
        self._keys.append(text)
        self._last_ns = now_ns
        self._burst += len(text)
        typed = "".join(self._keys)
        s = self.settings
        if not self._may_be_scan(typed) or len(typed) > MAX_LENGTH:
            steps.append(self._release())
        elif s.suffix and typed.endswith(s.suffix) and len(typed) >= len(s.prefix + s.suffix):
            steps.append(self._finish(typed, now_ns))
        return steps

    def expire(self, now_ns: int) -> list[WedgeStep]:
        """The held keystrokes once ``max_gap`` passed without a key: with no suffix configured
        a long enough burst is a scan; anything else is a person's typing."""
        if now_ns - self._last_ns <= self.settings.max_gap_ns:
            return []
        steps = []
        if self._keys and not self.settings.suffix:
            steps.append(self._finish("".join(self._keys), self._last_ns))
        elif self._keys:
            steps.append(self._release())
        self._burst, self._burst_refused = 0, False  # the gap ends the burst
        return steps

    # -- inside -----------------------------------------------------------------------------

    def _may_be_scan(self, typed: str) -> bool:
        s = self.settings
        if len(typed) <= len(s.prefix):
            return s.prefix.startswith(typed)
        if not typed.startswith(s.prefix):
            return False
        body = typed[len(s.prefix) :]
        if s.suffix and body == s.suffix[: len(body)]:
            return False  # the suffix alone (Enter pressed on its own) is not a scan
        last = self._keys[-1]
        return all(_scannable(c) or c in s.suffix + s.gs_substitute for c in last)

    def _finish(self, typed: str, at_ns: int) -> WedgeStep:
        s = self.settings
        body = typed[len(s.prefix) : len(typed) - len(s.suffix)]
        if len(body) < s.min_length:
            return self._release()
        if s.gs_substitute and s.gs_substitute != GS:
            body = body.replace(s.gs_substitute, GS)
        decoded = decode_frame(body.encode("utf-8"))
        if isinstance(decoded, str):
            log.warning("%s: keystrokes %r are not a scan: %s", self.device_id, typed, decoded)
            return self._release()
        event = ScanEvent(
            text=decoded[0],
            aim_id=decoded[1],
            device_id=self.device_id,
            received_at=datetime.now(UTC),
            received_ns=at_ns,
            raw=typed.encode("utf-8"),
            serial_number=self.serial_number,
        )
        count = len(self._keys)
        self._keys.clear()
        self._burst, self._burst_refused = 0, False
        if self.tally is not None:
            self.tally.reading()
        return WedgeStep(consumed=count, scan=event)

    def _release(self) -> WedgeStep:
        count = len(self._keys)
        self._keys.clear()
        s = self.settings
        shortest_scan = len(s.prefix) + s.min_length + len(s.suffix)
        if self._burst >= shortest_scan and not self._burst_refused:
            self._burst_refused = True
            log.warning(
                "%s: %d characters typed at scanner speed did not make a scan: check the "
                "scanner's prefix, suffix and keyboard layout against [devices.wedge]",
                self.device_id,
                self._burst,
            )
            if self.tally is not None:
                self.tally.garbled()
        return WedgeStep(release=count)


def _scannable(char: str) -> bool:
    """A character a scanner types as data: printable, or a separator barcodes carry."""
    return char.isprintable() or char in ALLOWED_CONTROLS


__all__ = ["GS", "WedgeDecoder", "WedgeSettings", "WedgeStep"]
