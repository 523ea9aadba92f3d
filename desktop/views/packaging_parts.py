"""Parts of the packaging station: the print queue, the label preview (the real rendered label),
the open case, and the reconciliation dialog. They only show; packaging.py runs the use cases."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.labelling import PrintStatus
from desktop.domain.states import Status
from desktop.services.labelling import LabelPreview, QueueLine
from desktop.services.packing import ContainerView
from desktop.views import theme
from desktop.views.tables import Table
from desktop.views.widgets import BigButton, hbox, label
from desktop.views.words import shown


class PrintQueue(Table):
    """Released items whose label is next; the label state in words."""

    def __init__(self) -> None:
        super().__init__([self.tr("Item"), self.tr("Product"), self.tr("Label")])
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (1, 2):  # product and label state share the room and wrap
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lines: list[QueueLine] = []

    def show_lines(self, lines: Sequence[QueueLine]) -> None:
        self.lines = list(lines)
        self.fill([(shown(q.item), q.product, self._state(q.label)) for q in self.lines])

    def _state(self, status: PrintStatus | None) -> str:
        """The label's state in words, with what to do next."""
        if status is None or status is PrintStatus.QUEUED:
            return self.tr("to print")
        words = shown(status.words)
        todo = {
            PrintStatus.PRINTED: self.tr("%1: scan it back"),
            PrintStatus.HELD: self.tr("▲ %1 by the printer"),
            PrintStatus.FAILED: self.tr("✖ %1: print again"),
            PrintStatus.VOIDED: self.tr("✖ %1: reprint"),
        }
        return todo[status].replace("%1", words) if status in todo else words

    def selected_line(self) -> QueueLine | None:
        rows = self.selectionModel().selectedRows()
        return self.lines[rows[0].row()] if rows and rows[0].row() < len(self.lines) else None


class LabelView(QLabel):
    """The rendered label (one pixel per printer dot), scaled to fit; never grows the window."""

    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(theme.mm(40), theme.mm(25))
        self.setStyleSheet(f"background: #FFFFFF; border: 1px solid {theme.BORDER};")
        self.setFont(theme.font(14))
        self.original = QPixmap()
        self.clear_label("")

    def clear_label(self, text: str) -> None:
        self.original = QPixmap()
        self.setPixmap(QPixmap())
        self.setText(text)

    def show_png(self, png: bytes) -> None:
        self.original = QPixmap()
        self.original.loadFromData(png, "PNG")
        self.setText("")
        self._fit()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.original.isNull():
            return
        room = self.contentsRect().size().shrunkBy(QMargins(6, 6, 6, 6))
        self.setPixmap(
            self.original.scaled(
                room,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


class PreviewBox(QWidget):
    """The label preview with what it encodes written under it."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = label(self.tr("Label preview"), 14, bold=True)
        self.view = LabelView()
        self.data = label("", 12)
        self.data.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copies = QSpinBox()
        self.copies.setRange(1, 1000)
        self.copies_label = label(self.tr("Labels for the lot (one per kit)"), 12)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.view, 1)
        column.addWidget(self.data)
        column.addLayout(hbox(self.copies_label, self.copies))
        self.set_copies(None)
        self.current: LabelPreview | None = None
        self.show_preview(None)

    def set_copies(self, kits: int | None) -> None:
        """A lot of kits prints all its labels at once; a unit prints one."""
        for widget in (self.copies, self.copies_label):
            widget.setVisible(kits is not None)
        self.copies.setValue(kits or 1)

    def show_preview(self, preview: LabelPreview | None, note: str = "") -> None:
        self.current = preview
        if preview is None:
            self.heading.setText(self.tr("Label preview"))
            self.view.clear_label(note or self.tr("Scan a unit or select it in the queue."))
            self.data.setText("")
            return
        self.heading.setText(
            self.tr("Label of %1 · template %2 v%3")
            .replace("%1", shown(preview.item))
            .replace("%2", preview.template)
            .replace("%3", str(preview.version))
        )
        self.view.show_png(preview.png)
        self.data.setText("  ".join(preview.hri))


class CaseBox(QWidget):
    """The open case: SSCC, how full it is, what is inside."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = label(self.tr("Open case"), 14, bold=True)
        self.sscc = label("", 14, bold=True)
        self.fill = label("", 18, bold=True)
        self.contents = QListWidget()
        self.contents.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.contents.setFont(theme.font(12))
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 100_000)
        self.quantity.setSpecialValueText(self.tr("fill the case"))
        self.quantity.setToolTip(self.tr("Kits of a lot to pack with one scan"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.sscc, self.fill):
            column.addWidget(widget)
        column.addWidget(self.contents, 1)
        column.addLayout(hbox(label(self.tr("Kits per scan"), 12), self.quantity))
        self.show_case(None)

    def show_case(self, case: ContainerView | None) -> None:
        if case is None:
            self.sscc.setText(self.tr("No open case"))
            self.fill.setText(self.tr("Scan a case label, or F7 for a new case"))
            self.fill.setFont(theme.font(14))
            self.contents.clear()
            return
        self.sscc.setText(self.tr("SSCC %1").replace("%1", case.sscc))
        self.fill.setFont(theme.font(18, bold=True))
        count = format(case.count.normalize(), "f")
        of = self.tr("%1 of %2").replace("%1", count).replace("%2", str(case.capacity or "?"))
        words = shown(case.status.words)
        state = words if case.status is Status.OPEN else self.tr("■ %1").replace("%1", words)
        self.fill.setText(f"{of} · {state}")
        self.contents.clear()
        for line in case.contents:
            quantity = format(line.quantity.normalize(), "f")
            item = shown(line.item)
            self.contents.addItem(item if quantity == "1" else f"{item} × {quantity}")


class ReconcileDialog(QDialog):
    """Counts of the lot's labels: applied, destroyed, returned (Enter reconciles, Esc cancels)."""

    def __init__(self, lot: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reconcile labels"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.applied, self.destroyed_count, self.returned = QSpinBox(), QSpinBox(), QSpinBox()
        form = QFormLayout()
        for text, box in (
            (self.tr("Labels applied"), self.applied),
            (self.tr("Labels destroyed"), self.destroyed_count),
            (self.tr("Labels returned unused"), self.returned),
        ):
            box.setRange(0, 100_000)
            box.setFont(theme.font(18))
            form.addRow(label(text, 14), box)
        ok = BigButton(self.tr("Reconcile") + "  [Enter]")
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        cancel = BigButton(self.tr("Cancel") + "  [Esc]")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(
            label(self.tr("Label reconciliation of %1").replace("%1", lot), 18, bold=True)
        )
        column.addWidget(label(self.tr("Count the labels of this lot on the line."), 13))
        column.addLayout(form)
        column.addLayout(hbox(ok, cancel))
        self.applied.setFocus()

    def counts(self) -> tuple[int, int, int]:
        return self.applied.value(), self.destroyed_count.value(), self.returned.value()


__all__ = ["CaseBox", "LabelView", "PreviewBox", "PrintQueue", "ReconcileDialog"]
