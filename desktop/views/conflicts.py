"""The supervisor's conflicts after an outage: the steps stations captured offline that the shared
database refused when they were sent, each with who took it, when, what was scanned and why it
was refused; the supervisor decides one (redo, void, or recorded) with a reason. Scanning a
unit's serial shows only that unit's conflicts (docs/offline.md)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.devices import ScanEvent
from desktop.domain.offline import ConflictDecision, ConflictStatus
from desktop.services import offline
from desktop.services.core.errors import Refusal
from desktop.views import theme
from desktop.views.kit import StationKit
from desktop.views.screen import Screen
from desktop.views.tables import Table
from desktop.views.tasks import Runner
from desktop.views.widgets import BigButton, ResultPanel, label
from desktop.views.words import shown

#: The key of this screen in the window's navigation (not a station kind: it opens beside the
#: supervisor's own station screens).
CONFLICTS = "conflicts"
#: The decisions in the order they are offered.
DECISIONS = (ConflictDecision.REDO, ConflictDecision.VOID, ConflictDecision.RECORDED)
WHY = 6  # the table's column "Why refused"


class ConflictsScreen(Screen):
    key = CONFLICTS

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.rows: list[offline.ConflictView] = []
        self.shown_rows: list[offline.ConflictView] = []
        self.unit_filter = ""
        self.heading = label(self.tr("Conflicts after an outage"), 18, bold=True)
        self.filter_line = label("", 14)
        self.filter_line.setObjectName("muted")
        self.show_all = QCheckBox(self.tr("Show decided ones too"))
        self.show_all.toggled.connect(lambda _on: self.refresh())
        self.table = Table(
            [
                self.tr("No."),
                self.tr("Station"),
                self.tr("Captured at"),
                self.tr("Who"),
                self.tr("Step"),
                self.tr("Scans"),
                self.tr("Why refused"),
                self.tr("Decision"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)  # wrapped, never cut
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.result = ResultPanel()
        grid = QGridLayout(self)
        grid.addWidget(self.heading, 0, 0)
        grid.addWidget(self.filter_line, 0, 1)
        grid.addWidget(self.show_all, 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.table, 1, 0, 1, 3)
        grid.addWidget(self._decision(), 2, 0, 1, 3)
        grid.addWidget(self.result, 3, 0, 1, 3)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(1, 1)
        self._show_filter()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Conflicts")

    def _decision(self) -> QWidget:
        """Under the list: the selected conflict in words, the decision, the reason."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        about = QVBoxLayout()
        about.addWidget(label(self.tr("Decision"), 16, bold=True))
        self.selected_line = label("", 14)
        about.addWidget(self.selected_line)
        about.addStretch(1)
        choices = QVBoxLayout()
        self.choices = QButtonGroup(box)
        words = {
            ConflictDecision.REDO: self.tr("Redo: do the step again at the station"),
            ConflictDecision.VOID: self.tr("Void: it did not happen as captured"),
            ConflictDecision.RECORDED: self.tr("Recorded: it is in the record now"),
        }
        self.choice_buttons: dict[ConflictDecision, QRadioButton] = {}
        for decision in DECISIONS:
            button = QRadioButton(words[decision])
            button.setFont(theme.font(14))
            button.setMinimumHeight(theme.mm(9))
            self.choices.addButton(button)
            self.choice_buttons[decision] = button
            choices.addWidget(button)
        self.choice_buttons[ConflictDecision.REDO].setChecked(True)
        reason = QVBoxLayout()
        reason.addWidget(label(self.tr("Reason (required)"), 14, bold=True))
        self.reason = QLineEdit()
        self.reason.setFont(theme.font(16))
        self.reason.setPlaceholderText(self.tr("Why this decision"))
        self.reason.textChanged.connect(lambda _text: self._update_buttons())
        self.reason.returnPressed.connect(self._decide)
        reason.addWidget(self.reason)
        self.decide_button = BigButton(self.tr("Decide"), "Ctrl+Return")
        self.decide_button.clicked.connect(self._decide)
        reason.addWidget(self.decide_button)
        row.addLayout(about, 3)
        row.addLayout(choices, 2)
        row.addLayout(reason, 2)
        return box

    # ---- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx is None:
            return
        status = None if self.show_all.isChecked() else ConflictStatus.OPEN
        self.runner.run(offline.conflicts, self.ctx, status, done=self._loaded)

    def _loaded(self, rows: list[offline.ConflictView]) -> None:
        chosen = self.selected()
        self.rows = rows
        self._fill(chosen.id if chosen else None)

    def _fill(self, keep: int | None = None) -> None:
        wanted = self.unit_filter
        self.shown_rows = [
            r for r in self.rows if not wanted or _same_unit(wanted, r.scans.get("unit_scan"))
        ]
        self.table.blockSignals(True)
        self.table.fill([_row(r) for r in self.shown_rows])
        self.table.clearSelection()
        for index, row in enumerate(self.shown_rows):
            if row.id == keep or (keep is None and len(self.shown_rows) == 1):
                self.table.selectRow(index)
        self.table.blockSignals(False)
        self._show_filter()
        self._selection_changed()

    def _show_filter(self) -> None:
        count = len(self.shown_rows)
        if self.unit_filter:
            text = self.tr("Unit %1 — conflicts: %2. Scan another unit, or press Esc for all.")
            self.filter_line.setText(text.replace("%1", self.unit_filter).replace("%2", str(count)))
        else:
            text = self.tr("Conflicts: %1. Scan a unit's serial to see only its conflicts.")
            self.filter_line.setText(text.replace("%1", str(count)))

    def selected(self) -> offline.ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.shown_rows):
            return None
        return self.shown_rows[rows[0].row()]

    def _selection_changed(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.selected_line.setText(self.tr("Pick a conflict in the list."))
        else:
            self.selected_line.setText(
                f"{chosen.id} · {chosen.station} · {shown(chosen.step.words)}\n{chosen.scanned}"
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        open_one = chosen is not None and chosen.status is ConflictStatus.OPEN
        self.decide_button.setEnabled(open_one and bool(self.reason.text().strip()))

    # ---- input --------------------------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        """A unit's serial: only its conflicts are listed."""
        self.unit_filter = scan.text.strip()
        self._fill()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.unit_filter:
            self.unit_filter = ""
            self._fill()
            return
        super().keyPressEvent(event)

    def _decide(self) -> None:
        chosen = self.selected()
        if chosen is None or self.ctx is None:
            return
        decision = next(d for d, b in self.choice_buttons.items() if b.isChecked())
        reason = self.reason.text()
        self.runner.run(
            offline.resolve_conflict,
            self.ctx,
            chosen.id,
            decision,
            reason,
            done=self._decided,
            refused=self._refused,
        )

    def _decided(self, view: offline.ConflictView) -> None:
        decision = shown(view.decision.words) if view.decision else ""
        self.result.show_good(
            self.tr("Conflict %1 decided: %2").replace("%1", str(view.id)).replace("%2", decision),
            view.reason or "",
        )
        self.reason.clear()
        self.refresh()

    def _refused(self, refusal: Refusal) -> None:
        self.result.show_refused(
            self.tr("Refused"), shown(refusal.message), self.tr("Nothing was changed.")
        )


def _same_unit(wanted: str, unit_scan: object) -> bool:
    """The conflict's unit scan is the scanned unit (its serial within the label's data)."""
    got = str(unit_scan or "")
    return bool(got) and (wanted in got or got in wanted)


def _row(r: offline.ConflictView) -> tuple[object, ...]:
    decision = shown(r.decision.words) if r.decision else shown(r.status.words)
    return (
        r.id,
        r.station,
        r.captured_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        r.username,
        shown(r.step.words),
        r.scanned,
        shown(r.refusal),
        decision,
    )


__all__ = ["CONFLICTS", "ConflictsScreen"]
