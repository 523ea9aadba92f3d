"""Check characters: GS1 mod 10 and HIBC mod 43 (REFERENCE 1.4, 1.9), prefix tables (1.2)."""

from __future__ import annotations

import pytest
import zint
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.udi import (
    ai_title,
    fixed_value_length,
    gs1_check_digit,
    hibc_check_character,
    is_fixed_length,
    is_valid_check_digit,
    make_sscc,
    sscc_from,
)
from desktop.domain.udi.checkdigits import HIBC_CHARSET

GS1_VECTORS = [
    "02345673",  # GTIN-8
    "416000336108",  # GTIN-12
    "1234567890128",  # GTIN-13
    "12345678901231",  # GTIN-14
    "123456789012345675",  # SSCC-18
    "24012345678905",
    "09506000134352",
]


@pytest.mark.parametrize("code", GS1_VECTORS)
def test_reference_check_digits(code: str) -> None:
    assert gs1_check_digit(code[:-1]) == code[-1]
    assert is_valid_check_digit(code)


@pytest.mark.parametrize("code", GS1_VECTORS)
def test_every_wrong_check_digit_is_refused(code: str) -> None:
    for digit in "0123456789":
        if digit != code[-1]:
            assert not is_valid_check_digit(code[:-1] + digit)


@pytest.mark.parametrize("bad", ["", "1", "12a4", "１２３４５", " 02345673"])
def test_non_digits_are_never_valid(bad: str) -> None:
    assert not is_valid_check_digit(bad)


@pytest.mark.parametrize("bad", ["", "12a", "１２３"])
def test_check_digit_of_non_digits_raises(bad: str) -> None:
    with pytest.raises(ValueError):
        gs1_check_digit(bad)


def test_sscc() -> None:
    assert sscc_from("12345678901234567") == "123456789012345675"
    assert make_sscc("1", "2345678", "901234567") == "123456789012345675"
    with pytest.raises(ValueError):
        make_sscc("1", "2345678", "90123456")  # 15 digits
    with pytest.raises(ValueError):
        sscc_from("1234")


@pytest.mark.parametrize(
    "data",
    [
        "+A123BJC5D6E71G",
        "+A99912345/$$52001510X33",
        "+A99912349/$10X3/16D20111231/14D20200131/Q500Z",
    ],
)
def test_hibc_reference_examples(data: str) -> None:
    # The documented examples agree with the algorithm (sum including '+', mod 43).
    assert hibc_check_character(data[:-1]) == data[-1]


def _zint_hibc_check(data_without_plus: str) -> str:
    symbol = zint.Symbol()
    symbol.symbology = zint.Symbology.HIBC_39
    symbol.encode(data_without_plus)
    text = symbol.text  # "*+DATA?*": the check character is the one before the stop '*'
    return str(text)[-2]


@pytest.mark.parametrize("data", ["A123BJC5D6E71", "A99912345/$$52001510X3", "A1B2C3 -.$/+%"])
def test_hibc_check_matches_zint(data: str) -> None:
    assert hibc_check_character("+" + data) == _zint_hibc_check(data)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=HIBC_CHARSET, min_size=1, max_size=40))
def test_hibc_check_matches_zint_for_any_data(data: str) -> None:
    assert hibc_check_character("+" + data) == _zint_hibc_check(data)


def test_hibc_check_needs_plus_and_code39() -> None:
    with pytest.raises(ValueError):
        hibc_check_character("A123BJC5D6E71")
    with pytest.raises(ValueError):
        hibc_check_character("+a123")


@pytest.mark.parametrize(
    ("ai", "fixed"),
    [
        ("00", True), ("01", True), ("11", True), ("17", True), ("20", True), ("3103", True),
        ("410", True), ("10", False), ("21", False), ("235", False), ("7003", False),
        ("8001", False), ("8005", False), ("90", False), ("23", False),
    ],
)  # fmt: skip
def test_is_fixed_length(ai: str, fixed: bool) -> None:
    assert is_fixed_length(ai) is fixed


def test_fixed_value_length_and_titles() -> None:
    assert fixed_value_length("01") == 14
    assert fixed_value_length("00") == 18
    assert fixed_value_length("3103") == 6
    assert fixed_value_length("10") is None
    assert ai_title("01") == "GTIN"
    assert ai_title("10") == "BATCH/LOT"
    assert ai_title("17").upper() == "USE BY OR EXPIRY"
    assert ai_title("09") == ""
