"""Zebra host status, pure parsing (no I/O): ``~HS`` (three lines) and ``~HQES``.

``~HS`` answers three ``STX ... ETX CR LF`` lines; a Zebra in MEDIA OUT, RIBBON OUT, HEAD OPEN
(and a few other error states) does not answer ``~HS`` at all, so silence is followed by
``~HQES``, whose ERRORS group-1 low nibble says 1 media out, 2 ribbon out, 4 head open,
8 cutter fault. The exact ``~HQES`` spacing is [unconfirmed]: it is parsed with a regex.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from desktop.devices.framing import BlockFramer, GarbleWatch, log_rejected

log = logging.getLogger("desktop.devices.printer")

LINE1_FIELDS, LINE2_FIELDS, LINE3_FIELDS = 12, 11, 2
_GROUP = rb"\s*([01])\s+([0-9A-Fa-f]{8})\s+([0-9A-Fa-f]{8})"
_ERRORS = re.compile(rb"ERRORS:" + _GROUP)
_WARNINGS = re.compile(rb"WARNINGS:" + _GROUP)


class PrinterState(Enum):
    READY = "ready"
    PAPER_OUT = "paper out"
    RIBBON_OUT = "ribbon out"
    HEAD_OPEN = "head open"
    PAUSED = "paused"
    FAULT = "fault"  # another error flag (cutter, temperature, RAM): see the display
    OFFLINE = "offline"  # no answer to ~HS nor ~HQES


MESSAGES: dict[PrinterState, str] = {
    PrinterState.READY: "Printer ready.",
    PrinterState.PAPER_OUT: (
        "Printer out of labels: load a new roll and close the head. Held labels print when "
        "the printer is ready again."
    ),
    PrinterState.RIBBON_OUT: "Printer out of ribbon: load a new ribbon. Held labels print after.",
    PrinterState.HEAD_OPEN: "Printer head open: close the print head. Held labels print after.",
    PrinterState.PAUSED: "Printer paused: press PAUSE on the printer to resume printing.",
    PrinterState.FAULT: "Printer reports a fault: read the message on the printer's display.",
    PrinterState.OFFLINE: (
        "Printer not answering: check that it is switched on and its cable or network is connected."
    ),
}


@dataclass(frozen=True)
class HostStatus:
    """All three ``~HS`` lines. Line 1: communication and paper; line 2: head, ribbon and the
    batch; line 3: password and static RAM."""

    comms: int
    paper_out: bool
    paused: bool
    label_length: int
    formats_in_buffer: int
    buffer_full: bool
    comms_diagnostic: bool
    partial_format: bool
    corrupt_ram: bool
    under_temperature: bool
    over_temperature: bool
    function_settings: int
    head_open: bool
    ribbon_out: bool
    thermal_transfer: bool
    print_mode: int
    print_width_mode: int
    label_waiting: bool
    labels_remaining: int
    graphics: int
    password: str
    static_ram: bool

    @property
    def idle(self) -> bool:
        """Nothing waiting or printing: no format in the buffer and no label left in a batch."""
        return self.formats_in_buffer == 0 and self.labels_remaining == 0


@dataclass(frozen=True)
class ErrorFlags:
    """``~HQES``: error and warning bits (group 2 in the high 32 bits, group 1 in the low)."""

    errors: int
    warnings: int

    @property
    def media_out(self) -> bool:
        return bool(self.errors & 0x1)

    @property
    def ribbon_out(self) -> bool:
        return bool(self.errors & 0x2)

    @property
    def head_open(self) -> bool:
        return bool(self.errors & 0x4)

    @property
    def cutter_fault(self) -> bool:
        return bool(self.errors & 0x8)


@dataclass(frozen=True)
class PrinterStatus:
    state: PrinterState
    host: HostStatus | None
    errors: ErrorFlags | None
    device_id: str
    checked_at: datetime
    raw: bytes = b""

    @property
    def ready(self) -> bool:
        return self.state is PrinterState.READY

    @property
    def message(self) -> str:
        return MESSAGES[self.state]


def _fields(block: bytes) -> list[str] | None:
    try:
        text = block.decode("ascii").strip()
    except UnicodeDecodeError:
        return None
    parts = text.split(",")
    return parts if all(p.isdigit() and p.isascii() for p in parts) else None


def _flag(field: str) -> bool:
    return field != "0"


def parse_host_status(blocks: Sequence[bytes]) -> HostStatus | str:
    """The three ``~HS`` lines (contents between STX and ETX) -> :class:`HostStatus`."""
    found: dict[int, list[str]] = {}
    for block in blocks:
        parts = _fields(block)
        if parts is not None and len(parts) in (LINE1_FIELDS, LINE2_FIELDS, LINE3_FIELDS):
            found[len(parts)] = parts
    if len(found) != 3:
        return "not the three ~HS lines (12, 11 and 2 numeric fields)"
    a, b, c = (found[n] for n in (LINE1_FIELDS, LINE2_FIELDS, LINE3_FIELDS))
    i, flag = int, _flag
    return HostStatus(
        comms=i(a[0]), paper_out=flag(a[1]), paused=flag(a[2]), label_length=i(a[3]),
        formats_in_buffer=i(a[4]), buffer_full=flag(a[5]), comms_diagnostic=flag(a[6]),
        partial_format=flag(a[7]), corrupt_ram=flag(a[9]), under_temperature=flag(a[10]),
        over_temperature=flag(a[11]), function_settings=i(b[0]), head_open=flag(b[2]),
        ribbon_out=flag(b[3]), thermal_transfer=flag(b[4]), print_mode=i(b[5]),
        print_width_mode=i(b[6]), label_waiting=flag(b[7]), labels_remaining=i(b[8]),
        graphics=i(b[10]), password=c[0], static_ram=flag(c[1]),
    )  # fmt: skip


def parse_hqes(block: bytes) -> ErrorFlags | str:
    """A ``~HQES`` block -> :class:`ErrorFlags` (spacing-tolerant)."""
    errors, warnings = _ERRORS.search(block), _WARNINGS.search(block)
    if errors is None or b"PRINTER STATUS" not in block:
        return "not a ~HQES PRINTER STATUS block"

    def bits(match: re.Match[bytes] | None) -> int:
        return 0 if match is None else int(match.group(2) + match.group(3), 16)

    return ErrorFlags(errors=bits(errors), warnings=bits(warnings))


def state_of_host(host: HostStatus) -> PrinterState:
    if host.head_open:
        return PrinterState.HEAD_OPEN
    if host.paper_out:
        return PrinterState.PAPER_OUT
    if host.ribbon_out:
        return PrinterState.RIBBON_OUT
    if host.buffer_full or host.corrupt_ram or host.over_temperature or host.under_temperature:
        return PrinterState.FAULT
    return PrinterState.PAUSED if host.paused else PrinterState.READY


def state_of_errors(flags: ErrorFlags) -> PrinterState:
    """State when only ``~HQES`` answered (``~HS`` was silent, so something is wrong)."""
    if flags.head_open:
        return PrinterState.HEAD_OPEN
    if flags.media_out:
        return PrinterState.PAPER_OUT
    if flags.ribbon_out:
        return PrinterState.RIBBON_OUT
    return PrinterState.FAULT


def is_status_block(block: bytes) -> bool:
    """A block that can be part of a ~HS or ~HQES answer."""
    text = block.strip()
    return b"PRINTER STATUS" in text or bool(re.fullmatch(rb"[0-9]+(,[0-9]+)*", text))


class StatusDecoder:
    """Pure: bytes -> STX...ETX blocks that can be status answers; the rest is logged."""

    def __init__(self, device_id: str, baudrate: int = 9600, garble_threshold: int = 64) -> None:
        self.device_id = device_id
        self.framer = BlockFramer()
        self.watch = GarbleWatch(device_id, baudrate, garble_threshold)

    def reset(self) -> None:
        self.framer.reset()

    def feed(self, data: bytes) -> list[bytes]:
        new, junk = self.framer.feed(data)
        for run in junk:
            log_rejected(log, self.device_id, run, "bytes outside STX...ETX")
            self.watch.invalid(len(run))
        blocks: list[bytes] = []
        for block in new:
            if is_status_block(block):
                self.watch.valid()
                blocks.append(block)
            else:
                log_rejected(log, self.device_id, b"\x02" + block + b"\x03", "not a status answer")
                self.watch.invalid(len(block) + 2)
        return blocks
