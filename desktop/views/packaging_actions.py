"""The packaging station's actions besides printing and scan-back: reprints (a reason and a
supervisor's signature, the supervisor logging in inside the dialog), the label reconciliation
of a lot, and the open case (packing units or kits into it)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.domain.capture import DeviceCapture
from desktop.domain.permissions import Meaning
from desktop.domain.states import ItemKind, Status
from desktop.services import identity, labelling, packing
from desktop.services.labelling import PrintJobView, Reconciliation, Scanned
from desktop.services.packing import ContainerView
from desktop.views.packaging_parts import ReconcileDialog
from desktop.views.signature import SignatureDialog, manifestation_of
from desktop.views.words import shown

if TYPE_CHECKING:
    from desktop.views.packaging import PackagingScreen


class LabelActions(QObject):
    def __init__(self, screen: PackagingScreen) -> None:
        super().__init__(screen)
        self.s = screen

    # ---- reprint (reason + a supervisor's signature) ------------------------------------
    def reprint(self) -> None:
        job_key = self.s.last_job
        if job_key is None or self.s.printer is None or self.s.ctx is None:
            self.s.refuse(
                self.tr("Nothing to reprint"),
                self.tr("Reprint needs an item whose label was printed, and a printer."),
                self.tr("Scan the unit (or select it in the queue) first."),
            )
            return
        ctx, printer = self.s.ctx, self.s.printer
        new_key = f"{job_key[:40]}-R{uuid.uuid4().hex[:6]}"

        def sign(user: str | None, password: str, reason: str) -> PrintJobView:
            supervisor = identity.login(ctx, user or "", password)
            try:
                return labelling.reprint_label(
                    ctx, supervisor, job_key, reason, password, user, printer=printer, key=new_key
                )
            finally:
                supervisor.end()

        dialog = SignatureDialog(
            self.s.runner,
            what=self.tr("Reprint of the label of %1").replace("%1", shown(self.s.last_item)),
            meaning=Meaning.REPRINT_APPROVED.value,
            ask_username=True,
            sign=sign,
            manifestation=manifestation_of,
            reason_label=self.tr("Why reprint"),
            signer=self.tr("A supervisor signs: the supervisor's user name and password."),
            parent=self.s,
        )
        dialog.signed.connect(self.s.printed)
        self.s.open_dialog(dialog)

    # ---- reconciliation -------------------------------------------------------------------
    def reconcile(self) -> None:
        lot = self.s.selected.lot_scan if self.s.selected else None
        if lot is None:
            self.s.refuse(
                self.tr("No lot"),
                self.tr("Reconciliation is per lot."),
                self.tr("Scan a unit or the lot first."),
            )
            return
        dialog = ReconcileDialog(lot, self.s)
        dialog.accepted.connect(lambda: self._reconcile(lot, *dialog.counts()))
        self.s.open_dialog(dialog)

    def _reconcile(self, lot: str, applied: int, destroyed: int, returned: int) -> None:
        self.s.call(
            labelling.reconcile,
            lot,
            applied,
            destroyed,
            returned,
            done=self._reconciled,
            event_id=uuid.uuid4(),
        )

    def _reconciled(self, r: Reconciliation) -> None:
        self.s.result.show_good(
            self.tr("Labels of lot %1 reconciled").replace("%1", r.lot),
            self.tr("%1 issued = %2 applied + %3 destroyed + %4 returned (%5 reprints, %6 voided)")
            .replace("%1", str(r.issued))
            .replace("%2", str(r.applied))
            .replace("%3", str(r.destroyed))
            .replace("%4", str(r.returned))
            .replace("%5", str(r.reprints))
            .replace("%6", str(r.voided)),
        )


class CaseActions(QObject):
    """The open case: take a scanned case, make a new one, pack into it, close it."""

    def __init__(self, screen: PackagingScreen) -> None:
        super().__init__(screen)
        self.s = screen

    def take(self, found: Scanned) -> None:
        self.s.case = found.container if found.status is Status.OPEN else None
        self.s.case_box.show_case(found.container)
        self.s.show_prompt()
        if found.status is not Status.OPEN:
            self.s.refuse(
                self.tr("Case is %1").replace("%1", shown(found.status.words)),
                self.tr("%1 is %2: nothing more is packed into it.")
                .replace("%1", shown(found.item))
                .replace("%2", shown(found.status.words)),
                self.tr("Scan an open case, or F7 for a new one."),
            )
        else:
            self.s.result.show_good(self.tr("Open case: %1").replace("%1", shown(found.item)))

    def new(self) -> None:
        self.s.call(packing.create_case, done=self._case_created, event_id=uuid.uuid4())

    def _case_created(self, case: ContainerView) -> None:
        self.s.case = case
        self.s.case_box.show_case(case)
        self.s.result.show_good(self.tr("New case: SSCC %1").replace("%1", case.sscc))
        self.s.show_prompt()

    def close(self) -> None:
        if self._need_case():
            assert self.s.case is not None
            sscc = f"(00){self.s.case.sscc}"
            self.s.call(packing.close_case, sscc, done=self._case_closed, event_id=uuid.uuid4())

    def _case_closed(self, case: ContainerView) -> None:
        self.s.case = None
        self.s.case_box.show_case(case)
        self.s.result.show_good(self.tr("Case closed: SSCC %1").replace("%1", case.sscc))
        self.s.show_prompt()

    def pack(self, found: Scanned, capture: DeviceCapture | None = None) -> None:
        """Pack what was scanned (``capture``: that scan as the scanner delivered it)."""
        if not self._need_case():
            return
        assert self.s.case is not None
        sscc = f"(00){self.s.case.sscc}"
        if found.kind is ItemKind.UNIT:
            self.s.call(
                packing.pack_unit,
                sscc,
                found.scan,
                done=self._packed,
                event_id=uuid.uuid4(),
                capture=capture,
            )
            return
        quantity = self.s.case_box.quantity.value() or None
        self.s.call(
            packing.pack_lot_quantity,
            sscc,
            found.scan,
            quantity,
            done=self._packed,
            event_id=uuid.uuid4(),
        )

    def _packed(self, case: ContainerView) -> None:
        self.s.case = case
        self.s.case_box.show_case(case)
        last = case.contents[-1].item if case.contents else ""
        full = case.capacity is not None and case.count >= case.capacity
        hint = self.tr("The case is full: close it (F8).") if full else ""
        self.s.result.show_good(self.tr("Packed: %1").replace("%1", shown(last)), hint)
        self.s.show_prompt()

    def _need_case(self) -> bool:
        if self.s.case is None:
            self.s.refuse(
                self.tr("No open case"),
                self.tr("Packing needs an open case."),
                self.tr("Scan a case label, or press F7 for a new case."),
            )
        return self.s.case is not None
