"""The first-run wizard's pages: the station (name, kind, language, production), its database
(embedded or shared, with "Test connection"), its devices (serial ports, auto-detect, tests) and
the first administrator with an authenticator enrolled. The steps are desktop.first_run's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from desktop import first_run
from desktop.config import DEVICE_KINDS
from desktop.devices import discovery
from desktop.domain.plant import DeviceKind, StationKind
from desktop.services.core.errors import AuthenticationFailed, Refusal
from desktop.views import kinds
from desktop.views.tables import Table
from desktop.views.widgets import BigButton, ResultPanel, hbox, label
from desktop.views.words import shown

Verdict = first_run.Verdict

if TYPE_CHECKING:
    from desktop.views.first_run import FirstRunWizard

SIM = "sim"


class StationPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("This station"))
        self.setSubTitle(self.tr("Name the station and say what it is for."))
        self.name = QLineEdit("line-1")
        self.kind = QComboBox()
        for kind in kinds.registered():
            self.kind.addItem(shown(StationKind(kind).words), kind)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.production = QCheckBox(self.tr("Production (real devices only, strict passwords)"))
        self.result = ResultPanel()
        form = QFormLayout()
        form.addRow(label(self.tr("Station name")), self.name)
        form.addRow(label(self.tr("Station kind")), self.kind)
        form.addRow(label(self.tr("Screen language")), self.language)
        form.addRow(self.production)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.result)
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())


class DatabasePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.w = wizard
        self.tested: first_run.Probe | None = None
        self.setTitle(self.tr("Database"))
        self.setSubTitle(
            self.tr("One station alone: the embedded database. Several stations: a shared one.")
        )
        self.embedded = QRadioButton(self.tr("Embedded database on this computer"))
        self.shared = QRadioButton(self.tr("Shared PostgreSQL database"))
        self.embedded.setChecked(True)
        self.where = label(first_run.embedded_url(), 12)
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://lotline:PASSWORD@db-server:5432/lotline")
        self.test = BigButton(self.tr("Test connection"))
        self.result = ResultPanel()
        layout = QVBoxLayout(self)
        for widget in (self.embedded, self.where, self.shared, self.url, self.test):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.result)
        self.test.clicked.connect(self.run_test)
        for signal in (self.embedded.toggled, self.url.textChanged):
            signal.connect(self._changed)
        self._changed()

    def database_url(self) -> str:
        return first_run.embedded_url() if self.embedded.isChecked() else self.url.text().strip()

    def _changed(self) -> None:
        self.url.setEnabled(self.shared.isChecked())
        self.completeChanged.emit()

    def run_test(self) -> None:
        self.result.show_idle(self.tr("Testing the connection…"))
        self.w.runner.run(first_run.test_database, self.database_url(), done=self._tested)

    def _tested(self, found: first_run.Probe) -> None:
        self.tested = found
        headline = {
            Verdict.NEW: self.tr("Connection works: a new, empty database"),
            Verdict.CURRENT: self.tr("Connection works: this version's database"),
            Verdict.OLDER: self.tr("Connection works: an older database, upgraded at start"),
            Verdict.BAD_URL: self.tr("The URL is wrong"),
            Verdict.UNREACHABLE: self.tr("Host unreachable"),
            Verdict.WRONG_PASSWORD: self.tr("Wrong password"),
            Verdict.UNKNOWN_USER: self.tr("Unknown database user"),
            Verdict.DATABASE_MISSING: self.tr("Database missing"),
            Verdict.SCHEMA_TOO_NEW: self.tr("Database schema newer than this program"),
            Verdict.REFUSED: self.tr("The server refused the connection"),
        }[found.verdict]
        if found.usable:
            self.result.show_good(headline, found.message)
        else:
            self.result.show_refused(headline, found.message, self.tr("Correct it and test again."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.embedded.isChecked():
            return True
        found = self.tested
        return found is not None and found.usable and found.where != "" and bool(self.url.text())

    def validatePage(self) -> bool:
        try:
            self.w.open_database(self.database_url())
        except first_run.SetupRefused as problem:
            self.result.show_refused(self.tr("Cannot use this database"), str(problem), "")
            return False
        return True


class DevicesPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Devices"))
        self.setSubTitle(
            self.tr("Pick each device's port (sim: the built-in simulator), then test it.")
        )
        self.urls: dict[str, QComboBox] = {}
        grid = QGridLayout()
        names = {
            "scanner": self.tr("Scanner"),
            "scale": self.tr("Scale"),
            "printer": self.tr("Label printer"),
        }
        for row, kind in enumerate(DEVICE_KINDS):
            box = QComboBox()
            box.setEditable(True)
            box.addItem(SIM)
            self.urls[kind] = box
            test = BigButton(self.tr("Test"))
            test.setObjectName(f"test-{kind}")
            test.clicked.connect(lambda _=False, k=kind: self.test_device(k))
            grid.addWidget(label(names[kind]), row, 0)
            grid.addWidget(box, row, 1)
            grid.addWidget(test, row, 2)
        grid.setColumnStretch(1, 1)
        self.ports = Table([self.tr("Port"), self.tr("Description"), self.tr("Hardware id")])
        self.detected = Table([self.tr("Port"), self.tr("Device"), self.tr("Identity")])
        self.list_button = BigButton(self.tr("List serial ports"))
        self.detect_button = BigButton(self.tr("Auto-detect"))
        self.list_button.clicked.connect(self.list_ports)
        self.detect_button.clicked.connect(self.detect)
        self.result = ResultPanel()
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(hbox(self.list_button, self.detect_button))
        layout.addLayout(hbox(self.ports, self.detected))
        layout.addWidget(self.result)

    def validatePage(self) -> bool:
        try:  # production refuses simulated devices: said here, before anyone is created
            first_run.check_plan(self.w.plan())
        except first_run.SetupRefused as problem:
            self.result.show_refused(self.tr("Not accepted"), str(problem), "")
            return False
        return True

    def devices(self) -> dict[str, str]:
        return {kind: box.currentText().strip() or SIM for kind, box in self.urls.items()}

    def list_ports(self) -> None:
        self.w.runner.run(discovery.serial_ports, done=self._listed)

    def _listed(self, ports: list[discovery.PortInfo]) -> None:
        self.ports.fill([(p.device, p.description, p.hwid) for p in ports])
        for box in self.urls.values():
            for p in ports:
                if box.findText(p.device) < 0:
                    box.addItem(p.device)
        self.result.show_idle(
            self.tr("%1 serial port(s) on this computer.").replace("%1", str(len(ports)))
        )

    def detect(self) -> None:
        cells = (self.ports.item(r, 0) for r in range(self.ports.rowCount()))
        urls = [cell.text() for cell in cells if cell is not None]
        urls += [u for u in self.devices().values() if u != SIM and u not in urls]
        self.result.show_idle(self.tr("Asking every port…"))
        self.w.runner.run(discovery.autodetect, urls, done=self._detected)

    def _detected(self, found: list[discovery.Detected]) -> None:
        self.detected.fill([(d.url, d.kind, d.identity) for d in found])
        for d in found:
            self.urls[d.kind].setCurrentText(d.url)
        self.result.show_good(
            self.tr("Auto-detect finished"),
            self.tr("%1 device(s) answered.").replace("%1", str(len(found))),
        )

    def test_device(self, kind: str) -> None:
        url = self.devices()[kind]
        if url == SIM:
            self.result.show_good(
                self.tr("Simulated"), self.tr("The built-in simulator answers for this device.")
            )
            return
        if kind == DeviceKind.SCANNER:  # a scanner speaks only when it scans
            self.result.show_idle(
                self.tr('After log-in, the admin screen\'s "Wait for a test scan" shows a scan.')
            )
            return
        probe = discovery.probe_scale if kind == DeviceKind.SCALE else discovery.probe_printer
        self.result.show_idle(self.tr("Asking %1…").replace("%1", url))
        self.w.runner.run(probe, url, done=lambda answer: self._answered(url, answer))

    def _answered(self, url: str, answer: str | None) -> None:
        if answer is None:
            self.result.show_refused(
                self.tr("No answer"),
                self.tr("Nothing answered on %1.").replace("%1", url),
                self.tr("Check the cable, the port and the baud rate (9600)."),
            )
        else:
            self.result.show_good(self.tr("Device answered"), f"{url}: {answer}")


class AdminPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.w = wizard
        self.made: first_run.AdminMade | None = None
        self.enrolled = False
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("The administrator logs in with a password and an authenticator."))
        self.username, self.full_name = QLineEdit(), QLineEdit()
        self.password, self.again = QLineEdit(), QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.make = BigButton(self.tr("Create administrator"))
        self.secret = QLineEdit()
        self.secret.setReadOnly(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText("123456")
        self.confirm = BigButton(self.tr("Confirm code"))
        self.result = ResultPanel()
        form = QFormLayout()
        form.addRow(label(self.tr("User name")), self.username)
        form.addRow(label(self.tr("Printed name")), self.full_name)
        form.addRow(label(self.tr("Password")), self.password)
        form.addRow(label(self.tr("Password again")), self.again)
        form.addRow(self.make)
        form.addRow(label(self.tr("Authenticator key (type it in the app)")), self.secret)
        form.addRow(label(self.tr("Code the app shows")), self.code)
        form.addRow(self.confirm)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.result)
        self.make.clicked.connect(self.make_admin)
        self.confirm.clicked.connect(self.check_code)

    def initializePage(self) -> None:
        existing = self.w.database_has_users()
        for widget in (self.username, self.full_name, self.password, self.again, self.make):
            widget.setEnabled(not existing and self.made is None)
        self.code.setEnabled(False)
        self.confirm.setEnabled(False)
        if existing:
            self.enrolled = True
            self.result.show_good(
                self.tr("This database has users already"),
                self.tr("Log in with one of its administrators after the set-up."),
            )
        self.completeChanged.emit()

    def make_admin(self) -> None:
        if self.password.text() != self.again.text():
            self.result.show_refused(
                self.tr("The passwords differ"), self.tr("Type the same password twice."), ""
            )
            return
        try:
            self.made = self.w.make_admin(
                self.username.text(), self.full_name.text(), self.password.text()
            )
        except Refusal as refusal:
            self.result.show_refused(
                self.tr("Refused"), shown(refusal), self.tr("Nothing was changed.")
            )
            return
        for widget in (self.username, self.full_name, self.password, self.again, self.make):
            widget.setEnabled(False)
        if self.made.totp_uri is None:
            self.enrolled = True
            self.result.show_good(self.tr("Administrator created"), self.made.username)
        else:
            self.secret.setText(self.made.secret)
            self.secret.setToolTip(self.made.totp_uri)
            self.code.setEnabled(True)
            self.confirm.setEnabled(True)
            self.result.show_idle(
                self.tr("Add the key to an authenticator app, then type the code it shows.")
            )
        self.completeChanged.emit()

    def check_code(self) -> None:
        if self.made is None:
            return
        try:
            first_run.confirm_second_factor(
                self.w.ctx(), self.made.username, self.password.text(), self.code.text()
            )
        except (AuthenticationFailed, Refusal) as refusal:
            self.result.show_refused(
                self.tr("Code not accepted"), shown(refusal), self.tr("Type the code shown now.")
            )
            return
        self.enrolled = True
        self.code.setEnabled(False)
        self.confirm.setEnabled(False)
        self.result.show_good(
            self.tr("Authenticator enrolled"),
            self.tr("%1 logs in with password and code.").replace("%1", self.made.username),
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.enrolled
