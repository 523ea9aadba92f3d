"""The scanner driver against the scanner simulator over a real pty (and TCP)."""

from __future__ import annotations

import logging
import queue

import pytest

from desktop.devices.errors import GarbledLink
from desktop.devices.factory import scanner_from_config, scanner_worker
from desktop.devices.port import Port
from desktop.devices.scanner import ScanEvent, Scanner
from desktop.devices.sim import ScannerSim, load_profile, profile_from_dict
from tests.integration.devices.support import fast, wait_for

GS1 = "]d201095060001343521725123110ABC123<GS>21SN0001"


def read(scanner: Scanner, timeout: float = 2.0) -> ScanEvent:
    event = scanner.read_event(timeout)
    assert event is not None, "no scan arrived"
    return event


@pytest.mark.parametrize("terminator", ["CR", "LF", "CRLF"])
def test_gs1_scan_keeps_aim_id_and_gs(terminator: str) -> None:
    profile = profile_from_dict({"kind": "scanner", "device": {"terminator": terminator}})
    with ScannerSim(profile) as sim, Port(fast(sim.port_url, terminator=terminator)) as port:
        sim.scan(GS1)
        event = read(Scanner(port, device_id="bench-3"))
    assert event.aim_id == "]d2"
    assert event.text == "01095060001343521725123110ABC123\x1d21SN0001"
    assert event.raw == GS1.replace("<GS>", "\x1d").encode()
    assert event.device_id == "bench-3" and event.received_at.tzinfo is not None


def test_no_terminator_frames_by_inter_character_timeout() -> None:
    profile = load_profile("scanner-no-terminator")
    with ScannerSim(profile) as sim:
        port = Port(fast(sim.port_url, terminator="NONE", inter_char_timeout=0.05))
        port.open()
        scanner = Scanner(port)
        sim.scan("]C0+A123BJC5D6E71G")
        events = [read(scanner)]  # a person takes longer than 50 ms between two scans
        sim.scan("SECOND")
        events.append(read(scanner))
        port.close()
    assert [(e.aim_id, e.text) for e in events] == [("]C0", "+A123BJC5D6E71G"), (None, "SECOND")]


def test_garbage_and_partial_frames_between_good_ones(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="desktop.devices.scanner")
    with ScannerSim() as sim, Port(fast(sim.port_url, terminator="CR")) as port:
        scanner = Scanner(port)
        sim.scan("GOOD-1")
        sim.fault("garbage", value="\x00\xf8\x08\r\x1bpartial")
        sim.scan("-STILL-PARTIAL")  # joins the partial frame: control byte, rejected
        sim.scan("GOOD-2")
        texts = [read(scanner).text, read(scanner).text]
    assert texts == ["GOOD-1", "GOOD-2"]
    assert repr(b"\x00\xf8\x08") in caplog.text
    assert repr(b"\x1bpartial-STILL-PARTIAL") in caplog.text


def test_wrong_baud_rate_is_reported_with_the_configured_rate() -> None:
    with ScannerSim(load_profile("scanner-115200")) as sim:
        with Port(fast(sim.port_url, baudrate=9600, terminator="CR")) as port:
            scanner = Scanner(port, garble_threshold=24)
            with pytest.raises(GarbledLink) as caught:
                for n in range(40):
                    sim.scan(f"]d2010950600013435217251231{n:04d}")
                    scanner.read_event(0.05)
        assert "no valid frame in" in str(caught.value)
        assert "check baud rate (configured 9600)" in str(caught.value)
        right = fast(sim.port_url, baudrate=115200, terminator="CR")
        with Port(right) as port:  # the right rate reads fine
            sim.scan("OK")
            assert read(Scanner(port)).text == "OK"


def test_over_tcp() -> None:
    with ScannerSim(transport="tcp") as sim:
        assert sim.port_url.startswith("socket://127.0.0.1:")
        scanner = scanner_from_config({"url": sim.port_url, "terminator": "CR"})
        with scanner.port:
            wait_for(lambda: sim.endpoint.has_client, what="the connection")  # type: ignore[attr-defined]
            sim.scan("TCP-1")
            assert read(scanner).text == "TCP-1"


def test_worker_survives_an_unplug_and_carries_on() -> None:
    events: queue.Queue[ScanEvent] = queue.Queue()
    with ScannerSim() as sim:
        scanner = scanner_from_config(
            {"url": sim.port_url, "terminator": "CR", **_fast_table()}, device_id="scanner-A"
        )
        worker = scanner_worker(scanner, events=events)
        worker.start()
        try:
            wait_for(lambda: worker.health.connected, what="connect")
            sim.scan("BEFORE")
            assert events.get(timeout=2).text == "BEFORE"
            sim.unplug(0.3)
            wait_for(lambda: not worker.health.connected, what="disconnect noticed")
            wait_for(lambda: worker.health.connected, what="reconnect")
            sim.scan("AFTER")
            assert events.get(timeout=2).text == "AFTER"
            health = worker.health
            assert health.reconnects >= 1 and health.last_error
            assert "lost" in health.last_error or "cannot open" in health.last_error
            assert health.last_frame_at is not None and health.events == 2
        finally:
            worker.stop()
    assert not worker.health.running


def _fast_table() -> dict[str, float]:
    return {"timeout": 0.3, "poll_interval": 0.02, "reconnect_min": 0.02, "reconnect_max": 0.1}
