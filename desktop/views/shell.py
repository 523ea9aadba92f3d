"""The main window: header (station, user, time, devices), SIMULATION banner, work area,
message area; log-in, idle lock, the station's home screen by its kind, and the devices' health
reported to the dashboard (every few minutes, at log-out; desktop/views/device_report.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop.devices import ScanEvent, WeightReading
from desktop.domain.permissions import role_words
from desktop.domain.plant import StationKind
from desktop.domain.udi import parse_scan
from desktop.services import identity
from desktop.services.core.context import Context, LoginSession
from desktop.services.core.errors import Refusal
from desktop.views import kinds, theme
from desktop.views.database_light import DatabaseLight
from desktop.views.device_report import DeviceHealthReporter
from desktop.views.kinds import ScreenFactory
from desktop.views.kit import StationKit
from desktop.views.login import LoginScreen
from desktop.views.password_change import PasswordChangeDialog
from desktop.views.screen import Screen
from desktop.views.simulator_panel import SimulatorPanel
from desktop.views.tasks import Runner
from desktop.views.wedge import KeyboardWedge
from desktop.views.widgets import BigButton, DeviceLight, DeviceState, SimulationBanner, label
from desktop.views.words import shown

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """``kit`` is the station's devices as the composition root built them: their signals
    reach the window, and every screen is made with the kit (printer, simulators)."""

    def __init__(
        self,
        base: Context,
        kit: StationKit,
        *,
        station: str,
        station_kind: str,
        simulated: bool,
        idle_minutes: float,
        screens: dict[str, ScreenFactory],
        demo_hint: str = "",
        device_report_minutes: float = 15.0,
    ) -> None:
        super().__init__()
        self.base, self.kit, self.station, self.kind = base, kit, station, station_kind
        self.runner = Runner(self)
        self.runner.error.connect(self.show_error)
        self.session: LoginSession | None = None
        self.ctx: Context | None = None
        self.device_report = DeviceHealthReporter(
            self.runner, kit.tallies, device_report_minutes, lambda: self.ctx, self
        )
        self.device_report.start()
        self.screens = {key: make(self.runner, kit) for key, make in screens.items()}
        self.login_screen = LoginScreen(station, demo_hint)
        self.login_screen.badge_login.connect(self._badge_login)
        self.login_screen.password_login.connect(self._password_login)
        self._build(simulated)
        for screen in self.screens.values():
            self.database_light.changed.connect(screen.on_database)
        kit.signals.scanned.connect(self.on_scan)
        kit.signals.weighed.connect(self.on_weight)
        kit.signals.state_changed.connect(self.set_device_state)
        self.wedge = KeyboardWedge(kit.wedge, kit.take_scan, self) if kit.wedge else None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(int(idle_minutes * 60_000))
        self.idle.timeout.connect(self._idle_lock)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        clock = QTimer(self)
        clock.timeout.connect(self._tick)
        clock.start(1000)
        self._tick()
        self.show_login()

    # ---- layout -------------------------------------------------------------------------
    def _build(self, simulated: bool) -> None:
        self.setWindowTitle(self.tr("Lotline — %1").replace("%1", self.station))
        root = QWidget()
        column = QVBoxLayout(root)
        column.setContentsMargins(8, 4, 8, 4)
        if simulated:
            column.addWidget(
                SimulationBanner(
                    self.tr(
                        "SIMULATION — simulated devices; nothing recorded here is production data"
                    )
                )
            )
        column.addLayout(self._header())
        sims = self.kit.simulators
        self.simulators = SimulatorPanel(sims) if sims.scanner or sims.scale else None
        self.nav = QTabBar()
        self.nav.currentChanged.connect(self._nav_changed)
        column.addWidget(self.nav)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login_screen)
        for screen in self.screens.values():
            self.stack.addWidget(screen)
        column.addWidget(self.stack, 1)
        self.message = label("", 13)
        self.message.setObjectName("muted")
        bottom = QHBoxLayout()  # the message line, and the simulated devices beside it
        bottom.addWidget(self.message, 1)
        if self.simulators is not None:
            bottom.addWidget(self.simulators)
        column.addLayout(bottom)
        self.setCentralWidget(root)

    def _header(self) -> QVBoxLayout:
        row = QHBoxLayout()
        home = self.screens.get(self.kind)
        kind = home.title() if home is not None else self.kind  # in words, in the language
        self.station_label = label(f"<b>{self.station}</b> · {kind}", 14, wrap=False)
        self.user_label = label("", 14, wrap=False)
        self.clock = label("", 14, wrap=False)
        self.lights = {
            k: DeviceLight(t)
            for k, t in (
                ("scanner", self.tr("Scanner")),
                ("scale", self.tr("Scale")),
                ("printer", self.tr("Printer")),
            )
        }
        self.database_light = DatabaseLight(self.tr("Database"), self.base)
        self.logout_button = BigButton(self.tr("Log out"))
        self.logout_button.setShortcut("Ctrl+L")
        self.logout_button.setMinimumWidth(theme.mm(38))
        self.logout_button.setMaximumWidth(theme.mm(55))
        self.logout_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logout_button.clicked.connect(lambda: self.logout(self.tr("Logged out.")))
        for w in (self.station_label, self.user_label, self.clock):
            row.addWidget(w)
            row.addSpacing(theme.mm(4))
        row.addStretch(1)
        row.addWidget(self.logout_button)
        strip = QHBoxLayout()
        for light in (*self.lights.values(), self.database_light):
            strip.addWidget(light)
            strip.addSpacing(theme.mm(3))
        strip.addStretch(1)
        header = QVBoxLayout()
        header.addLayout(row)
        header.addLayout(strip)
        return header

    def light_words(self) -> dict[str, str]:
        return {
            "connected": self.tr("connected"),
            "error": self.tr("error"),
            "offline": self.tr("OFFLINE"),
            "sim": self.tr("simulated"),
        }

    def set_device_state(self, state: DeviceState) -> None:
        light = self.lights.get(state.kind)
        if light is not None:
            light.show_state(state, self.light_words())

    # ---- session ------------------------------------------------------------------------
    def show_login(self, message: str = "") -> None:
        self.nav.setVisible(False)
        self.user_label.setText(self.tr("not logged in"))
        self.logout_button.setEnabled(False)
        self.login_screen.reset(message)
        self._show_page(self.login_screen)

    def _badge_login(self, badge: str, pin: str, totp: str) -> None:
        self._log_in(lambda ctx: identity.login_badge(ctx, badge, pin, totp or None), "badge")

    def _password_login(self, user: str, password: str, totp: str) -> None:
        self._log_in(lambda ctx: identity.login(ctx, user, password, totp or None), "password")

    def _log_in(self, check: Callable[[Context], LoginSession], how: str) -> None:
        """On the shared database; with a station capture, against the station's copy while
        the database does not answer (journaled and audited when it is back)."""
        capture = self.kit.capture
        if capture is None:
            self.runner.run(check, self.base, done=self._logged_in, refused=self._login_refused)
        else:
            self.runner.run(
                capture.log_in, self.base, check, how,
                done=self._logged_in, refused=self._login_refused,
            )  # fmt: skip

    def _login_refused(self, refusal: Refusal) -> None:
        self.login_screen.refused(refusal.message)

    def _change_password(self, session: LoginSession) -> None:
        """The log-in step of a person whose password an administrator gave: choose one."""
        dialog = PasswordChangeDialog(self.runner, self.base, session, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._logged_in)
        dialog.rejected.connect(
            lambda: self.show_login(self.tr("Logged out: choose your password to go on."))
        )
        dialog.open()

    def _logged_in(self, session: LoginSession) -> None:
        if session.must_change_password:  # production: a given password is replaced first
            self._change_password(session)
            return
        self.session = session
        self.ctx = self.base.as_actor(session.actor)
        role = session.actor.role or ""
        self.user_label.setText(f"{session.actor.full_name} · {shown(role_words(role))}")
        self.logout_button.setEnabled(True)
        keys = [k for k in kinds.visible_to(role) if k in self.screens]
        if self.kind in keys:  # the station's own kind first
            keys.remove(self.kind)
            keys.insert(0, self.kind)
        self._nav_keys = keys
        self.nav.blockSignals(True)
        while self.nav.count():
            self.nav.removeTab(0)
        for k in keys:
            self.nav.addTab(self.screens[k].title())
        self.nav.blockSignals(False)
        self.nav.setVisible(len(keys) > 1)
        self.idle.start()
        if keys:
            self.open_screen(keys[0])
        self.message.setText(self.tr("Logged in as %1.").replace("%1", session.actor.username))

    def open_screen(self, key: str) -> None:
        screen = self.screens[key]
        if key in getattr(self, "_nav_keys", []):
            self.nav.blockSignals(True)
            self.nav.setCurrentIndex(self._nav_keys.index(key))
            self.nav.blockSignals(False)
        self._show_page(screen)
        if self.ctx is not None and self.session is not None:
            screen.activate(self.ctx, self.session)

    def _show_page(self, page: QWidget) -> None:
        """Show ``page``; only its own minimum size counts for the window's, so a station fits
        1280x800 whatever the largest screen it could open needs."""
        ignored, preferred = QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        for index in range(self.stack.count()):
            other = self.stack.widget(index)
            if other is not None:
                policy = preferred if other is page else ignored
                other.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(page)
        self.stack.updateGeometry()

    def _nav_changed(self, index: int) -> None:
        keys = getattr(self, "_nav_keys", [])
        if 0 <= index < len(keys):
            self.open_screen(keys[index])

    def current_screen(self) -> Screen | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def logout(self, message: str) -> None:
        self.device_report.report()  # the devices' health so far, as the person leaving
        if self.session is not None:
            self.session.end()  # ends the continuous signing session too (Part 11 11.200)
        self.session, self.ctx = None, None
        self.idle.stop()
        self.show_login(message)

    def _idle_lock(self) -> None:
        minutes = self.idle.interval() / 60_000
        self.logout(self.tr("Locked after %1 minutes without input.").replace("%1", f"{minutes:g}"))

    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard-wedge scanner types into whichever widget has focus: its filter sees
        every key of the application while the window is shown."""
        if self.wedge is not None:
            QApplication.instance().installEventFilter(self.wedge)  # type: ignore[union-attr]
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self.wedge is not None:
            self.wedge.flush()
            QApplication.instance().removeEventFilter(self.wedge)  # type: ignore[union-attr]
        super().hideEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self.session is not None and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.TouchBegin,
        ):
            self.idle.start()
        return False

    # ---- device input and messages ------------------------------------------------------
    def on_scan(self, scan: ScanEvent) -> None:
        """Every scan of the station's scanners, serial or keyboard wedge, to the screen shown.

        The first read of a two-symbol HIBC label (the primary: product code only) waits for
        its secondary (lot or serial), which the scan path delivers paired with it."""
        if self.session is not None:
            self.idle.start()
        widget = self.stack.currentWidget()
        if widget is self.login_screen:
            self.login_screen.on_scan(scan.text)
            return
        if not isinstance(widget, Screen):
            return
        if widget.key != StationKind.ADMIN and _hibc_primary_alone(scan):
            self.message.setStyleSheet("")
            self.message.setText(
                self.tr(
                    "HIBC product code %1 read: now scan the second symbol of the same label "
                    "(lot or serial)."
                ).replace("%1", scan.text)
            )
            return
        widget.on_scan(scan)

    def on_weight(self, reading: WeightReading) -> None:
        screen = self.current_screen()
        if screen is not None:
            screen.on_weight(reading)

    def show_error(self, text: str) -> None:
        log.error("shown to the user: %s", text)
        self.message.setText(f"⚠ {text}")
        self.message.setStyleSheet(f"color: {theme.ABNORMAL}; font-weight: bold;")

    def _tick(self) -> None:
        self.clock.setText(QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm"))


def _hibc_primary_alone(scan: ScanEvent) -> bool:
    """A valid HIBC primary symbol (product code, no lot or serial) read on its own."""
    if scan.hibc_primary is not None or not scan.text.startswith("+"):
        return False
    parsed = parse_scan(scan.symbol_text, expect_gs1=False)
    return parsed.valid and parsed.hibc is not None and parsed.hibc.kind == "primary"
