"""A dashboard panel's figures as a bar chart drawn with pyqtgraph: vertical bars (the hours of
the output panel, with the plan's rate as a dashed line) or horizontal bars with the figure and
its words inside (work in progress per step; first-pass yield per step and lot against its 95 %
goal). An alert bar is red with a ⚠; a bar is chosen by a click, or with the arrow keys and
Enter once the chart has the focus (Tab), and ``chosen`` carries its figure.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent

from desktop.domain.insight import Panel
from desktop.services.insight import Figure
from desktop.views import theme
from desktop.views.words import shown

#: A bar that needs nobody: quiet grey. One that does: the theme's abnormal red, with a ⚠.
BAR = "#A9A9A3"
BAR_ALERT_FILL = "#E6B3AF"
ALERT_MARK = "⚠ "  # not a code: the shape paired with the alert colour
#: Panels drawn as charts: vertical bars (hours, with the plan's rate), or horizontal bars with
#: their labels inside (steps and lots; first-pass yield against its goal).
VERTICAL, HORIZONTAL = (Panel.OUTPUT,), (Panel.WIP, Panel.YIELD)
#: Panels whose figures are shares in per cent.
PERCENT = (Panel.YIELD,)
#: Panels whose figures are counts (shown as a number); the others are ages or states in words.
COUNTED = (Panel.SCRAP_REWORK, Panel.LABELS, Panel.COVERAGE)
#: Hour bars with a tick each up to this many; beyond, every few hours.
TICKS_SHOWN = 6
#: Bars with their value written above them up to this many.
VALUES_SHOWN = 12


def number(value: float) -> str:
    """A figure's value as written: no trailing ".0"."""
    return f"{value:.1f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))


class BarChart(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph has no type hints
    """A panel's figures as bars: each bar one figure, alert bars red with a ⚠ in their
    label. Vertical bars carry their labels below and a dashed target line (the plan's rate);
    horizontal bars carry label and value inside and a dashed goal line (95 %).

    Click a bar, or focus the chart (Tab) and move with the arrow keys, Enter to open."""

    chosen = Signal(object)

    def __init__(self, panel: Panel, *, horizontal: bool) -> None:
        super().__init__(background=theme.PANEL)
        self.panel, self.horizontal = panel, horizontal
        self.figures: tuple[Figure, ...] = ()
        self.current = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(theme.mm(38))
        self.setMenuEnabled(False)
        self.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        item = self.getPlotItem()
        font = theme.font(12)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setStyle(tickFont=font)
            axis.setPen(pg.mkPen(theme.MUTED))
            axis.setTextPen(pg.mkPen(theme.TEXT))
        if horizontal:
            item.hideAxis("left")
            item.hideAxis("bottom")
        self.scene().sigMouseClicked.connect(self._clicked)
        self._texts: list[pg.TextItem] = []

    # ---- drawing ------------------------------------------------------------------------
    def show_figures(self, figures: Sequence[Figure]) -> None:
        self.figures = tuple(figures)
        if not 0 <= self.current < len(self.figures):
            self.current = 0 if self.figures else -1
        self.redraw()

    def redraw(self) -> None:
        item = self.getPlotItem()
        item.clear()
        self._texts = []
        figures = self.figures
        if not figures:
            return
        brushes = [pg.mkBrush(BAR_ALERT_FILL if f.alert else BAR) for f in figures]
        pens = [
            pg.mkPen(theme.FOCUS, width=4)
            if i == self.current and self.hasFocus()
            else pg.mkPen(theme.ABNORMAL if f.alert else theme.MUTED, width=2 if f.alert else 1)
            for i, f in enumerate(figures)
        ]
        values = [f.value for f in figures]
        if self.horizontal:
            self._horizontal(values, brushes, pens)
        else:
            self._vertical(values, brushes, pens)

    def _vertical(self, values: list[float], brushes: list[Any], pens: list[Any]) -> None:
        item, figures = self.getPlotItem(), self.figures
        xs = list(range(len(values)))
        item.addItem(pg.BarGraphItem(x=xs, height=values, width=0.7, brushes=brushes, pens=pens))
        step = max(1, -(-len(figures) // TICKS_SHOWN))
        ticks = [(i, shown(f.label)) for i, f in enumerate(figures) if i % step == 0]
        item.getAxis("bottom").setTicks([ticks, []])
        target = max((f.target or 0.0) for f in figures)
        top = max([*values, target, 1.0])
        if target > 0:
            line = pg.InfiniteLine(
                pos=target, angle=0, pen=pg.mkPen(theme.TEXT, width=3, style=Qt.PenStyle.DashLine)
            )
            item.addItem(line)
            words = self.tr("plan %1 per hour").replace("%1", number(target))
            self._text("", QPointF(len(values) - 0.5, target), (1, 1), theme.TEXT, bold=words)
        if len(figures) <= VALUES_SHOWN:
            for i, f in enumerate(figures):
                text = (ALERT_MARK if f.alert else "") + number(f.value)
                colour = theme.ABNORMAL if f.alert else theme.TEXT
                self._text("", QPointF(i, f.value), (0.5, 1), colour, bold=text)
        item.setXRange(-0.6, len(values) - 0.4, padding=0)
        item.setYRange(0, top * 1.25, padding=0)

    def _horizontal(self, values: list[float], brushes: list[Any], pens: list[Any]) -> None:
        item, figures = self.getPlotItem(), self.figures
        ys = [len(values) - 1 - i for i in range(len(values))]  # the first figure on top
        bars = pg.BarGraphItem(x0=0, y=ys, height=0.75, width=values, brushes=brushes, pens=pens)
        item.addItem(bars)
        goal = max((f.target or 0.0) for f in figures)
        if goal > 0:
            pen = pg.mkPen(theme.TEXT, width=3, style=Qt.PenStyle.DashLine)
            item.addItem(pg.InfiniteLine(pos=goal, angle=90, pen=pen))
        unit = " %" if self.panel in PERCENT else ""
        right = 100.0 if self.panel in PERCENT else max([*values, 1.0]) * 1.1
        for y, f in zip(ys, figures, strict=True):
            # the figure first, in bold: it is what is read from afar, and never the part cut off
            figure = f"{ALERT_MARK if f.alert else ''}{number(f.value)}{unit}"
            colour = theme.ABNORMAL if f.alert else theme.TEXT
            self._text(shown(f.label), QPointF(right * 0.01, y), (0, 0.5), colour, bold=figure)
        item.setXRange(0, right, padding=0.02)
        item.setYRange(-0.6, len(values) - 0.4, padding=0)

    def _text(
        self, text: str, at: QPointF, anchor: tuple[float, float], colour: str, bold: str = ""
    ) -> None:
        """``bold`` (the figure) in bold, then ``text`` (its words) in regular type."""
        words = pg.TextItem(anchor=anchor)
        words.setFont(theme.font(12))
        lead = f"<b>{html.escape(bold)}</b>" if bold else ""
        lead += "&nbsp;&nbsp;&nbsp;" if bold and text else ""
        words.setHtml(f'<span style="color: {colour};">{lead}{html.escape(text)}</span>')
        words.setPos(at)
        self.getPlotItem().addItem(words)
        self._texts.append(words)

    # ---- choosing -----------------------------------------------------------------------
    def index_at(self, x: float, y: float) -> int:
        """The figure under the point (x, y) of the plot's coordinates, or -1."""
        if self.horizontal:
            at = len(self.figures) - 1 - round(y)
            inside = 0 <= at < len(self.figures) and abs(y - round(y)) <= 0.4
        else:
            at = round(x)
            inside = 0 <= at < len(self.figures) and abs(x - at) <= 0.4
        return at if inside else -1

    def bar_centre(self, index: int) -> QPoint:
        """Where bar ``index`` is on the widget (for tests that click it)."""
        f = self.figures[index]
        if self.horizontal:
            point = QPointF(max(f.value / 2, 0.5), len(self.figures) - 1 - index)
        else:
            point = QPointF(index, max(f.value, 0.1) / 2)
        scene = self.getPlotItem().vb.mapViewToScene(point)
        on_widget: QPoint = self.mapFromScene(scene)
        return on_widget

    def _clicked(self, event: Any) -> None:
        vb = self.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        point = vb.mapSceneToView(event.scenePos())
        at = self.index_at(point.x(), point.y())
        if at >= 0:
            self.choose(at)

    def choose(self, index: int) -> None:
        self.current = index
        self.redraw()
        self.chosen.emit(self.figures[index])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, count = event.key(), len(self.figures)
        back = (Qt.Key.Key_Up, Qt.Key.Key_Left)
        forth = (Qt.Key.Key_Down, Qt.Key.Key_Right)
        if count and key in back + forth:
            self.current = (self.current + (-1 if key in back else 1)) % count
            self.redraw()
        elif count and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.choose(max(self.current, 0))
        else:
            event.ignore()

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.redraw()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.redraw()


__all__ = ["ALERT_MARK", "HORIZONTAL", "VERTICAL", "BarChart", "number"]
