"""Arbitrary bytes from any device never crash framing or parsing, and every rejected frame is
logged with its raw bytes (checked against an independent replica of the framer)."""

from __future__ import annotations

import logging
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.devices import mtsics
from desktop.devices.continuous import ToledoFramer, parse_ohaus, parse_toledo
from desktop.devices.framing import BlockFramer, LineFramer
from desktop.devices.scale_decoder import ScaleDecoder
from desktop.devices.scanner import ScanDecoder, decode_frame
from desktop.devices.sim.printer_model import PrinterModel
from desktop.devices.sim.profile import PrinterDevice
from desktop.devices.zebra import StatusDecoder, is_status_block, parse_host_status, parse_hqes

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Bytes biased towards the ones that matter to framers (terminators, STX/ETX, GS, digits).
SPECIAL = st.sampled_from(b'\r\n\x02\x03\x1d\x00\xff S0123456789.+-"~^XAZ?gk')
BYTE_STRINGS = st.lists(st.one_of(st.integers(0, 255), SPECIAL), max_size=300).map(bytes)
CHUNKS = st.lists(BYTE_STRINGS, min_size=1, max_size=8)


def rejected(caplog: pytest.LogCaptureFixture) -> Counter[bytes]:
    found: Counter[bytes] = Counter()
    for record in caplog.records:
        if "rejected frame" in str(record.msg):
            raw = record.args[1]  # type: ignore[index]
            assert isinstance(raw, bytes) and repr(raw) in record.getMessage()
            found[raw] += 1
    return found


@FUZZ
@given(chunks=CHUNKS, terminator=st.sampled_from([b"\r", b"\n", b"\r\n", b""]))
def test_scanner_decoder(
    caplog: pytest.LogCaptureFixture, chunks: list[bytes], terminator: bytes
) -> None:
    caplog.clear()
    caplog.set_level(logging.WARNING)
    decoder = ScanDecoder("scanner", terminator=terminator, garble_threshold=10**9)
    replica = LineFramer(terminator)
    expected: Counter[bytes] = Counter()
    events = []
    for i, chunk in enumerate(chunks):
        now = i * 100_000_000  # 100 ms apart: with no terminator, every chunk is a frame
        got, problem = decoder.feed(chunk, now)
        events += got
        assert problem is None
        frames = replica.feed(chunk, now)
        expected.update(f for f in frames if f and isinstance(decode_frame(f), str))
    assert rejected(caplog) == expected
    assert all(isinstance(e.text, str) and e.raw for e in events)


@FUZZ
@given(chunks=CHUNKS, terminator=st.sampled_from([b"\r", b"\r\n", b""]))
def test_scanner_decoder_with_garbage_detection_never_crashes(
    caplog: pytest.LogCaptureFixture, chunks: list[bytes], terminator: bytes
) -> None:
    caplog.clear()
    decoder = ScanDecoder("scanner", terminator=terminator, garble_threshold=16)
    for i, chunk in enumerate(chunks):
        decoder.feed(chunk, i)
        decoder.flush(i + 10**9)
    rejected(caplog)  # every rejection record carries its raw bytes


@FUZZ
@given(chunks=CHUNKS, protocol=st.sampled_from(["mtsics", "ohaus"]))
def test_line_scales(caplog: pytest.LogCaptureFixture, chunks: list[bytes], protocol: str) -> None:
    caplog.clear()
    caplog.set_level(logging.WARNING)
    decoder = ScaleDecoder("scale", protocol, garble_threshold=10**9)
    replica = LineFramer(b"\r\n")
    parse = parse_ohaus if protocol == "ohaus" else mtsics.parse_line
    expected: Counter[bytes] = Counter()
    for chunk in chunks:
        decoder.feed(chunk)
        frames = [f for f in replica.feed(chunk, 0) if f.strip(b"\r\n")]
        expected.update(f for f in frames if isinstance(parse(f), str))
    assert rejected(caplog) == expected


@FUZZ
@given(chunks=CHUNKS, checksum=st.sampled_from([True, False, None]))
def test_toledo(
    caplog: pytest.LogCaptureFixture, chunks: list[bytes], checksum: bool | None
) -> None:
    caplog.clear()
    caplog.set_level(logging.WARNING)
    decoder = ScaleDecoder("scale", "toledo", checksum=checksum, garble_threshold=10**9)
    replica = ToledoFramer(checksum)
    expected: Counter[bytes] = Counter()
    for chunk in chunks:
        valid, _ = decoder.feed(chunk)
        frames, junk = replica.feed(chunk)
        expected.update(junk)
        expected.update(f for f in frames if isinstance(parse_toledo(f), str))
        assert all(len(raw) in (17, 18) for raw, _ in valid)
    assert rejected(caplog) == expected


@FUZZ
@given(chunks=CHUNKS)
def test_printer_status(caplog: pytest.LogCaptureFixture, chunks: list[bytes]) -> None:
    caplog.clear()
    caplog.set_level(logging.WARNING)
    decoder = StatusDecoder("printer")
    replica = BlockFramer()
    expected: Counter[bytes] = Counter()
    blocks: list[bytes] = []
    for chunk in chunks:
        blocks += decoder.feed(chunk)
        new, junk = replica.feed(chunk)
        expected.update(junk)
        expected.update(b"\x02" + b + b"\x03" for b in new if not is_status_block(b))
    assert rejected(caplog) == expected
    parse_host_status(blocks)
    for block in blocks:
        parse_hqes(block)


@FUZZ
@given(data=BYTE_STRINGS)
def test_parsers_return_values_for_any_input(data: bytes) -> None:
    for parsed in (mtsics.parse_line(data), parse_ohaus(data), parse_toledo(data[:18])):
        assert parsed is not None
    reply = mtsics.parse_line(data)
    if isinstance(reply, mtsics.SicsReply):
        mtsics.to_weight(reply)
        mtsics.quoted_text(reply)
    parse_host_status(data.split(b","))
    parse_hqes(data)
    decode_frame(data)


@FUZZ
@given(chunks=CHUNKS)
def test_printer_simulator_model_takes_any_bytes(chunks: list[bytes]) -> None:
    model = PrinterModel(PrinterDevice(paper_labels=3))
    for chunk in chunks:
        for kind, payload in model.feed(chunk, 0.0):
            assert kind in ("reply", "received", "printed", "paused") and payload
