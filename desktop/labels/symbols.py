"""Module matrices of the GS1 symbols, from zint, and the GS1 DataMatrix size plan.

The DataMatrix size is planned from the plain ASCII encodation (digit pairs packed, one codeword
for FNC1 and for every other character). Every ECC 200 encoder does at least that well, so the
printer's own ^BX encoder fits the data in the planned size, and zint is told to use exactly that
size: the ZPL, PDF and PNG symbols are the same size and the layout check is exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import zint

from desktop.labels.errors import LabelDoesNotFit, LabelError

GS = "\x1d"
DM_QUIET_ZONE_MODULES = 1

# Square ECC 200 sizes (modules per side) and their data codeword capacity; zint's option_2 for
# a square size is its index here plus one.
DM_SQUARE_SIZES: tuple[tuple[int, int], ...] = (
    (10, 3), (12, 5), (14, 8), (16, 12), (18, 18), (20, 22), (22, 30), (24, 36), (26, 44),
    (32, 62), (36, 86), (40, 114), (44, 144), (48, 174), (52, 204), (64, 280), (72, 368),
    (80, 456), (88, 576), (96, 696), (104, 816), (120, 1050), (132, 1304), (144, 1558),
)  # fmt: skip


def ascii_codewords(element_string: str) -> int:
    """Data codewords of GS1 DataMatrix in ASCII encodation: FNC1 first, then the data."""
    count, i = 1, 0
    while i < len(element_string):
        pair = element_string[i : i + 2]
        step = 2 if len(pair) == 2 and pair.isascii() and pair.isdigit() else 1
        count += 1
        i += step
    return count


def datamatrix_size(element_string: str) -> int:
    """Modules per side of the planned (square) GS1 DataMatrix for this element string."""
    needed = ascii_codewords(element_string)
    for size, capacity in DM_SQUARE_SIZES:
        if capacity >= needed:
            return size
    raise LabelDoesNotFit(
        f"the UDI data needs {needed} DataMatrix codewords, more than the largest symbol holds "
        f"({DM_SQUARE_SIZES[-1][1]}): leave out optional AIs"
    )


def zint_gs1_input(pairs: Sequence[tuple[str, str]]) -> str:
    """zint's GS1 input: "[01]09506000134352[10]ABC". Brackets are outside CSET 82."""
    return "".join(f"[{ai}]{value}" for ai, value in pairs)


@lru_cache(maxsize=256)
def datamatrix_matrix(pairs: tuple[tuple[str, str], ...], size: int) -> tuple[str, ...]:
    """Rows of '0'/'1' of a square GS1 DataMatrix of exactly ``size`` modules per side."""
    index = next((n for n, (side, _) in enumerate(DM_SQUARE_SIZES, 1) if side == size), None)
    if index is None:
        raise ValueError(f"{size} is not a square ECC 200 size")
    symbol = _symbol(zint.Symbology.DATAMATRIX)
    symbol.option_2 = index
    _encode(symbol, pairs, "GS1 DataMatrix")
    return _rows(symbol)


@lru_cache(maxsize=256)
def plain_datamatrix_matrix(text: str, size: int) -> tuple[str, ...]:
    """Rows of a square plain ECC 200 DataMatrix (no FNC1, read as ]d1) of ``size`` modules."""
    index = next((n for n, (side, _) in enumerate(DM_SQUARE_SIZES, 1) if side == size), None)
    if index is None:
        raise ValueError(f"{size} is not a square ECC 200 size")
    symbol = _symbol(zint.Symbology.DATAMATRIX)
    symbol.input_mode = zint.InputMode(0)  # DATA: the bytes as given, no FNC1
    symbol.option_2 = index
    try:
        symbol.encode(text)
    except RuntimeError as exc:
        raise LabelError(f"DataMatrix refused the data: {exc}: correct the data") from exc
    return _rows(symbol)


@lru_cache(maxsize=256)
def gs1_128_pattern(pairs: tuple[tuple[str, str], ...]) -> str:
    """The GS1-128 bar pattern ('1' dark) that zint makes for these pairs (no quiet zones)."""
    symbol = _symbol(zint.Symbology.GS1_128)
    _encode(symbol, pairs, "GS1-128")
    return _rows(symbol)[0]


def _symbol(symbology: zint.Symbology) -> zint.Symbol:
    symbol = zint.Symbol()
    symbol.symbology = symbology
    symbol.input_mode = zint.InputMode.GS1
    symbol.warn_level = zint.WarningLevel.FAIL_ALL
    return symbol


def _encode(symbol: zint.Symbol, pairs: Sequence[tuple[str, str]], what: str) -> None:
    try:
        symbol.encode(zint_gs1_input(pairs))
    except RuntimeError as exc:
        raise LabelError(f"{what} refused the UDI data: {exc}: correct the data") from exc


def _rows(symbol: zint.Symbol) -> tuple[str, ...]:
    data = symbol.encoded_data
    width = symbol.width
    return tuple(
        "".join("1" if data[row, col >> 3] >> (col & 7) & 1 else "0" for col in range(width))
        for row in range(symbol.rows)
    )
