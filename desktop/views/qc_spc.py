"""The QC station's SPC tab: the open anomaly flags (a reading that broke a run rule against the
frozen control limits) with their disposition, and the numeric steps with the limits in force
and the signed freeze of new ones.

It only lays out and shows; the QC screen (qc.py) runs the use cases and owns the keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from desktop.services.spc import DEFAULT_SAMPLES, FlagView, NumericStep
from desktop.views.qc_review import when
from desktop.views.qc_tabs import key_button
from desktop.views.tables import Table
from desktop.views.widgets import label
from desktop.views.words import shown


def _figure(value: Decimal | None, places: int = 3) -> str:
    """A stored figure rounded to ``places`` decimals, trailing zeros dropped."""
    if value is None:
        return ""
    text = format(round(value, places), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class SpcTab(QWidget):
    """Open anomaly flags (top) and the control limits of each numeric step (bottom)."""

    def __init__(self) -> None:
        super().__init__()
        self.flags_caption = label(self.tr("Open anomaly flags"), 13, bold=True)
        self.flags_table = Table(
            [
                self.tr("Flag"),
                self.tr("Item"),
                self.tr("Lot"),
                self.tr("Step"),
                self.tr("Reading"),
                self.tr("Rule broken"),
                self.tr("Raised"),
            ]
        )
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason: what was found and what was done"))
        self.disposition_button = key_button(self.tr("Disposition flag"), "Shift+F6")
        self.steps_table = Table(
            [
                self.tr("Product"),
                self.tr("Step"),
                self.tr("Specification"),
                self.tr("Readings"),
                self.tr("Control limits in force"),
                self.tr("Frozen"),
            ]
        )
        self.samples = QSpinBox()
        self.samples.setRange(10, 500)
        self.samples.setValue(DEFAULT_SAMPLES)
        self.samples.setPrefix(self.tr("latest "))
        self.samples.setSuffix(self.tr(" readings"))
        self.freeze_button = key_button(self.tr("Freeze limits…"), "Shift+F9")
        self._arrange()
        self.flags: list[FlagView] = []
        self.steps: list[NumericStep] = []

    def _arrange(self) -> None:
        decide = QHBoxLayout()
        decide.addWidget(self.reason, 3)
        decide.addWidget(self.disposition_button, 1)
        freeze = QHBoxLayout()
        freeze.addWidget(label(self.tr("Compute from the"), 13))
        freeze.addWidget(self.samples)
        freeze.addStretch(1)
        freeze.addWidget(self.freeze_button, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.flags_caption)
        column.addWidget(self.flags_table, 3)
        column.addLayout(decide)
        column.addWidget(label(self.tr("Control limits of the numeric steps"), 13, bold=True))
        column.addWidget(self.steps_table, 2)
        column.addLayout(freeze)

    def show_flags(self, flags: Sequence[FlagView]) -> None:
        chosen = self.selected_flag()
        self.flags = list(flags)
        self.flags_caption.setText(
            self.tr("Open anomaly flags: %1 (a lot is not released while it has one)").replace(
                "%1", str(len(self.flags))
            )
        )
        self.flags_table.fill(
            [
                (
                    "✖ " + f.number,
                    shown(f.item),
                    shown(f.lot),
                    f.step,
                    f"{_figure(f.value)} {f.unit}",
                    shown(f.rule.words),
                    when(f.raised_at),
                )
                for f in self.flags
            ]
        )
        if chosen is not None:
            self.select_flag(chosen.number)
        elif self.flags:
            self.flags_table.selectRow(0)

    def select_flag(self, number: str) -> bool:
        for row, flag in enumerate(self.flags):
            if flag.number == number:
                self.flags_table.selectRow(row)
                return True
        return False

    def selected_flag(self) -> FlagView | None:
        rows = self.flags_table.selectionModel().selectedRows()
        found = rows[0].row() if rows else -1
        return self.flags[found] if 0 <= found < len(self.flags) else None

    def show_steps(self, steps: Sequence[NumericStep]) -> None:
        chosen = self.selected_step()
        self.steps = list(steps)
        rows = []
        for s in self.steps:
            b = s.baseline
            limits = (
                self.tr("%1 – %2, centre %3 (%4 readings)")
                .replace("%1", _figure(b.lower))
                .replace("%2", _figure(b.upper))
                .replace("%3", _figure(b.centre))
                .replace("%4", str(b.samples))
                if b
                else self.tr("none frozen")
            )
            frozen = ""
            if b is not None and b.signature is not None:
                frozen = f"{b.signature.printed_name} {when(b.signature.signed_at)}"
            rows.append((s.product, s.step, s.spec, str(s.readings), limits, frozen))
        self.steps_table.fill(rows)
        keys = [(s.product_key, s.position) for s in self.steps]
        wanted = (chosen.product_key, chosen.position) if chosen is not None else None
        if self.steps:
            self.steps_table.selectRow(keys.index(wanted) if wanted in keys else 0)

    def selected_step(self) -> NumericStep | None:
        rows = self.steps_table.selectionModel().selectedRows()
        found = rows[0].row() if rows else -1
        return self.steps[found] if 0 <= found < len(self.steps) else None


__all__ = ["SpcTab"]
