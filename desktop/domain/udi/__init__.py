"""UDI identifiers: parse what a scanner or a person gives, compose what a label prints.

Pure code (stdlib and biip). GS1 (element strings, bracketed, Digital Link), HIBC (written
here: primary, secondary, concatenated) and ISBT 128 (recognised only). See REFERENCE 1.
"""

from __future__ import annotations

from ._text import CSET82, CSET82_HELP
from .ai_table import ai_title, fixed_value_length, is_fixed_length
from .checkdigits import (
    gs1_check_digit,
    hibc_check_character,
    is_valid_check_digit,
    make_sscc,
    sscc_from,
)
from .compose import compose
from .hibc import pair_hibc
from .model import ComposedUDI, ComposeError, HibcInfo, ParsedUDI
from .scan import parse_scan

__all__ = [
    "CSET82",
    "CSET82_HELP",
    "ComposeError",
    "ComposedUDI",
    "HibcInfo",
    "ParsedUDI",
    "ai_title",
    "compose",
    "fixed_value_length",
    "gs1_check_digit",
    "hibc_check_character",
    "is_fixed_length",
    "is_valid_check_digit",
    "make_sscc",
    "pair_hibc",
    "parse_scan",
    "sscc_from",
]
