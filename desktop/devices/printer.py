"""Zebra label printer driver: ZPL over serial or raw TCP (``socket://host:9100``).

Exactly once, even across a dropped connection and a retry of the same job key:

1. A job is only sent to a printer that is ready and idle (``~HS``: no format in the buffer,
   no label left in a batch). Otherwise it is HELD, in order, and sent when it is ready.
2. The journal records BEGIN, then the driver sends ``~PP`` (pause) + the format + ``~HS``.
   The paused printer keeps the format in its buffer, and the ``~HS`` answer (which comes
   after the format on the same ordered stream) shows it there: the journal records RECEIVED.
3. ``~PS`` (start) releases it: the journal records RELEASED.

If the link drops anywhere in between, the retry (same key) settles the open journal entry
first: RECEIVED -> just release it; BEGIN -> ask ``~HS``: a format in the buffer (or labels
left in the batch) means the printer has it, so release it; none means it never arrived, so it
is sent again. The printer's own buffer is the witness, so no label prints twice and none is
lost. This assumes one host drives the printer (one station per printer).
"""

from __future__ import annotations

import logging
import re
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from desktop.devices import journal as jr
from desktop.devices.errors import DeviceTimeout, GarbledLink, TransferError
from desktop.devices.port import Port
from desktop.devices.zebra import (
    ErrorFlags,
    HostStatus,
    PrinterState,
    PrinterStatus,
    StatusDecoder,
    parse_host_status,
    parse_hqes,
    state_of_errors,
    state_of_host,
)

log = logging.getLogger(__name__)

HS, HQES, PAUSE, START = b"~HS", b"~HQES", b"~PP", b"~PS"
_QUANTITY = re.compile(rb"\^PQ(\d+)")


class JobStatus(Enum):
    SENT = "sent"
    ALREADY_SENT = "already sent"
    HELD = "held"


@dataclass(frozen=True)
class PrintJob:
    """One ZPL format (``^XA ... ^XZ``) and the key that makes retries safe."""

    key: str
    zpl: bytes

    def __post_init__(self) -> None:
        jr.check_key(self.key)
        body = self.zpl.strip()
        if not (body.startswith(b"^XA") and body.endswith(b"^XZ")):
            raise ValueError(f"print job {self.key}: ZPL must be one ^XA ... ^XZ format")

    @property
    def copies(self) -> int:
        found = _QUANTITY.search(self.zpl)
        return int(found.group(1)) if found else 1


@dataclass(frozen=True)
class JobOutcome:
    key: str
    status: JobStatus
    printer: PrinterStatus | None
    message: str


class LabelPrinter:
    """A Zebra (ZPL II) printer on a :class:`Port`, with a journal of job keys."""

    def __init__(
        self,
        port: Port,
        *,
        journal: jr.JobJournal | str | Path | None = None,
        device_id: str | None = None,
        reply_timeout: float | None = None,
        status_ttl: float = 2.0,
        idle_timeout: float = 30.0,
        garble_threshold: int = 64,
    ) -> None:
        self.port = port
        self.device_id = device_id or port.device_id
        self.journal = journal if isinstance(journal, jr.JobJournal) else jr.JobJournal(journal)
        self.reply_timeout = reply_timeout or port.settings.response_timeout
        self.status_ttl = status_ttl
        self.idle_timeout = idle_timeout
        self.decoder = StatusDecoder(self.device_id, port.settings.baudrate, garble_threshold)
        self._held: deque[PrintJob] = deque()
        self._last: tuple[float, PrinterStatus] | None = None
        self._reported_held: set[str] = set()
        # Called with the outcome of a job that was reported HELD and has now gone out.
        self.on_released: Callable[[JobOutcome], None] | None = None

    @property
    def held(self) -> tuple[PrintJob, ...]:
        return tuple(self._held)

    @property
    def last_status(self) -> PrinterStatus | None:
        return self._last[1] if self._last else None

    def on_connect(self) -> None:
        self.decoder.reset()
        self._last = None

    # -- status -----------------------------------------------------------------------------

    def status(self) -> PrinterStatus:
        """Ask ``~HS``; when it stays silent (error state), ask ``~HQES``; else OFFLINE."""
        self.decoder.reset()
        self.port.discard_input()
        self.port.write(HS)
        blocks = self._blocks(lambda b: not isinstance(parse_host_status(b), str))
        host = parse_host_status(blocks)
        if isinstance(host, HostStatus):
            return self._remember(state_of_host(host), host, None, blocks)
        self.port.write(HQES)
        blocks += self._blocks(lambda b: any(not isinstance(parse_hqes(x), str) for x in b))
        host = parse_host_status(blocks)  # a late ~HS answer is as good
        if isinstance(host, HostStatus):
            return self._remember(state_of_host(host), host, None, blocks)
        flags = next((f for f in map(parse_hqes, blocks) if isinstance(f, ErrorFlags)), None)
        if flags is not None:
            return self._remember(state_of_errors(flags), None, flags, blocks)
        if self.decoder.watch.invalid_bytes:
            raise GarbledLink(self.decoder.watch.report())
        return self._remember(PrinterState.OFFLINE, None, None, blocks)

    def _remember(
        self, state: PrinterState, host: HostStatus | None, flags: ErrorFlags | None,
        blocks: Sequence[bytes],
    ) -> PrinterStatus:  # fmt: skip
        raw = b"".join(b"\x02" + b + b"\x03" for b in blocks)
        status = PrinterStatus(state, host, flags, self.device_id, datetime.now(UTC), raw)
        self._last = (time.monotonic(), status)
        return status

    def _blocks(self, done: Callable[[list[bytes]], bool]) -> list[bytes]:
        blocks: list[bytes] = []
        deadline = time.monotonic() + self.reply_timeout
        while not done(blocks) and (left := deadline - time.monotonic()) > 0:
            blocks += self.decoder.feed(self.port.read(left))
        return blocks

    # -- jobs -------------------------------------------------------------------------------

    def submit(self, job: PrintJob) -> JobOutcome:
        """Print ``job`` once. Returns SENT, ALREADY_SENT (its key went out before) or HELD
        (printer not ready: kept, in order, and sent by :meth:`release_held`). Raises only
        on I/O failure; retrying the same job afterwards is always safe."""
        if self.journal.delivered(job.key):
            return self._already(job.key)
        if all(h.key != job.key for h in self._held):
            self._held.append(job)
        cached = self._fresh_status()
        if cached is not None and not cached.ready and self._held[0].key != job.key:
            return self._reported(JobOutcome(job.key, JobStatus.HELD, cached, cached.message))
        for outcome in self.release_held():
            if outcome.key == job.key:
                return self._reported(outcome)
        status = self.last_status
        return self._reported(JobOutcome(job.key, JobStatus.HELD, status, _held_message(status)))

    def _reported(self, outcome: JobOutcome) -> JobOutcome:
        if outcome.status is JobStatus.HELD:
            self._reported_held.add(outcome.key)
        else:
            self._reported_held.discard(outcome.key)
        return outcome

    def release_held(self) -> list[JobOutcome]:
        """Send held jobs in order while the printer is ready; one outcome per job tried."""
        outcomes: list[JobOutcome] = []
        while self._held:
            outcome = self._attempt(self._held[0])
            outcomes.append(outcome)
            if outcome.status is JobStatus.HELD:
                break
            self._held.popleft()
            if outcome.key in self._reported_held:
                self._reported_held.discard(outcome.key)
                if self.on_released is not None:
                    self.on_released(outcome)
        return outcomes

    def _attempt(self, job: PrintJob) -> JobOutcome:
        settled = self._settle()
        if self.journal.delivered(job.key):
            return self._already(job.key)
        status = self._idle_status() if settled else self.last_status
        if status is None or not status.ready or status.host is None or not status.host.idle:
            return JobOutcome(job.key, JobStatus.HELD, status, _held_message(status))
        self._send(job)
        return JobOutcome(job.key, JobStatus.SENT, status, f"label {job.key} sent")

    def _already(self, key: str) -> JobOutcome:
        if self.journal.state(key) == jr.RECEIVED:
            self._release(key)
        return JobOutcome(key, JobStatus.ALREADY_SENT, self.last_status, f"{key} already sent")

    def _send(self, job: PrintJob) -> None:
        self.journal.record(job.key, jr.BEGIN)
        self.decoder.reset()
        self.port.discard_input()
        self.port.write(PAUSE + job.zpl + HS)
        host = parse_host_status(self._blocks(lambda b: not isinstance(parse_host_status(b), str)))
        if not isinstance(host, HostStatus):
            raise DeviceTimeout(
                f"{self.device_id}: no status after sending label {job.key}: the printer may "
                "have stopped (head open, out of paper) or the link dropped. Retry the same job: "
                "it is checked first and never printed twice."
            )
        if host.idle:
            self.journal.record(job.key, jr.LOST)
            self.port.write(START)
            raise TransferError(
                f"{self.device_id}: the printer did not receive label {job.key} (its buffer is "
                "empty). Retry the same job: it will be sent again."
            )
        self.journal.record(job.key, jr.RECEIVED)
        self._release(job.key)

    def _release(self, key: str) -> None:
        self.port.write(START)
        self.journal.record(key, jr.RELEASED)

    def _settle(self) -> bool:
        """Settle journal entries left open by a dropped link; False if the printer cannot
        tell yet (it is in an error state), in which case jobs stay held."""
        for key, state in self.journal.unsettled():
            if state == jr.RECEIVED:
                self._release(key)
                continue
            status = self.status()
            if status.host is None:
                return False
            if not status.host.idle:
                log.info("%s: label %s reached the printer before the drop", self.device_id, key)
                self.journal.record(key, jr.RECEIVED)
                self._release(key)
            else:
                log.info("%s: label %s never reached the printer: resend", self.device_id, key)
                self.journal.record(key, jr.LOST)
                if status.host.paused:
                    self.port.write(START)
        return True

    def _fresh_status(self) -> PrinterStatus | None:
        if self._last and time.monotonic() - self._last[0] < self.status_ttl:
            return self._last[1]
        return None

    def _idle_status(self) -> PrinterStatus:
        """A fresh status; while the printer is ready but still printing, wait for it."""
        deadline = time.monotonic() + self.idle_timeout
        status = self.status()
        while status.ready and status.host and not status.host.idle and time.monotonic() < deadline:
            time.sleep(min(0.05, self.reply_timeout))
            status = self.status()
        return status


def _held_message(status: PrinterStatus | None) -> str:
    if status is None:
        return "Label held: the printer's state is unknown yet."
    if status.ready:
        return "Label held: the printer is still busy printing; it follows when done."
    return "Label held. " + status.message
