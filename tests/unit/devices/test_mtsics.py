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


@pytest.mark.parametrize(
    ("line", "status", "value"),
    [
        (b"SI S     100.00 g", WeightStatus.STABLE, Decimal("100.00")),
        (b"SI D      99.98 g", WeightStatus.UNSTABLE, Decimal("99.98")),
        (b"S S     100.00 g", WeightStatus.STABLE, Decimal("100.00")),
    ],
)
def test_the_answer_to_si_is_read_in_both_forms(
    line: bytes, status: WeightStatus, value: Decimal
) -> None:
    parsed = reply(line)
    assert parsed.ident in mtsics.REPLY_IDS["SI"]
    assert weight(line) == Weight(status, value, "g")  # net None: the line does not say


def test_a_refusal_in_the_si_form_is_a_value() -> None:
    parsed = weight(b"SI I")
    assert parsed.status is WeightStatus.BUSY and parsed.detail.startswith("SI I:")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"TA A      50.00 g", (Decimal("50.00"), "g")),
        (b"TA A       0.00 g", (Decimal("0.00"), "g")),
        (b"TA S    -2.486 kg", (Decimal("-2.486"), "kg")),  # [unconfirmed] status S accepted
    ],
)
def test_tare_register(line: bytes, expected: tuple[Decimal, str]) -> None:
    assert mtsics.tare_of(reply(line)) == expected


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (b"ES", "syntax error"),  # a level-0 balance
        (b"TA I", "not executable"),
        (b"TA L", "parameter not allowed"),
        (b"TA A", "unreadable"),
        (b"TA A abc g", "unreadable"),
        (b"S S     100.00 g", "not the tare register"),
    ],
)
def test_what_is_not_a_tare_register_says_why(line: bytes, why: str) -> None:
    found = mtsics.tare_of(reply(line))
    assert isinstance(found, str) and why in found
