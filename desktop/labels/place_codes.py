"""Placing the GS1 DataMatrix and the GS1-128 symbols, with their quiet zones.

GS1-128 arrangement, tried in the template's ``strategy`` order (the first that fits wins):
"full" puts the whole UDI in one symbol; "split" the UDI-DI (01) in the first row and the rest
(the UDI-PI) in the second; "di" only the UDI-DI; "dm_only" no linear symbol, the DataMatrix
carries the UDI alone. A symbol over 48 data characters, or wider than its row with its
10-module quiet zones, does not fit. Data is never truncated: when nothing fits, the label is
refused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop.labels.code128 import (
    MAX_DATA_CHARS,
    QUIET_ZONE_MODULES,
    gs1_128_codewords,
    symbol_modules,
)
from desktop.labels.errors import LabelDoesNotFit
from desktop.labels.gs1 import join_pairs, widest_value
from desktop.labels.items import DataMatrix, Linear
from desktop.labels.placing import Area, Ctx, Placed
from desktop.labels.symbols import DM_QUIET_ZONE_MODULES, datamatrix_size
from desktop.labels.templates import Box, DataMatrixField, Gs1128Field
from desktop.labels.units import module_dots

Pairs = tuple[tuple[str, str], ...]


def place_datamatrix(field: DataMatrixField, ctx: Ctx) -> Placed:
    element_string = ctx.udi.element_string
    size = datamatrix_size(element_string)
    available = min(ctx.dots(field.box.w), ctx.dots(field.box.h))
    module = _dm_module(field, size, available, ctx.dpmm)
    quiet = DM_QUIET_ZONE_MODULES * module
    side = size * module + 2 * quiet
    if side > available:
        raise LabelDoesNotFit(
            f"the UDI data needs a {size}x{size} GS1 DataMatrix, {ctx.mm(side):.1f} mm square "
            f"with its quiet zone at {ctx.mm(module):.3f} mm modules; the {ctx.template.name} "
            f"label has {ctx.mm(available):.1f} mm for it"
        )
    x0, y0 = ctx.dots(field.box.x), ctx.dots(field.box.y)
    gs1 = ctx.udi.scheme == "GS1"  # an MA code is a plain ECC 200, read as ]d1
    item = DataMatrix(x0 + quiet, y0 + quiet, module, size, ctx.udi.pairs, element_string, gs1)
    area = Area(field.id, x0, y0, x0 + side, y0 + side)
    return Placed((item,), (area,), (("]d2" if gs1 else "]d1", element_string),))


def _dm_module(field: DataMatrixField, size: int, available: int, dpmm: int) -> int:
    """The largest module within the template's bounds whose symbol fits ``available`` dots."""
    smallest = module_dots(field.module_mm, dpmm)
    largest = max(smallest, math.floor((field.max_module_mm or 0.0) * dpmm + 1e-6))
    fitting = available // (size + 2 * DM_QUIET_ZONE_MODULES)
    return max(smallest, min(largest, fitting))


def arrangements(strategy: tuple[str, ...], pairs: Pairs) -> list[tuple[str, tuple[Pairs, ...]]]:
    """The candidate GS1-128 arrangements of ``pairs`` in strategy order."""
    has_di = bool(pairs) and pairs[0][0] == "01"
    out: list[tuple[str, tuple[Pairs, ...]]] = []
    for name in strategy:
        if name == "full":
            out.append((name, (pairs,)))
        elif name == "split" and has_di and len(pairs) > 1:
            out.append((name, (pairs[:1], pairs[1:])))
        elif name == "di" and has_di:
            out.append((name, (pairs[:1],)))
        elif name == "dm_only":
            out.append((name, ()))
    return out


@dataclass(frozen=True)
class _Misfit:
    over_chars: bool
    message: str


def place_gs1_128(field: Gs1128Field, ctx: Ctx) -> Placed:
    if ctx.udi.scheme != "GS1":
        if "dm_only" in field.strategy:
            return Placed()  # an MA code has no GS1-128: the DataMatrix carries it alone
        raise LabelDoesNotFit(
            f"an {ctx.udi.scheme} code is not carried in GS1-128: give the "
            f"{ctx.template.name} template's linear symbol the strategy dm_only, or use a "
            "template for MA codes"
        )
    module = module_dots(field.module_mm, ctx.dpmm)
    misfits: list[_Misfit] = []
    for _name, parts in arrangements(field.strategy, ctx.udi.pairs):
        if len(parts) > len(field.rows):
            continue
        placed = [
            _try_symbol(part, row, module, field, ctx)
            for part, row in zip(parts, field.rows[: len(parts)], strict=True)
        ]
        failed = [p for p in placed if isinstance(p, _Misfit)]
        if not failed:
            return _merge([p for p in placed if isinstance(p, Placed)])
        misfits.extend(failed)
    raise LabelDoesNotFit(_refusal(misfits))


def _refusal(misfits: list[_Misfit]) -> str:
    by_width = [m for m in misfits if not m.over_chars]
    if by_width:
        return by_width[0].message
    if misfits:
        return misfits[0].message
    return "no GS1-128 arrangement of this template suits the data: the template needs fixing"


def _try_symbol(
    part: Pairs, row: Box, module: int, field: Gs1128Field, ctx: Ctx
) -> Placed | _Misfit:
    data = join_pairs(part)
    if len(data) > MAX_DATA_CHARS:
        return _Misfit(
            True,
            f"{widest_value(part)} makes the GS1-128 data {len(data)} characters long, more than "
            f"the {MAX_DATA_CHARS} one symbol can hold",
        )
    codewords = gs1_128_codewords(data)
    width = (symbol_modules(codewords) + 2 * QUIET_ZONE_MODULES) * module
    available = ctx.dots(row.w)
    if width > available:
        return _Misfit(
            False,
            f"{widest_value(part)} makes the GS1-128 {ctx.mm(width):.1f} mm wide with its quiet "
            f"zones; the {ctx.template.name} label has {ctx.mm(available):.1f} mm for it",
        )
    x0, y0 = ctx.dots(row.x), ctx.dots(row.y)
    height = min(ctx.dots(field.bar_height_mm), ctx.dots(row.h))
    item = Linear(x0 + QUIET_ZONE_MODULES * module, y0, module, height, part, data, codewords)
    area = Area(field.id, x0, y0, x0 + width, y0 + height)
    return Placed((item,), (area,), (("]C1", data),))


def _merge(placed: list[Placed]) -> Placed:
    return Placed(
        tuple(i for p in placed for i in p.items),
        tuple(a for p in placed for a in p.areas),
        tuple(e for p in placed for e in p.expected),
    )
