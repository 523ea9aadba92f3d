"""The worker never dies silently: failures go to health.last_error and the log."""

from __future__ import annotations

import itertools
import logging
import queue

import pytest

from desktop.devices.errors import DeviceError, DeviceTimeout
from desktop.devices.port import Port
from desktop.devices.worker import DeviceWorker, Health
from tests.integration.devices.support import fast, wait_for


def test_a_failing_step_and_a_failing_callback_do_not_stop_the_loop(
    caplog: pytest.LogCaptureFixture,
) -> None:
    counter = itertools.count(1)

    def step() -> int | None:
        n = next(counter)
        if n == 2:
            raise RuntimeError("driver bug")
        if n == 3:
            raise DeviceTimeout("scale: no answer")
        return n if n < 8 else None

    delivered: list[int] = []

    def on_event(n: int) -> None:
        if n == 4:
            raise ValueError("GUI bug")
        delivered.append(n)

    health: list[Health] = []
    worker = DeviceWorker("dev", Port(fast("loop://", reconnect_max=0.05)), step,
                          on_event=on_event, on_health=health.append)  # fmt: skip
    worker.start()
    try:
        wait_for(lambda: 7 in delivered, what="events after the failures")
    finally:
        worker.stop()
    assert delivered == [1, 5, 6, 7]
    assert "driver bug" in caplog.text and "GUI bug" in caplog.text
    assert any(h.last_error and "no answer" in h.last_error for h in health)
    assert worker.health.events == 5 and not worker.health.running  # 1, 4, 5, 6, 7
    assert any(r.levelno == logging.ERROR and r.exc_info for r in caplog.records)


def test_call_runs_on_the_worker_thread_and_queue_delivery() -> None:
    events: queue.Queue[str] = queue.Queue()
    port = Port(fast("loop://"))

    def step() -> str | None:
        return "rx" if port.read(0.01) else None

    def write() -> str:
        port.write(b"x")
        return "written"

    worker: DeviceWorker[str] = DeviceWorker("dev", port, step, events=events)
    worker.start()
    try:
        wait_for(lambda: worker.health.connected)
        assert worker.call(write).result(timeout=2) == "written"
        assert events.get(timeout=2) == "rx"
        failing = worker.call(lambda: (_ for _ in ()).throw(DeviceError("refused")))
        with pytest.raises(DeviceError, match="refused"):
            failing.result(timeout=2)
    finally:
        worker.stop()
    late = worker.call(lambda: None)
    with pytest.raises(DeviceError, match="stopped"):
        late.result(timeout=1)


def test_an_absent_device_keeps_trying_and_says_why(tmp_path: object) -> None:
    worker: DeviceWorker[None] = DeviceWorker(
        "scanner", Port(fast("/nonexistent/ttyX"), device_id="scanner"), lambda: None
    )
    worker.start()
    try:
        wait_for(lambda: worker.health.last_error is not None, what="an error")
        health = worker.health
        assert health.running and not health.connected
        assert (
            health.last_error is not None and "cannot open /nonexistent/ttyX" in health.last_error
        )
    finally:
        worker.stop()
