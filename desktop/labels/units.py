"""Printer resolutions and millimetre <-> dot conversion.

Zebra printers are specified in dots per millimetre: 203 dpi is 8 dots/mm, 300 dpi is 12 and
600 dpi is 24. Every renderer works on that dot grid, so that a PDF or PNG module lands where the
printer's would.
"""

from __future__ import annotations

import math

DPMM: dict[int, int] = {203: 8, 300: 12, 600: 24}
SUPPORTED_DPI: tuple[int, ...] = tuple(DPMM)


def dots_per_mm(dpi: int) -> int:
    """Dots per millimetre of a supported resolution; refuses any other dpi."""
    try:
        return DPMM[dpi]
    except KeyError:
        choices = ", ".join(str(d) for d in SUPPORTED_DPI)
        raise ValueError(f"dpi {dpi} is not supported: choose one of {choices}") from None


def mm_to_dots(mm: float, dpmm: int) -> int:
    """A position or length in dots, rounded to the nearest dot."""
    return round(mm * dpmm)


def mm_to_dots_floor(mm: float, dpmm: int) -> int:
    """The whole dots that fit inside ``mm`` (label size: never beyond the physical edge)."""
    return math.floor(mm * dpmm + 1e-9)


def module_dots(min_module_mm: float, dpmm: int) -> int:
    """The narrowest whole number of dots that is at least ``min_module_mm`` wide."""
    return max(1, math.ceil(min_module_mm * dpmm - 1e-6))


def dots_to_mm(dots: float, dpmm: int) -> float:
    return dots / dpmm
