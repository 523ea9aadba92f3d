"""What the device workers count for the dashboard, with the real drivers against their
simulators over pseudo-terminals: readings, refused readings (a scale overloaded or still moving
after its stable timeout, a garbled frame) and reconnects after a lost port."""

from __future__ import annotations

import queue
from datetime import UTC, datetime

from desktop.devices.factory import (
    scale_from_config,
    scale_worker,
    scanner_from_config,
    scanner_worker,
)
from desktop.devices.scanner import ScanEvent
from desktop.devices.sim import ScaleSim, ScannerSim, profile_from_dict
from desktop.devices.tally import HealthTally
from desktop.devices.weights import WeightReading, WeightStatus
from tests.integration.devices.support import FAST, wait_for

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _drain(readings: queue.Queue[WeightReading]) -> list[WeightReading]:
    out = []
    while not readings.empty():
        out.append(readings.get_nowait())
    return out


def test_a_scale_counts_its_readings_an_overload_once_a_garbled_frame_and_a_reconnect() -> None:
    readings: queue.Queue[WeightReading] = queue.Queue()
    tally = HealthTally("line-1 scale", NOW)
    profile = {"kind": "scale", "device": {"update_hz": 20, "weight": "250.00"}}
    with ScaleSim(profile_from_dict(profile)) as sim:
        scale = scale_from_config({"url": sim.port_url, **FAST, "stable_timeout": 60})
        worker = scale_worker(scale, on_event=readings.put, tally=tally)
        worker.start()
        try:
            wait_for(lambda: tally.peek(NOW).readings >= 3, what="stable readings")
            assert tally.peek(NOW).refused == 0
            sim.fault("overload")
            wait_for(
                lambda: sum(r.status is WeightStatus.OVERLOAD for r in _drain(readings)) >= 1,
                what="an overload reading",
            )
            wait_for(lambda: tally.peek(NOW).refused == 1, what="the overload counted")
            seen = tally.peek(NOW).readings
            wait_for(lambda: tally.peek(NOW).readings >= seen + 5, what="more overload frames")
            assert tally.peek(NOW).refused == 1  # one episode, however many frames
            sim.fault("normal")
            sim.fault("garbage", value="\x80\x81\x82\r\n")  # no MT-SICS line
            wait_for(lambda: tally.peek(NOW).refused == 2, what="the garbled frame counted")
            sim.unplug(0.3)
            wait_for(lambda: not worker.health.connected, what="unplug noticed")
            wait_for(lambda: worker.health.connected, what="reconnect")
            seen = tally.peek(NOW).readings
            wait_for(lambda: tally.peek(NOW).readings > seen, what="readings after the reconnect")
        finally:
            worker.stop()
    counts = tally.take(NOW)
    assert counts.refused == 2
    assert counts.reconnects == worker.health.reconnects >= 1
    assert counts.readings == worker.health.events + 1  # every reading, and the garbled frame


def test_a_weight_still_moving_after_the_stable_timeout_is_one_refused_reading() -> None:
    tally = HealthTally("line-1 scale", NOW)
    profile = {"kind": "scale", "device": {"update_hz": 20, "weight": "250.00"}}
    with ScaleSim(profile_from_dict(profile)) as sim:
        scale = scale_from_config({"url": sim.port_url, **FAST, "stable_timeout": 0.3})
        worker = scale_worker(scale, tally=tally)
        worker.start()
        try:
            wait_for(lambda: tally.peek(NOW).readings >= 3, what="stable readings")
            sim.fault("unstable")
            wait_for(lambda: tally.peek(NOW).refused == 1, 10, what="the moving weight refused")
            seen = tally.peek(NOW).readings
            wait_for(lambda: tally.peek(NOW).readings >= seen + 10, what="still moving")
            assert tally.peek(NOW).refused == 1
        finally:
            worker.stop()


def test_a_scanner_counts_its_scans_and_a_garbled_frame_as_refused() -> None:
    events: queue.Queue[ScanEvent] = queue.Queue()
    tally = HealthTally("line-1 scanner", NOW)
    with ScannerSim() as sim:
        table = {"url": sim.port_url, "terminator": "CR", "poll_interval": 0.02}
        scanner = scanner_from_config(
            table | {"reconnect_min": 0.02, "reconnect_max": 0.1}, device_id="line-1 scanner"
        )
        worker = scanner_worker(scanner, events=events, tally=tally)
        worker.start()
        try:
            wait_for(lambda: worker.health.connected, what="connect")
            sim.scan("FIRST")
            assert events.get(timeout=3).text == "FIRST"
            sim.fault("garbage", value="\x01\x02\x03\r")
            wait_for(lambda: tally.peek(NOW).refused == 1, what="the garbled frame counted")
            sim.scan("SECOND")
            assert events.get(timeout=3).text == "SECOND"
        finally:
            worker.stop()
    counts = tally.take(NOW)
    assert (counts.readings, counts.refused, counts.reconnects) == (3, 1, 0)
