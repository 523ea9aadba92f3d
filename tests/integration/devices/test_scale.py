"""The scale driver against the scale simulator: MT-SICS, Toledo continuous, Ohaus."""

from __future__ import annotations

import logging
import queue
from decimal import Decimal
from typing import Any

import pytest

from desktop.devices.errors import GarbledLink
from desktop.devices.factory import scale_from_config, scale_worker
from desktop.devices.port import Port
from desktop.devices.scale import Scale
from desktop.devices.sim import ScaleSim, load_profile, profile_from_dict
from desktop.devices.weights import WeightReading, WeightStatus
from tests.integration.devices.support import FAST, fast, wait_for


def sim_for(protocol: str = "mtsics", **device: Any) -> ScaleSim:
    return ScaleSim(
        profile_from_dict({"kind": "scale", "device": {"protocol": protocol, **device}})
    )


def test_unstable_then_settles_and_readings_carry_the_serial_number() -> None:
    with sim_for(settle_seconds=0.3) as sim, Port(fast(sim.port_url), device_id="scale-1") as port:
        scale = Scale(port, stable_timeout=3.0)
        scale.on_connect()
        sim.set_weight("125.40")
        moving = scale.read(stable=False)
        settled = scale.read(stable=True)
    assert moving.status is WeightStatus.UNSTABLE and not moving.stable
    assert (settled.status, settled.value, settled.unit) == (
        WeightStatus.STABLE, Decimal("125.40"), "g",
    )  # fmt: skip
    assert settled.serial_number == "B021002593" and settled.device_id == "scale-1"
    assert settled.raw == b"S S     125.40 g" and settled.gross


def test_a_scale_that_never_settles_answers_busy_as_a_value() -> None:
    with sim_for(stable_timeout=0.2) as sim, Port(fast(sim.port_url)) as port:
        sim.fault("unstable")
        reading = Scale(port, stable_timeout=2.0).read(stable=True)
    assert reading.status is WeightStatus.BUSY and reading.value is None
    assert "not stable in time" in reading.message


@pytest.mark.parametrize(
    ("fault", "status"),
    [("overload", WeightStatus.OVERLOAD), ("underload", WeightStatus.UNDERLOAD)],
)
def test_overload_and_underload_are_values(fault: str, status: WeightStatus) -> None:
    with sim_for() as sim, Port(fast(sim.port_url)) as port:
        sim.fault(fault)
        reading = Scale(port).read(stable=False)
        sim.fault("normal")
        after = Scale(port).read(stable=False)
    assert reading.status is status and reading.value is None and reading.message
    assert after.status is WeightStatus.STABLE


@pytest.mark.parametrize("profile", ["scale-mtsics", "scale-mtsics-alt"])
def test_tare_zero_and_reset_accept_both_reply_forms(profile: str) -> None:
    with ScaleSim(load_profile(profile)) as sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port, stable_timeout=2.0)
        sim.set_weight("50.00", settle=0.0)
        tare = scale.tare()
        net = scale.read()
        reset = scale.reset()
        sim.set_weight("0.00", settle=0.0)
        zero = scale.zero()
    assert tare.accepted and tare.value == Decimal("50.00") and tare.unit == "g"
    assert net.value == Decimal("0.00") and net.net
    assert reset.accepted and reset.text == "B021002593" == scale.serial_number
    assert zero.accepted


def test_zero_refused_while_unstable() -> None:
    with sim_for() as sim, Port(fast(sim.port_url)) as port:
        sim.fault("unstable")
        ack = Scale(port).zero()
    assert not ack.accepted and ack.status is WeightStatus.BUSY


def test_sir_stream_and_its_stop() -> None:
    with sim_for(update_hz=50) as sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port)
        scale.on_connect()
        scale.start_stream()
        readings = [scale.next_reading(1.0) for _ in range(5)]
        stop = scale.stop_stream()
    assert all(r is not None and r.stable for r in readings)
    assert stop is not None and stop.text == "B021002593"


def test_toledo_continuous_unstable_then_settles() -> None:
    with ScaleSim(load_profile("scale-toledo")) as sim:
        scale = scale_from_config({"url": sim.port_url, "protocol": "toledo", "checksum": True})
        with scale.port:
            sim.set_weight("12.345", settle=0.3)
            first = scale.read(stable=False, timeout=1.0)
            settled = scale.read(stable=True, timeout=3.0)
    assert first.unit == "kg" and first.tare == Decimal("0.000")
    assert (settled.status, settled.value) == (WeightStatus.STABLE, Decimal("12.345"))
    assert len(settled.raw) == 18


def test_toledo_stream_survives_garbage(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="desktop.devices.scale")
    with ScaleSim(load_profile("scale-toledo")) as sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port, protocol="toledo", checksum=True)
        assert scale.next_reading(1.0) is not None
        sim.fault("garbage", value="\x02\x99garbage\r\x7f")
        readings = [scale.next_reading(1.0) for _ in range(3)]
    assert all(r is not None and r.unit == "kg" for r in readings)
    assert "rejected frame" in caplog.text and "garbage" in caplog.text


def test_ohaus_on_request_and_unstable_as_a_value() -> None:
    sim = sim_for("ohaus", settle_seconds=0.2, stable_timeout=0.3)
    with sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port, protocol="ohaus", stable_timeout=0.5)
        sim.set_weight("7.25", settle=0.0)
        stable = scale.read(stable=True)
        sim.fault("unstable")
        moving = scale.read(stable=True)
    assert (stable.status, stable.value, stable.unit) == (WeightStatus.STABLE, Decimal("7.25"), "g")
    assert moving.status is WeightStatus.UNSTABLE and moving.value is not None


def test_wrong_baud_rate_is_reported_with_the_configured_rate() -> None:
    expected = r"no valid frame in \d+ bytes: check baud rate \(configured 9600\)"
    with (
        ScaleSim(load_profile("scale-19200")) as sim,
        Port(fast(sim.port_url)) as port,
        pytest.raises(GarbledLink, match=expected),
    ):
        Scale(port).read(stable=False)


def test_mtsics_over_tcp() -> None:
    with ScaleSim(transport="tcp") as sim, Port(fast(sim.port_url)) as port:
        assert Scale(port).identify() == "B021002593"


def test_worker_streams_reconnects_after_unplug_and_serves_commands() -> None:
    readings: queue.Queue[WeightReading] = queue.Queue()
    with sim_for(update_hz=20, weight="250.00") as sim:
        scale = scale_from_config({"url": sim.port_url, **FAST})
        worker = scale_worker(scale, on_event=readings.put)
        worker.start()
        try:
            assert readings.get(timeout=3).value == Decimal("250.00")
            sim.unplug(0.3)
            wait_for(lambda: not worker.health.connected, what="unplug noticed")
            wait_for(lambda: worker.health.connected, what="reconnect")
            while not readings.empty():
                readings.get_nowait()
            sim.set_weight("260.00", settle=0.0)
            wait_for(lambda: readings.get(timeout=3).value == Decimal("260.00"), what="new weight")
            ack = worker.call(scale.tare).result(timeout=3)
            assert ack.accepted and ack.value == Decimal("260.00")
            wait_for(lambda: readings.get(timeout=3).net, what="stream back after the tare")
        finally:
            worker.stop()
    assert worker.health.reconnects >= 1


def test_worker_reports_a_silent_scale_and_picks_it_up_when_switched_on() -> None:
    readings: queue.Queue[WeightReading] = queue.Queue()
    with sim_for(update_hz=20, weight="5.00") as sim:
        sim.fault("off")
        scale = scale_from_config({"url": sim.port_url, **FAST})
        worker = scale_worker(scale, silence_timeout=0.5, on_event=readings.put)
        worker.start()
        try:
            wait_for(lambda: worker.health.last_error is not None, what="an error")
            assert "no answer to 'I4'" in (worker.health.last_error or "")
            assert readings.empty() and worker.health.connected
            sim.fault("on")
            assert readings.get(timeout=5).value == Decimal("5.00")
            assert scale.serial_number == "B021002593"
        finally:
            worker.stop()
