"""Fitness at the point of use: a step that needs a qualification is refused to a person
without it (or with it expired), and a weighing from a scale past its calibration due date (or
failed) is refused; both refusals name the unit so they stand in its batch record."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from db.models import Device, DeviceCalibration, Item, RouteStep, UserQualification
from desktop.domain.fitness import (
    Calibration,
    CalibrationResult,
    qualification_problem,
    usable_calibration,
)
from desktop.domain.plant import DeviceKind
from desktop.domain.text import Text, t
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.production._step import quoted, today


def _refuse(scan: str, unit: Item, why: Text) -> Refusal:
    return Refusal(
        t("{scan}: {why}", scan=quoted(scan), why=why), entity="item", entity_id=str(unit.id)
    )


def required_qualification(step: RouteStep) -> str | None:
    """The qualification a step's parameters name (``qualification = "..."``), if any."""
    name = (step.parameters or {}).get("qualification")
    return str(name).strip() or None if name else None


def require_qualified(uow: UnitOfWork, unit: Item, step: RouteStep, scan: str) -> None:
    """Refuse the step to the acting person when it needs a qualification they do not hold,
    or hold expired or revoked."""
    name = required_qualification(step)
    if name is None:
        return
    held = (
        None
        if uow.actor.user_id is None
        else uow.session.scalars(
            select(UserQualification).where(
                UserQualification.user_id == uow.actor.user_id,
                UserQualification.qualification == name,
                UserQualification.revoked_at.is_(None),
            )
        ).first()
    )
    person = uow.actor.full_name or uow.actor.username
    why = qualification_problem(
        name, person, held.expires_on if held else None, held is not None, today()
    )
    if why is not None:
        raise _refuse(
            scan,
            unit,
            t('step {position} "{step}": {why}', position=step.position, step=step.name, why=why),
        )


def _scale(uow: UnitOfWork, device: str | None, serial: str | None) -> Device | None:
    """The registered scale that weighed: the station's scale named (by its configured name
    or serial number), else the station's only scale."""
    if uow.actor.station_id is None:
        return None
    scales = list(
        uow.session.scalars(
            select(Device).where(
                Device.station_id == uow.actor.station_id,
                Device.kind == DeviceKind.SCALE,
                Device.active.is_(True),
            )
        )
    )
    named = [d for d in scales if device and d.name == device]
    named = named or [d for d in scales if serial and d.serial_number == serial]
    if named:
        return named[0]
    return scales[0] if len(scales) == 1 else None


def latest_calibration(uow: UnitOfWork, device_id: int) -> Calibration | None:
    row = uow.session.scalars(
        select(DeviceCalibration)
        .where(DeviceCalibration.device_id == device_id)
        .order_by(DeviceCalibration.id.desc())
    ).first()
    if row is None:
        return None
    return Calibration(row.due_on, CalibrationResult(row.result), row.certificate)


def require_calibrated_scale(
    uow: UnitOfWork, unit: Item, scan: str, device: str | None, serial: str | None
) -> dict[str, Any]:
    """Refuse a weighing from a scale past its calibration due date or failed; else what the
    weighing records of the scale's calibration (empty when the scale is not known)."""
    scale = _scale(uow, device, serial)
    if scale is None:
        return {}
    latest = latest_calibration(uow, scale.id)
    why = usable_calibration(latest, today(), t("scale {name}", name=scale.name))
    if why is not None:
        raise _refuse(scan, unit, why)
    if latest is None:
        return {"scale": scale.name}
    return {
        "scale": scale.name,
        "calibration_certificate": latest.certificate,
        "calibration_due": latest.due.isoformat(),
    }
