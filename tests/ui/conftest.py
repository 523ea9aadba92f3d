"""Helpers of the station screen tests: the station's look, a logged-in screen whose background
calls are waited for before the database goes away, and an in-memory label printer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.services.core.context import Context
from desktop.services.core.printing import PrinterOutcome
from desktop.views import theme
from desktop.views.screen import Screen
from desktop.views.tasks import Runner
from tests.support.plant import SETTINGS, Plant

OpenScreen = Callable[..., Any]  # open_screen(ScreenClass, plant, role) -> the screen


@dataclass
class FakePrinter:
    """Remembers every job it was sent and answers "printed"."""

    sent: list[tuple[str, bytes]] = field(default_factory=list)

    def send(self, job_key: str, payload: bytes) -> PrinterOutcome:
        self.sent.append((job_key, payload))
        return PrinterOutcome.printed("fake-zebra")


@pytest.fixture
def styled(qapp: QApplication) -> QApplication:
    """The application with the stations' stylesheet and font (as station.application sets)."""
    qapp.setStyleSheet(theme.stylesheet())
    qapp.setFont(theme.font(14))
    return qapp


@pytest.fixture
def open_screen(qtbot: Any, styled: QApplication) -> Iterator[OpenScreen]:
    """``open_screen(ScreenClass, plant, role)``: the screen shown and logged in as ``role``.
    Unexpected errors of background calls fail the test; pending calls finish before teardown."""
    runners: list[Runner] = []
    errors: list[str] = []

    def make(cls: type[Screen], plant: Plant, role: str) -> Screen:
        runner = Runner()
        runner.error.connect(errors.append)
        runners.append(runner)
        screen = cls(runner)
        qtbot.addWidget(screen)
        screen.resize(1280, 680)
        screen.show()
        login = plant.login(role)
        screen.activate(Context(plant.engine, login.actor, SETTINGS), login)
        return screen

    yield make
    for runner in runners:
        runner.wait()
    assert errors == []


def settle(qtbot: Any, screen: Screen) -> None:
    """Wait until the screen's background calls are done."""
    qtbot.waitUntil(lambda: screen.runner.pending == 0, timeout=30_000)
