"""The building blocks every station shares: result panel, device strip, banner, step list,
weight gauge, big buttons. Colour is never alone: each state has a word and a shape too."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.views import theme
from desktop.views.words import shown


def label(text: str = "", points: float = 14, *, bold: bool = False, wrap: bool = True) -> QLabel:
    lab = QLabel(text)
    lab.setFont(theme.font(points, bold=bold))
    lab.setWordWrap(wrap)
    return lab


def panel(*, name: str = "panel") -> QFrame:
    frame = QFrame()
    frame.setObjectName(name)
    return frame


class BigButton(QPushButton):
    """A touch target at least 15 mm high, with a keyboard shortcut shown in its text."""

    def __init__(self, text: str, shortcut: str | None = None) -> None:
        super().__init__(text if shortcut is None else f"{text}  [{shortcut}]")
        if shortcut:
            self.setShortcut(shortcut)
        self.setMinimumHeight(theme.mm(15))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class SimulationBanner(QLabel):
    """Permanent while any device is simulated."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFont(theme.font(15, bold=True))
        self.setStyleSheet(
            f"background: {theme.SIMULATION_BG}; color: #000000; padding: 6px; "
            "border-bottom: 2px solid #000000;"
        )


class ResultPanel(QFrame):
    """The answer to the last scan. A refusal stays until acknowledged (next scan or Enter)."""

    acknowledged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("panel")
        self.title = label("", 22, bold=True)
        self.detail = label("", 16)
        self.hint = label("", 14)
        layout = QVBoxLayout(self)
        for w in (self.title, self.detail, self.hint):
            layout.addWidget(w)
        layout.addStretch(1)
        self.setMinimumHeight(theme.mm(22))
        self.refused = False
        self.show_idle("")

    def _style(self, background: str, foreground: str, border: str, width: int) -> None:
        self.setStyleSheet(
            f"QFrame#panel {{ background: {background}; border: {width}px solid {border}; "
            f"border-radius: 6px; }} QLabel {{ background: transparent; color: {foreground}; }}"
        )

    def show_idle(self, text: str) -> None:
        self.refused = False
        self.hint.setVisible(True)
        self._style(theme.PANEL, theme.TEXT, theme.BORDER, 1)
        self.title.setText("")
        self.detail.setText(shown(text))
        self.hint.setText("")

    def show_good(self, title: str, detail: str = "") -> None:
        self.refused = False
        self.hint.setVisible(True)
        self._style(theme.PANEL, theme.GOOD, theme.GOOD, 2)
        self.title.setFont(theme.font(17))
        self.title.setText(f"✔  {shown(title)}")
        self.detail.setText(shown(detail))
        self.hint.setText("")

    def show_kept(self, title: str, kept: str) -> None:
        """Good, but not in the shared database yet: kept at the station (amber, dashed), with
        ``kept`` saying so in bold where a good answer has its detail."""
        self.refused = False
        self._style(theme.PANEL, theme.WARNING, theme.WARNING, 4)
        self.setStyleSheet(self.styleSheet().replace("solid", "dashed"))
        self.title.setFont(theme.font(17, bold=True))
        self.title.setText(f"✔  {shown(title)}")
        self.detail.setText(f"<b>{shown(kept)}</b>")
        self.hint.setText("")
        self.hint.setVisible(False)  # its height goes to the OFFLINE banner above

    def show_refused(self, title: str, reason: str, hint: str) -> None:
        self.refused = True
        self.hint.setVisible(True)
        self._style(theme.ABNORMAL, theme.ABNORMAL_TEXT, "#5A0000", 6)
        self.title.setFont(theme.font(24, bold=True))
        self.title.setText(f"✖  {shown(title)}")
        self.detail.setText(shown(reason))
        self.hint.setText(shown(hint))

    def acknowledge(self) -> None:
        if self.refused:
            self.refused = False
            self.acknowledged.emit()


@dataclass(frozen=True)
class DeviceState:
    kind: str
    connected: bool
    simulated: bool
    last_reading: str = ""
    last_error: str = ""


#: A device light's second line at most this long (the whole text in its tooltip): a long
#: error (a database's connection refusal) never widens the window past 1280 pixels.
DETAIL_CHARS = 44


class DeviceLight(QLabel):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.setFont(theme.font(12))
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.RichText)

    def show_state(self, state: DeviceState, words: dict[str, str]) -> None:
        if state.connected and not state.last_error:
            shape, colour, status = "●", theme.GOOD, words["connected"]
            style = f"color: {theme.TEXT};"
        elif state.connected:
            shape, colour, status = "▲", theme.WARNING, words["error"]
            style = f"color: {theme.TEXT}; border: 2px solid {theme.WARNING};"
        else:
            shape, colour, status = "■", theme.ABNORMAL_TEXT, words["offline"]
            style = f"color: {theme.ABNORMAL_TEXT}; background: {theme.ABNORMAL};"
        sim = f" · {words['sim']}" if state.simulated else ""
        first = f"<span style='color:{colour}'>{shape}</span> <b>{self.title}</b>: {status}{sim}"
        detail = state.last_error or state.last_reading
        head = DETAIL_CHARS // 2  # the end of a path or an error says the most: kept too
        cut = detail[:head] + "…" + detail[-(DETAIL_CHARS - head - 1) :]
        brief = detail if len(detail) <= DETAIL_CHARS else cut
        small = f"<br><span style='font-size:11pt'>{brief}</span>" if detail else ""
        self.setText(first + small)
        self.setToolTip(detail)
        self.setStyleSheet(style + " padding: 2px 6px;")


class StepList(QListWidget):
    """The route with progress: done ✔, current ▶ (bold), to do ○."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFont(theme.font(14))

    def show_steps(self, steps: list[tuple[int, str, str]]) -> None:
        """steps: (position, name, state) with state "done", "current" or "todo"."""
        self.clear()
        marks = {"done": "✔", "current": "▶", "todo": "○", "failed": "✖"}
        for position, name, state in steps:
            item = QListWidgetItem(f"{marks.get(state, '○')}  {position}. {name}")
            f = theme.font(15 if state == "current" else 13, bold=state == "current")
            item.setFont(f)
            if state == "failed":  # not a code: how a step row looks
                item.setForeground(QColor(theme.ABNORMAL))
            elif state == "done":
                item.setForeground(QColor(theme.MUTED))
            self.addItem(item)


class WeightGauge(QWidget):
    """A weight as a number and a bar inside its tolerance band, limits written on it."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(theme.mm(30))
        self.weight: Decimal | None = None
        self.unit = ""
        self.stable = False
        self.low: Decimal | None = None
        self.high: Decimal | None = None
        self.words = {
            "stable": "stable",
            "unstable": "NOT STABLE",
            "no": "no reading",
            "out": "OUT OF TOLERANCE",
        }

    def set_band(self, lower: Decimal | None, upper: Decimal | None, unit: str) -> None:
        self.low, self.high, self.unit = lower, upper, unit
        self.update()

    def set_reading(self, value: Decimal | None, unit: str, stable: bool) -> None:
        self.weight, self.stable = value, stable
        self.unit = unit or self.unit
        self.update()

    def _in_band(self) -> bool:
        if self.weight is None or self.low is None or self.high is None:
            return True
        return self.low <= self.weight <= self.high

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        ok = self._in_band() and self.stable
        colour = QColor(theme.TEXT if ok else theme.ABNORMAL)
        p.setPen(colour)
        p.setFont(theme.font(30, bold=True))
        text = "—" if self.weight is None else f"{self.weight} {self.unit}"
        state = (
            self.words["no"]
            if self.weight is None
            else (self.words["stable"] if self.stable else self.words["unstable"])
        )
        if not self._in_band():
            state = f"{self.words['out']} · {state}"
        p.drawText(QRectF(0, 0, w * 0.55, h * 0.6), Qt.AlignmentFlag.AlignLeft, text)
        p.setFont(theme.font(13, bold=not ok))
        p.drawText(QRectF(w * 0.55, 0, w * 0.45, h * 0.6), Qt.AlignmentFlag.AlignRight, state)
        self._draw_band(p, w, h)
        p.end()

    def _draw_band(self, p: QPainter, w: int, h: int) -> None:
        if self.low is None or self.high is None:
            return
        span = self.high - self.low
        lo, hi = self.low - span, self.high + span  # the band sits in the middle third
        top, bar_h = h * 0.5, h * 0.18
        p.setPen(QPen(QColor(theme.BORDER), 1))
        p.setBrush(QColor("#FFFFFF"))
        p.drawRect(QRectF(0, top, w - 1, bar_h))
        p.setBrush(QColor("#CFE3D3"))
        p.drawRect(QRectF(w / 3, top, w / 3, bar_h))
        p.setFont(theme.font(11))
        p.setPen(QColor(theme.TEXT))
        p.drawText(
            QRectF(0, top + bar_h, w / 3 + 40, h - top - bar_h),
            Qt.AlignmentFlag.AlignRight,
            f"{self.low}",
        )
        p.drawText(
            QRectF(2 * w / 3 - 40, top + bar_h, w / 3, h - top - bar_h),
            Qt.AlignmentFlag.AlignLeft,
            f"{self.high} {self.unit}",
        )
        if self.weight is not None:
            frac = float((min(max(self.weight, lo), hi) - lo) / (hi - lo)) if hi > lo else 0.5
            x = frac * (w - 1)
            p.setPen(QPen(QColor(theme.TEXT if self._in_band() else theme.ABNORMAL), 5))
            p.drawLine(int(x), int(top - 4), int(x), int(top + bar_h + 4))


def hbox(*widgets: QWidget, stretch_last: bool = False) -> QHBoxLayout:
    layout = QHBoxLayout()
    for w in widgets:
        layout.addWidget(w)
    if stretch_last:
        layout.addStretch(1)
    return layout
