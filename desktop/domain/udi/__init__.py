"""UDI identifiers: parse what a scanner or a person gives, compose what a label prints.

Pure code (stdlib and biip). GS1 (element strings, bracketed, Digital Link), HIBC (written
here: primary, secondary, concatenated), MA code (IDcode, China), ISBT 128 and AHM (recognised
only). See REFERENCE 1 and docs/udi-china.md.
"""

from __future__ import annotations

from ._text import CSET82, CSET82_HELP
from .ai_table import ai_title, fixed_value_length, is_fixed_length
from .checkdigits import (
    gs1_check_digit,
    hibc_check_character,
    is_valid_check_digit,
    key_problem,
    make_sscc,
    sscc_from,
)
from .compose import compose
from .hibc import hibc_linked, pair_hibc
from .ma import ComposedMA, compose_ma, ma_check_character
from .model import ComposedUDI, ComposeError, HibcInfo, MaInfo, ParsedUDI
from .scan import parse_scan

#: What a label carries: a GS1 element string or an MA code (both have ``scheme``,
#: ``element_string``, ``bracketed``, ``pairs`` and ``hri``).
ComposedCode = ComposedUDI | ComposedMA

__all__ = [
    "CSET82",
    "CSET82_HELP",
    "ComposeError",
    "ComposedCode",
    "ComposedMA",
    "ComposedUDI",
    "HibcInfo",
    "MaInfo",
    "ParsedUDI",
    "ai_title",
    "compose",
    "compose_ma",
    "fixed_value_length",
    "gs1_check_digit",
    "hibc_check_character",
    "hibc_linked",
    "is_fixed_length",
    "is_valid_check_digit",
    "key_problem",
    "ma_check_character",
    "make_sscc",
    "pair_hibc",
    "parse_scan",
    "sscc_from",
]
