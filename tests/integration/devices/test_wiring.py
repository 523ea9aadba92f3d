"""The station's devices built from its configuration (desktop.wiring): simulators behind real
pseudo-terminals read by the real drivers, typed values to the sinks, and the scan path that
pairs two HIBC reads of one label."""

from __future__ import annotations

import queue
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from desktop.config import ConfigError, DeviceConfig, StationConfig, load_config
from desktop.devices import Health, ScanEvent, WeightReading
from desktop.domain.udi import hibc_check_character
from desktop.wiring import DeviceSinks, ScanPath, StationDevices, build_devices, keyboard_wedge
from tests.integration.devices.support import wait_for

PRIMARY = "+A123BJC5D6E71G"
SECONDARY = "+$$52001510X3G" + hibc_check_character("+$$52001510X3G")
S = 1_000_000_000


class Collected:
    def __init__(self) -> None:
        self.scans: queue.Queue[ScanEvent] = queue.Queue()
        self.weights: queue.Queue[WeightReading] = queue.Queue()
        self.health: dict[str, Health] = {}

    def sinks(self) -> DeviceSinks:
        return DeviceSinks(self.scans.put, self.weights.put, self.health.__setitem__)

    def scan(self) -> ScanEvent:
        return self.scans.get(timeout=5)


@pytest.fixture
def station() -> Any:
    made: list[StationDevices] = []

    def build(cfg: StationConfig) -> tuple[StationDevices, Collected]:
        got = Collected()
        devices = build_devices(cfg, got.sinks())
        made.append(devices)
        devices.start()
        wait_for(devices.connected, 10, "every device connected")
        return devices, got

    yield build
    for devices in made:
        devices.stop()


def test_simulated_station_delivers_typed_values_with_the_configured_device_ids(
    station: Any,
) -> None:
    devices, got = station(StationConfig(station="line-9"))
    assert devices.names == {
        "scanner": "line-9 scanner",
        "scale": "line-9 scale",
        "printer": "line-9 printer",
    }
    assert devices.simulators.scanner is not None and devices.simulators.scale is not None
    assert devices.label_printer is not None
    devices.simulators.scanner.scan("]d201095060001343521725123110ABC123<GS>21SN0001")
    scan = got.scan()
    assert (scan.device_id, scan.aim_id) == ("line-9 scanner", "]d2")
    assert scan.raw == b"]d201095060001343521725123110ABC123\x1d21SN0001"  # CR frames it
    assert scan.received_at.tzinfo is not None and scan.hibc_primary is None
    devices.simulators.scale.set_weight("12.5", settle=0)
    wait_for(lambda: not got.weights.empty(), 5, "a weight reading")
    reading = got.weights.get()
    assert reading.device_id == "line-9 scale" and reading.raw
    assert set(got.health) == {"scanner", "scale", "printer"}


def test_hibc_primary_and_secondary_read_over_the_wire_are_paired(station: Any) -> None:
    devices, got = station(StationConfig(station="line-9"))
    sim = devices.simulators.scanner
    sim.scan("]C0" + PRIMARY)
    sim.scan("]C0" + SECONDARY)
    first, second = got.scan(), got.scan()
    assert (first.text, first.hibc_primary) == (PRIMARY, None)
    assert (second.text, second.hibc_primary) == (SECONDARY, PRIMARY)
    assert second.raw == f"]C0{SECONDARY}".encode()  # nothing of the pair is in the frame


def test_configured_device_id_and_serial_number_reach_the_scan(station: Any) -> None:
    named = {"device_id": "bench-3 DS4308", "serial_number": "S1"}
    scanner = DeviceConfig("scanner", settings=named)
    cfg = StationConfig(station="line-9")
    devices, got = station(replace(cfg, devices={**cfg.devices, "scanner": scanner}))
    devices.simulators.scanner.scan("LOT-1")
    scan = got.scan()
    assert (scan.device_id, scan.serial_number, scan.text) == ("bench-3 DS4308", "S1", "LOT-1")


def test_a_wrong_device_setting_is_a_config_error_naming_the_device() -> None:
    cfg = StationConfig(station="line-9", source="station.toml")
    bad = DeviceConfig("scale", settings={"baud": "fast"})
    with pytest.raises(ConfigError, match=r"station.toml: \[devices.scale\]: .*baud"):
        build_devices(replace(cfg, devices={**cfg.devices, "scale": bad}), Collected().sinks())


def _read(text: str, device: str = "line-1 scanner", at: int = 0) -> ScanEvent:
    return ScanEvent(text, "]C0", device, datetime.now(UTC), at, f"]C0{text}\r".encode())


def test_scan_path_pairs_only_consecutive_reads_of_one_device_within_the_window() -> None:
    out: list[ScanEvent] = []
    path = ScanPath(out.append, window=10)
    path(_read(PRIMARY, at=0))
    path(_read(SECONDARY, at=9 * S))
    assert out[-1].hibc_primary == PRIMARY
    path(_read(SECONDARY, at=10 * S))  # the pair is used up: a second secondary stands alone
    assert out[-1].hibc_primary is None
    path(_read(PRIMARY, at=20 * S))
    path(_read(SECONDARY, at=31 * S))  # too late
    assert out[-1].hibc_primary is None
    path(_read(PRIMARY, at=40 * S))
    path(_read("LOT-9", at=41 * S))
    path(_read(SECONDARY, at=42 * S))  # not consecutive
    assert out[-1].hibc_primary is None
    path(_read(PRIMARY, device="qc-1 scanner", at=50 * S))
    path(_read(SECONDARY, device="line-1 scanner", at=51 * S))  # another device's primary
    assert out[-1].hibc_primary is None
    assert [e.raw for e in out] == [_read(e.text).raw for e in out]  # raw frames untouched


def test_the_keyboard_wedge_from_the_station_file(tmp_path: Any) -> None:
    station_file = tmp_path / "station.toml"
    station_file.write_text(
        'station = "line-9"\n[devices.wedge]\nprefix = "*"\nsuffix = "TAB"\n'
        'gs_substitute = "~"\nmax_gap_ms = 25\n',
        encoding="utf-8",
    )
    cfg = load_config(station_file, environ={})
    wedge = keyboard_wedge(cfg)
    assert wedge is not None and wedge.device_id == "keyboard-wedge scanner line-9"
    s = wedge.settings
    assert (s.prefix, s.suffix, s.gs_substitute, s.max_gap_ns) == ("*", "\t", "~", 25_000_000)
    assert not cfg.simulated or cfg.devices["scanner"].simulated  # the wedge is no port
    default = keyboard_wedge(StationConfig(station="line-9"))
    assert default is not None and default.settings.suffix == "\r"  # on by default, Enter
    assert keyboard_wedge(replace(cfg, wedge={"enabled": False})) is None


def test_a_wrong_wedge_setting_is_refused_before_any_simulator_starts() -> None:
    cfg = StationConfig(
        station="line-9", source="station.toml", wedge={"suffix": "ENTER", "gs_substitute": "\r"}
    )
    with pytest.raises(ConfigError, match=r"station.toml: \[devices.wedge\]: .*gs_substitute"):
        build_devices(cfg, Collected().sinks())
    with pytest.raises(
        ConfigError, match=r"\[devices.wedge\]: unknown keyboard-wedge setting 'gap'"
    ):
        build_devices(replace(cfg, wedge={"gap": 3}), Collected().sinks())
