"""GS1-128 codewords and ZPL ^BC field data: round trips, zebrash-safe switching, real decodes."""

from __future__ import annotations

import re

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from desktop.labels.code128 import (
    CODE_B,
    FNC1,
    START_C,
    bar_pattern,
    codewords_from_zpl,
    gs1_128_codewords,
    symbol_modules,
    zpl_field_data,
)
from desktop.labels.errors import LabelError
from desktop.labels.gs1 import join_pairs
from tests.unit.labels.label_data import field_sets


def decode_pattern(pattern: str, module: int = 3) -> list[tuple[str, bytes]]:
    quiet = 12 * module
    image = Image.new("L", (len(pattern) * module + 2 * quiet, 80), 255)
    draw = ImageDraw.Draw(image)
    for n, bit in enumerate(pattern):
        if bit == "1":
            x = quiet + n * module
            draw.rectangle((x, 10, x + module - 1, 69), fill=0)
    found = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.Code128)
    )
    return [(r.symbology_identifier, bytes(r.bytes)) for r in found]


def test_reference_example_is_written_as_verified_on_zebrash() -> None:
    data = "010950600013435210AB12\x1d21SN1"
    assert zpl_field_data(gs1_128_codewords(data)) == ">;>8010950600013435210>6AB12>821SN1"


def test_numeric_only_data_stays_in_subset_c() -> None:
    codes = gs1_128_codewords("01095060001343521727123")
    field = zpl_field_data(codes)
    assert field.startswith(">;>8") and field.count(">6") == 1  # the odd last digit needs B
    assert zpl_field_data(gs1_128_codewords("0109506000134352")) == ">;>80109506000134352"


def test_greater_than_is_escaped_as_the_manual_says() -> None:
    field = zpl_field_data(gs1_128_codewords("010950600013435210A>B"))
    assert field.endswith(">6A>0B")


def test_lone_last_character_after_the_switch_moves_the_switch_a_pair_earlier() -> None:
    # zebrash drops the single character after ">6" at the end of the field.
    field = zpl_field_data(gs1_128_codewords("0109506000134352105"))
    assert field == ">;>80109506000134352>6105"


def test_non_gs1_characters_are_refused() -> None:
    with pytest.raises(LabelError, match="not a GS1 character"):
        gs1_128_codewords("0109506000134352\x1d10A B")


def test_width_counts_start_data_check_and_stop() -> None:
    codes = gs1_128_codewords("0109506000134352")
    assert codes[:2] == (START_C, FNC1) and len(codes) == 10
    assert symbol_modules(codes) == 11 * 11 + 13 == len(bar_pattern(codes))


@settings(max_examples=150, deadline=None)
@given(field_sets())
def test_zpl_field_reads_back_to_the_same_codewords_and_decodes(fields: dict[str, str]) -> None:
    data = join_pairs(tuple(fields.items()))
    codes = gs1_128_codewords(data)
    field = zpl_field_data(codes)
    assert ">5" not in field  # never switch back to C: zebrash turns >5 into FNC4
    assert field.count(">6") <= 1 and not re.search(r">6.$", field)
    assert codewords_from_zpl(field) == codes
    assert codes.count(CODE_B) <= 1
    assert decode_pattern(bar_pattern(codes)) == [("]C1", data.encode("ascii"))]


@given(st.text("0123456789", min_size=2, max_size=30))
def test_reader_handles_pure_digit_fields(digits: str) -> None:
    codes = gs1_128_codewords(digits)
    assert codewords_from_zpl(zpl_field_data(codes)) == codes


def test_reader_follows_the_manual_for_subset_c_switch() -> None:
    # We never write >5, but the reader knows it (value 99, back to digit pairs).
    assert codewords_from_zpl(">;>801>6A>51234") == (START_C, FNC1, 1, CODE_B, 33, 99, 12, 34)
    with pytest.raises(ValueError, match="start code"):
        codewords_from_zpl("0123")
