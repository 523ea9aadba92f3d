"""In simulation, the devices a newcomer has no hardware for, in the window: the "simulated
scanner" entry (type a barcode, Enter: the scanner simulator sends it as a scanner does, over
its pseudo-terminal, to the real scanner driver) and the scale control (put a weight on the pan,
make the reading unstable). Shown only while a scanner or a scale is simulated."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QDoubleValidator, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit

from desktop.devices.sim.scanner_sim import expand_controls
from desktop.devices.sim.station import StationSimulators
from desktop.views import theme
from desktop.views.widgets import BigButton, label


class EnterField(QLineEdit):
    """A line edit whose Enter is its own: never a window shortcut (the operator's Enter
    records the weight; Enter here scans or loads the scale)."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.accept()
            return True
        return super().event(event)


class SimulatorPanel(QFrame):
    """``scan_entry`` and ``scan_button`` drive the simulated scanner; ``weight``,
    ``put_button`` and ``unstable_button`` the simulated scale."""

    def __init__(self, sims: StationSimulators) -> None:
        super().__init__()
        self.sims = sims
        self.setObjectName("simulators")
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.mm(2), 0, theme.mm(2), 0)
        self.scan_entry = EnterField()
        self.scan_button = BigButton(self.tr("Scan"))
        self.weight = EnterField("2400.0")
        self.put_button = BigButton(self.tr("Put on scale"))
        self.unstable_button = BigButton(self.tr("Unstable"))
        # a simulation aid used at a desk: one slim row, so the station still fits 1280x800
        self.setStyleSheet(
            f"QPushButton {{ min-height: {theme.mm(7)}px; padding: 1px 14px; }} "
            f"QLineEdit {{ min-height: {theme.mm(7)}px; padding: 0px 6px; }}"
        )
        if sims.scanner is not None:
            self._scanner(row)
        if sims.scale is not None:
            row.addSpacing(theme.mm(6))
            self._scale(row)
        row.addStretch(1)

    def _scanner(self, row: QHBoxLayout) -> None:
        row.addWidget(label(self.tr("Simulated scanner"), 13, bold=True, wrap=False))
        self.scan_entry.setFont(theme.font(13))
        self.scan_entry.setMinimumWidth(theme.mm(70))
        self.scan_entry.setPlaceholderText(self.tr("type a barcode, Enter"))
        self.scan_entry.setAccessibleName(self.tr("Simulated scanner"))
        self.scan_entry.returnPressed.connect(self.scan)
        self.scan_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scan_button.clicked.connect(self.scan)
        row.addWidget(self.scan_entry, 2)
        row.addWidget(self.scan_button)

    def _scale(self, row: QHBoxLayout) -> None:
        row.addWidget(label(self.tr("Simulated scale"), 13, bold=True, wrap=False))
        self.weight.setFont(theme.font(13))
        self.weight.setMaximumWidth(theme.mm(35))
        self.weight.setValidator(QDoubleValidator(0.0, 99999.0, 2, self.weight))
        self.weight.setAccessibleName(self.tr("Weight on the simulated scale, grams"))
        self.weight.returnPressed.connect(self.put_on_scale)
        self.put_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.put_button.clicked.connect(self.put_on_scale)
        self.unstable_button.setCheckable(True)
        self.unstable_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unstable_button.toggled.connect(self.set_unstable)
        row.addWidget(self.weight)
        row.addWidget(label("g", 14, wrap=False))
        row.addWidget(self.put_button)
        row.addWidget(self.unstable_button)

    def scan(self) -> None:
        """Send the entry's text from the scanner simulator (``<GS>`` stands for GS)."""
        text = self.scan_entry.text().strip()
        if not text or self.sims.scanner is None:
            return
        self.sims.scanner.scan(expand_controls(text))
        self.scan_entry.clear()

    def put_on_scale(self) -> None:
        """Load the pan with the weight typed (it settles after the scale's settling time)."""
        if self.sims.scale is None:
            return
        try:
            grams = Decimal(self.weight.text().replace(",", "."))
        except InvalidOperation:
            return
        self.unstable_button.setChecked(False)
        self.sims.scale.set_weight(grams)

    def set_unstable(self, on: bool) -> None:
        """Shake the pan (the reading stays unstable) or let it settle."""
        if self.sims.scale is not None:
            self.sims.scale.fault("unstable" if on else "settle")
