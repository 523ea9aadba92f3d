"""Placing text, ISO 15223-1 symbols and the human-readable interpretation."""

from __future__ import annotations

import math

from desktop.domain.udi import ComposedMA
from desktop.labels.errors import LabelDoesNotFit, LabelError
from desktop.labels.fonts import check_printable, font_kind, ink_box, resident_width, text_width
from desktop.labels.gs1 import shorten
from desktop.labels.iso15223 import symbol_items, symbol_width
from desktop.labels.items import Item, Text
from desktop.labels.placing import Area, Ctx, Placed, describe
from desktop.labels.templates import HriField, SymbolField, TextField


def place_text(field: TextField, ctx: Ctx) -> Placed:
    value = ctx.resolve(field.value) or field.default
    what = describe(field.value)
    if not value:
        if field.required:
            name = field.value.partition(":")[2]
            raise LabelError(
                f"the {ctx.template.name} label prints the {what}: give it with "
                f"--field {name}=VALUE"
            )
        return Placed()
    text = field.prefix + value
    check_printable(text, f"the {what}")
    x, y, size = ctx.dots(field.box.x), ctx.dots(field.box.y), ctx.dots(field.size_mm)
    items: list[Item] = []
    offset = 0
    if field.symbol:
        items.extend(symbol_items(field.symbol, x, y, size))
        offset = symbol_width(field.symbol, size) + round(0.35 * size)
    kind = font_kind(text)
    text_x = x + offset
    x0, y0, x1, y1 = _extent(text, kind, size, ctx)
    width = offset + x1
    available = ctx.dots(field.box.w)
    if width > available:
        raise LabelDoesNotFit(
            f"the {what} '{shorten(value, 24)}' is {ctx.mm(width):.1f} mm wide as "
            f"{field.size_mm:g} mm text; the {ctx.template.name} label has "
            f"{ctx.mm(available):.1f} mm for it"
        )
    items.append(Text(text_x, y, size, text, kind))
    area = Area(field.id, min(x, text_x + x0), y + y0, x + width, y + y1)
    return Placed(tuple(items), (area,))


def _extent(text: str, kind: str, size: int, ctx: Ctx) -> tuple[int, int, int, int]:
    """The box ``text`` takes from its cell's top-left corner: (left, top, right, bottom).

    Latin text: its advance width and the cell. CJK text: the larger of the cell and the ink
    the CJK font draws (ideographs reach above the Latin cell), and for a printer-resident ZPL
    font the widest that font could need.
    """
    width = math.ceil(text_width(text, size))
    if kind != "cjk":
        return 0, 0, width, size
    left, top, right, bottom = ink_box(text, size)
    if ctx.template.zpl_cjk == "resident":
        width = max(width, resident_width(text, size))
    return min(0, left), min(0, top), max(width, right), max(size, bottom)


def place_symbol(field: SymbolField, ctx: Ctx) -> Placed:
    if field.requires and not ctx.resolve(field.requires):
        return Placed()
    x, y, size = ctx.dots(field.x), ctx.dots(field.y), ctx.dots(field.size_mm)
    width = symbol_width(field.symbol, size)
    area = Area(field.id, x, y, x + width, y + size)
    return Placed(symbol_items(field.symbol, x, y, size), (area,))


def hri_lines(lines: tuple[str, ...], size: int, available: int) -> tuple[str, ...]:
    """The HRI lines joined two spaces apart as long as they fit ``available`` dots."""
    joined: list[str] = []
    for line in lines:
        candidate = f"{joined[-1]}  {line}" if joined else line
        if joined and text_width(candidate, size) <= available:
            joined[-1] = candidate
        else:
            joined.append(line)
    return tuple(joined)


def ma_hri_lines(udi: ComposedMA, size: int, available: int) -> tuple[str, ...]:
    """The MA code as one line, or broken before a data unit (".S...", ".L...") where it
    does not fit ``available`` dots; the lines read together are exactly the code."""
    pieces = [udi.di, *(f".{tag}{value}" for tag, value in udi.units)]
    lines: list[str] = []
    for piece in pieces:
        if lines and text_width(lines[-1] + piece, size) <= available:
            lines[-1] += piece
        else:
            lines.append(piece)
    return tuple(lines)


def place_hri(field: HriField, ctx: Ctx) -> Placed:
    size, available = ctx.dots(field.size_mm), ctx.dots(field.box.w)
    udi = ctx.udi
    if isinstance(udi, ComposedMA):
        lines = ma_hri_lines(udi, size, available)
    else:
        lines = hri_lines(udi.hri, size, available)
    name = ctx.template.name
    if not lines:
        return Placed()
    for line in lines:
        width = math.ceil(text_width(line, size))
        if width > available:
            raise LabelDoesNotFit(
                f"the human-readable line '{shorten(line, 30)}' is {ctx.mm(width):.1f} mm wide; "
                f"the {name} label has {ctx.mm(available):.1f} mm for it"
            )
    pitch = round(size * field.line_spacing)
    height = (len(lines) - 1) * pitch + size
    if height > ctx.dots(field.box.h):
        raise LabelDoesNotFit(
            f"the human-readable UDI needs {len(lines)} lines ({ctx.mm(height):.1f} mm) at "
            f"{field.size_mm:g} mm text; the {name} label has {field.box.h:g} mm for it"
        )
    x, y = ctx.dots(field.box.x), ctx.dots(field.box.y)
    items = tuple(Text(x, y + n * pitch, size, line) for n, line in enumerate(lines))
    widest = max(math.ceil(text_width(line, size)) for line in lines)
    return Placed(items, (Area(field.id, x, y, x + widest, y + height),))
