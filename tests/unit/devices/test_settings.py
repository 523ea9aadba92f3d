"""PortSettings: one frozen value from a config table, with errors that say what to fix."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.devices.settings import PortSettings


def test_from_mapping_reads_station_spellings() -> None:
    s = PortSettings.from_mapping(
        {
            "url": "/dev/ttyUSB0",
            "baud": 19200,
            "data_bits": 7,
            "parity": "even",
            "stop_bits": 2,
            "flow_control": "rtscts",
            "terminator": "crlf",
            "inter_char_timeout_ms": 30,
            "timeout": 0.5,
            "protocol": "mtsics",  # a driver key: left to the driver
        }
    )
    assert (s.baudrate, s.bytesize, s.parity, s.stopbits) == (19200, 7, "E", 2)
    assert (s.rtscts, s.xonxoff) == (True, False)
    assert s.terminator_bytes == b"\r\n"
    assert s.inter_char_timeout == pytest.approx(0.03)
    assert s.response_timeout == 0.5
    assert s.describe() == "/dev/ttyUSB0 19200 7E2"


@pytest.mark.parametrize(("given", "expected"), [("CR", b"\r"), ("LF", b"\n"), ("none", b"")])
def test_terminators(given: str, expected: bytes) -> None:
    assert PortSettings.from_mapping({"url": "loop://", "terminator": given}).terminator_bytes == (
        expected
    )


def test_settings_are_frozen() -> None:
    s = PortSettings("loop://")
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.baudrate = 1  # type: ignore[misc]


def test_a_typo_is_refused_with_the_known_keys() -> None:
    with pytest.raises(ValueError, match=r"unknown device setting 'buad'.*baud"):
        PortSettings.from_mapping({"url": "COM4", "buad": 9600})


def test_url_is_required() -> None:
    with pytest.raises(ValueError, match="need a 'url'"):
        PortSettings.from_mapping({"baud": 9600})


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"baud": 0}, "baud rate 0 must be positive"),
        ({"data_bits": 9}, "data bits 9"),
        ({"parity": "odd-ish"}, "parity 'ODD-ISH'"),
        ({"stop_bits": 3}, "stop bits 3"),
        ({"terminator": "ETX"}, "terminator 'ETX'"),
        ({"xonxoff": True, "rtscts": True}, "choose one flow control"),
        ({"flow_control": "dtr"}, "flow_control 'dtr'"),
        ({"baud": "fast"}, "baudrate must be a number"),
        ({"rtscts": "yes"}, "rtscts must be true or false"),
    ],
)
def test_bad_values_say_what_is_wrong(table: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PortSettings.from_mapping({"url": "/dev/ttyS0", **table})


def test_tcp_urls_are_described_without_line_settings() -> None:
    s = PortSettings("socket://10.0.0.20:9100")
    assert s.is_tcp and s.describe() == "socket://10.0.0.20:9100"
