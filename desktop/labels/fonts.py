"""Text metrics: every renderer measures text as Helvetica-Bold, which bounds the ZPL ^A0 font.

zebrash draws ^A0N,h,h text narrower than Helvetica-Bold at size h (measured: "LOT ABC123
2027-12-31" is 255 dots against 276), Zebra's own ^A0 (CG Triumvirate Bold Condensed) is
narrower still; the PDF uses Helvetica-Bold itself and the PNG preview the Type 1 Helvetica-Bold
clone that reportlab ships. So a text that fits by this measure fits in all three.
"""

from __future__ import annotations

from pathlib import Path

import reportlab
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.labels.errors import LabelError

FONT_NAME = "Helvetica-Bold"
FONT_FILE = Path(reportlab.__file__).resolve().parent / "fonts" / "_ab_____.pfb"


def text_width(text: str, size: float) -> float:
    """Width of ``text`` at font size ``size`` in the same unit as ``size``."""
    return float(stringWidth(text, FONT_NAME, size))


def check_printable(text: str, what: str) -> None:
    """Refuse text the label fonts cannot print (they cover Windows-1252 only)."""
    for ch in text:
        if ch < " " or ch == "\x7f":
            raise LabelError(f"{what} holds a control character {ch!r}: remove it")
        try:
            ch.encode("cp1252")
        except UnicodeEncodeError:
            raise LabelError(
                f"{what} holds {ch!r}, which the label font cannot print: "
                "use Latin letters, digits and common punctuation"
            ) from None
