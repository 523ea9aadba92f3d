"""The building blocks of Lotline's PDF reports (reportlab platypus, A4 landscape): styles,
cells that wrap and escape their text, full-width tables whose header repeats on every page,
section headings, and a canvas that writes "page X of Y". Chinese text in a cell, heading or
footer is set in the CJK font, Latin text in Helvetica (``desktop.reports.fonts``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, LongTable, Paragraph, TableStyle

from desktop.domain.events import Outcome
from desktop.reports.fonts import draw_string, markup
from desktop.reports.signature import Manifestation

PAGE = landscape(A4)
MARGIN = 12 * mm
WIDTH = PAGE[0] - 2 * MARGIN
_BASE = getSampleStyleSheet()
TITLE = ParagraphStyle("title", parent=_BASE["Title"], fontSize=17, leading=21, spaceAfter=2)
SUBTITLE = ParagraphStyle("subtitle", parent=_BASE["Heading2"], fontSize=12, spaceAfter=6)
HEAD = ParagraphStyle("head", parent=_BASE["Heading2"], fontSize=11.5, spaceBefore=9, spaceAfter=4)
BODY = ParagraphStyle("body", parent=_BASE["BodyText"], fontSize=8.5, leading=10.5)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=7, leading=8.4, splitLongWords=True)
HCELL = ParagraphStyle("hcell", parent=CELL, fontName="Helvetica-Bold")
GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.9, 0.94)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
)


class Raw(str):
    """Cell text that is already paragraph markup (not escaped again)."""


def head(text: str) -> list[Flowable]:
    """A section heading, on a new page when less than a few table rows would follow it."""
    return [CondPageBreak(90), cell(text, HEAD)]


def cell(text: Any, style: ParagraphStyle = CELL) -> Paragraph:
    """A cell: text escaped for the paragraph markup, line breaks kept."""
    if isinstance(text, Raw):
        return Paragraph(markup(str(text)), style)
    shown = "" if text is None else str(text)
    return Paragraph(markup(escape(shown).replace("\n", "<br/>")), style)


def frame(raw: str) -> str:
    """A device's raw frame in a fixed-width font, its spaces kept."""
    return f'<font name="Courier">{escape(raw).replace(" ", "&nbsp;")}</font>'


def outcome(outcome: Outcome) -> Raw:
    """An event's outcome in words: plain when ok, bold red capitals otherwise."""
    words = str(outcome.words)
    if outcome is Outcome.OK:
        return Raw(words)
    return Raw(f'<font color="#b00000"><b>{escape(words.upper())}</b></font>')


def table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Any:
    """A table over the full width (``widths`` are relative); the header repeats on each page."""
    if not rows:
        return cell("None recorded.", BODY)
    total = sum(widths)
    data = [[cell(h, HCELL) for h in header]] + [[cell(c) for c in row] for row in rows]
    table = LongTable(data, colWidths=[WIDTH * w / total for w in widths], repeatRows=1)
    table.setStyle(GRID)
    return table


def signature(sig: Manifestation | None) -> str:
    if sig is None:
        return ""
    when = sig.signed_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    check = "verifies" if sig.valid else f"DOES NOT VERIFY ({sig.problem})"
    if sig.valid and sig.problem:  # verifies as signed, with what was recorded since
        check = f"{check} ({sig.problem})"
    return f"{sig.printed_name} ({sig.username})\n{when}\n{sig.meaning}\nsignature {check}"


def numbered(footer: str) -> type[Canvas]:
    """A canvas that writes "page X of Y" (and the footer) once the page count is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFillColor(colors.grey)
                draw_string(self, MARGIN, 7 * mm, footer, "Helvetica", 7.5)
                self.setFont("Helvetica", 7.5)
                self.drawRightString(
                    PAGE[0] - MARGIN, 7 * mm, f"page {self._pageNumber} of {total}"
                )
                super().showPage()
            super().save()

    return NumberedCanvas
