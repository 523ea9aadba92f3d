"""The dashboard's panels as widgets: a panel's frame with its title and headline, a bar chart
drawn with pyqtgraph (vertical bars with an optional target line, or horizontal bars against a
goal), a list of figures as rows, and the table of the records behind a figure.

Each figure can be chosen with the mouse (a bar, a row) or the keyboard (Tab to the panel, the
arrow keys, Enter); choosing one emits ``chosen`` with the figure. Nothing here reads the
database: the screen (dashboard.py) runs the use cases and hands the answers in.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.domain.insight import Panel
from desktop.services.insight import Figure, PanelView, Records
from desktop.views import theme
from desktop.views.tables import Table
from desktop.views.widgets import label
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


class PanelBox(QFrame):
    """One panel: its title, its headline in large type (red with a ⚠ when it needs someone)
    and its figures (a chart or rows). ``chosen`` carries the figure picked."""

    chosen = Signal(object)

    def __init__(self, panel: Panel) -> None:
        super().__init__()
        self.panel = panel
        self.setObjectName("panel")
        self.title = label(shown(panel.words), 13, bold=True, wrap=False)
        self.title.setObjectName("muted")
        self.headline = label("", 16, bold=True)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.more = label("", 12, wrap=False)
        self.more.setObjectName("muted")
        self.body: BarChart | FigureRows
        if panel in VERTICAL or panel in HORIZONTAL:
            self.body = BarChart(panel, horizontal=panel in HORIZONTAL)
        else:
            self.body = FigureRows(panel)
        self.body.chosen.connect(self.chosen)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 8)
        column.setSpacing(2)
        column.addWidget(self.title)
        column.addWidget(self.headline)
        column.addWidget(self.body, 1)
        column.addWidget(self.more)
        self.more.setVisible(False)
        # an explicit minimum: the wrapped headline's own hint (its height at its narrowest)
        # would make every panel as tall as that and push the last row out of sight
        self.setMinimumHeight(theme.mm(30))
        self.view: PanelView | None = None
        self._alert(False)

    def hasHeightForWidth(self) -> bool:
        """No: the grid gives each panel its share of the height (scrolling below the grid's
        minimum) instead of growing as tall as the wrapped headline would like."""
        return False

    def _alert(self, alert: bool) -> None:
        border = f"3px solid {theme.ABNORMAL}" if alert else f"1px solid {theme.BORDER}"
        self.setStyleSheet(
            f"QFrame#panel {{ background: {theme.PANEL}; border: {border}; border-radius: 4px; }}"
            " QLabel { background: transparent; }"
        )
        colour = theme.ABNORMAL if alert else theme.TEXT
        self.headline.setStyleSheet(f"color: {colour};")

    def show_view(self, view: PanelView) -> None:
        self.view = view
        text = shown(view.headline)
        self.headline.setText(ALERT_MARK + text if view.alert else text)
        self._alert(view.alert)
        self.body.show_figures(view.figures)
        total = view.figures_total
        self.more.setVisible(total is not None and total > len(view.figures))
        if total is not None:
            self.more.setText(
                self.tr("the first %1 of %2").replace("%1", str(len(view.figures)))
                .replace("%2", str(total))
            )  # fmt: skip

    def figure_named(self, key: str) -> Figure | None:
        figures = self.view.figures if self.view is not None else ()
        return next((f for f in figures if f.key == key), None)


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


class FigureRows(QTableWidget):
    """A panel's figures as rows: what (an NCR, a lot, a tally) and how much or how old; a
    row that needs someone is red with a ⚠. Click a row, or Enter on it, to open it."""

    chosen = Signal(object)

    def __init__(self, panel: Panel) -> None:
        super().__init__(0, 2 if panel in COUNTED else 1)
        self.panel = panel
        self.figures: tuple[Figure, ...] = ()
        self.horizontalHeader().setVisible(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(theme.mm(8))
        # a count beside its words; an age or a state (longer words) shares the width
        counted = panel in COUNTED
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        second = (
            QHeaderView.ResizeMode.ResizeToContents if counted else QHeaderView.ResizeMode.Stretch
        )
        header.setSectionResizeMode(1, second)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFont(theme.font(14))
        self.setStyleSheet(f"QTableWidget {{ background: {theme.PANEL}; border: none; }}")
        self.setMinimumHeight(theme.mm(12))
        self.cellClicked.connect(lambda row, _column: self._choose(row))

    def show_figures(self, figures: Sequence[Figure]) -> None:
        chosen = self.currentRow()
        self.figures = tuple(figures)
        self.setRowCount(len(self.figures))
        counted = self.panel in COUNTED
        for row, f in enumerate(self.figures):
            what = (ALERT_MARK if f.alert else "") + shown(f.label)
            cells: tuple[str, ...]
            if counted:
                note = f"  ({shown(f.note)})" if f.note else ""
                cells = (what, number(f.value) + note)
            else:  # an NCR, a lot, a device: what it is and its age or state, one sentence
                cells = (f"{what} · {shown(f.note)}" if f.note else what,)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if f.alert:
                    cell.setForeground(QColor(theme.ABNORMAL))
                    cell.setFont(theme.font(14, bold=True))
                side = Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft
                cell.setTextAlignment(side | Qt.AlignmentFlag.AlignTop)
                self.setItem(row, column, cell)
        self.resizeRowsToContents()
        if 0 <= chosen < len(self.figures):
            self.selectRow(chosen)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.resizeRowsToContents()  # wrapped rows as high as their words at this width

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.figures):
            self.chosen.emit(self.figures[row])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._choose(self.currentRow() if self.currentRow() >= 0 else 0)
            return
        super().keyPressEvent(event)


class RecordsPanel(QFrame):
    """The records behind the chosen figure: their title, how many are shown of how many, and
    the table (keyboard: F2 puts the cursor in it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panel")
        self.title = label("", 15, bold=True)
        self.count = label("", 13, wrap=False)
        self.count.setObjectName("muted")
        self.table = Table([""])
        self.table.setFont(theme.font(13))
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 6)
        column.addWidget(self.title)
        column.addWidget(self.count)
        column.addWidget(self.table, 1)
        self.records: Records | None = None
        self.waiting(self.tr("Click a bar, a row or a tile (or Tab to it and press Enter): the "
                             "records behind it are listed here."))  # fmt: skip

    def hasHeightForWidth(self) -> bool:
        return False  # as a panel: its cell's height, not its wrapped title's

    def waiting(self, words: str, *, alert: bool = False) -> None:
        """No records shown: ``words`` say why (red with a ⚠ when reading them failed)."""
        self.title.setText(ALERT_MARK + words if alert else words)
        self.title.setStyleSheet(f"color: {theme.ABNORMAL};" if alert else "")
        self.count.setText("")
        self.table.setRowCount(0)

    def show_records(self, figure: Figure, records: Records) -> None:
        self.records = records
        self.title.setStyleSheet("")
        panel, label_text, title = (
            figure.key.split(":")[0],
            shown(figure.label),
            shown(records.title),
        )
        heading = f"{shown(Panel(panel).words)}: {label_text}"
        self.title.setText(heading if title in label_text else f"{heading} · {title}")
        self.count.setText(
            self.tr("%1 of %2 shown").replace("%1", str(len(records.rows)))
            .replace("%2", str(records.total))
        )  # fmt: skip
        self.table.setColumnCount(len(records.columns))
        self.table.setHorizontalHeaderLabels([shown(c) for c in records.columns])
        self.table.fill([tuple(shown(v) for v in row) for row in records.rows])
        if records.rows:
            self.table.selectRow(0)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


__all__ = ["BarChart", "FigureRows", "PanelBox", "RecordsPanel", "number"]
