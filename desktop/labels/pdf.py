"""PDF of a planned label (reportlab): symbols as vector rectangles, text as real PDF text.

The page is the label's size; every item is placed on the printer's dot grid of the chosen
resolution, so modules are whole dots wide as on the printer. Fonts: the standard Helvetica-Bold
(not embedded) for Latin text; Chinese text in the CJK TrueType font, subset into the PDF.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.udi import ComposedCode
from desktop.labels.fonts import pdf_font_name
from desktop.labels.geometry import (
    Box,
    LinearSource,
    datamatrix_boxes,
    diagonal_polygon,
    linear_boxes,
    rect_boxes,
)
from desktop.labels.items import DataMatrix, Diagonal, Linear, Plan, Rect, Text
from desktop.labels.layout import plan_label
from desktop.labels.templates import Template


def render_pdf(
    template: Template | str,
    data: ComposedCode,
    fields: Mapping[str, str],
    dpi: int | None = None,
) -> bytes:
    """The label as a one-page PDF, laid out on the dot grid of ``dpi``."""
    return pdf_from_plan(plan_label(template, data, fields, dpi))


def pdf_from_plan(plan: Plan, linear: LinearSource = "zint") -> bytes:
    buffer = io.BytesIO()
    page_w, page_h = plan.width_mm * mm, plan.height_mm * mm
    canvas = Canvas(buffer, pagesize=(page_w, page_h), pageCompression=1, invariant=1)
    canvas.setTitle(f"{plan.template} v{plan.version} UDI label")
    canvas.setCreator("Lotline")
    scale = mm / plan.dpmm  # points per dot
    _fill_boxes(canvas, _dark_boxes(plan, linear), scale, page_h)
    _fill_diagonals(canvas, [i for i in plan.items if isinstance(i, Diagonal)], scale, page_h)
    for item in plan.items:
        if isinstance(item, Text):
            canvas.setFont(pdf_font_name(item.text), item.size * scale)
            baseline = item.y + item.baseline
            canvas.drawString(item.x * scale, page_h - baseline * scale, item.text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _dark_boxes(plan: Plan, linear: LinearSource) -> list[Box]:
    boxes: list[Box] = []
    for item in plan.items:
        if isinstance(item, DataMatrix):
            boxes.extend(datamatrix_boxes(item))
        elif isinstance(item, Linear):
            boxes.extend(linear_boxes(item, linear))
        elif isinstance(item, Rect):
            boxes.extend(rect_boxes(item))
    return boxes


def _fill_boxes(canvas: Canvas, boxes: list[Box], scale: float, page_h: float) -> None:
    path = canvas.beginPath()
    for x, y, w, h in boxes:
        path.rect(x * scale, page_h - (y + h) * scale, w * scale, h * scale)
    canvas.drawPath(path, stroke=0, fill=1)


def _fill_diagonals(canvas: Canvas, lines: list[Diagonal], scale: float, page_h: float) -> None:
    if not lines:
        return
    path = canvas.beginPath()
    for line in lines:
        points = diagonal_polygon(line)
        path.moveTo(points[0][0] * scale, page_h - points[0][1] * scale)
        for px, py in points[1:]:
            path.lineTo(px * scale, page_h - py * scale)
        path.close()
    canvas.drawPath(path, stroke=0, fill=1)
