"""PNG preview of a planned label (PIL), one pixel per printer dot, greyscale."""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from desktop.domain.udi import ComposedCode
from desktop.labels.fonts import FONT_FILE, cjk_image_font
from desktop.labels.geometry import (
    LinearSource,
    datamatrix_boxes,
    diagonal_polygon,
    linear_boxes,
    rect_boxes,
)
from desktop.labels.items import DataMatrix, Diagonal, Linear, Plan, Rect, Text
from desktop.labels.layout import plan_label
from desktop.labels.templates import Template


def render_png(
    template: Template | str,
    data: ComposedCode,
    fields: Mapping[str, str],
    dpi: int | None = None,
) -> bytes:
    """A PNG preview at ``dpi`` (one pixel per printer dot)."""
    return png_from_plan(plan_label(template, data, fields, dpi))


def png_from_plan(plan: Plan, linear: LinearSource = "zint") -> bytes:
    buffer = io.BytesIO()
    image_from_plan(plan, linear).save(buffer, "PNG", dpi=(plan.dpi, plan.dpi))
    return buffer.getvalue()


def image_from_plan(plan: Plan, linear: LinearSource = "zint") -> Image.Image:
    image = Image.new("L", (plan.width, plan.height), 255)
    draw = ImageDraw.Draw(image)
    for item in plan.items:
        if isinstance(item, Text):
            baseline = item.y + round(item.baseline)
            font = cjk_image_font(item.size) if item.font == "cjk" else _font(item.size)
            draw.text((item.x, baseline), item.text, font=font, fill=0, anchor="ls")
        elif isinstance(item, Diagonal):
            draw.polygon(diagonal_polygon(item), fill=0)
        else:
            for x, y, w, h in _boxes(item, linear):
                draw.rectangle((x, y, x + w - 1, y + h - 1), fill=0)
    return image


def _boxes(
    item: DataMatrix | Linear | Rect, linear: LinearSource
) -> list[tuple[int, int, int, int]]:
    if isinstance(item, DataMatrix):
        return datamatrix_boxes(item)
    if isinstance(item, Linear):
        return linear_boxes(item, linear)
    return rect_boxes(item)


@lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if FONT_FILE.exists():
        return ImageFont.truetype(str(FONT_FILE), size)
    return ImageFont.load_default(size)  # a preview only: the layout still measures Helvetica
