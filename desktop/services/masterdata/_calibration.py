"""Device calibrations (ISO 13485 7.6): each calibration recorded with its certificate, result and
next due date; a device's calibration state on a day (production refuses a weighing from a scale
past due)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from db.models import Device, DeviceCalibration, Station
from desktop.domain.fitness import (
    Calibration,
    CalibrationResult,
    CalibrationState,
    calibration_state,
)
from desktop.domain.permissions import Permission
from desktop.domain.text import t
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case


@dataclass(frozen=True)
class CalibrationView:
    station: str
    device: str
    kind: str
    calibrated_on: date | None
    due_on: date | None
    certificate: str | None
    result: CalibrationResult | None
    state: CalibrationState  # on the day asked


def _find(uow: UnitOfWork, station: str, device: str) -> tuple[Station, Device]:
    st = uow.session.scalars(select(Station).where(Station.name == station.strip())).first()
    if st is None:
        raise NotFound(
            t('station "{station}" is not registered: add it to the master data', station=station)
        )
    dev = uow.session.scalars(
        select(Device).where(Device.station_id == st.id, Device.name == device.strip())
    ).first()
    if dev is None:
        names = ", ".join(
            uow.session.scalars(select(Device.name).where(Device.station_id == st.id))
        )
        raise NotFound(
            t(
                'station {station} has no device "{device}" (its devices: {names})',
                station=st.name,
                device=device,
                names=names or "-",
            )
        )
    return st, dev


def _view(uow: UnitOfWork, st: Station, dev: Device, day: date) -> CalibrationView:
    row = uow.session.scalars(
        select(DeviceCalibration)
        .where(DeviceCalibration.device_id == dev.id)
        .order_by(DeviceCalibration.id.desc())
    ).first()
    if row is None:
        return CalibrationView(
            st.name, dev.name, dev.kind, None, None, None, None, CalibrationState.NONE
        )
    result = CalibrationResult(row.result)
    state = calibration_state(Calibration(row.due_on, result, row.certificate), day)
    return CalibrationView(
        st.name, dev.name, dev.kind, row.calibrated_on, row.due_on, row.certificate, result, state
    )


@use_case(Permission.STATIONS_MANAGE)
def calibrate_device(
    uow: UnitOfWork,
    station: str,
    device: str,
    *,
    due_on: date,
    certificate: str,
    calibrated_on: date,
    result: CalibrationResult = CalibrationResult.PASSED,
) -> CalibrationView:
    """Record a calibration of a station's device: its certificate, result and next due date."""
    st, dev = _find(uow, station, device)
    if not certificate.strip():
        raise Refusal(
            t("name the calibration certificate (its number or file), e.g. CAL-2026-0042")
        )
    if due_on <= calibrated_on:
        raise Refusal(
            t(
                "the due date {due} must come after the calibration date {calibrated}",
                due=due_on.isoformat(),
                calibrated=calibrated_on.isoformat(),
            )
        )
    row = DeviceCalibration(
        device_id=dev.id,
        calibrated_on=calibrated_on,
        due_on=due_on,
        certificate=certificate.strip(),
        result=result.value,
        recorded_by=uow.actor.user_id,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit(
        "device.calibrate",
        "device",
        dev.id,
        new={
            "station": st.name,
            "device": dev.name,
            "calibrated_on": calibrated_on.isoformat(),
            "due_on": due_on.isoformat(),
            "certificate": row.certificate,
            "result": result.value,
        },
    )
    return _view(uow, st, dev, calibrated_on)


@use_case(None, read_only=True)
def device_calibrations(uow: UnitOfWork, day: date) -> list[CalibrationView]:
    """Every registered device's calibration state on ``day``, by station and device."""
    rows = uow.session.execute(
        select(Station, Device)
        .join(Device, Device.station_id == Station.id)
        .order_by(Station.name, Device.name)
    )
    return [_view(uow, st, dev, day) for st, dev in rows]
