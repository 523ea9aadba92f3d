"""The receiving station's two work areas: the receive form (what the supplier's label said, what
the person adds, the bin label) and the incoming inspection (lots in quarantine, the selected
lot, its pieces, the decision buttons). The screen (receiving.py) owns scans, keys and calls."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QSizePolicy,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.states import Status
from desktop.domain.text import restored
from desktop.services.receiving import (
    IncomingPlanView,
    MaterialLotView,
    PieceView,
    SupplierLabel,
    SupplierView,
)
from desktop.views import theme
from desktop.views.packaging_parts import LabelView
from desktop.views.qc_tabs import key_button
from desktop.views.tables import Table
from desktop.views.widgets import hbox, label, panel
from desktop.views.words import shown


def quantity_text(lot: MaterialLotView) -> str:
    return f"{format(lot.quantity.normalize(), 'f')} {lot.unit}"


def _caption(text: str) -> QWidget:
    small = label(text, 12, wrap=False)
    small.setObjectName("muted")
    return small


class ReceiveTab(QWidget):
    """Scan the supplier's label; the part, lot and expiry fill in; quantity and certificate
    are asked; serialised parts list each piece's serial as it is scanned."""

    def __init__(self) -> None:
        super().__init__()
        self.label_data: SupplierLabel | None = None
        self.part = label("—", 20, bold=True)
        self.lot_expiry = label("", 17, bold=True)
        self.scanned = label("", 12)
        self.scanned.setObjectName("muted")
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(self.tr("Label that will not scan: type it, then Enter"))
        self.typed.setToolTip("(01)09506000117843(17)271231(10)L-1  ·  +A123PART1/$$3271231L1")
        self.lot = QLineEdit()
        self.lot.setPlaceholderText(self.tr("Only when the label has no lot"))
        self.supplier = QComboBox()
        self.quantity = QLineEdit()
        self.quantity.setPlaceholderText(self.tr("Count the delivery"))
        self.unit = label("", 15, wrap=False)
        self.certificate = QLineEdit()
        self.certificate.setPlaceholderText(self.tr("Certificate file (PDF or scan)"))
        self.choose_button = key_button(self.tr("Choose file…"), "F4")
        self.serials = QListWidget()
        self.serials.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.serials_caption = label("", 13, bold=True)
        self.clear_button = key_button(self.tr("Start again"), "F3")
        self.receive_button = key_button(self.tr("Receive and print bin label"), "F8")
        self.reprint_button = key_button(self.tr("Print bin label again"), "F11")
        self.bin_label = LabelView()
        self.bin_caption = label(self.tr("Bin label"), 14, bold=True)
        self.recent = Table(
            [self.tr("Lot"), self.tr("Part"), self.tr("Supplier"), self.tr("Quantity"),
             self.tr("Status")]
        )  # fmt: skip
        self._layout()
        self.bin_label.clear_label(self.tr("The bin label of the lot received last shows here."))
        self.show_label(None)

    def _layout(self) -> None:
        scanned = panel()
        scanned.setStyleSheet("QLabel { background: transparent; }")
        scanned.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(scanned)
        self.caption = _caption(self.tr("From the supplier's label"))
        column.addWidget(self.caption)
        column.addWidget(self.part)
        column.addWidget(self.lot_expiry)
        column.addWidget(self.scanned)
        self.form = form = QFormLayout()
        form.addRow(label(self.tr("Lot"), 14), self.lot)
        form.addRow(label(self.tr("Supplier"), 14), self.supplier)
        form.addRow(label(self.tr("Quantity"), 14), hbox(self.quantity, self.unit))
        form.addRow(label(self.tr("Certificate"), 14), hbox(self.certificate, self.choose_button))
        left = QVBoxLayout()
        left.addWidget(scanned)
        left.addWidget(self.typed)
        left.addLayout(form)
        left.addWidget(self.serials_caption)
        left.addWidget(self.serials, 1)
        left.addLayout(hbox(self.clear_button, self.receive_button))
        right = QVBoxLayout()
        right.addWidget(self.bin_caption)
        right.addWidget(self.bin_label, 2)
        right.addWidget(label(self.tr("Received, newest first"), 14, bold=True))
        right.addWidget(self.recent, 3)
        right.addWidget(self.reprint_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)

    def show_suppliers(self, suppliers: Sequence[SupplierView]) -> None:
        keep = self.supplier.currentData()
        self.supplier.clear()
        for s in suppliers:
            if s.approved:
                self.supplier.addItem(f"{s.code} · {s.name}", s.code)
        index = self.supplier.findData(keep)
        self.supplier.setCurrentIndex(max(index, 0))

    def show_label(self, found: SupplierLabel | None) -> None:
        """What the scan said (None: nothing scanned yet, the form is empty)."""
        self.label_data = found
        self.serials.clear()
        self.quantity.clear()
        self.certificate.clear()
        self.lot.clear()
        if found is None:
            self.part.setText(self.tr("Nothing scanned yet"))
            self.lot_expiry.setText("")
            self.scanned.setText("")
            self.unit.setText("")
            self.lot.setEnabled(False)
            self.form.setRowVisible(self.lot, False)
        else:
            self.part.setText(f"{found.part_number} · {found.part_name}")
            lot = found.lot or self.tr("no lot on the label: type it")
            expiry = found.expiry.isoformat() if found.expiry else self.tr("none")
            self.lot_expiry.setText(
                self.tr("Lot %1 · expiry %2").replace("%1", lot).replace("%2", expiry)
            )
            self.scanned.setText(self.tr("Scanned: %1").replace("%1", shown(found.scan)))
            self.unit.setText(found.unit)
            self.lot.setEnabled(not found.lot)
            self.form.setRowVisible(self.lot, not found.lot)  # asked only when the label has none
        for line in (self.caption, self.lot_expiry, self.scanned):
            line.setVisible(found is not None)
        serialised = found is not None and found.serialised
        self.quantity.setEnabled(not serialised)
        for widget in (self.serials, self.serials_caption):
            widget.setVisible(serialised)
        self._count()

    def add_serial(self, serial: str) -> bool:
        """Add a piece's serial; False when it was scanned already."""
        if serial in self.serial_list():
            return False
        self.serials.addItem(serial)
        self._count()
        return True

    def serial_list(self) -> list[str]:
        return [self.serials.item(i).text() for i in range(self.serials.count())]

    def _count(self) -> None:
        count = self.serials.count()
        self.serials_caption.setText(self.tr("Pieces scanned: %1").replace("%1", str(count)))
        if self.label_data is not None and self.label_data.serialised:
            self.quantity.setText(str(count))

    def selected_lot(self) -> str | None:
        """The lot chosen in the received list (the newest when none is chosen)."""
        chosen = self.recent.selected_text(0)
        if chosen is None and self.recent.rowCount():
            item = self.recent.item(0, 0)
            chosen = item.text() if item is not None else None
        return chosen

    def show_lots(self, lots: Sequence[MaterialLotView]) -> None:
        self.recent.fill(
            [
                (lot.supplier_lot, lot.part_number, lot.supplier_code, quantity_text(lot),
                 shown(Status(lot.status).words))
                for lot in lots[:50]
            ]
        )  # fmt: skip


class InspectTab(QWidget):
    """Lots in quarantine; the selected lot with its certificate and pieces; the decision."""

    def __init__(self) -> None:
        super().__init__()
        self.lots: list[MaterialLotView] = []
        self.current: MaterialLotView | None = None
        self.queue = Table(
            [self.tr("Lot"), self.tr("Part"), self.tr("Supplier"), self.tr("Quantity"),
             self.tr("Expiry")]
        )  # fmt: skip
        self.title = label(self.tr("Scan a lot, or choose it in the list"), 18, bold=True)
        self.detail = label("", 14)
        self.certificate = label("", 12)
        self.certificate.setObjectName("muted")
        self.certificate.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plan_lines: list[IncomingPlanView] = []
        self.plan = Table(
            [self.tr("Characteristic"), self.tr("Limits"), self.tr("Reading"), self.tr("Result")]
        )
        self.plan.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
        )  # only the Reading column's cells are editable (their flags)
        self.plan_caption = label(self.tr("Incoming inspection plan: type each reading"), 13)
        self.pieces = Table([self.tr("Serial"), self.tr("Status"), self.tr("Inspection")])
        self.piece_caption = label(self.tr("Pieces (scan a piece's serial to select it)"), 13)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("What was checked; what was wrong"))
        self.accept_button = key_button(self.tr("Accept"), "F6")
        self.fail_button = key_button(self.tr("Fail"), "F7")
        self.release_button = key_button(self.tr("Release (sign)"), "F9")
        self.reject_button = key_button(self.tr("Reject lot"), "F10")
        self._layout()
        self.show_plan([])
        self.show_lot(None, [])

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(label(self.tr("In quarantine (Enter selects)"), 14, bold=True))
        left.addWidget(self.queue, 1)
        left.addWidget(self.piece_caption)
        left.addWidget(self.pieces, 1)
        self.plan.setMinimumHeight(theme.mm(30))
        box = panel()
        box.setStyleSheet("QLabel { background: transparent; }")
        column = QVBoxLayout(box)
        column.addWidget(self.title)
        column.addWidget(self.detail)
        column.addWidget(self.certificate)
        right = QVBoxLayout()
        right.addWidget(box)
        right.addWidget(self.plan_caption)
        right.addWidget(self.plan, 1)
        right.addWidget(label(self.tr("Notes"), 14))
        right.addWidget(self.notes)
        right.addLayout(hbox(self.accept_button, self.fail_button))
        right.addLayout(hbox(self.release_button, self.reject_button))
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 5)

    def show_lots(self, lots: Sequence[MaterialLotView]) -> None:
        self.lots = list(lots)
        self.queue.fill(
            [
                (lot.supplier_lot, lot.part_number, lot.supplier_code, quantity_text(lot),
                 lot.expiry.isoformat() if lot.expiry else "—")
                for lot in self.lots
            ]
        )  # fmt: skip

    def selected_scan(self) -> str | None:
        return self.queue.selected_text(0)

    def show_lot(self, lot: MaterialLotView | None, pieces: Sequence[PieceView]) -> None:
        self.current = lot
        if lot is None:
            self.title.setText(self.tr("Scan a lot, or choose it in the list"))
            self.detail.setText("")
            self.certificate.setText("")
        else:
            status = shown(Status(lot.status).words)
            self.title.setText(
                self.tr("Lot %1 · %2").replace("%1", lot.supplier_lot).replace("%2", status)
            )
            expiry = lot.expiry.isoformat() if lot.expiry else self.tr("none")
            self.detail.setText(
                self.tr("%1 from %2 · %3 · expiry %4")
                .replace("%1", lot.part_number)
                .replace("%2", lot.supplier_code)
                .replace("%3", quantity_text(lot))
                .replace("%4", expiry)
            )
            if lot.certificate_path:
                digest = (lot.certificate_sha256 or "")[:16]
                self.certificate.setText(
                    self.tr("Certificate %1 (SHA-256 %2…)")
                    .replace("%1", lot.certificate_path)
                    .replace("%2", digest)
                )
            else:
                self.certificate.setText(self.tr("No certificate attached"))
        self.show_pieces(pieces)

    def show_plan(self, plan: Sequence[IncomingPlanView]) -> None:
        self.plan_lines = list(plan)
        self.plan.setRowCount(len(self.plan_lines))
        for row, line in enumerate(self.plan_lines):
            for column, text in enumerate((line.characteristic, line.limits_text(), "", "")):
                cell = QTableWidgetItem(text)
                if column != 2:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.plan.setItem(row, column, cell)
        for widget in (self.plan, self.plan_caption):
            widget.setVisible(bool(self.plan_lines))

    def readings(self) -> dict[str, str]:
        """Characteristic -> the reading typed (characteristics not read are left out)."""
        out = {}
        for row, line in enumerate(self.plan_lines):
            cell = self.plan.item(row, 2)
            if cell is not None and cell.text().strip():
                out[line.characteristic] = cell.text().strip()
        return out

    def show_readings(self, recorded: Sequence[dict[str, object]]) -> None:
        """Each recorded reading's verdict beside it (✔ within, ✖ outside its limits)."""
        verdicts = {str(r["characteristic"]): r for r in recorded}
        for row, line in enumerate(self.plan_lines):
            found = verdicts.get(line.characteristic)
            if found is None:
                continue
            mark = "✔ " if found.get("passed") else "✖ "
            words = shown(restored(found.get("message_text"), str(found.get("message", ""))))
            self.plan.setItem(row, 3, QTableWidgetItem(mark + words))
        self.plan.resizeRowsToContents()

    def clear_readings(self) -> None:
        for row in range(self.plan.rowCount()):
            for column in (2, 3):
                cell = self.plan.item(row, column)
                if cell is not None:
                    cell.setText("")

    def show_pieces(self, pieces: Sequence[PieceView]) -> None:
        rows = []
        for p in pieces:
            if not p.inspected:
                verdict = self.tr("○ not inspected")
            elif p.accepted:
                verdict = self.tr("✔ accepted")
            else:
                verdict = self.tr("✖ failed: %1").replace("%1", p.notes)
            rows.append((p.serial, shown(Status(p.status).words), verdict))
        self.pieces.fill(rows)
        for widget in (self.pieces, self.piece_caption):
            widget.setVisible(bool(pieces))

    def select_piece(self, serial: str) -> bool:
        for row in range(self.pieces.rowCount()):
            item = self.pieces.item(row, 0)
            if item is not None and item.text() == serial:
                self.pieces.selectRow(row)
                return True
        return False

    def selected_piece(self) -> str | None:
        return self.pieces.selected_text(0) if self.pieces.isVisible() else None
