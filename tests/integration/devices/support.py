"""Drivers against their simulators over real pseudo-terminals and TCP: no pyserial mocks."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from desktop.devices.port import Port
from desktop.devices.settings import PortSettings

FAST: dict[str, Any] = {
    "response_timeout": 0.3,
    "poll_interval": 0.02,
    "reconnect_min": 0.02,
    "reconnect_max": 0.1,
}


def fast(url: str, **changes: Any) -> PortSettings:
    """Port settings with short timeouts so the suite stays quick."""
    return PortSettings(url, **{**FAST, **changes})


def wait_for(
    condition: Callable[[], object], timeout: float = 5.0, what: str = "condition"
) -> None:
    """Poll ``condition`` until true; tests never assert on how long it took."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def read_until(port: Port, suffix: bytes, timeout: float = 5.0) -> bytes:
    """Read from ``port`` until the data ends with ``suffix``."""
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(suffix):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {suffix!r}, got {data!r}")
        data += port.read(0.05)
    return data
