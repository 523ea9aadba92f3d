"""Log-in: badge scan + PIN, or user name + password (+ authenticator code where required)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.views import theme
from desktop.views.widgets import BigButton, ResultPanel, label, panel


class LoginScreen(QWidget):
    badge_login = Signal(str, str, str)  # badge, pin, totp
    password_login = Signal(str, str, str)  # username, password, totp

    def __init__(self, station: str, demo_hint: str = "") -> None:
        super().__init__()
        self.heading = label(self.tr("Log in to %1").replace("%1", station), 26, bold=True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge = self._field(self.tr("Scan your badge"))
        self.pin = self._field(self.tr("PIN"), secret=True)
        self.username = self._field(self.tr("User name"))
        self.password = self._field(self.tr("Password"), secret=True)
        self.totp = self._field(self.tr("Authenticator code (if asked)"))
        self.result = ResultPanel()
        self.demo = demo_hint  # what to scan first on the demo plant, under the prompt
        self.badge_button = BigButton(self.tr("Log in with badge"))
        self.password_button = BigButton(self.tr("Log in with password"))
        self.badge_button.clicked.connect(self._badge)
        self.password_button.clicked.connect(self._password)
        self.pin.returnPressed.connect(self._badge)
        self.badge.returnPressed.connect(self.pin.setFocus)
        self.password.returnPressed.connect(self._password)
        self.username.returnPressed.connect(self.password.setFocus)
        self._layout()

    def _field(self, placeholder: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setFont(theme.font(18))
        edit.setMinimumHeight(theme.mm(13))
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _column(self, title: str, rows: list[tuple[str, QWidget]], button: BigButton) -> QWidget:
        box = panel()
        form = QFormLayout(box)
        form.addRow(label(title, 17, bold=True))
        for text, widget in rows:
            form.addRow(label(text, 14), widget)
        form.addRow(button)
        return box

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.addWidget(
            self._column(
                self.tr("Badge"),
                [(self.tr("Badge"), self.badge), (self.tr("PIN"), self.pin)],
                self.badge_button,
            ),
            0,
            0,
        )
        grid.addWidget(
            self._column(
                self.tr("User name and password"),
                [(self.tr("User"), self.username), (self.tr("Password"), self.password)],
                self.password_button,
            ),
            0,
            1,
        )
        grid.addWidget(label(self.tr("Authenticator code"), 14), 1, 0)
        grid.addWidget(self.totp, 1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addLayout(grid)
        outer.addWidget(self.result)
        outer.addStretch(1)

    def reset(self, message: str = "") -> None:
        for edit in (self.badge, self.pin, self.username, self.password, self.totp):
            edit.clear()
        self.result.show_idle(message or self.tr("Scan your badge, then type your PIN."))
        self.result.hint.setText(self.demo)
        self.badge.setFocus()

    def on_scan(self, text: str) -> None:
        """A badge scanned on the station's scanner fills the badge field."""
        self.badge.setText(text.strip())
        self.pin.setFocus()

    def refused(self, reason: str) -> None:
        self.result.show_refused(
            self.tr("Not logged in"), reason, self.tr("Check your badge, PIN or password.")
        )
        self.pin.clear()
        self.password.clear()

    def _badge(self) -> None:
        if self.badge.text() and self.pin.text():
            self.badge_login.emit(self.badge.text(), self.pin.text(), self.totp.text())

    def _password(self) -> None:
        if self.username.text() and self.password.text():
            self.password_login.emit(self.username.text(), self.password.text(), self.totp.text())
