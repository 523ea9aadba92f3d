"""Helpers of the station screen tests: the station's look, a logged-in screen whose background
calls are waited for before the database goes away, an in-memory label printer, the
station's scanner: a simulator on a pseudo-terminal read by the real scanner driver, whose
scans reach the screen through the station's scan path and device signals (``scan``), a
whole station program shown with its devices started (``show_station``), and the ids a
device health report names (``station_and_device_ids``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.models import Device, Station
from desktop.app import Station as StationProgram
from desktop.config import DeviceConfig, StationConfig
from desktop.services.core.context import Context
from desktop.services.core.printing import LabelPrinter, PrinterOutcome
from desktop.views import theme
from desktop.views.device_signals import DeviceSignals
from desktop.views.kit import StationKit
from desktop.views.screen import Screen
from desktop.views.selftest import Walk
from desktop.views.tasks import Runner
from desktop.wiring import DeviceSinks, StationDevices, build_devices
from tests.support.plant import SETTINGS, Plant

OpenScreen = Callable[..., Any]  # open_screen(ScreenClass, plant, role, printer=None)


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


def scanner_kit(
    station: str, printer: LabelPrinter | None = None
) -> tuple[StationKit, StationDevices]:
    """A station with only a simulated scanner (``<station> scanner``), built by the
    composition's wiring; start its devices, stop them after the test."""
    cfg = StationConfig(station=station, devices={"scanner": DeviceConfig("scanner")})
    signals = DeviceSignals({"scanner": True})
    devices = build_devices(cfg, DeviceSinks(signals.scan, signals.weight, signals.health))
    kit = StationKit(signals, devices.scan_path, printer, devices.simulators, devices.connected)
    return kit, devices


@pytest.fixture
def open_screen(qtbot: Any, styled: QApplication) -> Iterator[OpenScreen]:
    """``open_screen(ScreenClass, plant, role, printer=None)``: the screen shown and logged in
    as ``role`` at that role's station, its scans coming from the station's simulated scanner.
    Unexpected errors of background calls fail the test; pending calls finish before teardown."""
    runners: list[Runner] = []
    started: list[StationDevices] = []
    errors: list[str] = []

    def make(
        cls: type[Screen], plant: Plant, role: str, printer: LabelPrinter | None = None
    ) -> Screen:
        runner = Runner()
        runner.error.connect(errors.append)
        runners.append(runner)
        login = plant.login(role)
        kit, devices = scanner_kit(login.actor.station, printer)
        started.append(devices)
        screen = cls(runner, kit)
        kit.signals.scanned.connect(screen.on_scan)
        devices.start()
        qtbot.waitUntil(devices.connected, timeout=10_000)
        qtbot.addWidget(screen)
        screen.resize(1280, 680)
        screen.show()
        screen.activate(Context(plant.engine, login.actor, SETTINGS), login)
        return screen

    yield make
    for runner in runners:
        runner.wait()
    for devices in started:
        devices.stop()
    assert errors == []


def scan(qtbot: Any, screen: Screen, text: str) -> None:
    """Scan ``text`` with the station's simulated scanner (an AIM identifier as the text's
    first three characters, ``<GS>`` for the GS separator): the bytes go over the pty, the
    real driver frames them, and this returns once the screen has the scan."""
    scanner = screen.kit.simulators.scanner
    assert scanner is not None, "the screen's station has no simulated scanner"
    with qtbot.waitSignal(screen.kit.signals.scanned, timeout=10_000):
        scanner.scan(text)
    QApplication.processEvents()  # the screen's queued delivery, posted before the signal


def settle(qtbot: Any, screen: Screen) -> None:
    """Wait until the screen's background calls are done."""
    qtbot.waitUntil(lambda: screen.runner.pending == 0, timeout=30_000)


def show_station(
    qtbot: Any,
    program: StationProgram,
    language: str = "en",
    *,
    exposed: bool = True,
    connected: bool = True,
) -> Walk:
    """Start the station program's devices and show its window at 1280x800 (waiting until it
    is exposed unless ``exposed`` is false); the walk over it in ``language``, returned once
    the devices are connected unless ``connected`` is false."""
    window = program.window
    qtbot.addWidget(window)
    program.devices.start()
    window.resize(1280, 800)
    window.show()
    if exposed:
        qtbot.waitExposed(window)
    walk = Walk(window, None, language)
    if connected:
        walk.wait("devices connected", program.kit.connected)
    return walk


def station_and_device_ids(engine: Engine, station: str, device: str) -> tuple[int, int]:
    """The ids of the station named ``station`` and of its device named ``device``."""
    with Session(engine) as s:
        station_id, device_id = s.execute(
            select(Station.id, Device.id)
            .join(Device, Device.station_id == Station.id)
            .where(Station.name == station, Device.name == device)
        ).one()
    return station_id, device_id
