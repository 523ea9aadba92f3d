"""What every simulator shares: the endpoint, its thread, the baud model, and fault timing."""

from __future__ import annotations

import functools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from desktop.devices.sim.endpoint import Endpoint, PtyEndpoint, TcpEndpoint, resolve_transport
from desktop.devices.sim.profile import Fault, Profile
from desktop.devices.sim.uart import garble

log = logging.getLogger(__name__)

TICK = 0.02  # longest the loop sleeps when nothing is due


class Simulator:
    """Base of the three simulators: ``start()``, ``stop()``, ``port_url``, ``fault(...)``.

    ``transport`` is ``"pty"`` (``link`` chooses the stable path, else a temporary one),
    ``"tcp"`` (``tcp_port`` 0 picks a free port) or ``"auto"`` (the default: a pty where this
    computer has them, else TCP; see :func:`~desktop.devices.sim.endpoint.default_transport`).
    Subclasses implement ``_received``
    (bytes from the driver), ``_tick`` (timed output) and ``_apply`` (one fault action).
    """

    kind = "device"

    def __init__(
        self,
        profile: Profile,
        *,
        transport: str = "auto",
        tcp_port: int = 0,
        link: str | Path | None = None,
    ) -> None:
        transport = resolve_transport(transport)
        self.transport = transport
        self.profile = profile
        self.endpoint: Endpoint = PtyEndpoint(link) if transport == "pty" else TcpEndpoint(tcp_port)
        self.lock = threading.RLock()
        self.counters: dict[str, int] = {}
        # Benchmark hook: called with (bytes written, monotonic ns just before the write).
        self.on_write: Callable[[bytes, int], None] | None = None
        self._calls: queue.Queue[tuple[Callable[[], None], threading.Event]] = queue.Queue()
        self._pending = list(profile.faults)
        self._replug_at: float | None = None
        self._running = threading.Event()
        self._thread: threading.Thread | None = None
        self.started_at = 0.0

    # -- life cycle -------------------------------------------------------------------------

    @property
    def port_url(self) -> str:
        """What a driver opens: the pty's stable link path, or ``socket://127.0.0.1:PORT``."""
        return self.endpoint.url

    def start(self) -> Self:
        self.endpoint.start()
        self.started_at = time.monotonic()
        self._running.set()
        self._thread = threading.Thread(target=self._loop, name=f"sim-{self.kind}", daemon=True)
        self._thread.start()
        log.info("%s simulator (%s) on %s", self.kind, self.profile.name, self.port_url)
        return self

    def stop(self) -> None:
        self._running.clear()
        self.endpoint.wake()
        if self._thread is not None:
            self._thread.join(5.0)
        self.endpoint.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- faults -----------------------------------------------------------------------------

    def fault(self, action: str, *, duration: float | None = None, value: Any = None) -> None:
        """Apply one action now (same names as in profiles), on the simulator's thread."""
        fault = Fault(action.replace("-", "_"), duration=duration, value=_text(value))
        self.in_loop(lambda: self._dispatch(fault))

    def unplug(self, seconds: float | None = None) -> None:
        """Pull the cable; plug it back after ``seconds`` (never, if None, until ``plug()``)."""
        self.fault("disconnect", duration=seconds)

    def plug(self) -> None:
        self.fault("connect")

    def in_loop(self, fn: Callable[[], None], timeout: float = 5.0) -> None:
        """Run ``fn`` on the simulator thread and wait for it (endpoint calls must be there);
        an exception it raises is raised here."""
        thread = self._thread
        if thread is None or not thread.is_alive() or threading.current_thread() is thread:
            fn()
            return
        done = threading.Event()
        failure: list[Exception] = []

        def call() -> None:
            try:
                fn()
            except Exception as exc:
                failure.append(exc)

        self._calls.put((call, done))
        self.endpoint.wake()
        if not done.wait(timeout):
            raise TimeoutError(f"{self.kind} simulator did not run the action in {timeout} s")
        if failure:
            raise failure[0]

    def _dispatch(self, fault: Fault) -> None:
        log.info("%s simulator: %s", self.kind, fault)
        if fault.action == "disconnect":
            self.endpoint.unplug()
            self._on_unplug()
            self._replug_at = None if fault.duration is None else time.monotonic() + fault.duration
        elif fault.action == "connect":
            self.endpoint.plug()
            self._replug_at = None
        elif fault.action == "garbage":
            self.send((fault.value or "").encode("latin-1"), raw=True)
        else:
            with self.lock:
                self._apply(fault)
            if fault.duration is not None:
                end = Fault(_END.get(fault.action, "normal"), at=self._elapsed() + fault.duration)
                with self.lock:
                    self._pending.append(end)

    def _elapsed(self) -> float:
        return time.monotonic() - self.started_at

    def count(self, event: str, by: int = 1) -> None:
        """Advance an event counter; faults waiting for ``after`` that count fire now."""
        with self.lock:
            self.counters[event] = self.counters.get(event, 0) + by
            due = [
                f for f in self._pending
                if f.after is not None and f.event == event and self.counters[event] >= f.after
            ]  # fmt: skip
            for fault in due:
                self._pending.remove(fault)
        for fault in due:
            self.in_loop(functools.partial(self._dispatch, replace(fault, after=None)))

    # -- I/O --------------------------------------------------------------------------------

    def send(self, data: bytes, *, raw: bool = False) -> int:
        """Put bytes on the line (through the baud model unless ``raw``)."""
        line = data if raw else self._line(data, outgoing=True)
        stamp = time.monotonic_ns()  # just before the bytes go to the kernel
        written = self.endpoint.write(line)
        if self.on_write is not None and written:
            self.on_write(line, stamp)
        return written

    def _line(self, data: bytes, *, outgoing: bool) -> bytes:
        """The baud model: at a baud rate other than the device's, both directions garble."""
        own = int(getattr(self.profile.device, "baud", 0) or 0)
        peer = self.endpoint.peer_baud()
        if not own or peer is None or peer == own:
            return data
        return garble(data, own, peer) if outgoing else garble(data, peer, own)

    # -- the loop ---------------------------------------------------------------------------

    def _loop(self) -> None:
        while self._running.is_set():
            now = time.monotonic()
            data = self.endpoint.read(max(0.0, min(TICK, self._due_in(now))))
            try:
                if data:  # what came down the line first, then the actions asked for since
                    incoming = self._line(data, outgoing=False)
                    with self.lock:
                        self._received(incoming)
                self._run_calls()
                with self.lock:
                    self._tick(time.monotonic())
                self._timed_faults(time.monotonic())
            except Exception:  # a simulator bug must not look like a device that went away
                log.exception("%s simulator: error in the loop", self.kind)

    def _run_calls(self) -> None:
        while True:
            try:
                fn, done = self._calls.get_nowait()
            except queue.Empty:
                return
            try:
                fn()
            except Exception:
                log.exception("%s simulator: action failed", self.kind)
            finally:
                done.set()

    def _timed_faults(self, now: float) -> None:
        if self._replug_at is not None and now >= self._replug_at:
            self._replug_at = None
            self.endpoint.plug()
        elapsed = now - self.started_at
        with self.lock:
            due = [f for f in self._pending if f.at is not None and elapsed >= f.at]
            for fault in due:
                self._pending.remove(fault)
        for fault in due:
            self._dispatch(replace(fault, at=None))

    def _due_in(self, now: float) -> float:
        """Seconds until the subclass has timed output due (override for faster streams)."""
        return TICK

    # -- for subclasses ---------------------------------------------------------------------

    def _received(self, data: bytes) -> None:
        """Bytes the driver sent."""

    def _tick(self, now: float) -> None:
        """Timed output (streams, settling)."""

    def _on_unplug(self) -> None:
        """The cable was pulled: forget partial input."""

    def _apply(self, fault: Fault) -> None:
        raise ValueError(f"{self.kind} simulator: unknown action {fault.action!r}")


# What undoes an action that was given a duration in a profile.
_END = {"unstable": "settle", "busy": "ready", "overload": "normal", "underload": "normal"}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
