"""parse_scan on GS1 data: AIM identifiers, bracketed text, Digital Link, rules beyond syntax."""

from __future__ import annotations

import datetime as dt

import pytest
from biip import ParseError

from desktop.domain.udi import ParsedUDI, parse_scan

TODAY = dt.date(2026, 3, 1)
GS = "\x1d"
LABEL = "]d201095060001343521725123110ABC123" + GS + "21SN0001"  # REFERENCE example label


def parse(text: str, **kwargs: object) -> ParsedUDI:
    return parse_scan(text, today=TODAY, **kwargs)  # type: ignore[arg-type]


def joined(messages: tuple[str, ...]) -> str:
    return "\n".join(messages)


def test_reference_label() -> None:
    udi = parse(LABEL)
    assert udi.valid, udi.errors
    assert (udi.scheme, udi.issuing_agency, udi.symbology) == ("GS1", "GS1", "]d2")
    assert udi.gtin == udi.di == "09506000134352"
    assert (udi.lot, udi.serial) == ("ABC123", "SN0001")
    assert udi.expiry == dt.date(2025, 12, 31)
    assert udi.production_date is None
    assert udi.ais == (
        ("01", "09506000134352"),
        ("17", "251231"),
        ("10", "ABC123"),
        ("21", "SN0001"),
    )
    assert udi.ai_values["10"] == "ABC123"
    assert udi.get("21") == "SN0001"
    assert udi.hri[0] == "(01) 09506000134352"
    assert udi.raw == LABEL
    assert udi.warnings == ()


@pytest.mark.parametrize("aim", ["]C1", "]d2", "]Q3", "]e0", "]J1"])
def test_gs1_symbologies(aim: str) -> None:
    udi = parse(aim + "0109506000134352" + "17271231")
    assert udi.valid and udi.symbology == aim
    assert udi.expiry == dt.date(2027, 12, 31)


def test_without_aim_when_expecting_gs1_warns() -> None:
    udi = parse(LABEL[3:])
    assert udi.valid and udi.symbology is None and udi.lot == "ABC123"
    assert "AIM" in joined(udi.warnings)


def test_without_aim_when_not_expecting_gs1_is_refused() -> None:
    udi = parse(LABEL[3:], expect_gs1=False)
    assert not udi.valid and udi.scheme is None
    assert "0109506000134352" in udi.errors[0]


def test_bracketed_typed_by_a_person() -> None:
    udi = parse("(01) 09506000134352 (17) 271231 (10) ABC (21) X(1)")
    assert udi.valid, udi.errors
    assert (udi.gtin, udi.lot, udi.serial) == ("09506000134352", "ABC", "X(1)")
    assert udi.expiry == dt.date(2027, 12, 31)


def test_bracketed_escaped_parenthesis() -> None:
    udi = parse("(01)09506000134352(10)A\\(10)B")
    assert udi.valid and udi.lot == "A(10)B"


@pytest.mark.parametrize("aim", ["", "]d1", "]Q1"])
def test_digital_link(aim: str) -> None:
    udi = parse(aim + "https://id.example.com/01/09506000134352/10/ABC?17=271231")
    assert udi.valid, udi.errors
    assert udi.scheme == "GS1"
    assert (udi.gtin, udi.lot, udi.expiry) == ("09506000134352", "ABC", dt.date(2027, 12, 31))
    assert udi.warnings == ()


@pytest.mark.parametrize(
    "uri",
    [
        "https://id.example.com/01/09506000134352/10/ABC?17=271231&linkType=all",  # non-AI key
        "HTTPS://id.example.com/01/09506000134352/10/ABC?17=271231",  # capitals
        "https://id.example.com/01/09506000134352/10/A%2FB?17=271231",  # escaped "/"
    ],
)
def test_digital_link_variants(uri: str) -> None:
    udi = parse(uri)
    assert udi.valid, udi.errors
    assert udi.gtin == "09506000134352" and udi.expiry == dt.date(2027, 12, 31)
    assert udi.lot in ("ABC", "A/B")


def test_digital_link_path_order_enforced() -> None:
    udi = parse("https://id.example.com/01/09506000134352/21/S1/10/ABC")
    assert not udi.valid and "/21/S1/10/ABC" in udi.errors[0]


def test_digital_link_wrong_check_digit() -> None:
    udi = parse("https://id.example.com/01/09506000134353/10/ABC")
    assert not udi.valid and '"09506000134353"' in udi.errors[0]


@pytest.mark.parametrize(
    ("uri", "quoted"),
    [
        ("https://example.com/nothing/here", "example.com/nothing"),
        ("https://id.example.com/01/09506000134352/10/ABC?17=271231&17=271231", "more than once"),
        ("https://id.example.com/01/9506000134352/10/ABC", "zero-suppressed"),
        ("https://[fe80::1%25lo]/01/09506000134352", "[fe80::1%25lo]"),
    ],
)
def test_bad_digital_link(uri: str, quoted: str) -> None:
    udi = parse(uri)
    assert not udi.valid and quoted in udi.errors[0]


def test_barcode_encoding_bracketed_text_is_flagged() -> None:
    udi = parse("]C0(01)09506000134352(10)ABC")
    assert not udi.valid and udi.lot == "ABC"
    assert "]C0" in udi.errors[0] and "HRI" in udi.errors[0]


def test_ean13() -> None:
    udi = parse("]E04006381333931")
    assert udi.valid and udi.gtin == "04006381333931" and udi.symbology == "]E0"


def test_ean13_wrong_check() -> None:
    udi = parse("]E04006381333932")
    assert not udi.valid and '"4006381333932"' in udi.errors[0]


def test_wrong_gtin_check_digit() -> None:
    udi = parse("]d20109506000134353")
    assert not udi.valid
    assert 'GTIN (01) "09506000134353" has check digit 3, expected 2' in udi.errors[0]


def test_sscc_check_digit() -> None:
    assert parse("]C100123456789012345675").valid
    udi = parse("]C100123456789012345670")
    assert not udi.valid and "123456789012345670" in udi.errors[0]


def test_all_zero_gtin_refused() -> None:
    udi = parse("]d20100000000000000")
    assert not udi.valid and '"00000000000000"' in udi.errors[0] and "zeros" in udi.errors[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("240200", dt.date(2024, 2, 29)),
        ("250200", dt.date(2025, 2, 28)),
        ("251200", dt.date(2025, 12, 31)),
    ],
)
def test_day_zero_is_last_day_with_warning(value: str, expected: dt.date) -> None:
    udi = parse("]d20109506000134352" + "17" + value + "11" + value)
    assert udi.valid
    assert udi.expiry == expected and udi.production_date == expected
    assert value in udi.warnings[0] and expected.isoformat() in udi.warnings[0]


def test_day_zero_in_7003_is_an_error() -> None:
    udi = parse("]d20109506000134352" + "7003" + "2502001200")
    assert not udi.valid and '"2502001200"' in udi.errors[0] and "day 00" in udi.errors[0]
    assert parse("]d20109506000134352" + "7003" + "2502281200").valid


def test_7003_time_must_exist() -> None:
    udi = parse("]d20109506000134352" + "7003" + "2502282460")
    assert not udi.valid and "24:60" in udi.errors[0]


@pytest.mark.parametrize(
    ("value", "words"),
    [("250230", "2025-02-30"), ("240230", "2024-02-30"), ("251301", "month 13"),
     ("250001", "month 00"), ("250431", "2025-04-31")],
)  # fmt: skip
def test_impossible_dates(value: str, words: str) -> None:
    udi = parse("]d20109506000134352" + "17" + value)
    assert not udi.valid
    assert f'"{value}"' in udi.errors[0] and words in udi.errors[0]


def test_century_window() -> None:
    # In 2026: YY=76 -> 2076, YY=77 -> 1977 (REFERENCE 1.5).
    assert parse("]d20109506000134352" + "17761231").expiry == dt.date(2076, 12, 31)
    assert parse("]d20109506000134352" + "17770101").expiry == dt.date(1977, 1, 1)
    later = parse_scan("]d20109506000134352" + "17000101", today=dt.date(2060, 6, 1))
    assert later.expiry == dt.date(2100, 1, 1)


def test_character_outside_cset82() -> None:
    udi = parse("]d20109506000134352" + "10AB#C")
    assert not udi.valid
    assert '"AB#C"' in udi.errors[0] and '"#"' in udi.errors[0] and "position 3" in udi.errors[0]


def test_space_in_lot() -> None:
    udi = parse("]d20109506000134352" + "10AB C" + GS + "21X")
    assert not udi.valid and "(space)" in udi.errors[0] and '"AB C"' in udi.errors[0]


def test_missing_separator_is_a_warning() -> None:
    udi = parse("]d20109506000134352" + "10ABC12317251231")
    assert udi.valid and udi.lot == "ABC12317251231" and udi.expiry is None
    warning = joined(udi.warnings)
    assert '"ABC12317251231"' in warning and "17251231" in warning
    assert "missing separator" in warning


def test_missing_separator_before_serial() -> None:
    udi = parse("]d20109506000134352" + "10ABC1725123121SN1")
    assert "missing separator" in joined(udi.warnings)


def test_plain_lot_has_no_separator_warning() -> None:
    assert parse("]d20109506000134352" + "10LOT17" + GS + "21SN1").warnings == ()


@pytest.mark.parametrize(
    "text",
    [
        "]d20109506000134352" + GS + GS + "10ABC",  # doubled
        "]d20109506000134352" + GS + "10ABC" + GS,  # superfluous after fixed, trailing
        "]C1" + GS + "0109506000134352" + "10ABC",  # FNC1 sent as a leading GS
    ],
)
def test_separators_tolerated(text: str) -> None:
    udi = parse(text)
    assert udi.valid, udi.errors
    assert udi.lot == "ABC"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("]d2010950600013", '"0950600013"'),
        ("]d20109506000134352" + "1725", '"25"'),
        ("]d20109506000134352" + "10", "lot (10) is empty"),
    ],
)
def test_truncated(text: str, quoted: str) -> None:
    udi = parse(text)
    assert not udi.valid and quoted in joined(udi.errors)


def test_too_long_lot() -> None:
    udi = parse("]d20109506000134352" + "10" + "A" * 25)
    assert not udi.valid and "25 characters" in udi.errors[0]


def test_field_at_maximum_without_separator_is_split_like_biip() -> None:
    udi = parse("]d20109506000134352" + "10" + "A" * 20 + "21SN1")
    assert udi.valid and udi.lot == "A" * 20 and udi.serial == "SN1"
    assert "maximum length" in joined(udi.warnings)


def test_data_biip_refuses_is_refused_with_biip_s_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net: data that Lotline's rules accept but biip's parser refuses is not
    accepted. No such data is known (biip refuses only by its AI table and patterns, which the
    rules apply too; an unknown currency code would be one with biip's optional money
    support), so biip is made to refuse here. (253) has a value of two parts, which the fast
    split does not take: biip is asked."""

    class RefusingBiip:
        @staticmethod
        def parse(value: str, config: object = None) -> None:
            raise ParseError(f"biip cannot parse {value!r}")

    raw = "]d2" + "0109506000134352" + "2539506000134369ABC"
    assert parse(raw).valid  # biip accepts it, and so do the rules
    monkeypatch.setattr("desktop.domain.udi.gs1_split.GS1Message", RefusingBiip)
    udi = parse(raw)
    assert udi.errors == (
        '"]d201095060001343522539506000134369ABC" is not valid GS1 data: '
        "biip cannot parse '01095060001343522539506000134369ABC'",
    )
    assert udi.ais == (("01", "09506000134352"), ("253", "9506000134369ABC"))


def test_unknown_ai_after_data() -> None:
    udi = parse("]d20109506000134352" + "2612345")
    assert not udi.valid and '"2612345"' in udi.errors[0]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("]d2" + "10ABC", "lot (10)"),
        ("]d2" + "21SN1", "serial (21)"),
        ("]d2" + "17271231", "expiry (17)"),
        ("]d20109506000134352" + "250XYZ", "serial (21)"),
        ("]d20109506000134352" + "21A" + GS + "235B", "may not appear together"),
        ("]d20109506000134352" + "10A" + GS + "10B", "twice"),
    ],
)
def test_association_rules(text: str, words: str) -> None:
    udi = parse(text)
    assert not udi.valid and words in joined(udi.errors)


def test_non_gs1_symbol_with_gs1_data_is_flagged() -> None:
    udi = parse("]d1" + LABEL[3:])
    assert not udi.valid
    assert udi.lot == "ABC123"  # still read, for the record
    assert "]d1" in udi.errors[0] and "FNC1" in udi.errors[0]


def test_bare_gtin_typed() -> None:
    udi = parse("09506000134352")
    assert udi.valid and udi.gtin == "09506000134352"


def test_isbt128_recognised_not_parsed() -> None:
    for text in ("=A99971234567800", "]C4=A99971234567800", "&)123"):
        udi = parse(text)
        assert udi.scheme == "ISBT128" and udi.issuing_agency == "ICCBBA"
        assert not udi.valid and "not parse" in udi.errors[0]


def test_basic_udi_di_in_carrier_warns() -> None:
    udi = parse("]d20109506000134352" + "8013" + "1987654Ad4X4bL5ttr2310c2K")
    assert "8013" in joined(udi.warnings)
