"""Scale frames at and just past each rule: Toledo frames built bit by bit from the documented
layout (REFERENCE 3.2), Ohaus lines, MT-SICS replies (3.1), plain decimals, and the decoder
that counts garbage between them."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from desktop.devices import mtsics
from desktop.devices.continuous import ToledoFramer, parse_ohaus, parse_toledo, toledo_checksum
from desktop.devices.scale_decoder import ScaleDecoder
from desktop.devices.weights import Weight, WeightReading, WeightStatus, parse_decimal

D = Decimal
SWA = 0x20  # bit 5 constant; bits 0-2 the decimal position
SWB_KG = 0x20 | 0x10
SWC = 0x20


def checksum(body: bytes) -> int:
    """REFERENCE 3.2, written again here: 2's complement of the low 7 bits of the sum."""
    total = 0
    for byte in body:
        total += byte & 0x7F
    return (128 - total % 128) % 128


def frame(swa: int, swb: int, swc: int, w: bytes, t: bytes = b"000000", chk: bool = False) -> bytes:
    body = bytes([0x02, swa, swb, swc]) + w + t + b"\r"
    assert len(body) == 17
    return body + (bytes([checksum(body)]) if chk else b"")


def weight(parsed: Weight | str) -> Weight:
    assert isinstance(parsed, Weight), parsed
    return parsed


# --- Toledo -------------------------------------------------------------------------------


@pytest.mark.parametrize("w", [b"000000", b"001234", b"999999", b"  1234"])
def test_the_checksum_is_the_documented_one(w: bytes) -> None:
    body = frame(SWA | 4, SWB_KG | 0x80, SWC | 0x81, w)
    assert toledo_checksum(body) == checksum(body)


@pytest.mark.parametrize(
    ("code", "value", "tare"),
    [
        (0, "12300", "500"),
        (1, "1230", "50"),
        (2, "123", "5"),
        (3, "12.3", "0.5"),
        (4, "1.23", "0.05"),
        (5, "0.123", "0.005"),
        (6, "0.0123", "0.0005"),
        (7, "0.00123", "0.00005"),
    ],
)
def test_every_decimal_position_applies_to_weight_and_tare(
    code: int, value: str, tare: str
) -> None:
    w = weight(parse_toledo(frame(SWA | 0x08 | code, SWB_KG, SWC, b"000123", b"000005")))
    assert (w.value, w.tare) == (D(value), D(tare))
    assert str(w.value) == value  # the digits as the scale shows them


def test_the_increment_bits_do_not_move_the_decimal_point() -> None:
    for increment in (0x08, 0x10, 0x18):
        assert weight(parse_toledo(frame(SWA | increment | 4, SWB_KG, SWC, b"001234"))).value == D(
            "12.34"
        )


@pytest.mark.parametrize(
    ("swb", "swc", "expected"),
    [
        (0x20, 0x20, (False, D("1.50"), WeightStatus.STABLE, "lb")),
        (0x20 | 0x01, 0x20, (True, D("1.50"), WeightStatus.STABLE, "lb")),
        (0x20 | 0x02, 0x20, (False, D("-1.50"), WeightStatus.STABLE, "lb")),
        (0x20 | 0x08, 0x20, (False, D("1.50"), WeightStatus.UNSTABLE, "lb")),
        (0x20 | 0x10, 0x20, (False, D("1.50"), WeightStatus.STABLE, "kg")),
        (0x20 | 0x10, 0x20 | 0x01, (False, D("1.50"), WeightStatus.STABLE, "g")),
        (0x20, 0x20 | 0x01, (False, D("1.50"), WeightStatus.STABLE, "g")),
        (0x20 | 0x40, 0x20 | 0x08 | 0x10, (False, D("1.50"), WeightStatus.STABLE, "lb")),
    ],
)
def test_each_status_bit_on_its_own(swb: int, swc: int, expected: tuple[object, ...]) -> None:
    w = weight(parse_toledo(frame(SWA | 4, swb, swc, b"000150")))
    assert (w.net, w.value, w.status, w.unit) == expected
    assert w.tare == D("0.00") and w.detail == ""


def test_out_of_range_says_so_and_carries_no_value() -> None:
    over = parse_toledo(frame(SWA | 4, SWB_KG | 0x04 | 0x01, SWC, b"999999", b"000100"))
    assert over == Weight(
        WeightStatus.OVERLOAD, None, "kg", True, detail="out of range (status byte B bit 2)"
    )
    under = weight(parse_toledo(frame(SWA | 4, SWB_KG | 0x04 | 0x02, SWC, b"000000")))
    assert (under.status, under.value, under.net) == (WeightStatus.UNDERLOAD, None, False)


def test_a_frame_with_its_checksum_reads_like_one_without() -> None:
    short = frame(SWA | 4, SWB_KG, SWC, b"001234")
    assert parse_toledo(short + bytes([checksum(short)])) == parse_toledo(short)


@pytest.mark.parametrize("length", [0, 16, 19])
def test_a_frame_of_another_length_is_refused(length: int) -> None:
    data = (frame(SWA | 4, SWB_KG, SWC, b"001234", chk=True) + b"\x00")[:length]
    data = data.ljust(length, b"0")
    assert parse_toledo(data) == f"length {length}, expected 17 or 18"


@pytest.mark.parametrize(("w", "t"), [(b"00x234", b"000000"), (b"001234", b"0-0000")])
def test_weight_and_tare_must_be_six_digits(w: bytes, t: bytes) -> None:
    assert parse_toledo(frame(SWA | 4, SWB_KG, SWC, w, t)) == (
        "weight or tare field is not six digits"
    )


def test_the_framer_takes_a_frame_with_a_parity_bit_on_its_stx() -> None:
    good = bytes(b | 0x80 for b in frame(SWA | 4, SWB_KG, SWC, b"001234"))
    assert ToledoFramer(False).feed(good) == ([good], [])


def test_the_framer_waits_for_a_whole_frame_and_keeps_it_pending() -> None:
    good = frame(SWA | 4, SWB_KG, SWC, b"001234", chk=True)
    framer = ToledoFramer(True)
    assert framer.feed(good[:16]) == ([], [])
    assert framer.pending == good[:16]
    assert framer.feed(good[16:17]) == ([], [])  # 17 bytes: the checksum is still to come
    assert framer.feed(good[17:]) == ([good], [])
    assert framer.pending == b""
    framer.feed(good[:5])
    framer.reset()
    assert framer.pending == b""


def test_a_start_byte_without_its_carriage_return_is_skipped_alone() -> None:
    good = frame(SWA | 4, SWB_KG, SWC, b"001234")
    broken = b"\x02" + b"1" * 16  # no CR where the frame ends
    frames, junk = ToledoFramer(False).feed(broken + good)
    assert frames == [good]
    assert junk == [b"\x02", b"1" * 16]


def test_with_no_start_byte_everything_is_rejected() -> None:
    framer = ToledoFramer(False)
    assert framer.feed(b"garbage") == ([], [b"garbage"])
    assert framer.pending == b""


def test_auto_checksum_takes_a_verifying_byte_as_the_checksum() -> None:
    good = frame(SWA | 4, SWB_KG, SWC, b"001234", chk=True)
    framer = ToledoFramer(None)
    assert framer.feed(good + good) == ([good, good], [])
    assert framer.feed(good[:1]) == ([], [])
    assert framer.pending == good[:1]


def test_auto_checksum_without_checksum_bytes_cuts_at_17() -> None:
    short = frame(SWA | 4, SWB_KG, SWC, b"001234")
    stray = next(b for b in range(3, 128) if b not in (checksum(short), 0x0D))
    framer = ToledoFramer(None)
    frames, junk = framer.feed(short + bytes([stray]) + short + short)
    assert frames == [short, short]  # a byte that does not verify is not a checksum
    assert junk == [bytes([stray])]
    assert framer.pending == short  # the last one waits for the byte after its CR


def test_auto_reads_a_start_byte_after_cr_as_the_next_frame_even_if_it_verifies() -> None:
    # find a frame whose checksum happens to be STX (0x02)
    body = next(
        f
        for n in range(1_000_000)
        if checksum(f := frame(SWA | 4, SWB_KG, SWC, f"{n:06d}".encode(), b"999999")) == 0x02
    )
    auto = ToledoFramer(None)
    assert auto.feed(body + body + body[:1]) == ([body, body], [])
    strict = ToledoFramer(True)
    assert strict.feed(body + b"\x02") == ([body + b"\x02"], [])


def test_a_wrong_checksum_when_one_is_required_skips_the_frame() -> None:
    good = frame(SWA | 4, SWB_KG, SWC, b"001234", chk=True)
    bad = good[:-1] + bytes([(good[-1] + 1) & 0x7F])
    assert bad[-1] != 0x02
    frames, junk = ToledoFramer(True).feed(bad + good)
    assert frames == [good]
    assert b"".join(junk) == bad


# --- Ohaus --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"     192.21 g\r\n", Weight(WeightStatus.STABLE, D("192.21"), "g", None)),
        (b"- 12.5 g", Weight(WeightStatus.STABLE, D("-12.5"), "g", None)),
        (b"+ 12.5 g", Weight(WeightStatus.STABLE, D("12.5"), "g", None)),
        (b"12.5 ozt", Weight(WeightStatus.STABLE, D("12.5"), "ozt", None)),
        (b"12.5 dwtgn", Weight(WeightStatus.STABLE, D("12.5"), "dwtgn", None)),
        (b"99.5 %", Weight(WeightStatus.STABLE, D("99.5"), "%", None)),
        (b"1.0 g ? net", Weight(WeightStatus.UNSTABLE, D("1.0"), "g", True)),
        (b"1.0 g GROSS", Weight(WeightStatus.STABLE, D("1.0"), "g", False)),
        (b"1.0 g NET G", Weight(WeightStatus.STABLE, D("1.0"), "g", True)),
        (b"1.0 g 12:30", Weight(WeightStatus.STABLE, D("1.0"), "g", None)),
    ],
)
def test_ohaus_lines_as_documented(line: bytes, expected: Weight) -> None:
    assert parse_ohaus(line) == expected


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (b"\xb0 5 g", "not ASCII"),
        (b"5.0 g\x00", "control characters in a weight line"),
        (b"5.0 g\x7f", "control characters in a weight line"),
        (b"5.0", "no weight and unit"),
        (b"- 5.0", "no weight and unit"),
        (b"", "no weight and unit"),
        (b"5.0 ounces", "weight value or unit unreadable"),  # six letters: not a unit
        (b"5.0 g2", "weight value or unit unreadable"),
        (b"5e3 g", "weight value or unit unreadable"),
        (b"5.0 g T", "a tare or total print-out, not a weight"),
        (b"5.0 g total", "a tare or total print-out, not a weight"),
    ],
)
def test_ohaus_lines_that_are_not_weights_say_why(line: bytes, why: str) -> None:
    assert parse_ohaus(line) == why


# --- MT-SICS ------------------------------------------------------------------------------


def test_a_reply_line_keeps_its_raw_bytes_and_quoted_text() -> None:
    reply = mtsics.parse_line(b'I2 A "XS205 220.0000 g"\r')
    assert reply == mtsics.SicsReply("I2", "A", ("XS205 220.0000 g",), b'I2 A "XS205 220.0000 g"\r')


@pytest.mark.parametrize("status", list("SDAIL+-B"))
def test_every_documented_status_is_read(status: str) -> None:
    reply = mtsics.parse_line(f"S {status}".encode())
    assert isinstance(reply, mtsics.SicsReply) and reply.status == status


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (b"S S 1.0 \xb5g", "not ASCII"),
        (b"S S\t1.0 g", "control characters in a reply line"),
        (b"S S 1.0 g\x7f", "control characters in a reply line"),
        (b"", "no reply identifier"),
        (b"   ", "no reply identifier"),
        (b"s S 1.0 g", "no reply identifier"),
        (b"ABCDE S", "no reply identifier"),
        (b"1S S", "no reply identifier"),
        (b"S", "no status after the identifier"),
        (b"S X 1.0 g", "no status after the identifier"),
        (b"ES X", "no status after the identifier"),
    ],
)
def test_reply_lines_that_are_not_replies_say_why(line: bytes, why: str) -> None:
    assert mtsics.parse_line(line) == why


@pytest.mark.parametrize("ident", ["S", "I4", "ABCD", "@", "TA"])
def test_identifiers_of_one_to_four_characters_or_at(ident: str) -> None:
    reply = mtsics.parse_line(f"{ident} A".encode())
    assert isinstance(reply, mtsics.SicsReply) and reply.ident == ident


@pytest.mark.parametrize("ident", ["ES", "ET", "EL"])
def test_a_general_error_is_a_reply_and_a_weight_refusal(ident: str) -> None:
    reply = mtsics.parse_line(ident.encode())
    assert reply == mtsics.SicsReply(ident, "", (), ident.encode())
    assert isinstance(reply, mtsics.SicsReply)
    assert mtsics.general_error(reply) == mtsics.GENERAL_ERRORS[ident]
    assert mtsics.to_weight(reply) == Weight(
        WeightStatus.ERROR, None, "", detail=f"{ident}: {mtsics.GENERAL_ERRORS[ident]}"
    )
    assert mtsics.tare_of(reply) == f"{ident}: {mtsics.GENERAL_ERRORS[ident]}"


def reply(line: bytes) -> mtsics.SicsReply:
    parsed = mtsics.parse_line(line)
    assert isinstance(parsed, mtsics.SicsReply), parsed
    return parsed


@pytest.mark.parametrize(
    ("status", "weight_status", "detail"),
    [
        ("I", WeightStatus.BUSY, "S I: not executable now (busy, or no stability in time)"),
        ("+", WeightStatus.OVERLOAD, "S +: upper limit exceeded"),
        ("-", WeightStatus.UNDERLOAD, "S -: lower limit exceeded"),
        ("L", WeightStatus.ERROR, "S L: logical error: parameter not allowed"),
    ],
)
def test_weight_refusals_are_values(status: str, weight_status: WeightStatus, detail: str) -> None:
    assert mtsics.to_weight(reply(f"S {status}".encode())) == Weight(
        weight_status, None, "", detail=detail
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"S S     100.00 g", Weight(WeightStatus.STABLE, D("100.00"), "g")),
        (b"S D      -1.5 kg", Weight(WeightStatus.UNSTABLE, D("-1.5"), "kg")),
        (b"S S - 1.5 kg", Weight(WeightStatus.STABLE, D("-1.5"), "kg")),
        (b"S S + 1.5 kg", Weight(WeightStatus.STABLE, D("1.5"), "kg")),
        (b"SI S 2 g/l", Weight(WeightStatus.STABLE, D("2"), "g/l")),
        (b"S S 2 %", Weight(WeightStatus.STABLE, D("2"), "%")),
        (b"S S 2 ozt", Weight(WeightStatus.STABLE, D("2"), "ozt")),
        (b"S S 2 abcde", Weight(WeightStatus.STABLE, D("2"), "abcde")),
    ],
)
def test_weights(line: bytes, expected: Weight) -> None:
    assert mtsics.to_weight(reply(line)) == expected


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (b"T S 1.0 g", "reply 'T' is not a weight"),
        (b"S A 1.0 g", "weight status 'A' is neither S (stable) nor D (dynamic)"),
        (b"S S 1.0", "weight value or unit unreadable"),
        (b"S S 1.0 abcdef", "weight value or unit unreadable"),
        (b"S S 1.0 g2", "weight value or unit unreadable"),
        (b"S S 1,0 g", "weight value or unit unreadable"),
        (b"S S", "weight value or unit unreadable"),
        (b"S S - g", "weight value or unit unreadable"),
    ],
)
def test_what_is_not_a_weight_says_why(line: bytes, why: str) -> None:
    assert mtsics.to_weight(reply(line)) == why


def test_value_and_unit_with_the_sign_apart() -> None:
    assert mtsics.value_and_unit(("-", "12.34", "g")) == ("-12.34", "g")
    assert mtsics.value_and_unit(("12.34", "g", "extra")) == ("12.34", "g")
    assert mtsics.value_and_unit(("-", "g")) == ("-", "g")  # to_weight refuses "-" itself
    assert mtsics.value_and_unit(("12.34",)) is None
    assert mtsics.value_and_unit(("12.34", "")) is None


def test_quoted_text_only_from_an_a_reply_with_text() -> None:
    assert mtsics.quoted_text(reply(b'I4 A "B021002593"')) == "B021002593"
    assert mtsics.quoted_text(reply(b'I4 I "B021002593"')) is None
    assert mtsics.quoted_text(reply(b"I4 A")) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"TA A 12.50 g", (D("12.50"), "g")),
        (b"TA S - 1.0 kg", (D("-1.0"), "kg")),
        (b"T S 12.50 g", "reply 'T' is not the tare register"),
        (b"TA I", "TA I: not executable now (busy, or no stability in time)"),
        (b"TA +", "TA +: upper limit exceeded"),
        (b"TA D 12.50 g", "tare register unreadable in b'TA D 12.50 g'"),
        (b"TA A x g", "tare register unreadable in b'TA A x g'"),
    ],
)
def test_the_tare_register(line: bytes, expected: object) -> None:
    assert mtsics.tare_of(reply(line)) == expected


def test_commands_are_ascii_with_crlf() -> None:
    assert mtsics.command_bytes("SIR") == b"SIR\r\n"
    with pytest.raises(UnicodeEncodeError):
        mtsics.command_bytes("S µ")


# --- decimals and readings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", D("12")),
        ("12.", D("12")),
        ("12.50", D("12.50")),
        (".5", D("0.5")),
        ("+1.5", D("1.5")),
        ("-0.001", D("-0.001")),
        ("", None),
        (".", None),
        ("1e3", None),
        ("NaN", None),
        ("Infinity", None),
        (" 1", None),
        ("1.2.3", None),
        ("--1", None),
    ],
)
def test_a_plain_decimal(text: str, value: Decimal | None) -> None:
    assert parse_decimal(text) == value


def _reading(status: WeightStatus, net: bool | None, detail: str = "") -> WeightReading:
    return WeightReading(
        status,
        D("1.0"),
        "g",
        net,
        "scale line-1",
        "B021002593",
        b"S S 1.0 g\r\n",
        datetime(2026, 1, 1, tzinfo=UTC),
        1,
        detail=detail,
    )


def test_a_reading_is_stable_gross_or_net_only_when_the_scale_said_so() -> None:
    assert _reading(WeightStatus.STABLE, False).stable
    assert not _reading(WeightStatus.UNSTABLE, False).stable
    assert _reading(WeightStatus.STABLE, False).gross
    assert not _reading(WeightStatus.STABLE, True).gross
    assert not _reading(WeightStatus.STABLE, None).gross


def test_a_reading_in_words_with_the_scale_s_own_detail() -> None:
    assert _reading(WeightStatus.STABLE, False).message == "Stable weight."
    assert _reading(WeightStatus.OVERLOAD, False, "S +: upper limit exceeded").message == (
        "Scale overloaded: take the load off the pan. (S +: upper limit exceeded)"
    )


# --- the decoder --------------------------------------------------------------------------


def test_an_unknown_protocol_names_the_ones_there_are() -> None:
    with pytest.raises(ValueError) as refused:
        ScaleDecoder("scale", "sartorius")
    assert str(refused.value) == "scale protocol 'sartorius': use one of mtsics, toledo, ohaus"


def test_the_decoder_passes_its_line_settings_on() -> None:
    decoder = ScaleDecoder("scale line-1", "mtsics", baudrate=19200, garble_threshold=32)
    assert (decoder.device_id, decoder.protocol) == ("scale line-1", "mtsics")
    assert decoder.watch.device_id == "scale line-1"
    assert (decoder.watch.baudrate, decoder.watch.base_threshold) == (19200, 32)


@pytest.mark.parametrize("terminator", [b"", b"\r\n"])
def test_mtsics_lines_end_with_crlf_by_default(terminator: bytes) -> None:
    decoder = ScaleDecoder("scale", "mtsics", terminator=terminator)
    assert decoder.feed(b"S S 1.0 g\r") == ([], None)
    valid, problem = decoder.feed(b"\nS D 2.0 g\r\n")
    assert problem is None
    assert [(raw, p) for raw, p in valid] == [
        (b"S S 1.0 g", reply(b"S S 1.0 g")),
        (b"S D 2.0 g", reply(b"S D 2.0 g")),
    ]


def test_an_ohaus_decoder() -> None:
    decoder = ScaleDecoder("scale", "ohaus")
    valid, problem = decoder.feed(b"  1.5 g\r\n  2.5 g ?\r\n")
    assert problem is None
    assert [p for _, p in valid] == [
        Weight(WeightStatus.STABLE, D("1.5"), "g", None),
        Weight(WeightStatus.UNSTABLE, D("2.5"), "g", None),
    ]


def test_a_toledo_decoder_reads_frames_and_counts_the_bytes_between() -> None:
    good = frame(SWA | 4, SWB_KG, SWC, b"001234")
    decoder = ScaleDecoder("scale", "toledo", checksum=False, garble_threshold=10)
    valid, problem = decoder.feed(good)
    assert problem is None and [raw for raw, _ in valid] == [good]
    assert decoder.feed(b"xxxxx") == ([], None)  # 5 bytes of garbage: below 10
    valid, problem = decoder.feed(b"yyyyy")
    assert valid == [] and problem is not None and "no valid frame in 10 bytes" in problem


def test_rejected_lines_count_with_their_terminator_and_are_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    decoder = ScaleDecoder("scale line-1", "mtsics", garble_threshold=10)
    with caplog.at_level(logging.WARNING, logger="desktop.devices.scale"):
        assert decoder.feed(b"X?\r\n") == ([], None)  # 2 bytes + 1 for the line end
        assert decoder.watch.invalid_bytes == 3
        assert decoder.feed(b"\r\n\r\n") == ([], None)  # empty lines are not garbage
        assert decoder.watch.invalid_bytes == 3
        valid, problem = decoder.feed(b"Y??????\r\n")
    assert valid == [] and problem is not None and "in 11 bytes" in problem
    assert [r.getMessage() for r in caplog.records][:1] == [
        "scale line-1: rejected frame b'X?': no reply identifier"
    ]


def test_a_valid_frame_clears_the_count_and_wins_over_garbage_in_the_same_read() -> None:
    decoder = ScaleDecoder("scale", "mtsics", garble_threshold=10)
    decoder.feed(b"X????\r\n")
    valid, problem = decoder.feed(b"Y????????????\r\nS S 1 g\r\n")
    assert len(valid) == 1 and problem is None
    assert decoder.watch.invalid_bytes == 0


def test_silence_after_garbage_is_reported_and_silence_after_nothing_is_not() -> None:
    decoder = ScaleDecoder("scale", "mtsics", garble_threshold=1000)
    assert decoder.silence_report() is None
    decoder.feed(b"S S 1.0 g")  # waiting for its line end: not garbage
    assert decoder.silence_report() is None
    decoder.reset()
    decoder.feed(b"\xff\xfe")  # can never become a reply
    report = decoder.silence_report()
    assert report is not None and "no valid frame in 2 bytes" in report
    decoder.reset()
    decoder.feed(b"\x00")
    assert decoder.silence_report() is not None
    decoder.reset()
    decoder.feed(b"X?\r\n")
    report = decoder.silence_report()
    assert report is not None and "no valid frame in 3 bytes" in report


def test_a_toledo_decoder_counts_pending_garbage_of_its_own_framer() -> None:
    decoder = ScaleDecoder("scale", "toledo", garble_threshold=1000)
    decoder.feed(b"\x02\x80\x80")  # a frame begun with high bytes: pending, garbage-like
    report = decoder.silence_report()
    assert report is not None and "no valid frame in 3 bytes" in report
    decoder.reset()
    assert decoder.silence_report() is None


# --- edges the mutation run found untested ------------------------------------------------


def test_every_digit_of_weight_and_tare_counts() -> None:
    w = weight(parse_toledo(frame(SWA | 2, SWB_KG, SWC, b"123456", b"654321")))
    assert (w.value, w.tare) == (D("123456"), D("654321"))


def test_a_frame_without_checksum_is_cut_at_17_and_the_rest_waits() -> None:
    good = frame(SWA | 4, SWB_KG, SWC, b"001234")
    framer = ToledoFramer(False)
    assert framer.feed(good + good[:5]) == ([good], [])
    assert framer.pending == good[:5]


def test_a_stray_byte_before_a_broken_frame_is_never_taken_for_a_frame() -> None:
    good = frame(SWA | 4, SWB_KG, SWC, b"001234")
    broken = b"\x02" + b"0" * 14 + b"\r"  # a frame cut short: its CR comes one byte early
    frames, junk = ToledoFramer(False).feed(b"X" + broken + good)
    assert frames == [good]
    assert b"".join(junk) == b"X" + broken


def test_a_tab_at_the_end_of_a_line_is_a_control_character() -> None:
    assert parse_ohaus(b"5.0 g\t") == "control characters in a weight line"
    assert mtsics.parse_line(b"S S 1.0 g\t") == "control characters in a reply line"


def test_an_ohaus_unit_is_kept_as_sent() -> None:
    assert parse_ohaus(b"5.0 gX\r\n") == Weight(WeightStatus.STABLE, D("5.0"), "gX", None)


def test_the_decoder_s_default_line_settings() -> None:
    decoder = ScaleDecoder("scale", "mtsics")
    assert (decoder.watch.baudrate, decoder.watch.base_threshold) == (9600, 64)


@pytest.mark.parametrize(("line", "counted"), [(b"   \r\n", 4), (b"XX\r\n", 3)])
def test_a_line_of_spaces_or_letters_is_garbage_not_an_empty_line(
    line: bytes, counted: int
) -> None:
    decoder = ScaleDecoder("scale", "mtsics", garble_threshold=100)
    assert decoder.feed(line) == ([], None)
    assert decoder.watch.invalid_bytes == counted


def test_every_rejected_line_of_one_read_is_counted() -> None:
    decoder = ScaleDecoder("scale", "mtsics", garble_threshold=100)
    decoder.feed(b"X?\r\nY?\r\n")
    assert decoder.watch.invalid_bytes == 6


def test_garbage_still_waiting_for_its_line_end_counts_toward_the_report() -> None:
    decoder = ScaleDecoder("scale", "mtsics", garble_threshold=4)
    valid, problem = decoder.feed(b"\xff\xfe\xfd\xfc")
    assert valid == [] and problem is not None and "no valid frame in 4 bytes" in problem


def test_silence_reports_rejected_and_pending_garbage_together() -> None:
    decoder = ScaleDecoder("scale", "mtsics", garble_threshold=1000)
    decoder.feed(b"X\r\n\xff\xfe")  # 2 bytes rejected, 2 pending that can never be a reply
    assert decoder.watch.invalid_bytes == 2
    report = decoder.silence_report()
    assert report is not None and "no valid frame in 4 bytes" in report


def test_bytes_between_toledo_frames_are_logged_as_such(caplog: pytest.LogCaptureFixture) -> None:
    good = frame(SWA | 4, SWB_KG, SWC, b"001234")
    decoder = ScaleDecoder("scale line-1", "toledo", checksum=False)
    with caplog.at_level(logging.WARNING, logger="desktop.devices.scale"):
        decoder.feed(b"zz" + good)
    assert [r.getMessage() for r in caplog.records] == [
        "scale line-1: rejected frame b'zz': bytes outside any frame"
    ]
