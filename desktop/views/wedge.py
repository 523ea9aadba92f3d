"""Keyboard-wedge scanners in the window: one application-wide key filter, whichever widget has
focus. A keystroke burst the decoder (``desktop.devices.wedge``) takes for a scan goes to the
station's scan path as a ScanEvent and never reaches a field; every other keystroke goes on,
unchanged and in order, to the widget it was typed into, at most ``max_gap`` later."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent

from desktop.devices import ScanEvent
from desktop.devices.wedge import GS, WedgeDecoder, WedgeStep

log = logging.getLogger(__name__)
_AN_HOUR = 3_600_000_000_000

_NO_TEXT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass(frozen=True)
class _Held:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    auto_repeat: bool


def key_text(event: QKeyEvent) -> str:
    """What a scanner's keystroke stands for: Enter as CR, Tab, Ctrl+] as GS, typed characters;
    "" for keys a scanner does not type (function keys, shortcuts with Ctrl or Alt)."""
    key, mods = event.key(), event.modifiers()
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return "\r"
    if key == Qt.Key.Key_Tab:
        return "\t"
    if mods & Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_BracketRight:
        return GS
    if event.text() == GS:
        return GS
    if mods & _NO_TEXT_MODIFIERS:
        return ""
    text = event.text()
    return text if text and text.isprintable() else ""


class KeyboardWedge(QObject):
    """Install with ``QApplication.instance().installEventFilter(wedge)``."""

    def __init__(
        self,
        decoder: WedgeDecoder,
        take_scan: Callable[[ScanEvent], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.decoder = decoder
        self.take_scan = take_scan
        self.held: list[_Held] = []
        self._replaying = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._expire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._replaying or not isinstance(event, QKeyEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            # keep a scan's keys (its Enter above all) from triggering a shortcut
            text = key_text(event)
            if text and (self.held or text not in ("\r", "\t")):
                event.accept()
                return True
            return False
        if kind != QEvent.Type.KeyPress:
            return False
        text = key_text(event)
        if not text:  # a key no scanner types ends any burst; then it goes on as it is
            self._apply(self.decoder.expire(time.monotonic_ns() + _AN_HOUR))
            return False
        self.held.append(
            _Held(obj, event.key(), event.modifiers(), event.text(), event.isAutoRepeat())
        )
        # Times are taken as the keys reach the window: the GUI thread never waits on a device
        # or the database, so keys are handled as they come.
        self._apply(self.decoder.key(text, time.monotonic_ns()))
        return True

    def flush(self) -> None:
        """Decide on every held keystroke now (the gap has passed)."""
        self._expire()

    # -- inside -----------------------------------------------------------------------------

    def _expire(self) -> None:
        self._apply(self.decoder.expire(time.monotonic_ns()))
        if self.held:  # the clock of the key events ran ahead of ours: look again shortly
            self.timer.start(1)

    def _apply(self, steps: list[WedgeStep]) -> None:
        for step in steps:
            if step.release:
                released, self.held = self.held[: step.release], self.held[step.release :]
                self._replay(released)
            if step.consumed:
                self.held = self.held[step.consumed :]
            if step.scan is not None:
                self.take_scan(step.scan)
        deadline = self.decoder.deadline_ns()
        if deadline is None:
            self.timer.stop()
        else:
            wait_ms = max(0, (deadline - time.monotonic_ns()) // 1_000_000 + 1)
            self.timer.start(int(wait_ms))

    def _replay(self, keys: list[_Held]) -> None:
        self._replaying = True
        try:
            for k in keys:
                if not shiboken6.isValid(k.target):
                    log.warning("typed key %r dropped: its widget was closed", k.text)
                    continue
                press = QKeyEvent(QEvent.Type.KeyPress, k.key, k.modifiers, k.text, k.auto_repeat)
                QCoreApplication.sendEvent(k.target, press)
        finally:
            self._replaying = False
