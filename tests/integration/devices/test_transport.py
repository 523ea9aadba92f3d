"""Where pseudo-terminals do not exist (Windows bench PCs), simulators serve on TCP by themselves,
and the real drivers read them there; LOTLINE_NO_PTY=1 makes a Linux computer behave so."""

from __future__ import annotations

import queue
from decimal import Decimal

import pytest

from desktop.devices.factory import scale_from_config, scale_worker, scanner_from_config
from desktop.devices.settings import PortSettings, port_name_problem
from desktop.devices.sim import ScaleSim, ScannerSim, make_simulator
from desktop.devices.sim.endpoint import NO_PTY_ENV, default_transport, pty_available
from desktop.devices.weights import WeightReading
from tests.integration.devices.support import FAST


def test_without_ptys_the_choice_is_tcp() -> None:
    assert pty_available({}) and default_transport({}) == "pty"  # this Linux computer
    assert not pty_available({NO_PTY_ENV: "1"})
    assert default_transport({NO_PTY_ENV: "1"}) == "tcp"


def test_simulators_pick_tcp_by_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_PTY_ENV, "1")
    for kind in ("scanner", "scale", "printer"):
        sim = make_simulator(kind)
        assert sim.transport == "tcp"
        with sim:
            assert sim.port_url.startswith("socket://127.0.0.1:")


def test_asking_for_a_pty_where_there_is_none_is_refused_clearly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(NO_PTY_ENV, "1")
    with pytest.raises(ValueError, match=r"no pseudo-terminals.*run the simulator on TCP"):
        ScannerSim(transport="pty")
    with pytest.raises(ValueError, match="use 'auto', 'pty' or 'tcp'"):
        ScannerSim(transport="usb")


def test_a_scan_right_after_the_driver_connects_arrives_over_tcp(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A driver whose connect() returned is connected: the first scan is not lost, even when
    the simulator's loop has not yet taken the connection (as the station does at start)."""
    monkeypatch.setenv(NO_PTY_ENV, "1")
    for attempt in range(20):
        with ScannerSim() as sim:
            scanner = scanner_from_config({"url": sim.port_url, "terminator": "CR"})
            with scanner.port:
                sim.scan(f"]C0LOT-{attempt}")
                event = scanner.read_event(2.0)
        assert event is not None, f"attempt {attempt}: the scan was lost"
        assert (event.aim_id, event.text) == ("]C0", f"LOT-{attempt}")


def test_the_scale_worker_streams_weights_over_tcp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_PTY_ENV, "1")
    readings: queue.Queue[WeightReading] = queue.Queue()
    with ScaleSim() as sim:
        sim.set_weight("250.00", settle=0)
        worker = scale_worker(scale_from_config({"url": sim.port_url, **FAST}), events=readings)
        worker.start()
        try:
            reading = readings.get(timeout=5)
        finally:
            worker.stop()
    assert reading.value == Decimal("250.00")


@pytest.mark.parametrize(
    ("url", "os_name", "says"),
    [
        ("COM4", "posix", "is a Windows port name"),
        (r"\\.\COM12", "posix", "is a Windows port name"),
        ("/dev/ttyUSB0", "nt", "is a Linux device path: on Windows serial ports are COM1"),
    ],
)
def test_a_port_name_of_the_other_platform_is_named(url: str, os_name: str, says: str) -> None:
    problem = port_name_problem(url, os_name)
    assert problem is not None and says in problem and url in problem


@pytest.mark.parametrize(
    ("url", "os_name"),
    [("COM4", "nt"), ("/dev/ttyUSB0", "posix"), ("socket://10.0.0.20:9100", "nt")],
)
def test_port_names_of_this_platform_pass(url: str, os_name: str) -> None:
    assert port_name_problem(url, os_name) is None


def test_a_station_file_with_a_windows_port_is_refused_here() -> None:
    with pytest.raises(ValueError, match='"COM4" is a Windows port name'):
        PortSettings.from_mapping({"url": "COM4", "baud": 9600})
