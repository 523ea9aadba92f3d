"""Chinese product names in ZPL, proven by the independent engine: zebrash renders our ZPL, the
symbols decode to exactly the intended data, and the ^GF text is drawn dot for dot as planned.

With a printer-resident TrueType font (^A@) zebrash has no Chinese font of its own: it proves
the symbols and the layout around the text, not the printer's glyphs.
"""

from __future__ import annotations

import dataclasses

import pytest
from PIL import ImageChops

from desktop.labels import SUPPORTED_DPI, load_template, plan_label, render_zpl
from desktop.labels.items import Text
from desktop.labels.verify import decode
from desktop.labels.zpl_graphic import text_bitmap
from tests.e2e.labels.conftest import Zebrash
from tests.unit.labels.label_data import typical

NAMES = ["一次性使用输液泵 IP-300", "医用导管套件", "输液器（带针）"]


@pytest.mark.parametrize("dpi", SUPPORTED_DPI)
@pytest.mark.parametrize("template", ["udi-4x2", "udi-2x1"])
def test_graphic_text_and_symbols(zebrash: Zebrash, template: str, dpi: int) -> None:
    udi = typical()
    for name in NAMES:
        fields = {"product_name": name, "ref": "IP-300"}
        plan = plan_label(template, udi, fields, dpi)
        image = zebrash.render(render_zpl(template, udi, fields, dpi), *_size(plan))
        assert sorted(decode(image)) == sorted(plan.expected)
        text = next(i for i in plan.items if isinstance(i, Text) and i.font == "cjk")
        bitmap = text_bitmap(text)
        x, y = text.x + bitmap.dx, text.y + bitmap.dy
        drawn = image.convert("L").crop((x, y, x + bitmap.image.width, y + bitmap.image.height))
        planned = bitmap.image.convert("L")
        difference = ImageChops.difference(drawn.point(lambda v: 255 if v > 128 else 0), planned)
        assert difference.getbbox() is None  # every dot where we put it


@pytest.mark.parametrize("dpi", SUPPORTED_DPI)
def test_resident_font_symbols(zebrash: Zebrash, dpi: int) -> None:
    template = dataclasses.replace(load_template("udi-4x2"), zpl_cjk="resident")
    udi = typical()
    fields = {"product_name": NAMES[0], "ref": "IP-300"}
    plan = plan_label(template, udi, fields, dpi)
    zpl = render_zpl(template, udi, fields, dpi)
    assert b"^A@N," in zpl and b"^GF" not in zpl
    image = zebrash.render(zpl, *_size(plan))
    assert sorted(decode(image)) == sorted(plan.expected)


def _size(plan: object) -> tuple[float, float, int]:
    return plan.width_mm, plan.height_mm, plan.dpmm  # type: ignore[attr-defined]
