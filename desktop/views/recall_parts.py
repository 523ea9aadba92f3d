"""The recall screen's panels: the form that opens a campaign and the campaigns list with their
figures; the current campaign with its KPI figures, its affected units and the customers and
sites to notify, and the forms that record a notification and a disposition."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.distribution import RecallDisposition, RecallStatus
from desktop.reports.recall_model import CustomerLine, RecallView
from desktop.views import theme
from desktop.views.tables import Table
from desktop.views.widgets import BigButton, label
from desktop.views.words import shown

#: How many affected units the screen asks for at once (the figures count them all).
UNITS_SHOWN = 1000


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
        self.units = Table(
            [
                self.tr("Unit or lot"),
                self.tr("State at scope"),
                self.tr("Customer · site"),
                self.tr("Notified"),
                self.tr("Returned"),
                self.tr("Disposition"),
            ]
        )
        header = self.units.horizontalHeader()  # the customer's site gives way: all columns show
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
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
        self.shown_caption = label("", 11)
        self.shown_caption.setObjectName("muted")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addLayout(figures)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.shown_caption)
        column.addWidget(self._forms())
        self.shown_caption.setVisible(False)
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
        same = view is not None and self.current is not None and view.number == self.current.number
        keep = (self.selected_customer(), self.units.verticalScrollBar().value()) if same else None
        self.current = view
        self.forms.setVisible(view is None or view.status == RecallStatus.OPEN)
        if view is None:
            self.title.setText(self.tr("No recall chosen"))
            self.subtitle.setText(self.tr("Open a recall (F2) or choose one in the list (Enter)."))
            for figure in self.figures.values():
                figure.value.setText("–")
            self.units.fill([])
            self.customers.fill([])
            self.shown_caption.setVisible(False)
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
            "units": str(view.items_total),
            "customers": f"{done}/{to_tell}",
            "returned": str(view.returned),
            "dispositioned": f"{view.dispositioned}/{view.items_total}",
        }
        for key, text in values.items():
            self.figures[key].value.setText(text)
        self.units.fill([self._unit_row(view, i) for i in range(len(view.items))])
        self.customers.fill([self._customer_row(c) for c in view.customers])
        if keep is not None:  # the same recall read again: the chosen line and place stay
            chosen, scrolled = keep
            for row, c in enumerate(view.customers):
                if chosen == (c.code, c.site_gln or c.site):
                    self.customers.selectRow(row)
            self.units.verticalScrollBar().setValue(scrolled)
        partial = len(view.items) < view.items_total
        self.shown_caption.setVisible(partial)
        self.shown_caption.setText(
            self.tr("%1 of %2 units listed")
            .replace("%1", str(len(view.items)))
            .replace("%2", str(view.items_total))
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
    def _unit_row(view: RecallView, index: int) -> tuple[str, ...]:
        i = view.items[index]
        where = " · ".join(x for x in (i.customer_code, i.site) if x)
        return (
            shown(i.item),
            shown(i.state_at_scope.words),
            where,
            short(i.notified_at),
            short(i.returned_at),
            shown(i.disposition.words) if i.disposition else "",
        )

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


__all__ = ["UNITS_SHOWN", "CampaignPanel", "CampaignsPanel", "Figure", "span", "when"]
