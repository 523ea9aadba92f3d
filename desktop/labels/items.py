"""What a planned label is made of, in printer dots from the label's top-left corner.

The layout turns a template and a UDI into these items once; the ZPL, PDF and PNG renderers
only draw them, so all three agree on every position and size.
"""

from __future__ import annotations

from dataclasses import dataclass

LATIN_BASELINE = 0.75  # baseline below the cell top, in cell heights: Helvetica-Bold, ^A0
CJK_BASELINE = 0.84  # the CJK font: its ideographs reach 0.83 em above the baseline


@dataclass(frozen=True)
class Text:
    x: int
    y: int  # top of the text cell; the baseline is at y + baseline_ratio * size
    size: int  # cell height in dots (ZPL ^A0 height, PDF font size)
    text: str
    font: str = "latin"  # "latin" (Helvetica-Bold, ZPL ^A0) or "cjk" (fonts.cjk_font)

    BASELINE = LATIN_BASELINE

    @property
    def baseline(self) -> float:
        """Dots from the cell top to the baseline."""
        return (CJK_BASELINE if self.font == "cjk" else LATIN_BASELINE) * self.size


@dataclass(frozen=True)
class Rect:
    """A rectangle outline of line width ``t``; solid when ``t`` covers it (ZPL ^GB)."""

    x: int
    y: int
    w: int
    h: int
    t: int

    @property
    def solid(self) -> bool:
        return 2 * self.t >= min(self.w, self.h)


@dataclass(frozen=True)
class Diagonal:
    """A line across the box ``w`` x ``h``: rising "/" or falling "\\" (ZPL ^GD)."""

    x: int
    y: int
    w: int
    h: int
    t: int
    rising: bool


@dataclass(frozen=True)
class DataMatrix:
    x: int  # top-left of the symbol itself; the quiet zone lies outside
    y: int
    module: int  # dots per module
    size: int  # modules per side
    pairs: tuple[tuple[str, str], ...]
    element_string: str
    gs1: bool = True  # False: a plain ECC 200 (]d1) holding the text, e.g. an MA code


@dataclass(frozen=True)
class Linear:
    """A GS1-128 symbol; x is its first bar, the quiet zones lie outside."""

    x: int
    y: int
    module: int
    height: int
    pairs: tuple[tuple[str, str], ...]
    data: str  # element string of this symbol's part (GS separated)
    codewords: tuple[int, ...]  # the ZPL encoding (start included, check and stop excluded)


Item = Text | Rect | Diagonal | DataMatrix | Linear


@dataclass(frozen=True)
class Plan:
    """A label laid out at one resolution: what to draw, and what it must decode to."""

    template: str
    version: int
    dpi: int
    dpmm: int
    width: int  # dots
    height: int
    width_mm: float
    height_mm: float
    items: tuple[Item, ...]
    expected: tuple[tuple[str, str], ...]  # (AIM symbology identifier, data) per symbol
    zpl_cjk: str = "graphic"  # how ZPL prints CJK text: "graphic" (^GF) or "resident" (^A@)
    zpl_cjk_font: str = "E:ANMDS.TTF"  # the printer's TrueType font for "resident"
