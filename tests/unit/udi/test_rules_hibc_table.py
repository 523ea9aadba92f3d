"""HIBC (ANSI/HIBC 2.6, REFERENCE 1.9) read form by form, against outcomes written out here: every
primary and secondary form, every date form at and past its limits, the supplemental data
identifiers, joined reads and pairing, and the exact words of each refusal and warning.

The check characters are made with ``hibc_check_character`` (held against zint in
test_checkdigits.py and test_rules_independent.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from desktop.domain.udi import ParsedUDI, hibc_check_character, pair_hibc
from desktop.domain.udi.hibc import parse_hibc

TODAY = dt.date(2026, 6, 1)


def c(data: str) -> str:
    """``data`` with its check character."""
    return data + hibc_check_character(data)


def read(data: str) -> ParsedUDI:
    return parse_hibc(data, data, "]C0", TODAY)


def outcome(parsed: ParsedUDI) -> dict[str, Any]:
    info = parsed.hibc
    return {
        "kind": info.kind if info else None,
        "di": parsed.di,
        "lot": parsed.lot,
        "serial": parsed.serial,
        "expiry": parsed.expiry,
        "production": parsed.production_date,
        "quantity": info.quantity if info else None,
        "link": info.link if info else None,
        "supplemental": info.supplemental if info else (),
        "errors": parsed.errors,
        "warnings": parsed.warnings,
    }


def expect(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "kind": None,
        "di": None,
        "lot": None,
        "serial": None,
        "expiry": None,
        "production": None,
        "quantity": None,
        "link": None,
        "supplemental": (),
        "errors": (),
        "warnings": (),
    }
    return base | fields


SECONDARY_ONLY = (
    "HIBC secondary data only (lot, serial, dates): pair it with the primary symbol's scan to "
    "know the product"
)
D = dt.date

CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("published primary", "+A123BJC5D6E71G", expect(kind="primary", di="A123BJC5D6E71")),
    (
        "published concatenated",
        "+A99912345/$$52001510X33",
        expect(kind="concatenated", di="A99912345", lot="10X3", expiry=D(2020, 1, 15)),
    ),
    (
        "published with supplements",
        "+A99912349/$10X3/16D20111231/14D20200131/Q500Z",
        expect(
            kind="concatenated",
            di="A99912349",
            lot="10X3",
            expiry=D(2020, 1, 31),
            production=D(2011, 12, 31),
            quantity=500,
            supplemental=(("16D", "20111231"), ("14D", "20200131"), ("Q", "500")),
        ),
    ),
    (
        "unit of measure 0, the shortest product number",
        c("+ABCDP0"),
        expect(kind="primary", di="ABCDP0"),
    ),
    (
        "a product number of 18",
        c("+ABCD" + "P" * 18 + "9"),
        expect(kind="primary", di="ABCD" + "P" * 18 + "9"),
    ),
    (
        "secondary, lot only",
        c("+$LOT42G"),
        expect(kind="secondary", lot="LOT42", link="G", warnings=(SECONDARY_ONLY,)),
    ),
    (
        "secondary, serial only",
        c("+$+SN42G"),
        expect(kind="secondary", serial="SN42", link="G", warnings=(SECONDARY_ONLY,)),
    ),
    (
        "form 0 MMYY: the last day of the month",
        c("+$$0227LOTG"),
        expect(
            kind="secondary",
            lot="LOT",
            link="G",
            expiry=D(2027, 2, 28),
            warnings=(
                'HIBC expiry "0227" (MMYY) gives no day: read as 2027-02-28, the last day of '
                "the month",
                SECONDARY_ONLY,
            ),
        ),
    ),
    (
        "form 1 MMYY",
        c("+$$1228LOTG"),
        expect(
            kind="secondary",
            lot="LOT",
            link="G",
            expiry=D(2028, 12, 31),
            warnings=(
                'HIBC expiry "1228" (MMYY) gives no day: read as 2028-12-31, the last day of '
                "the month",
                SECONDARY_ONLY,
            ),
        ),
    ),
    (
        "form 2 MMDDYY",
        c("+$$2022827LOTG"),
        expect(
            kind="secondary",
            lot="LOT",
            link="G",
            expiry=D(2027, 2, 28),
            warnings=(SECONDARY_ONLY,),
        ),
    ),
    (
        "form 3 YYMMDD",
        c("+$$3271231LOTG"),
        expect(
            kind="secondary",
            lot="LOT",
            link="G",
            expiry=D(2027, 12, 31),
            warnings=(SECONDARY_ONLY,),
        ),
    ),
    (
        "form 4 YYMMDDHH, hour 23",
        c("+$$427123123LOTG"),
        expect(
            kind="secondary",
            lot="LOT",
            link="G",
            expiry=D(2027, 12, 31),
            warnings=(SECONDARY_ONLY,),
        ),
    ),
    (
        "form 4, hour 24 does not exist",
        c("+$$427123124LOTG"),
        expect(
            kind="secondary",
            lot="LOT",
            link="G",
            errors=(
                'HIBC expiry "27123124" (YYMMDDHH): hour 24 does not exist (HH, 00 to 23); '
                "check the label",
            ),
            warnings=(SECONDARY_ONLY,),
        ),
    ),
    (
        "form 5 YYJJJ, day 366 of a leap year",
        c("+$$528366LOTG"),
        expect(
            kind="secondary",
            lot="LOT",
            link="G",
            expiry=D(2028, 12, 31),
            warnings=(SECONDARY_ONLY,),
        ),
    ),
    (
        "form 5, day 366 of a common year",
        c("+$$527366LOTG"),
        expect(
            kind="secondary",
            lot="LOT",
            link="G",
            errors=(
                'HIBC expiry "27366" (YYJJJ): day 366 does not exist in 2027; check the label',
            ),
            warnings=(SECONDARY_ONLY,),
        ),
    ),
    (
        "form 6 YYJJJHH, hour 00",
        c("+$$62700100LOTG"),
        expect(
            kind="secondary", lot="LOT", link="G", expiry=D(2027, 1, 1), warnings=(SECONDARY_ONLY,)
        ),
    ),
    (
        "form 7: no date",
        c("+$$7LOTG"),
        expect(kind="secondary", lot="LOT", link="G", warnings=(SECONDARY_ONLY,)),
    ),
    (
        "form 8: a quantity of 2 digits, then a date",
        c("+$$812527001LOTG"),
        expect(
            kind="secondary",
            lot="LOT",
            link="G",
            quantity=12,
            expiry=D(2027, 1, 1),
            warnings=(SECONDARY_ONLY,),
        ),
    ),
    (
        "form 9: a quantity of 5 digits, then no date",
        c("+$$9012347LOTG"),
        expect(kind="secondary", lot="LOT", link="G", quantity=1234, warnings=(SECONDARY_ONLY,)),
    ),
    (
        "a quantity followed by the lot, no date form",
        c("+$$812LOTG"),
        expect(
            kind="secondary",
            lot="LOT",
            link="G",
            quantity=12,
            warnings=(
                'HIBC quantity 12 is followed by "LOT", which is not a date form: read as the '
                "lot or serial, with no date",
                SECONDARY_ONLY,
            ),
        ),
    ),
    (
        "a quantity followed by a date form with a bad date",
        c("+$$8123271399LOTG"),
        expect(
            kind="secondary",
            lot="3271399LOT",
            link="G",
            quantity=12,
            warnings=(
                'HIBC quantity 12 is followed by "3271399LOT", which is not a date form: read as '
                "the lot or serial, with no date",
                SECONDARY_ONLY,
            ),
        ),
    ),
    (
        "a quantity of too few digits",
        c("+$$81G"),
        expect(
            kind="secondary",
            link="G",
            errors=('HIBC quantity "81": form 8 needs 2 digits',),
            warnings=("HIBC secondary has an empty lot", SECONDARY_ONLY),
        ),
    ),
    (
        "two quantities",
        c("+$$812912345LOTG"),
        expect(
            kind="secondary",
            link="G",
            quantity=12,
            errors=('HIBC "912345LOT": a second quantity form after quantity',),
            warnings=("HIBC secondary has an empty lot", SECONDARY_ONLY),
        ),
    ),
    (
        "a date form that is not a digit",
        c("+$$ALOTG"),
        expect(
            kind="secondary",
            link="G",
            errors=(
                'HIBC secondary "$$ALOT": "$$" must be followed by a date form digit 0-9 '
                "(3 = YYMMDD, 5 = YYJJJ, 7 = no date, ...)",
            ),
            warnings=("HIBC secondary has an empty lot", SECONDARY_ONLY),
        ),
    ),
    (
        "a date of too few digits",
        c("+$$327123G"),
        expect(
            kind="secondary",
            link="G",
            errors=('HIBC date "327123": form 3 needs 6 digits YYMMDD',),
            warnings=("HIBC secondary has an empty lot", SECONDARY_ONLY),
        ),
    ),
    (
        "a serial with a date form",
        c("+$$+3271231SN7G"),
        expect(
            kind="secondary",
            serial="SN7",
            link="G",
            expiry=D(2027, 12, 31),
            warnings=(SECONDARY_ONLY,),
        ),
    ),
    (
        "the old form: a Julian date, then the lot",
        c("+27001LOTG"),
        expect(
            kind="secondary", lot="LOT", link="G", expiry=D(2027, 1, 1), warnings=(SECONDARY_ONLY,)
        ),
    ),
    (
        "a secondary with no data before its link",
        c("+$"),
        expect(errors=('HIBC secondary "$" has no data before its link',)),
    ),
    (
        "a lot with a character HIBC does not expect",
        c("+$LO.TG"),
        expect(
            kind="secondary",
            lot="LO.T",
            link="G",
            warnings=(
                'HIBC lot "LO.T" contains "."; HIBC expects letters and digits only',
                SECONDARY_ONLY,
            ),
        ),
    ),
    (
        "a lot longer than 18",
        c("+$" + "L" * 19 + "G"),
        expect(
            kind="secondary",
            lot="L" * 19,
            link="G",
            warnings=(
                f'HIBC lot "{"L" * 19}" is 19 characters, over the usual 18',
                SECONDARY_ONLY,
            ),
        ),
    ),
    (
        "a lot of 18",
        c("+$" + "L" * 18 + "G"),
        expect(kind="secondary", lot="L" * 18, link="G", warnings=(SECONDARY_ONLY,)),
    ),
    (
        "supplements: serial, and a field Lotline does not know",
        c("+A123BJC5D6E71/$LOT/SSN9/Z12"),
        expect(
            kind="concatenated",
            di="A123BJC5D6E71",
            lot="LOT",
            serial="SN9",
            supplemental=(("S", "SN9"),),
            warnings=(
                'HIBC supplemental field "Z12" has no data identifier Lotline knows (S, 16D, '
                "14D, Q); it was ignored",
            ),
        ),
    ),
    (
        "a supplemental date that is not one",
        c("+A123BJC5D6E71/$LOT/16D20110231"),
        expect(
            kind="concatenated",
            di="A123BJC5D6E71",
            lot="LOT",
            supplemental=(("16D", "20110231"),),
            errors=(
                'HIBC "16D20110231": 2011-02-31 is not a real date (February 2011 has 28 days); '
                "check the label",
            ),
        ),
    ),
    (
        "a second secondary segment: the serial",
        c("+A123BJC5D6E71/$$3271231LOT/$$+7SN5"),
        expect(
            kind="concatenated",
            di="A123BJC5D6E71",
            lot="LOT",
            serial="SN5",
            expiry=D(2027, 12, 31),
        ),
    ),
    (
        "Q not followed by digits is not a quantity",
        c("+A123BJC5D6E71/$LOT/QX"),
        expect(
            kind="concatenated",
            di="A123BJC5D6E71",
            lot="LOT",
            warnings=(
                'HIBC supplemental field "QX" has no data identifier Lotline knows (S, 16D, '
                "14D, Q); it was ignored",
            ),
        ),
    ),
]


@pytest.mark.parametrize(("why", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_hibc_forms(why: str, data: str, expected: dict[str, Any]) -> None:
    assert outcome(read(data)) == expected


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (
            "+a123BJC5D6E71G",
            'HIBC data "+a123BJC5D6E71G" has "a" at position 2, which is not a Code 39 '
            "character (HIBC uses capital letters only); rescan or retype it",
        ),
        (
            "+A123#J",
            'HIBC data "+A123#J" has "#" at position 6, which is not a Code 39 character; '
            "rescan or retype it",
        ),
        ("+A", 'HIBC data "+A" is too short to hold data and a check'),
        (
            "+$" + "L" * 110 + "X",
            f'HIBC data "+${"L" * 38}…" (113 characters) holds 111 characters, more than 110',
        ),
        (
            c("+A1"),
            'HIBC primary "+A1": too short: it needs a 4-character labeler code, a product '
            "number and a unit",
        ),
        (
            c("+A-BCPRODUCT1"),
            'HIBC primary "+A-BCPRODUCT1": labeler code "A-BC" must be 4 letters or digits, '
            "starting with a letter",
        ),
        (
            c("+ABCD" + "P" * 19 + "1"),
            f'HIBC primary "+ABCD{"P" * 19}1": product number "{"P" * 19}" must be 1 to 18 '
            "letters or digits",
        ),
        (
            c("+ABCDP.Q1"),
            'HIBC primary "+ABCDP.Q1": product number "P.Q" must be 1 to 18 letters or digits',
        ),
        (
            c("+ABCDPRODX"),
            'HIBC primary "+ABCDPRODX": unit of measure "X" must be one digit 0-9',
        ),
        (
            c("+-ABC"),
            'HIBC data "+-ABC" starts with "-" after \'+\': expected a labeler code (letter) '
            "or a secondary ('$' or a Julian date)",
        ),
    ],
)
def test_hibc_refusals_say_exactly_what_is_wrong(data: str, error: str) -> None:
    parsed = read(data)
    assert error in parsed.errors, parsed.errors
    assert parsed.hibc is None or parsed.hibc.kind == "primary"
    assert parsed.di is None


def test_a_wrong_check_character_is_named_with_the_one_expected() -> None:
    parsed = read("+A123BJC5D6E71H")
    assert parsed.errors == (
        'HIBC data "+A123BJC5D6E71H" has check character "H", expected "G": a misread or '
        "mistyped character; rescan (a Code 39 scanner set to strip the check character also "
        "causes this)",
    )
    assert parsed.hibc is not None and parsed.hibc.check == "H"  # read, and flagged


def test_a_check_character_that_is_a_space_is_named_as_one() -> None:
    data = next(d for n in range(200) if hibc_check_character(d := f"+ABCD{n}P1") == " ")
    parsed = read(data + "X")
    assert 'expected " " (space)' in parsed.errors[0]
    assert read(data + " ").valid


def test_the_whole_parse_carries_scheme_agency_symbology_and_text() -> None:
    parsed = parse_hibc("raw scan", "+A123BJC5D6E71G", "]C0", TODAY)
    assert (parsed.raw, parsed.scheme, parsed.issuing_agency, parsed.symbology, parsed.hri) == (
        "raw scan",
        "HIBC",
        "HIBCC",
        "]C0",
        ("+A123BJC5D6E71G",),
    )


PRIMARY = "+A123BJC5D6E71G"
SECONDARY = c("+$$52001510X3G")


def test_two_reads_of_one_label_pair_into_one_udi() -> None:
    paired = pair_hibc(read(PRIMARY), read(SECONDARY))
    assert outcome(paired) == expect(
        kind="concatenated", di="A123BJC5D6E71", lot="10X3", expiry=D(2020, 1, 15), link="G"
    )
    assert paired.raw == f"{PRIMARY}\n{SECONDARY}"
    assert paired.hri == (PRIMARY, SECONDARY)
    assert (paired.scheme, paired.issuing_agency, paired.symbology) == ("HIBC", "HIBCC", "]C0")
    assert paired.hibc is not None and paired.hibc.check == "G"
    assert paired.hibc.pcn == "BJC5D6E7" and paired.hibc.lic == "A123"
    assert paired.hibc.unit_of_measure == 1


def test_a_secondary_of_another_label_does_not_pair() -> None:
    other = c("+$$52001510X3H")
    paired = pair_hibc(read(PRIMARY), read(other))
    assert paired.errors == (
        f'HIBC secondary "{other}" has link character "H", but primary "{PRIMARY}" has check '
        'character "G": the two symbols are not from the same label; scan both from one label',
    )


def test_pairing_needs_a_primary_then_a_secondary() -> None:
    swapped = pair_hibc(read(SECONDARY), read(PRIMARY))
    assert swapped.errors == (
        f'"{SECONDARY}" is not an HIBC primary symbol (+LIC PCN U/M check)',
        f'"{PRIMARY}" is not an HIBC secondary symbol (+$... link check)',
    )
    assert swapped.hibc is not None and swapped.hibc.kind == "concatenated"


def test_pairing_with_an_unreadable_half_keeps_the_other_half() -> None:
    broken = read("+a")
    alone = pair_hibc(read(PRIMARY), broken)
    assert alone.hibc is not None and alone.hibc.kind == "primary"
    secondary_alone = pair_hibc(broken, read(SECONDARY))
    assert secondary_alone.hibc is not None and secondary_alone.hibc.kind == "secondary"
    assert pair_hibc(broken, broken).hibc is None


def test_two_symbols_read_as_one_are_split_and_paired() -> None:
    joined = PRIMARY + SECONDARY
    parsed = parse_hibc("raw", joined, "]C0", TODAY)
    assert outcome(parsed) == expect(
        kind="concatenated", di="A123BJC5D6E71", lot="10X3", expiry=D(2020, 1, 15), link="G"
    )
    assert (parsed.raw, parsed.hri) == ("raw", (joined,))


def test_a_join_whose_secondary_check_fails_is_split_at_the_first_candidate() -> None:
    joined = PRIMARY + SECONDARY[:-1] + ("A" if SECONDARY[-1] != "A" else "B")
    parsed = parse_hibc(joined, joined, "]C0", TODAY)
    assert parsed.hibc is not None and parsed.hibc.kind == "concatenated"
    assert any("has check character" in e for e in parsed.errors)


@pytest.mark.parametrize(
    "data",
    [
        "+A123BJC5D6E71G",  # one valid symbol
        "+A12",  # too short to be two
        "+$$52001510X3G+A1",  # starts with a secondary
        "+A123BJC5D6E71G+a",  # not Code 39
        c("+A123BJC5D6E71/$$52001510X3"),  # concatenated: the '+'-free whole is one symbol
    ],
)
def test_what_is_not_two_joined_symbols_is_read_as_one(data: str) -> None:
    parsed = read(data)
    assert parsed.raw == data and parsed.hri == (data,)
    assert "\n" not in parsed.raw
