"""ISO 15223-1 symbols as simple vector shapes with text captions.

Caption boxes (LOT, SN, REF, UDI, MD) are an outlined box with the caption inside; "use_by" is
the hourglass (ISO 7000-2607) and "manufacture_date" the outlined factory (ISO 7000-2497),
both drawn from straight lines so that ZPL (^GB, ^GD), PDF and PNG draw the same thing.
"""

from __future__ import annotations

from desktop.labels.fonts import text_width
from desktop.labels.items import Diagonal, Item, Rect, Text

CAPTIONS: dict[str, str] = {"lot": "LOT", "serial": "SN", "ref": "REF", "udi": "UDI", "md": "MD"}
SHAPES: tuple[str, ...] = ("use_by", "manufacture_date")
SYMBOL_NAMES: tuple[str, ...] = (*CAPTIONS, *SHAPES)


def _line(h: int) -> int:
    return max(1, round(h / 14))


def symbol_width(name: str, h: int) -> int:
    """Width in dots of symbol ``name`` drawn ``h`` dots high."""
    if name in CAPTIONS:
        caption = round(0.62 * h)
        return round(text_width(CAPTIONS[name], caption)) + 2 * round(0.2 * h)
    if name == "use_by":
        return round(0.62 * h)
    return round(1.1 * h)


def symbol_items(name: str, x: int, y: int, h: int) -> tuple[Item, ...]:
    """The shapes of symbol ``name`` with its top-left corner at (x, y), ``h`` dots high."""
    if name in CAPTIONS:
        return _caption_box(CAPTIONS[name], x, y, h, symbol_width(name, h))
    if name == "use_by":
        return _hourglass(x, y, h, symbol_width(name, h))
    return _factory(x, y, h, symbol_width(name, h))


def _caption_box(caption: str, x: int, y: int, h: int, w: int) -> tuple[Item, ...]:
    size = round(0.62 * h)
    text_x = x + round((w - text_width(caption, size)) / 2)
    text_y = y + round(h / 2 - 0.39 * size)  # caps centred: cap middle is 0.39 size below top
    return (Rect(x, y, w, h, _line(h)), Text(text_x, text_y, size, caption))


def _hourglass(x: int, y: int, h: int, w: int) -> tuple[Item, ...]:
    t = _line(h)
    return (
        Rect(x, y, w, t, t),
        Rect(x, y + h - t, w, t, t),
        Diagonal(x, y, w, h, t, rising=False),
        Diagonal(x, y, w, h, t, rising=True),
    )


def _factory(x: int, y: int, h: int, w: int) -> tuple[Item, ...]:
    t = _line(h)
    eave, peak = round(0.45 * h), round(0.18 * h)
    tooth, chimney = round(0.3 * w), round(0.72 * w)
    return (
        Rect(x, y + h - t, w, t, t),  # ground line
        Rect(x, y + eave, t, h - eave, t),  # left wall
        Diagonal(x, y + peak, tooth, eave - peak, t, rising=True),  # first roof tooth
        Rect(x + tooth - t, y + peak, t, eave - peak, t),
        Diagonal(x + tooth, y + peak, tooth, eave - peak, t, rising=True),  # second tooth
        Rect(x + 2 * tooth - t, y + peak, t, eave - peak, t),
        Rect(x + 2 * tooth - t, y + eave - t, chimney - 2 * tooth + t, t, t),  # flat roof
        Rect(x + chimney, y, t, eave, t),  # chimney
        Rect(x + chimney, y, w - chimney, t, t),
        Rect(x + w - t, y, t, h, t),  # right wall
    )
