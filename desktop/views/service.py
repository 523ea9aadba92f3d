"""The service station: after-sale records of a serialised unit. Scan the unit's serial (or
UDI): its state, its parts and its history show; record an installation (at a customer site),
a service visit, a return (RMA) with its reason, or a disposal (F8); repair it by replacing a
part (F6 arms the repair: the next scan is the part taken out, the one after it the part
fitted; F9 records it with the reason). F5 refreshes; Enter or Esc acknowledges a refusal.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
)

from desktop.devices import ScanEvent
from desktop.domain.distribution import ServiceKind
from desktop.domain.plant import StationKind
from desktop.services import distribution, trace
from desktop.services.distribution import ServiceView, SiteChoice
from desktop.services.trace import TraceView
from desktop.views.acting_screen import ActingScreen
from desktop.views.kit import StationKit
from desktop.views.qc_tabs import key_button
from desktop.views.tables import Table
from desktop.views.tasks import Runner
from desktop.views.widgets import ResultPanel, label
from desktop.views.words import shown

#: The after-sale records made with F8 (a repair that replaces a part is F9).
RECORDED = (ServiceKind.INSTALLATION, ServiceKind.SERVICE, ServiceKind.RETURN, ServiceKind.DISPOSAL)


class ServiceScreen(ActingScreen):
    key = StationKind.SERVICE

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.unit: TraceView | None = None
        self.repairing = ""  # "", "old" or "new": what the next scan fills
        self._build()
        self._keys()
        self.show_prompt()

    def title(self) -> str:
        return self.tr("Service")

    # ---- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.next_caption = label(self.tr("NEXT"), 13, bold=True, wrap=False)
        self.next_caption.setObjectName("muted")
        self.prompt = label("", 22, bold=True)
        self.heading = label(self.tr("No unit scanned"), 17, bold=True)
        self.history = Table([self.tr("When"), self.tr("What"), self.tr("By"), self.tr("Details")])
        self.parts = Table([self.tr("Part"), self.tr("State")])
        self.kind = QComboBox()
        for kind in RECORDED:
            self.kind.addItem(shown(kind.words), kind)
        self.site = QComboBox()
        self.site.addItem(self.tr("(no site)"), None)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("what was done; for a return: the RMA and why"))
        self.record_button = key_button(self.tr("Record"), "F8")
        record = QGroupBox(self.tr("Installation, service, return, disposal"))
        grid = QGridLayout(record)
        grid.addWidget(self.kind, 0, 0)
        grid.addWidget(self.site, 0, 1)
        grid.addWidget(self.notes, 1, 0, 1, 2)
        grid.addWidget(self.record_button, 0, 2, 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.old_part, self.new_part, self.reason = QLineEdit(), QLineEdit(), QLineEdit()
        self.old_part.setPlaceholderText(self.tr("part taken out (scan)"))
        self.new_part.setPlaceholderText(self.tr("part fitted (scan)"))
        self.reason.setPlaceholderText(self.tr("what was wrong"))
        self.arm_button = key_button(self.tr("Replace a part"), "F6")
        self.repair_button = key_button(self.tr("Record repair"), "F9")
        repair = QGroupBox(self.tr("Repair: replace a part"))
        rgrid = QGridLayout(repair)
        rgrid.addWidget(self.old_part, 0, 0)
        rgrid.addWidget(self.new_part, 0, 1)
        rgrid.addWidget(self.reason, 1, 0, 1, 2)
        rgrid.addWidget(self.arm_button, 0, 2)
        rgrid.addWidget(self.repair_button, 1, 2)
        rgrid.setColumnStretch(0, 2)
        rgrid.setColumnStretch(1, 3)
        rgrid.setColumnStretch(2, 2)
        self.result = ResultPanel()
        top = QHBoxLayout()
        top.addWidget(self.next_caption)
        top.addWidget(self.prompt, 1)
        tables = QHBoxLayout()
        tables.addWidget(self.history, 3)
        tables.addWidget(self.parts, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.heading)
        column.addLayout(tables, 1)
        column.addWidget(record)
        column.addWidget(repair)
        column.addWidget(self.result)
        self.record_button.clicked.connect(self.record)
        self.arm_button.clicked.connect(self.arm_repair)
        self.repair_button.clicked.connect(self.repair)

    def _keys(self) -> None:
        actions: dict[str, Callable[[], None]] = {
            "F5": self.refresh,
            "F6": self.arm_repair,
            "F8": self.record,
            "F9": self.repair,
        }
        for key, slot in actions.items():
            QShortcut(QKeySequence(key), self, slot)

    def show_prompt(self) -> None:
        if self.unit is None:
            text = self.tr("Scan the unit's serial")
        elif self.repairing == "old":
            text = self.tr("Scan the part taken out")
        elif self.repairing == "new":
            text = self.tr("Scan the part fitted")
        else:
            text = self.tr("Record what was done (F8), or replace a part (F6)")
        self.prompt.setText(text)

    def refresh(self) -> None:
        self.call(distribution.customer_sites, done=self._sites)
        if self.unit is not None:
            self._load(self.unit.scan)

    def _sites(self, sites: list[SiteChoice]) -> None:
        self.site.clear()
        self.site.addItem(self.tr("(no site)"), None)
        for s in sites:
            self.site.addItem(f"{s.customer_code} · {s.site}", s.gln or s.site)

    # ---- scans ----------------------------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        self.result.acknowledge()
        text = scan.symbol_text
        if self.repairing == "old":
            self.old_part.setText(text)
            self.repairing = "new"
            self.show_prompt()
        elif self.repairing == "new":
            self.new_part.setText(text)
            self.repairing = ""
            self.prompt.setText(self.tr("Say what was wrong, then record the repair (F9)"))
            self.reason.setFocus()
        else:
            self._load(text)

    def _load(self, scan: str) -> None:
        self.call(trace.trace_item, scan, done=self._show, title=self.tr("Not a unit"))

    def _show(self, view: TraceView) -> None:
        self.unit = view
        self.heading.setText(
            self.tr("%1 · %2 · %3")
            .replace("%1", view.identity)
            .replace("%2", view.product)
            .replace("%3", shown(view.status.words))
        )
        self.history.fill(
            [
                (
                    line.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    shown(line.kind.words),
                    line.user,
                    line.summary,
                )
                for line in view.timeline
            ]
        )
        self.parts.fill(
            [(line.identity, shown(line.status.words)) for line in view.backward if line.depth == 1]
        )
        self.show_prompt()

    # ---- actions --------------------------------------------------------------------------
    def _need_unit(self) -> bool:
        if self.unit is None:
            self.refuse(
                self.tr("No unit"),
                self.tr("No unit has been scanned."),
                self.tr("Scan the unit's serial first."),
            )
        return self.unit is not None

    def record(self) -> None:
        if not self._need_unit():
            return
        assert self.unit is not None
        self.call(
            distribution.record_service_event,
            self.unit.scan,
            self.kind.currentData(),
            self.site.currentData(),
            self.notes.text(),
            done=self._recorded,
            event_id=uuid.uuid4(),
        )

    def _recorded(self, view: ServiceView) -> None:
        self.notes.clear()
        self.result.show_good(
            self.tr("%1 recorded: %2")
            .replace("%1", shown(view.kind.words))
            .replace("%2", view.unit),
            self.tr("The unit is %1").replace("%1", shown(view.status.words)),
        )
        self.refresh()

    def arm_repair(self) -> None:
        if not self._need_unit():
            return
        self.old_part.clear()
        self.new_part.clear()
        self.repairing = "old"
        self.show_prompt()

    def repair(self) -> None:
        if not self._need_unit():
            return
        assert self.unit is not None
        self.repairing = ""
        self.call(
            distribution.replace_part,
            self.unit.scan,
            self.old_part.text().strip(),
            self.new_part.text().strip(),
            self.reason.text(),
            done=self._repaired,
            title=self.tr("Repair refused"),
            event_id=uuid.uuid4(),
        )

    def _repaired(self, view: ServiceView) -> None:
        for field in (self.old_part, self.new_part, self.reason):
            field.clear()
        self.result.show_good(self.tr("Repair recorded: %1").replace("%1", view.unit), view.notes)
        self.refresh()
