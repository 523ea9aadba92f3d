"""Fitness at the point of use, at and just past each date: a device's calibration through its
due date, a person's qualification through its expiry; and what a device capture must carry."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desktop.domain.capture import DeviceCapture
from desktop.domain.fitness import (
    Calibration,
    CalibrationResult,
    CalibrationState,
    calibration_state,
    qualification_problem,
    usable_calibration,
)

DUE = date(2026, 6, 30)
PASSED = Calibration(DUE, CalibrationResult.PASSED, "CAL-2026-117")
FAILED = Calibration(DUE, CalibrationResult.FAILED, "CAL-2026-118")


@pytest.mark.parametrize(
    ("latest", "day", "state"),
    [
        (PASSED, DUE - timedelta(days=1), CalibrationState.CALIBRATED),
        (PASSED, DUE, CalibrationState.CALIBRATED),  # the due date itself is still in
        (PASSED, DUE + timedelta(days=1), CalibrationState.OVERDUE),
        (FAILED, DUE - timedelta(days=30), CalibrationState.FAILED),
        (FAILED, DUE + timedelta(days=1), CalibrationState.FAILED),
        (None, DUE, CalibrationState.NONE),
    ],
)
def test_calibration_on_a_day(
    latest: Calibration | None, day: date, state: CalibrationState
) -> None:
    assert calibration_state(latest, day) is state


def test_a_device_is_usable_through_its_due_date() -> None:
    assert usable_calibration(PASSED, DUE, "scale line-1") is None
    assert usable_calibration(None, DUE, "scale line-1") is None  # not under calibration control
    overdue = usable_calibration(PASSED, DUE + timedelta(days=1), "scale line-1")
    assert overdue == (
        "scale line-1 was due for calibration on 2026-06-30 (certificate CAL-2026-117): "
        "take it out of use and have it calibrated"
    )
    failed = usable_calibration(FAILED, DUE - timedelta(days=1), "scale line-1")
    assert failed == (
        "scale line-1 failed its calibration (certificate CAL-2026-118): "
        "it is out of service until calibrated again"
    )


EXPIRES = date(2026, 3, 31)


def test_a_qualification_holds_through_its_expiry_date() -> None:
    assert qualification_problem("crimping", "Olga", EXPIRES, True, EXPIRES) is None
    assert qualification_problem("crimping", "Olga", None, True, date(2099, 1, 1)) is None
    late = qualification_problem("crimping", "Olga", EXPIRES, True, EXPIRES + timedelta(days=1))
    assert late == (
        "Olga's qualification crimping expired on 2026-03-31: requalify before doing this step"
    )
    missing = qualification_problem("crimping", "Olga", None, False, EXPIRES)
    assert missing == (
        "Olga is not qualified for crimping: ask a supervisor for a qualified operator"
    )
    # not held wins over a date that would still be valid
    assert qualification_problem("crimping", "Olga", EXPIRES, False, EXPIRES) == missing


def test_a_capture_names_its_device_and_its_time_zone() -> None:
    at = datetime(2026, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    capture = DeviceCapture("line-1 scanner", b"]d2010950600013435210K7\r", at, aim="]d2")
    assert capture.received_utc == datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
    assert capture.received_utc.tzinfo is UTC
    with pytest.raises(ValueError) as unnamed:
        DeviceCapture("  ", b"x", at)
    assert str(unnamed.value) == "a device capture names its device (the configured id)"
    with pytest.raises(ValueError) as naive:
        DeviceCapture("line-1 scanner", b"x", datetime(2026, 5, 1, 12, 0))
    assert str(naive.value) == "received_at 2026-05-01 12:00:00 has no time zone: give it in UTC"
