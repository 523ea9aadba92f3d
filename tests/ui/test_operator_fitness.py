"""Calibration and qualification at the operator station: the unit is scanned with the station's
simulated scanner, a weight comes from the scale, and the station refuses the weighing of a scale
past its calibration due date, and the step to an operator whose qualification expired, each in
the large refusal panel with the reason. Both databases."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import Engine

from desktop.devices.weights import WeightReading, WeightStatus
from desktop.services import identity, masterdata
from desktop.services.production import consume_component, record_measurement, today
from desktop.views.operator import OperatorScreen
from tests.integration.workflows.test_execution_support import eid, pump_order
from tests.integration.workflows.test_fitness_refusals import QUAL, _folder
from tests.support.plant import Plant
from tests.ui.conftest import OpenScreen, scan, settle


@pytest.fixture
def plant(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Plant:
    """The demo plant whose weigh step needs "final weighing"; olga's expired in 2001."""
    monkeypatch.setattr("tests.support.plant.DEMO_FOLDER", _folder(tmp_path))
    return Plant(engine)


def _at_weigh(plant: Plant) -> str:
    line = pump_order(plant, count=1)
    plant.receive_serials("HOUSING-IP300", ["HS-1"])
    plant.receive("BOARD-IP300", "B-1", 20)
    olga = plant.ctx("operator")
    sn = line.serials[0]
    consume_component(olga, sn, "HS-1", event_id=eid())
    consume_component(olga, sn, "B-1", event_id=eid())
    record_measurement(olga, sn, Decimal("1.0"), event_id=eid())
    return sn


def _weight(grams: str) -> WeightReading:
    return WeightReading(
        WeightStatus.STABLE,
        Decimal(grams),
        "g",
        True,
        "line-1 scale",
        "B123456789",
        f"S S {grams} g\r\n".encode(),
        datetime.now(UTC),
        time.monotonic_ns(),
    )


def _weigh(qtbot: Any, screen: OperatorScreen, sn: str) -> None:
    scan(qtbot, screen, sn)
    settle(qtbot, screen)
    screen.on_weight(_weight("2400.0"))
    qtbot.mouseClick(screen.record, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)


def test_a_scale_past_calibration_is_refused_at_the_operator_station(
    plant: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    sn = _at_weigh(plant)
    identity.grant_qualification(plant.admin, "olga", QUAL, None)
    day = today()
    masterdata.calibrate_device(
        plant.admin,
        "line-1",
        "line-1 scale",
        calibrated_on=day - timedelta(days=366),
        due_on=day - timedelta(days=1),
        certificate="CAL-0041",
    )
    screen = open_screen(OperatorScreen, plant, "operator")
    settle(qtbot, screen)
    _weigh(qtbot, screen, sn)
    assert screen.result.refused
    said = screen.result.detail.text()
    assert "line-1 scale" in said and "CAL-0041" in said and "calibrat" in said


def test_an_expired_qualification_is_refused_at_the_operator_station(
    plant: Plant, open_screen: OpenScreen, qtbot: Any
) -> None:
    sn = _at_weigh(plant)
    screen = open_screen(OperatorScreen, plant, "operator")
    settle(qtbot, screen)
    _weigh(qtbot, screen, sn)
    assert screen.result.refused
    said = screen.result.detail.text()
    assert f"qualification {QUAL} expired on 2001-01-31" in said
