"""Run a driver on its own thread and hand its events to the GUI (callback or queue.Queue).

A worker opens the port (reconnecting with back-off whenever it vanishes), loops the driver's
``step``, delivers events, and keeps a :class:`Health` value for the device status strip. It
never dies silently: every failure goes to ``health.last_error`` and to the logger, and the
loop carries on. Work that must run on the device's thread (tare, print) goes through
:meth:`DeviceWorker.call`, which returns a ``concurrent.futures.Future``. Given a
:class:`~desktop.devices.tally.HealthTally`, it counts there every reading delivered (and
whether it is refused), every frame the driver rejected as garbled, and every reconnect.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from desktop.devices.errors import DeviceError, GarbledLink, PortLost, PortUnavailable
from desktop.devices.port import Port
from desktop.devices.tally import HealthTally

log = logging.getLogger(__name__)

E = TypeVar("E")
T = TypeVar("T")


@dataclass(frozen=True)
class Health:
    """What the status strip shows for one device."""

    name: str
    running: bool = False
    connected: bool = False
    last_error: str | None = None
    last_error_at: datetime | None = None
    last_frame_at: datetime | None = None
    events: int = 0
    reconnects: int = 0


class DeviceWorker(Generic[E]):
    """Owns a port on a thread: connect, ``on_connect()``, then ``step()`` until stopped.

    ``step`` returns an event or None (it should block at most about a poll interval);
    ``emit`` may also be called from inside ``step`` to deliver more than one event.

    ``tally`` counts the device's health: ``refusal(event)`` says whether a delivered event is
    a refused reading, ``rejected()`` is the driver's running count of frames it rejected as
    garbled (a garbled link raised with no frame rejected counts as one).
    """

    def __init__(
        self,
        name: str,
        port: Port,
        step: Callable[[], E | None],
        *,
        on_connect: Callable[[], None] | None = None,
        on_event: Callable[[E], None] | None = None,
        events: queue.Queue[E] | None = None,
        on_health: Callable[[Health], None] | None = None,
        interval: float = 0.0,
        tally: HealthTally | None = None,
        refusal: Callable[[E], bool] | None = None,
        rejected: Callable[[], int] | None = None,
    ) -> None:
        self.name = name
        self.port = port
        self._step = step
        self._on_connect = on_connect
        self._on_event = on_event
        self.events = events
        self._on_health = on_health
        self.interval = interval
        self._health = Health(name)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._calls: queue.Queue[tuple[Callable[[], Any], Future[Any]]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._connects = 0
        self.tally = tally
        self._refusal = refusal
        self._rejected = rejected
        self._seen_rejected = 0

    # -- control (any thread) ---------------------------------------------------------------

    @property
    def health(self) -> Health:
        with self._lock:
            return self._health

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"device-{self.name}", daemon=True)
        self._update(running=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("%s: worker did not stop within %.1f s", self.name, timeout)

    def call(self, fn: Callable[[], T]) -> Future[T]:
        """Run ``fn`` on the worker thread between two steps; its result comes in the future."""
        future: Future[T] = Future()
        if self._stop.is_set():
            future.set_exception(DeviceError(f"{self.name}: the device worker is stopped"))
            return future
        self._calls.put((fn, future))
        self._wake.set()
        return future

    def wake(self) -> None:
        """Cut a waiting interval short (new work was queued)."""
        self._wake.set()

    def emit(self, event: E) -> None:
        """Deliver one event to the callback and/or the queue; a failing callback is logged."""
        self._update_count()
        if self.tally is not None:
            self.tally.reading(refused=self._refusal(event) if self._refusal else False)
        if self.events is not None:
            self.events.put(event)
        if self._on_event is not None:
            try:
                self._on_event(event)
            except Exception as exc:
                log.exception("%s: event callback failed", self.name)
                self._error(f"event callback failed: {exc!r}")

    # -- the thread -------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                if not self.port.is_open and not self._connect():
                    continue
                self._run_calls()
                self._guarded(self._counted_step)
                if self.interval > 0 and not self._stop.is_set():
                    self._wake.wait(self.interval)
                    self._wake.clear()
        finally:
            self.port.close()
            self._fail_calls()
            self._update(running=False, connected=False)

    def _step_once(self) -> None:
        event = self._step()
        if event is not None:
            self.emit(event)

    def _counted_step(self) -> None:
        """One step; then the frames the driver rejected since the last step are counted."""
        if self.tally is None:
            self._step_once()
            return
        try:
            self._step_once()
        except GarbledLink:
            self.tally.garbled(max(self._newly_rejected(), 1))
            raise
        self.tally.garbled(self._newly_rejected())

    def _newly_rejected(self) -> int:
        """Frames the driver rejected since the last look (during steps and calls alike)."""
        if self._rejected is None:
            return 0
        seen, self._seen_rejected = self._seen_rejected, self._rejected()
        return self._seen_rejected - seen

    def _connect(self) -> bool:
        try:
            self.port.open()
        except PortUnavailable as exc:
            self._error(str(exc))
            if not self.port.reconnect(self._stop):
                return False
        self._connects += 1
        if self._connects > 1 and self.tally is not None:
            self.tally.reconnected()
        self._update(connected=True, reconnects=max(0, self._connects - 1))
        if self._on_connect is not None:
            self._guarded(self._on_connect)
        return self.port.is_open

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            action()
        except (PortLost, PortUnavailable) as exc:
            self.port.close()
            self._update(connected=False)
            self._error(str(exc))
            self._stop.wait(self.port.settings.reconnect_min)  # no spin on a flapping port
        except DeviceError as exc:
            self._error(str(exc))
            self._stop.wait(self.port.settings.poll_interval)
        except Exception as exc:
            log.exception("%s: unexpected failure in the device loop", self.name)
            self._error(f"unexpected failure: {exc!r}")
            self._stop.wait(self.port.settings.reconnect_max)

    def _run_calls(self) -> None:
        while True:
            try:
                fn, future = self._calls.get_nowait()
            except queue.Empty:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as exc:
                future.set_exception(exc)
                if isinstance(exc, PortLost | PortUnavailable):
                    self.port.close()
                    self._update(connected=False)
                    self._error(str(exc))

    def _fail_calls(self) -> None:
        while True:
            try:
                _fn, future = self._calls.get_nowait()
            except queue.Empty:
                return
            if future.set_running_or_notify_cancel():
                future.set_exception(DeviceError(f"{self.name}: the device worker stopped"))

    # -- health -----------------------------------------------------------------------------

    def _error(self, message: str) -> None:
        log.warning("%s", message if message.startswith(self.name) else f"{self.name}: {message}")
        self._update(last_error=message, last_error_at=datetime.now(UTC))

    def _update_count(self) -> None:
        with self._lock:
            h = self._health
            self._health = replace(h, events=h.events + 1, last_frame_at=datetime.now(UTC))

    def _update(self, **changes: Any) -> None:
        with self._lock:
            self._health = replace(self._health, **changes)
            health = self._health
        if self._on_health is not None:
            try:
                self._on_health(health)
            except Exception:
                log.exception("%s: health callback failed", self.name)
