"""The look of every station (STATIONS-UI.md): quiet grey, dark text, colour only for meaning.

Sizes are given in millimetres and converted with the screen's DPI, so a 15 mm touch target is
15 mm on any monitor.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication

BACKGROUND = "#E9E9E6"
PANEL = "#F6F6F4"
BORDER = "#B9B9B4"
TEXT = "#1B1B1B"
MUTED = "#55554F"
GOOD = "#1E5E2E"  # a calm dark green, used for text/border only
ABNORMAL = "#B3261E"  # refused, hold, out of tolerance, offline
ABNORMAL_TEXT = "#FFFFFF"
WARNING = "#8A5A00"
SIMULATION_BG = "#FFD34D"
FOCUS = "#1F4E8C"

FONT_FAMILY = "Noto Sans, Noto Sans CJK SC, DejaVu Sans, Sans Serif"


def dpi() -> float:
    screen = QGuiApplication.primaryScreen()
    return float(screen.logicalDotsPerInchY()) if screen is not None else 96.0


def mm(value: float) -> int:
    """Millimetres to pixels on this screen."""
    return round(value * dpi() / 25.4)


def font(points: float, *, bold: bool = False) -> QFont:
    f = QFont()
    f.setFamilies([name.strip() for name in FONT_FAMILY.split(",")])
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def stylesheet() -> str:
    target = mm(15)
    return f"""
    QWidget {{ background: {BACKGROUND}; color: {TEXT}; }}
    QFrame#panel, QGroupBox {{ background: {PANEL}; border: 1px solid {BORDER};
        border-radius: 4px; }}
    QGroupBox {{ margin-top: 18px; padding-top: 8px; font-weight: bold; }}
    QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
    QPushButton {{ min-height: {target}px; padding: 4px 18px; border: 2px solid {BORDER};
        border-radius: 6px; background: #FFFFFF; font-size: 15pt; }}
    QPushButton:focus {{ border: 3px solid {FOCUS}; }}
    QPushButton:disabled {{ color: #8E8E88; }}
    QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox {{ min-height: {mm(11)}px;
        padding: 2px 8px; border: 2px solid {BORDER}; border-radius: 4px;
        background: #FFFFFF; font-size: 15pt; }}
    QLineEdit:focus {{ border: 3px solid {FOCUS}; }}
    QSpinBox::up-button, QSpinBox::down-button {{ width: {mm(9)}px; }}
    QTableWidget, QTreeWidget, QListWidget {{ background: #FFFFFF; border: 1px solid {BORDER};
        font-size: 13pt; alternate-background-color: #F1F1EE; }}
    QHeaderView::section {{ background: {PANEL}; padding: 4px; border: none;
        border-bottom: 1px solid {BORDER}; font-weight: bold; }}
    QTabBar::tab {{ min-height: {mm(10)}px; padding: 4px 16px; font-size: 14pt; }}
    QTabBar::tab:selected {{ border-bottom: 3px solid {FOCUS}; font-weight: bold; }}
    QLabel#muted {{ color: {MUTED}; }}
    """
