"""The recall screen: open a campaign on the forward scope of a bad lot or serial (scanned
or typed, with its reason), see the affected units with their state and the customers and
sites to notify, record notifications, returns and dispositions by scanning, watch the
campaign's figures, and close it with the supervisor's signature "Recall closed".

F2 makes the next scan the scope of a new recall (type the reason first); Enter on a recall of
the list makes it the current one. What a scan records on the current recall is chosen with F4
(returned), F6 (disposition, as chosen below with its reason) and F7 (customer notified). F3
records that the customer site chosen in the customers list was told (who, how); F8 closes the
recall with a signature; F9 writes the recall's whole scope (units, shipments, customers,
sites) to a CSV file, a bar following it; F5 refreshes (and every 30 s while shown); Enter or
Esc acknowledges a refusal. Every answer comes from a background call: a long scope never
freezes the window. The figures and customers come first; the units then fill the list page
by page (5,000 at a time) with a bar saying how many are listed, so a recall of 200,000 units
is shown at once and listed within seconds.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QVBoxLayout

from desktop.devices import ScanEvent
from desktop.domain.distribution import RecallStatus
from desktop.domain.permissions import Meaning
from desktop.reports.recall_model import RecallUpdate, RecallView
from desktop.reports.scope_csv import ScopeExport
from desktop.services import recall
from desktop.services.identity import SignatureInfo
from desktop.views.acting_screen import ActingScreen
from desktop.views.kit import StationKit
from desktop.views.recall_parts import UNITS_PAGE, CampaignPanel, CampaignsPanel
from desktop.views.signature import SignatureDialog
from desktop.views.tasks import Runner
from desktop.views.widgets import ResultPanel, label
from desktop.views.words import shown

#: How often the figures of a shown recall are read again (others record notifications too).
WATCH_MS = 30_000

#: The recall screen's key: a screen offered by role (the recall permission), not a station.
KEY = "recall"  # not a code: a screen's key


class ScanMode(Enum):
    """What the next scan records."""

    SCOPE = auto()  # the bad lot or serial of a new recall
    RETURN = auto()
    DISPOSITION = auto()
    NOTIFY = auto()


def closing_info(view: RecallView) -> SignatureInfo | None:
    """The closing signature of a recall as the signature dialog shows it."""
    m = view.closing
    if m is None:
        return None
    meaning = Meaning(m.meaning)
    return SignatureInfo(
        0, m.printed_name, m.username, meaning, m.signed_at, "recalls", view.number, m.valid
    )


class RecallScreen(ActingScreen):
    key = KEY
    #: (file, rows written, rows in all) of a CSV export, from the worker thread.
    export_progress = Signal(str, int, int)

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.dialog: SignatureDialog | None = None
        self.listing = 0  # which reading of the units list is the current one
        self.export_progress.connect(self.campaign_export_progress)
        self._build()
        self._keys()
        self.set_mode(ScanMode.SCOPE)
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self._watch)
        self.watch.start()

    def _watch(self) -> None:
        """While shown and idle, read the list and the current recall again."""
        idle = self.ctx is not None and self.runner.pending == 0 and not self.result.refused
        if idle and self.isVisible() and (self.dialog is None or not self.dialog.isVisible()):
            self.refresh()

    def title(self) -> str:
        return self.tr("Recalls")

    # ---- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.next_caption = label(self.tr("NEXT"), 13, bold=True, wrap=False)
        self.next_caption.setObjectName("muted")
        self.prompt = label("", 22, bold=True)
        self.list_panel, self.campaign = CampaignsPanel(), CampaignPanel()
        self.result = ResultPanel()
        modes = {
            ScanMode.SCOPE: self.tr("the scope of a new recall") + "  [F2]",
            ScanMode.RETURN: self.tr("a unit returned") + "  [F4]",
            ScanMode.DISPOSITION: self.tr("a unit's disposition") + "  [F6]",
            ScanMode.NOTIFY: self.tr("a unit's customer notified") + "  [F7]",
        }
        for mode, text in modes.items():
            self.campaign.mode.addItem(text, mode)
        self.campaign.mode.currentIndexChanged.connect(
            lambda _: self.set_mode(self.campaign.mode.currentData())
        )
        top = QHBoxLayout()
        top.addWidget(self.next_caption)
        top.addWidget(self.prompt, 1)
        body = QHBoxLayout()
        body.addWidget(self.list_panel, 2)
        body.addWidget(self.campaign, 5)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(body, 1)
        column.addWidget(self.result)
        p = self.list_panel
        p.open_button.clicked.connect(self.open_recall)
        p.scope.returnPressed.connect(self.open_recall)
        p.table.activated.connect(lambda *_: self._choose())
        p.table.itemSelectionChanged.connect(self._choose)
        self.campaign.notify_button.clicked.connect(self.notify_customer)
        self.campaign.close_button.clicked.connect(self.close_recall)
        self.campaign.export_button.clicked.connect(self.ask_export)

    def _keys(self) -> None:
        actions: dict[str, Callable[[], None]] = {
            "F2": lambda: self.set_mode(ScanMode.SCOPE),
            "F3": self.notify_customer,
            "F4": lambda: self.set_mode(ScanMode.RETURN),
            "F5": self.refresh,
            "F6": lambda: self.set_mode(ScanMode.DISPOSITION),
            "F7": lambda: self.set_mode(ScanMode.NOTIFY),
            "F8": self.close_recall,
            "F9": self.ask_export,
        }
        for key, slot in actions.items():
            QShortcut(QKeySequence(key), self, slot)

    @property
    def current(self) -> RecallView | None:
        return self.campaign.current

    @property
    def mode(self) -> ScanMode:
        data = self.campaign.mode.currentData()
        return data if isinstance(data, ScanMode) else ScanMode.SCOPE

    def set_mode(self, mode: ScanMode) -> None:
        """What the next scan records; F2 also puts the cursor where the reason is typed."""
        at = self.campaign.mode.findData(mode)
        if at >= 0 and at != self.campaign.mode.currentIndex():
            self.campaign.mode.setCurrentIndex(at)  # comes back here through the signal
            return
        if mode == ScanMode.SCOPE:
            self.list_panel.reason.setFocus()
        self.show_prompt()

    def show_prompt(self) -> None:
        view, mode = self.current, self.mode
        is_open = view is not None and view.status == RecallStatus.OPEN
        if mode == ScanMode.SCOPE:
            text = self.tr("Type the reason, then scan the bad lot or serial")
        elif not is_open:
            text = self.tr("Choose an open recall in the list, or open one (F2)")
        elif mode == ScanMode.RETURN:
            text = self.tr("Scan each returned unit (UDI or serial)")
        elif mode == ScanMode.DISPOSITION:
            text = self.tr("Scan each unit to record its disposition: %1").replace(
                "%1", self.campaign.disposition.currentText()
            )
        else:
            text = self.tr("Scan each unit whose customer was told")
        self.prompt.setText(text)

    def refresh(self) -> None:
        self.call(recall.recalls, done=self._recalls, title=self.tr("Recalls not shown"))
        if self.current is not None:
            self._load(self.current.number)

    def _recalls(self, views: list[RecallView]) -> None:
        self.list_panel.show_recalls(views)

    # ---- the current recall ---------------------------------------------------------------
    def _load(self, number: str) -> None:
        """The recall's figures and customers first (counts only), then its units page by
        page on the worker thread, each page added to the list as it comes."""
        self.call(recall.recall_status, number, done=self._show, limit=0)

    def _show(self, view: RecallView) -> None:
        self.campaign.show_recall(view)
        self.show_prompt()
        self.listing += 1
        self.campaign.begin_listing(view.items_total)
        self._next_page(view.number, self.listing, None, 0)

    def _next_page(self, number: str, listing: int, after: int | None, start: int) -> None:
        def done(page: recall.RecallItemsPage) -> None:
            self._page(number, listing, start, page)

        self.call(
            recall.recall_items,
            number,
            done=done,
            title=self.tr("Units not listed"),
            after=after,
            limit=UNITS_PAGE,
        )

    def _page(self, number: str, listing: int, start: int, page: recall.RecallItemsPage) -> None:
        current = self.current
        if listing != self.listing or current is None or current.number != number:
            return  # another recall was chosen, or the list is being read again
        last = page.next_after is None
        done = self.campaign.listed(start, page.items, last)
        if not last:
            self._next_page(number, listing, page.next_after, done)

    # ---- the scope to a file -------------------------------------------------------------
    def ask_export(self) -> None:
        """F9: ask where, then write the recall's whole scope there as CSV."""
        view = self.current
        if view is None:
            self.refuse(
                self.tr("No recall chosen"),
                self.tr("There is no scope to export."),
                self.tr("Choose a recall in the list, then F9."),
            )
            return
        suggested = str(Path.home() / f"{view.number}-scope.csv")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the scope to CSV"), suggested, self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the scope of the current recall to ``path`` on the worker thread, the bar
        under the list following it."""
        view = self.current
        if view is None:
            return
        self.campaign.exporting(path, 0, 0)
        self.result.show_idle(
            self.tr("Writing the scope of %1 to %2…").replace("%1", view.number).replace("%2", path)
        )

        def progress(done: int, total: int) -> None:  # on the worker thread
            self.export_progress.emit(path, done, total)

        self.call(
            recall.export_scope,
            view.number,
            path,
            done=self._exported,
            title=self.tr("Scope not exported"),
            progress=progress,
        )

    def campaign_export_progress(self, path: str, done: int, total: int) -> None:
        self.campaign.exporting(path, done, total)

    def _exported(self, export: ScopeExport) -> None:
        self.campaign.exporting(export.path, export.rows, export.rows, finished=True)
        total = export.summary
        self.result.show_good(
            self.tr("Scope written to %1").replace("%1", export.path),
            self.tr("%1 rows: %2 units, %3 shipments to %4 customers at %5 sites")
            .replace("%1", f"{export.rows:,}")
            .replace("%2", f"{export.units:,}")
            .replace("%3", f"{total.shipments:,}")
            .replace("%4", f"{total.customers:,}")
            .replace("%5", f"{total.ship_to_sites:,}"),
        )

    def _choose(self) -> None:
        number = self.list_panel.selected()
        if number and (self.current is None or number != self.current.number):
            self.result.acknowledge()
            self._load(number)
            if self.mode == ScanMode.SCOPE:
                self.set_mode(ScanMode.RETURN)

    def _changed(self) -> None:
        """After an update: the current recall and the list again."""
        if self.current is not None:
            self._load(self.current.number)
        self.call(recall.recalls, done=self._recalls)

    # ---- opening --------------------------------------------------------------------------
    def open_recall(self) -> None:
        scope = self.list_panel.scope.text().strip()
        if not scope:
            self.refuse(
                self.tr("No scope"),
                self.tr("Nothing was scanned or typed as the bad lot or serial."),
                self.tr("Type the reason, then scan the bad lot (or type it and press Enter)."),
            )
            return
        self.result.show_idle(
            self.tr(
                "Taking the scope of %1: its units and customers appear when it is known…"
            ).replace("%1", scope)
        )
        self.call(
            recall.open_recall,
            scope,
            self.list_panel.reason.text(),
            done=self._opened,
            title=self.tr("Recall not opened"),
            event_id=uuid.uuid4(),
        )

    def _opened(self, view: RecallView) -> None:
        self.list_panel.scope.clear()
        self.list_panel.reason.clear()
        self.campaign.show_recall(view)
        self.set_mode(ScanMode.RETURN)
        self.result.show_good(
            self.tr("%1 opened on %2").replace("%1", view.number).replace("%2", shown(view.scope)),
            self.tr("%1 units in scope, %2 customer sites to notify; scope known in %3")
            .replace("%1", str(view.items_total))
            .replace("%2", str(len(view.customers)))
            .replace("%3", self.campaign.figures["scope"].value.text()),
        )
        self._changed()

    # ---- scans ----------------------------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refuse_scan(scan.text)
            return
        self.result.acknowledge()
        if self.mode == ScanMode.SCOPE:
            self.list_panel.scope.setText(scan.symbol_text)
            self.open_recall()
            return
        view = self.current
        if view is None or view.status != RecallStatus.OPEN:
            self.refuse(
                self.tr("No open recall"),
                self.tr("Scan %1 was not used: no open recall is chosen.").replace(
                    "%1", scan.symbol_text
                ),
                self.tr("Choose an open recall in the list, or open one (F2)."),
            )
            return
        units = [scan.symbol_text]
        if self.mode == ScanMode.RETURN:
            self.call(recall.record_return, view.number, units, done=self._updated)
        elif self.mode == ScanMode.NOTIFY:
            note = self.campaign.note()
            self.call(recall.record_notification, view.number, units, done=self._updated, note=note)
        else:
            self.call(
                recall.record_disposition,
                view.number,
                units,
                self.campaign.disposition.currentData(),
                self.campaign.disposition_reason.text(),
                done=self._updated,
            )

    def _updated(self, update: RecallUpdate) -> None:
        did = shown(update.action.words)
        text = self.tr("%1: %2 %3").replace("%1", update.number).replace("%2", did)
        detail = ", ".join(shown(i) for i in update.changed)
        if update.skipped:
            detail += " · " + self.tr("already %1: %2").replace("%1", did).replace(
                "%2", ", ".join(shown(i) for i in update.skipped)
            )
        self.result.show_good(text.replace("%3", str(len(update.changed))), detail)
        self._changed()

    # ---- notification by customer ---------------------------------------------------------
    def notify_customer(self) -> None:
        view, chosen = self.current, self.campaign.selected_customer()
        if view is None or view.status != RecallStatus.OPEN or chosen is None:
            self.refuse(
                self.tr("No customer chosen"),
                self.tr("Choose a customer in the list of an open recall."),
                self.tr("Open the customers list, choose the customer told, then F3."),
            )
            return
        customer, site = chosen
        if not self.campaign.told.text().strip():
            self.refuse(
                self.tr("Who was told?"),
                self.tr("The notification of %1 names nobody.").replace("%1", customer),
                self.tr("Type who was told and how, then F3 again."),
            )
            return
        self.call(
            recall.record_notification,
            view.number,
            customer=customer,
            site=site,
            note=self.campaign.note(),
            done=self._notified,
            title=self.tr("Notification not recorded"),
        )

    def _notified(self, update: RecallUpdate) -> None:
        self.campaign.told.clear()
        self.campaign.how.clear()
        self._updated(update)

    # ---- closing --------------------------------------------------------------------------
    def close_recall(self) -> None:
        view = self.current
        if view is None or view.status != RecallStatus.OPEN or self.login is None:
            self.refuse(
                self.tr("Nothing to close"),
                self.tr("No open recall is chosen."),
                self.tr("Choose the open recall in the list, then F8."),
            )
            return
        ctx, login, number = self.ctx, self.login, view.number

        def sign(user: str | None, password: str, note: str) -> RecallView:
            assert ctx is not None
            return recall.close_recall(ctx, login, number, password, user, note)

        what = (
            self.tr("%1 on %2: %3 units, every one dispositioned")
            .replace("%1", number)
            .replace("%2", shown(view.scope))
            .replace("%3", str(view.items_total))
        )
        self.dialog = SignatureDialog(
            self.runner,
            what=what,
            meaning=Meaning.RECALL_CLOSED.value,
            ask_username=login.signings == 0,
            login=login,
            sign=sign,
            manifestation=closing_info,
            reason_label=self.tr("Closing note"),
            parent=self,
        )
        self.dialog.signed.connect(self._closed)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()

    def _closed(self, view: RecallView) -> None:
        self.campaign.show_recall(view)
        info = closing_info(view)
        self.result.show_good(
            self.tr("%1 closed").replace("%1", view.number),
            shown(info.manifestation()) if info is not None else "",
        )
        self._changed()

    def _dialog_closed(self, _code: int) -> None:
        """Back to the station: its window active again, so keys and scans reach the screen."""
        self.dialog = None
        self.window().activateWindow()
        self.setFocus()


__all__ = ["KEY", "RecallScreen", "ScanMode", "closing_info"]
