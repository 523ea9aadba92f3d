"""The trace station: scan or type any identifier -> the item's timeline and its genealogy
backward and forward, with shipments, customers and installed sites; export what is shown."""

from __future__ import annotations

import csv
import json
from dataclasses import fields, is_dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
)

from desktop.devices import ScanEvent
from desktop.domain.plant import StationKind
from desktop.domain.states import ItemKind
from desktop.services.core.errors import Refusal
from desktop.services.trace import GenealogyLine, TraceView, trace_item
from desktop.views import theme
from desktop.views.kit import StationKit
from desktop.views.screen import Screen
from desktop.views.tables import Table
from desktop.views.tasks import Runner
from desktop.views.widgets import BigButton, ResultPanel, label
from desktop.views.words import shown


def export_folder() -> Path:
    return Path(platformdirs.user_documents_dir()) / "Lotline" / "exports"


class TraceScreen(Screen):
    key = StationKind.TRACE

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.view: TraceView | None = None
        self.query = QLineEdit()
        self.query.setFont(theme.font(18))
        self.query.setPlaceholderText(
            self.tr("Scan or type a UDI, serial, lot, SSCC or supplier lot, then Enter")
        )
        self.query.returnPressed.connect(lambda: self.trace(self.query.text()))
        self.heading = label("", 17, bold=True)
        self.result = ResultPanel()
        self.result.setMinimumHeight(theme.mm(20))
        self.timeline = Table(
            [
                self.tr("When"),
                self.tr("Event"),
                self.tr("Result"),
                self.tr("Station"),
                self.tr("Who"),
                self.tr("What"),
            ]
        )
        self.backward = self._tree()
        self.forward = self._tree()
        self.reached = Table(
            [
                self.tr("Shipment or record"),
                self.tr("Kind"),
                self.tr("Customer"),
                self.tr("Site"),
                self.tr("When"),
            ]
        )
        self.export_button = BigButton(self.tr("Export what is shown"), "Ctrl+E")
        self.export_button.clicked.connect(self.export)
        tabs = QTabWidget()
        tabs.addTab(self.backward, self.tr("Backward: what went into it"))
        tabs.addTab(self.forward, self.tr("Forward: where it went"))
        tabs.addTab(self.reached, self.tr("Shipments, customers, sites"))
        tabs.addTab(self.timeline, self.tr("Timeline"))
        grid = QGridLayout(self)
        grid.addWidget(self.query, 0, 0)
        grid.addWidget(self.export_button, 0, 1)
        grid.addWidget(self.heading, 1, 0, 1, 2)
        grid.addWidget(tabs, 2, 0, 1, 2)
        grid.addWidget(self.result, 3, 0, 1, 2)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 1)

    def title(self) -> str:
        return self.tr("Trace")

    def _tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(
            [self.tr("Item"), self.tr("Kind"), self.tr("Status"), self.tr("Quantity")]
        )
        tree.setFont(theme.font(13))
        tree.setColumnWidth(0, theme.mm(80))
        for column in (1, 2):  # kind and status: whole words, never elided
            tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def activate(self, ctx, login) -> None:  # type: ignore[no-untyped-def]
        super().activate(ctx, login)
        self.query.setFocus()

    def on_scan(self, scan: ScanEvent) -> None:
        self.trace(scan.symbol_text)

    def trace(self, text: str) -> None:
        """Trace what was scanned or typed (``<GS>`` typed stands for the GS separator)."""
        if self.ctx is None or not text.strip():
            return
        scan = text.replace("<GS>", "\x1d")
        self.query.setText(scan.replace("\x1d", "<GS>"))
        self.result.show_idle(self.tr("Tracing…"))
        self.runner.run(trace_item, self.ctx, scan, done=self.show_view, refused=self._refused)

    def _refused(self, refusal: Refusal) -> None:
        self.result.show_refused(
            self.tr("Not found"),
            refusal.message,
            self.tr("Scan the UDI label, or type a serial, lot or SSCC."),
        )

    def show_view(self, view: TraceView) -> None:
        self.view = view
        product = f" · {view.product}" if view.product else ""
        status = shown(view.status.words)
        self.heading.setText(f"{shown(view.identity)}{product} · {status}")
        self._fill_tree(self.backward, view.backward)
        self._fill_tree(self.forward, view.forward)
        self.reached.fill(
            [
                (shown(r.reference), shown(r.what), r.customer, r.site, _when(r.at))
                for r in view.reached
            ]
        )
        self.timeline.fill(
            [
                (
                    _when(t.at),
                    shown(t.kind.words),
                    shown(t.outcome.words),
                    t.station,
                    t.user,
                    shown(t.summary),
                )
                for t in view.timeline
            ]
        )
        units = sum(1 for g in view.forward if g.kind is ItemKind.UNIT and g.depth > 0)
        customers = len({r.customer for r in view.reached if r.customer})
        text = self.tr("%1 units downstream, %2 customers reached.")
        text = text.replace("%1", str(units)).replace("%2", str(customers))
        if view.truncated:
            text += " " + self.tr("Only the first 500 items of each direction are shown.")
        self.result.show_good(view.identity, text)

    def _fill_tree(self, tree: QTreeWidget, lines: tuple[GenealogyLine, ...]) -> None:
        tree.clear()
        nodes: dict[int, QTreeWidgetItem] = {}
        for line in lines:
            parent = nodes.get(line.parent_id or -1)
            status = shown(line.status.words)
            cols = [shown(line.identity), shown(line.kind.words), status, line.quantity]
            node = QTreeWidgetItem(cols) if parent is None else QTreeWidgetItem(parent, cols)
            if not line.current:
                removed = self.tr("removed")
                node.setText(2, f"{status} ({removed})")
            if parent is None:
                tree.addTopLevelItem(node)
            nodes[line.item_id] = node
        tree.expandToDepth(2)

    def export(self) -> None:
        if self.view is None:
            return
        folder = export_folder()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        base = folder / f"trace-item{self.view.item_id}-{stamp}"
        base.with_suffix(".json").write_text(
            json.dumps(_plain(self.view), default=str, indent=2), encoding="utf-8"
        )
        with base.with_suffix(".csv").open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(["direction", "depth", "identity", "kind", "status", "quantity"])
            for direction, lines in (
                ("backward", self.view.backward),
                ("forward", self.view.forward),
            ):
                for g in lines:
                    out.writerow([direction, g.depth, g.identity, g.kind, g.status, g.quantity])
        self.result.show_good(self.tr("Exported"), str(base.with_suffix(".csv")))


def _plain(value: Any) -> Any:
    """A view as JSON-ready data, the service texts in English (dataclasses.asdict would deep-copy
    them)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


def _when(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M") if at else ""
