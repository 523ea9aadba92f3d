"""UDI rules at and just past each limit, with the exact words people read: dates (months,
days, leap years, Julian days, the century window), GS1 keys and their lengths, EAN/UPC reads,
time of day in 7003, symbols that are not GS1, Code 39 reads with the check stripped, ISBT 128
and AHM codes, and what a read of raw bytes becomes."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import parse_scan
from desktop.domain.udi.ai_table import ai_spec
from desktop.domain.udi.checkdigits import KEY_LENGTHS, key_problem, make_sscc, sscc_from
from desktop.domain.udi.dates import (
    DateReading,
    full_year,
    read_julian,
    read_mmddyy,
    read_mmyy,
    read_yymmdd,
    read_yyyymmdd,
    to_yymmdd,
)
from desktop.domain.udi.gs1_associations import expand

TODAY = dt.date(2026, 6, 1)
D = dt.date


@pytest.mark.parametrize(
    ("yy", "year"),
    [(0, 2000), (26, 2026), (75, 2075), (76, 2076), (77, 1977), (99, 1999)],
)
def test_the_century_window_from_49_years_back_to_50_ahead(yy: int, year: int) -> None:
    assert full_year(yy, TODAY) == year


def test_the_century_window_turns_with_the_century() -> None:
    assert full_year(49, D(2001, 1, 1)) == 2049
    assert full_year(52, D(2001, 1, 1)) == 1952
    assert full_year(1, D(2099, 1, 1)) == 2101
    assert full_year(50, D(2099, 1, 1)) == 2050


@pytest.mark.parametrize(
    ("digits", "zero_ok", "reading"),
    [
        ("271231", False, DateReading(D(2027, 12, 31))),
        (
            "270229",
            False,
            DateReading(problem="2027-02-29 is not a real date (February 2027 has 28 days)"),
        ),
        ("280229", False, DateReading(D(2028, 2, 29))),
        (
            "270431",
            False,
            DateReading(problem="2027-04-31 is not a real date (April 2027 has 30 days)"),
        ),
        ("270001", False, DateReading(problem="month 00 does not exist")),
        ("271301", False, DateReading(problem="month 13 does not exist")),
        ("271200", True, DateReading(D(2027, 12, 31), day_was_zero=True)),
        ("270200", True, DateReading(D(2027, 2, 28), day_was_zero=True)),
        (
            "271200",
            False,
            DateReading(problem="day 00 is not allowed here; a real day is required"),
        ),
        ("27123", False, DateReading(problem="expected 6 digits YYMMDD")),
        ("2712311", False, DateReading(problem="expected 6 digits YYMMDD")),
        ("27123a", False, DateReading(problem="expected 6 digits YYMMDD")),
        ("２７１２３１", False, DateReading(problem="expected 6 digits YYMMDD")),
    ],
)
def test_yymmdd(digits: str, zero_ok: bool, reading: DateReading) -> None:
    assert read_yymmdd(digits, TODAY, day_zero_ok=zero_ok) == reading


@pytest.mark.parametrize(
    ("digits", "reading"),
    [
        ("20270131", DateReading(D(2027, 1, 31))),
        ("00000101", DateReading(problem="year 0000 does not exist")),
        ("00010101", DateReading(D(1, 1, 1))),
        ("20270100", DateReading(problem="day 00 is not allowed here; a real day is required")),
        ("2027013", DateReading(problem="expected 8 digits YYYYMMDD")),
        ("202701311", DateReading(problem="expected 8 digits YYYYMMDD")),
        ("2027013x", DateReading(problem="expected 8 digits YYYYMMDD")),
    ],
)
def test_yyyymmdd(digits: str, reading: DateReading) -> None:
    assert read_yyyymmdd(digits) == reading


@pytest.mark.parametrize(
    ("digits", "reading"),
    [
        ("27001", DateReading(D(2027, 1, 1))),
        ("27365", DateReading(D(2027, 12, 31))),
        ("27366", DateReading(problem="day 366 does not exist in 2027")),
        ("28366", DateReading(D(2028, 12, 31))),
        ("28367", DateReading(problem="day 367 does not exist in 2028")),
        ("27000", DateReading(problem="day 000 does not exist in 2027")),
        ("2700", DateReading(problem="expected 5 digits YYJJJ")),
        ("270011", DateReading(problem="expected 5 digits YYJJJ")),
        ("2700a", DateReading(problem="expected 5 digits YYJJJ")),
    ],
)
def test_julian(digits: str, reading: DateReading) -> None:
    assert read_julian(digits, TODAY) == reading


@pytest.mark.parametrize(
    ("digits", "reading"),
    [
        ("0228", DateReading(D(2028, 2, 29), day_was_zero=True)),
        ("1227", DateReading(D(2027, 12, 31), day_was_zero=True)),
        ("1327", DateReading(problem="month 13 does not exist")),
        ("227", DateReading(problem="expected 4 digits MMYY")),
        ("02280", DateReading(problem="expected 4 digits MMYY")),
        ("a228", DateReading(problem="expected 4 digits MMYY")),
    ],
)
def test_mmyy(digits: str, reading: DateReading) -> None:
    assert read_mmyy(digits, TODAY) == reading


@pytest.mark.parametrize(
    ("digits", "reading"),
    [
        ("123127", DateReading(D(2027, 12, 31))),
        (
            "022927",
            DateReading(problem="2027-02-29 is not a real date (February 2027 has 28 days)"),
        ),
        ("120027", DateReading(problem="day 00 is not allowed here; a real day is required")),
        ("12312", DateReading(problem="expected 6 digits MMDDYY")),
        ("1231277", DateReading(problem="expected 6 digits MMDDYY")),
        ("12312x", DateReading(problem="expected 6 digits MMDDYY")),
    ],
)
def test_mmddyy(digits: str, reading: DateReading) -> None:
    assert read_mmddyy(digits, TODAY) == reading


def test_a_date_is_written_as_yymmdd_only_inside_the_window() -> None:
    assert to_yymmdd(D(2027, 3, 4), TODAY) == "270304"
    assert to_yymmdd(D(2076, 1, 1), TODAY) == "760101"
    assert to_yymmdd(D(1977, 1, 1), TODAY) == "770101"
    with pytest.raises(ValueError) as refused:
        to_yymmdd(D(2077, 1, 1), TODAY)
    assert str(refused.value) == (
        "year 2077 cannot be written as YY: two-digit years read as 1977-2076"
    )


@pytest.mark.parametrize(
    ("kind", "value", "problem"),
    [
        ("GLN", "9506000000015", None),
        (
            "GLN",
            "9506000000017",
            'GLN "9506000000017" has a wrong check digit (the last digit should be 5)',
        ),
        ("GLN", "950600000001", 'GLN "950600000001" must be 13 digits'),
        ("GTIN", "02345673", None),
        ("GTIN", "416000336108", None),
        ("GTIN", "09506000134352", None),
        (
            "GTIN",
            "0950600013435",
            'GTIN "0950600013435" has a wrong check digit (the last digit should be 9)',
        ),
        ("GTIN", "123456789", 'GTIN "123456789" must be 8 or 12 or 13 or 14 digits'),
        ("GTIN", "0950600013435a", 'GTIN "0950600013435a" must be 8 or 12 or 13 or 14 digits'),
        (
            "GTIN",
            "０９５０６０００１３４３５２",
            'GTIN "０９５０６０００１３４３５２" must be 8 or 12 or 13 or 14 digits',
        ),
        ("SSCC", "123456789012345675", None),
        (
            "SSCC",
            "123456789012345670",
            'SSCC "123456789012345670" has a wrong check digit (the last digit should be 5)',
        ),
        ("SSCC", "12345678901234567", 'SSCC "12345678901234567" must be 18 digits'),
    ],
)
def test_gs1_keys_as_entered(kind: str, value: str, problem: str | None) -> None:
    assert key_problem(kind, value) == problem


def test_the_key_lengths() -> None:
    assert KEY_LENGTHS == {"GLN": (13,), "GTIN": (8, 12, 13, 14), "SSCC": (18,)}


@pytest.mark.parametrize(
    ("parts", "problem"),
    [
        (("12", "2345678", "901234567"), "the SSCC extension is one digit 0-9, got '12'"),
        (("x", "2345678", "901234567"), "the SSCC extension is one digit 0-9, got 'x'"),
        (("1", "", "9012345678901234"), "the SSCC company prefix must be digits, got ''"),
        (("1", "23456a8", "901234567"), "the SSCC company prefix must be digits, got '23456a8'"),
        (
            ("1", "2345678", "90123456x"),
            "the SSCC serial reference must be digits, got '90123456x'",
        ),
        (
            ("1", "2345678", "90123456"),
            "company prefix '2345678' and serial reference '90123456' must together be 16 "
            "digits, got 15",
        ),
    ],
)
def test_an_sscc_from_wrong_parts_is_refused_naming_the_part(
    parts: tuple[str, str, str], problem: str
) -> None:
    with pytest.raises(ValueError) as refused:
        make_sscc(*parts)
    assert str(refused.value) == problem


def test_an_sscc_needs_17_digits() -> None:
    assert make_sscc("0", "9506000", "000000001") == "095060000000000015"
    for bad in ("1234567890123456", "123456789012345678", "1234567890123456x"):
        with pytest.raises(ValueError) as refused:
            sscc_from(bad)
        assert str(refused.value) == f"an SSCC needs 17 digits before its check digit, got {bad!r}"


@pytest.mark.parametrize(
    ("key", "ais"),
    [
        ("10", ["10"]),
        ("10 11 17", ["10", "11", "17"]),
        ("3100-3103", ["3100", "3101", "3102", "3103"]),
        ("01-03 21", ["01", "02", "03", "21"]),
        ("8041-8041", ["8041"]),
    ],
)
def test_association_keys_expand_to_their_ais(key: str, ais: list[str]) -> None:
    assert expand(key) == ais


@pytest.mark.parametrize(
    ("ai", "kind", "low", "high"),
    [
        ("01", "N", 14, 14),
        ("10", "X", 1, 20),
        ("30", "N", 1, 8),
        ("3103", "N", 6, 6),
        ("240", "X", 1, 30),
        ("8013", "X", 1, 25),
        ("7003", "N", 10, 10),
        ("8003", None, 0, 0),  # N14[+X..16]: two parts, the pattern says the rest
    ],
)
def test_each_ai_s_kind_and_length_bounds(ai: str, kind: str | None, low: int, high: int) -> None:
    spec = ai_spec(ai)
    assert spec is not None
    assert (spec.ai, spec.kind, spec.min_len, spec.max_len) == (ai, kind, low, high)


@pytest.mark.parametrize("ai", ["", "0", "1a", "999", "0100", "１０"])
def test_what_is_not_an_ai_has_no_spec(ai: str) -> None:
    assert ai_spec(ai) is None


# ---------------------------------------------------------------- scans


@pytest.mark.parametrize(
    ("scan", "gtin"),
    [
        ("]E002345673", "00000002345673"),
        ("]E0416000336108", "00416000336108"),
        ("]E09506000134352", "09506000134352"),
        ("]E409506000134352", "09506000134352"),
    ],
)
def test_ean_and_upc_reads_are_gtins_padded_to_14(scan: str, gtin: str) -> None:
    parsed = parse_scan(scan, today=TODAY)
    assert parsed.valid and parsed.gtin == parsed.di == gtin
    assert parsed.ais == (("01", gtin),)


def test_an_ean_read_with_a_wrong_check_digit_names_the_digits_scanned() -> None:
    parsed = parse_scan("]E09506000134353", today=TODAY)
    assert parsed.errors == (
        'GTIN "9506000134353" has check digit 3, expected 2: a misread or a wrong number on '
        "the label; rescan",
    )
    assert parsed.gtin == "09506000134353"


@pytest.mark.parametrize("content", ["1234567", "123456789", "95060001343520", "950600013435a"])
def test_an_ean_read_that_is_not_a_gtin_says_so(content: str) -> None:
    if len(content) == 14 and content.isdigit():
        return  # 14 digits is a GTIN length: read (and its check digit judged) above
    parsed = parse_scan(f"]E0{content}", today=TODAY)
    assert parsed.errors == (
        f'EAN/UPC data "{content}" is not a GTIN: expected 8, 12 or 13 digits (an add-on or a '
        "damaged read?)",
    )
    assert (parsed.scheme, parsed.issuing_agency, parsed.symbology) == ("GS1", "GS1", "]E0")


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("2712312359", None),
        ("2712310000", None),
        (
            "2712312400",
            'expiry date and time (7003) "2712312400": time 24:00 does not exist '
            "(HHMM, 00:00 to 23:59): check the label",
        ),
        (
            "2712312360",
            'expiry date and time (7003) "2712312360": time 23:60 does not exist '
            "(HHMM, 00:00 to 23:59): check the label",
        ),
    ],
)
def test_the_time_of_day_in_7003(value: str, error: str | None) -> None:
    parsed = parse_scan(f"]d201095060001343527003{value}", today=TODAY)
    time_errors = [e for e in parsed.errors if "time" in e]
    assert time_errors == ([error] if error else [])


def test_gs1_data_in_a_plain_symbol_is_read_and_refused_as_a_carrier() -> None:
    parsed = parse_scan("]C00109506000134352", today=TODAY)
    assert parsed.gtin == "09506000134352"
    assert parsed.errors[0] == (
        ']C0 (plain Code 128, no FNC1) carries "0109506000134352", which reads as GS1 element '
        "strings, but the symbol is not marked as GS1 (FNC1 in first position is missing): not "
        "a valid GS1 UDI carrier; have the label template fixed"
    )


def test_other_data_in_a_symbol_of_unknown_kind_is_refused_by_its_identifier() -> None:
    parsed = parse_scan("]X0HELLO", today=TODAY)
    assert parsed.errors == (
        ']X0 (non-GS1 symbol) data "HELLO" is not a UDI: it is not HIBC (+...), ISBT 128 (= or '
        "&), a GS1 Digital Link URI, or GS1 data",
    )
    assert parsed.symbology == "]X0" and parsed.scheme is None


def test_a_code_39_read_with_its_check_stripped_is_read_and_refused() -> None:
    parsed = parse_scan("]A3+A123BJC5D6E71", today=TODAY)
    assert parsed.errors == (
        'Code 39 scanner sent ]A3 for "+A123BJC5D6E71": it removed the HIBC check character, '
        "so the data cannot be verified here; set the scanner to transmit the check character "
        "(AIM ]A0 or ]A1)",
    )
    assert parsed.hibc is not None and parsed.di == "A123BJC5D6E71"
    assert parsed.symbology == "]A3"


def test_a_code_39_read_too_long_for_hibc_is_refused_unread() -> None:
    content = "+" + "A" * 111
    parsed = parse_scan("]A3" + content, today=TODAY)
    assert len(parsed.errors) == 1 and parsed.errors[0].startswith("Code 39 scanner sent ]A3")
    assert parsed.hibc is None
    assert parse_scan("]A3+" + "A" * 110, today=TODAY).hibc is not None


@pytest.mark.parametrize("content", ["=A99992612345600", "&)123456"])
def test_isbt_128_is_recognised_and_not_read(content: str) -> None:
    parsed = parse_scan(f"]C4{content}", today=TODAY)
    assert (parsed.scheme, parsed.issuing_agency, parsed.hri) == ("ISBT128", "ICCBBA", (content,))
    assert parsed.errors == (
        f'ISBT 128 data "{content}" recognised (ICCBBA, medical products of human origin), but '
        "Lotline does not parse or check ISBT 128 data structures; record this item with ISBT "
        "128 software",
    )


def test_an_ahm_code_is_recognised_and_not_read() -> None:
    parsed = parse_scan("]Q1MF1234567890", today=TODAY)
    assert (parsed.scheme, parsed.issuing_agency, parsed.hri) == (
        "AHM",
        "AliHealth",
        ("MF1234567890",),
    )
    assert parsed.errors == (
        'AHM code "MF1234567890" recognised (AliHealth, one of China\'s UDI issuing agencies), '
        "but Lotline does not read AHM codes yet; record this item by its GS1 or MA code, or by "
        "hand",
    )
    assert parse_scan("]Q1MF-12", today=TODAY).scheme != "AHM"


def test_bytes_from_a_scanner_are_read_as_latin_1_and_nothing_as_empty() -> None:
    parsed = parse_scan(b"]d20109506000134352", today=TODAY)  # type: ignore[arg-type]
    assert parsed.valid and parsed.gtin == "09506000134352"
    assert parse_scan(b"\xe9t\xe9", today=TODAY).raw == "\xe9t\xe9"  # type: ignore[arg-type]
    assert parse_scan(None, today=TODAY).errors == (  # type: ignore[arg-type]
        "empty scan: nothing was read; scan again",
    )
