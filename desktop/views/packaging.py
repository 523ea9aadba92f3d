"""The packaging station: print queue, the real label as preview, print, scan-back verification,
reprint (reason + supervisor signature), label reconciliation, packing units into cases.

Scans: after a print the next scan is the scan-back of that label (verified, or voided with
both strings shown); a case's SSCC makes it the open case; a unit or lot whose label is next is
selected for printing; a labelled unit (or lot) is packed into the open case; a pallet's SSCC
makes it the current pallet and a closed case scanned then goes onto it (packaging_pallets).
Keyboard: F3 unpack the next scan (reason typed), F4 close the pallet, F5 refresh, F6 new
pallet, F7 new case, F8 close the open case, F9 print, F10 reprint, F11 reconcile the lot;
Enter in the queue selects the item; Enter or Esc acknowledges a refusal, and Esc stops waiting
for a scan-back (a later scan of that label still verifies it).
"""

from __future__ import annotations

import functools
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QVBoxLayout

from desktop.adapters.capture import scan_capture
from desktop.devices import ScanEvent
from desktop.domain.capture import DeviceCapture
from desktop.domain.labelling import PrintStatus
from desktop.domain.plant import StationKind
from desktop.domain.states import ItemKind, Status
from desktop.domain.steps import StepKind
from desktop.services import labelling
from desktop.services.core.errors import Refusal
from desktop.services.core.printing import LabelPrinter
from desktop.services.labelling import LabelPreview, PrintJobView, Scanned, VerifyResult
from desktop.services.packing import ContainerView
from desktop.views.kit import StationKit
from desktop.views.packaging_actions import CaseActions, LabelActions
from desktop.views.packaging_pallets import PalletActions, PalletBar
from desktop.views.packaging_parts import CaseBox, PreviewBox, PrintQueue
from desktop.views.qc_tabs import key_button
from desktop.views.screen import Screen
from desktop.views.tasks import Runner
from desktop.views.widgets import ResultPanel, hbox, label
from desktop.views.words import shown


class PackagingScreen(Screen):
    key = StationKind.PACKAGING

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.printer: LabelPrinter | None = kit.printer
        self.selected: Scanned | None = None
        self.last_job: str | None = None  # the latest label job (what a reprint reprints)
        self.last_item = ""  # whose label that is
        self.voided = False  # that label was voided: only a reprint replaces it
        self.awaiting: list[str] = []  # label jobs printed and not yet scanned back
        self.case: ContainerView | None = None
        self.failed_key: tuple[str, str] | None = None  # (item scan, job key) to retry
        self.dialog: QDialog | None = None
        self.scans: deque[ScanEvent] = deque()
        self.pending = 0  # calls in flight
        runner.busy_changed.connect(self._runner_busy)
        self.labels, self.cases = LabelActions(self), CaseActions(self)
        self.pallet_bar = PalletBar()
        self.pallets = PalletActions(self, self.pallet_bar)
        self._build()
        self._keys()
        self.show_prompt()

    def title(self) -> str:
        return self.tr("Packaging")

    # ---- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.next_caption = label(self.tr("NEXT"), 13, bold=True, wrap=False)
        self.next_caption.setObjectName("muted")
        self.prompt = label("", 22, bold=True)
        self.queue, self.preview, self.case_box = PrintQueue(), PreviewBox(), CaseBox()
        self.refresh_button = key_button(self.tr("Refresh"), "F5")
        self.reconcile_button = key_button(self.tr("Reconcile"), "F11")
        self.print_button = key_button(self.tr("Print label"), "F9")
        self.reprint_button = key_button(self.tr("Reprint…"), "F10")
        self.new_case_button = key_button(self.tr("New case"), "F7")
        self.close_case_button = key_button(self.tr("Close case"), "F8")
        self.result = ResultPanel()
        grid = QGridLayout()
        grid.addWidget(label(self.tr("Print queue (Enter selects)"), 14, bold=True), 0, 0)
        grid.addWidget(self.queue, 1, 0)
        grid.addLayout(hbox(self.refresh_button, self.reconcile_button), 2, 0)
        grid.addWidget(self.preview, 0, 1, 2, 1)
        grid.addLayout(hbox(self.print_button, self.reprint_button), 2, 1)
        grid.addWidget(self.case_box, 0, 2, 2, 1)
        grid.addLayout(hbox(self.new_case_button, self.close_case_button), 2, 2)
        grid.setRowStretch(1, 1)
        for column, stretch in enumerate((3, 4, 3)):
            grid.setColumnStretch(column, stretch)
        row = QHBoxLayout()
        row.addWidget(self.next_caption)
        row.addWidget(self.prompt, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(row)
        outer.addLayout(grid, 1)
        outer.addWidget(self.pallet_bar)
        outer.addWidget(self.result)
        self._wire()

    def _wire(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.reconcile_button.clicked.connect(self.labels.reconcile)
        self.print_button.clicked.connect(self.print_label)
        self.reprint_button.clicked.connect(self.labels.reprint)
        self.new_case_button.clicked.connect(self.cases.new)
        self.close_case_button.clicked.connect(self.cases.close)
        self.queue.activated.connect(lambda *_: self._select_queued())

    def _keys(self) -> None:
        actions: dict[str, Callable[[], None]] = {
            "F3": self.pallets.arm_unpack,
            "F4": self.pallets.close,
            "F5": self.refresh,
            "F6": self.pallets.new,
            "F7": self.cases.new,
            "F8": self.cases.close,
            "F9": self.print_label,
            "F10": self.labels.reprint,
            "F11": self.labels.reconcile,
        }
        for key, slot in actions.items():
            QShortcut(QKeySequence(key), self, slot)

    def show_prompt(self) -> None:
        if self.awaiting:
            text = self.tr("Apply the label, then scan it back")
        elif self.voided:
            text = self.tr("Reprint the label with a supervisor: F10")
        elif self.selected is not None and self.selected.next_step is StepKind.LABEL:
            text = self.tr("Print the label: F9")
        elif self.case is None:
            text = self.tr("Scan a unit to label, or a case label to pack")
        else:
            text = self.tr("Scan a labelled unit to pack it")
        self.prompt.setText(text)

    # ---- scans and keys -------------------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        """Scans wait in turn while anything is in flight (a print: its scan-back comes next)."""
        if self.dialog is not None and self.dialog.isVisible():
            self._scan_during_dialog(scan.symbol_text)
            return
        self.scans.append(scan)
        self._next_scan()

    def _next_scan(self) -> None:
        if self.pending or not self.scans:
            return
        scanned = self.scans.popleft()
        self.result.acknowledge()
        scan, capture = scanned.symbol_text, scan_capture(scanned)
        if self.awaiting:
            self._verify(self.awaiting[0], scan, capture)
        else:
            self.call(
                labelling.identify,
                scan,
                done=lambda found: self._identified(found, scan, capture),
            )

    def _scan_during_dialog(self, text: str) -> None:
        refuse = getattr(self.dialog, "refuse_scan", None)
        if refuse is not None:
            refuse(text)
            return
        self.refuse(
            self.tr("Scan not used"),
            self.tr('The scan "%1" was not used while a dialog is open.').replace(
                "%1", text.replace("\x1d", "<GS>")
            ),
            self.tr("Finish or cancel the dialog, then scan again."),
        )

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            if self.result.refused:
                self.result.acknowledge()
                self.result.show_idle("")
                return
            if event.key() == Qt.Key.Key_Escape and self.awaiting:
                self.awaiting = []
                self.result.show_idle(self.tr("Not waiting for the scan-back any more."))
                self.show_prompt()
                return
        super().keyPressEvent(event)

    def _identified(self, found: Scanned, scan: str, capture: DeviceCapture | None = None) -> None:
        if self.pallets.handles(found):
            return
        if found.kind is ItemKind.CASE:
            self.cases.take(found)
        elif found.job_key is not None:
            self._verify(found.job_key, scan, capture)  # its printed label, scanned back
        elif found.next_step is StepKind.PACK:
            self.cases.pack(found, capture)
        else:
            self._select(found)

    def _select_queued(self) -> None:
        line = self.queue.selected_line()
        if line is not None:
            self.call(labelling.identify, line.scan, done=self._select)

    def _select(self, found: Scanned) -> None:
        self.selected, self.last_job, self.last_item = found, found.last_job, found.item
        voided = found.last_status is PrintStatus.VOIDED
        self.voided = voided and found.next_step is StepKind.LABEL
        self.preview.show_preview(
            None, self.tr("Rendering the label of %1…").replace("%1", shown(found.item))
        )
        self.preview.set_copies(found.quantity if found.kind is ItemKind.PRODUCTION_LOT else None)
        self.show_prompt()
        self.call(labelling.label_preview, found.scan, done=self._previewed)
        if found.status not in (Status.RELEASED, Status.PACKED):
            self.refuse(
                self.tr("Not released"),
                self.tr("%1 is %2: labels are printed only for released items.")
                .replace("%1", shown(found.item))
                .replace("%2", shown(found.status.words)),
                self.tr("QC releases the lot first."),
            )
        elif found.next_step is StepKind.LABEL:
            self.result.show_good(
                self.tr("%1 selected").replace("%1", shown(found.item)),
                self.tr("Print its label: F9"),
            )
        else:
            self.result.show_idle(
                self.tr("%1 · %2")
                .replace("%1", shown(found.item))
                .replace("%2", shown(found.status.words))
            )

    def _previewed(self, preview: LabelPreview) -> None:
        if self.selected is not None and preview.scan == self.selected.scan:
            self.preview.show_preview(preview)

    # ---- printing and verification ----------------------------------------------------------
    def print_label(self) -> None:
        item = self.selected
        if item is None:
            self.refuse(
                self.tr("Nothing to print"),
                self.tr("No unit or lot is selected."),
                self.tr("Scan the unit, or select it in the queue and press Enter."),
            )
            return
        if self.printer is None:
            self.refuse(
                self.tr("No label printer"),
                self.tr("This station has no label printer connected."),
                self.tr("Check the printer in the device strip; ask an administrator."),
            )
            return
        retry = self.failed_key
        key = retry[1] if retry and retry[0] == item.scan else uuid.uuid4().hex
        copies = self.preview.copies.value() if item.kind is ItemKind.PRODUCTION_LOT else 1
        self.call(
            labelling.print_labels, self.printer, item.scan, copies, done=self.printed, key=key
        )

    def printed(self, job: PrintJobView) -> None:
        if job.status is PrintStatus.FAILED:
            self.failed_key = (self.selected.scan if self.selected else "", job.key)
            self.refuse(
                self.tr("Label not printed"),
                job.message,
                self.tr("Fix the printer, then F9 again: the same job is sent, never twice."),
            )
            return
        self.failed_key, self.last_job, self.last_item = None, job.key, job.item
        self.voided = False
        self.awaiting = list(job.copies)
        if job.status is PrintStatus.HELD:
            self.refuse(
                self.tr("The printer holds the label"),
                job.message,
                self.tr("Fix the printer; the label prints then. Scan it back once applied."),
            )
        else:
            self.result.show_good(
                self.tr("Label printed: %1").replace("%1", shown(job.item)), job.message
            )
        self.show_prompt()
        self.refresh()

    def _verify(self, job_key: str, scan: str, capture: DeviceCapture | None = None) -> None:
        self.call(
            labelling.verify_label,
            job_key,
            scan,
            done=self._verified,
            event_id=uuid.uuid4(),
            capture=capture,
        )

    def _verified(self, result: VerifyResult) -> None:
        self.last_job, self.last_item = result.job_key, result.item
        self.voided = not result.ok
        if result.job_key in self.awaiting:
            self.awaiting.remove(result.job_key)
        if result.ok:
            step = self.tr("Label step passed.") if result.step_passed else ""
            if result.step_passed and self.selected and self.selected.item == result.item:
                self.selected = replace(self.selected, next_step=None)  # not "print" any more
            self.result.show_good(
                self.tr("Label verified: %1").replace("%1", shown(result.item)),
                f"{result.expected}\n{step}".strip(),
            )
        else:
            self.refuse(
                self.tr("Label does not match: voided"),
                self.tr("Printed: %1\nScanned: %2")
                .replace("%1", result.expected)
                .replace("%2", result.scanned),
                self.tr("Remove that label. A reprint needs a supervisor: F10."),
            )
        self.show_prompt()
        self.refresh()

    # ---- plumbing -------------------------------------------------------------------------
    def refresh(self) -> None:
        self.call(labelling.print_queue, done=self.queue.show_lines)

    def open_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _code: int) -> None:
        """Back to the station: its window active again, so keys and scans reach the screen."""
        self.dialog = None
        self.window().activateWindow()
        self.setFocus()

    def call(
        self, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None], **kw: Any
    ) -> None:
        """A use case on a worker thread; scans wait until every call has answered."""
        if self.ctx is None:
            return
        self.pending += 1

        def answered(result: Any) -> None:
            try:
                done(result)
            finally:
                self._settled()

        def refused(refusal: Refusal) -> None:
            try:
                self._refused(refusal)
            finally:
                self._settled()

        call = functools.partial(fn, **kw) if kw else fn
        self.runner.run(call, self.ctx, *args, done=answered, refused=refused)

    def _settled(self) -> None:
        self.pending = max(0, self.pending - 1)
        self._next_scan()

    def _runner_busy(self, busy: bool) -> None:
        if not busy:  # nothing in flight at all (a call that failed answers neither way)
            self.pending = 0
            self._next_scan()

    def _refused(self, refusal: Refusal) -> None:
        self.refuse(
            self.tr("Refused"),
            refusal.message,
            self.tr("Nothing was recorded. Press Enter to go on."),
        )

    def refuse(self, title: str, reason: str, hint: str) -> None:
        self.result.show_refused(title, reason, hint)
