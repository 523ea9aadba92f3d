"""The building blocks of Lotline's PDF reports (reportlab platypus, A4 landscape): styles,
cells that wrap and escape their text, full-width tables whose header repeats on every page,
section headings, and a canvas that writes "page X of Y". Chinese text in a cell, heading or
footer is set in the CJK font, Latin text in Helvetica (``desktop.reports.fonts``). The kit's own
words ("None recorded.", "page X of Y", a signature's check) and any ``Text`` given as a header
or cell are rendered with the report's ``translate`` (``desktop.reports.language``; English when
none is given)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, LongTable, Paragraph, TableStyle

from desktop.domain.events import Outcome
from desktop.domain.text import Text, Translate, t
from desktop.reports.fonts import cjk_font_name, draw_string, markup, runs
from desktop.reports.language import english
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


def say(text: Any, translate: Translate) -> Any:
    """A ``Text`` in the report's language; anything else as it is (data is never translated)."""
    return text.render(translate) if isinstance(text, Text) else text


def outcome(outcome: Outcome, translate: Translate = english) -> Raw:
    """An event's outcome in words: plain when ok, bold red capitals otherwise."""
    words = outcome.words.render(translate)
    if outcome is Outcome.OK:
        return Raw(words)
    return Raw(f'<font color="#b00000"><b>{escape(words.upper())}</b></font>')


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    translate: Translate = english,
) -> Any:
    """A table over the full width (``widths`` are relative); the header repeats on each page.
    A ``Text`` header or cell is rendered with ``translate``."""
    if not rows:
        return cell(t("None recorded.").render(translate), BODY)
    total = sum(widths)
    data = [[cell(say(h, translate), HCELL) for h in header]]
    data += [[cell(say(c, translate)) for c in row] for row in rows]
    table = LongTable(data, colWidths=[WIDTH * w / total for w in widths], repeatRows=1)
    table.setStyle(GRID)
    return table


def signature(sig: Manifestation | None, translate: Translate = english) -> str:
    """An electronic signature in a cell: who, when (UTC), its meaning as signed, and whether
    it verifies."""
    if sig is None:
        return ""
    when = sig.signed_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    if not sig.valid:
        check = t("signature DOES NOT VERIFY ({problem})", problem=sig.problem)
    elif sig.problem:  # verifies as signed, with what was recorded since
        check = t("signature verifies ({problem})", problem=sig.problem)
    else:
        check = t("signature verifies")
    shown = check.render(translate)
    return f"{sig.printed_name} ({sig.username})\n{when}\n{sig.meaning}\n{shown}"


def _width(text: str, font: str, size: float) -> float:
    """The drawn width of ``text``, its CJK runs in the CJK font as ``draw_string`` sets them."""
    pieces = runs(text)
    cjk = cjk_font_name() if any(needs for needs, _ in pieces) else None
    return float(sum(stringWidth(run, cjk if c and cjk else font, size) for c, run in pieces))


def numbered(footer: str, translate: Translate = english) -> type[Canvas]:
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
                page = t("page {page} of {pages}", page=self._pageNumber, pages=total)
                shown = page.render(translate)
                right = PAGE[0] - MARGIN - _width(shown, "Helvetica", 7.5)
                draw_string(self, right, 7 * mm, shown, "Helvetica", 7.5)
                super().showPage()
            super().save()

    return NumberedCanvas
