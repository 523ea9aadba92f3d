"""The port: URLs through serial_for_url, raw trace, clear errors, reconnect with back-off."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from desktop.devices.errors import PortLost, PortUnavailable
from desktop.devices.port import Port
from desktop.devices.sim import ScannerSim
from desktop.devices.trace import EVENT, RX, TX, TraceRecord
from tests.integration.devices.support import fast, read_until, wait_for


def test_loop_url_echoes_and_traces_both_directions() -> None:
    records: list[TraceRecord] = []
    with Port(fast("loop://"), device_id="loop", trace=records.append) as port:
        port.write(b"ping\r")
        assert port.read(0.5) == b"ping\r"
    directions = [r.direction for r in records]
    assert directions == [EVENT, TX, RX, EVENT]
    assert records[1].data == records[2].data == b"ping\r"
    assert records[2].mono_ns >= records[1].mono_ns and records[2].at.tzinfo is not None


def test_trace_file_lines_are_timestamped_and_tagged(tmp_path: Path) -> None:
    path = tmp_path / "trace" / "scanner.log"
    with ScannerSim() as sim, Port(fast(sim.port_url), device_id="scan-1", trace=str(path)) as port:
        sim.scan("AB")
        wait_for(lambda: port.read(0.1) or path.read_text().count(" rx "), what="rx")
    lines = path.read_text().splitlines()
    assert any(" scan-1 rx 41 42 0d |AB.|" in line for line in lines)
    assert lines[0].split()[0].endswith("Z") and "opened" in lines[0]


def test_a_missing_device_says_what_to_check(tmp_path: Path) -> None:
    port = Port(fast(str(tmp_path / "ttyNOPE")), device_id="scale")
    with pytest.raises(PortUnavailable, match=r"scale: cannot open .*ttyNOPE.*plugged in"):
        port.open()


def test_a_refused_tcp_port_is_unavailable() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    with pytest.raises(PortUnavailable, match=r"socket://127\.0\.0\.1"):
        Port(fast(f"socket://127.0.0.1:{free}")).open()


def test_unplug_raises_port_lost_and_reconnect_finds_the_same_path() -> None:
    with ScannerSim() as sim:
        port = Port(fast(sim.port_url), device_id="scanner")
        port.open()
        first = sim.endpoint.slave_path  # type: ignore[attr-defined]
        sim.unplug(0.3)
        with pytest.raises(PortLost, match=r"connection to .* lost"):
            for _ in range(50):
                port.read(0.05)
        assert not port.is_open
        assert port.reconnect(timeout=5.0)
        sim.scan("BACK")
        assert read_until(port, b"BACK\r").endswith(b"BACK\r")
        assert port.settings.url == sim.port_url  # same path, a new pty pair behind it
        assert sim.endpoint.slave_path and first  # type: ignore[attr-defined]
        port.close()


def test_reconnect_gives_up_after_its_timeout(tmp_path: Path) -> None:
    port = Port(fast(str(tmp_path / "never")))
    assert port.reconnect(timeout=0.2) is False


def test_write_after_the_peer_vanished_is_port_lost() -> None:
    sim = ScannerSim(transport="tcp").start()
    port = Port(fast(sim.port_url))
    port.open()
    sim.stop()
    with pytest.raises(PortLost):
        for _ in range(50):
            port.write(b"x" * 1000)
            port.read(0.02)
