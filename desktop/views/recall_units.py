"""The recall screen's list of affected units: a table that fills page by page, with its bar.

A broad recall holds 200,000 units: the list is a model over compact rows of text (no widget
per cell), appended as each page arrives from the worker thread; when the same recall is read
again, a page replaces the rows it covers in place (the count never changes after the scope is
taken), so the place in the list and the chosen row stay. The bar under the list says how
many of the units are listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.reports.recall_model import RecallItemView
from desktop.views import theme
from desktop.views.widgets import label
from desktop.views.words import shown

Row = tuple[str, ...]
AnyIndex = QModelIndex | QPersistentModelIndex


def short_time(item: RecallItemView, field: str) -> str:
    at = getattr(item, field)
    return at.astimezone().strftime("%m-%d %H:%M") if at else ""


class UnitsModel(QAbstractTableModel):
    """Rows of text for the units table; equal texts are kept once (a broad recall repeats the
    same state and customer site tens of thousands of times)."""

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self.headers = list(headers)
        self.rows: list[Row] = []
        self._texts: dict[str, str] = {}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.rows[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal:
            return self.headers[section]
        return None

    def _shared(self, text: str) -> str:
        return self._texts.setdefault(text, text)

    def row_of(self, item: RecallItemView) -> Row:
        where = " · ".join(x for x in (item.customer_code, item.site) if x)
        return (
            shown(item.item),
            self._shared(shown(item.state_at_scope.words)),
            self._shared(where),
            self._shared(short_time(item, "notified_at")),
            self._shared(short_time(item, "returned_at")),
            self._shared(shown(item.disposition.words) if item.disposition else ""),
        )

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self._texts = {}
        self.endResetModel()

    def put(self, start: int, items: Sequence[RecallItemView]) -> None:
        """Rows ``start``...: those already listed are replaced, the rest appended."""
        rows = [self.row_of(i) for i in items]
        inside = rows[: max(0, len(self.rows) - start)]
        if inside:
            self.rows[start : start + len(inside)] = inside
            last = self.index(start + len(inside) - 1, len(self.headers) - 1)
            self.dataChanged.emit(self.index(start, 0), last)
        extra = rows[len(inside) :]
        if extra:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(extra) - 1)
            self.rows.extend(extra)
            self.endInsertRows()

    def cut(self, count: int) -> None:
        """Drop rows from ``count`` on (a list read again that came back shorter)."""
        if count < len(self.rows):
            self.beginRemoveRows(QModelIndex(), count, len(self.rows) - 1)
            del self.rows[count:]
            self.endRemoveRows()


class UnitsList(QWidget):
    """The units table, and under it the bar of how many are listed."""

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self.model = UnitsModel(headers)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        rows.setDefaultSectionSize(theme.mm(9))
        columns = self.table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setStretchLastSection(False)
        self.bar = QProgressBar()
        self.bar.setMinimumHeight(theme.mm(7))
        self.bar.setFont(theme.font(12, bold=True))
        self.bar.setTextVisible(True)
        self.caption = label("", 12, wrap=False)
        self.caption.setObjectName("muted")
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.caption)
        line.addWidget(self.bar, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addLayout(line)
        self._sized = False

    def rowCount(self) -> int:
        return self.model.rowCount()

    def text(self, row: int, column: int) -> str:
        return self.model.rows[row][column]

    def size_columns(self) -> None:
        """Columns as wide as their first rows need (measured once per recall: Qt reads at most
        1,000 rows for it), the customer and site taking what is left."""
        if self._sized or not self.model.rows:
            return
        self._sized = True
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def reset(self) -> None:
        self.model.clear()
        self._sized = False
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


__all__ = ["UnitsList", "UnitsModel"]
