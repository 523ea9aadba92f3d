"""parse_scan and pair_hibc on HIBC data (REFERENCE 1.9)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import ParsedUDI, hibc_check_character, pair_hibc, parse_scan

TODAY = dt.date(2026, 3, 1)
PRIMARY = "+A123BJC5D6E71G"


def parse(text: str) -> ParsedUDI:
    return parse_scan(text, today=TODAY)


def checked(data: str) -> str:
    """HIBC data with its mod-43 check character appended."""
    return data + hibc_check_character(data)


def secondary(data: str, link: str = "G") -> str:
    """A two-read secondary symbol for the primary above (link = its check character)."""
    return checked("+" + data + link)


def test_primary() -> None:
    udi = parse(PRIMARY)
    assert udi.valid, udi.errors
    assert (udi.scheme, udi.issuing_agency) == ("HIBC", "HIBCC")
    assert udi.di == "A123BJC5D6E71"
    assert udi.hibc is not None
    assert (udi.hibc.kind, udi.hibc.lic, udi.hibc.pcn) == ("primary", "A123", "BJC5D6E7")
    assert (udi.hibc.unit_of_measure, udi.hibc.check) == (1, "G")
    assert udi.ais == () and udi.hri == (PRIMARY,)


@pytest.mark.parametrize("aim", ["]C0", "]d1", "]A0", "]A1", "]Q1"])
def test_primary_in_carriers(aim: str) -> None:
    udi = parse(aim + PRIMARY)
    assert udi.valid and udi.symbology == aim and udi.di == "A123BJC5D6E71"


def test_concatenated_julian() -> None:
    udi = parse("+A99912345/$$52001510X33")
    assert udi.valid, udi.errors
    assert udi.di == "A9991234" + "5"
    assert udi.lot == "10X3" and udi.expiry == dt.date(2020, 1, 15)
    assert udi.hibc is not None and udi.hibc.kind == "concatenated"


def test_concatenated_with_supplemental_fields() -> None:
    udi = parse("+A99912349/$10X3/16D20111231/14D20200131/Q500Z")
    assert udi.valid, udi.errors
    assert udi.lot == "10X3"
    assert udi.production_date == dt.date(2011, 12, 31)
    assert udi.expiry == dt.date(2020, 1, 31)
    assert udi.hibc is not None and udi.hibc.quantity == 500
    assert udi.hibc.unit_of_measure == 9
    assert udi.hibc.supplemental == (("16D", "20111231"), ("14D", "20200131"), ("Q", "500"))


def test_concatenated_serial_supplement() -> None:
    udi = parse(checked("+A123BJC5D6E71/$$7LOT1/SSER9"))
    assert udi.valid and (udi.lot, udi.serial) == ("LOT1", "SER9")


@pytest.mark.parametrize(
    ("data", "lot", "serial", "expiry", "quantity"),
    [
        ("$LOT1", "LOT1", None, None, None),
        ("$+SER1", None, "SER1", None, None),
        ("$$1225LOT1", "LOT1", None, dt.date(2025, 12, 31), None),  # MMYY, form 1
        ("$$0625LOT1", "LOT1", None, dt.date(2025, 6, 30), None),  # MMYY, form 0
        ("$$2123125LOT1", "LOT1", None, dt.date(2025, 12, 31), None),  # MMDDYY
        ("$$3251231LOT1", "LOT1", None, dt.date(2025, 12, 31), None),  # YYMMDD
        ("$$425123114LOT1", "LOT1", None, dt.date(2025, 12, 31), None),  # YYMMDDHH
        ("$$525365LOT1", "LOT1", None, dt.date(2025, 12, 31), None),  # YYJJJ
        ("$$524060LOT1", "LOT1", None, dt.date(2024, 2, 29), None),  # leap-year Julian
        ("$$62536514LOT1", "LOT1", None, dt.date(2025, 12, 31), None),  # YYJJJHH
        ("$$7LOT1", "LOT1", None, None, None),  # no date
        ("$$8243280112LOT1", "LOT1", None, dt.date(2028, 1, 12), 24),  # qty 2 digits
        ("$$9001007LOT1", "LOT1", None, None, 100),  # qty 5 digits
        ("$$+3251231SER1", None, "SER1", dt.date(2025, 12, 31), None),
        ("$$+7SER1", None, "SER1", None, None),
        ("25365LOT1", "LOT1", None, dt.date(2025, 12, 31), None),  # old format YYJJJ
    ],
)
def test_secondary_forms(
    data: str, lot: str | None, serial: str | None, expiry: dt.date | None, quantity: int | None
) -> None:
    udi = parse(secondary(data))
    assert udi.valid, udi.errors
    assert (udi.lot, udi.serial, udi.expiry) == (lot, serial, expiry)
    assert udi.hibc is not None
    assert udi.hibc.kind == "secondary" and udi.hibc.link == "G"
    assert udi.hibc.quantity == quantity
    assert udi.di is None
    # the same secondary data also works concatenated to the primary
    joined = parse(checked("+A123BJC5D6E71/" + data))
    assert joined.valid, joined.errors
    assert (joined.lot, joined.serial, joined.expiry) == (lot, serial, expiry)
    assert joined.di == "A123BJC5D6E71"


def test_mmyy_expiry_warns_about_missing_day() -> None:
    udi = parse(secondary("$$1225LOT1"))
    assert any('"1225"' in w and "2025-12-31" in w for w in udi.warnings)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("$$3250230LOT1", "2025-02-30"),
        ("$$1325LOT1", "month 13"),
        ("$$525366LOT1", "day 366"),
        ("$$X", "date form"),
        ("$$32512", "6 digits"),
    ],
)
def test_bad_secondary_dates(data: str, words: str) -> None:
    udi = parse(secondary(data))
    assert not udi.valid and words in "\n".join(udi.errors)


def test_pair_hibc() -> None:
    udi = pair_hibc(parse(PRIMARY), parse(secondary("$$3251231LOT1")))
    assert udi.valid, udi.errors
    assert udi.di == "A123BJC5D6E71" and udi.lot == "LOT1"
    assert udi.expiry == dt.date(2025, 12, 31)
    assert udi.warnings == ()


def test_pair_hibc_link_mismatch() -> None:
    other = secondary("$$3251231LOT1", link="X")
    udi = pair_hibc(parse(PRIMARY), parse(other))
    assert not udi.valid
    assert '"X"' in udi.errors[0] and '"G"' in udi.errors[0] and PRIMARY in udi.errors[0]


def test_pair_hibc_wrong_roles() -> None:
    udi = pair_hibc(parse(secondary("$LOT1")), parse(PRIMARY))
    assert not udi.valid and len(udi.errors) >= 2


def test_wrong_check_character() -> None:
    udi = parse("+A123BJC5D6E71X")
    assert not udi.valid
    assert '"+A123BJC5D6E71X"' in udi.errors[0] and 'expected "G"' in udi.errors[0]


def _data_with_space_check() -> str:
    for first in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for second in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            data = f"+A123P{first}{second}1"
            if hibc_check_character(data) == " ":
                return data + " "
    raise AssertionError("no example found")


def test_space_check_character_is_never_stripped() -> None:
    data = _data_with_space_check()
    udi = parse(data)
    assert udi.valid, udi.errors
    assert udi.hibc is not None and udi.hibc.check == " "
    assert not parse(data.rstrip(" ")).valid  # stripping it loses the check character


def test_scanner_crlf_suffix_is_dropped() -> None:
    assert parse(PRIMARY + "\r\n").valid


def test_lowercase_is_refused() -> None:
    udi = parse("+a123bjc5d6e71g")
    assert not udi.valid and "capital" in udi.errors[0]


def test_code39_text_with_asterisks() -> None:
    udi = parse("*" + PRIMARY + "*")
    assert udi.valid and udi.di == "A123BJC5D6E71" and udi.warnings


def test_a3_stripped_check_is_refused_but_read() -> None:
    udi = parse("]A3" + PRIMARY[:-1])
    assert not udi.valid and "]A3" in udi.errors[0] and "]A0" in udi.errors[0]
    assert udi.di == "A123BJC5D6E71"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (checked("+123"), "secondary"),  # body starts with digits but too short: old format
        (checked("+AB"), "too short"),
        (checked("+1BCDPCN1"), "YYJJJ"),  # a digit first means an old-format secondary
        (checked("+ABCDPCNX"), "unit of measure"),
        (checked("+-ABC"), "labeler code (letter)"),
    ],
)
def test_malformed_hibc(data: str, words: str) -> None:
    udi = parse(data)
    assert udi.scheme == "HIBC"
    text = "\n".join(udi.errors + udi.warnings)
    assert words in text
