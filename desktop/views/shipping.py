"""The shipping station: a shipment for a customer's site built by scanning cases, pallets and
units (each refused with its reason when it may not leave), a running count, the packing list /
delivery note (preview on screen, PDF written for the printer), confirm shipped, and the proof
of delivery (who signed at the customer, when).

F2 opens a shipment for the chosen site; a shipment chosen in the list (Enter) becomes the
current one. Scans go onto the current open shipment. F4 takes the selected line off, F6 writes
the delivery note PDF, F8 confirms the shipment shipped, F9 records the proof of delivery; F5
refreshes; Enter or Esc acknowledges a refusal.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import platformdirs
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from desktop.devices import ScanEvent
from desktop.domain.distribution import ShipmentStatus
from desktop.domain.plant import StationKind
from desktop.reports.delivery_note import DeliveryNote, render_delivery_note
from desktop.services import distribution
from desktop.services.distribution import ShipmentView
from desktop.views.acting_screen import ActingScreen
from desktop.views.kit import StationKit
from desktop.views.shipping_parts import CurrentPanel, ShipmentsPanel
from desktop.views.tasks import Runner
from desktop.views.widgets import ResultPanel, label


def notes_folder() -> Path:
    """Where the station writes delivery notes for its office printer."""
    return Path(platformdirs.user_documents_dir()) / "Lotline" / "delivery-notes"


class ShippingScreen(ActingScreen):
    key = StationKind.SHIPPING

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.folder = notes_folder()
        self.last_note: Path | None = None
        self._build()
        self._keys()
        self.show_prompt()

    def title(self) -> str:
        return self.tr("Shipping")

    # ---- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.next_caption = label(self.tr("NEXT"), 13, bold=True, wrap=False)
        self.next_caption.setObjectName("muted")
        self.prompt = label("", 22, bold=True)
        self.list_panel, self.current_panel = ShipmentsPanel(), CurrentPanel()
        self.result = ResultPanel()
        top = QHBoxLayout()
        top.addWidget(self.next_caption)
        top.addWidget(self.prompt, 1)
        body = QHBoxLayout()
        body.addWidget(self.list_panel, 2)
        body.addWidget(self.current_panel, 5)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(body, 1)
        column.addWidget(self.result)
        c = self.current_panel
        self.list_panel.open_button.clicked.connect(self.open_shipment)
        self.list_panel.table.activated.connect(lambda *_: self._choose())
        self.list_panel.table.itemSelectionChanged.connect(self._choose)
        c.remove_button.clicked.connect(self.take_off)
        c.note_button.clicked.connect(self.write_note)
        c.confirm_button.clicked.connect(self.confirm)
        c.pod_button.clicked.connect(self.record_delivery)

    def _keys(self) -> None:
        actions: dict[str, Callable[[], None]] = {
            "F2": self.open_shipment,
            "F4": self.take_off,
            "F5": self.refresh,
            "F6": self.write_note,
            "F8": self.confirm,
            "F9": self.record_delivery,
        }
        for key, slot in actions.items():
            QShortcut(QKeySequence(key), self, slot)

    @property
    def current(self) -> ShipmentView | None:
        return self.current_panel.current

    def show_prompt(self) -> None:
        view = self.current
        if view is None:
            text = self.tr("Choose the customer's site and open a shipment (F2)")
        elif view.status == ShipmentStatus.OPEN and not view.lines:
            text = self.tr("Scan the cases, pallets or units to ship")
        elif view.status == ShipmentStatus.OPEN:
            text = self.tr("Scan the next one, or confirm shipped (F8)")
        elif view.delivered_at is None:
            text = self.tr("Print the delivery note (F6); record the proof of delivery (F9)")
        else:
            text = self.tr("Delivered: open the next shipment (F2)")
        self.prompt.setText(text)

    def refresh(self) -> None:
        self.call(distribution.customer_sites, done=self.list_panel.show_sites)
        self.call(distribution.shipments, done=self.list_panel.show_shipments)
        if self.current is not None:
            self._load(self.current.number)

    # ---- the current shipment -------------------------------------------------------------
    def _load(self, number: str) -> None:
        self.call(distribution.shipment, number, done=self._show)
        self.call(distribution.delivery_note, number, done=self._note)

    def _show(self, view: ShipmentView) -> None:
        self.current_panel.show_shipment(view)
        self.show_prompt()

    def _note(self, note: DeliveryNote) -> None:
        if self.current is not None and note.number == self.current.number:
            self.current_panel.show_note(note)

    def _choose(self) -> None:
        number = self.list_panel.selected()
        if number and (self.current is None or number != self.current.number):
            self.result.acknowledge()
            self._load(number)

    def open_shipment(self) -> None:
        chosen = self.list_panel.site.currentData()
        if not chosen:
            self.refuse(
                self.tr("No customer site"),
                self.tr("The master data has no customer site to ship to."),
                self.tr("Load the customers and their sites in the master data."),
            )
            return
        customer, site = chosen
        self.call(distribution.open_shipment, customer, site, done=self._opened)

    def _opened(self, view: ShipmentView) -> None:
        self._show(view)
        self.current_panel.lines.fill([])
        self.current_panel.count.setText(self.tr("0 scanned"))
        self.result.show_good(
            self.tr("Shipment %1 opened").replace("%1", view.number),
            self.tr("to %1 · %2").replace("%1", view.customer).replace("%2", view.site or ""),
        )
        self.call(distribution.shipments, done=self.list_panel.show_shipments)

    # ---- scans ----------------------------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        self.result.acknowledge()
        view = self.current
        if view is None or view.status != ShipmentStatus.OPEN:
            self.refuse(
                self.tr("No open shipment"),
                self.tr("Scan %1 was not added: no shipment is open.").replace(
                    "%1", scan.symbol_text
                ),
                self.tr("Open a shipment for the customer's site first (F2)."),
            )
            return
        self.call(
            distribution.add_to_shipment,
            view.number,
            scan.symbol_text,
            done=self._added,
            title=self.tr("Not shipped"),
        )

    def _added(self, view: ShipmentView) -> None:
        self._show(view)
        added = view.lines[-1].item if view.lines else ""
        self.result.show_good(
            self.tr("%1 added").replace("%1", added),
            self.tr("%1 on shipment %2")
            .replace("%1", str(len(view.lines)))
            .replace("%2", view.number),
        )
        self.call(distribution.delivery_note, view.number, done=self._note)

    def take_off(self) -> None:
        view = self.current
        scan = self.current_panel.selected_scan()
        if view is None or view.status != ShipmentStatus.OPEN or scan is None:
            self.refuse(
                self.tr("Nothing to take off"),
                self.tr("Select a scanned line of an open shipment."),
                self.tr("Choose the case, pallet or unit in the list, then F4."),
            )
            return
        self.call(distribution.remove_from_shipment, view.number, scan, done=self._removed)

    def _removed(self, view: ShipmentView) -> None:
        self._show(view)
        self.result.show_good(self.tr("Taken off shipment %1").replace("%1", view.number))
        self.call(distribution.delivery_note, view.number, done=self._note)

    # ---- delivery note, confirm, proof of delivery -----------------------------------------
    def write_note(self) -> None:
        if self.current is None:
            self.refuse(
                self.tr("No shipment"),
                self.tr("There is no shipment to write a delivery note for."),
                self.tr("Open or choose a shipment first."),
            )
            return
        self.call(distribution.delivery_note, self.current.number, done=self._write_note)

    def _write_note(self, note: DeliveryNote) -> None:
        self._note(note)
        target = self.folder / f"{note.number}.pdf"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            render_delivery_note(note, target)
        except OSError as exc:
            self.refuse(
                self.tr("Delivery note not written"),
                self.tr("%1 cannot be written: %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc)),
                self.tr("Check that the folder exists and may be written, then F6 again."),
            )
            return
        self.last_note = target
        self.result.show_good(
            self.tr("Delivery note of %1 written").replace("%1", note.number), str(target)
        )

    def confirm(self) -> None:
        view = self.current
        if view is None or view.status != ShipmentStatus.OPEN:
            self.refuse(
                self.tr("Nothing to confirm"),
                self.tr("No open shipment is chosen."),
                self.tr("Open a shipment and scan what leaves, then F8."),
            )
            return
        self.call(
            distribution.confirm_shipment,
            view.number,
            done=self._confirmed,
            title=self.tr("Not shipped"),
            event_id=uuid.uuid4(),
        )

    def _confirmed(self, view: ShipmentView) -> None:
        self._show(view)
        self.result.show_good(
            self.tr("Shipment %1 shipped").replace("%1", view.number),
            self.tr("%1 units to %2").replace("%1", str(view.units)).replace("%2", view.site or ""),
        )
        self.call(distribution.shipments, done=self.list_panel.show_shipments)
        self.call(distribution.delivery_note, view.number, done=self._note)

    def record_delivery(self) -> None:
        view = self.current
        if view is None:
            return
        c = self.current_panel
        self.call(
            distribution.record_delivery,
            view.number,
            c.signed_by.text(),
            c.delivered(),
            done=self._delivered,
            title=self.tr("Proof of delivery refused"),
        )

    def _delivered(self, view: ShipmentView) -> None:
        self._show(view)
        self.current_panel.signed_by.clear()
        self.result.show_good(
            self.tr("Delivery of %1 recorded").replace("%1", view.number),
            self.tr("signed for by %1").replace("%1", view.received_by or ""),
        )
