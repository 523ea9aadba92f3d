"""Fitness at the point of use: whether a device's calibration (ISO 13485 7.6) and a person's
qualification (6.2) allow their use on a given day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.text import Text, t
from desktop.domain.vocabulary import Vocabulary, words_for


class CalibrationResult(Vocabulary):
    """The outcome on a calibration certificate (device_calibrations.result)."""

    PASSED = "passed"  # the device is within its tolerance until the due date
    FAILED = "failed"  # the device is out of tolerance: out of service until calibrated again


words_for(
    CalibrationResult,
    {
        CalibrationResult.PASSED: t("passed"),
        CalibrationResult.FAILED: t("failed"),
    },
)


class CalibrationState(Vocabulary):
    """A device's calibration on a given day (computed, not stored)."""

    CALIBRATED = "calibrated"
    OVERDUE = "overdue"
    FAILED = "failed"
    NONE = "none"  # no calibration recorded


words_for(
    CalibrationState,
    {
        CalibrationState.CALIBRATED: t("calibrated"),
        CalibrationState.OVERDUE: t("calibration overdue"),
        CalibrationState.FAILED: t("failed calibration"),
        CalibrationState.NONE: t("no calibration recorded"),
    },
)


@dataclass(frozen=True)
class Calibration:
    """The latest calibration of a device."""

    due: date
    result: CalibrationResult
    certificate: str


def calibration_state(latest: Calibration | None, day: date) -> CalibrationState:
    """Calibrated through its due date inclusive; overdue the day after."""
    if latest is None:
        return CalibrationState.NONE
    if latest.result is CalibrationResult.FAILED:
        return CalibrationState.FAILED
    return CalibrationState.OVERDUE if day > latest.due else CalibrationState.CALIBRATED


def usable_calibration(latest: Calibration | None, day: date, device: str) -> Text | None:
    """Why ``device`` may not be used on ``day`` (None: it may). A device under calibration
    control (one calibration recorded) must be calibrated and not past due."""
    state = calibration_state(latest, day)
    if state is CalibrationState.OVERDUE and latest is not None:
        return t(
            "{device} was due for calibration on {due} (certificate {certificate}): "
            "take it out of use and have it calibrated",
            device=device,
            due=latest.due.isoformat(),
            certificate=latest.certificate,
        )
    if state is CalibrationState.FAILED and latest is not None:
        return t(
            "{device} failed its calibration (certificate {certificate}): "
            "it is out of service until calibrated again",
            device=device,
            certificate=latest.certificate,
        )
    return None


def qualification_problem(
    name: str, person: str, expires: date | None, held: bool, day: date
) -> Text | None:
    """Why ``person`` may not do work needing qualification ``name`` on ``day`` (None: may).
    A qualification is valid through its expiry date inclusive; no expiry: valid until revoked."""
    if not held:
        return t(
            "{person} is not qualified for {name}: ask a supervisor for a qualified operator",
            person=person,
            name=name,
        )
    if expires is not None and day > expires:
        return t(
            "{person}'s qualification {name} expired on {expires}: "
            "requalify before doing this step",
            person=person,
            name=name,
            expires=expires.isoformat(),
        )
    return None
