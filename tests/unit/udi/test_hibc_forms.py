"""The whole HIBC secondary data structure, on published examples.

Every case is a published HIBC example with its published reading: the HIBC Supplier Labeling
Standard forms as listed in REFERENCE 1.9 ("$" lot, "$+" serial, "$$" and "$$+" with the date
forms 0-7, quantity forms 8 and 9, the old Julian form, supplemental data identifiers) and the
example symbols of the BarcodeParserBuilder test fixtures (HibcBarcodeParserBuilderTestFixture),
whose expected lot, serial, dates and quantity are asserted here as published.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import ParsedUDI, hibc_check_character, parse_scan

TODAY = dt.date(2026, 3, 1)
D = dt.date


def parse(text: str) -> ParsedUDI:
    return parse_scan(text, today=TODAY)


# (symbol, labeler, product, unit, lot, serial, expiry, production date, quantity)
PUBLISHED = [
    (
        "+A123BJC5D6E71G+2001510X3GG",
        "A123",
        "BJC5D6E7",
        1,
        "10X3",
        None,
        D(2020, 1, 15),
        None,
        None,
    ),
    (
        "+J123AQ3451/25330BC34567/S4012X",
        "J123",
        "AQ345",
        1,
        "BC34567",
        "4012",
        D(2025, 11, 26),
        None,
        None,
    ),
    (
        "+A123ABCDEFGHI1234567891/$$420020216LOT123456789012345/SXYZ456789012345678/16D20130202$",
        "A123",
        "ABCDEFGHI123456789",
        1,
        "LOT123456789012345",
        "XYZ456789012345678",
        D(2020, 2, 2),
        D(2013, 2, 2),
        None,
    ),
    (
        "+A99912345/$$81210X3/16D20111212/14D20200906/S77DEFG45$",
        "A999",
        "1234",
        5,
        "10X3",
        "77DEFG45",
        D(2020, 9, 6),
        D(2011, 12, 12),
        12,
    ),
    (
        "+A99912345/$$90234510X3/16D20111212/14D20200906/S77DEFG458",
        "A999",
        "1234",
        5,
        "10X3",
        "77DEFG45",
        D(2020, 9, 6),
        D(2011, 12, 12),
        2345,
    ),
    (
        "+A99912345/$$81210X3/$$+320090677DEFG45/16D20111212U",
        "A999",
        "1234",
        5,
        "10X3",
        "77DEFG45",
        D(2020, 9, 6),
        D(2011, 12, 12),
        12,
    ),
    (
        "+A99912345/$$90234510X3/$$+320090677DEFG45/16D20111212%",
        "A999",
        "1234",
        5,
        "10X3",
        "77DEFG45",
        D(2020, 9, 6),
        D(2011, 12, 12),
        2345,
    ),
    (
        "+A123BJC5D6E71G+$$52001510X3GD",
        "A123",
        "BJC5D6E7",
        1,
        "10X3",
        None,
        D(2020, 1, 15),
        None,
        None,
    ),
    ("+A123BJC5D6E71G+$$710X3G7", "A123", "BJC5D6E7", 1, "10X3", None, None, None, None),
    (
        "+A123BJC5D6E71G+$$+52001510X3GB",
        "A123",
        "BJC5D6E7",
        1,
        None,
        "10X3",
        D(2020, 1, 15),
        None,
        None,
    ),
    (
        "+A123BJCMD6E79++$$52001510X3+ ",
        "A123",
        "BJCMD6E7",
        9,
        "10X3",
        None,
        D(2020, 1, 15),
        None,
        None,
    ),
    (
        "+A99912345/$$52025010X3/16D20111212/S77DEFG458",
        "A999",
        "1234",
        5,
        "10X3",
        "77DEFG45",
        D(2020, 9, 6),
        D(2011, 12, 12),
        None,
    ),
    (
        "+J123AQ3451/$$3231231BC34567/S4012R",
        "J123",
        "AQ345",
        1,
        "BC34567",
        "4012",
        D(2023, 12, 31),
        None,
        None,
    ),
    ("+A99912345/$$52001510X33", "A999", "1234", 5, "10X3", None, D(2020, 1, 15), None, None),
    (
        "+A99912349/$10X3/16D20111231/14D20200131/Q500Z",
        "A999",
        "1234",
        9,
        "10X3",
        None,
        D(2020, 1, 31),
        D(2011, 12, 31),
        500,
    ),
]


@pytest.mark.parametrize(
    ("symbol", "lic", "pcn", "unit", "lot", "serial", "expiry", "made", "quantity"), PUBLISHED
)
def test_published_examples(
    symbol: str,
    lic: str,
    pcn: str,
    unit: int,
    lot: str | None,
    serial: str | None,
    expiry: dt.date | None,
    made: dt.date | None,
    quantity: int | None,
) -> None:
    udi = parse(symbol)
    assert udi.valid, udi.errors
    assert udi.hibc is not None
    assert (udi.hibc.lic, udi.hibc.pcn, udi.hibc.unit_of_measure) == (lic, pcn, unit)
    assert (udi.lot, udi.serial, udi.expiry, udi.production_date) == (lot, serial, expiry, made)
    assert udi.hibc.quantity == quantity


@pytest.mark.parametrize(
    ("symbol", "month"),
    [
        ("+J123AQ3451/$$1125BC34567/S4012L", D(2025, 11, 30)),
        ("+J123AQ3451/$$0125BC34567/S4012K", D(2025, 1, 31)),
    ],
)
def test_month_year_expiry(symbol: str, month: dt.date) -> None:
    """Form 0/1 (MMYY) gives no day: read as the month's last day, and said so (the published
    fixture stores the 1st; the month and year are what the symbol holds)."""
    udi = parse(symbol)
    assert udi.valid and udi.expiry == month and udi.lot == "BC34567" and udi.serial == "4012"
    assert "gives no day" in udi.warnings[0]


@pytest.mark.parametrize(
    ("symbol", "words"),
    [
        ("+A99912345/$$52001510X3/16D20111212/S77DEFG45/", 'expected "7"'),
        ("+A123BJC5D6E71++$$52001510X3+D", 'expected "G"'),  # the primary's own check
        ("+A123BJC5D6E71G+$$52001510X3+ ", "has link character"),  # secondary of another label
    ],
)
def test_published_refusals(symbol: str, words: str) -> None:
    udi = parse(symbol)
    assert not udi.valid and words in " ".join(udi.errors), udi.errors


def secondary(data: str) -> str:
    """A two-read secondary linked to the primary +A123BJC5D6E71G."""
    body = "+" + data + "G"
    return body + hibc_check_character(body)


@pytest.mark.parametrize(
    ("form", "lot", "serial", "expiry", "quantity"),
    [
        ("$LOT1", "LOT1", None, None, None),
        ("$+SN1", None, "SN1", None, None),
        ("$$0627LOT1", "LOT1", None, D(2027, 6, 30), None),  # 0/1: MMYY
        ("$$1227LOT1", "LOT1", None, D(2027, 12, 31), None),
        ("$$2063027LOT1", "LOT1", None, D(2027, 6, 30), None),  # 2: MMDDYY
        ("$$3270630LOT1", "LOT1", None, D(2027, 6, 30), None),  # 3: YYMMDD
        ("$$427063023LOT1", "LOT1", None, D(2027, 6, 30), None),  # 4: YYMMDDHH
        ("$$527181LOT1", "LOT1", None, D(2027, 6, 30), None),  # 5: YYJJJ
        ("$$62718123LOT1", "LOT1", None, D(2027, 6, 30), None),  # 6: YYJJJHH
        ("$$7LOT1", "LOT1", None, None, None),  # 7: no date
        ("$$8243270630LOT1", "LOT1", None, D(2027, 6, 30), 24),  # 8: quantity 2 digits
        ("$$9001007LOT1", "LOT1", None, None, 100),  # 9: quantity 5 digits
        ("$$+3270630SN1", None, "SN1", D(2027, 6, 30), None),
        ("$$+7SN1", None, "SN1", None, None),
        ("$$+8123270630SN1", None, "SN1", D(2027, 6, 30), 12),
        ("$$+9123457SN1", None, "SN1", None, 12345),
        ("27181LOT1", "LOT1", None, D(2027, 6, 30), None),  # old form: YYJJJ then the lot
    ],
)
def test_every_secondary_form(
    form: str, lot: str | None, serial: str | None, expiry: dt.date | None, quantity: int | None
) -> None:
    udi = parse(secondary(form))
    assert udi.valid, udi.errors
    assert (udi.lot, udi.serial, udi.expiry) == (lot, serial, expiry)
    assert udi.hibc is not None and udi.hibc.quantity == quantity
    assert udi.hibc.kind == "secondary" and udi.hibc.link == "G"


@pytest.mark.parametrize(
    ("form", "words"),
    [
        ("$$427063024LOT1", "hour 24"),
        ("$$62718199LOT1", "hour 99"),
        ("$$3271332LOT1", "month 13"),
        ("$$5273667LOT1", "day 366"),
        ("$$8LOT1", "form 8 needs 2 digits"),
        ("$$88899LOT1", "second quantity"),
    ],
)
def test_secondary_form_refusals(form: str, words: str) -> None:
    udi = parse(secondary(form))
    assert not udi.valid and words in " ".join(udi.errors), udi.errors
