"""MT-SICS reply parsing, including both forms where the reference is unconfirmed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.devices import mtsics
from desktop.devices.weights import Weight, WeightStatus


def reply(line: bytes) -> mtsics.SicsReply:
    parsed = mtsics.parse_line(line)
    assert isinstance(parsed, mtsics.SicsReply), parsed
    return parsed


def weight(line: bytes) -> Weight:
    parsed = mtsics.to_weight(reply(line))
    assert isinstance(parsed, Weight), parsed
    return parsed


def test_stable_and_dynamic_weights() -> None:
    assert weight(b"S S     100.00 g") == Weight(WeightStatus.STABLE, Decimal("100.00"), "g")
    assert weight(b"S D      99.98 g").status is WeightStatus.UNSTABLE
    assert weight(b"S S    -12.345 kg").value == Decimal("-12.345")
    assert weight(b"S S -    12.34 g").value == Decimal("-12.34")


@pytest.mark.parametrize(
    ("line", "status"),
    [
        (b"S I", WeightStatus.BUSY),
        (b"S +", WeightStatus.OVERLOAD),
        (b"S -", WeightStatus.UNDERLOAD),
        (b"ES", WeightStatus.ERROR),
        (b"ET", WeightStatus.ERROR),
        (b"EL", WeightStatus.ERROR),
    ],
)
def test_refusals_are_values(line: bytes, status: WeightStatus) -> None:
    parsed = weight(line)
    assert parsed.status is status and parsed.value is None and parsed.detail


@pytest.mark.parametrize("line", [b'I4 A "B021002593"', b'@ A "B021002593"'])
def test_reset_answer_in_both_forms_carries_the_serial(line: bytes) -> None:
    parsed = reply(line)
    assert parsed.ident in mtsics.REPLY_IDS["@"]
    assert mtsics.quoted_text(parsed) == "B021002593"


@pytest.mark.parametrize("line", [b"T S    125.50 g", b"T A 2.486 g"])
def test_tare_answer_in_both_forms(line: bytes) -> None:
    parsed = reply(line)
    assert parsed.ident == "T" and parsed.status in ("S", "A")
    assert mtsics.value_and_unit(parsed.args) is not None


def test_quoted_text_keeps_spaces() -> None:
    assert reply(b'I2 A "WKC204C 6200.00 g"').args == ("WKC204C 6200.00 g",)


@pytest.mark.parametrize(
    "line", [b"", b"s s 1 g", b"S Q 1 g", b"S\x00S", b"\xff\xfe", b"S S abc g", b"S S 1e5 g"]
)
def test_garbage_is_rejected_not_raised(line: bytes) -> None:
    parsed = mtsics.parse_line(line)
    if isinstance(parsed, mtsics.SicsReply):
        assert isinstance(mtsics.to_weight(parsed), str)
    else:
        assert isinstance(parsed, str)


def test_commands_end_with_crlf() -> None:
    assert mtsics.command_bytes("SIR") == b"SIR\r\n"
