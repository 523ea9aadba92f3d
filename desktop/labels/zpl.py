"""ZPL II for a planned label (REFERENCE 3.3).

^BX names its escape character explicitly ('#', outside GS1 character set 82) and writes FNC1
as '#1'; ^BC is written in mode N as ``>;>8`` ... (see code128). Text goes through ^FH with '_'
as the hex indicator, so that '^', '~' and '_' in a product name print as text instead of being
read as commands. The symbol size of ^BX is given explicitly (the planned size).

Chinese text is printed as the template declares (Plan.zpl_cjk): "graphic", the text drawn in
the CJK font as a ^GF bitmap (any printer), or "resident", ^A@ with the printer's TrueType font
(Plan.zpl_cjk_font) and the UTF-8 bytes that ^CI28 selects.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.udi import ComposedCode
from desktop.labels.code128 import zpl_field_data
from desktop.labels.items import DataMatrix, Diagonal, Item, Plan, Rect, Text
from desktop.labels.layout import plan_label
from desktop.labels.templates import Template
from desktop.labels.zpl_graphic import graphic_field, text_bitmap

BX_ESCAPE = "#"
FH_INDICATOR = "_"
_SAFE = frozenset(chr(c) for c in range(0x20, 0x7F)) - {"^", "~", FH_INDICATOR}


def render_zpl(
    template: Template | str,
    data: ComposedCode,
    fields: Mapping[str, str],
    dpi: int | None = None,
) -> bytes:
    """The label as ZPL II bytes (UTF-8), laid out and size-checked at ``dpi``."""
    return zpl_from_plan(plan_label(template, data, fields, dpi))


def zpl_from_plan(plan: Plan) -> bytes:
    """The ZPL II text of a planned label (UTF-8 bytes)."""
    lines = [
        "^XA",
        "^CI28",
        f"^PW{plan.width}^LL{plan.height}^LH0,0",
        f"^FX {fh_escape(plan.template)} v{plan.version} {plan.dpi} dpi^FS",
    ]
    lines.extend(_item(item, plan) for item in plan.items)
    lines.extend(["^PQ1,0,1,Y", "^XZ", ""])
    return "\n".join(lines).encode("utf-8")


def _item(item: Item, plan: Plan) -> str:
    if isinstance(item, Text) and item.font == "cjk":
        if plan.zpl_cjk == "resident":
            font = f"^A@N,{item.size},{item.size},{plan.zpl_cjk_font}"
            return f"^FO{item.x},{item.y}{font}^FH{FH_INDICATOR}^FD{fh_escape(item.text)}^FS"
        bitmap = text_bitmap(item)
        return f"^FO{item.x + bitmap.dx},{item.y + bitmap.dy}{graphic_field(bitmap.image)}^FS"
    if isinstance(item, Text):
        font = f"^A0N,{item.size},{item.size}"
        return f"^FO{item.x},{item.y}{font}^FH{FH_INDICATOR}^FD{fh_escape(item.text)}^FS"
    if isinstance(item, Rect):
        return f"^FO{item.x},{item.y}^GB{item.w},{item.h},{item.t},B,0^FS"
    if isinstance(item, Diagonal):
        return (
            f"^FO{item.x},{item.y}^GD{item.w},{item.h},{item.t},B,{'R' if item.rising else 'L'}^FS"
        )
    if isinstance(item, DataMatrix) and not item.gs1:
        return (
            f"^FO{item.x},{item.y}^BXN,{item.module},200,{item.size},{item.size},,{BX_ESCAPE}"
            f"^FD{bx_plain_data(item.element_string)}^FS"
        )
    if isinstance(item, DataMatrix):
        return (
            f"^FO{item.x},{item.y}^BXN,{item.module},200,{item.size},{item.size},,{BX_ESCAPE}"
            f"^FD{bx_field_data(item.element_string)}^FS"
        )
    return (
        f"^FO{item.x},{item.y}^BY{item.module}^BCN,{item.height},N,N,N,N"
        f"^FD{zpl_field_data(item.codewords)}^FS"
    )


def fh_escape(text: str) -> str:
    """Text for a ^FH_ field: anything but plain printable ASCII as _hh UTF-8 bytes."""
    return "".join(
        ch if ch in _SAFE else "".join(f"{FH_INDICATOR}{b:02X}" for b in ch.encode("utf-8"))
        for ch in text
    )


def bx_plain_data(text: str) -> str:
    """^BX field data of a plain DataMatrix (an MA code): the text as it is, no FNC1."""
    if BX_ESCAPE in text or not text.isascii() or not text.isprintable():
        raise ValueError(f"{text!r} cannot be written in a plain ^BX field: printable ASCII only")
    return text


def bx_field_data(element_string: str) -> str:
    """^BX field data: FNC1 first, GS as FNC1, with '#' as the escape character."""
    if BX_ESCAPE in element_string:
        raise ValueError("'#' is not a GS1 character and cannot be in an element string")
    return BX_ESCAPE + "1" + element_string.replace("\x1d", BX_ESCAPE + "1")
