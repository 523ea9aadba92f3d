"""The QC station: lots awaiting release with their review by exception, inspection against
limits, nonconformances and their signed dispositions, holds, and the signed lot release.

Scanning a lot label (or a unit's label) opens the review of its lot; scanning an NCR number
(NCR-000123) selects that NCR. Keyboard: F1 release, F2 nonconformances, F3 inspection, F4
holds; F5 refresh, F6 disposition (signed), F7 close NCR, F8 open NCR on the scanned item, F9
release the lot (signed), F10 place hold, F11 release hold; Shift+F1 SPC (anomaly flags and
control limits), Shift+F6 disposition the selected flag, Shift+F9 freeze the selected step's
control limits (signed); Enter in the lot list opens the lot, Enter in the reading records it;
Enter or Esc acknowledges a refusal.
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout

from desktop.devices import ScanEvent
from desktop.domain.permissions import Meaning
from desktop.domain.plant import StationKind
from desktop.domain.text import join
from desktop.services import quality, spc
from desktop.services.quality import LotRelease, ScannedReview
from desktop.views.acting_screen import ActingScreen
from desktop.views.kit import StationKit
from desktop.views.qc_actions import QcActions
from desktop.views.qc_spc import SpcTab
from desktop.views.qc_tabs import HoldsTab, InspectionTab, NcrTab, ReleaseTab
from desktop.views.signature import SignatureDialog, SignFn, manifestation_of
from desktop.views.tasks import Runner
from desktop.views.templates import TemplatesScreen
from desktop.views.widgets import ResultPanel, label
from desktop.views.words import shown

NCR_NUMBER = re.compile(r"NCR-\d+")


class QcScreen(ActingScreen):
    key = StationKind.QC

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.current: ScannedReview | None = None
        self.dialog: SignatureDialog | None = None
        self.scan_number = 0
        self.quality = QcActions(self)
        self._build()
        self._keys()
        self._show_prompt()

    def title(self) -> str:
        return self.tr("QC")

    # ---- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.next_caption = label(self.tr("NEXT"), 13, bold=True, wrap=False)
        self.next_caption.setObjectName("muted")
        self.prompt = label("", 22, bold=True)
        self.subject = label("", 14, wrap=False)
        self.subject.setObjectName("muted")
        self.release_tab, self.ncr_tab = ReleaseTab(), NcrTab()
        self.inspection_tab, self.holds_tab = InspectionTab(), HoldsTab()
        self.tabs = QTabWidget()
        for tab, text, key in (
            (self.release_tab, self.tr("Release"), "F1"),
            (self.ncr_tab, self.tr("Nonconformances"), "F2"),
            (self.inspection_tab, self.tr("Inspection"), "F3"),
            (self.holds_tab, self.tr("Holds"), "F4"),
        ):
            self.tabs.addTab(tab, f"{text}  [{key}]")
        self.spc_tab = SpcTab()
        self.tabs.addTab(self.spc_tab, self.tr("SPC") + "  [Shift+F1]")
        self.templates = TemplatesScreen(self.runner, self.kit, embedded=True)
        self.tabs.addTab(self.templates, self.tr("Label templates") + "  [F12]")
        self.result = ResultPanel()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.next_caption)
        row.addWidget(self.prompt, 1)
        row.addWidget(self.subject)
        column.addLayout(row)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.result)
        self._wire()

    def _wire(self) -> None:
        r, n, i, h = self.release_tab, self.ncr_tab, self.inspection_tab, self.holds_tab
        r.release_button.clicked.connect(self.release_lot)
        r.refresh_button.clicked.connect(self.refresh)
        r.queue.activated.connect(lambda *_: self._open_selected_lot())
        a = self.quality
        n.disposition_button.clicked.connect(a.disposition)
        n.close_button.clicked.connect(a.close_ncr)
        n.open_button.clicked.connect(a.open_ncr)
        i.record_button.clicked.connect(a.record_reading)
        i.value.returnPressed.connect(a.record_reading)
        h.place_button.clicked.connect(a.place_hold)
        h.release_button.clicked.connect(a.release_hold)
        self.spc_tab.disposition_button.clicked.connect(self.disposition_flag)
        self.spc_tab.freeze_button.clicked.connect(self.freeze_limits)

    def _keys(self) -> None:
        actions: dict[str, Callable[[], None]] = {
            "F5": self.refresh,
            "F6": self.quality.disposition,
            "F7": self.quality.close_ncr,
            "F8": self.quality.open_ncr,
            "F9": self.release_lot,
            "F10": self.quality.place_hold,
            "F11": self.quality.release_hold,
        }
        for index in range(4):
            actions[f"F{index + 1}"] = functools.partial(self.tabs.setCurrentIndex, index)
        actions["F12"] = functools.partial(self.tabs.setCurrentWidget, self.templates)
        actions["Shift+F1"] = functools.partial(self.tabs.setCurrentWidget, self.spc_tab)
        actions["Shift+F6"] = self.disposition_flag
        actions["Shift+F9"] = self.freeze_limits
        for key, slot in actions.items():
            QShortcut(QKeySequence(key), self, slot)

    # ---- scans and keys -------------------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        if self.tabs.currentWidget() is self.templates:
            self.templates.on_scan(scan)
            return
        text = scan.text
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refuse_scan(text)
            return
        self.result.acknowledge()
        if NCR_NUMBER.fullmatch(text.strip().upper()):
            self._select_ncr(text.strip().upper())
            return
        self.result.show_idle(self.tr("Looking up the scan…"))
        self.scan_number += 1
        number = self.scan_number  # a quicker later scan wins: an older answer is not shown
        self.call(
            quality.review_for_scan,
            scan.symbol_text,
            done=lambda found: self._reviewed(found) if number == self.scan_number else None,
        )

    def _open_selected_lot(self) -> None:
        scan = self.release_tab.selected_scan()
        if scan is not None:
            self.call(quality.review_for_scan, scan, done=self._reviewed)

    def _select_ncr(self, number: str) -> None:
        self.tabs.setCurrentWidget(self.ncr_tab)
        if self.ncr_tab.select(number):
            self.result.show_good(self.tr("%1 selected").replace("%1", number))
        else:
            self.refuse(
                self.tr("%1 is not open").replace("%1", number),
                self.tr("%1 is not in the list of nonconformances to decide or close.").replace(
                    "%1", number
                ),
                self.tr("Check the number; a closed NCR is shown in the lot's review."),
            )

    # ---- showing --------------------------------------------------------------------------
    def _reviewed(self, scanned: ScannedReview) -> None:
        self.show_review(scanned)
        self.result.show_good(
            self.tr("Review of lot %1").replace("%1", scanned.review.lot),
            self.tr("Scanned: %1").replace("%1", shown(scanned.item)),
        )
        self.call(
            quality.inspection_plans,
            scanned.gtin,
            done=lambda plans: self.inspection_tab.show_plans(plans, scanned.next_step),
        )

    def show_review(self, scanned: ScannedReview) -> None:
        self.current = scanned
        r = scanned.review
        self.release_tab.review.show_review(scanned)
        self.holds_tab.show_holds(scanned.item, r.holds)
        self.ncr_tab.description.setPlaceholderText(
            self.tr("What is wrong with %1 (F8 opens an NCR)").replace("%1", shown(scanned.item))
        )
        self.release_tab.release_button.setEnabled(bool(r.pending))
        self.inspection_tab.item.setText(shown(scanned.item))
        self.subject.setText(
            self.tr("Lot %1 · scanned %2").replace("%1", r.lot).replace("%2", shown(scanned.item))
        )
        self._show_prompt()

    def _show_prompt(self) -> None:
        r = self.current.review if self.current else None
        if r is None:
            text = self.tr("Scan a lot label or a unit label")
        elif r.blockers:
            text = self.tr("Resolve the blockers, then release (F9)")
        elif r.pending:
            text = self.tr("Ready: release the lot (F9)")
        else:
            text = self.tr("Scan the next lot")
        self.prompt.setText(text)

    def refresh(self) -> None:
        if self.ctx is not None and self.login is not None:
            self.templates.activate(self.ctx, self.login)
        self.call(quality.lots_awaiting_release, done=self.release_tab.show_lots)
        self.call(quality.open_ncrs, done=self.ncr_tab.show_ncrs)
        self.call(spc.spc_flags, done=self.spc_tab.show_flags)
        self.call(spc.numeric_steps, done=self.spc_tab.show_steps)
        if self.current is not None:
            self.call(quality.review_for_scan, self.current.item_scan, done=self.show_review)

    # ---- release --------------------------------------------------------------------------
    def release_lot(self) -> None:
        self.tabs.setCurrentWidget(self.release_tab)
        scanned = self.need_scan()
        if scanned is None:
            return
        r = scanned.review
        if r.blockers:
            self.refuse(
                self.tr("Lot %1 cannot be released").replace("%1", r.lot),
                join(list(r.blockers)),
                self.tr(
                    "Resolve each blocker (nonconformances F2, holds F4, SPC flags Shift+F1), "
                    "then release."
                ),
            )
            return
        if not r.pending:
            done = shown(r.release.manifestation() if r.release else r.status.words)
            self.refuse(
                self.tr("Nothing to release"),
                self.tr("Lot %1 is released already: %2").replace("%1", r.lot).replace("%2", done),
                self.tr("Scan the next lot."),
            )
            return
        ctx, login, scan, event = self.ctx, self.login, scanned.lot_scan, uuid.uuid4()

        def sign(user: str | None, password: str, _reason: str) -> LotRelease:
            assert ctx is not None and login is not None
            return quality.release_lot(ctx, login, scan, password, user, event_id=event)

        what = self.tr("Release of lot %1 (%2): %3 item(s)").replace("%1", r.lot)
        what = what.replace("%2", r.product).replace("%3", str(len(r.pending)))
        self.sign_with_dialog(what, Meaning.RELEASED_FOR_DISTRIBUTION, sign, self._released)

    def _released(self, release: LotRelease) -> None:
        if self.current is not None:
            self.show_review(replace(self.current, review=release.review))
        self.result.show_good(
            self.tr("Lot %1 released: %2 unit(s)")
            .replace("%1", release.review.lot)
            .replace("%2", str(release.units_released)),
            release.signature.manifestation(),
        )
        self.refresh()

    # ---- SPC ------------------------------------------------------------------------------
    def disposition_flag(self) -> None:
        self.tabs.setCurrentWidget(self.spc_tab)
        flag = self.spc_tab.selected_flag()
        if flag is None:
            self.refuse(
                self.tr("No flag selected"),
                self.tr("There is no open anomaly flag to decide."),
                self.tr("Select a flag in the list first."),
            )
            return
        reason = self.spc_tab.reason.text()

        def done(decided: spc.FlagView) -> None:
            self.spc_tab.reason.clear()
            self.result.show_good(
                self.tr("%1 dispositioned").replace("%1", decided.number),
                shown(decided.words()),
            )
            self.refresh()

        self.call(spc.disposition_flag, flag.number, reason, done=done)

    def freeze_limits(self) -> None:
        self.tabs.setCurrentWidget(self.spc_tab)
        step = self.spc_tab.selected_step()
        if step is None:
            self.refuse(
                self.tr("No step selected"),
                self.tr("No product has a weighing or measuring step."),
                self.tr("Load master data with such a step first."),
            )
            return
        ctx, login, samples = self.ctx, self.login, self.spc_tab.samples.value()

        def sign(user: str | None, password: str, reason: str) -> spc.BaselineView:
            assert ctx is not None and login is not None
            return spc.freeze_baseline(
                ctx,
                login,
                step.product_key,
                str(step.position),
                password,
                samples=samples,
                username=user,
                reason=reason or None,
            )

        what = (
            self.tr("Control limits of %1, step %2, from the latest %3 readings")
            .replace("%1", step.product)
            .replace("%2", step.step)
            .replace("%3", str(samples))
        )
        self.sign_with_dialog(
            what,
            Meaning.LIMITS_APPROVED,
            sign,
            self._frozen,
            reason_label=self.tr("Why these limits (optional)"),
        )

    def _frozen(self, view: spc.BaselineView) -> None:
        self.result.show_good(
            self.tr("Control limits frozen: %1, step %2")
            .replace("%1", view.product)
            .replace("%2", view.step),
            view.signature.manifestation() if view.signature else "",
        )
        self.refresh()

    # ---- plumbing -------------------------------------------------------------------------
    def sign_with_dialog(
        self,
        what: str,
        meaning: Meaning,
        sign: SignFn,
        done: Callable[[Any], None],
        *,
        reason_label: str | None = None,
    ) -> None:
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
            reason_label=reason_label,
            parent=self,
        )
        self.dialog.signed.connect(done)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _dialog_closed(self, _code: int) -> None:
        """Back to the station: its window active again, so keys and scans reach the screen."""
        self.dialog = None
        self.window().activateWindow()
        self.setFocus()

    def need_scan(self) -> ScannedReview | None:
        if self.current is None:
            self.refuse(
                self.tr("Nothing scanned"),
                self.tr("This needs a lot or a unit."),
                self.tr("Scan the lot label or the unit's label first."),
            )
        return self.current
