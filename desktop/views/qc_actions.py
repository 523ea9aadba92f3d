"""The QC station's actions on nonconformances, inspections and holds (the QC screen, qc.py,
owns the keys, the scan and the lot release; these run through its background calls)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.domain.permissions import Meaning
from desktop.services import holds, quality
from desktop.services.quality import InspectionResultView, NcrView
from desktop.views.qc_review import ncr_disposition
from desktop.views.words import shown

if TYPE_CHECKING:
    from desktop.views.qc import QcScreen


class QcActions(QObject):
    def __init__(self, screen: QcScreen) -> None:
        super().__init__(screen)
        self.s = screen

    # ---- nonconformances ------------------------------------------------------------------
    def disposition(self) -> None:
        self.s.tabs.setCurrentWidget(self.s.ncr_tab)
        ncr = self._need_ncr()
        if ncr is None:
            return
        decision, step = self.s.ncr_tab.decision()
        ctx, login, number = self.s.ctx, self.s.login, ncr.number

        def sign(user: str | None, password: str, reason: str) -> NcrView:
            assert ctx is not None and login is not None
            return quality.disposition_ncr(
                ctx, login, number, decision, reason, password, step, username=user
            )

        what = self.tr("%1 on %2: %3").replace("%1", number).replace("%2", shown(ncr.item))
        words = self.s.ncr_tab.disposition.currentText()
        if step:
            words += " " + self.tr("(from step %1)").replace("%1", str(step))
        self.s.sign_with_dialog(
            what.replace("%3", words),
            Meaning.DISPOSITION_APPROVED,
            sign,
            self._dispositioned,
            reason_label=self.tr("Reason"),
        )

    def _dispositioned(self, ncr: NcrView) -> None:
        self.s.result.show_good(
            self.tr("%1 dispositioned").replace("%1", ncr.number), ncr_disposition(ncr)
        )
        self.s.refresh()

    def close_ncr(self) -> None:
        self.s.tabs.setCurrentWidget(self.s.ncr_tab)
        ncr = self._need_ncr()
        if ncr is not None:
            self.s.call(
                quality.close_ncr, ncr.number, self.s.ncr_tab.note.text(), done=self._ncr_closed
            )

    def _ncr_closed(self, ncr: NcrView) -> None:
        self.s.ncr_tab.note.clear()
        self.s.result.show_good(
            self.tr("%1 closed").replace("%1", ncr.number), ncr.close_note or ""
        )
        self.s.refresh()

    def open_ncr(self) -> None:
        self.s.tabs.setCurrentWidget(self.s.ncr_tab)
        scanned = self.s.need_scan()
        if scanned is not None:
            text = self.s.ncr_tab.description.text()
            self.s.call(
                quality.open_ncr,
                scanned.item_scan,
                text,
                done=self._ncr_opened,
                event_id=uuid.uuid4(),
            )

    def _ncr_opened(self, ncr: NcrView) -> None:
        self.s.ncr_tab.description.clear()
        self.s.result.show_good(
            self.tr("%1 opened on %2").replace("%1", ncr.number).replace("%2", shown(ncr.item)),
            ncr.description,
        )
        self.s.refresh()
        self.s.ncr_tab.select(ncr.number)

    # ---- inspection -----------------------------------------------------------------------
    def record_reading(self) -> None:
        self.s.tabs.setCurrentWidget(self.s.inspection_tab)
        scanned = self.s.need_scan()
        characteristic = self.s.inspection_tab.characteristic()
        if scanned is None or characteristic is None:
            return
        value = self.s.inspection_tab.value.text().strip().replace(",", ".")
        self.s.call(
            quality.record_inspection,
            scanned.item_scan,
            characteristic,
            value,
            done=self._recorded,
            event_id=uuid.uuid4(),
        )

    def _recorded(self, result: InspectionResultView) -> None:
        self.s.inspection_tab.value.clear()
        reading = f"{format(result.value.normalize(), 'f')} {result.unit}"
        verdict = self.tr("✔ in tolerance") if result.passed else self.tr("✖ OUT OF TOLERANCE")
        self.s.inspection_tab.add_result(
            shown(result.item), result.characteristic, reading, verdict
        )
        if result.passed:
            self.s.result.show_good(self.tr("Reading recorded"), result.message)
        else:
            self.s.result.show_refused(
                self.tr("Out of tolerance: recorded"),
                result.message,
                self.tr("%1 is open: the item is nonconforming until it is dispositioned.").replace(
                    "%1", result.ncr or "?"
                ),
            )
        self.s.refresh()

    # ---- holds ----------------------------------------------------------------------------
    def place_hold(self) -> None:
        self.s.tabs.setCurrentWidget(self.s.holds_tab)
        scanned = self.s.need_scan()
        if scanned is not None:
            ncr = self.s.holds_tab.ncr.text().strip() or None
            reason = self.s.holds_tab.reason.text()
            self.s.call(
                holds.place_hold,
                scanned.item_scan,
                reason,
                ncr,
                done=self._held,
                event_id=uuid.uuid4(),
            )

    def release_hold(self) -> None:
        self.s.tabs.setCurrentWidget(self.s.holds_tab)
        scanned = self.s.need_scan()
        if scanned is not None:
            reason = self.s.holds_tab.reason.text()
            self.s.call(
                holds.release_hold,
                scanned.item_scan,
                reason,
                done=self._unheld,
                event_id=uuid.uuid4(),
            )

    def _held(self, hold: holds.HoldView) -> None:
        self.s.holds_tab.reason.clear()
        self.s.result.show_good(
            self.tr("%1 is on hold").replace("%1", shown(hold.item)), hold.reason
        )
        self.s.refresh()

    def _unheld(self, released: list[holds.HoldView]) -> None:
        self.s.holds_tab.reason.clear()
        items = ", ".join(shown(h.item) for h in released)
        self.s.result.show_good(self.tr("Hold released: %1").replace("%1", items))
        self.s.refresh()

    def _need_ncr(self) -> NcrView | None:
        ncr = self.s.ncr_tab.selected()
        if ncr is None:
            self.s.refuse(
                self.tr("No NCR selected"),
                self.tr("Choose the nonconformance first."),
                self.tr("Select it in the list (arrow keys) or scan its number."),
            )
        return ncr
