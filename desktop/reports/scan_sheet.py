"""A sheet of barcodes to scan with a real scanner (A4, Code 128 from zint, drawn as vector
bars): sections of labelled codes, e.g. the demo plant's badges, units, material lots and
command barcodes. No database: the caller says what goes on it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import zint
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.fonts import draw_centred_string, draw_string

PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
COLUMNS = 3
MODULE = 0.33 * mm  # narrow bar: 13 mil, read by every handheld scanner at arm's length
BAR_H = 11 * mm
QUIET = 10  # modules of quiet zone each side (ISO/IEC 15417 asks for 10)
CELL_H = 27 * mm
HEAD_H = 11 * mm


@dataclass(frozen=True)
class Code:
    """One barcode: ``data`` is what the scanner sends; ``caption`` what the person reads."""

    data: str
    caption: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    codes: tuple[Code, ...]


def code128_pattern(data: str) -> str:
    """The Code 128 bar pattern ('1' dark, one character per module) zint makes for ``data``."""
    symbol = zint.Symbol()
    symbol.symbology = zint.Symbology.CODE128
    symbol.warn_level = zint.WarningLevel.FAIL_ALL
    try:
        symbol.encode(data)
    except RuntimeError as exc:
        raise ValueError(f"Code 128 cannot hold {data!r}: {exc}") from exc
    row = symbol.encoded_data
    return "".join("1" if row[0, col >> 3] >> (col & 7) & 1 else "0" for col in range(symbol.width))


def scan_sheet(title: str, note: str, sections: Sequence[Section]) -> bytes:
    """The sheet as PDF bytes: the title and a note on top, then each section's codes in a
    grid, as many pages as it takes."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1)
    canvas.setTitle(title)
    canvas.setCreator("Lotline")
    y = _top(canvas, title, note)
    col_w = (PAGE_W - 2 * MARGIN) / COLUMNS
    for section in sections:
        if y - HEAD_H - CELL_H < MARGIN:
            y = _new_page(canvas, title)
        draw_string(canvas, MARGIN, y - 7 * mm, section.title, "Helvetica-Bold", 13)
        y -= HEAD_H
        for index, code in enumerate(section.codes):
            column = index % COLUMNS
            if column == 0 and index:
                y -= CELL_H
            if column == 0 and y - CELL_H < MARGIN:
                y = _new_page(canvas, title)
            _draw_code(canvas, code, MARGIN + column * col_w, y, col_w)
        y -= CELL_H + 3 * mm
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _top(canvas: Canvas, title: str, note: str) -> float:
    draw_string(canvas, MARGIN, PAGE_H - MARGIN - 6 * mm, title, "Helvetica-Bold", 17)
    y = PAGE_H - MARGIN - 13 * mm
    for line in _wrap(note, 110):
        draw_string(canvas, MARGIN, y, line, "Helvetica", 10)
        y -= 4.5 * mm
    return float(y - 2 * mm)


def _new_page(canvas: Canvas, title: str) -> float:
    canvas.showPage()
    draw_string(canvas, MARGIN, PAGE_H - MARGIN, f"{title} (continued)", "Helvetica", 9)
    return float(PAGE_H - MARGIN - 4 * mm)


def _draw_code(canvas: Canvas, code: Code, x: float, top: float, width: float) -> None:
    pattern = code128_pattern(code.data)
    symbol_w = (len(pattern) + 2 * QUIET) * MODULE
    left = x + max(0.0, (width - symbol_w) / 2) + QUIET * MODULE
    bottom = top - BAR_H - 2 * mm
    canvas.setFillColorRGB(0, 0, 0)
    start = None
    for i, bit in enumerate(pattern + "0"):
        if bit == "1" and start is None:
            start = i
        elif bit == "0" and start is not None:
            canvas.rect(left + start * MODULE, bottom, (i - start) * MODULE, BAR_H, 0, 1)
            start = None
    draw_centred_string(canvas, x + width / 2, bottom - 4.5 * mm, code.data, "Helvetica-Bold", 11)
    if code.caption:
        centre = x + width / 2
        draw_centred_string(canvas, centre, bottom - 8.5 * mm, code.caption, "Helvetica", 8.5)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


__all__ = ["Code", "Section", "code128_pattern", "scan_sheet"]
