"""Framing at and just past each limit: the idle time, the longest frame, the longest block,
the garbage threshold and its growth, and the exact log line of a rejected frame."""

from __future__ import annotations

import logging

import pytest

from desktop.devices.framing import (
    MAX_FRAME,
    BlockFramer,
    GarbleWatch,
    LineFramer,
    log_rejected,
)

MS = 1_000_000


def test_the_default_limits() -> None:
    framer = LineFramer(b"\r")
    assert (framer.idle_ns, framer.max_frame, MAX_FRAME) == (50 * MS, 4096, 4096)
    assert BlockFramer().max_block == 4096


def test_a_line_idle_exactly_the_idle_time_is_a_frame() -> None:
    framer = LineFramer(b"", idle_ns=50 * MS)
    framer.feed(b"AB", 1000 * MS)
    assert framer.flush_due(1000 * MS + 50 * MS - 1) == []
    assert framer.seconds_to_flush(1000 * MS + 50 * MS - 1) == pytest.approx(1e-9)
    assert framer.seconds_to_flush(1000 * MS + 50 * MS) == 0.0
    assert framer.seconds_to_flush(1000 * MS + 80 * MS) == 0.0  # overdue: now, never negative
    assert framer.flush_due(1000 * MS + 50 * MS) == [b"AB"]
    assert framer.pending == b"" and framer.flush_due(2000 * MS) == []


def test_no_bytes_do_not_restart_the_idle_time() -> None:
    framer = LineFramer(b"", idle_ns=50 * MS)
    framer.feed(b"AB", 0)
    assert framer.feed(b"", 40 * MS) == []
    assert framer.flush_due(50 * MS) == [b"AB"]


def test_bytes_arriving_after_the_idle_time_flush_the_earlier_frame_first() -> None:
    framer = LineFramer(b"", idle_ns=50 * MS)
    framer.feed(b"AB", 0)
    assert framer.feed(b"C", 49 * MS) == []  # still the same frame
    assert framer.feed(b"D", 99 * MS) == [b"ABC"]
    assert framer.pending == b"D"


def test_a_terminated_line_never_flushes_on_time() -> None:
    framer = LineFramer(b"\r", idle_ns=50 * MS)
    framer.feed(b"AB", 0)
    assert framer.flush_due(10_000 * MS) == []
    assert framer.seconds_to_flush(10_000 * MS) is None
    assert framer.pending == b"AB"


def test_nothing_pending_nothing_to_flush() -> None:
    framer = LineFramer(b"", idle_ns=50 * MS)
    assert framer.seconds_to_flush(0) is None
    assert framer.flush_due(10_000 * MS) == []


def test_several_frames_in_one_chunk_and_a_two_byte_terminator() -> None:
    framer = LineFramer(b"\r\n")
    assert framer.feed(b"A\r\nBC\r\n\r\nD\r", 0) == [b"A", b"BC", b""]
    assert framer.pending == b"D\r"
    assert framer.feed(b"\n", 0) == [b"D"]


def test_a_frame_of_exactly_max_frame_is_kept_one_more_byte_is_cut() -> None:
    framer = LineFramer(b"\r", max_frame=8)
    assert framer.feed(b"01234567", 0) == []
    assert framer.pending == b"01234567"
    assert framer.feed(b"8", 0) == [b"012345678"]
    assert framer.pending == b""
    assert framer.feed(b"01234567\r", 0) == [b"01234567"]


def test_reset_forgets_a_partial_frame() -> None:
    framer = LineFramer(b"\r")
    framer.feed(b"half", 0)
    framer.reset()
    assert framer.pending == b""
    assert framer.feed(b"new\r", 0) == [b"new"]


def test_a_block_waits_for_its_end_then_comes_whole() -> None:
    framer = BlockFramer()
    assert framer.feed(b"\x02abc") == ([], [])
    assert framer.feed(b"def\x03\x02\x03") == ([b"abcdef", b""], [])
    assert framer.feed(b"\x02x\x03\x02y\x03") == ([b"x", b"y"], [])


def test_an_end_byte_before_any_start_is_stray() -> None:
    framer = BlockFramer()
    assert framer.feed(b"\x03\x02a\x03") == ([b"a"], [b"\x03"])
    assert framer.feed(b"\r\n\r") == ([], [])  # line ends between blocks are normal
    assert framer.feed(b"\nzz") == ([], [b"\nzz"])


def test_an_open_block_longer_than_max_block_is_given_up() -> None:
    framer = BlockFramer(max_block=8)
    assert framer.feed(b"\x02" + b"1234567") == ([], [])  # 8 bytes: still waiting
    assert framer.feed(b"8") == ([], [b"\x0212345678"])
    assert framer.feed(b"\x02ok\x03") == ([b"ok"], [])
    framer.feed(b"\x02half")
    framer.reset()
    assert framer.feed(b"x\x03") == ([], [b"x\x03"])


def test_garbage_exactly_at_the_threshold_is_reported() -> None:
    watch = GarbleWatch("scale line-1", 9600, threshold=64)
    assert watch.invalid(63) is None
    assert watch.invalid_bytes == 63
    assert watch.invalid(1) == (
        "scale line-1: no valid frame in 64 bytes: check baud rate (configured 9600); "
        "data bits, parity and stop bits must match the device's setup too."
    )
    assert watch.invalid_bytes == 0 and watch.threshold == 128


def test_pending_bytes_count_toward_the_threshold_and_the_message() -> None:
    watch = GarbleWatch("scanner", 115200, threshold=10)
    assert watch.invalid(4, pending=5) is None
    message = watch.invalid(0, pending=6)
    assert message is not None and "no valid frame in 10 bytes" in message
    assert "(configured 115200)" in message


def test_the_threshold_doubles_up_to_64_times_and_a_valid_frame_restores_it() -> None:
    watch = GarbleWatch("scale", 9600, threshold=2)
    seen = []
    for _ in range(9):
        assert watch.invalid(watch.threshold - 1) is None
        assert watch.invalid(1) is not None
        seen.append(watch.threshold)
    assert seen == [4, 8, 16, 32, 64, 128, 128, 128, 128]
    watch.invalid(1)
    watch.valid()
    assert (watch.threshold, watch.invalid_bytes, watch.base_threshold) == (2, 0, 2)


def test_report_counts_what_was_seen_and_starts_afresh() -> None:
    watch = GarbleWatch("scale", 9600, threshold=100)
    watch.invalid(7)
    assert "no valid frame in 10 bytes" in watch.report(pending=3)
    assert watch.invalid_bytes == 0 and watch.threshold == 200
    assert "no valid frame in 0 bytes" in watch.report()


def test_a_rejected_frame_is_logged_with_its_raw_bytes(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.framing")
    with caplog.at_level(logging.DEBUG, logger="test.framing"):
        log_rejected(logger, "scale line-1", b"S X\x00\r", "no status")
    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    assert record.getMessage() == "scale line-1: rejected frame b'S X\\x00\\r': no status"


def test_the_default_garble_threshold_is_64_bytes() -> None:
    watch = GarbleWatch("scale", 9600)
    assert (watch.threshold, watch.base_threshold) == (64, 64)


def test_feeding_nothing_never_flushes_a_frame_only_flush_due_does() -> None:
    framer = LineFramer(b"", idle_ns=50 * MS)
    framer.feed(b"AB", 0)
    assert framer.feed(b"", 60 * MS) == []
    assert framer.pending == b"AB"
    assert framer.flush_due(60 * MS) == [b"AB"]


def test_the_time_to_flush_is_exact_in_seconds() -> None:
    framer = LineFramer(b"", idle_ns=50 * MS)
    framer.feed(b"AB", 0)
    assert framer.seconds_to_flush(10 * MS) == 0.04
