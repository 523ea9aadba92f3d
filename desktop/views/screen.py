"""What every station screen offers the main window."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.services.core.context import Context, LoginSession
from desktop.views.tasks import Runner


def scan_symbol(text: str, aim: str | None) -> str:
    """The scan as the symbol held it: the AIM identifier (``]d2``) makes GS1 data readable."""
    return text if not aim or text.startswith("]") else aim + text


class Screen(QWidget):
    """A station's work area. The window gives it the session and forwards device input."""

    #: Permission-free name used for navigation and screenshots ("operator", "qc", ...).
    key = "screen"

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.runner = runner
        self.ctx: Context | None = None
        self.login: LoginSession | None = None

    def title(self) -> str:
        return self.key

    def activate(self, ctx: Context, login: LoginSession) -> None:
        """Called after log-in and whenever the screen is shown."""
        self.ctx, self.login = ctx, login
        self.refresh()

    def refresh(self) -> None:
        """Reload what the screen shows (in the background)."""

    def on_scan(self, text: str, aim: str | None) -> None:
        """A scan from the station's scanner (already decoded by the driver)."""

    def on_weight(self, reading: Any) -> None:
        """A weight reading from the station's scale."""
