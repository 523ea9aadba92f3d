"""Fonts of the PDF reports: Helvetica for Latin text, the labels' CJK TrueType font for Chinese.

Latin text keeps the look it always had (Helvetica, Helvetica-Bold, Courier for raw frames).
Each run of characters outside Windows-1252 (Chinese names, steps, NCR descriptions) is set in
the CJK font the label code finds and registers (``desktop.labels.fonts``: WenQuanYi Micro Hei on
Debian, Microsoft YaHei or SimHei on Windows, or the file named by LOTLINE_CJK_FONT); reportlab
embeds the subset of glyphs used. The font has no bold face, so a Chinese run in a bold heading
or header cell is set in its regular weight. Without a CJK font the report is still written
(those characters cannot be drawn) and one line says so, once per process, on the "lotline"
logger (shown on stderr when nothing else is configured).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from itertools import groupby

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.labels.errors import LabelError
from desktop.labels.fonts import CJK_FONT_NAME, needs_cjk, pdf_font_name

log = logging.getLogger("lotline.reports")


@lru_cache(maxsize=1)
def cjk_font_name() -> str | None:
    """The registered CJK font's name, or None (logged once) when there is no CJK font."""
    try:
        name = pdf_font_name("\u4e2d")  # registers the font on first use
    except LabelError as exc:
        log.warning("Chinese text in this PDF cannot be shown: %s", exc)
        return None
    for bold in (0, 1):  # <b> and bold styles map to the same (only) face
        for italic in (0, 1):
            addMapping(CJK_FONT_NAME, bold, italic, name)
    return name


def runs(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into runs: (True, run) for a run that needs the CJK font, (False, run) else."""
    return [(cjk, "".join(chars)) for cjk, chars in groupby(text, key=needs_cjk)]


def markup(text: str) -> str:
    """Paragraph markup with each CJK run wrapped in a <font> of the CJK font.

    ``text`` is markup already (escaped text and tags); tags and entities are ASCII, so only
    text between them is ever wrapped."""
    if not needs_cjk(text):
        return text
    name = cjk_font_name()
    if name is None:
        return text
    return "".join(f'<font name="{name}">{run}</font>' if cjk else run for cjk, run in runs(text))


def font_for(text: str, latin: str) -> str:
    """The font to set a whole string in (a chart label): ``latin`` unless it holds CJK."""
    if needs_cjk(text):
        return cjk_font_name() or latin
    return latin


def _faced(text: str, font: str) -> list[tuple[str, str]]:
    """(run, font) of each run of ``text``: the CJK runs in the CJK font when there is one."""
    cjk_name = cjk_font_name() if needs_cjk(text) else None
    return [(run, cjk_name if cjk and cjk_name else font) for cjk, run in runs(text)]


def draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw ``text`` from (x, y), the Latin runs in ``font`` and the CJK runs in the CJK font."""
    for run, face in _faced(text, font):
        canvas.setFont(face, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, face, size)


def draw_centred_string(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float
) -> None:
    """Draw ``text`` centred on x, its runs in their fonts as ``draw_string`` sets them."""
    width = sum(stringWidth(run, face, size) for run, face in _faced(text, font))
    draw_string(canvas, x - width / 2, y, text, font, size)
