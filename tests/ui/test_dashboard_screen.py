"""The dashboard as a supervisor and QC use it (both databases): after pumps built through the
services with one failing its functional test, a supervisor logging in at a dashboard station
sees the panels filled; clicking the first-pass-yield bar of the failing step (or reaching it
with the keyboard) lists the failing unit's record; a reading still running is not started
twice; another window reads them again; QC finds the Dashboard tab at its own station, an
operator does not; a refusal or an unexpected failure is shown in words."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.domain.insight import Panel
from desktop.services import insight
from desktop.services.core.context import Actor, Context
from desktop.views import kinds
from desktop.views.dashboard import DashboardScreen
from desktop.views.dashboard_chart import BarChart
from desktop.views.device_signals import DeviceSignals
from desktop.views.kit import StationKit
from desktop.views.shell import MainWindow
from desktop.views.station import screen_factories
from tests.integration.workflows.qcpack_support import build_pumps
from tests.support.plant import PASSWORD, Plant
from tests.ui.conftest import OpenScreen, settle


def _window(plant: Plant, qtbot: Any, kind: str, user: str) -> MainWindow:
    base = Context(plant.engine, Actor(None, "(not logged in)", "", None, "line-1"))
    kit = StationKit(DeviceSignals({}), take_scan=lambda scan: None)
    window = MainWindow(
        base,
        kit,
        station="line-1",
        station_kind=kind,
        simulated=False,
        idle_minutes=5,
        screens=screen_factories(),
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window._password_login(user, PASSWORD, "")
    qtbot.waitUntil(lambda: window.session is not None, timeout=30_000)
    return window


def _tabs(window: MainWindow) -> list[str]:
    return [window.nav.tabText(i) for i in range(window.nav.count())]


def _read(qtbot: Any, screen: DashboardScreen) -> None:
    qtbot.waitUntil(lambda: screen.read_at is not None and not screen.reading, timeout=30_000)
    settle(qtbot, screen)


def _bar(chart: BarChart, words: str) -> int:
    return next(i for i, f in enumerate(chart.figures) if words in f.label)


def test_a_supervisor_sees_the_panels_and_opens_the_failing_unit_behind_the_yield_bar(
    plant: Plant, qtbot: Any, styled: Any
) -> None:
    bad = build_pumps(plant, 4, failing=1)
    build_pumps(plant, 2)
    window = _window(plant, qtbot, "dashboard", "sam")
    try:
        assert window._nav_keys[0] == "dashboard"
        screen = window.screens["dashboard"]
        assert isinstance(screen, DashboardScreen)
        assert window.stack.currentWidget() is screen
        _read(qtbot, screen)
        # the pump that failed is nonconforming; the five others wait for their label
        assert screen.box(Panel.WIP).headline.text().startswith("5 units in process")
        wip = screen.box(Panel.WIP).body
        assert isinstance(wip, BarChart)
        assert wip.figures[_bar(wip, "UDI label")].value == 5
        fpy = screen.box(Panel.YIELD)
        assert fpy.headline.text().startswith("⚠ ")  # below the 95 % goal
        chart = fpy.body
        assert isinstance(chart, BarChart)
        at = _bar(chart, "Functional test")
        assert chart.figures[at].alert and chart.figures[at].value < 95

        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_centre(at))
        qtbot.waitUntil(lambda: screen.records.records is not None, timeout=30_000)
        settle(qtbot, screen)
        records = screen.records
        assert records.count.text() == "1 of 1 shown"
        assert records.cell(0, 0) == bad.serials[0]
        assert "fail" in [records.cell(0, c) for c in range(records.table.columnCount())]

        # the same by keyboard: another figure first, then back to the failing step's bar
        records.records = None
        chart.setFocus()
        chart.current = 0 if at else 1
        while chart.current != at:
            qtbot.keyClick(chart, Qt.Key.Key_Down)
        qtbot.keyClick(chart, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: records.records is not None, timeout=30_000)
        assert records.cell(0, 0) == bad.serials[0]

        # the timer while a reading runs does not start a second one: it reads once more after
        screen.timer.timeout.emit()
        assert screen.reading
        pending = screen.runner.pending
        screen.refresh()  # what F5 does
        assert screen.runner.pending == pending and screen.again
        _read(qtbot, screen)
        assert not screen.again

        # another window: the panels are read again over it
        screen.window_box.setCurrentIndex(0)
        assert screen.hours == 8
        _read(qtbot, screen)
        assert "over the last 8 h" in screen.state.text()
    finally:
        window.runner.wait(15_000)


def test_qc_finds_the_dashboard_tab_at_its_station_and_an_operator_does_not(
    plant: Plant, qtbot: Any, styled: Any
) -> None:
    assert "dashboard" in kinds.visible_to("qc_inspector")
    assert "dashboard" in kinds.visible_to("supervisor")
    assert "dashboard" not in kinds.visible_to("operator")
    quinn = _window(plant, qtbot, "qc", "quinn")
    try:
        assert quinn._nav_keys[0] == "qc" and "Dashboard" in _tabs(quinn)
        quinn.open_screen("dashboard")
        screen = quinn.screens["dashboard"]
        assert isinstance(screen, DashboardScreen)
        _read(qtbot, screen)
        assert screen.box(Panel.WIP).headline.text().startswith("0 units in process")
    finally:
        quinn.runner.wait(15_000)
    olga = _window(plant, qtbot, "operator", "olga")
    try:
        assert "Dashboard" not in _tabs(olga) and "dashboard" not in olga._nav_keys
    finally:
        olga.runner.wait(15_000)


def test_a_refused_or_failed_reading_is_shown_in_words(
    plant: Plant, open_screen: OpenScreen, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = open_screen(DashboardScreen, plant, "operator")
    assert isinstance(screen, DashboardScreen)
    qtbot.waitUntil(lambda: not screen.reading, timeout=30_000)
    settle(qtbot, screen)
    text = screen.state.text()
    assert text.startswith("⚠ The figures could not be read: ")
    assert "may not view the plant dashboard" in text
    assert "Traceback" not in text

    def broken(*_args: Any, **_kw: Any) -> None:
        raise RuntimeError("the figures went missing")

    monkeypatch.setattr(insight, "dashboard", broken)
    sam = open_screen(DashboardScreen, plant, "supervisor")
    assert isinstance(sam, DashboardScreen)
    qtbot.waitUntil(lambda: not sam.reading, timeout=30_000)
    settle(qtbot, sam)
    assert sam.state.text() == (
        "⚠ The figures could not be read: RuntimeError: the figures went missing"
    )
