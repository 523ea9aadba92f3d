"""The printer's worker: jobs queued from any thread, sent in order on the device thread."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future

from desktop.devices.errors import DeviceError, PortLost, PortUnavailable
from desktop.devices.printer import JobOutcome, LabelPrinter, PrintJob
from desktop.devices.tally import HealthTally
from desktop.devices.worker import DeviceWorker, Health
from desktop.devices.zebra import PrinterStatus

log = logging.getLogger(__name__)

PrinterEvent = PrinterStatus | JobOutcome
MAX_TRIES = 3


class PrinterWorker:
    """``submit(job)`` from any thread returns a Future of the first :class:`JobOutcome`.

    A job that fails on a dropped link is retried after the reconnect with the same key (never
    printed twice); a HELD job resolves its future as HELD and, once the printer is ready and
    the job goes out, a SENT :class:`JobOutcome` arrives as an event. Status changes arrive
    as :class:`PrinterStatus` events (polled every ``status_interval`` seconds). A ``tally``
    counts the printer's reconnects (a printer sends no readings).
    """

    def __init__(
        self,
        printer: LabelPrinter,
        *,
        on_event: Callable[[PrinterEvent], None] | None = None,
        events: queue.Queue[PrinterEvent] | None = None,
        on_health: Callable[[Health], None] | None = None,
        status_interval: float = 2.0,
        tally: HealthTally | None = None,
    ) -> None:
        self.printer = printer
        self.tally = tally
        self._connects = 0
        self.status_interval = status_interval
        self._jobs: deque[tuple[PrintJob, Future[JobOutcome], int]] = deque()
        self._lock = threading.Lock()
        self._next_poll = 0.0
        self._last_state: object = None
        printer.on_released = self._released
        self.worker: DeviceWorker[PrinterEvent] = DeviceWorker(
            printer.device_id, printer.port, self._step,
            on_connect=self._connected, on_event=on_event, events=events, on_health=on_health,
            interval=printer.port.settings.poll_interval,
        )  # fmt: skip

    @property
    def health(self) -> Health:
        return self.worker.health

    def start(self) -> None:
        self.worker.start()

    def stop(self, timeout: float = 5.0) -> None:
        self.worker.stop(timeout)
        with self._lock:
            pending, self._jobs = list(self._jobs), deque()
        for _job, future, _tries in pending:
            if not future.done():
                future.set_exception(DeviceError("printer worker stopped before sending"))

    def submit(self, job: PrintJob) -> Future[JobOutcome]:
        future: Future[JobOutcome] = Future()
        with self._lock:
            self._jobs.append((job, future, 0))
        self.worker.wake()
        return future

    def _released(self, outcome: JobOutcome) -> None:
        self.worker.emit(outcome)

    def _connected(self) -> None:
        self._connects += 1
        if self._connects > 1 and self.tally is not None:
            self.tally.reconnected()
        self.printer.on_connect()
        self._next_poll = 0.0

    def _step(self) -> PrinterEvent | None:
        self._send_queued()
        if time.monotonic() < self._next_poll:
            return None
        self._next_poll = time.monotonic() + self.status_interval
        if self.printer.held:
            self.printer.release_held()
        status = self.printer.last_status if self.printer.held else self.printer.status()
        if status is not None and status.state != self._last_state:
            self._last_state = status.state
            return status
        return None

    def _send_queued(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    return
                job, future, tries = self._jobs[0]
            try:
                outcome = self.printer.submit(job)
            except (PortLost, PortUnavailable):
                raise  # the worker reconnects; the job stays first in line, same key
            except DeviceError as exc:
                if tries + 1 < MAX_TRIES:
                    self._replace_head(job, future, tries + 1)
                    raise
                self._pop()
                future.set_exception(exc)
                continue
            self._pop()
            future.set_result(outcome)

    def _replace_head(self, job: PrintJob, future: Future[JobOutcome], tries: int) -> None:
        with self._lock:
            self._jobs[0] = (job, future, tries)

    def _pop(self) -> None:
        with self._lock:
            self._jobs.popleft()
