"""HIBC mod-43 check and primary/secondary pairing by the link character."""

from __future__ import annotations

from desktop.devices.hibc import (
    CODE39,
    CONCATENATED,
    PRIMARY,
    SECONDARY,
    HibcPairer,
    check_char,
    is_valid,
    role,
)

PRIMARY_READ = "+A123BJC5D6E71G"  # example from the reference, check 'G'
S = 1_000_000_000


def secondary_for(primary: str, data: str = "+$$52001510X3") -> str:
    body = data + primary[-1]
    return body + (check_char(body) or "")


def test_reference_example() -> None:
    assert check_char("+A123BJC5D6E71") == "G"
    assert is_valid(PRIMARY_READ)
    assert not is_valid("+A123BJC5D6E71H")
    assert check_char("+a12") is None  # lower case is outside the Code 39 set


def test_check_can_be_a_space_and_is_never_stripped() -> None:
    found = next(p for n in range(1000) if check_char(p := f"+A99{n:04d}1") == " ")
    assert is_valid(found + " ")
    assert not is_valid((found + " ").strip())


def test_roles() -> None:
    assert role(PRIMARY_READ) == PRIMARY
    assert role(secondary_for(PRIMARY_READ)) == SECONDARY
    old = "+24001LOT1" + PRIMARY_READ[-1]
    assert role(old + (check_char(old) or "")) == SECONDARY
    joined = "+A99912345/$$52001510X3"
    assert role(joined + (check_char(joined) or "")) == CONCATENATED
    assert role("0123") is None


def test_consecutive_primary_then_secondary_pair() -> None:
    pairer = HibcPairer(window_ns=10 * S)
    assert pairer.observe(PRIMARY_READ, 0) is None
    assert pairer.observe(secondary_for(PRIMARY_READ), 1 * S) == PRIMARY_READ


def test_no_pair_when_link_differs_or_reads_are_not_consecutive_or_too_late() -> None:
    other = "+B999ZZZ1" + (check_char("+B999ZZZ1") or "")
    pairer = HibcPairer(window_ns=10 * S)
    pairer.observe(PRIMARY_READ, 0)
    assert pairer.observe(secondary_for(other), 1) is None  # link is other's check
    pairer.observe(PRIMARY_READ, 0)
    pairer.observe("]d2010950600013435217251231", 1)
    assert pairer.observe(secondary_for(PRIMARY_READ), 2) is None  # not consecutive
    pairer.observe(PRIMARY_READ, 0)
    assert pairer.observe(secondary_for(PRIMARY_READ), 11 * S) is None  # too late


def test_every_code39_character_has_a_value() -> None:
    assert len(CODE39) == 43 and check_char(CODE39) is not None
