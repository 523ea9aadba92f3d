"""A device port opened from a URL with ``serial.serial_for_url``; drivers *have* one.

The port turns pyserial's exceptions into :mod:`desktop.devices.errors` with messages for
people, traces raw bytes when asked, and reconnects with exponential back-off when a device
vanishes and comes back. It is used from one thread at a time (the device's worker thread).
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import socket
import threading
import time
from types import TracebackType
from typing import Any

import serial

from desktop.devices.errors import DeviceTimeout, PortLost, PortUnavailable
from desktop.devices.settings import PortSettings
from desktop.devices.trace import EVENT, RX, TX, TraceRecord, TraceSink, make_trace

log = logging.getLogger(__name__)

READ_CHUNK = 4096


class Port:
    """One device link. ``read`` returns what has arrived (``b""`` on timeout); only I/O raises."""

    def __init__(
        self,
        settings: PortSettings,
        *,
        device_id: str | None = None,
        trace: TraceSink | str | None = None,
    ) -> None:
        self.settings = settings
        self.device_id = device_id or settings.url
        self._trace = make_trace(trace if trace is not None else settings.trace)
        self._serial: Any = None
        self.opened_count = 0

    # -- life cycle -------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._serial is not None

    def open(self) -> None:
        """Open the port; raises :class:`PortUnavailable` saying what to check."""
        if self._serial is not None:
            return
        s = self.settings
        try:
            self._serial = serial.serial_for_url(
                s.url,
                baudrate=s.baudrate,
                bytesize=s.bytesize,
                parity=s.parity,
                stopbits=s.stopbits,
                xonxoff=s.xonxoff,
                rtscts=s.rtscts,
                timeout=s.poll_interval,
                write_timeout=s.write_timeout,
                exclusive=_exclusive(s.url),
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            raise PortUnavailable(
                f"{self.device_id}: cannot open {s.describe()} ({exc}). Check that the device "
                "is plugged in and switched on, and that the port in the station configuration "
                "is right."
            ) from exc
        _no_delay(self._serial)
        self.opened_count += 1
        self._note(f"opened {s.describe()}")

    def close(self) -> None:
        """Close the port; never raises."""
        handle, self._serial = self._serial, None
        if handle is None:
            return
        try:
            handle.close()
        except Exception:  # a vanished device may fail to close: it is closed either way
            log.debug("%s: error while closing", self.device_id, exc_info=True)
        self._note("closed")

    def __enter__(self) -> Port:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- I/O --------------------------------------------------------------------------------

    def read(self, timeout: float | None = None) -> bytes:
        """Bytes that arrive within ``timeout`` seconds (default: one poll interval).

        Returns as soon as at least one byte is there, with whatever else is already waiting.
        """
        handle = self._require_open()
        deadline = time.monotonic() + (self.settings.poll_interval if timeout is None else timeout)
        try:
            while True:
                data = _drain(handle)
                if not data:
                    data = _wait_and_read(handle, deadline - time.monotonic())
                if data or time.monotonic() >= deadline:
                    break
        except (serial.SerialException, OSError) as exc:
            self._lost(f"read failed ({exc})")
        if data:
            self._record(RX, data)
        return bytes(data)

    def write(self, data: bytes) -> None:
        """Write and wait (at most ``write_timeout``) until the bytes have left the computer.

        Long data goes in chunks that each fit the write timeout at the line's speed, so a
        large label at 9600 baud does not time out while it is still flowing.
        """
        handle = self._require_open()
        self._record(TX, data)
        step = self._chunk_size()
        try:
            for start in range(0, len(data), step):
                handle.write(data[start : start + step])
            if not _drained(handle, time.monotonic() + self.settings.write_timeout):
                raise serial.SerialTimeoutException("output not drained")
        except serial.SerialTimeoutException as exc:
            raise DeviceTimeout(
                f"{self.device_id}: writing to {self.settings.describe()} timed out: the device "
                "is not accepting data. Check flow control (xonxoff/rtscts) and the cable."
            ) from exc
        except (serial.SerialException, OSError) as exc:
            self._lost(f"write failed ({exc})")

    def _chunk_size(self) -> int:
        s = self.settings
        if s.is_tcp:
            return 1 << 20
        bits = 1 + s.bytesize + (0 if s.parity == "N" else 1) + s.stopbits
        return max(64, int(s.baudrate / bits * s.write_timeout / 2))

    def discard_input(self) -> None:
        """Drop bytes that arrived but were not read yet (stale replies)."""
        handle = self._require_open()
        try:
            handle.reset_input_buffer()
        except (serial.SerialException, OSError) as exc:
            self._lost(f"flush failed ({exc})")

    # -- reconnect --------------------------------------------------------------------------

    def reconnect(self, stop: threading.Event | None = None, timeout: float | None = None) -> bool:
        """Close, then try to open again with back-off until it works, ``stop`` is set or
        ``timeout`` seconds pass. Returns whether the port is open."""
        self.close()
        delay = self.settings.reconnect_min
        deadline = None if timeout is None else time.monotonic() + timeout
        waiter = stop or threading.Event()
        while not waiter.is_set():
            try:
                self.open()
                return True
            except PortUnavailable as exc:
                log.info(
                    "%s: still unavailable, next try in %.2f s: %s", self.device_id, delay, exc
                )
            if deadline is not None:
                delay = min(delay, deadline - time.monotonic())
                if delay <= 0:
                    return False
            waiter.wait(delay)
            delay = min(delay * 2, self.settings.reconnect_max)
        return False

    # -- helpers ----------------------------------------------------------------------------

    def _require_open(self) -> Any:
        if self._serial is None:
            raise PortLost(f"{self.device_id}: port {self.settings.url} is not open")
        return self._serial

    def _lost(self, what: str) -> None:
        self.close()
        self._note(f"lost: {what}")
        raise PortLost(
            f"{self.device_id}: connection to {self.settings.url} lost: {what}. Check the cable "
            "and the device's power; it will be reconnected when it comes back."
        )

    def _record(self, direction: str, data: bytes) -> None:
        if self._trace is not None:
            self._trace(TraceRecord(self.device_id, direction, bytes(data)))

    def _note(self, note: str) -> None:
        if self._trace is not None:
            self._trace(TraceRecord(self.device_id, EVENT, b"", note))


def _wait_and_read(handle: Any, timeout: float) -> bytes:
    """Wait up to ``timeout`` for a first byte, then take what is there.

    Where the port has a file descriptor (a serial device, socket://) select() gives the exact
    timeout; otherwise (loop://, rfc2217://) a blocking read(1) waits one poll interval.
    """
    try:
        fd = handle.fileno()
    except (AttributeError, OSError, ValueError, serial.SerialException):
        fd = None
    if fd is None:
        waited: bytes = handle.read(1)
        return waited + _drain(handle) if waited else b""
    ready, _, _ = select.select([fd], [], [], max(timeout, 0.0))
    if not ready:
        return b""
    first: bytes = handle.read(1)  # a hung-up device is "readable" and fails here: PortLost
    return first + _drain(handle)


def _drain(handle: Any) -> bytes:
    """Everything already waiting, without blocking (socket:// reports at most 1 waiting)."""
    data = b""
    while len(data) < READ_CHUNK:
        waiting = handle.in_waiting
        if not waiting:
            break
        data += handle.read(min(waiting, READ_CHUNK))
    return data


def _drained(handle: Any, deadline: float) -> bool:
    """Wait until the output queue of a local serial line is empty; URLs (loop://, socket://,
    rfc2217://) have no such queue to wait for."""
    if not isinstance(handle, serial.Serial):
        return True
    while True:
        try:
            waiting = handle.out_waiting
        except (AttributeError, NotImplementedError, OSError, serial.SerialException):
            return True
        if not waiting:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.002)


def _no_delay(handle: Any) -> None:
    """socket://: send small commands (~HS after ~PS) at once, not after Nagle's delay."""
    sock = getattr(handle, "_socket", None)  # pyserial's socket:// keeps its socket there
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _exclusive(url: str) -> bool | None:
    """Lock local serial devices against a second program; URLs (socket://...) have no lock."""
    return True if os.name == "posix" and "://" not in url else None
