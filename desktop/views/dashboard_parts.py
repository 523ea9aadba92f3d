"""The dashboard's panels as widgets: a panel's frame with its title and headline around its
figures (a bar chart, dashboard_chart.py, or rows), and the table of the records behind a figure.

Each figure can be chosen with the mouse (a bar, a row) or the keyboard (Tab to the panel, the
arrow keys, Enter); choosing one emits ``chosen`` with the figure. Nothing here reads the
database: the screen (dashboard.py) runs the use cases and hands the answers in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
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
from desktop.services.insight import Cell, Figure, PanelView, Records
from desktop.views import theme
from desktop.views.dashboard_chart import ALERT_MARK, HORIZONTAL, VERTICAL, BarChart, number
from desktop.views.qc_review import when
from desktop.views.tables import Table
from desktop.views.widgets import label
from desktop.views.words import shown

#: Panels whose figures are counts (shown as a number); the others are ages or states in words.
COUNTED = (Panel.SCRAP_REWORK, Panel.LABELS, Panel.COVERAGE)


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
        self.setTabKeyNavigation(False)  # Tab goes on to the next panel; arrows move in here
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
        self.table.fill([tuple(_cell(v) for v in row) for row in records.rows])
        if records.rows:
            self.table.selectRow(0)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def _cell(value: Cell) -> str:
    """A record's cell as the person reads it: a time in the station's zone, words translated."""
    return when(value) if isinstance(value, datetime) else shown(value)


__all__ = ["FigureRows", "PanelBox", "RecordsPanel"]
