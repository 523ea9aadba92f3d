"""Planning station (supervisor, planner): the open work orders with their progress per route
step are the home; a short form creates one from a product's released route; releasing,
commissioning serials, printing their labels and closing are deliberate actions whose buttons
say what they will do. Scanning a work order's number (its traveller) selects it."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QLayout,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.devices import ScanEvent
from desktop.domain.labelling import LabelPurpose
from desktop.domain.plant import StationKind, Tracking
from desktop.domain.states import WorkOrderStatus
from desktop.services import labelling, production
from desktop.services.core.errors import Refusal
from desktop.views import theme
from desktop.views.kit import StationKit
from desktop.views.screen import Screen
from desktop.views.tables import Table
from desktop.views.tasks import Runner
from desktop.views.widgets import BigButton, ResultPanel, hbox, label
from desktop.views.words import shown

MAX_SERIALS = 10_000


class PlanningScreen(Screen):
    key = StationKind.PLANNING.value

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.orders: list[production.PlannedOrder] = []
        self.selected: production.PlannedOrder | None = None
        self.result = ResultPanel()
        self.heading = label(self.tr("Open work orders"), 18, bold=True)
        self.table = Table(
            [
                self.tr("Work order"),
                self.tr("Product"),
                self.tr("Due"),
                self.tr("Status"),
                self.tr("Lot"),
                self.tr("Built"),
                self.tr("Open"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.counts = label("", 16, bold=True)  # the selected order's reconciliation
        self.steps = Table([self.tr("Step"), self.tr("Passed"), self.tr("Progress")])
        self.side = QTabWidget()
        self.side.addTab(self._actions(), self.tr("Selected work order"))
        self.side.addTab(self._new_order(), self.tr("New work order"))
        grid = QGridLayout()
        grid.addWidget(self.heading, 0, 0)
        grid.addWidget(self.table, 1, 0)
        grid.addWidget(self.counts, 2, 0)
        grid.addWidget(self.steps, 3, 0)
        grid.addWidget(self.side, 0, 1, 4, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(3, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.result)
        self.result.show_idle(self.tr("Scan a work order's traveller, or select one in the list"))
        self.counts.setText(self.tr("Progress per step"))
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Planning")

    # ---- layout ----------------------------------------------------------------------------
    def _new_order(self) -> QWidget:
        self.product = QComboBox()
        self.product.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.product.setMinimumContentsLength(10)  # long names elide, the form never scrolls
        self.product.currentIndexChanged.connect(self._update_buttons)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("e.g. WO-2026-0142"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, MAX_SERIALS)
        self.quantity.setValue(10)
        self.due = QDateEdit(QDate.currentDate().addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.lot = QLineEdit()
        self.lot.setPlaceholderText(self.tr("generated at release"))
        form = QFormLayout()
        for text, w in (
            (self.tr("Product"), self.product),
            (self.tr("Work order"), self.number),
            (self.tr("Quantity"), self.quantity),
            (self.tr("Due date"), self.due),
            (self.tr("Lot"), self.lot),
        ):
            w.setMinimumHeight(theme.mm(10))
            form.addRow(label(text), w)
        for field in (self.number, self.lot, self.quantity, self.due):
            field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a scan never types into them
        self.create_button = BigButton(self.tr("Create work order"))
        self.create_button.clicked.connect(self._create)
        return self._scrolling(form, self.create_button)

    def _actions(self) -> QWidget:
        self.selected_label = label("", 16, bold=True)
        self.release_button = BigButton("")
        self.release_button.clicked.connect(self._release)
        self.count = QSpinBox()
        self.count.setRange(1, MAX_SERIALS)
        self.count.setMinimumHeight(theme.mm(10))
        self.count.valueChanged.connect(self._update_buttons)
        self.commission_button = BigButton("")
        self.commission_button.clicked.connect(self._commission)
        self.purpose = QComboBox()
        self.purpose.setMinimumHeight(theme.mm(10))
        self.purpose.addItem(self.tr("on the unit"), LabelPurpose.UNIT.value)
        self.purpose.addItem(self.tr("on the housing"), LabelPurpose.HOUSING.value)
        self.again = QCheckBox(self.tr("print again"))
        self.again.setMinimumHeight(theme.mm(10))
        size = theme.mm(6)
        self.again.setStyleSheet(f"QCheckBox::indicator {{ width: {size}px; height: {size}px; }}")
        self.print_button = BigButton("")
        self.print_button.clicked.connect(self._print)
        self.reason = QLineEdit()
        self.reason.setMinimumHeight(theme.mm(10))
        self.reason.setPlaceholderText(self.tr("Reason (to close with units open)"))
        self.reason.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.count.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.close_button = BigButton("")
        self.close_button.clicked.connect(self._close)
        serials = hbox(label(self.tr("Serials")), self.count, stretch_last=True)
        labels = hbox(self.purpose, self.again, stretch_last=True)
        return self._scrolling(
            self.selected_label,
            self.release_button,
            serials,
            self.commission_button,
            labels,
            self.print_button,
            self.reason,
            self.close_button,
        )

    def _scrolling(self, *parts: QWidget | QLayout) -> QWidget:
        """The parts in a column that scrolls on a small screen rather than clip."""
        side = QWidget()
        column = QVBoxLayout(side)
        for part in parts:
            if isinstance(part, QWidget):
                column.addWidget(part)
            else:
                column.addLayout(part)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        return scroll

    # ---- what the buttons say ----------------------------------------------------------------
    def _update_buttons(self) -> None:
        wo = self.selected
        number = wo.number if wo else ""
        self.selected_label.setText(
            self.tr("Work order %1").replace("%1", number)
            if wo
            else self.tr("No work order selected")
        )
        self.release_button.setText(
            self.tr("Release %1 (makes its lot)").replace("%1", number or "…")
        )
        self.commission_button.setText(
            self.tr("Commission %1 serials").replace("%1", str(self.count.value()))
        )
        labels = wo.counts.commissioned if wo else 0
        self.print_button.setText(
            self.tr("Print serial labels (%1 made)").replace("%1", str(labels))
        )
        self.close_button.setText(
            self.tr("Close %1 with its reconciliation").replace("%1", number or "…")
        )
        serial = wo is not None and wo.tracking == Tracking.SERIAL
        released = wo is not None and wo.status in (
            WorkOrderStatus.RELEASED,
            WorkOrderStatus.COMPLETED,
        )
        self.release_button.setEnabled(wo is not None and wo.status is WorkOrderStatus.CREATED)
        self.commission_button.setEnabled(released and serial)
        self.count.setEnabled(released and serial)
        self.print_button.setEnabled(serial and labels > 0)
        self.close_button.setEnabled(released)
        self.create_button.setEnabled(self.product.count() > 0)

    # ---- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx is None:
            return
        self.runner.run(production.plannable_products, self.ctx, done=self._products)
        self.runner.run(production.open_work_orders, self.ctx, done=self._orders)

    def _products(self, products: list[production.PlannableProduct]) -> None:
        chosen = self.product.currentData()
        self.product.blockSignals(True)
        self.product.clear()
        for p in products:
            self.product.addItem(f"{p.name} · {p.route}", p.gtin)
        index = self.product.findData(chosen)
        self.product.setCurrentIndex(max(index, 0))
        self.product.blockSignals(False)
        self._update_buttons()

    def _orders(self, orders: list[production.PlannedOrder]) -> None:
        keep = self.selected.number if self.selected else None
        self.orders = orders
        self.table.blockSignals(True)
        self.table.fill(
            [
                (
                    o.number,
                    o.product,
                    o.due_on.isoformat() if o.due_on else "",
                    shown(o.status.words),
                    o.lot or "",
                    f"{o.counts.built} / {o.quantity}",
                    o.counts.open,
                )
                for o in orders
            ]
        )
        self.table.blockSignals(False)
        self.heading.setText(self.tr("Open work orders: %1").replace("%1", str(len(orders))))
        self.select(keep)

    def select(self, number: str | None) -> bool:
        """Select the work order ``number`` in the list (False when it is not open)."""
        for row, order in enumerate(self.orders):
            if order.number == number:
                self.table.selectRow(row)
                self.selected = order
                self._show_steps(order)
                self._update_buttons()
                return True
        self.table.clearSelection()
        self.selected = None
        self.steps.fill([])
        self.counts.setText(self.tr("Progress per step"))
        self._update_buttons()
        return False

    def _selection_changed(self) -> None:
        number = self.table.selected_text(0)
        if number is not None and (self.selected is None or self.selected.number != number):
            self.select(number)

    def _show_steps(self, order: production.PlannedOrder) -> None:
        c = order.counts
        self.counts.setText(
            self.tr("%1: made %2 · built %3 · scrapped %4 · open %5")
            .replace("%1", order.number)
            .replace("%2", str(c.commissioned))
            .replace("%3", str(c.built))
            .replace("%4", str(c.scrapped))
            .replace("%5", str(c.open))
        )
        made = order.counts.commissioned
        rows = []
        for s in order.steps:
            bar = "■" * round(10 * s.passed / made) if made else ""
            rows.append((f"{s.position} {s.name}", f"{s.passed} / {made}", bar.ljust(10, "□")))
        self.steps.fill(rows)

    # ---- scans -------------------------------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        text = scan.text.strip()
        if self.select(text):
            self.result.show_good(self.tr("Work order %1").replace("%1", text), "")
        else:
            self.result.show_refused(
                self.tr("Not an open work order"),
                self.tr('Scanned "%1": no open work order has this number.').replace("%1", text),
                self.tr("Scan the work order number on the traveller, or pick it in the list."),
            )

    # ---- actions -----------------------------------------------------------------------------
    def _create(self) -> None:
        gtin = self.product.currentData()
        number = self.number.text().strip()
        picked = self.due.date()
        due = date(picked.year(), picked.month(), picked.day())
        lot = self.lot.text().strip() or None
        self._run(
            production.create_work_order,
            number,
            str(gtin),
            self.quantity.value(),
            lot,
            due,
            done=lambda wo: self._done(
                self.tr("Work order %1 created").replace("%1", wo.number),
                self.tr("%1 × %2, due %3. Release it to make its lot.")
                .replace("%1", str(wo.quantity))
                .replace("%2", wo.product_name)
                .replace("%3", due.isoformat()),
                select=wo.number,
            ),
        )

    def _release(self) -> None:
        if self.selected is None:
            return
        self._run(
            production.release_work_order,
            self.selected.number,
            done=lambda wo: self._done(
                self.tr("Work order %1 released").replace("%1", wo.number),
                self.tr("Lot %1 made; commission its serials next.").replace("%1", wo.lot or ""),
                select=wo.number,
            ),
        )

    def _commission(self) -> None:
        if self.selected is None:
            return
        number = self.selected.number
        self._run(
            production.commission_serials,
            number,
            self.count.value(),
            done=lambda made: self._done(
                self.tr("%1 serials commissioned").replace("%1", str(made.count)),
                self.tr("%1 to %2, lot %3. Print their labels next.")
                .replace("%1", made.first_serial)
                .replace("%2", made.last_serial)
                .replace("%3", made.lot),
                select=number,
            ),
        )

    def _print(self) -> None:
        printer = self.kit.printer
        if self.selected is None:
            return
        if printer is None:
            self.result.show_refused(
                self.tr("No label printer"),
                self.tr("This station has no label printer configured."),
                self.tr("Add [devices.printer] to the station file."),
            )
            return
        number = self.selected.number
        self._run(
            labelling.print_serial_labels,
            printer,
            number,
            str(self.purpose.currentData()),
            again=self.again.isChecked(),
            key=uuid.uuid4().hex,
            done=lambda out: self._printed(number, out),
        )

    def _printed(self, number: str, out: labelling.SerialLabelsPrinted) -> None:
        if out.failed:
            self.result.show_refused(
                self.tr("%1 serial labels not printed").replace("%1", str(len(out.failed))),
                shown(out.reason),
                self.tr("Check the printer, then print again: the labels printed are recorded."),
            )
        else:
            self._done(
                self.tr("%1 serial labels printed").replace("%1", str(len(out.printed))),
                ", ".join(out.printed[:6]) + (" …" if len(out.printed) > 6 else ""),
                select=number,
            )
        self.refresh()

    def _close(self) -> None:
        if self.selected is None:
            return
        number = self.selected.number
        self._run(
            production.close_work_order,
            number,
            self.reason.text().strip(),
            done=lambda c: self._done(
                self.tr("Work order %1 closed").replace("%1", number),
                self.tr("Ordered %1 · made %2 · built %3 · scrapped %4 · open %5")
                .replace("%1", str(c.quantity))
                .replace("%2", str(c.commissioned))
                .replace("%3", str(c.built))
                .replace("%4", str(c.scrapped))
                .replace("%5", str(c.open)),
                select=None,
            ),
        )

    # ---- plumbing ----------------------------------------------------------------------------
    def _run(self, fn: Any, *args: Any, done: Any, **kwargs: Any) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx
        self.runner.run(lambda: fn(ctx, *args, **kwargs), done=done, refused=self._refused)

    def _done(self, title: str, detail: str, *, select: str | None) -> None:
        """Say what was done, reload the list and select ``select`` in it."""
        self.result.show_good(title, detail)
        if self.ctx is not None:
            self.runner.run(
                production.open_work_orders,
                self.ctx,
                done=lambda orders: self._reloaded(orders, select),
            )

    def _reloaded(self, orders: list[production.PlannedOrder], select: str | None) -> None:
        self.selected = None
        self._orders(orders)
        if self.select(select):
            self.side.setCurrentIndex(0)  # what to do next with the order just made

    def _refused(self, refusal: Refusal) -> None:
        self.result.show_refused(
            self.tr("Refused"), shown(refusal.message), self.tr("Nothing was changed.")
        )


__all__ = ["PlanningScreen"]
