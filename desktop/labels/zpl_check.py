"""Read our own ZPL back, so that the bytes sent to the printer are what gets verified.

The ^BC field data is read back to codewords as the ZPL II manual defines them and drawn from
those codewords; the ^BX field data is unescaped ('#1' -> FNC1/GS) and parsed back to AIs.
The resulting plan is drawn by our PNG renderer and decoded like any other label.
"""

from __future__ import annotations

import dataclasses
import re

from desktop.domain.udi import parse_scan
from desktop.labels.code128 import codewords_from_zpl
from desktop.labels.errors import LabelError
from desktop.labels.items import DataMatrix, Item, Linear, Plan
from desktop.labels.zpl import BX_ESCAPE

_BX = re.compile(r"\^FO(\d+),(\d+)\^BXN,(\d+),200,(\d+),(\d+),,#\^FD([^^]*)\^FS")
_BC = re.compile(r"\^FO(\d+),(\d+)\^BY(\d+)\^BCN,(\d+),N,N,N,N\^FD([^^]*)\^FS")


def plan_from_zpl(zpl: bytes, plan: Plan) -> Plan:
    """``plan`` with every symbol replaced by what the ZPL text says (LabelError if unreadable)."""
    text = zpl.decode("utf-8")
    matrices = iter(_BX.findall(text))
    linears = iter(_BC.findall(text))
    items: list[Item] = []
    for item in plan.items:
        if isinstance(item, DataMatrix):
            items.append(_datamatrix(next(matrices, None), item))
        elif isinstance(item, Linear):
            items.append(_linear(next(linears, None), item))
        else:
            items.append(item)
    if next(matrices, None) or next(linears, None):
        raise LabelError("the ZPL holds more symbols than the layout placed: report this")
    return dataclasses.replace(plan, items=tuple(items))


def _datamatrix(found: tuple[str, ...] | None, planned: DataMatrix) -> DataMatrix:
    if found is None:
        raise LabelError("the ZPL lacks the planned ^BX DataMatrix: report this")
    x, y, module, columns, _rows, field = found
    prefix = BX_ESCAPE + "1"
    if not planned.gs1:  # a plain DataMatrix (an MA code): the field is the text itself
        parsed = parse_scan("]d1" + field, expect_gs1=False)
        if not parsed.valid:
            raise LabelError(f"the ^BX field reads as {field!r}: {'; '.join(parsed.errors)}")
        return DataMatrix(int(x), int(y), int(module), int(columns), (), field, gs1=False)
    if not field.startswith(prefix):
        raise LabelError(f"the ^BX field {field[:20]!r} does not start with FNC1 ({prefix})")
    data = field[len(prefix) :].replace(prefix, "\x1d")
    parsed = parse_scan(data, expect_gs1=True)
    if not parsed.valid:
        raise LabelError(f"the ^BX field reads as {data!r}: {'; '.join(parsed.errors)}")
    return DataMatrix(int(x), int(y), int(module), int(columns), parsed.ais, data)


def _linear(found: tuple[str, ...] | None, planned: Linear) -> Linear:
    if found is None:
        raise LabelError("the ZPL lacks a planned ^BC GS1-128: report this")
    x, y, module, height, field = found
    codewords = codewords_from_zpl(field)
    return dataclasses.replace(
        planned, x=int(x), y=int(y), module=int(module), height=int(height), codewords=codewords
    )


_BX_FIELD = re.compile(r"\^BX[^\^]*\^FD([^\^]*)\^FS")


def datamatrix_data(zpl: bytes) -> str:
    """The GS1 element string a label's DataMatrix carries, as its ^BX field holds it (what a
    scanner reads back after ``]d2``)."""
    found = _BX_FIELD.search(zpl.decode("utf-8"))
    fnc1 = BX_ESCAPE + "1"
    if found is None or not found.group(1).startswith(fnc1):
        raise LabelError("the label holds no GS1 DataMatrix (^BX with FNC1): see its ZPL")
    return found.group(1)[len(fnc1) :].replace(fnc1, "\x1d")


def datamatrix_scan(zpl: bytes) -> str:
    """What a scanner sends for the label's DataMatrix, AIM identifier first: ``]d2`` and the
    element string for GS1, ``]d1`` and the text for a plain DataMatrix (an MA code)."""
    found = _BX_FIELD.search(zpl.decode("utf-8"))
    if found is not None and not found.group(1).startswith(BX_ESCAPE + "1"):
        return "]d1" + found.group(1)
    return "]d2" + datamatrix_data(zpl)
