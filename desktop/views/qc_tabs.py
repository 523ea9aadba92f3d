"""The QC station's work tabs: the release queue, nonconformances, inspection, holds.

Each tab only lays out and shows; the QC screen (qc.py) runs the use cases and owns the keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.quality import Disposition, NcrStatus
from desktop.services.holds import HoldView
from desktop.services.quality import InspectionPlanView, NcrView, QueuedLot
from desktop.views import theme
from desktop.views.qc_review import ReviewBrowser, ncr_disposition, when
from desktop.views.tables import Table
from desktop.views.widgets import BigButton, label
from desktop.views.words import shown


def key_button(text: str, key: str) -> BigButton:
    """A big button that shows its key; the screen owns the shortcut (so it works on any tab)."""
    button = BigButton(f"{text}  [{key}]")
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def _plain(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


class ReleaseTab(QWidget):
    """Lots awaiting release (left) and the review of the scanned lot (right)."""

    def __init__(self) -> None:
        super().__init__()
        self.queue = Table([self.tr("Lot"), self.tr("Product"), self.tr("Units"), self.tr("State")])
        self.queue.setMinimumWidth(theme.mm(95))
        self.review = ReviewBrowser()
        self.release_button = key_button(self.tr("Release lot…"), "F9")
        self.refresh_button = key_button(self.tr("Refresh"), "F5")
        left = QVBoxLayout()
        left.addWidget(label(self.tr("Lots awaiting release (Enter opens)"), 13, bold=True))
        left.addWidget(self.queue, 1)
        left.addWidget(self.refresh_button)
        right = QVBoxLayout()
        right.addWidget(self.review, 1)
        right.addWidget(self.release_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 4, 4, 4)
        row.addLayout(left, 2)
        row.addLayout(right, 3)
        self.lots: list[QueuedLot] = []

    def show_lots(self, lots: Sequence[QueuedLot]) -> None:
        self.lots = list(lots)
        self.queue.fill(
            [(q.lot, q.product, f"{q.units_done}/{q.units}", self._state(q)) for q in self.lots]
        )

    def _state(self, lot: QueuedLot) -> str:
        if lot.ready:
            return self.tr("● ready")
        words = []
        if lot.open_ncrs:
            words.append(self.tr("%1 NCR not closed").replace("%1", str(lot.open_ncrs)))
        if lot.active_holds:
            words.append(self.tr("%1 hold(s)").replace("%1", str(lot.active_holds)))
        if lot.open_flags:
            words.append(self.tr("%1 SPC flag(s)").replace("%1", str(lot.open_flags)))
        if not words:
            return self.tr("in production")
        return "✖ " + ", ".join(words)

    def selected_scan(self) -> str | None:
        rows = self.queue.selectionModel().selectedRows()
        return self.lots[rows[0].row()].scan if rows and rows[0].row() < len(self.lots) else None


class NcrTab(QWidget):
    """Nonconformances not closed; disposition (signed), close, and open one on the scan."""

    def __init__(self) -> None:
        super().__init__()
        self.table = Table(
            [
                self.tr("NCR"),
                self.tr("Item"),
                self.tr("Status"),
                self.tr("Description"),
                self.tr("Disposition and signature"),
            ]
        )
        self.disposition = QComboBox()
        for value in Disposition:  # in the station's language, the code as the item's data
            self.disposition.addItem(shown(value.words), value.value)
        self.step = QSpinBox()
        self.step.setRange(0, 99)
        self.step.setSpecialValueText(self.tr("where it stopped"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Closing note: what was done"))
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("What is wrong with the scanned item"))
        self.disposition_button = key_button(self.tr("Disposition…"), "F6")
        self.close_button = key_button(self.tr("Close NCR"), "F7")
        self.open_button = key_button(self.tr("Open NCR"), "F8")
        self._arrange()
        self.ncrs: list[NcrView] = []

    def _arrange(self) -> None:
        form = QGridLayout()
        form.addWidget(label(self.tr("Decision"), 13), 0, 0)
        form.addWidget(self.disposition, 0, 1)
        form.addWidget(label(self.tr("Rework from step"), 13), 0, 2)
        form.addWidget(self.step, 0, 3)
        form.addWidget(self.disposition_button, 0, 4)
        form.addWidget(self.note, 1, 0, 1, 4)
        form.addWidget(self.close_button, 1, 4)
        form.addWidget(self.description, 2, 0, 1, 4)
        form.addWidget(self.open_button, 2, 4)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(4, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.table, 1)
        column.addLayout(form)

    def show_ncrs(self, ncrs: Sequence[NcrView]) -> None:
        chosen = self.selected()
        self.ncrs = list(ncrs)
        self.table.fill(
            [
                (
                    n.number,
                    shown(n.item),
                    ("✖ " if n.status is NcrStatus.OPEN else "") + shown(n.status.words),
                    n.description,
                    ncr_disposition(n),
                )
                for n in self.ncrs
            ]
        )
        if chosen is not None:
            self.select(chosen.number)

    def select(self, number: str) -> bool:
        for row, ncr in enumerate(self.ncrs):
            if ncr.number == number:
                self.table.selectRow(row)
                return True
        return False

    def selected(self) -> NcrView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.ncrs[rows[0].row()] if rows and rows[0].row() < len(self.ncrs) else None

    def decision(self) -> tuple[str, int | None]:
        step = self.step.value() or None
        return str(self.disposition.currentData()), step


class InspectionTab(QWidget):
    """A QC reading of the scanned item against one of its product's inspection plans."""

    def __init__(self) -> None:
        super().__init__()
        self.item = label(self.tr("Scan a unit or lot first."), 16, bold=True)
        self.plan = QComboBox()
        self.plan.currentIndexChanged.connect(self._unit)
        self.value = QLineEdit()
        self.value.setFont(theme.font(22))
        self.value.setPlaceholderText(self.tr("Type the reading, then Enter"))
        self.unit = label("", 16)
        self.record_button = key_button(self.tr("Record reading"), "Enter")
        self.results = Table(
            [self.tr("Item"), self.tr("Characteristic"), self.tr("Reading"), self.tr("Result")]
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addWidget(self.item, 0, 0, 1, 3)
        grid.addWidget(label(self.tr("Characteristic"), 13), 1, 0)
        grid.addWidget(self.plan, 1, 1, 1, 2)
        grid.addWidget(label(self.tr("Reading"), 13), 2, 0)
        grid.addLayout(self._value_row(), 2, 1)
        grid.addWidget(self.record_button, 2, 2)
        grid.addWidget(self.results, 3, 0, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(3, 1)
        self.plans: list[InspectionPlanView] = []
        self.rows: list[tuple[str, str, str, str]] = []

    def _value_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.value, 1)
        row.addWidget(self.unit)
        return row

    def show_plans(self, plans: Sequence[InspectionPlanView], step: int | None) -> None:
        self.plans = list(plans)
        self.plan.clear()
        for p in self.plans:
            limits = self.tr("%1 – %2 %3").replace("%1", _plain(p.lower))
            limits = limits.replace("%2", _plain(p.upper)).replace("%3", p.unit)
            self.plan.addItem(f"{p.characteristic}: {limits}", p.characteristic)
        at_step = [i for i, p in enumerate(self.plans) if p.step_position == step]
        if at_step:
            self.plan.setCurrentIndex(at_step[0])
        self._unit()

    def _unit(self, *_args: object) -> None:
        index = self.plan.currentIndex()
        self.unit.setText(self.plans[index].unit if 0 <= index < len(self.plans) else "")

    def characteristic(self) -> str | None:
        data = self.plan.currentData()
        return str(data) if data else None

    def add_result(self, item: str, characteristic: str, reading: str, result: str) -> None:
        self.rows.insert(0, (item, characteristic, reading, result))
        del self.rows[20:]
        self.results.fill(self.rows)


class HoldsTab(QWidget):
    """The holds on the scanned lot and its units; place or release a hold on the scan."""

    def __init__(self) -> None:
        super().__init__()
        self.table = Table(
            [
                self.tr("Item"),
                self.tr("State"),
                self.tr("Reason"),
                self.tr("Placed"),
                self.tr("Released"),
            ]
        )
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for placing or releasing the hold"))
        self.ncr = QLineEdit()
        self.ncr.setPlaceholderText(self.tr("NCR (optional)"))
        self.ncr.setMaximumWidth(theme.mm(60))
        self.item = label(self.tr("Scan a unit or lot first."), 15, bold=True)
        self.place_button = key_button(self.tr("Place hold"), "F10")
        self.release_button = key_button(self.tr("Release hold"), "F11")
        fields = QHBoxLayout()
        fields.addWidget(self.reason, 3)
        fields.addWidget(self.ncr, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.place_button)
        buttons.addWidget(self.release_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.item)
        column.addWidget(self.table, 1)
        column.addLayout(fields)
        column.addLayout(buttons)

    def show_holds(self, item: str, holds: Sequence[HoldView]) -> None:
        self.item.setText(
            self.tr("F10 and F11 act on %1. Holds of the lot:").replace("%1", shown(item))
        )
        self.table.fill(
            [
                (
                    shown(h.item),
                    self.tr("✖ ON HOLD") if h.active else self.tr("released"),
                    h.reason + (f" ({h.ncr})" if h.ncr else ""),
                    f"{h.placed_by} {when(h.placed_at)}",
                    f"{h.released_by or ''} {when(h.released_at)} {h.release_reason or ''}".strip(),
                )
                for h in holds
            ]
        )


__all__ = ["HoldsTab", "InspectionTab", "NcrTab", "ReleaseTab", "key_button"]
