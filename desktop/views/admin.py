"""Administration: users and roles; stations and devices, serial ports, auto-detect, device
tests (read a weight, print a test label, wait for a test scan)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.devices import ScanEvent, discovery
from desktop.domain.permissions import Role, role_words
from desktop.domain.plant import StationKind
from desktop.services import identity, masterdata
from desktop.services.core.errors import Refusal
from desktop.views.admin_fitness import FitnessTab
from desktop.views.kit import StationKit
from desktop.views.screen import Screen
from desktop.views.tables import Table
from desktop.views.tasks import Runner
from desktop.views.widgets import BigButton, ResultPanel, hbox, label
from desktop.views.words import shown

TEST_LABEL = (
    b"^XA^CI28^PW812^LL406^FO40,40^A0N,48,48^FDLotline test label^FS"
    b"^FO40,120^A0N,32,32^FDPrinter test from the admin station^FS^PQ1,0,1,Y^XZ"
)


class AdminScreen(Screen):
    key = StationKind.ADMIN

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__(runner, kit)
        self.waiting_for_scan = False
        self.result = ResultPanel()
        tabs = QTabWidget()
        tabs.addTab(self._users_tab(), self.tr("Users and roles"))
        tabs.addTab(self._devices_tab(), self.tr("Stations and devices"))
        self.fitness = FitnessTab(self._run, self._said, self._refuse)
        tabs.addTab(self.fitness, self.tr("Calibration and qualifications"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.result)

    def title(self) -> str:
        return self.tr("Admin")

    # ---- users ----------------------------------------------------------------------------
    def _users_tab(self) -> QWidget:
        self.users = Table(
            [
                self.tr("Id"),
                self.tr("User"),
                self.tr("Role"),
                self.tr("State"),
                self.tr("Printed name"),
            ]
        )
        self.new_user, self.full_name = QLineEdit(), QLineEdit()
        self.password, self.badge, self.pin = QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for role in Role:  # shown in the station's language, the role's code as its data
            self.role.addItem(shown(role.words), role.value)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (required to unlock or disable)"))
        form = QFormLayout()
        for text, w in (
            (self.tr("User name"), self.new_user),
            (self.tr("Printed name"), self.full_name),
            (self.tr("Role"), self.role),
            (self.tr("Password"), self.password),
            (self.tr("Badge"), self.badge),
            (self.tr("PIN"), self.pin),
        ):
            form.addRow(label(text), w)
        add = BigButton(self.tr("Add user"))
        add.clicked.connect(self._add_user)
        unlock, disable = (
            BigButton(self.tr("Unlock selected")),
            BigButton(self.tr("Disable selected")),
        )
        unlock.clicked.connect(lambda: self._user_action(identity.unlock_user))
        disable.clicked.connect(lambda: self._user_action(identity.disable_user))
        side = QWidget()
        column = QVBoxLayout(side)
        column.addLayout(form)
        column.addWidget(add)
        column.addWidget(self.reason)
        column.addLayout(hbox(unlock, disable))
        column.addStretch(1)
        scroll = QScrollArea()  # the form scrolls on a small screen rather than clip
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        box = QWidget()
        grid = QGridLayout(box)
        grid.addWidget(self.users, 0, 0)
        grid.addWidget(scroll, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return box

    def _add_user(self) -> None:
        args = (
            self.new_user.text().strip(),
            self.full_name.text().strip(),
            str(self.role.currentData()),
            self.password.text(),
            self.badge.text().strip() or None,
            self.pin.text() or None,
        )
        self._run(
            identity.add_user,
            *args,
            done=lambda info: self._said(
                self.tr("User added"), f"{info.username} ({info.role}), id {info.id}"
            ),
        )

    def _user_action(self, action: Any) -> None:
        name = self.users.selected_text(1)
        if name is None:
            self.result.show_refused(
                self.tr("No user selected"), self.tr("Select a user in the list."), ""
            )
            return
        self._run(
            action,
            name,
            self.reason.text().strip(),
            done=lambda info: self._said(self.tr("Done"), info.username),
        )

    # ---- stations and devices --------------------------------------------------------------
    def _devices_tab(self) -> QWidget:
        self.stations = Table(
            [
                self.tr("Station"),
                self.tr("Kind"),
                self.tr("Device"),
                self.tr("Port"),
                self.tr("Serial number"),
            ]
        )
        self.ports = Table([self.tr("Port"), self.tr("Description"), self.tr("Hardware id")])
        self.detected = Table([self.tr("Port"), self.tr("Device"), self.tr("Identity")])
        refresh, detect = BigButton(self.tr("List serial ports")), BigButton(self.tr("Auto-detect"))
        refresh.clicked.connect(self._list_ports)
        detect.clicked.connect(self._detect)
        weigh = BigButton(self.tr("Read a weight"))
        printing = BigButton(self.tr("Print a test label"))
        scan = BigButton(self.tr("Wait for a test scan"))
        weigh.clicked.connect(self._test_weight)
        printing.clicked.connect(self._test_print)
        scan.clicked.connect(self._test_scan)
        box = QWidget()
        grid = QGridLayout(box)
        grid.addWidget(label(self.tr("Registered stations and devices"), 15, bold=True), 0, 0)
        grid.addWidget(self.stations, 1, 0, 3, 1)
        grid.addWidget(label(self.tr("Serial ports of this computer"), 15, bold=True), 0, 1)
        grid.addWidget(self.ports, 1, 1)
        grid.addLayout(hbox(refresh, detect), 2, 1)
        grid.addWidget(self.detected, 3, 1)
        grid.addLayout(hbox(weigh, printing, scan), 4, 0, 1, 2)
        return box

    def _list_ports(self) -> None:
        self.runner.run(
            discovery.serial_ports,
            done=lambda ports: self.ports.fill([(p.device, p.description, p.hwid) for p in ports]),
        )

    def _detect(self) -> None:
        cells = (self.ports.item(r, 0) for r in range(self.ports.rowCount()))
        urls = [cell.text() for cell in cells if cell is not None]
        urls += self.kit.simulators.port_urls()
        self.runner.run(discovery.autodetect, urls, done=self._detected)

    def _detected(self, found: list[discovery.Detected]) -> None:
        self.detected.fill([(d.url, d.kind, d.identity) for d in found])
        self._said(
            self.tr("Auto-detect finished"),
            self.tr("%1 device(s) answered.").replace("%1", str(len(found))),
        )

    def _test_weight(self) -> None:
        reading = self.kit.signals.last_weight
        if reading is not None:
            self._said(
                self.tr("Scale reading"),
                f"{reading.value} {reading.unit} · {reading.message} · {reading.device_id}",
            )
        else:
            self.result.show_refused(
                self.tr("No reading"),
                self.tr("The scale has sent nothing yet."),
                self.tr("Check the scale's cable, port and baud rate."),
            )

    def _test_print(self) -> None:
        printer = self.kit.printer
        if printer is None:
            self.result.show_refused(
                self.tr("No label printer"),
                self.tr("This station has no label printer configured."),
                self.tr("Add [devices.printer] to the station file."),
            )
            return
        key = f"test-{uuid.uuid4().hex[:12]}"
        self.runner.run(
            lambda: printer.send(key, TEST_LABEL),
            done=lambda outcome: self._said(
                self.tr("Test label"), f"{outcome.status}: {outcome.reason or outcome.printer}"
            ),
        )

    def _test_scan(self) -> None:
        self.waiting_for_scan = True
        self.result.show_idle(self.tr("Scan any barcode now…"))

    def on_scan(self, scan: ScanEvent) -> None:
        if self.waiting_for_scan:
            self.waiting_for_scan = False
            visible = scan.text.replace("\x1d", "<GS>")
            symbology = scan.aim_id or self.tr("no AIM identifier")
            self._said(self.tr("Scanner works"), f"{scan.device_id}: {symbology} {visible}")

    # ---- plumbing --------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx is None:
            return
        self.runner.run(
            identity.list_users,
            self.ctx,
            done=lambda users: self.users.fill(
                [
                    (
                        u.id,
                        u.username,
                        shown(role_words(u.role)),
                        self.tr("disabled")
                        if u.disabled
                        else self.tr("locked")
                        if u.locked
                        else self.tr("active"),
                        u.full_name,
                    )
                    for u in users
                ]
            ),
        )
        self.runner.run(masterdata.list_stations, self.ctx, done=self._stations)
        ctx = self.ctx
        self.fitness.refresh(lambda fn, *args, done: self.runner.run(fn, ctx, *args, done=done))
        self._list_ports()

    def _stations(self, views: list[masterdata.StationView]) -> None:
        rows: list[tuple[object, ...]] = []
        for st in views:
            rows.extend(
                (st.name, st.kind, d.name, d.url, d.serial_number or "") for d in st.devices
            )
            if not st.devices:
                rows.append((st.name, st.kind, "", "", ""))
        self.stations.fill(rows)

    def _run(self, fn: Any, *args: Any, done: Any) -> None:
        if self.ctx is None:
            return

        def finished(result: Any) -> None:
            done(result)
            self.refresh()

        self.runner.run(fn, self.ctx, *args, done=finished, refused=self._refused)

    def _refused(self, refusal: Refusal) -> None:
        self.result.show_refused(
            self.tr("Refused"), refusal.message, self.tr("Nothing was changed.")
        )

    def _said(self, title: str, detail: str) -> None:
        self.result.show_good(title, detail)

    def _refuse(self, title: str, detail: str) -> None:
        self.result.show_refused(title, detail, "")
