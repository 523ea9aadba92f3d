"""Calibration and qualification at the point of use (ISO 13485 7.6, 6.2), both databases: a
weighing from a scale past its calibration due date is refused with the reason, an operator
without the step's qualification (or with it expired) is refused at that step; each refusal
writes nothing but its audit entry, which stands in the unit's batch record."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from desktop.domain.fitness import CalibrationResult, CalibrationState
from desktop.services import identity, masterdata
from desktop.services.core.context import Actor, Context
from desktop.services.documents import build_record
from desktop.services.masterdata import DEMO_FOLDER
from desktop.services.production import (
    consume_component,
    record_measurement,
    record_weight,
    today,
)
from tests.integration.workflows.test_execution_support import Line, eid, pump_order
from tests.support.plant import PASSWORD, SETTINGS, Plant
from tests.support.refusals import refused

QUAL = "final weighing"


def _folder(tmp: Path) -> Path:
    """The demo plant whose weigh step needs a qualification; olga holds it expired."""
    folder = tmp / "plant"
    shutil.copytree(DEMO_FOLDER, folder, ignore=shutil.ignore_patterns("__*"))
    routes = folder / "routes.toml"
    text = routes.read_text(encoding="utf-8")
    weigh = 'name = "Weigh assembled pump"\n'
    assert weigh in text
    routes.write_text(text.replace(weigh, weigh + f'qualification = "{QUAL}"\n', 1), "utf-8")
    users = folder / "users.toml"
    text = users.read_text(encoding="utf-8")
    olga = 'username = "olga"\n'
    users.write_text(
        text.replace(
            olga, olga + f'qualifications = [{{ name = "{QUAL}", expires = 2001-01-31 }}]\n'
        ),
        "utf-8",
    )
    return folder


@pytest.fixture
def plant(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Plant:
    monkeypatch.setattr("tests.support.plant.DEMO_FOLDER", _folder(tmp_path))
    return Plant(engine)


@pytest.fixture
def line(plant: Plant) -> Line:
    made = pump_order(plant, count=2)
    plant.receive_serials("HOUSING-IP300", ["HS-1", "HS-2"])
    plant.receive("BOARD-IP300", "B-1", 20)
    return made


def _at_weigh(ctx: Any, sn: str, housing: str) -> None:
    consume_component(ctx, sn, housing, event_id=eid())
    consume_component(ctx, sn, "B-1", event_id=eid())
    record_measurement(ctx, sn, Decimal("1.0"), event_id=eid())


def _weigh(ctx: Any, sn: str) -> Any:
    return record_weight(ctx, sn, Decimal("2400"), "g", True, event_id=eid())


def _refusals_in_record(plant: Plant, sn: str) -> list[str]:
    record = build_record(plant.ctx("qc_inspector"), sn)
    return [a.reason or "" for a in record.audit if a.action == "refused:record_weight"]


def test_an_operator_with_the_qualification_expired_is_refused_at_that_step(
    plant: Plant, line: Line
) -> None:
    olga = plant.ctx("operator")
    sn = line.serials[0]
    _at_weigh(olga, sn, "HS-1")  # steps that need no qualification are done
    message = refused(
        plant.engine,
        record_weight,
        olga,
        sn,
        Decimal("2400"),
        "g",
        True,
        event_id=eid(),
        match=(
            rf'^scan "{sn}": step 4 "Weigh assembled pump": Olga Operator\'s qualification '
            rf"{QUAL} expired on 2001-01-31: requalify before doing this step$"
        ),
    )
    assert _refusals_in_record(plant, sn) == [message]


def test_an_unqualified_operator_is_refused_and_a_qualified_one_weighs(
    plant: Plant, line: Line
) -> None:
    sam = plant.ctx("supervisor")
    sn = line.serials[1]
    _at_weigh(sam, sn, "HS-2")
    refused(
        plant.engine,
        record_weight,
        sam,
        sn,
        Decimal("2400"),
        "g",
        True,
        event_id=eid(),
        match=(
            rf'^scan "{sn}": step 4 "Weigh assembled pump": Sam Supervisor is not qualified '
            rf"for {QUAL}: ask a supervisor for a qualified operator$"
        ),
    )
    held = identity.grant_qualification(plant.admin, "sam", QUAL, today() + timedelta(days=30))
    assert held.qualification == QUAL
    assert _weigh(sam, sn).ok
    identity.revoke_qualification(plant.admin, "sam", QUAL, "failed the yearly assessment")
    assert [q.revoked for q in identity.list_qualifications(plant.admin, "sam")] == [True]


def test_a_weighing_from_a_scale_past_calibration_is_refused_with_the_reason(
    plant: Plant, line: Line
) -> None:
    day = today()
    identity.grant_qualification(plant.admin, "olga", QUAL, None)
    olga = plant.ctx("operator")
    sn = line.serials[0]
    _at_weigh(olga, sn, "HS-1")
    masterdata.calibrate_device(
        plant.admin,
        "line-1",
        "line-1 scale",
        calibrated_on=day - timedelta(days=400),
        due_on=day - timedelta(days=1),
        certificate="CAL-0041",
    )
    states = {c.device: c.state for c in masterdata.device_calibrations(plant.admin, day)}
    assert states["line-1 scale"] is CalibrationState.OVERDUE
    due = (day - timedelta(days=1)).isoformat()
    message = refused(
        plant.engine,
        record_weight,
        olga,
        sn,
        Decimal("2400"),
        "g",
        True,
        event_id=eid(),
        match=(
            rf'^scan "{sn}": scale line-1 scale was due for calibration on {due} '
            r"\(certificate CAL-0041\): take it out of use and have it calibrated$"
        ),
    )
    assert _refusals_in_record(plant, sn) == [message]
    masterdata.calibrate_device(
        plant.admin,
        "line-1",
        "line-1 scale",
        calibrated_on=day,
        due_on=day + timedelta(days=365),
        certificate="CAL-0042",
    )
    result = _weigh(olga, sn)
    assert result.ok
    record = build_record(plant.ctx("qc_inspector"), sn)
    assert any("CAL-0042" in str(line) for line in record.steps)


def test_a_scale_that_failed_calibration_is_out_of_service(plant: Plant, line: Line) -> None:
    day = today()
    identity.grant_qualification(plant.admin, "olga", QUAL, None)
    olga = plant.ctx("operator")
    sn = line.serials[0]
    _at_weigh(olga, sn, "HS-1")
    masterdata.calibrate_device(
        plant.admin,
        "line-1",
        "line-1 scale",
        calibrated_on=day,
        due_on=day + timedelta(days=30),
        certificate="CAL-0043",
        result=CalibrationResult.FAILED,
    )
    refused(
        plant.engine,
        record_weight,
        olga,
        sn,
        Decimal("2400"),
        "g",
        True,
        event_id=eid(),
        match=r"scale line-1 scale failed its calibration \(certificate CAL-0043\)",
    )


def test_calibration_and_qualification_inputs_are_checked(plant: Plant) -> None:
    day = today()
    admin = plant.admin
    refused(
        plant.engine,
        masterdata.calibrate_device,
        admin,
        "line-1",
        "line-9 scale",
        calibrated_on=day,
        due_on=day + timedelta(days=1),
        certificate="C",
        match=r'^station line-1 has no device "line-9 scale" \(its devices: ',
    )
    refused(
        plant.engine,
        masterdata.calibrate_device,
        admin,
        "line-1",
        "line-1 scale",
        calibrated_on=day,
        due_on=day,
        certificate="C",
        match=r"must come after the calibration date",
    )
    refused(
        plant.engine,
        masterdata.calibrate_device,
        plant.ctx("operator"),
        "line-1",
        "line-1 scale",
        calibrated_on=day,
        due_on=day + timedelta(days=1),
        certificate="C",
        match=r"may not manage stations and devices",
    )
    refused(
        plant.engine,
        identity.grant_qualification,
        plant.ctx("supervisor"),
        "olga",
        QUAL,
        None,
        match=r"may not manage users",
    )


def test_a_master_data_file_with_a_bad_qualification_names_file_line_and_field(
    engine: Engine, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    users = folder / "users.toml"
    users.write_text(
        users.read_text("utf-8").replace("expires = 2001-01-31", 'expires = "soon"'), "utf-8"
    )
    plant = Plant(engine)
    with pytest.raises(masterdata.MasterDataInvalid) as bad:
        masterdata.load_folder(plant.admin, folder)
    assert "users.toml, line" in str(bad.value)
    assert "qualifications" in str(bad.value)
    assert date(2001, 1, 31).isoformat() not in str(bad.value)


def test_a_log_in_at_a_station_carries_the_station_registered_under_that_name(
    engine: Engine,
) -> None:
    """The station program names its station; the log-in finds its id, so the scale whose
    calibration a weighing is held to is found at a real station, not only in tests."""
    plant = Plant(engine)
    stranger = Actor(None, "olga", "", None, "line-1")
    login = identity.login(Context(engine, stranger, SETTINGS), "olga", PASSWORD)
    assert login.actor.station == "line-1"
    assert login.actor.station_id == plant.station_id("line-1") is not None
    nowhere = Actor(None, "olga", "", None, "cli@laptop")
    assert (
        identity.login(Context(engine, nowhere, SETTINGS), "olga", PASSWORD).actor.station_id
        is None
    )
