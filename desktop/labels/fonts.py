"""Text metrics and fonts: Helvetica-Bold for Latin text, an embedded CJK TrueType font for Chinese.

Latin text (Windows-1252) is measured as Helvetica-Bold, which bounds the ZPL ^A0 font: zebrash
draws ^A0N,h,h text narrower than Helvetica-Bold at size h (measured: "LOT ABC123 2027-12-31" is
255 dots against 276), Zebra's own ^A0 (CG Triumvirate Bold Condensed) is narrower still; the PDF
uses Helvetica-Bold itself and the PNG preview the Type 1 Helvetica-Bold clone that reportlab
ships. So a text that fits by this measure fits in all three.

A line holding any other character (Chinese) is set whole in the CJK font: WenQuanYi Micro Hei
(Debian fonts-wqy-microhei, installed by scripts/debian-deps.sh; TrueType outlines, so reportlab
subsets it into the PDF), or the TrueType file named by LOTLINE_CJK_FONT, or a Windows CJK font.
The PDF, the PNG and a ZPL graphic (^GF) all draw with that one file, so the layout's measure is
the printed size; its ink box is measured too (CJK glyphs reach above and below the Latin cell).
"""

from __future__ import annotations

import math
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import reportlab
from PIL import ImageFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from desktop.labels.errors import LabelError
from desktop.labels.items import CJK_BASELINE, LATIN_BASELINE

FONT_NAME = "Helvetica-Bold"
FONT_FILE = Path(reportlab.__file__).resolve().parent / "fonts" / "_ab_____.pfb"
CJK_FONT_NAME = "LotlineCJK"
CJK_FONT_ENV = "LOTLINE_CJK_FONT"

# (path, index in a .ttc collection); the first that exists is used.
CJK_FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),  # Debian fonts-wqy-microhei
    ("C:/Windows/Fonts/msyh.ttc", 0),  # Microsoft YaHei
    ("C:/Windows/Fonts/simhei.ttf", 0),  # SimHei
)


@dataclass(frozen=True)
class CjkFont:
    path: str
    index: int


def needs_cjk(text: str) -> bool:
    """True when ``text`` holds a character outside Windows-1252 (set in the CJK font)."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return True
    return False


def font_kind(text: str) -> str:
    """ "cjk" or "latin": which font a whole line of ``text`` is set in."""
    return "cjk" if needs_cjk(text) else "latin"


def baseline_ratio(kind: str) -> float:
    return CJK_BASELINE if kind == "cjk" else LATIN_BASELINE


@lru_cache(maxsize=1)
def cjk_font() -> CjkFont:
    """The CJK TrueType font file; LabelError with the way to install one when there is none."""
    named = os.environ.get(CJK_FONT_ENV, "").strip()
    candidates = ((named, 0),) if named else CJK_FONT_CANDIDATES
    for path, index in candidates:
        if Path(path).is_file():
            return CjkFont(path, index)
    where = f"{CJK_FONT_ENV}={named} does not name a file" if named else "none is installed"
    raise LabelError(
        f"Chinese text needs a CJK TrueType font and {where}: on Debian/Ubuntu run "
        "`bash scripts/debian-deps.sh` (fonts-wqy-microhei); elsewhere set "
        f"{CJK_FONT_ENV} to a TrueType .ttf or .ttc file with Chinese glyphs"
    )


@lru_cache(maxsize=1)
def _registered_cjk() -> TTFont:
    font = cjk_font()
    try:
        ttf = TTFont(CJK_FONT_NAME, font.path, subfontIndex=font.index)
    except Exception as exc:  # reportlab refuses CFF (PostScript-outline) fonts, for instance
        raise LabelError(
            f"the CJK font {font.path} cannot be embedded in a PDF ({exc}): use a font with "
            f"TrueType outlines (set {CJK_FONT_ENV})"
        ) from exc
    pdfmetrics.registerFont(ttf)
    return ttf


def pdf_font_name(text: str) -> str:
    """The reportlab font to set ``text`` in (the CJK font is registered on first use)."""
    if needs_cjk(text):
        _registered_cjk()
        return CJK_FONT_NAME
    return FONT_NAME


@lru_cache(maxsize=64)
def cjk_image_font(size: int) -> ImageFont.FreeTypeFont:
    font = cjk_font()
    return ImageFont.truetype(font.path, size, index=font.index)


def text_width(text: str, size: float) -> float:
    """Width of ``text`` at font size ``size`` in the same unit as ``size``."""
    if needs_cjk(text):
        measured = stringWidth(text, pdf_font_name(text), size)
        rastered = cjk_image_font(max(1, round(size))).getlength(text) * size / max(1, round(size))
        return float(max(measured, rastered))
    return float(stringWidth(text, FONT_NAME, size))


def ink_box(text: str, size: int) -> tuple[int, int, int, int]:
    """The dark pixels of CJK ``text`` drawn at ``size``: (left, top, right, bottom) in dots,
    relative to the cell's top-left corner (the baseline at CJK_BASELINE * size)."""
    left, top, right, bottom = cjk_image_font(size).getbbox(text, anchor="ls")
    baseline = round(CJK_BASELINE * size)
    return (
        math.floor(left),
        math.floor(top) + baseline,
        math.ceil(right),
        math.ceil(bottom) + baseline,
    )


def resident_width(text: str, size: int) -> int:
    """The most a printer-resident TrueType font (^A@) may need: full width for wide (CJK)
    characters, 0.6 em for others [unconfirmed bound: the printer's font is not ours to measure]."""
    ems = sum(1.0 if unicodedata.east_asian_width(c) in ("W", "F") else 0.6 for c in text)
    return math.ceil(ems * size)


def check_printable(text: str, what: str) -> None:
    """Refuse text the label fonts cannot print: control characters, and characters that
    neither Helvetica (Windows-1252) nor the CJK font has."""
    for ch in text:
        if ch < " " or ch == "\x7f" or "\x80" <= ch < "\xa0":
            raise LabelError(f"{what} holds a control character {ch!r}: remove it")
    if not needs_cjk(text):
        return
    glyphs = _registered_cjk().face.charToGlyph
    missing = [ch for ch in text if ord(ch) not in glyphs]
    if missing:
        raise LabelError(
            f"{what} holds {missing[0]!r}, which the label font cannot print: use Chinese "
            "characters, Latin letters, digits and common punctuation"
        )
