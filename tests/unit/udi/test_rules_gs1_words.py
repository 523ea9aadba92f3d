"""GS1 rules with the exact words people read, where earlier tests left a branch unread: a fixed
AI swallowed by a variable field with no separator (GenSpecs: a missing FNC1 is not detectable
by syntax, REFERENCE 1.3 rule 4, so Lotline only warns when the rest reads cleanly), the single
AI a requirement names, wildcard AIs in association rules, bare GTINs without an AIM
identifier, bracketed text, composing with two faults and dates past a century, characters
that cannot be printed, and SSCC parts in other scripts' digits.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import ComposeError, compose, parse_scan
from desktop.domain.udi.ai_table import ai_code_length, ai_spec
from desktop.domain.udi.checkdigits import gs1_check_digit, is_valid_check_digit, make_sscc

TODAY = dt.date(2026, 3, 1)
GTIN = "09506000134352"  # GS1's published example GTIN (check digit 2)


def warnings_of(text: str) -> tuple[str, ...]:
    parsed = parse_scan(text, today=TODAY)
    assert parsed.errors == ()
    return parsed.warnings


def swallowed(value: str, inner: str, reading: str) -> str:
    return (
        f'INTERNAL (91) "{value}" contains "{inner}", which reads as {reading}: missing '
        "separator? A GS (FNC1) must follow every variable-length field; check the label "
        "template"
    )


# --- a fixed-length AI inside a variable field (a missing separator) ---------------------


def test_a_valid_gtin_inside_a_variable_field_is_warned() -> None:
    value = "A01" + GTIN
    assert warnings_of("]d291" + value) == (swallowed(value, "01" + GTIN, f"GTIN (01) {GTIN}"),)


@pytest.mark.parametrize(
    "inner",
    [
        "0109506000134353",  # check digit 3, the GTIN's is 2
        "0100000000000000",  # all zeros: its check digit is right, but it is no GTIN
        "01ABCDEFGHIJKLMN",  # not digits
        "010950600013435",  # one digit short
        "011234567890128",  # a GTIN-13 with its right check digit: (01) takes 14 digits
    ],
)
def test_what_cannot_be_a_gtin_inside_a_variable_field_is_data(inner: str) -> None:
    assert warnings_of("]d291A" + inner) == ()


def test_an_expiry_with_day_00_inside_a_variable_field_reads_as_the_months_last_day() -> None:
    """(17) allows DD=00 (REFERENCE 1.5): 261200 is 2026-12-31."""
    value = "A17261200"
    assert warnings_of("]d291" + value) == (swallowed(value, "17261200", "expiry (17) 2026-12-31"),)


def test_a_swallowed_ai_followed_by_a_clean_date_ai_is_warned() -> None:
    """The rest after the swallowed value must itself read as GS1: here (11) 2026-12-31."""
    value = "A1726123111261231"
    assert warnings_of("]d291" + value) == (
        swallowed(value, "1726123111261231", "expiry (17) 2026-12-31"),
    )
    value = "A01" + GTIN + "17261231"
    assert warnings_of("]d291" + value) == (
        swallowed(value, "01" + GTIN + "17261231", f"GTIN (01) {GTIN}"),
    )


@pytest.mark.parametrize(
    "rest",
    [
        "GARBAGE!!",  # no AI at all
        "11261231ZZ",  # an AI, then something that is not one
        "11261331",  # an AI whose date does not exist (month 13)
        "10",  # an AI with no value
    ],
)
def test_a_swallowed_ai_whose_rest_does_not_read_cleanly_is_data(rest: str) -> None:
    assert warnings_of("]d291A17261231" + rest) == ()


# --- association rules in words ----------------------------------------------------------


def test_an_ai_needing_the_gtin_alone_names_it() -> None:
    parsed = parse_scan("]d222ABC", today=TODAY)
    assert parsed.errors == (
        'CPV (22) "ABC" needs a GTIN (01) with it (GS1 AI association rule), and none is '
        "present: the label's data is incomplete; have its template checked",
    )


def test_wildcard_ais_of_a_requirement_are_written_with_x() -> None:
    """GS1: (3920-3929) needs (01) with (30), or (01) with any (31nn), (32nn), (35nn), (36nn)."""
    parsed = parse_scan("]d20109506000134352392012345", today=TODAY)
    assert parsed.errors == (
        'PRICE (3920) "12345" needs (01) with (30), or (01) with (31xx), or (01) with (32xx), '
        "or (01) with (35xx), or (01) with (36xx) with it (GS1 AI association rule), and "
        "count (30) is missing: the label's data is incomplete; have its template checked",
    )


# --- reads without a GS1 AIM identifier ---------------------------------------------------


def test_only_8_12_13_or_14_digits_read_as_a_bare_gtin() -> None:
    """An 18-digit number with a correct mod-10 check (the SSCC test value of REFERENCE 1.4)
    typed without an AI is not a GTIN: it is read as element strings, and refused there."""
    parsed = parse_scan("123456789012345675", today=TODAY)
    assert parsed.di is None
    assert not any("EAN/UPC" in error or "GTIN" in error for error in parsed.errors)
    assert parsed.errors[0] == 'due date (12) "345678": month 56 does not exist: check the label'


def test_ean_reads_keep_the_raw_read() -> None:
    good = parse_scan("]E0" + GTIN, today=TODAY)
    assert (good.raw, good.symbology, good.di) == ("]E0" + GTIN, "]E0", GTIN)
    bad = parse_scan("]E0950600013435X", today=TODAY)
    assert (bad.raw, bad.symbology) == ("]E0950600013435X", "]E0")
    assert bad.errors == (
        'EAN/UPC data "950600013435X" is not a GTIN: expected 8, 12 or 13 digits (an add-on '
        "or a damaged read?)",
    )


def test_bracketed_text_keeps_the_raw_read_and_the_symbology() -> None:
    typed = parse_scan("(01)09506000134352(10)ABC", today=TODAY)
    assert (typed.raw, typed.symbology, typed.lot) == ("(01)09506000134352(10)ABC", None, "ABC")
    encoded = parse_scan("]d1(01)09506000134352(10)ABC", today=TODAY)
    assert (encoded.raw, encoded.symbology) == ("]d1(01)09506000134352(10)ABC", "]d1")


# --- characters that cannot be printed -----------------------------------------------------


@pytest.mark.parametrize(("char", "shown"), [("\x07", "\\x07"), ("\u200b", "\\u200b")])
def test_characters_that_cannot_be_printed_are_named_by_code(char: str, shown: str) -> None:
    """Below U+0100 as \\xNN, above it as \\uNNNN (U+200B is the zero-width space)."""
    parsed = parse_scan(f"]d201{GTIN}10AB{char}", today=TODAY)
    assert parsed.errors[0].startswith(
        f'lot (10) "AB{shown}" has "{shown}" at position 3, but may hold only GS1 characters'
    )


# --- composing -----------------------------------------------------------------------------


def test_compose_names_every_fault_at_once() -> None:
    with pytest.raises(ComposeError) as raised:
        compose({"gtin": "09506000134353", "lot": "A B"}, today=TODAY)
    assert str(raised.value) == (
        'cannot compose: GTIN (01) "09506000134353" has check digit 3, expected 2; lot (10) '
        '"A B" has " " (space) at position 2, but may hold only GS1 characters (letters A-Z '
        "a-z, digits and !\"%&'()*+,-./:;<=>?_)"
    )


@pytest.mark.parametrize("expiry", [dt.date(2120, 6, 30), "2120-06-30"])
def test_compose_writes_years_by_the_given_day(expiry: dt.date | str) -> None:
    """The century window turns with ``today``: in 2100, 2120 is written 20."""
    composed = compose({"gtin": GTIN, "expiry": expiry}, today=dt.date(2100, 1, 1))
    assert composed.element_string == "01" + GTIN + "17200630"
    assert composed.human_dates == {"17": "2120-06-30"}


def test_compose_names_the_ai_of_a_typed_date_out_of_the_window() -> None:
    with pytest.raises(ComposeError) as raised:
        compose({"gtin": GTIN, "expiry": "2090-01-01"}, today=TODAY)
    assert str(raised.value) == (
        "expiry (17) 2090-01-01: year 2090 cannot be written as YY: two-digit years read as "
        "1977-2076"
    )


# --- SSCC parts ----------------------------------------------------------------------------


@pytest.mark.parametrize("part", ["０３１２３４５", "٠٣١٢٣٤٥"])  # fullwidth, Arabic-Indic
def test_sscc_parts_in_other_scripts_digits_are_refused(part: str) -> None:
    """str.isdigit() accepts them; a GS1 key is ASCII digits only."""
    with pytest.raises(ValueError, match="the SSCC company prefix must be digits"):
        make_sscc("0", part, "123456789")


# --- the smallest and the foreign -------------------------------------------------------------


def test_the_shortest_number_with_a_check_digit_has_two_digits() -> None:
    """REFERENCE 1.4: one routine for every length; for "1" the weight is 3, so the check is
    (10 - 3) mod 10 = 7."""
    assert is_valid_check_digit("17")
    assert not is_valid_check_digit("18")
    assert not is_valid_check_digit("7")


def test_ai_digits_are_ascii_digits() -> None:
    assert ai_code_length("10") == 2
    assert ai_code_length("١٠") is None  # Arabic-Indic "10"


# --- where a swallowed AI is looked for -------------------------------------------------------


def test_a_value_that_starts_with_ai_digits_is_data() -> None:
    """A swallowed AI needs some of the field before it: "17261231" alone is an internal value."""
    assert warnings_of("]d29117261231") == ()


def test_an_ai_already_present_is_not_looked_for_inside_a_field() -> None:
    assert warnings_of(f"]d201{GTIN}1726123110AB17261231") == ()


def test_only_character_fields_are_searched() -> None:
    """(3920) PRICE is digits (N..15): its digits are a price, whatever AIs they spell."""
    assert warnings_of(f"]d201{GTIN}301\x1d3920117261231") == ()


# --- what the rules say to do --------------------------------------------------------------


def test_an_unknown_ai_and_a_value_off_the_ais_format_say_what_to_check() -> None:
    assert parse_scan("(9999)ABC", today=TODAY).errors == (
        '(9999) "ABC": "9999" is not a GS1 Application Identifier: check the AI digits',
    )
    assert parse_scan(f"(01){GTIN}(8003)1234", today=TODAY).errors == (
        'GRAI (8003) "1234" does not have the GS1 format of (8003): check the label against the '
        "AI's definition",
    )


def test_a_short_number_of_a_checked_ai_is_judged_by_its_format_only() -> None:
    """(255) GCN is N13 and an optional serial: four digits are not a GCN, and no check digit
    is judged on them."""
    assert parse_scan("]d22551234", today=TODAY).errors == (
        'GCN (255) "1234" does not have the GS1 format of (255): check the label against the '
        "AI's definition",
    )


def test_a_character_outside_cset_82_in_first_position_is_named() -> None:
    parsed = parse_scan(f"]d201{GTIN}10#ABC", today=TODAY)
    assert parsed.errors[0].startswith('lot (10) "#ABC" has "#" at position 1, but may hold only')


def test_two_missing_companions_are_named_together_in_words() -> None:
    parsed = parse_scan("]d2250ABC")  # a secondary serial with neither a GTIN nor a serial
    assert not parsed.valid
    assert parsed.errors == (
        'secondary serial (250) "ABC" needs (01) with (21), or (03) with (21), or (8006) with '
        "(21) with it (GS1 AI association rule), and GTIN (01) and serial (21) are missing: the "
        "label's data is incomplete; have its template checked",
    )


def test_a_check_digit_of_something_that_is_not_digits_is_refused_naming_it() -> None:
    with pytest.raises(ValueError) as refused:
        gs1_check_digit("12a")
    assert str(refused.value) == "check digit needs digits only, got '12a'"


def test_an_ai_of_several_components_has_no_single_kind_or_length() -> None:
    ai_spec.cache_clear()  # read the dictionary afresh, not from an earlier test's look-up
    spec = ai_spec("8043")  # UIC with extension: N4+N18+[N1..N2]
    assert spec is not None
    assert (spec.kind, spec.min_len, spec.max_len) == (None, 0, 0)
    single = ai_spec("10")  # batch or lot: X..20
    assert single is not None and (single.kind, single.min_len, single.max_len) == ("X", 1, 20)


def test_every_invalid_pair_is_reported_once() -> None:
    from desktop.domain.udi.gs1_associations import Clash, clashes

    assert clashes(["02", "01", "03"]) == [Clash("02", "01"), Clash("02", "03"), Clash("03", "01")]
    assert clashes(["01", "01", "02"]) == [Clash("02", "01")]  # a repeated AI is one AI


def test_every_unknown_numeric_query_parameter_is_named() -> None:
    parsed = parse_scan("https://id.gs1.org/01/09506000134352/10/ABC?9999=1&9998=2")
    assert [e.split(": ", 1)[1] for e in parsed.errors] == [
        'query parameter "9999" is numeric but not a GS1 Application Identifier',
        'query parameter "9998" is numeric but not a GS1 Application Identifier',
    ]
