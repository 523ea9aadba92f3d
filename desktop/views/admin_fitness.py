"""The administration station's calibration and qualification tab: every device's calibration
state (an overdue or failed one marked in words and colour), a calibration recorded with its
certificate and due date; people's qualifications with their expiry, granted, renewed and
revoked (ISO 13485 7.6 and 6.2)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from desktop.domain.fitness import CalibrationResult, CalibrationState
from desktop.services import identity, masterdata
from desktop.services.production import today
from desktop.views import theme
from desktop.views.tables import Table
from desktop.views.widgets import BigButton, hbox, label
from desktop.views.words import shown

#: Calls a use case with the logged-in context: run(fn, *args, done=...) (AdminScreen._run).
RunUseCase = Callable[..., None]
ABNORMAL = (CalibrationState.OVERDUE, CalibrationState.FAILED)


def _day(edit: QDateEdit) -> date:
    picked = edit.date()
    return date(picked.year(), picked.month(), picked.day())


def _date_edit(days_ahead: int) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate().addDays(days_ahead))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumHeight(theme.mm(10))
    edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return edit


def _line(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(theme.mm(10))
    edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a scan never types into it
    return edit


class FitnessTab(QWidget):
    """Calibrations and qualifications; ``run`` calls a use case as the logged-in admin."""

    def __init__(
        self,
        run: RunUseCase,
        said: Callable[[str, str], None],
        refuse: Callable[[str, str], None],
    ) -> None:
        super().__init__()
        self.run, self.said, self.refuse = run, said, refuse
        self.devices = Table(
            [
                self.tr("Station"),
                self.tr("Device"),
                self.tr("Calibration"),
                self.tr("Due on"),
                self.tr("Certificate"),
            ]
        )
        self.people = Table(
            [self.tr("User"), self.tr("Qualification"), self.tr("Valid through"), self.tr("State")]
        )
        grid = QGridLayout(self)
        grid.addWidget(label(self.tr("Device calibration"), 15, bold=True), 0, 0)
        grid.addWidget(self.devices, 1, 0)
        grid.addLayout(self._calibration_form(), 2, 0)
        grid.addWidget(label(self.tr("Qualifications"), 15, bold=True), 0, 1)
        grid.addWidget(self.people, 1, 1)
        grid.addLayout(self._qualification_form(), 2, 1)
        grid.setRowStretch(1, 1)

    # ---- calibration ---------------------------------------------------------------------------
    def _calibration_form(self) -> QFormLayout:
        self.certificate = _line(self.tr("e.g. CAL-2026-0042"))
        self.calibrated_on = _date_edit(0)
        self.due_on = _date_edit(365)
        self.result = QComboBox()
        self.result.setMinimumHeight(theme.mm(10))
        self.result.addItem(shown(CalibrationResult.PASSED.words), CalibrationResult.PASSED.value)
        self.result.addItem(shown(CalibrationResult.FAILED.words), CalibrationResult.FAILED.value)
        self.calibrate_button = BigButton(self.tr("Record calibration of the selected device"))
        self.calibrate_button.clicked.connect(self._calibrate)
        form = QFormLayout()
        form.addRow(label(self.tr("Certificate")), self.certificate)
        form.addRow(
            label(self.tr("Calibrated on")),
            hbox(self.calibrated_on, label(self.tr("Next due")), self.due_on),
        )
        form.addRow(label(self.tr("Result")), self.result)
        form.addRow(self.calibrate_button)
        return form

    def _calibrate(self) -> None:
        station, device = self.devices.selected_text(0), self.devices.selected_text(1)
        if station is None or device is None:
            self.refuse(self.tr("No device selected"), self.tr("Select a device in the list."))
            return
        self.run(
            functools.partial(
                masterdata.calibrate_device,
                due_on=_day(self.due_on),
                certificate=self.certificate.text().strip(),
                calibrated_on=_day(self.calibrated_on),
                result=CalibrationResult(str(self.result.currentData())),
            ),
            station,
            device,
            done=lambda v: self.said(
                self.tr("Calibration recorded"),
                self.tr("%1 · certificate %2 · due %3")
                .replace("%1", f"{v.station} {v.device}")
                .replace("%2", str(v.certificate))
                .replace("%3", str(v.due_on)),
            ),
        )

    def show_calibrations(self, views: list[masterdata.CalibrationView]) -> None:
        rows = []
        for v in views:
            mark = "⚠ " if v.state in ABNORMAL else ""
            rows.append(
                (
                    v.station,
                    v.device,
                    mark + shown(v.state.words),
                    v.due_on.isoformat() if v.due_on else "",
                    v.certificate or "",
                )
            )
        self.devices.fill(rows)
        for row, v in enumerate(views):  # colour only with the word and the ⚠ beside it
            cell = self.devices.item(row, 2)
            if v.state in ABNORMAL and cell is not None:
                cell.setForeground(QColor(theme.ABNORMAL))

    # ---- qualifications ------------------------------------------------------------------------
    def _qualification_form(self) -> QFormLayout:
        self.user = _line(self.tr("user name, e.g. olga"))
        self.qualification = _line(self.tr('e.g. "final weighing"'))
        self.expires = _date_edit(365)
        self.no_expiry = QCheckBox(self.tr("no expiry"))
        self.no_expiry.setMinimumHeight(theme.mm(10))
        size = theme.mm(6)
        self.no_expiry.setStyleSheet(
            f"QCheckBox::indicator {{ width: {size}px; height: {size}px; }}"
        )
        self.revoke_reason = _line(self.tr("Reason (to revoke)"))
        grant = BigButton(self.tr("Grant or renew"))
        grant.clicked.connect(self._grant)
        revoke = BigButton(self.tr("Revoke selected"))
        revoke.clicked.connect(self._revoke)
        self.grant_button, self.revoke_button = grant, revoke
        form = QFormLayout()
        form.addRow(label(self.tr("User")), self.user)
        form.addRow(label(self.tr("Qualification")), self.qualification)
        form.addRow(label(self.tr("Valid through")), hbox(self.expires, self.no_expiry))
        form.addRow(grant)
        form.addRow(self.revoke_reason)
        form.addRow(revoke)
        return form

    def _grant(self) -> None:
        expires = None if self.no_expiry.isChecked() else _day(self.expires)
        self.run(
            identity.grant_qualification,
            self.user.text().strip(),
            self.qualification.text().strip(),
            expires,
            done=lambda q: self.said(
                self.tr("Qualification granted"),
                f"{q.username}: {q.qualification} · "
                + (q.expires_on.isoformat() if q.expires_on else self.tr("no expiry")),
            ),
        )

    def _revoke(self) -> None:
        user, name = self.people.selected_text(0), self.people.selected_text(1)
        if user is None or name is None:
            self.refuse(self.tr("No qualification selected"), self.tr("Select one in the list."))
            return
        self.run(
            identity.revoke_qualification,
            user,
            name,
            self.revoke_reason.text().strip(),
            done=lambda q: self.said(
                self.tr("Qualification revoked"), f"{q.username}: {q.qualification}"
            ),
        )

    def show_qualifications(self, views: list[identity.QualificationView]) -> None:
        day = today()
        rows = []
        for q in views:
            if q.revoked:
                state = self.tr("revoked")
            elif q.expires_on is not None and q.expires_on < day:
                state = "⚠ " + self.tr("expired")
            else:
                state = self.tr("valid")
            until = q.expires_on.isoformat() if q.expires_on else self.tr("no expiry")
            rows.append((q.username, q.qualification, until, state))
        self.people.fill(rows)

    def refresh(self, run_read: Callable[..., Any]) -> None:
        """Reload both lists (``run_read(fn, *args, done=...)``)."""
        run_read(masterdata.device_calibrations, today(), done=self.show_calibrations)
        run_read(identity.list_qualifications, done=self.show_qualifications)
