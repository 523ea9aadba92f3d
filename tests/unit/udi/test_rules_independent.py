"""Tables and algorithms copied into the UDI code, held against independent implementations:

- the GS1 mod-10 check digit against biip's and against zint's (which refuses a wrong one);
- the GS1 character set 82 against biip's AI patterns, zint's GS1 checks and its help text;
- the HIBC (Code 39) character table against zint's HIBC encoder;
- the predefined-length table and the AI code lengths against biip's AI dictionary;
- the AIM symbology identifiers against zxing-cpp reading symbols that zint drew.
"""

from __future__ import annotations

import re
import string

import pytest
import zint
import zxingcpp
from biip.checksums import gs1_standard_check_digit
from biip.gs1_application_identifiers import _GS1_APPLICATION_IDENTIFIERS as BIIP_AIS
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from desktop.domain.udi import (
    CSET82,
    CSET82_HELP,
    fixed_value_length,
    gs1_check_digit,
    hibc_check_character,
    is_fixed_length,
    is_valid_check_digit,
    parse_scan,
)
from desktop.domain.udi.ai_table import ai_code_length
from desktop.domain.udi.checkdigits import HIBC_CHARSET

PRINTABLE = [chr(c) for c in range(0x20, 0x7F)]


@settings(max_examples=300, deadline=None)
@given(st.text("0123456789", min_size=1, max_size=17))
def test_the_gs1_check_digit_is_biip_s(digits: str) -> None:
    assert gs1_check_digit(digits) == str(gs1_standard_check_digit(digits))


def _zint_accepts_gtin(gtin: str) -> bool:
    symbol = zint.Symbol()
    symbol.symbology = zint.Symbology.GS1_128
    symbol.input_mode = zint.InputMode.GS1
    symbol.warn_level = zint.WarningLevel.FAIL_ALL
    try:
        symbol.encode(f"[01]{gtin}")
    except RuntimeError:
        return False
    return True


@pytest.mark.parametrize(
    "body", ["0950600013435", "0000000000000", "9999999999999", "1234567890123"]
)
def test_zint_takes_exactly_the_check_digit_we_compute(body: str) -> None:
    for digit in "0123456789":
        gtin = body + digit
        assert (
            _zint_accepts_gtin(gtin)
            == is_valid_check_digit(gtin)
            == (digit == gs1_check_digit(body))
        )


def test_cset82_is_the_set_biip_accepts_in_a_lot() -> None:
    pattern = re.compile(BIIP_AIS["10"].pattern)
    assert {c for c in PRINTABLE if pattern.fullmatch(f"10{c}")} == set(CSET82)
    assert len(CSET82) == 82


@pytest.mark.parametrize("char", PRINTABLE)
def test_cset82_is_the_set_zint_accepts_in_a_lot(char: str) -> None:
    symbol = zint.Symbol()
    symbol.symbology = zint.Symbology.GS1_128
    symbol.input_mode = zint.InputMode.GS1
    symbol.warn_level = zint.WarningLevel.FAIL_ALL
    data = "[01]09506000134352[10]A" + ("\\\\" if char == "\\" else char)
    if char in "[]":
        return  # zint's own bracket syntax: checked by biip above
    try:
        symbol.encode(data)
        accepted = True
    except RuntimeError:
        accepted = False
    assert accepted == (char in CSET82)


def test_the_cset82_help_names_every_character_of_the_set() -> None:
    letters = "letters A-Z a-z, digits and "
    assert CSET82_HELP.startswith(letters)
    symbols = CSET82_HELP[len(letters) :]
    spelled = set(symbols) | set(string.ascii_letters) | set(string.digits)
    assert spelled == set(CSET82)
    assert len(symbols) == len(set(symbols))


def _zint_hibc(data: str) -> str | None:
    symbol = zint.Symbol()
    symbol.symbology = zint.Symbology.HIBC_39
    try:
        symbol.encode(data)
    except RuntimeError:
        return None
    return str(symbol.text)


@pytest.mark.parametrize("char", PRINTABLE)
def test_the_hibc_character_table_is_zint_s(char: str) -> None:
    made = _zint_hibc("A1" + char)
    ours: str | None
    try:
        ours = hibc_check_character("+A1" + char)
    except ValueError:
        ours = None
    if char.islower():  # zint upper-cases for Code 39; HIBC data is upper case: refused here
        assert ours is None
        return
    assert (made is None) == (ours is None), char
    if made is not None:
        assert made[-2] == ours  # "*+A1c?*": the check character before the stop
    assert (ours is not None) == (char in HIBC_CHARSET)


def test_the_hibc_table_orders_values_as_code_39_does() -> None:
    assert string.digits + string.ascii_uppercase + "-. $/+%" == HIBC_CHARSET
    for value, char in enumerate(HIBC_CHARSET):  # "+" is worth 41 (REFERENCE 1.9)
        assert hibc_check_character("+" + char) == HIBC_CHARSET[(41 + value) % 43]


@pytest.mark.parametrize("ai", sorted(BIIP_AIS))
def test_the_predefined_length_table_agrees_with_biip(ai: str) -> None:
    entry = BIIP_AIS[ai]
    assert is_fixed_length(ai) == (not entry.separator_required), ai
    assert ai_code_length(ai[:2]) == len(ai), ai
    if is_fixed_length(ai):
        digits = re.fullmatch(r"N\d\+N(\d+)", entry.format)  # "N2+N14": 14 digits exactly
        assert digits is not None, entry.format
        assert fixed_value_length(ai) == int(digits.group(1)), ai
    else:
        assert fixed_value_length(ai) is None


@pytest.mark.parametrize("prefix", [f"{n:02d}" for n in range(100)])
def test_ai_code_lengths_cover_exactly_the_prefixes_biip_knows(prefix: str) -> None:
    lengths = {len(ai) for ai in BIIP_AIS if ai.startswith(prefix)}
    assert len(lengths) <= 1
    if lengths:
        assert ai_code_length(prefix) == lengths.pop()


# ---------------------------------------------------------------- AIM identifiers


def _image(symbology: zint.Symbology, data: str, gs1: bool) -> Image.Image:
    symbol = zint.Symbol()
    symbol.symbology = symbology
    if gs1:
        symbol.input_mode = zint.InputMode.GS1
    symbol.encode(data)
    cells = symbol.encoded_data
    rows = [
        [cells[r, c >> 3] >> (c & 7) & 1 for c in range(symbol.width)] for r in range(symbol.rows)
    ]
    if len(rows) == 1:  # a linear symbol: give its bars height
        rows = rows * 40
    quiet = 12
    image = Image.new("L", (len(rows[0]) + 2 * quiet, len(rows) + 2 * quiet), 255)
    pixels = image.load()
    assert pixels is not None
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + quiet, y + quiet] = 0
    return image.resize((image.width * 3, image.height * 3), Image.Resampling.NEAREST)


def _read(symbology: zint.Symbology, data: str, gs1: bool = False) -> str:
    """What a scanner sends for the symbol: its AIM identifier, then its data (GS as FNC1)."""
    (found,) = zxingcpp.read_barcodes(
        _image(symbology, data, gs1), text_mode=zxingcpp.TextMode.Plain
    )
    return found.symbology_identifier + found.text


GS1_INPUT = "[01]09506000134352[17]271231[10]ABC123"


@pytest.mark.parametrize(
    ("symbology", "aim"),
    [
        (zint.Symbology.DATAMATRIX, "]d2"),
        (zint.Symbology.GS1_128, "]C1"),
        (zint.Symbology.QRCODE, "]Q3"),
        (zint.Symbology.DBAR_EXP, "]e0"),
    ],
)
def test_every_gs1_carrier_zxing_reads_is_read_as_gs1(symbology: zint.Symbology, aim: str) -> None:
    scan = _read(symbology, GS1_INPUT, gs1=True)
    assert scan.startswith(aim)
    parsed = parse_scan(scan)
    assert parsed.valid, parsed.errors
    assert (parsed.scheme, parsed.symbology, parsed.gtin, parsed.lot) == (
        "GS1",
        aim,
        "09506000134352",
        "ABC123",
    )


def test_an_ean_13_read_is_a_gtin() -> None:
    scan = _read(zint.Symbology.EANX, "950600013435")
    assert scan == "]E09506000134352"
    parsed = parse_scan(scan)
    assert parsed.valid and parsed.gtin == "09506000134352"


@pytest.mark.parametrize(
    ("symbology", "aim", "name"),
    [
        (zint.Symbology.DATAMATRIX, "]d1", "plain DataMatrix"),
        (zint.Symbology.CODE128, "]C0", "plain Code 128"),
        (zint.Symbology.QRCODE, "]Q1", "plain QR Code"),
        (zint.Symbology.CODE39, "]A0", "Code 39"),
        (zint.Symbology.AZTEC, "]z0", "Aztec"),
    ],
)
def test_a_plain_symbol_is_refused_by_its_name(
    symbology: zint.Symbology, aim: str, name: str
) -> None:
    scan = _read(symbology, "PUMP-4711")
    assert scan == f"{aim}PUMP-4711"
    parsed = parse_scan(scan)
    assert not parsed.valid
    assert f"{aim} ({name})" in parsed.errors[0]


@pytest.mark.parametrize(
    "symbology", [zint.Symbology.HIBC_128, zint.Symbology.HIBC_DM, zint.Symbology.HIBC_QR]
)
def test_a_hibc_symbol_zint_made_is_read_with_its_check(symbology: zint.Symbology) -> None:
    scan = _read(symbology, "A123BJC5D6E71")
    parsed = parse_scan(scan)
    assert parsed.valid, parsed.errors
    assert parsed.scheme == "HIBC" and parsed.hibc is not None
    assert parsed.hibc.check == "G"  # the published example +A123BJC5D6E71G
