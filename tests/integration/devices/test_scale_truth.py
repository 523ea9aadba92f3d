"""Net or gross is what the scale says: the MT-SICS driver asks the tare register (TA) instead of
remembering its own commands; Toledo and Ohaus readings say it in every frame. Driver against
the simulator over real pseudo-terminals; the simulator follows the manual (``@`` returns the
balance to its power-on state: tare cleared, zero kept)."""

from __future__ import annotations

import logging
import queue
from decimal import Decimal
from typing import Any

import pytest

from desktop.devices.errors import DeviceTimeout
from desktop.devices.factory import scale_from_config, scale_worker
from desktop.devices.port import Port
from desktop.devices.scale import Scale
from desktop.devices.sim import ScaleSim, load_profile, profile_from_dict
from desktop.devices.weights import WeightReading, WeightStatus
from tests.integration.devices.support import FAST, fast, wait_for


def sim_for(
    protocol: str = "mtsics", replies: dict[str, str] | None = None, **device: Any
) -> ScaleSim:
    data: dict[str, Any] = {"kind": "scale", "device": {"protocol": protocol, **device}}
    if replies:
        data["replies"] = replies
    return ScaleSim(profile_from_dict(data))


def drain(readings: queue.Queue[WeightReading]) -> None:
    while not readings.empty():
        readings.get_nowait()


@pytest.mark.parametrize("profile", ["scale-mtsics", "scale-mtsics-alt"])
def test_a_tare_cleared_by_reset_is_reported_as_gross(profile: str) -> None:
    with ScaleSim(load_profile(profile)) as sim, Port(fast(sim.port_url)) as port:
        sim.set_weight("50.00", settle=0.0)
        scale = Scale(port, stable_timeout=2.0)
        scale.on_connect()
        before = scale.read()
        tared = scale.tare()
        net = scale.read()
        reset = scale.reset()
        at_once = scale.read(stable=False)  # SI: no check of its own, the reset's counts
        after = scale.read()
    assert before.gross and before.value == Decimal("50.00")
    assert tared.accepted and tared.value == Decimal("50.00")
    assert net.net and net.value == Decimal("0.00") and net.tare == Decimal("50.00")
    assert reset.accepted and reset.text == "B021002593"
    # The balance is back in its power-on state: the tare is gone, and the driver says so.
    assert sim.model.tare == Decimal(0)
    for reading in (at_once, after):
        assert reading.gross and not reading.net
        assert (reading.value, reading.tare) == (Decimal("50.00"), Decimal("0.00"))


def test_stopping_the_stream_clears_the_tare_and_the_readings_say_gross() -> None:
    with sim_for(update_hz=50) as sim, Port(fast(sim.port_url)) as port:
        sim.set_weight("80.00", settle=0.0)
        scale = Scale(port, stable_timeout=2.0)
        scale.on_connect()
        scale.start_stream()
        assert scale.tare().accepted
        streamed = scale.next_reading(1.0)
        stop = scale.stop_stream()  # MT-SICS "@"
        scale.start_stream()
        again = scale.next_reading(1.0)
    assert streamed is not None and streamed.net and streamed.value == Decimal("0.00")
    assert stop is not None and stop.accepted
    assert again is not None and again.gross and again.value == Decimal("80.00")


def test_the_worker_reports_gross_after_a_stop_and_start_of_the_stream() -> None:
    readings: queue.Queue[WeightReading] = queue.Queue()
    with sim_for(update_hz=20, weight="40.00") as sim:
        scale = scale_from_config({"url": sim.port_url, **FAST})
        worker = scale_worker(scale, on_event=readings.put)
        worker.start()
        try:
            assert readings.get(timeout=3).gross
            assert worker.call(scale.tare).result(timeout=3).accepted
            wait_for(lambda: readings.get(timeout=3).net, what="net readings after the tare")
            worker.call(scale.stop_stream).result(timeout=3)
            worker.call(scale.start_stream).result(timeout=3)
            drain(readings)
            reading = readings.get(timeout=3)
        finally:
            worker.stop()
    assert reading.gross and reading.value == Decimal("40.00")


def test_a_tare_keyed_on_the_balance_is_seen_when_the_weight_settles() -> None:
    with sim_for(update_hz=50, settle_seconds=0.3) as sim, Port(fast(sim.port_url)) as port:
        sim.set_weight("30.00", settle=0.0)
        scale = Scale(port, tare_check_interval=600.0)  # only the settling can trigger a check
        scale.on_connect()
        scale.start_stream()
        first = scale.next_reading(1.0)
        sim.fault("tare_key")  # on the balance: the driver sent nothing
        sim.set_weight("42.50")  # a part on the container: unstable, then stable
        settled = stable_after_a_movement(scale)
    assert first is not None and first.gross
    assert settled.net and settled.value == Decimal("12.50") and settled.tare == Decimal("30.00")


def test_a_zero_keyed_on_the_balance_is_seen_within_the_check_interval() -> None:
    # Container tared, then the zero key: the display stays 0.00, only the balance knows.
    with sim_for(update_hz=50, weight="25.00") as sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port, tare_check_interval=0.2)
        scale.on_connect()
        assert scale.tare().accepted
        scale.start_stream()
        tared = scale.next_reading(1.0)
        sim.fault("zero_key")
        wait_for(lambda: gross(scale.next_reading(1.0)), what="gross after the zero key")
    assert tared is not None and tared.net and tared.value == Decimal("0.00")


def test_after_a_reconnect_the_driver_asks_again() -> None:
    readings: queue.Queue[WeightReading] = queue.Queue()
    with sim_for(update_hz=20, weight="60.00") as sim:
        # Only the reconnect can trigger a check here.
        scale = Scale(Port(fast(sim.port_url)), tare_check_interval=600.0)
        worker = scale_worker(scale, on_event=readings.put)
        worker.start()
        try:
            assert worker.call(scale.tare).result(timeout=3).accepted
            wait_for(lambda: readings.get(timeout=3).net, what="net readings")
            sim.unplug(0.3)
            sim.fault("zero_key")  # pressed while the cable was out; the display stays 0.00
            wait_for(lambda: not worker.health.connected, what="unplug noticed")
            wait_for(lambda: worker.health.connected, what="reconnect")
            drain(readings)
            reading = readings.get(timeout=3)
        finally:
            worker.stop()
    assert reading.gross and reading.value == Decimal("0.00")


def test_a_refused_tare_leaves_what_the_balance_says() -> None:
    with sim_for(weight="20.00") as sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port, stable_timeout=2.0)
        scale.on_connect()
        assert scale.tare().accepted
        sim.fault("busy")
        refused = scale.tare()
        sim.fault("ready")
        after = scale.read()
    assert not refused.accepted and refused.status is WeightStatus.BUSY
    assert after.net and after.tare == Decimal("20.00")


def test_an_unanswered_tare_makes_net_or_gross_unknown_until_the_balance_says() -> None:
    with sim_for(weight="20.00") as sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port, stable_timeout=0.5)
        scale.on_connect()
        sim.fault("off")
        with pytest.raises(DeviceTimeout):
            scale.tare()
        unknown = scale.tare_register.net
        sim.fault("on")
        after = scale.read()
    assert unknown is None
    assert after.gross and after.value == Decimal("20.00")  # the tare never happened


def test_a_level_0_balance_cannot_say_net_or_gross(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="desktop.devices.scale")
    with sim_for(weight="15.00", sics_level=0) as sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port, stable_timeout=2.0)
        scale.on_connect()
        reading = scale.read()
        tare = scale.tare()
        reset = scale.reset()
        after = scale.read()
    assert reading.net is None and not reading.gross and reading.value == Decimal("15.00")
    assert not tare.accepted and "syntax error" in tare.message
    assert reset.accepted and after.net is None and not after.gross
    assert "net or gross not known: the balance does not know TA" in caplog.text


def test_the_si_s_reply_form() -> None:
    with sim_for(replies={"si_id": "SI"}, settle_seconds=0.5) as sim:
        with Port(fast(sim.port_url)) as port:
            scale = Scale(port)
            scale.on_connect()
            sim.set_weight("125.40")
            moving = scale.read(stable=False)
            sim.fault("settle")
            settled = scale.read(stable=False)
        readings: queue.Queue[WeightReading] = queue.Queue()
        worker = scale_worker(
            scale_from_config({"url": sim.port_url, **FAST}), stream=False, poll_every=0.02,
            on_event=readings.put,
        )  # fmt: skip
        worker.start()
        try:
            polled = readings.get(timeout=3)
        finally:
            worker.stop()
    assert moving.status is WeightStatus.UNSTABLE and moving.raw.startswith(b"SI D ")
    assert (settled.status, settled.value, settled.unit) == (
        WeightStatus.STABLE, Decimal("125.40"), "g",
    )  # fmt: skip
    assert settled.raw == b"SI S     125.40 g" and settled.gross
    assert polled.raw.startswith(b"SI S") and polled.value == Decimal("125.40")


def test_the_si_s_form_when_the_balance_is_busy_is_a_value() -> None:
    with sim_for(replies={"si_id": "SI"}) as sim, Port(fast(sim.port_url)) as port:
        sim.fault("busy")
        reading = Scale(port).read(stable=False)
    assert reading.status is WeightStatus.BUSY and reading.raw == b"SI I"


def test_ohaus_net_or_gross_comes_from_the_legend() -> None:
    with ScaleSim(load_profile("scale-ohaus")) as sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port, protocol="ohaus")
        sim.set_weight("9.50", settle=0.0)
        gross_line = scale.read(stable=False)
        sim.fault("tare_key")
        wait_for(lambda: scale.read(stable=False).net, what="NET on the line")
    assert gross_line.gross and gross_line.raw.endswith(b" G")


def test_ohaus_without_a_legend_does_not_say() -> None:
    with sim_for("ohaus", weight="9.50") as sim, Port(fast(sim.port_url)) as port:
        reading = Scale(port, protocol="ohaus").read(stable=False)
    assert reading.net is None and not reading.gross and reading.value == Decimal("9.50")


def test_ohaus_stable_request_is_not_answered_by_auto_print_output() -> None:
    sim = sim_for("ohaus", auto_print="continuous", update_hz=20, stable_timeout=3.0)
    with sim, Port(fast(sim.port_url)) as port:
        sim.set_weight("7.25", settle=0.4)  # the balance prints unstable lines meanwhile
        reading = Scale(port, protocol="ohaus", stable_timeout=3.0).read(stable=True)
    assert (reading.status, reading.value) == (WeightStatus.STABLE, Decimal("7.25"))


def test_toledo_net_comes_from_the_status_byte() -> None:
    with ScaleSim(load_profile("scale-toledo")) as sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port, protocol="toledo", checksum=True)
        sim.set_weight("4.000", settle=0.0)
        wait_for(lambda: gross(scale.next_reading(1.0)), what="a gross frame")
        sim.fault("tare_key")
        wait_for(lambda: is_net(scale.next_reading(1.0)), what="a net frame")
        reading = scale.read(stable=True, timeout=2.0)
    assert reading.net and reading.tare == Decimal("4.000") and reading.value == Decimal("0.000")


def test_the_serial_number_is_asked_again_after_a_reconnect() -> None:
    with sim_for() as sim, Port(fast(sim.port_url)) as port:
        scale = Scale(port)
        scale.on_connect()
        known = scale.serial_number
        sim.fault("off")  # perhaps another balance on the port now: it does not say who
        with pytest.raises(DeviceTimeout):
            scale.on_connect()
    assert known == "B021002593" and scale.serial_number is None


def stable_after_a_movement(scale: Scale) -> WeightReading:
    moved = False
    for _ in range(500):
        reading = scale.next_reading(1.0)
        if reading is not None:
            moved = moved or reading.status is WeightStatus.UNSTABLE
            if moved and reading.stable:
                return reading
    raise AssertionError("no movement, or no stable reading after it")


def gross(reading: WeightReading | None) -> bool:
    return reading is not None and reading.gross


def is_net(reading: WeightReading | None) -> bool:
    return reading is not None and reading.net is True
