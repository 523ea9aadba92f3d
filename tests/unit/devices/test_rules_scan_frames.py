"""Scanner frames at each edge: which characters are control bytes (C0, DEL, C1) and which
separators are barcode data, the AIM identifier form (ISO/IEC 15424), the exact refusals, and
the decoder's garbage accounting."""

from __future__ import annotations

import logging

import pytest

from desktop.devices.scanner import ScanDecoder, ScanEvent, _is_control, _is_garbage, decode_frame

MS = 1_000_000


@pytest.mark.parametrize(
    ("code", "control"),
    [
        (0x00, True),
        (0x03, True),
        (0x04, False),  # EOT: ISO/IEC 15434 envelope
        (0x05, True),
        (0x1B, True),
        (0x1C, False),  # FS
        (0x1D, False),  # GS: GS1 FNC1
        (0x1E, False),  # RS
        (0x1F, True),
        (0x20, False),
        (0x7E, False),
        (0x7F, True),  # DEL
        (0x80, True),  # C1 controls
        (0x9F, True),
        (0xA0, False),
        (0xE9, False),
    ],
)
def test_which_characters_are_control_bytes(code: int, control: bool) -> None:
    assert _is_control(chr(code)) is control


def test_control_bytes_are_named_once_each_in_order() -> None:
    assert decode_frame(b"A\x07B\x00C\x07\x7f") == (
        "control bytes 0x00, 0x07, 0x7f are not barcode data"
    )
    assert decode_frame("A\u0085".encode()) == "control bytes 0x85 are not barcode data"


def test_text_that_is_not_utf8_says_where() -> None:
    assert decode_frame(b"AB\xffC") == "not text (invalid start byte at byte 2)"
    assert decode_frame(b"") == "empty frame"


@pytest.mark.parametrize(
    ("frame", "decoded"),
    [
        (b"]d2010950600013435", ("010950600013435", "]d2")),
        (b"]C1010950600013435", ("010950600013435", "]C1")),
        (b"]Q3ABC", ("ABC", "]Q3")),
        (b"]e0X", ("X", "]e0")),
        (b"]d2", ("", "]d2")),
        (b"]1aABC", ("]1aABC", None)),  # a digit cannot start the symbology letter
        (b"]d-ABC", ("]d-ABC", None)),
        (b"x]d2ABC", ("x]d2ABC", None)),  # only at the start
        ("]d2Zoë".encode(), ("Zoë", "]d2")),
    ],
)
def test_the_aim_identifier_is_three_characters_at_the_start(
    frame: bytes, decoded: tuple[str, str | None]
) -> None:
    assert decode_frame(frame) == decoded


@pytest.mark.parametrize(
    ("pending", "garbage"),
    [
        (b"", False),
        (b"0109506", False),
        (b"\xe2\x82", False),  # the first bytes of a UTF-8 character: more may come
        (b"ABC\r\n", False),
        (b"AB\x1d21", False),
        (b"\xff", True),
        (b"AB\x00", True),
        (b"AB\x1b", True),
    ],
)
def test_what_pending_bytes_can_never_become_a_scan(pending: bytes, garbage: bool) -> None:
    assert _is_garbage(pending) is garbage


def test_the_decoder_s_defaults_and_settings() -> None:
    plain = ScanDecoder("scanner")
    assert plain.framer.terminator == b"\r" and plain.framer.idle_ns == 50 * MS
    assert (plain.watch.baudrate, plain.watch.base_threshold, plain.watch.device_id) == (
        9600,
        64,
        "scanner",
    )
    set_up = ScanDecoder(
        "line-1 scanner",
        terminator=b"",
        idle_ns=20 * MS,
        baudrate=115200,
        garble_threshold=16,
        serial_number="S/N 4711",
    )
    assert set_up.framer.terminator == b"" and set_up.framer.idle_ns == 20 * MS
    assert (set_up.watch.baudrate, set_up.watch.base_threshold) == (115200, 16)
    assert set_up.device_id == "line-1 scanner" and set_up.serial_number == "S/N 4711"


def test_an_event_carries_the_device_its_serial_and_the_frame_as_received() -> None:
    decoder = ScanDecoder("line-1 scanner", terminator=b"\r\n", serial_number="S/N 4711")
    events, problem = decoder.feed(b"]d2ABC\x1d21X\r\n", 7)
    assert problem is None
    (event,) = events
    assert event == ScanEvent(
        text="ABC\x1d21X",
        aim_id="]d2",
        device_id="line-1 scanner",
        received_at=event.received_at,
        received_ns=7,
        raw=b"]d2ABC\x1d21X",
        serial_number="S/N 4711",
        hibc_primary=None,
    )
    assert event.received_at.utcoffset() is not None
    assert event.symbol_text == "]d2ABC\x1d21X"
    assert ScanDecoder("s").feed(b"ABC\r", 0)[0][0].symbol_text == "ABC"


def test_without_a_terminator_a_scan_ends_when_the_line_goes_quiet() -> None:
    decoder = ScanDecoder("scanner", terminator=b"", idle_ns=20 * MS)
    assert decoder.feed(b"ABC", 0) == ([], None)
    assert decoder.flush(19 * MS) == ([], None)
    events, problem = decoder.flush(20 * MS)
    assert [(e.text, e.received_ns) for e in events] == [("ABC", 20 * MS)] and problem is None


def test_an_empty_frame_is_no_garbage_and_a_bad_one_counts_with_its_terminator() -> None:
    decoder = ScanDecoder("scanner", terminator=b"\r", garble_threshold=100)
    assert decoder.feed(b"\r\n\r", 0) == ([], None)  # an LF on its own: rejected, 2 bytes
    assert decoder.watch.invalid_bytes == 2
    decoder.feed(b"\r\r", 0)
    assert decoder.watch.invalid_bytes == 2
    decoder.feed(b"\x00\x00\x00\r", 0)
    assert decoder.watch.invalid_bytes == 6


def test_garbage_just_under_the_threshold_is_quiet_and_at_it_is_reported() -> None:
    decoder = ScanDecoder("scanner", terminator=b"\r", baudrate=9600, garble_threshold=10)
    assert decoder.feed(b"\x00" * 8 + b"\r", 0) == ([], None)  # 9 bytes
    events, problem = decoder.feed(b"\x00\r", 0)  # 11
    assert events == [] and problem is not None
    assert problem.startswith("scanner: no valid frame in 11 bytes")


def test_a_good_scan_resets_the_count_and_silences_garbage_read_with_it() -> None:
    decoder = ScanDecoder("scanner", terminator=b"\r", garble_threshold=10)
    decoder.feed(b"\x00" * 8 + b"\r", 0)
    events, problem = decoder.feed(b"\x00" * 20 + b"\rGOOD\r", 0)
    assert [e.text for e in events] == ["GOOD"] and problem is None
    assert decoder.watch.invalid_bytes == 0


def test_pending_garbage_is_counted_logged_and_dropped(caplog: pytest.LogCaptureFixture) -> None:
    decoder = ScanDecoder("line-1 scanner", terminator=b"\r", garble_threshold=8)
    with caplog.at_level(logging.WARNING, logger="desktop.devices.scanner"):
        assert decoder.feed(b"\x00\x01\x02", 0) == ([], None)
        assert decoder.framer.pending == b"\x00\x01\x02"
        events, problem = decoder.feed(b"\x03\x05\x06\x07\x08", 0)
    assert events == [] and problem is not None and "no valid frame in 8 bytes" in problem
    assert decoder.framer.pending == b""
    assert [r.getMessage() for r in caplog.records] == [
        "line-1 scanner: rejected frame b'\\x00\\x01\\x02\\x03\\x05\\x06\\x07\\x08': "
        "garbage while waiting for a terminator"
    ]


def test_a_long_scan_in_flight_is_kept_even_when_garbage_is_reported() -> None:
    decoder = ScanDecoder("scanner", terminator=b"\r", garble_threshold=4)
    events, problem = decoder.feed(b"\x00\x00\x00\x00\rGOOD", 0)
    assert events == [] and problem is not None
    assert decoder.framer.pending == b"GOOD"  # not garbage: not counted, not dropped
    assert decoder.feed(b"\r", 0)[0][0].text == "GOOD"


def test_rejected_frames_are_logged_with_the_reason(caplog: pytest.LogCaptureFixture) -> None:
    decoder = ScanDecoder("line-1 scanner", terminator=b"\r")
    with caplog.at_level(logging.WARNING, logger="desktop.devices.scanner"):
        decoder.feed(b"A\x00\r", 0)
    assert [r.getMessage() for r in caplog.records] == [
        "line-1 scanner: rejected frame b'A\\x00': control bytes 0x00 are not barcode data"
    ]


def test_reset_forgets_a_partial_scan() -> None:
    decoder = ScanDecoder("scanner", terminator=b"\r")
    decoder.feed(b"HALF", 0)
    decoder.reset()
    assert decoder.feed(b"WHOLE\r", 0)[0][0].text == "WHOLE"


def test_every_rejected_frame_of_one_read_is_counted() -> None:
    decoder = ScanDecoder("scanner", terminator=b"\r", garble_threshold=100)
    assert decoder.feed(b"\x00\r\x00\x00\r", 0) == ([], None)
    assert decoder.watch.invalid_bytes == 5
