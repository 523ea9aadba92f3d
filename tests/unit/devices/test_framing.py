"""Framing is pure: bytes in, frames out, the time passed in."""

from __future__ import annotations

import logging

import pytest

from desktop.devices.framing import BlockFramer, GarbleWatch, LineFramer

MS = 1_000_000


@pytest.mark.parametrize("terminator", [b"\r", b"\n", b"\r\n"])
def test_frames_split_on_the_terminator_across_chunks(terminator: bytes) -> None:
    framer = LineFramer(terminator)
    stream = b"ABC" + terminator + b"12" + terminator + b"tail"
    frames = [f for i in range(len(stream)) for f in framer.feed(stream[i : i + 1], 0)]
    assert frames == [b"ABC", b"12"]
    assert framer.pending == b"tail"


def test_no_terminator_frames_end_after_the_idle_time() -> None:
    framer = LineFramer(b"", idle_ns=50 * MS)
    assert framer.feed(b"AB", 0) == []
    assert framer.feed(b"C", 10 * MS) == []
    assert framer.seconds_to_flush(20 * MS) == pytest.approx(0.04)
    assert framer.flush_due(59 * MS) == []
    assert framer.flush_due(60 * MS) == [b"ABC"]
    assert framer.seconds_to_flush(61 * MS) is None


def test_new_bytes_after_the_idle_time_start_a_new_frame() -> None:
    framer = LineFramer(b"", idle_ns=50 * MS)
    framer.feed(b"first", 0)
    assert framer.feed(b"second", 100 * MS) == [b"first"]
    assert framer.pending == b"second"


def test_an_endless_line_is_cut_at_max_frame() -> None:
    framer = LineFramer(b"\r", max_frame=8)
    assert framer.feed(b"0123456789", 0) == [b"0123456789"]
    assert framer.pending == b""


def test_block_framer_skips_crlf_and_reports_stray_bytes() -> None:
    framer = BlockFramer()
    blocks, junk = framer.feed(b"\x02one\x03\r\nzz\x02tw")
    assert (blocks, junk) == ([b"one"], [b"\r\nzz"])  # raw bytes, as they came
    blocks, junk = framer.feed(b"o\x03\r\n")
    assert (blocks, junk) == ([b"two"], [])


def test_garble_watch_names_the_configured_baud_rate(caplog: pytest.LogCaptureFixture) -> None:
    watch = GarbleWatch("scale", 9600, threshold=10)
    assert watch.invalid(6) is None
    message = watch.invalid(6)
    assert message is not None
    assert "no valid frame in 12 bytes: check baud rate (configured 9600)" in message
    assert watch.invalid_bytes == 0
    assert watch.invalid(12) is None  # the next report needs twice as much garbage
    assert watch.invalid(8) is not None
    watch.invalid(5)
    watch.valid()
    assert watch.threshold == 10 and watch.invalid(5) is None
    caplog.set_level(logging.WARNING)
