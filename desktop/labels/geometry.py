"""Dark rectangles and polygons of planned items, in dots: what the PDF and PNG renderers fill.

Rectangle outlines are drawn inside their box and diagonals as parallelograms whose horizontal
thickness is ``t``, the way a Zebra printer draws ^GB and ^GD.
"""

from __future__ import annotations

from typing import Literal

from desktop.labels.code128 import bar_pattern
from desktop.labels.items import DataMatrix, Diagonal, Linear, Rect
from desktop.labels.symbols import datamatrix_matrix, gs1_128_pattern, plain_datamatrix_matrix

Box = tuple[int, int, int, int]  # x, y, w, h
LinearSource = Literal["zint", "codewords"]


def runs(pattern: str) -> list[tuple[int, int]]:
    """(start, length) of each run of '1' in ``pattern``."""
    out: list[tuple[int, int]] = []
    start = -1
    for index, bit in enumerate(pattern + "0"):
        if bit == "1" and start < 0:
            start = index
        elif bit != "1" and start >= 0:
            out.append((start, index - start))
            start = -1
    return out


def datamatrix_boxes(item: DataMatrix) -> list[Box]:
    """One box per horizontal run of dark modules of the zint symbol (exact planned size)."""
    m = item.module
    rows = (
        datamatrix_matrix(item.pairs, item.size)
        if item.gs1
        else plain_datamatrix_matrix(item.element_string, item.size)
    )
    return [
        (item.x + start * m, item.y + row * m, length * m, m)
        for row, bits in enumerate(rows)
        for start, length in runs(bits)
    ]


def linear_boxes(item: Linear, source: LinearSource = "zint") -> list[Box]:
    """The bars of a GS1-128: zint's encoding, or the ZPL codewords a printer would print."""
    pattern = gs1_128_pattern(item.pairs) if source == "zint" else bar_pattern(item.codewords)
    m = item.module
    return [
        (item.x + start * m, item.y, length * m, item.height) for start, length in runs(pattern)
    ]


def rect_boxes(rect: Rect) -> list[Box]:
    if rect.solid:
        return [(rect.x, rect.y, rect.w, rect.h)]
    t = rect.t
    return [
        (rect.x, rect.y, rect.w, t),
        (rect.x, rect.y + rect.h - t, rect.w, t),
        (rect.x, rect.y + t, t, rect.h - 2 * t),
        (rect.x + rect.w - t, rect.y + t, t, rect.h - 2 * t),
    ]


def diagonal_polygon(line: Diagonal) -> list[tuple[int, int]]:
    x, y, w, h, t = line.x, line.y, line.w, line.h, line.t
    if line.rising:
        return [(x, y + h), (x + t, y + h), (x + w, y), (x + w - t, y)]
    return [(x, y), (x + t, y), (x + w, y + h), (x + w - t, y + h)]
