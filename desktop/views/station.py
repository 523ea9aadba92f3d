"""Start the station: Qt application, language, look, the main window on the kit of devices
the composition root built (desktop.app, desktop.wiring)."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.config import StationConfig
from desktop.services.core.context import Context
from desktop.views import kinds, theme
from desktop.views.kinds import ScreenFactory
from desktop.views.kit import StationKit
from desktop.views.shell import MainWindow

log = logging.getLogger(__name__)
I18N = Path(__file__).resolve().parent / "i18n"


def screen_factories() -> dict[str, ScreenFactory]:
    """Every registered station kind's screen (desktop.views.kinds)."""
    return kinds.factories()


def application(language: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_language(app, language)
    app.setStyleSheet(theme.stylesheet())
    app.setFont(theme.font(14))
    return app


def install_language(app: QApplication, language: str) -> None:
    for old in getattr(app, "_lotline_translators", []):
        app.removeTranslator(old)
    app._lotline_translators = []  # type: ignore[attr-defined]
    if language == "en":
        return
    translator = QTranslator(app)
    if not translator.load(str(I18N / f"lotline_{language}.qm")):
        log.error("no translation file for %s in %s: showing English", language, I18N)
        return
    app.installTranslator(translator)
    app._lotline_translators.append(translator)  # type: ignore[attr-defined]
    QLocale.setDefault(QLocale(language))


def install_excepthooks(report: Callable[[str], None]) -> None:
    """Uncaught errors anywhere (GUI or worker threads) reach the log and the person."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: object) -> None:
        log.error("uncaught error", exc_info=(exc_type, exc, tb))  # type: ignore[arg-type]
        report(f"{exc_type.__name__}: {exc}")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def build_window(
    cfg: StationConfig, base: Context, kit: StationKit, demo_hint: str = ""
) -> MainWindow:
    """The main window on the station's kit (devices built by the composition root)."""
    return MainWindow(
        base,
        kit,
        station=cfg.station,
        station_kind=cfg.kind,
        simulated=cfg.simulated,
        idle_minutes=cfg.idle_lock_minutes,
        screens=screen_factories(),
        demo_hint=demo_hint,
        device_report_minutes=cfg.dashboard.device_report_minutes,
    )


def run_window(app: QApplication, window: MainWindow) -> int:
    """Show the window and run the event loop until the station closes."""
    install_excepthooks(window.show_error)
    window.resize(1280, 800)
    window.show()
    if os.environ.get("LOTLINE_QUIT_AT_LOGIN"):  # bench/bench_station.py: cold start time
        QTimer.singleShot(0, lambda: (print("login screen shown", flush=True), app.quit()))
    return app.exec()
