"""Scanner decoding without I/O: AIM ids kept, GS kept, garbage rejected and logged."""

from __future__ import annotations

import logging

import pytest

from desktop.devices.scanner import ScanDecoder, decode_frame

GS1 = b"]d201095060001343521725123110ABC123\x1d21SN0001"


def test_aim_identifier_is_split_off_and_gs_kept() -> None:
    decoded = decode_frame(GS1)
    assert isinstance(decoded, tuple)
    text, aim = decoded
    assert aim == "]d2"
    assert text == "01095060001343521725123110ABC123\x1d21SN0001"


def test_plain_text_has_no_aim_id_and_a_bracket_alone_is_data() -> None:
    assert decode_frame(b"ABC-123") == ("ABC-123", None)
    assert decode_frame(b"]") == ("]", None)


@pytest.mark.parametrize(
    ("frame", "why"),
    [(b"\x00\x00AB", "control bytes 0x00"), (b"\xff\xfe", "not text"), (b"", "empty")],
)
def test_rejections_say_why(frame: bytes, why: str) -> None:
    result = decode_frame(frame)
    assert isinstance(result, str) and why in result


def test_iso15434_separators_are_data() -> None:
    assert decode_frame(b"[)>\x1e06\x1dS123\x1e\x04") == ("[)>\x1e06\x1dS123\x1e\x04", None)


def test_events_carry_raw_bytes_and_both_times() -> None:
    decoder = ScanDecoder("scanner-1", terminator=b"\r")
    events, problem = decoder.feed(GS1 + b"\r", 42)
    assert problem is None and len(events) == 1
    event = events[0]
    assert event.raw == GS1 and event.received_ns == 42 and event.device_id == "scanner-1"
    assert event.received_at.tzinfo is not None
    assert event.symbol_text == GS1.decode()


def test_garbage_between_good_frames_is_logged_with_its_bytes(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="desktop.devices.scanner")
    decoder = ScanDecoder("scanner-1", terminator=b"\r")
    events, _ = decoder.feed(b"GOOD1\r\x00\xf8\x08\r\x1bxx\rGOOD2\r", 0)
    assert [e.text for e in events] == ["GOOD1", "GOOD2"]
    assert repr(b"\x00\xf8\x08") in caplog.text
    assert repr(b"\x1bxx") in caplog.text


def test_endless_garbage_reports_the_baud_rate(caplog: pytest.LogCaptureFixture) -> None:
    decoder = ScanDecoder("scanner-1", terminator=b"\r", baudrate=9600, garble_threshold=32)
    problem = None
    for _ in range(10):
        _, problem = decoder.feed(b"\x00\xe5\xff\x00\x98", 0)
        if problem:
            break
    assert problem is not None
    assert "no valid frame in" in problem and "check baud rate (configured 9600)" in problem


def test_long_valid_scan_in_flight_is_not_garbage() -> None:
    decoder = ScanDecoder("scanner-1", terminator=b"\r\n", garble_threshold=16)
    events, problem = decoder.feed(b"0" * 100 + b"\r", 0)
    assert (events, problem) == ([], None)
    events, problem = decoder.feed(b"\n", 0)
    assert len(events) == 1 and problem is None
