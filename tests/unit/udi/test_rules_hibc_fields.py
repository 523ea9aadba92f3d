"""HIBC field rules with the exact words people read: lots and serials in every secondary form
(empty, a character HIBC does not expect, over the usual 18), dates with day 00 and the old
Julian form, quantity forms followed by MMYY or by a second quantity, supplemental data
identifiers after the primary and after a secondary, and two symbols joined in one read.

Check characters here are computed with the rule of REFERENCE 1.9 written out in this file
(the Code 39 values of every character from the '+', summed mod 43), not with Lotline's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import ParsedUDI, hibc_linked, pair_hibc, parse_scan

TODAY = dt.date(2026, 3, 1)
D = dt.date
CODE39 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%"  # values 0-42 (REFERENCE 1.9)
PRIMARY = "+A123BJC5D6E71G"  # the published primary: its check character is G
SECONDARY_ONLY = (
    "HIBC secondary data only (lot, serial, dates): pair it with the primary symbol's scan to "
    "know the product"
)


def checked(data: str) -> str:
    """``data`` with its HIBC check character: CS[sum of the Code 39 values mod 43]."""
    return data + CODE39[sum(CODE39.index(c) for c in data) % 43]


def secondary(data: str, link: str = "G") -> str:
    """A secondary symbol "+data link check" linked to PRIMARY."""
    return checked("+" + data + link)


def parse(text: str) -> ParsedUDI:
    return parse_scan(text, today=TODAY)


def test_the_check_rule_of_this_file_reproduces_the_published_primary() -> None:
    assert checked("+A123BJC5D6E71") == PRIMARY


# --- lots and serials: empty, a character that is not a letter or digit, over 18 ----------


@pytest.mark.parametrize(
    ("data", "what"),
    [
        ("$", "lot"),
        ("$+", "serial"),
        ("$$7", "lot"),
        ("$$+7", "serial"),
        ("26060", "lot"),  # old form: YYJJJ then the lot
    ],
)
def test_an_empty_lot_or_serial_is_read_with_a_warning(data: str, what: str) -> None:
    parsed = parse(secondary(data))
    assert parsed.errors == ()
    assert parsed.warnings == (f"HIBC secondary has an empty {what}", SECONDARY_ONLY)
    assert (parsed.lot, parsed.serial) == (None, None)


@pytest.mark.parametrize(
    ("prefix", "what"),
    [("$", "lot"), ("$+", "serial"), ("$$7", "lot"), ("$$+7", "serial"), ("26060", "lot")],
)
def test_a_lot_or_serial_with_a_code_39_symbol_is_kept_with_a_warning(
    prefix: str, what: str
) -> None:
    parsed = parse(secondary(prefix + "AB-1"))
    assert parsed.errors == ()
    assert parsed.warnings == (
        f'HIBC {what} "AB-1" contains "-"; HIBC expects letters and digits only',
        SECONDARY_ONLY,
    )
    assert (parsed.lot if what == "lot" else parsed.serial) == "AB-1"


@pytest.mark.parametrize(
    ("prefix", "what"),
    [("$", "lot"), ("$+", "serial"), ("$$7", "lot"), ("$$+7", "serial"), ("26060", "lot")],
)
def test_a_lot_or_serial_of_18_is_usual_and_of_19_is_warned(prefix: str, what: str) -> None:
    at_limit = parse(secondary(prefix + "A" * 18))
    assert at_limit.errors == () and at_limit.warnings == (SECONDARY_ONLY,)
    past = parse(secondary(prefix + "A" * 19))
    assert past.errors == ()
    assert past.warnings == (
        f'HIBC {what} "{"A" * 19}" is 19 characters, over the usual 18',
        SECONDARY_ONLY,
    )


def test_a_serial_supplement_is_judged_like_any_serial() -> None:
    empty = parse(checked("+A99912345/S"))
    assert empty.errors == () and empty.warnings == ("HIBC secondary has an empty serial",)
    odd = parse(checked("+A99912345/SAB.1"))
    assert odd.serial == "AB.1"
    assert odd.warnings == (
        'HIBC serial "AB.1" contains "."; HIBC expects letters and digits only',
    )
    long = parse(checked("+A99912345/S" + "7" * 19))
    assert long.warnings == (f'HIBC serial "{"7" * 19}" is 19 characters, over the usual 18',)


def test_the_shortest_secondary_is_a_dollar_and_its_link() -> None:
    """'+', '$', the link and the check: an empty lot, but a secondary that pairs."""
    parsed = parse(secondary("$"))
    assert parsed.hibc is not None and parsed.hibc.kind == "secondary"
    assert parsed.hibc.link == "G"
    assert parsed.errors == ()


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "digits", "form"),
    [("$$3260200LOT", "260200", "YYMMDD"), ("$$426020000LOT", "26020000", "YYMMDDHH")],
)
def test_a_hibc_date_with_day_00_is_refused(data: str, digits: str, form: str) -> None:
    """Day 00 means "last day of the month" in GS1 (11)/(17) only; HIBC dates name a day."""
    parsed = parse(secondary(data))
    assert parsed.errors == (
        f'HIBC expiry "{digits}" ({form}): day 00 is not allowed here; a real day is required; '
        "check the label",
    )
    assert parsed.expiry is None


def test_the_old_julian_form_names_the_five_digits_and_the_form() -> None:
    parsed = parse(secondary("26400LOT1"))
    assert parsed.errors == (
        'HIBC expiry "26400" (YYJJJ): day 400 does not exist in 2026; check the label',
    )
    assert parsed.lot == "LOT1"
    good = parse(secondary("26365LOT1"))
    assert (good.expiry, good.lot, good.errors) == (D(2026, 12, 31), "LOT1", ())


@pytest.mark.parametrize(
    ("month_year", "expiry"), [("0526", D(2026, 5, 31)), ("1226", D(2026, 12, 31))]
)
def test_a_quantity_followed_by_an_mmyy_date(month_year: str, expiry: dt.date) -> None:
    """Form 8 (two-digit quantity), then a date form: MMYY starts with 0 or 1 (its month)."""
    parsed = parse(secondary(f"$$824{month_year}LOT"))
    assert parsed.hibc is not None and parsed.hibc.quantity == 24
    assert (parsed.expiry, parsed.lot, parsed.errors) == (expiry, "LOT", ())
    assert parsed.warnings == (
        f'HIBC expiry "{month_year}" (MMYY) gives no day: read as {expiry.isoformat()}, the '
        "last day of the month",
        SECONDARY_ONLY,
    )


@pytest.mark.parametrize("second", ["8", "9"])
def test_a_second_quantity_form_after_a_quantity_is_refused(second: str) -> None:
    parsed = parse(secondary(f"$$824{second}05LOT"))
    assert parsed.errors == (f'HIBC "{second}05LOT": a second quantity form after quantity',)


# --- supplemental data identifiers -------------------------------------------------------


def test_supplements_of_a_secondary_symbol_are_read() -> None:
    parsed = parse(secondary("$LOT1/16D20260131/14D20280229"))
    assert (parsed.lot, parsed.production_date, parsed.expiry) == (
        "LOT1",
        D(2026, 1, 31),
        D(2028, 2, 29),
    )
    assert parsed.errors == ()
    assert parsed.hibc is not None
    assert parsed.hibc.supplemental == (("16D", "20260131"), ("14D", "20280229"))


def test_a_supplement_right_after_the_primary() -> None:
    """A "+primary/16D..." with no secondary segment: the segment is a data identifier, not an
    old-form date."""
    parsed = parse(checked("+A99912345/16D20111231"))
    assert (parsed.production_date, parsed.lot, parsed.errors) == (D(2011, 12, 31), None, ())
    assert parsed.hibc is not None and parsed.hibc.kind == "concatenated"


def test_quantity_of_one_digit_and_an_unknown_identifier_before_a_known_one() -> None:
    parsed = parse(checked("+A99912345/Q5/XX/S12"))
    assert parsed.hibc is not None
    assert parsed.hibc.quantity == 5
    assert parsed.serial == "12"
    assert parsed.hibc.supplemental == (("Q", "5"), ("S", "12"))
    assert parsed.warnings == (
        'HIBC supplemental field "XX" has no data identifier Lotline knows (S, 16D, 14D, Q); '
        "it was ignored",
    )


# --- two symbols joined in one read ------------------------------------------------------


def test_a_joined_read_keeps_the_scanners_symbology() -> None:
    parsed = parse("]C0" + PRIMARY + secondary("$$52001510X3"))
    assert parsed.errors == ()
    assert parsed.symbology == "]C0"
    assert (parsed.di, parsed.lot, parsed.expiry) == ("A123BJC5D6E71", "10X3", D(2020, 1, 15))


def test_a_joined_read_with_the_shortest_secondary_pairs() -> None:
    parsed = parse(PRIMARY + secondary("$"))
    assert parsed.errors == ()
    assert parsed.hibc is not None and parsed.hibc.kind == "concatenated"
    assert parsed.warnings == ("HIBC secondary has an empty lot",)


def test_a_misread_concatenated_symbol_is_not_taken_for_two_symbols() -> None:
    """'$$+7' in one concatenated symbol holds a '+' and a digit; with a wrong check the read
    is refused for its check character, not split there into a primary and a secondary."""
    good = checked("+A99912345/$$+7SER1")
    wrong = good[:-1] + ("A" if good[-1] != "A" else "B")
    parsed = parse(wrong)
    assert parsed.serial == "SER1"
    assert len(parsed.errors) == 1
    assert parsed.errors[0].startswith(f'HIBC data "{wrong}" has check character "{wrong[-1]}"')


# --- two reads paired ----------------------------------------------------------------------


def test_a_pair_keeps_everything_the_secondary_read() -> None:
    """Quantity, expiry, production date, supplements and the secondary's own warnings."""
    second = secondary("$$8240526LOT1/16D20260131")
    paired = pair_hibc(parse(PRIMARY), parse(second))
    assert paired.errors == ()
    assert (paired.di, paired.lot, paired.expiry, paired.production_date) == (
        "A123BJC5D6E71",
        "LOT1",
        D(2026, 5, 31),
        D(2026, 1, 31),
    )
    assert paired.hibc is not None
    assert (paired.hibc.kind, paired.hibc.quantity, paired.hibc.supplemental) == (
        "concatenated",
        24,
        (("16D", "20260131"),),
    )
    assert paired.warnings == (
        'HIBC expiry "0526" (MMYY) gives no day: read as 2026-05-31, the last day of the month',
    )


@pytest.mark.parametrize(
    "primary",
    [
        checked("+A123" + "B" * 19 + "1"),  # product number of 19 characters (at most 18)
        checked("+A123BJC5D61X"),  # unit of measure a letter (one digit 0-9)
    ],
)
def test_a_faulty_primary_is_not_linked_to_its_secondary(primary: str) -> None:
    assert not hibc_linked(primary, secondary("$LOT", link=primary[-1]))


def test_a_primary_of_18_characters_is_linked_to_its_secondary() -> None:
    primary = checked("+A123" + "B" * 18 + "1")
    assert hibc_linked(primary, secondary("$LOT", link=primary[-1]))


def test_a_joined_read_pairs_when_the_primary_check_character_is_0() -> None:
    """The check of a primary is CS[sum mod 43]; when it is '0' (value 0) the primary adds
    nothing mod 43, so the joined whole ends in a correct check character as well. It is
    still two symbols: a primary holds no '+'."""
    primary = checked("+A123PROD7991")
    assert primary[-1] == "0"
    second = secondary("$LOT1", link="0")
    parsed = parse(primary + second)
    assert parsed.errors == ()
    assert (parsed.di, parsed.lot) == ("A123PROD7991", "LOT1")
    assert parsed.hibc is not None and parsed.hibc.kind == "concatenated"


def test_a_joined_read_is_split_where_the_secondary_s_own_check_is_right() -> None:
    """A serial secondary ("$$+7") holds a second '+' followed by a digit: two places where a
    secondary could start. The read is split after the primary, where the secondary ends in
    its own correct check character, not at the serial's '+'. With a primary whose check (and
    so the link) is 'A', the check of the whole secondary is also what the part from the
    serial's '+' to the link (link excluded) sums to, and that part's check with the link is
    'A' too: a split chosen by any other comparison lands on the '+' of '$$+'."""
    primary = checked("+A123PRODZ1")
    assert primary == "+A123PRODZ1A"
    second = secondary("$$+7SER0C", link="A")
    assert second == "+$$+7SER0CA0"
    tail = second.index("+", 1)
    assert checked(second[tail:-1])[-1] == "A" and checked(second[tail:-2])[-1] == "0"
    parsed = parse(primary + second)
    assert parsed.errors == ()
    assert (parsed.di, parsed.serial, parsed.lot) == ("A123PRODZ1", "SER0C", None)
    assert parsed.hibc is not None and parsed.hibc.link == "A"


def test_a_plus_inside_the_labeler_code_starts_no_secondary() -> None:
    """A secondary is looked for only after the '+', the labeler code and one character more:
    a '+' before that is read as part of one symbol, and refused for it."""
    read = checked("+A1+$LOT1G")
    assert parse(read).errors == (
        f'HIBC primary "{read[:-1]}": labeler code "A1+$" must be 4 letters or digits, '
        "starting with a letter",
    )


def test_a_plus_after_the_labeler_code_and_one_character_is_read_as_a_join() -> None:
    """'+A123B' then '+$...': read as a (too short) primary and a secondary, each refused for
    what is wrong with it, and the pair for its link."""
    read = checked("+A123B+$LOT1G")
    errors = parse(read).errors
    assert errors[1].startswith('HIBC primary "+A123": too short: it needs a 4-character labeler')
    assert errors[-1] == (
        f'HIBC secondary "{read[6:]}" has link character "G", but primary "+A123B" has check '
        'character "B": the two symbols are not from the same label; scan both from one label'
    )


def test_two_primaries_joined_are_not_taken_for_a_primary_and_a_secondary() -> None:
    """A '+' followed by a letter starts another primary, never a secondary: the read is
    refused as one symbol whose product number holds a '+'."""
    read = PRIMARY + checked("+B456XYZ1")
    errors = parse(read).errors
    assert errors[-1] == (
        f'HIBC primary "{read[:-1]}": product number "BJC5D6E71G+B456XYZ" must be 1 to 18 '
        "letters or digits"
    )
    assert len(errors) == 2 and errors[0].startswith(f'HIBC data "{read}" has check character')


def test_a_joined_read_with_a_character_outside_code_39_is_refused_as_read() -> None:
    """The position counts from the start of the read, as the operator sees it."""
    read = PRIMARY + "+$lot1GX"  # a lower-case lot, its link G, some check character
    parsed = parse(read)
    assert parsed.errors == (
        f'HIBC data "{read}" has "l" at position 18, which is not a Code 39 character (HIBC '
        "uses capital letters only); rescan or retype it",
    )
