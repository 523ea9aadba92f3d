"""MA code (IDcode) rules with the exact words people read, at and just past each limit: the
parts of the DI (docs/udi-china.md: country 3 digits, industry 2 characters, registrant 6
digits, product code a packaging digit, item code and check, 3 characters or more), data units
after a faulty one still read, the older '.P' only where no '.M' is given, dates with day 00,
the check character by the documented rule written out here, and composing (the DI taken as
issued, dates of 6 or 8 digits, '.C' only after data units).
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import ComposeError, ParsedUDI, compose_ma, ma_check_character, parse_scan

TODAY = dt.date(2026, 3, 1)
DI = "MA.156.M0.100472.11103316"  # a published DI (its check character 6 is published too)
KNOWN = (
    ".L lot, .S serial, .M production date, .D sterilisation lot, .V use-by date (有效期), "
    ".E expiry date (失效期), .C check character"
)

# The character values of docs/udi-china.md ("digits 0-9, A-Z 10-35, a-g 36-42, h-z 45-63,
# then -.@$,*+%/#!^~ 64-76"), written out here and not taken from the code.
VALUES = {str(d): d for d in range(10)}
VALUES.update({c: 10 + n for n, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")})
VALUES.update({c: 36 + n for n, c in enumerate("abcdefg")})
VALUES.update({c: 45 + n for n, c in enumerate("hijklmnopqrstuvwxyz")})
VALUES.update({c: 64 + n for n, c in enumerate("-.@$,*+%/#!^~")})


def luhn_check(text: str) -> str:
    """docs/udi-china.md: each value as decimal digits, Luhn from the right, mod 10."""
    digits = [int(d) for c in text for d in str(VALUES[c])]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2:
            digit = digit * 2 // 10 + digit * 2 % 10
        total += digit
    return str((10 - total % 10) % 10)


def parse(text: str) -> ParsedUDI:
    return parse_scan(text, today=TODAY)


def refused(code: str, problem: str) -> str:
    return f'MA product identifier "{code}": {problem}'


# --- the DI's parts ------------------------------------------------------------------------


@pytest.mark.parametrize("industry", ["M", "M0X"])
def test_an_industry_code_of_other_than_2_characters_is_refused(industry: str) -> None:
    code = f"MA.156.{industry}.100472.11103316"
    parsed = parse(code)
    assert parsed.errors == (
        refused(code, f'the industry code "{industry}" must be 2 characters (M0: medical devices)'),
    )
    assert (parsed.di, parsed.ma) == (None, None)


def test_the_refused_di_is_quoted_without_the_data_units() -> None:
    parsed = parse("MA.15.M0.100472.11103316.L123")
    assert parsed.errors == (
        refused(
            "MA.15.M0.100472.11103316", 'the country code "15" must be 3 digits (156 for China)'
        ),
    )


def test_an_empty_registrant_code_is_named_as_the_registrant_code() -> None:
    code = "MA.156.M0..11103316"
    assert parse(code).errors == (refused(code, 'the registrant code "" must be 6 digits'),)


@pytest.mark.parametrize("product", ["15", "A1234"])
def test_a_product_code_needs_3_characters_from_a_packaging_digit(product: str) -> None:
    code = f"MA.156.M0.100472.{product}"
    assert parse(code).errors == (
        refused(
            code,
            f'the product code "{product}" must be a packaging digit, the item code and a check '
            "character",
        ),
    )


def test_a_product_code_of_3_characters_is_the_shortest_read() -> None:
    parsed = parse("MA.156.M0.100472.1A5")
    assert parsed.errors == ()
    assert parsed.di == "MA.156.M0.100472.1A5"
    assert parsed.ma is not None and parsed.ma.packaging == "1"


# --- data units --------------------------------------------------------------------------


def test_units_after_an_unknown_one_are_still_read() -> None:
    parsed = parse(DI + ".Q1.L123")
    assert parsed.errors == (f'MA data unit ".Q1" has no known separator (known: {KNOWN})',)
    assert parsed.lot == "123"


def test_units_after_an_empty_one_are_still_read() -> None:
    parsed = parse(DI + ".L.S123")
    assert parsed.errors == ("MA data unit .L (lot) is empty",)
    assert parsed.serial == "123"


def test_units_after_a_repeated_one_are_still_read() -> None:
    parsed = parse(DI + ".LA.LB.S12")
    assert parsed.errors == ('MA code gives the lot twice ("A" and "B")',)
    assert (parsed.lot, parsed.serial) == ("A", "12")


def test_the_older_p_unit_is_not_read_when_m_is_given() -> None:
    """'.P' stands for '.M' only in codes that have no '.M'; beside one it is unknown."""
    parsed = parse(DI + ".M260101.P260102")
    assert parsed.errors == (f'MA data unit ".P260102" has no known separator (known: {KNOWN})',)
    assert parsed.production_date == dt.date(2026, 1, 1)


@pytest.mark.parametrize("value", ["260200", "20260200"])
def test_an_ma_date_with_day_00_is_refused(value: str) -> None:
    parsed = parse(DI + ".E" + value)
    assert parsed.errors == (
        f'MA expiry date (失效期) "{value}": day 00 is not allowed here; a real day is '
        "required; check the label",
    )
    assert parsed.expiry is None


# --- the check character -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        ".S4",  # a total that is a multiple of 10: the check is 0, not 10
        "MA.156.M0.100472.1110331",
        ".Ste002.M200206.L343432.D555555.E200228.V200307",
        ".LL1.E20260630",
        ".Sxyz-0",
    ],
)
def test_the_check_character_follows_the_documented_rule(text: str) -> None:
    assert ma_check_character(text) == luhn_check(text)
    assert len(ma_check_character(text)) == 1


def test_a_character_without_a_value_is_named() -> None:
    with pytest.raises(ValueError, match=r"^'_' cannot be in an MA code$"):
        ma_check_character("A_")


# --- composing -----------------------------------------------------------------------------


def test_a_di_alone_is_composed_without_a_check_unit() -> None:
    composed = compose_ma(DI, today=TODAY)
    assert (composed.text, composed.di, composed.units) == (DI, DI, ())


def test_composed_units_and_check_are_given_back() -> None:
    composed = compose_ma(DI, lot="L1", expiry=dt.date(2026, 6, 30), today=TODAY)
    check = luhn_check(".LL1.E260630")
    assert composed.text == f"{DI}.LL1.E260630.C{check}"
    assert composed.di == DI
    assert composed.units == (("L", "L1"), ("E", "260630"), ("C", check))
    assert composed.value("C") == check


def test_long_dates_are_written_with_four_digit_years() -> None:
    composed = compose_ma(
        DI, production_date=dt.date(2026, 1, 2), expiry=dt.date(2031, 1, 2), long_dates=True
    )
    assert composed.value("M") == "20260102"
    assert composed.value("E") == "20310102"
    assert composed.text.startswith(DI + ".M20260102.E20310102.C")


def test_short_dates_follow_the_given_day() -> None:
    """The two-digit year window turns with ``today``: in 2100, 2120 is written 20."""
    composed = compose_ma(DI, expiry=dt.date(2120, 6, 30), today=dt.date(2100, 1, 1))
    assert composed.value("E") == "200630"


def test_compose_refusals_in_words() -> None:
    with pytest.raises(ComposeError) as raised:
        compose_ma(" " + DI, lot="A", today=TODAY)
    assert str(raised.value) == (
        f'cannot compose an MA code: MA code " {DI}" has " " (space) at position 1: an MA code '
        "holds letters, digits and the '.' separators only"
    )
    with pytest.raises(ComposeError) as raised:
        compose_ma(DI, lot="A B", today=TODAY)
    assert str(raised.value) == (
        "MA lot \"A B\" must be letters and digits only (no '.', spaces or symbols), at least "
        "one character"
    )
    with pytest.raises(ComposeError) as raised:
        compose_ma(DI, expiry="2026-01-01", today=TODAY)  # type: ignore[arg-type]
    assert str(raised.value) == "MA expiry date (失效期) '2026-01-01' must be a date"


def test_compose_names_every_fault_of_a_di() -> None:
    with pytest.raises(ComposeError) as raised:
        compose_ma("MA.15.M0.100472.11103316", today=TODAY)
    assert str(raised.value) == (
        'cannot compose an MA code: MA product identifier "MA.15.M0.100472.11103316": the '
        'country code "15" must be 3 digits (156 for China)'
    )


def test_a_di_of_another_issuing_agency_is_not_composed_as_an_ma_code() -> None:
    with pytest.raises(ComposeError) as refused:
        compose_ma("XA.156.M0.100472.11103316")
    assert str(refused.value) == (
        'cannot compose an MA code: MA product identifier "XA.156.M0.100472.11103316": '
        'it must begin with "MA", the issuing agency code, not "XA"'
    )
