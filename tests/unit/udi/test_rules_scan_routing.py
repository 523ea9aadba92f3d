"""What a read becomes, kept whole: the raw read and the AIM identifier survive every route
(refused unmarked data, bare GTINs, GS1 data in a symbol not marked GS1, Code 39 reads with
the check stripped, ISBT 128 and AHM codes), HIBC typed from Code 39 text with its '*'
start/stop characters only when both are there, and reads that are not text."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import ParsedUDI, parse_scan
from desktop.domain.udi import scan as scan_module
from desktop.domain.udi.ai_table import ai_name
from desktop.domain.udi.gs1_associations import is_dl_primary_key

TODAY = dt.date(2026, 3, 1)


def parse(text: str, *, expect_gs1: bool = True) -> ParsedUDI:
    return parse_scan(text, expect_gs1=expect_gs1, today=TODAY)


@pytest.mark.parametrize(
    ("read", "symbology"),
    [
        ("09506000134352", None),  # a bare GTIN typed, no AIM identifier
        ("]A0123456789012345675", "]A0"),  # GS1 data in Code 39 (no FNC1)
        ("]A0HELLO", "]A0"),  # not a UDI at all
        ("]C4=A99971234567800", "]C4"),  # ISBT 128
        ("]Q1MF1234567890123BA2024A*SN0001", "]Q1"),  # AHM
        ("]A3+$$3260630LOTG", "]A3"),  # HIBC with its check stripped by the scanner
    ],
)
def test_the_raw_read_and_its_symbology_are_kept(read: str, symbology: str | None) -> None:
    parsed = parse(read)
    assert (parsed.raw, parsed.symbology) == (read, symbology)


def test_a_stripped_check_hibc_read_over_110_characters_keeps_the_raw_read() -> None:
    read = "]A3+" + "A" * 111
    parsed = parse(read)
    assert parsed.raw == read
    assert parsed.errors[0].startswith("Code 39 scanner sent ]A3 for ")


def test_unmarked_data_refused_keeps_the_raw_read() -> None:
    parsed = parse("XYZ", expect_gs1=False)
    assert parsed.raw == "XYZ"
    assert parsed.errors == (
        '"XYZ" is not a recognised UDI: it has no AIM symbology identifier and is not HIBC '
        '(+...), ISBT 128 (= or &), a GS1 Digital Link URI or bracketed GS1 ("(01)..."); set '
        "the scanner to transmit AIM identifiers",
    )


def test_gs1_data_then_garbage_in_a_plain_symbol_is_not_a_udi() -> None:
    """Read as GS1 (flagged) only when the whole reads as element strings."""
    parsed = parse("]A00109506000134352ZZ")
    assert parsed.di is None
    assert parsed.errors == (
        ']A0 (Code 39) data "0109506000134352ZZ" is not a UDI: it is not HIBC (+...), ISBT 128 '
        "(= or &), a GS1 Digital Link URI, or GS1 data",
    )


def test_bracketed_text_in_a_symbol_is_named() -> None:
    parsed = parse("]d1(01)09506000134352(10)ABC")
    assert parsed.errors == (
        'the ]d1 symbol encodes bracketed text like "(01)...": brackets belong to the printed '
        "HRI, not to the barcode; the label is not a valid GS1 carrier",
    )


def test_a_stripped_check_hibc_read_is_still_read_for_its_dates() -> None:
    parsed = parse("]A3+$$3260630LOTG")
    assert (parsed.expiry, parsed.lot) == (dt.date(2026, 6, 30), "LOT")
    assert parsed.errors == (
        'Code 39 scanner sent ]A3 for "+$$3260630LOTG": it removed the HIBC check character, '
        "so the data cannot be verified here; set the scanner to transmit the check character "
        "(AIM ]A0 or ]A1)",
    )


# --- HIBC typed from Code 39 text ----------------------------------------------------------


def test_start_and_stop_asterisks_are_ignored_only_as_a_pair() -> None:
    both = parse("*+A*")
    assert both.warnings == ("the '*' start/stop characters of the Code 39 text were ignored",)
    assert both.errors == ('HIBC data "+A" is too short to hold data and a check',)


@pytest.mark.parametrize(
    ("read", "data", "position"),
    [
        ("*+A123BJC5D6E71G", "*+A123BJC5D6E71G", 1),  # a start asterisk without a stop
        ("]A3*+A123BJC5D6E71G", "*+A123BJC5D6E71G", 1),  # the same from a check-stripping scanner
        ("+A123BJC5D6E71*", "+A123BJC5D6E71*", 15),  # a stop asterisk without a start
        ("*+*", "*+*", 1),  # the two asterisks and nothing between
    ],
)
def test_a_lone_asterisk_is_refused_where_it_stands(read: str, data: str, position: int) -> None:
    parsed = parse(read)
    assert parsed.errors == (
        f'HIBC data "{data}" has "*" at position {position}, which is not a Code 39 character; '
        "rescan or retype it",
    )
    assert parsed.warnings == ()


# --- reads that are not text -----------------------------------------------------------------


def test_a_gtin_given_as_a_number_reads_as_its_digits() -> None:
    """A value from a spreadsheet cell: REFERENCE 1.4's GTIN-14 test value 12345678901231."""
    parsed = parse_scan(12345678901231, today=TODAY)  # type: ignore[arg-type]
    assert (parsed.raw, parsed.di) == ("12345678901231", "12345678901231")


def test_nothing_read_is_an_empty_read() -> None:
    parsed = parse_scan(None, today=TODAY)  # type: ignore[arg-type]
    assert parsed.raw == ""
    assert not parsed.valid


# --- Digital Link primary keys ---------------------------------------------------------------


@pytest.mark.parametrize(("ai", "key"), [("01", True), ("00", True), ("8013", True), ("10", False)])
def test_digital_link_primary_keys(ai: str, key: bool) -> None:
    """REFERENCE 1.1: (01) has dlpkey, and so has (8013) GMN; (10) is an attribute."""
    assert is_dl_primary_key(ai) is key


# --- AHM codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("read", "ahm"),
    [
        ("]Q1MF1-2345", True),  # "MF" and a product DI starting with a letter or digit
        ("]Q1MF1é2345", True),  # only the DI's first character is judged to recognise it
        ("]Q1MFé12345", False),  # not an ASCII letter or digit after "MF"
        ("]Q1MF-12345", False),
    ],
)
def test_ahm_codes_are_recognised_by_mf_and_the_first_character_of_the_di(
    read: str, ahm: bool
) -> None:
    """docs/udi-china.md: AHM codes are recognised by their start, "MF" and the product DI."""
    parsed = parse(read)
    assert (parsed.scheme == "AHM") is ahm
    assert not parsed.valid


# --- reads refused before they are read ---------------------------------------------------------


def test_a_symbology_identifier_alone_is_refused_keeping_the_read() -> None:
    parsed = parse("]d2")
    assert parsed.raw == "]d2"
    assert parsed.errors == ("the scanner sent the symbology identifier ]d2 but no data",)


def test_a_bracket_then_a_letter_outside_ascii_is_no_aim_identifier() -> None:
    parsed = parse("]é1ABC")
    assert (parsed.raw, parsed.symbology) == ("]é1ABC", None)
    assert parsed.errors == (
        '"]é1ABC" starts with "]" but "]é1" is not an AIM symbology identifier (such as ]d2, '
        "]C1, ]Q3, ]d1)",
    )


@pytest.mark.parametrize(
    ("read", "error"),
    [
        (
            "]A0X",
            ']A0 (Code 39) data "X" is not a UDI: it is not HIBC (+...), ISBT 128 (= or &), a GS1 '
            "Digital Link URI, or GS1 data",
        ),
        (
            "X",
            '"X" does not start with a GS1 Application Identifier: this is not GS1 element-string '
            "data (expected two to four digits such as 01, 10, 17, 21)",
        ),
    ],
)
def test_one_letter_is_data_not_an_empty_read(read: str, error: str) -> None:
    assert parse(read).errors[0] == error


def test_a_read_of_7100_characters_is_read_and_of_7101_refused_unread() -> None:
    """QR holds at most 7089 digits (REFERENCE 1.6 carriers): 7100 is the limit Lotline reads."""
    at_limit = parse("91" + "A" * 7098)
    assert not any("longer than any barcode" in error for error in at_limit.errors)
    past = parse("91" + "A" * 7099)
    assert past.errors == (
        f'scan "91{"A" * 38}…" (7101 characters) is longer than any barcode holds (7100 '
        "characters): not a single scan; check the scanner's settings",
    )


def test_data_that_is_not_gs1_names_no_issuing_agency() -> None:
    parsed = parse("]d2ZZZ")
    assert (parsed.symbology, parsed.issuing_agency) == ("]d2", None)


def test_an_ai_without_a_name_is_called_by_its_digits() -> None:
    assert ai_name("9999") == "AI (9999)"


def test_a_fault_inside_the_reader_is_reported_never_raised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: object) -> ParsedUDI:
        raise RuntimeError("boom")

    monkeypatch.setattr(scan_module, "_parse", broken)
    parsed = parse("]d2X")
    assert parsed.raw == "]d2X"
    assert parsed.errors == (
        "internal error while reading \"]d2X\": RuntimeError('boom'); please report it",
    )
    assert not parsed.valid


@pytest.mark.parametrize("blank", ["\t", "\x0b", "\x0c", " \t\x1d "])
def test_a_read_of_white_space_of_any_kind_is_no_data(blank: str) -> None:
    alone = parse_scan(blank)
    assert not alone.valid
    assert alone.errors[0].endswith("holds only separators or spaces, no data; scan again")
    after_aim = parse_scan("]d2" + blank)
    assert not after_aim.valid
    assert after_aim.errors == ("the scanner sent the symbology identifier ]d2 but no data",)
