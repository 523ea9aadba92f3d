"""The SPC report as a PDF: the control chart (points, centre line, control limits, the
specification, the points that broke a rule ringed and numbered) and its moving-range or R
chart drawn with reportlab graphics, the rule violations and the capability figures; a chart title
that holds Chinese is set in the CJK font."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer

from desktop.reports.fonts import font_for
from desktop.reports.pdf_kit import BODY, MARGIN, PAGE, SUBTITLE, TITLE, WIDTH, cell, head, table

_ABNORMAL = colors.Color(0.70, 0.0, 0.0)
_LIMIT = colors.Color(0.25, 0.25, 0.25)
_SPEC = colors.Color(0.1, 0.3, 0.7)


@dataclass(frozen=True)
class Band:
    """One chart: its points and the lines drawn across it."""

    title: str
    values: Sequence[float | None]
    centre: float
    lower: float
    upper: float
    spec: tuple[float, float] | None = None  # the specification, drawn dashed
    flagged: dict[int, str] = field(default_factory=dict)  # point index -> rule numbers "1,5"


def chart(band: Band, width: float, height: float) -> Drawing:
    """``band`` as a reportlab drawing: points joined, limits solid, centre dotted, the
    specification dashed, each flagged point ringed with its rule numbers above it."""
    drawing = Drawing(width, height)
    left, right, top, bottom = 46.0, 70.0, 14.0, 12.0
    shown = [v for v in band.values if v is not None]
    lines = [band.centre, band.lower, band.upper, *(band.spec or ())]
    low, high = min(shown + lines), max(shown + lines)
    pad = (high - low) * 0.06 or 1.0
    low, high = low - pad, high + pad
    plot_w, plot_h = width - left - right, height - top - bottom
    count = max(len(band.values) - 1, 1)

    inset = 8.0  # the first and last points clear of the axis and of the limits' names

    def x(i: int) -> float:
        return left + inset + (plot_w - 2 * inset) * i / count

    def y(v: float) -> float:
        return float(bottom + plot_h * (v - low) / (high - low))

    drawing.add(
        String(
            left,
            height - 10,
            band.title,
            fontName=font_for(band.title, "Helvetica-Bold"),
            fontSize=8,
        )
    )
    marks = [
        (band.upper, "UCL", _LIMIT, None),
        (band.centre, "CL", _LIMIT, (1, 2)),
        (band.lower, "LCL", _LIMIT, None),
    ]
    if band.spec is not None:
        marks += [(band.spec[1], "USL", _SPEC, (4, 3)), (band.spec[0], "LSL", _SPEC, (4, 3))]
    for value, name, colour, dash in marks:
        line = Line(left, y(value), left + plot_w, y(value), strokeColor=colour, strokeWidth=0.6)
        if dash:
            line.strokeDashArray = list(dash)
        drawing.add(line)
        drawing.add(
            String(
                left + plot_w + 3,
                y(value) - 2.5,
                f"{name} {value:.4g}",
                fontSize=6.5,
                fillColor=colour,
            )
        )
    drawing.add(String(2, bottom - 2, f"{low:.4g}", fontSize=6))
    drawing.add(String(2, bottom + plot_h - 4, f"{high:.4g}", fontSize=6))
    points = [(x(i), y(v)) for i, v in enumerate(band.values) if v is not None]
    if len(points) > 1:
        flat = [c for p in points for c in p]
        drawing.add(PolyLine(flat, strokeColor=colors.black, strokeWidth=0.6))
    for i, v in enumerate(band.values):
        if v is None:
            continue
        hit = i in band.flagged
        drawing.add(
            Circle(
                x(i),
                y(v),
                2.6 if hit else 1.3,
                fillColor=_ABNORMAL if hit else colors.black,
                strokeColor=_ABNORMAL if hit else colors.black,
            )
        )
        if hit:
            drawing.add(
                String(x(i) - 3, y(v) + 4, band.flagged[i], fontSize=6, fillColor=_ABNORMAL)
            )
    return drawing


@dataclass(frozen=True)
class SpcReport:
    title: str  # "SPC: IP-300 infusion pump, step 4 Weigh assembled pump"
    facts: Sequence[tuple[str, str]]  # ("Chart", "individuals and moving range"), ...
    location: Band
    dispersion: Band
    violations: Sequence[Sequence[str]]  # rows: rule, points, units
    capability: Sequence[Sequence[str]]  # rows: index, value


def write_spc_pdf(report: SpcReport, path: Path) -> Path:
    doc = SimpleDocTemplate(
        str(path),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=report.title,
    )
    story = [
        cell(report.title, TITLE),
        cell("; ".join(f"{k}: {v}" for k, v in report.facts), SUBTITLE),
        chart(report.location, WIDTH, 78 * mm),
        Spacer(1, 2 * mm),
        chart(report.dispersion, WIDTH, 38 * mm),
        *head("Rule violations"),
        table(("Rule", "Points", "Units"), report.violations, (4, 2, 4)),
        *head("Capability"),
        table(("Index", "Value"), report.capability, (1, 1)),
        Spacer(1, 2 * mm),
        cell(
            "Cp and Cpk use sigma within (moving range / d2 or R-bar / d2); Pp and Ppk the "
            "overall sample standard deviation. Ringed points broke the rules numbered above them.",
            BODY,
        ),
    ]
    doc.build(story)
    return path


__all__ = ["Band", "SpcReport", "chart", "write_spc_pdf"]
