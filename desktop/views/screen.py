"""What every station screen offers the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.devices import ScanEvent, WeightReading
from desktop.services.core.context import Context, LoginSession
from desktop.views.kit import StationKit
from desktop.views.tasks import Runner


class Screen(QWidget):
    """A station's work area. The window builds it with the station's kit (printer,
    simulators), gives it the session and forwards device input as typed values."""

    #: Permission-free name used for navigation and screenshots ("operator", "qc", ...).
    key = "screen"

    def __init__(self, runner: Runner, kit: StationKit) -> None:
        super().__init__()
        self.runner = runner
        self.kit = kit
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

    def on_scan(self, scan: ScanEvent) -> None:
        """A scan from one of the station's scanners, as the scan path delivered it
        (``scan.symbol_text`` is the data with its AIM identifier)."""

    def on_weight(self, reading: WeightReading) -> None:
        """A weight reading from the station's scale."""

    def on_database(self, state: str) -> None:
        """The window's database light changed: "ok", "retrying" or "offline"."""
