"""The plant dashboard for supervisors and QC: every panel of the dashboard service on one page,
figures first and readable from 2 m, each bar, row or tile opening the records behind it.

The panels are read on the runner's worker thread (``insight.dashboard``), every 30 s while the
screen is shown and on F5; the window never waits on the database, and a reading still running
is not started again (a request meanwhile runs once it is done). A failure is shown in words
above the panels, which keep the figures last read. Keyboard: F5 refresh; F6, F7, F8 count over
the last 8 hours, 24 hours or 7 days; Tab moves from panel to panel, the arrow keys from bar to
bar or row to row, Enter opens the records; F2 puts the cursor in the records.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.insight import Panel
from desktop.domain.plant import StationKind
from desktop.services import insight
from desktop.services.core.availability import DatabaseUnavailable, not_answering
from desktop.services.core.errors import Refusal
from desktop.services.insight import Figure, PanelView, Records
from desktop.views import theme
from desktop.views.dashboard_chart import ALERT_MARK
from desktop.views.dashboard_parts import PanelBox, RecordsPanel
from desktop.views.kit import StationKit
from desktop.views.screen import Screen
from desktop.views.tasks import Runner
from desktop.views.widgets import BigButton, label
from desktop.views.words import shown

log = logging.getLogger(__name__)

#: How often the panels are read again while the dashboard is shown.
REFRESH_MS = 30_000
#: The windows offered (hours) and their keys; the default is the service's.
WINDOWS = ((8, "F6"), (24, "F7"), (24 * 7, "F8"))
#: Where each panel sits: (panel, row, column, rows spanned, columns spanned). Four columns:
#: the charts on top, the first-pass yield (a bar per step and per lot) large on the right; the
#: records behind the chosen figure in the last two cells.
GRID = (
    (Panel.WIP, 0, 0, 1, 1),
    (Panel.OUTPUT, 0, 1, 1, 1),
    (Panel.YIELD, 0, 2, 2, 2),
    (Panel.RELEASE, 1, 0, 1, 1),
    (Panel.NCRS, 1, 1, 1, 1),
    (Panel.HOLDS, 2, 0, 1, 1),
    (Panel.SCRAP_REWORK, 2, 1, 1, 1),
    (Panel.LABELS, 2, 2, 1, 1),
    (Panel.DEVICES, 2, 3, 1, 1),
    (Panel.COVERAGE, 3, 0, 1, 1),
    (Panel.RECALLS, 3, 1, 1, 1),
)
RECORDS_AT = (3, 2, 1, 2)
COLUMNS = 4
#: The rows' shares of the height: the charts' row the largest.
ROW_SHARES = (5, 3, 4, 4)
#: The panels' least height (mm) on a wide window (from WIDE pixels) and on a narrower one.
TALL_MM, TALL_NARROW_MM, WIDE = 205, 280, 1600


@dataclass(frozen=True)
class Failed:
    """A reading that failed for a reason that is neither a refusal nor the database away
    (logged with its traceback; the person reads one line)."""

    what: str


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` returning :class:`Failed` instead of raising an unexpected error, so that the
    screen always hears back (and its reading is never left running)."""

    @functools.wraps(fn)
    def run(*args: Any, **kw: Any) -> Any:
        try:
            return fn(*args, **kw)
        except (Refusal, DatabaseUnavailable):
            raise
        except Exception as exc:
            if not_answering(exc):
                raise
            log.exception("dashboard reading %s failed", getattr(fn, "__name__", fn))
            return Failed(f"{type(exc).__name__}: {exc}")

    return run


class DashboardScreen(Screen):
    key = StationKind.DASHBOARD

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.reading = False  # a dashboard reading is running on the worker
        self.again = False  # asked for while one was running: read once more after it
        self.read_at: datetime | None = None
        self.records_asked = 0  # a later click wins: an older answer is not shown
        self.boxes: dict[Panel, PanelBox] = {}
        self._build()
        self._keys()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def title(self) -> str:
        return self.tr("Dashboard")

    # ---- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.window_box = QComboBox()
        for hours, key in WINDOWS:
            self.window_box.addItem(f"{self._window_words(hours)}  [{key}]", hours)
        self.window_box.setCurrentIndex(1)
        self.window_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.window_box.setFont(theme.font(15))
        self.refresh_button = BigButton(self.tr("Refresh"), "F5")
        self.refresh_button.setMaximumWidth(theme.mm(60))
        self.refresh_button.clicked.connect(self.refresh)
        self.state = label("", 14)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        caption = label(self.tr("Counted over the last"), 14, wrap=False)
        top.addWidget(caption)
        top.addWidget(self.window_box)
        top.addWidget(self.state, 1)
        top.addWidget(self.refresh_button)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(theme.mm(2))
        for panel, row, column, rows, columns in GRID:
            grid.addWidget(self._box(panel), row, column, rows, columns)
        self.records = RecordsPanel()
        grid.addWidget(self.records, *RECORDS_AT)
        for at in range(COLUMNS):
            grid.setColumnStretch(at, 1)
        for row, share in enumerate(ROW_SHARES):
            grid.setRowStretch(row, share)
        self.page = QScrollArea()
        self.page.setWidgetResizable(True)
        self.page.setFrameShape(QScrollArea.Shape.NoFrame)
        self.page.setWidget(grid_holder)
        self.grid_holder = grid_holder
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(top)
        page.addWidget(self.page, 1)

    def resizeEvent(self, event: Any) -> None:
        """Below its minimum height the page scrolls: on a narrow window the panels wrap their
        words onto more lines, so they need more height to stay readable."""
        super().resizeEvent(event)
        wide = self.width() >= WIDE
        self.grid_holder.setMinimumHeight(theme.mm(TALL_MM if wide else TALL_NARROW_MM))

    def _box(self, panel: Panel) -> PanelBox:
        box = PanelBox(panel)
        box.chosen.connect(self.open_figure)
        self.boxes[panel] = box
        return box

    def _keys(self) -> None:
        actions: dict[str, Callable[[], None]] = {
            "F5": self.refresh,
            "F2": self.records.table.setFocus,
        }
        for index, (_hours, key) in enumerate(WINDOWS):
            actions[key] = functools.partial(self.window_box.setCurrentIndex, index)
        for key, slot in actions.items():
            QShortcut(QKeySequence(key), self, slot)

    def _window_words(self, hours: int) -> str:
        if hours % 24 == 0 and hours > 24:
            return self.tr("%1 days").replace("%1", str(hours // 24))
        return self.tr("%1 h").replace("%1", str(hours))

    @property
    def hours(self) -> int:
        data = self.window_box.currentData()
        return int(data) if data is not None else insight.DEFAULT_WINDOW_HOURS

    # ---- reading the panels -------------------------------------------------------------
    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read every panel on the worker; never two readings at once."""
        if self.ctx is None:
            return
        if self.reading:
            self.again = True
            return
        self.reading, self.again = True, False
        self._say(self.tr("Reading the figures…"), alert=False)
        work = guarded(functools.partial(insight.dashboard, hours=self.hours))
        self.runner.run(work, self.ctx, done=self._read, refused=self._not_read)

    def _read(self, answer: tuple[PanelView, ...] | Failed) -> None:
        if isinstance(answer, Failed):
            self._failed(answer.what)
        else:
            for view in answer:
                box = self.boxes.get(view.panel)
                if box is not None:
                    box.show_view(view)
            self.read_at = datetime.now()
            self._say(
                self.tr("Figures of %1, over the last %2; read again every 30 s and on F5")
                .replace("%1", self.read_at.strftime("%H:%M:%S"))
                .replace("%2", self._window_words(self.hours)),
                alert=False,
            )
        self._done()

    def _not_read(self, refusal: Refusal) -> None:
        self._failed(shown(refusal.message))
        self._done()

    def _done(self) -> None:
        self.reading = False
        if self.again:
            self.refresh()

    def _failed(self, reason: str) -> None:
        if self.read_at is None:
            words = self.tr("The figures could not be read: %1").replace("%1", reason)
        else:
            words = (
                self.tr("The figures could not be read again: %1. Those shown are of %2.")
                .replace("%1", reason.rstrip("."))
                .replace("%2", self.read_at.strftime("%H:%M:%S"))
            )
        self._say(ALERT_MARK + words, alert=True)

    def _say(self, words: str, *, alert: bool) -> None:
        self.state.setText(words)
        colour = theme.ABNORMAL if alert else theme.MUTED
        self.state.setStyleSheet(f"color: {colour}; font-weight: {'bold' if alert else 'normal'};")

    # ---- the records behind a figure ------------------------------------------------------
    def open_figure(self, figure: Figure) -> None:
        """Read the records behind ``figure`` on the worker and list them below the panels."""
        if self.ctx is None:
            return
        self.records_asked += 1
        asked = self.records_asked
        self.records.waiting(
            self.tr("Reading the records behind %1…").replace("%1", shown(figure.label))
        )
        self.page.ensureWidgetVisible(self.records)
        work = guarded(functools.partial(insight.figure_records, hours=self.hours))

        def done(answer: Records | Failed) -> None:
            if asked != self.records_asked:
                return
            if isinstance(answer, Failed):
                self._records_failed(figure, answer.what)
            else:
                self.records.show_records(figure, answer)

        def refused(refusal: Refusal) -> None:
            if asked == self.records_asked:
                self._records_failed(figure, shown(refusal.message))

        self.runner.run(work, self.ctx, figure.key, done=done, refused=refused)

    def _records_failed(self, figure: Figure, reason: str) -> None:
        self.records.waiting(
            self.tr("The records behind %1 could not be read: %2")
            .replace("%1", shown(figure.label))
            .replace("%2", reason),
            alert=True,
        )

    def box(self, panel: Panel) -> PanelBox:
        return self.boxes[panel]


__all__ = ["REFRESH_MS", "DashboardScreen", "Failed", "guarded"]
