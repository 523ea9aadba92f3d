"""The receiving station: goods in from the supplier's label, Lotline's bin label, and the
incoming inspection with the signed release or the rejection of the lot.

Receive tab (F1): scan the supplier's GS1 or HIBC label; part, lot and expiry fill in from it;
type the quantity (a serialised part: scan each piece's serial), attach the certificate (F4),
receive (F8): the lot goes into quarantine and its bin label prints on the station's printer.
F3 starts again. Inspection tab (F2): scan the lot (its bin label or the supplier's label) or
choose it in the list (Enter); scan a piece's serial to select it; accept (F6) or fail (F7) the
inspection with notes, release the lot with a signature (F9) or reject it (F10). F5 refreshes;
Enter or Esc acknowledges a refusal.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QTabWidget, QVBoxLayout

from desktop.devices import ScanEvent
from desktop.domain.labelling import PrintStatus
from desktop.domain.permissions import Meaning, Permission, Role, can
from desktop.domain.plant import StationKind
from desktop.domain.states import Status
from desktop.services import receiving
from desktop.services.core.context import Context, LoginSession
from desktop.services.core.printing import LabelPrinter
from desktop.services.receiving import (
    IncomingInspectionView,
    LotLabel,
    LotLabelPrint,
    MaterialDecision,
    MaterialLotView,
    SupplierLabel,
)
from desktop.views.acting_screen import ActingScreen
from desktop.views.kit import StationKit
from desktop.views.receiving_parts import InspectTab, ReceiveTab
from desktop.views.signature import SignatureDialog, SignFn, manifestation_of
from desktop.views.tasks import Runner
from desktop.views.widgets import ResultPanel, label
from desktop.views.words import shown


class ReceivingScreen(ActingScreen):
    key = StationKind.RECEIVING

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.printer: LabelPrinter | None = kit.printer
        self.dialog: SignatureDialog | None = None
        self.scan_number = 0
        self._build()
        self._keys()
        self.show_prompt()

    def title(self) -> str:
        return self.tr("Receiving")

    # ---- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.next_caption = label(self.tr("NEXT"), 13, bold=True, wrap=False)
        self.next_caption.setObjectName("muted")
        self.prompt = label("", 22, bold=True)
        self.receive_tab, self.inspect_tab = ReceiveTab(), InspectTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.receive_tab, self.tr("Receive") + "  [F1]")
        self.tabs.addTab(self.inspect_tab, self.tr("Incoming inspection") + "  [F2]")
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.result = ResultPanel()
        row = QHBoxLayout()
        row.addWidget(self.next_caption)
        row.addWidget(self.prompt, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.result)
        r, i = self.receive_tab, self.inspect_tab
        r.choose_button.clicked.connect(self.choose_certificate)
        r.clear_button.clicked.connect(self.start_again)
        r.receive_button.clicked.connect(self.receive)
        r.reprint_button.clicked.connect(self.print_again)
        r.typed.returnPressed.connect(self._typed_label)
        i.queue.activated.connect(lambda *_: self._open_selected())
        i.accept_button.clicked.connect(lambda: self.inspect(True))
        i.fail_button.clicked.connect(lambda: self.inspect(False))
        i.release_button.clicked.connect(self.release)
        i.reject_button.clicked.connect(self.reject)

    def _keys(self) -> None:
        actions: dict[str, Callable[[], None]] = {
            "F1": functools.partial(self.tabs.setCurrentIndex, 0),
            "F2": functools.partial(self.tabs.setCurrentIndex, 1),
            "F3": self.start_again,
            "F4": self.choose_certificate,
            "F5": self.refresh,
            "F6": lambda: self.inspect(True),
            "F7": lambda: self.inspect(False),
            "F8": self.receive,
            "F9": self.release,
            "F10": self.reject,
            "F11": self.print_again,
        }
        for key, slot in actions.items():
            QShortcut(QKeySequence(key), self, slot)

    def activate(self, ctx: Context, login: LoginSession) -> None:
        role = login.actor.role
        receives = role in {r.value for r in Role} and can(role, Permission.MATERIAL_RECEIVE)
        self.tabs.setTabEnabled(0, receives)
        if not receives:
            self.tabs.setCurrentIndex(1)
        super().activate(ctx, login)

    def _tab_changed(self) -> None:
        self.result.acknowledge()
        self.result.show_idle("")
        self.show_prompt()

    def show_prompt(self) -> None:
        found = self.receive_tab.label_data
        lot = self.inspect_tab.current
        if self.tabs.currentWidget() is self.inspect_tab:
            if lot is None:
                text = self.tr("Scan the lot to inspect")
            elif lot.status != Status.QUARANTINE:
                text = self.tr("Scan the next lot")
            else:
                text = self.tr("Inspect: accept (F6) or fail (F7), then release (F9)")
        elif found is None:
            text = self.tr("Scan the supplier's label")
        elif found.serialised:
            text = self.tr("Scan each piece's serial, then receive (F8)")
        else:
            text = self.tr("Type the quantity, attach the certificate, receive (F8)")
        self.prompt.setText(text)

    def refresh(self) -> None:
        self.call(receiving.suppliers, done=self.receive_tab.show_suppliers)
        self.call(receiving.material_lots, done=self.receive_tab.show_lots)
        self.call(receiving.material_lots, Status.QUARANTINE.value, done=self.inspect_tab.show_lots)
        if self.inspect_tab.current is not None:
            self._open(self.inspect_tab.current.supplier_lot, announce=False)

    # ---- scans ----------------------------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refuse_scan(scan.text)
            return
        self.result.acknowledge()
        self.scan_number += 1
        if self.tabs.currentWidget() is self.inspect_tab:
            self._inspection_scan(scan.symbol_text)
            return
        self._receive_input(scan.symbol_text)

    def _receive_input(self, text: str) -> None:
        """A scan (or a label typed by hand) on the receive tab: the supplier's label, or the
        next piece's serial once a serialised part's label was read."""
        found = self.receive_tab.label_data
        if found is not None and found.serialised:
            self.call(
                receiving.piece_serial,
                text,
                found.part_number,
                done=self._piece,
                title=self.tr("Piece refused"),
            )
            return
        self._read_label(text)

    def _read_label(self, text: str) -> None:
        self.scan_number += 1
        number = self.scan_number  # a later scan wins: an older answer is not shown
        self.result.show_idle(self.tr("Reading the label…"))
        self.call(
            receiving.read_supplier_label,
            text,
            done=lambda read: self._label_read(read) if number == self.scan_number else None,
            title=self.tr("Supplier label refused"),
        )

    def _typed_label(self) -> None:
        """A label typed by hand takes the scan's path (a field that asks for a scan)."""
        text = self.receive_tab.typed.text().strip()
        self.receive_tab.typed.clear()
        if text:
            self.result.acknowledge()
            self._receive_input(text)

    def _label_read(self, found: SupplierLabel) -> None:
        self.receive_tab.show_label(found)
        if found.serialised and found.serial:
            self.receive_tab.add_serial(found.serial)
        what = f"{found.part_number} · {found.part_name}"
        self.result.show_good(self.tr("Label read: %1").replace("%1", what), shown(found.scan))
        self.show_prompt()
        target = self.receive_tab.lot if not found.lot else self.receive_tab.quantity
        if target.isEnabled():
            target.setFocus()

    def _piece(self, serial: str) -> None:
        if self.receive_tab.add_serial(serial):
            count = len(self.receive_tab.serial_list())
            self.result.show_good(
                self.tr("Piece %1 added").replace("%1", serial),
                self.tr("%1 piece(s) scanned").replace("%1", str(count)),
            )
        else:
            self.refuse(
                self.tr("Piece scanned twice"),
                self.tr("Serial %1 is in the list already.").replace("%1", serial),
                self.tr("Scan the next piece; each piece is scanned once."),
            )

    # ---- receiving --------------------------------------------------------------------------
    def start_again(self) -> None:
        self.receive_tab.show_label(None)
        self.result.acknowledge()
        self.result.show_idle("")
        self.show_prompt()

    def choose_certificate(self) -> None:
        self.tabs.setCurrentWidget(self.receive_tab)
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Certificate of the delivery"),
            "",
            self.tr("Certificates (*.pdf *.png *.jpg *.tif *.tiff);;All files (*)"),
        )
        if path:
            self.receive_tab.certificate.setText(path)

    def receive(self) -> None:
        self.tabs.setCurrentWidget(self.receive_tab)
        tab = self.receive_tab
        found = tab.label_data
        if found is None:
            self.refuse(
                self.tr("Nothing scanned"),
                self.tr("Receiving starts from the supplier's label."),
                self.tr("Scan the barcode on the supplier's label (GS1 or HIBC)."),
            )
            return
        supplier = tab.supplier.currentData()
        if not supplier:
            self.refuse(
                self.tr("No supplier"),
                self.tr("The master data has no approved supplier."),
                self.tr("Ask quality to approve the supplier in the master data."),
            )
            return
        scan, quantity = found.scan, tab.quantity.text().strip().replace(",", ".")
        certificate = tab.certificate.text().strip() or None
        self.call(
            receiving.receive_scanned,
            scan,
            str(supplier),
            quantity,
            done=self._received,
            lot=tab.lot.text().strip() or None,
            certificate=certificate,
            serials=tab.serial_list(),
            event_id=uuid.uuid4(),
        )

    def _received(self, lot: MaterialLotView) -> None:
        scan = self.receive_tab.label_data.scan if self.receive_tab.label_data else lot.supplier_lot
        self.receive_tab.show_label(None)
        self.result.show_good(
            self.tr("Lot %1 received into quarantine").replace("%1", lot.supplier_lot),
            self.tr("%1 from %2: waits for incoming inspection")
            .replace("%1", lot.part_number)
            .replace("%2", lot.supplier_code),
        )
        lot_scan = scan if lot.part_number else lot.supplier_lot
        if self.printer is None:
            self.call(receiving.lot_label, lot_scan, done=self._no_printer)
        else:
            self.call(
                receiving.print_lot_label,
                self.printer,
                lot_scan,
                done=self._bin_label,
                event_id=uuid.uuid4(),
            )
        self.refresh()
        self.show_prompt()

    def print_again(self) -> None:
        """The bin label of the lot chosen in the received list (the newest when none is)."""
        self.tabs.setCurrentWidget(self.receive_tab)
        lot = self.receive_tab.selected_lot()
        if lot is None:
            self.refuse(
                self.tr("No lot to label"),
                self.tr("No lot has been received yet."),
                self.tr("Receive a lot first; its bin label prints at once."),
            )
        elif self.printer is None:
            self.call(receiving.lot_label, lot, done=self._no_printer)
        else:
            self.call(
                receiving.print_lot_label,
                self.printer,
                lot,
                done=self._bin_label,
                event_id=uuid.uuid4(),
            )

    def _no_printer(self, made: LotLabel) -> None:
        self.receive_tab.bin_label.show_png(made.png)
        self.refuse(
            self.tr("Bin label not printed"),
            self.tr("This station has no label printer connected."),
            self.tr("The lot is received. Connect the printer, then print the label again (F11)."),
        )

    def _bin_label(self, printed: LotLabelPrint) -> None:
        self.receive_tab.bin_label.show_png(printed.label.png)
        lot = printed.label.lot.supplier_lot
        self.receive_tab.bin_caption.setText(self.tr("Bin label of lot %1").replace("%1", lot))
        if printed.outcome.status == PrintStatus.PRINTED:
            self.result.show_good(
                self.tr("Lot %1 received; bin label printed").replace("%1", lot),
                self.tr("Put the label on the bin; the lot stays in quarantine."),
            )
        elif printed.outcome.issued:
            self.refuse(
                self.tr("The printer holds the bin label"),
                shown(printed.outcome.reason),
                self.tr("Fix the printer; the label prints then."),
            )
        else:
            self.refuse(
                self.tr("Bin label not printed"),
                shown(printed.outcome.reason),
                self.tr("The lot is received. Fix the printer, then print the label again (F11)."),
            )

    # ---- inspection -----------------------------------------------------------------------
    def _inspection_scan(self, text: str) -> None:
        lot = self.inspect_tab.current
        if lot is not None and self.inspect_tab.select_piece(text.strip()):
            self.inspect_tab.clear_readings()  # each piece is read anew
            self.result.show_good(self.tr("Piece %1 selected").replace("%1", text.strip()))
            return
        self._open(text)

    def _open_selected(self) -> None:
        scan = self.inspect_tab.selected_scan()
        if scan is not None:
            self._open(scan)

    def _open(self, scan: str, *, announce: bool = True) -> None:
        def opened(lot: MaterialLotView) -> None:
            same = self.inspect_tab.current is not None and (self.inspect_tab.current.id == lot.id)
            self.inspect_tab.show_lot(lot, [])
            self.call(receiving.delivery_pieces, scan, done=self.inspect_tab.show_pieces)
            if not same:
                self.call(receiving.incoming_plan, scan, done=self.inspect_tab.show_plan)
            if announce:
                self.result.show_good(
                    self.tr("Lot %1 opened").replace("%1", lot.supplier_lot), shown(scan)
                )
            self.show_prompt()

        self.call(receiving.material_lot, scan, done=opened, title=self.tr("Lot not found"))

    def _need_lot(self) -> MaterialLotView | None:
        self.tabs.setCurrentWidget(self.inspect_tab)
        lot = self.inspect_tab.current
        if lot is None:
            self.refuse(
                self.tr("No lot selected"),
                self.tr("The inspection is recorded against a lot."),
                self.tr("Scan the lot's bin label, or choose it in the list."),
            )
        return lot

    def inspect(self, accepted: bool) -> None:
        lot = self._need_lot()
        if lot is None:
            return
        self.call(
            receiving.inspect_material,
            lot.supplier_lot,
            accepted,
            self.inspect_tab.notes.text(),
            done=self._inspected,
            serial=self.inspect_tab.selected_piece(),
            readings=self.inspect_tab.readings(),
            event_id=uuid.uuid4(),
        )

    def _inspected(self, view: IncomingInspectionView) -> None:
        self.inspect_tab.notes.clear()
        self.inspect_tab.show_readings(view.readings)
        what = view.lot.supplier_lot + (f" · {view.serial}" if view.serial else "")
        if view.accepted:
            self.result.show_good(
                self.tr("Inspection accepted: %1").replace("%1", what), view.notes
            )
        else:  # a result, not a refusal: shown as abnormal all the same
            self.result.show_refused(
                self.tr("Inspection failed: %1 (recorded)").replace("%1", what),
                view.notes,
                self.tr("The piece is rejected.")
                if view.serial
                else self.tr("Reject the lot (F10), or inspect it again."),
            )
        self._open(view.lot.supplier_lot, announce=False)

    def release(self) -> None:
        lot = self._need_lot()
        if lot is None or self.login is None:
            return
        ctx, login, scan, event = self.ctx, self.login, lot.supplier_lot, uuid.uuid4()

        def sign(user: str | None, password: str, _reason: str) -> MaterialDecision:
            assert ctx is not None and login is not None
            return receiving.release_material(
                ctx, login, scan, password, username=user, event_id=event
            )

        what = (
            self.tr("Release of lot %1 (%2 from %3) for use")
            .replace("%1", lot.supplier_lot)
            .replace("%2", lot.part_number)
            .replace("%3", lot.supplier_code)
        )
        self._sign(what, Meaning.MATERIAL_RELEASED, sign, self._decided)

    def reject(self) -> None:
        lot = self._need_lot()
        if lot is None:
            return
        self.call(
            receiving.reject_material,
            lot.supplier_lot,
            self.inspect_tab.notes.text(),
            done=self._decided,
            event_id=uuid.uuid4(),
        )

    def _decided(self, decision: MaterialDecision) -> None:
        self.inspect_tab.notes.clear()
        lot = decision.lot.supplier_lot
        if decision.signature is not None:
            self.result.show_good(
                self.tr("Lot %1 released for use").replace("%1", lot),
                decision.signature.manifestation(),
            )
        else:
            self.result.show_good(self.tr("Lot %1 rejected").replace("%1", lot), decision.reason)
        self.inspect_tab.show_lot(decision.lot, [])
        self.refresh()

    # ---- plumbing -------------------------------------------------------------------------
    def _sign(self, what: str, meaning: Meaning, sign: SignFn, done: Callable[[Any], None]) -> None:
        if self.login is None:
            return
        self.dialog = SignatureDialog(
            self.runner,
            what=what,
            meaning=meaning.value,
            ask_username=self.login.signings == 0,
            login=self.login,
            sign=sign,
            manifestation=manifestation_of,
            parent=self,
        )
        self.dialog.signed.connect(done)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, _code: int) -> None:
        self.dialog = None
        self.window().activateWindow()
        self.setFocus()
