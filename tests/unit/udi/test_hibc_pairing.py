"""hibc_linked: two consecutive reads are the primary and secondary symbol of one HIBC label."""

from __future__ import annotations

import pytest

from desktop.domain.udi import hibc_check_character, hibc_linked, pair_hibc, parse_scan

PRIMARY = "+A123BJC5D6E71G"  # REFERENCE 1.9 example, check character 'G'


def checked(data: str) -> str:
    return data + hibc_check_character(data)


def secondary_for(primary: str, data: str = "$$52001510X3") -> str:
    """The secondary symbol of a two-symbol label: its link character is the primary's check."""
    return checked("+" + data + primary[-1])


def test_secondary_linked_to_its_primary() -> None:
    second = secondary_for(PRIMARY)
    assert hibc_linked(PRIMARY, second)
    # the same answer the full parser gives when it pairs the two (one implementation)
    assert pair_hibc(parse_scan(PRIMARY), parse_scan(second)).valid


@pytest.mark.parametrize("data", ["$LOT123", "$+SN0001", "$$3261231LOT9", "24001LOT1"])
def test_every_secondary_form_pairs(data: str) -> None:
    assert hibc_linked(PRIMARY, secondary_for(PRIMARY, data))


def test_link_character_of_another_primary_does_not_pair() -> None:
    other = checked("+B999ZZZ1")
    assert other[-1] != PRIMARY[-1]
    assert not hibc_linked(PRIMARY, secondary_for(other))


def test_a_check_character_one_off_does_not_pair() -> None:
    second = secondary_for(PRIMARY)
    wrong = second[:-1] + ("A" if second[-1] != "A" else "B")
    assert not hibc_linked(PRIMARY, wrong)
    assert not hibc_linked(PRIMARY[:-1] + "H", secondary_for(PRIMARY))


def test_order_kinds_and_garbage() -> None:
    second = secondary_for(PRIMARY)
    assert not hibc_linked(second, PRIMARY)  # secondary first
    assert not hibc_linked(PRIMARY, PRIMARY)  # two primaries
    joined = checked("+A99912345/$$52001510X3")
    assert not hibc_linked(joined, secondary_for(joined))  # a concatenated symbol needs no pair
    for junk in ("", "+", "G", "+a123bjc5d6e71g", "010950600013435217251231", "+A1\x1dZ"):
        assert not hibc_linked(junk, second)
        assert not hibc_linked(PRIMARY, junk)


def test_a_space_check_character_is_kept_and_pairs() -> None:
    primary = next(p for n in range(5000) if (p := checked(f"+A99{n:04d}1"))[-1] == " ")
    second = secondary_for(primary)
    assert second[-2] == " "
    assert hibc_linked(primary, second)
    assert not hibc_linked(primary.strip(), second)
