"""Toledo standard continuous frames and Ohaus lines, built by hand from the documented layout."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.devices.continuous import (
    ToledoFramer,
    parse_ohaus,
    parse_toledo,
    toledo_checksum,
)
from desktop.devices.weights import Weight, WeightStatus

SWA_2DP = 0x20 | 0x08 | 4  # XXXX.XX, increment x1, bit 5 constant
SWB_KG = 0x20 | 0x10
SWC = 0x20


def frame(swa: int, swb: int, swc: int, w: bytes, t: bytes = b"000000", chk: bool = False) -> bytes:
    body = bytes([0x02, swa, swb, swc]) + w + t + b"\r"
    return body + (bytes([toledo_checksum(body)]) if chk else b"")


def toledo(data: bytes) -> Weight:
    parsed = parse_toledo(data)
    assert isinstance(parsed, Weight), parsed
    return parsed


def test_checksum_is_twos_complement_of_the_7_bit_sum() -> None:
    body = frame(SWA_2DP, SWB_KG, SWC, b"001234")
    assert (sum(b & 0x7F for b in body) + toledo_checksum(body)) & 0x7F == 0


def test_stable_gross_kilograms_with_decimal_position() -> None:
    w = toledo(frame(SWA_2DP, SWB_KG, SWC, b"001234", b"000050"))
    assert (w.status, w.value, w.unit, w.net, w.tare) == (
        WeightStatus.STABLE, Decimal("12.34"), "kg", False, Decimal("0.50"),
    )  # fmt: skip


def test_status_bits_net_negative_motion_grams_and_pounds() -> None:
    w = toledo(frame(SWA_2DP, 0x20 | 0x01 | 0x02 | 0x08, SWC | 0x01, b"000150"))
    assert (w.net, w.value, w.status, w.unit) == (
        True,
        Decimal("-1.50"),
        WeightStatus.UNSTABLE,
        "g",
    )
    assert toledo(frame(SWA_2DP, 0x20, SWC, b"000150")).unit == "lb"


@pytest.mark.parametrize(
    ("code", "expected"), [(0, "12300"), (1, "1230"), (2, "123"), (3, "12.3"), (7, "0.00123")]
)
def test_decimal_and_dummy_zero_positions(code: int, expected: str) -> None:
    assert toledo(frame(0x28 | code, SWB_KG, SWC, b"000123")).value == Decimal(expected)


def test_out_of_range_is_overload_or_underload() -> None:
    assert toledo(frame(SWA_2DP, SWB_KG | 0x04, SWC, b"999999")).status is WeightStatus.OVERLOAD
    under = frame(SWA_2DP, SWB_KG | 0x04 | 0x02, SWC, b"000000")
    assert toledo(under).status is WeightStatus.UNDERLOAD


def test_parity_bits_and_vendor_constant_bits_are_masked() -> None:
    plain = frame(SWA_2DP, SWB_KG, SWC, b"001234")
    with_parity = bytes(b | 0x80 for b in plain)
    fairbanks = frame(SWA_2DP, SWB_KG & ~0x20, SWC, b"001234")  # bit 5 of SWB is 0 there
    assert toledo(with_parity).value == toledo(fairbanks).value == Decimal("12.34")


def test_leading_zeros_sent_as_spaces() -> None:
    assert toledo(frame(SWA_2DP, SWB_KG, SWC, b"  1234")).value == Decimal("12.34")


@pytest.mark.parametrize("checksum", [True, None])
def test_framer_with_checksum_resynchronises_after_garbage(checksum: bool | None) -> None:
    good = frame(SWA_2DP, SWB_KG, SWC, b"001234", chk=True)
    framer = ToledoFramer(checksum)
    frames, junk = framer.feed(b"\x99junk" + good[:9])
    assert frames == [] and junk == [b"\x99junk"]
    frames, junk = framer.feed(good[9:] + b"\x02broken\r" + good + good)
    assert frames[:2] == [good, good] and junk


def test_framer_without_checksum_cuts_17_bytes() -> None:
    good = frame(SWA_2DP, SWB_KG, SWC, b"001234")
    assert ToledoFramer(False).feed(good) == ([good], [])
    auto = ToledoFramer(None)
    assert auto.feed(good) == ([], [])  # auto waits for the byte after CR
    assert auto.feed(good[:1]) == ([good], [])


def test_a_bad_checksum_is_not_a_frame() -> None:
    good = frame(SWA_2DP, SWB_KG, SWC, b"001234", chk=True)
    frames, junk = ToledoFramer(True).feed(good[:-1] + bytes([(good[-1] + 1) & 0x7F]))
    assert frames == [] and junk


@pytest.mark.parametrize(
    ("line", "value", "unit", "status", "net"),
    [
        (b"    192.21 g", "192.21", "g", WeightStatus.STABLE, None),  # no legend: not said
        (b"      0.01 g ?", "0.01", "g", WeightStatus.UNSTABLE, None),
        (b"    -12.50 kg    NET", "-12.50", "kg", WeightStatus.STABLE, True),
        (b"     3.10 g   N", "3.10", "g", WeightStatus.STABLE, True),
        (b"-   12.5 lb ?  G", "-12.5", "lb", WeightStatus.UNSTABLE, False),
        (b"    192.21 g     G", "192.21", "g", WeightStatus.STABLE, False),
    ],
)
def test_ohaus_lines(
    line: bytes, value: str, unit: str, status: WeightStatus, net: bool | None
) -> None:
    parsed = parse_ohaus(line + b"\r\n")
    assert parsed == Weight(status, Decimal(value), unit, net)


@pytest.mark.parametrize("line", [b"", b"g", b"12.3", b"abc g", b"  5.0 g  T", b"\x00 5 g"])
def test_ohaus_rejects_what_is_not_a_weight(line: bytes) -> None:
    assert isinstance(parse_ohaus(line), str)
