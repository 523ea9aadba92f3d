"""The recall screen's panels: the form that opens a campaign and the campaigns list with their
figures; the current campaign with its KPI figures, its affected units and the customers and
sites to notify, and the forms that record a notification and a disposition."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.distribution import RecallDisposition, RecallStatus
from desktop.reports.recall_model import CustomerLine, RecallItemView, RecallView
from desktop.views import theme
from desktop.views.recall_units import UnitsList
from desktop.views.tables import Table
from desktop.views.widgets import BigButton, label
from desktop.views.words import shown

#: How many affected units the screen asks for at once: page after page until all are listed.
UNITS_PAGE = 5000


def when(at: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A time in the station's zone, to the minute; empty when there is none."""
    return at.astimezone().strftime(fmt) if at else ""


def short(at: datetime | None) -> str:
    """A time in a table cell: month, day and time in the station's zone."""
    return when(at, "%m-%d %H:%M")


def span(value: timedelta | None) -> str:
    """A duration: "0.4 s" under a minute, else h:mm:ss (days in front); "–" when none."""
    if value is None:
        return "–"
    if value.total_seconds() < 60:
        return f"{value.total_seconds():.1f} s"
    seconds = int(value.total_seconds())
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3600)
    text = f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{days}d {text}" if days else text


def customers_notified(view: RecallView) -> tuple[int, int]:
    """(customer sites told about every unit they hold, customer sites to notify)."""
    done = sum(1 for c in view.customers if c.notified >= c.items)
    return done, len(view.customers)


def _entry(placeholder: str, points: float = 16) -> QLineEdit:
    edit = QLineEdit()
    edit.setFont(theme.font(points))
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(theme.mm(11))
    return edit


class CampaignsPanel(QWidget):
    """Left: open a campaign (reason, then scan or type the bad lot); the campaigns, open
    first, with their figures."""

    def __init__(self) -> None:
        super().__init__()
        form = QGroupBox(self.tr("New recall"))
        box = QVBoxLayout(form)
        self.reason = _entry(self.tr("why: e.g. capacitor C12 out of specification"))
        self.scope = _entry(self.tr("scan or type the lot or serial, then Enter"))
        box.addWidget(label(self.tr("Reason"), 12))
        box.addWidget(self.reason)
        box.addWidget(label(self.tr("Bad lot or serial"), 12))
        box.addWidget(self.scope)
        self.open_button = BigButton(self.tr("Open recall") + "  [F2]")
        box.addWidget(self.open_button)
        self.table = Table([self.tr("Recall"), self.tr("Scope"), self.tr("State"), self.tr("Done")])
        self.views: list[RecallView] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(form)
        column.addWidget(label(self.tr("Recalls (open first)"), 13, bold=True))
        column.addWidget(self.table, 1)

    def show_recalls(self, views: list[RecallView]) -> None:
        self.views = views
        chosen = self.selected()
        self.table.blockSignals(True)
        self.table.fill(
            [
                (
                    v.number,
                    shown(v.scope),
                    shown(v.status.words),
                    f"{v.dispositioned}/{v.items_total}",
                )
                for v in views
            ]
        )
        for row, v in enumerate(views):
            if v.number == chosen:
                self.table.selectRow(row)
        self.table.blockSignals(False)

    def selected(self) -> str | None:
        return self.table.selected_text(0)


class Figure(QWidget):
    """One KPI: its caption small, its value large (readable from 2 m)."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.caption = label(caption, 12, wrap=False)
        self.caption.setObjectName("muted")
        self.value = label("–", 24, bold=True, wrap=False)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 0, 6, 0)
        column.setSpacing(0)
        column.addWidget(self.caption)
        column.addWidget(self.value)


class CampaignPanel(QWidget):
    """Right: the current campaign, its figures, its units and customers, and the forms."""

    def __init__(self) -> None:
        super().__init__()
        self.current: RecallView | None = None
        self.title = label(self.tr("No recall chosen"), 17, bold=True)
        self.subtitle = label("", 12)
        self.subtitle.setObjectName("muted")
        self.figures = {
            "scope": Figure(self.tr("Scope known in")),
            "units": Figure(self.tr("Units in scope")),
            "customers": Figure(self.tr("Customers notified")),
            "returned": Figure(self.tr("Returned")),
            "dispositioned": Figure(self.tr("Dispositioned")),
        }
        figures = QHBoxLayout()
        for figure in self.figures.values():
            figures.addWidget(figure)
        figures.addStretch(1)
        self.export_button = BigButton(self.tr("Scope to CSV…") + "  [F9]")
        figures.addWidget(self.export_button)
        self.units = UnitsList(
            [
                self.tr("Unit or lot"),
                self.tr("State at scope"),
                self.tr("Customer · site"),
                self.tr("Notified"),
                self.tr("Returned"),
                self.tr("Disposition"),
            ]
        )
        self.customers = Table(
            [
                self.tr("Customer"),
                self.tr("Site"),
                self.tr("GLN"),
                self.tr("Units"),
                self.tr("Notified"),
            ]
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.units, self.tr("Affected units"))
        self.tabs.addTab(self.customers, self.tr("Customers and sites to notify"))
        self.export = QWidget()
        self.export_caption = label("", 12, wrap=False)
        self.export_bar = QProgressBar()
        self.export_bar.setMinimumHeight(theme.mm(7))
        self.export_bar.setFont(theme.font(12, bold=True))
        line = QHBoxLayout(self.export)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.export_caption)
        line.addWidget(self.export_bar, 1)
        self.export.setVisible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addLayout(figures)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.export)
        column.addWidget(self._forms())
        self.show_recall(None)

    def _forms(self) -> QWidget:
        self.told = _entry(self.tr("who was told (the customer chosen above)"), 14)
        self.how = _entry(self.tr("how: phone, e-mail, letter, visit"), 14)
        self.notify_button = BigButton(self.tr("Customer notified") + "  [F3]")
        self.disposition = QComboBox()
        self.disposition.setFont(theme.font(14))
        self.disposition.setMinimumHeight(theme.mm(11))
        for value in RecallDisposition:
            self.disposition.addItem(shown(value.words), value.value)
        self.disposition_reason = _entry(self.tr("what was done (the reason)"), 14)
        self.mode = QComboBox()
        self.mode.setFont(theme.font(14, bold=True))
        self.mode.setMinimumHeight(theme.mm(11))
        self.close_button = BigButton(self.tr("Close recall…") + "  [F8]")
        self.forms = QWidget()
        grid = QGridLayout(self.forms)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.addWidget(label(self.tr("A scan records"), 12), 0, 0)
        grid.addWidget(label(self.tr("Disposition of the next units scanned"), 12), 0, 1, 1, 2)
        grid.addWidget(self.mode, 1, 0)
        grid.addWidget(self.disposition, 1, 1)
        grid.addWidget(self.disposition_reason, 1, 2)
        grid.addWidget(self.close_button, 1, 3)
        grid.addWidget(self.told, 2, 0, 1, 2)
        grid.addWidget(self.how, 2, 2)
        grid.addWidget(self.notify_button, 2, 3)
        for box in (self.mode, self.disposition):  # as wide as the grid gives, not as the text
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(8)
        for c, stretch in enumerate((3, 2, 3, 2)):
            grid.setColumnStretch(c, stretch)
        return self.forms

    def show_recall(self, view: RecallView | None) -> None:
        """The recall's title, figures and customers at once; its units come page by page
        (``begin_listing``, ``listed``): a different recall empties the list first."""
        same = view is not None and self.current is not None and view.number == self.current.number
        chosen = self.selected_customer() if same else None
        self.current = view
        self.forms.setVisible(view is None or view.status == RecallStatus.OPEN)
        self.export_button.setEnabled(view is not None)
        if not same:
            self.units.reset()
            self.units.bar.setRange(0, 1)
            self.units.bar.setValue(0)
            self.units.caption.setText("")
        if view is None:
            self.title.setText(self.tr("No recall chosen"))
            self.subtitle.setText(self.tr("Open a recall (F2) or choose one in the list (Enter)."))
            for figure in self.figures.values():
                figure.value.setText("–")
            self.customers.fill([])
            return
        self.title.setText(
            self.tr("%1 · %2 · %3")
            .replace("%1", view.number)
            .replace("%2", shown(view.scope))
            .replace("%3", shown(view.status.words))
        )
        self.subtitle.setText(self._subtitle(view))
        done, to_tell = customers_notified(view)
        values = {
            "scope": span(view.time_to_scope),
            "units": f"{view.items_total:,}",
            "customers": f"{done}/{to_tell}",
            "returned": str(view.returned),
            "dispositioned": f"{view.dispositioned:,}/{view.items_total:,}",
        }
        for key, text in values.items():
            self.figures[key].value.setText(text)
        self.customers.fill([self._customer_row(c) for c in view.customers])
        if chosen is not None:  # the same recall read again: the chosen line stays
            for row, c in enumerate(view.customers):
                if chosen == (c.code, c.site_gln or c.site):
                    self.customers.selectRow(row)

    def begin_listing(self, total: int) -> None:
        """The units are about to be read (again): the bar from 0 to ``total``."""
        self.units.bar.setRange(0, max(total, 1))
        self.units.bar.setValue(0)
        self._listed_format(0, total)
        self.units.caption.setText(self.tr("Listing units…"))

    def listed(self, start: int, items: Sequence[RecallItemView], last: bool) -> int:
        """A page of units at row ``start``; returns the rows listed so far."""
        self.units.model.put(start, items)
        self.units.size_columns()
        done = start + len(items)
        if last:
            self.units.model.cut(done)
            self.units.bar.setRange(0, max(done, 1))
            self.units.caption.setText(self.tr("All units listed"))
        self.units.bar.setValue(done)
        self._listed_format(done, self.units.bar.maximum())
        return done

    def _listed_format(self, done: int, total: int) -> None:
        self.units.bar.setFormat(
            self.tr("%1 of %2 units listed").replace("%1", f"{done:,}").replace("%2", f"{total:,}")
        )

    def exporting(self, path: str, done: int, total: int, finished: bool = False) -> None:
        """The bar of a CSV export under way (rows written of ``total``), or written."""
        self.export.setVisible(True)
        caption = self.tr("Written to %1") if finished else self.tr("Writing %1")
        self.export_caption.setText(caption.replace("%1", path))
        self.export_bar.setRange(0, max(total, 1))
        self.export_bar.setValue(done)
        self.export_bar.setFormat(
            self.tr("%1 of %2 rows").replace("%1", f"{done:,}").replace("%2", f"{total:,}")
        )

    def _subtitle(self, view: RecallView) -> str:
        text = (
            self.tr("%1 · opened %2 by %3")
            .replace("%1", view.reason)
            .replace("%2", when(view.opened_at))
            .replace("%3", view.opened_by)
        )
        if view.closing is not None:
            closed = self.tr("closed after %1, signed %2 (%3) %4")
            text += " · " + (
                closed.replace("%1", span(view.time_to_close))
                .replace("%2", view.closing.printed_name)
                .replace("%3", view.closing.username)
                .replace("%4", view.closing.signed_at.strftime("%Y-%m-%d %H:%M UTC"))
            )
        return text

    @staticmethod
    def _customer_row(c: CustomerLine) -> tuple[str, ...]:
        return (f"{c.code} {c.name}", c.site or "", c.site_gln or "", str(c.items), str(c.notified))

    def selected_customer(self) -> tuple[str, str | None] | None:
        """The customer code and site (GLN, else name) of the chosen line of the customers."""
        rows = self.customers.selectionModel().selectedRows()
        if self.current is None or not rows:
            return None
        line = self.current.customers[rows[0].row()]
        return line.code, line.site_gln or line.site

    def note(self) -> str:
        """Who was told and how, as the notification's note."""
        return " · ".join(x for x in (self.told.text().strip(), self.how.text().strip()) if x)


__all__ = ["UNITS_PAGE", "CampaignPanel", "CampaignsPanel", "Figure", "span", "when"]
