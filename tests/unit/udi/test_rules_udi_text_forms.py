"""The other written forms of a UDI, refused in the words people read: GS1 Digital Link URIs
(REFERENCE 1.6: a primary key, its qualifiers in order, data attributes in the query; every
refusal quotes the URI up to 100 characters), bracketed text typed from the HRI, element
strings with doubled separators; the century window at its exact edges (REFERENCE 1.5); the
HIBC check function's own refusals; input quoted up to 40 characters."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.udi import ParsedUDI, hibc_check_character, parse_scan
from desktop.domain.udi._text import QUOTE_LIMIT, show
from desktop.domain.udi.dates import full_year
from desktop.domain.udi.gs1_associations import valid_dl_path

TODAY = dt.date(2026, 3, 1)
GTIN = "09506000134352"
STEM = "https://id.example-company.com/"  # with a GTIN, longer than the 40 quoted elsewhere
EXAMPLE = "e.g. https://id.example.com/01/09506000134352/10/ABC?17=271231"


def parse(text: str) -> ParsedUDI:
    return parse_scan(text, today=TODAY)


def uri_error(uri: str, problem: str) -> str:
    return f'GS1 Digital Link URI "{uri}"{problem}'


# --- GS1 Digital Link ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uri", "problem"),
    [
        (
            "https://id.exam ple.com/01/" + GTIN,
            ' holds " " (space) at position 16, which a URI may not hold (it must be '
            "percent-encoded)",
        ),
        (
            "https://id.example-company.com",
            f" has no domain and path: expected the domain, then /AI/value pairs, {EXAMPLE}",
        ),
        (
            "https://id.ex_ample-company.com/01/" + GTIN,
            ': the domain "id.ex_ample-company.com" holds "_", which a domain may not hold',
        ),
        (
            STEM + "10/ABC/21/S12345",
            " has no GS1 primary key in its path (such as /01/ and a 14-digit GTIN), " + EXAMPLE,
        ),
        (STEM + f"01/{GTIN}/10/", ": the value of /10/ in the path is empty"),
        (
            STEM + f"01/{GTIN}/10/A%00",
            ": the value of /10/ in the path holds a NUL character (%00)",
        ),
        (
            STEM + f"01/{GTIN}?9999=1&17=271231",
            ': query parameter "9999" is numeric but not a GS1 Application Identifier',
        ),
        (STEM + f"01/{GTIN}?17=&11=260101", ": the value of 17= in the query is empty"),
        (
            STEM + f"01/{GTIN}?17=%00&11=260101",
            ": the value of 17= in the query holds a NUL character (%00)",
        ),
    ],
)
def test_digital_link_refusals_quote_the_uri(uri: str, problem: str) -> None:
    assert parse(uri).errors == (uri_error(uri, problem),)


@pytest.mark.parametrize(
    ("gtin", "padded"),
    [("02345673", "00000002345673"), ("416000336108", "00416000336108")],  # REFERENCE 1.4
)
def test_a_zero_suppressed_gtin_in_the_path_is_refused(gtin: str, padded: str) -> None:
    """GTIN-8 and GTIN-12 (as GTIN-13) must be written with all 14 digits."""
    uri = STEM + "01/" + gtin
    assert parse(uri).errors == (
        uri_error(
            uri,
            f': the GTIN in the path, "{gtin}", is zero-suppressed; GS1 Digital Link needs all '
            f"14 digits (/01/{padded})",
        ),
    )


def test_qualifiers_out_of_order_are_refused() -> None:
    uri = STEM + f"01/{GTIN}/21/S1/10/ABC"
    assert parse(uri).errors == (
        f'GS1 Digital Link URI path "/01/{GTIN}/21/S1/10/ABC" is not a primary key followed by '
        "its qualifiers in order (the order is /01/22/10/21 or /01/235, each qualifier "
        "optional)",
    )


def test_every_misplaced_query_parameter_is_named() -> None:
    uri = STEM + f"01/{GTIN}/21/S1?22=CPV1&10=ABC&3103=000100"
    misplaced = STEM + f"01/{GTIN}/21/S1?10=ABC&22=CPV1"
    assert parse(misplaced).errors == (
        uri_error(
            misplaced,
            f': lot (10) belongs in the path, not the query (write "/01/{GTIN}/10/ABC")',
        ),
        uri_error(
            misplaced,
            ": CPV (22) may not be a query parameter (it is not a Digital Link data attribute)",
        ),
    )
    assert parse(uri).errors == (
        uri_error(
            uri,
            ": CPV (22) may not be a query parameter (it is not a Digital Link data attribute)",
        ),
        uri_error(
            uri, f': lot (10) belongs in the path, not the query (write "/01/{GTIN}/10/ABC")'
        ),
    )


def test_parameters_after_a_refused_one_are_still_judged() -> None:
    uri = STEM + f"01/{GTIN}?17=&9999=1"
    assert parse(uri).errors == (
        uri_error(uri, ": the value of 17= in the query is empty"),
        uri_error(uri, ': query parameter "9999" is numeric but not a GS1 Application Identifier'),
    )


def test_long_uris_and_paths_are_quoted_up_to_100_characters() -> None:
    """Elsewhere input is quoted up to 40 characters; a URI is read whole up to 100."""
    mixed = "Https://id.example-company.com/01/" + GTIN
    assert parse(mixed).errors == (
        f'"{mixed}" is not a GS1 Digital Link URI: it must start with https:// or http:// (all '
        f"lower or all upper case), {EXAMPLE}",
    )
    bare = "https://id.example-company-with-a-long-name.com"
    assert parse(bare).errors == (
        uri_error(
            bare, f" has no domain and path: expected the domain, then /AI/value pairs, {EXAMPLE}"
        ),
    )
    lot = "L" * 20
    misplaced = STEM + f"01/{GTIN}?10={lot}"
    assert parse(misplaced).errors == (
        uri_error(
            misplaced,
            f': lot (10) belongs in the path, not the query (write "/01/{GTIN}/10/{lot}")',
        ),
    )
    unordered = STEM + f"01/{GTIN}/21/S123456789/10/ABCDEF"
    assert parse(unordered).errors == (
        f'GS1 Digital Link URI path "/01/{GTIN}/21/S123456789/10/ABCDEF" is not a primary key '
        "followed by its qualifiers in order (the order is /01/22/10/21 or /01/235, each "
        "qualifier optional)",
    )


def test_a_query_value_may_hold_an_equals_sign() -> None:
    parsed = parse(STEM + f"01/{GTIN}?11=260101&99=A=B")
    assert parsed.errors == ()
    assert dict(parsed.ais)["99"] == "A=B"
    assert parsed.raw == STEM + f"01/{GTIN}?11=260101&99=A=B"
    assert parsed.production_date == dt.date(2026, 1, 1)


def test_a_digital_link_read_keeps_its_raw_read_and_symbology() -> None:
    read = "]Q1" + STEM + "01/" + GTIN
    parsed = parse(read)
    assert (parsed.raw, parsed.symbology, parsed.di) == (read, "]Q1", GTIN)
    typed = parse(STEM + "01/" + GTIN)
    assert (typed.raw, typed.symbology, typed.di) == (STEM + "01/" + GTIN, None, GTIN)


def test_a_path_starts_with_a_primary_key() -> None:
    assert not valid_dl_path([])
    assert not valid_dl_path(["10", "21"])
    assert valid_dl_path(["01"])
    assert valid_dl_path(["01", "22", "10", "21"])


# --- bracketed text ------------------------------------------------------------------------


def test_text_that_does_not_open_with_an_ai_in_brackets_is_refused() -> None:
    parsed = parse("(9)ABC")
    assert parsed.errors == (
        'expected "(AI)" at "(9)ABC" (position 1) in "(9)ABC": write each Application '
        "Identifier in brackets, e.g. (01)09506000134352(10)ABC",
    )


def test_a_bracket_that_opens_no_ai_is_data() -> None:
    parsed = parse("(01)09506000134352(10)ABC(9")
    assert (parsed.lot, parsed.errors) == ("ABC(9", ())


def test_a_backslash_escapes_only_a_bracket() -> None:
    escaped = parse("(01)09506000134352(10)A\\(B")
    assert (escaped.lot, escaped.errors) == ("A(B", ())
    plain = parse("(01)09506000134352(10)A\\B")
    assert plain.lot == "A\\B"
    assert plain.errors[0].startswith(r'lot (10) "A\B" has "\" at position 2')


def test_only_spaces_around_a_bracketed_value_are_dropped() -> None:
    parsed = parse("(01)09506000134352(10)AB\t(21)X")
    assert parsed.lot == "AB\t"
    assert parsed.errors[0].startswith('lot (10) "AB\\x09" has "\\x09" (tab) at position 3')


def test_unmarked_isbt_and_ahm_keep_the_raw_read() -> None:
    for read in ("=A99971234567800", "MF1234567890123BA2024A"):
        parsed = parse(read)
        assert (parsed.raw, parsed.symbology) == (read, None)
    for read, symbology in (
        ("]C4=A99971234567800", "]C4"),
        ("]A0=A99971234567800", "]A0"),
        ("]d1MF1234567890123BA2024A", "]d1"),
    ):
        assert parse(read).symbology == symbology


# --- element strings -----------------------------------------------------------------------


CUT = (
    'in "01{gtin}10{lot}17…" (46 characters) a variable-length field runs past its maximum '
    "length with no GS separator; it was cut at the maximum and the rest read as the next AI: "
    "check the label's separators"
)


def test_a_lot_run_past_20_characters_into_an_expiry_is_cut_and_the_date_judged() -> None:
    """REFERENCE 1.3: a missing separator after a lot of the maximum 20 characters; the rest is
    read as (17), whose date our rules judge (February 30th does not exist)."""
    lot = "A" * 20
    parsed = parse(f"]d201{GTIN}10{lot}17260230")
    assert parsed.ais == (("01", GTIN), ("10", lot), ("17", "260230"))
    assert parsed.errors == (
        'expiry (17) "260230": 2026-02-30 is not a real date (February 2026 has 28 days): '
        "check the label",
    )
    assert parsed.warnings == (CUT.format(gtin=GTIN, lot=lot),)


def test_a_doubled_separator_is_read_past_with_a_warning() -> None:
    parsed = parse("]d201" + GTIN + "\x1d\x1d10ABC")
    assert (parsed.lot, parsed.errors) == ("ABC", ())
    assert parsed.warnings == (
        f'doubled GS separator in "01{GTIN}<GS><GS>10ABC" was ignored; the label\'s encoder '
        "writes an empty field: check the template",
    )


# --- the century window at its edges -------------------------------------------------------


@pytest.mark.parametrize(
    ("yy", "today", "year"),
    [
        (99, dt.date(2000, 1, 1), 1999),  # diff 99: the previous century
        (0, dt.date(2099, 1, 1), 2100),  # diff -99: the next century
        (0, dt.date(2050, 1, 1), 2100),  # diff -50: the next century (50 years ahead)
        (0, dt.date(2049, 1, 1), 2000),  # diff -49: this century
        (50, dt.date(2000, 1, 1), 2050),  # diff 50: this century (50 years ahead)
        (51, dt.date(2000, 1, 1), 1951),  # diff 51: the previous century
    ],
)
def test_the_century_window_at_its_edges(yy: int, today: dt.date, year: int) -> None:
    assert full_year(yy, today) == year


# --- the HIBC check function ---------------------------------------------------------------


def test_the_hibc_check_function_refuses_in_words() -> None:
    with pytest.raises(
        ValueError, match=r"^HIBC data starts with the '\+' flag character, got 'A1'$"
    ):
        hibc_check_character("A1")
    with pytest.raises(ValueError, match=r"^'a' is not an HIBC \(Code 39\) character in '\+a'$"):
        hibc_check_character("+a")
    assert len(hibc_check_character("+" + "A" * 110)) == 1
    with pytest.raises(ValueError, match=r"^HIBC data holds at most 110 characters after '\+'$"):
        hibc_check_character("+" + "A" * 111)


# --- quoting input -------------------------------------------------------------------------


def test_input_is_quoted_whole_up_to_40_characters() -> None:
    assert QUOTE_LIMIT == 40
    assert show("A" * 40) == '"' + "A" * 40 + '"'
    assert show("A" * 41) == '"' + "A" * 40 + '…" (41 characters)'


def test_an_empty_pair_in_a_digital_link_query_is_skipped_not_the_end_of_it() -> None:
    parsed = parse_scan("https://id.gs1.org/01/09506000134352/10/ABC?11=260101&&17=271231")
    assert parsed.valid and parsed.expiry == dt.date(2027, 12, 31)
