"""The shipping station's panels: the shipments list with the form that opens one, the current
shipment with its running count and lines, the delivery note preview, and the proof of
delivery form."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.distribution import ShipmentStatus
from desktop.reports.delivery_note import DeliveryNote
from desktop.services.distribution import ShipmentView, SiteChoice
from desktop.views.tables import Table
from desktop.views.widgets import BigButton, label
from desktop.views.words import shown


def _when(at: datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M") if at else ""


class ShipmentsPanel(QWidget):
    """Left: open a shipment for a customer's site; the shipments, newest first."""

    def __init__(self) -> None:
        super().__init__()
        self.site = QComboBox()
        self.site.setMinimumWidth(260)
        self.open_button = BigButton(self.tr("Open shipment") + "  [F2]")
        form = QGroupBox(self.tr("New shipment"))
        box = QVBoxLayout(form)
        box.addWidget(label(self.tr("Ship to (customer · site)"), 12))
        box.addWidget(self.site)
        box.addWidget(self.open_button)
        self.table = Table([self.tr("Shipment"), self.tr("Customer"), self.tr("State")])
        self.shipments: list[ShipmentView] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(form)
        column.addWidget(label(self.tr("Shipments"), 13, bold=True))
        column.addWidget(self.table, 1)

    def show_sites(self, sites: list[SiteChoice]) -> None:
        chosen = self.site.currentData()
        self.site.clear()
        for s in sites:
            self.site.addItem(f"{s.customer_code} · {s.site}", (s.customer_code, s.gln or s.site))
        if chosen is not None:
            at = self.site.findData(chosen)
            if at >= 0:
                self.site.setCurrentIndex(at)

    def show_shipments(self, shipments: list[ShipmentView]) -> None:
        self.shipments = shipments
        self.table.fill(
            [
                (s.number, f"{s.customer_code} · {s.site or ''}", shown(s.status.words))
                for s in shipments
            ]
        )

    def selected(self) -> str | None:
        return self.table.selected_text(0)


class CurrentPanel(QWidget):
    """Right: the current shipment, its running count, its lines or its delivery note."""

    def __init__(self) -> None:
        super().__init__()
        self.title = label(self.tr("No shipment open"), 17, bold=True)
        self.count = label("", 26, bold=True, wrap=False)
        self.count.setObjectName("count")
        self.lines = Table(
            [
                self.tr("Item"),
                self.tr("SSCC"),
                self.tr("GTIN"),
                self.tr("Lot"),
                self.tr("Serial number"),
                self.tr("Quantity"),
            ]
        )
        self.remove_button = BigButton(self.tr("Take off") + "  [F4]")
        self.note_button = BigButton(self.tr("Delivery note (PDF)") + "  [F6]")
        self.confirm_button = BigButton(self.tr("Confirm shipped") + "  [F8]")
        buttons = QHBoxLayout()
        for button in (self.remove_button, self.note_button, self.confirm_button):
            buttons.addWidget(button)
        self.note_caption = label("", 11)
        self.note_caption.setObjectName("muted")
        self.signed_by = QLineEdit()
        self.signed_by.setPlaceholderText(self.tr("name as signed on the delivery note"))
        self.delivered_at = QDateTimeEdit()
        self.delivered_at.setCalendarPopup(True)
        self.delivered_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.pod_button = BigButton(self.tr("Record proof of delivery") + "  [F9]")
        self.pod = QGroupBox(self.tr("Proof of delivery"))
        self.pod_button.setMinimumWidth(320)
        form = QGridLayout(self.pod)
        form.addWidget(label(self.tr("Signed for by"), 12), 0, 0)
        form.addWidget(self.signed_by, 1, 0)
        form.addWidget(label(self.tr("Delivered at (local time)"), 12), 0, 1)
        form.addWidget(self.delivered_at, 1, 1)
        form.addWidget(self.pod_button, 0, 2, 2, 1)
        form.setColumnStretch(0, 3)
        form.setColumnStretch(1, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.count)
        column.addWidget(self.lines, 1)
        column.addWidget(self.note_caption)
        column.addLayout(buttons)
        column.addWidget(self.pod)
        self.current: ShipmentView | None = None
        self.show_shipment(None)

    def show_shipment(self, view: ShipmentView | None) -> None:
        self.current = view
        is_open = view is not None and view.status == ShipmentStatus.OPEN
        shipped = view is not None and view.status == ShipmentStatus.SHIPPED
        self.remove_button.setEnabled(is_open)
        self.confirm_button.setEnabled(is_open)
        self.note_button.setEnabled(view is not None)
        self.pod.setVisible(shipped)
        self.pod.setEnabled(shipped and view is not None and view.delivered_at is None)
        if view is None:
            self.title.setText(self.tr("No shipment open"))
            self.count.setText("")
            self.lines.fill([])
            self.note_caption.setText("")
            return
        head = self.tr("Shipment %1 · %2 · %3")
        where = f"{view.customer_code} · {view.site or ''}"
        self.title.setText(
            head.replace("%1", view.number)
            .replace("%2", where)
            .replace("%3", shown(view.status.words))
        )
        if view.delivered_at is not None:
            self.note_caption.setText(
                self.tr("Delivered %1, signed for by %2")
                .replace("%1", _when(view.delivered_at))
                .replace("%2", view.received_by or "")
            )
        elif shipped:
            self.note_caption.setText(
                self.tr("Shipped %1: record the proof of delivery when it comes back").replace(
                    "%1", _when(view.shipped_at)
                )
            )
            self.delivered_at.setDateTime(QDateTime.currentDateTime())
        else:
            self.note_caption.setText("")

    def show_note(self, note: DeliveryNote) -> None:
        """The running count and the lines as the delivery note lists them."""
        scanned = sum(1 for line in note.lines if line.level == 0)
        self.count.setText(
            self.tr("%1 scanned · %2 cases and pallets · %3 units")
            .replace("%1", str(scanned))
            .replace("%2", str(note.containers))
            .replace("%3", str(note.units))
        )
        rows = []
        for line in note.lines:
            quantity = f"{line.quantity.normalize():f} {line.unit}"
            rows.append(
                (
                    "    " * line.level + shown(line.kind.words),
                    line.sscc or "",
                    line.gtin or "",
                    line.lot or "",
                    line.serial or "",
                    quantity,
                )
            )
        self.lines.fill(rows)

    def selected_scan(self) -> str | None:
        """What identifies the selected top-level line (its SSCC or its serial)."""
        rows = self.lines.selectionModel().selectedRows()
        if not rows:
            return None
        r = rows[0].row()
        item = self.lines.item(r, 0)
        if item is None or item.text().startswith(" "):
            return None
        for column in (1, 4):
            cell = self.lines.item(r, column)
            if cell is not None and cell.text():
                return cell.text()
        return None

    def delivered(self) -> datetime:
        """The delivery time typed, in UTC."""
        at = self.delivered_at.dateTime()
        local = at.toTimeZone(QTimeZone.systemTimeZone())
        return datetime.fromtimestamp(local.toSecsSinceEpoch(), tz=UTC)


__all__ = ["CurrentPanel", "ShipmentsPanel"]
