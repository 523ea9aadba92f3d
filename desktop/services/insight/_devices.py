"""Device health: what each station reported of its devices in the window (readings taken and
refused, reconnects) and each scale's calibration (due soon, overdue: its readings are refused),
and the report a station writes of its devices."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Device, DeviceCalibration, DeviceHealthReport, Station
from desktop.domain.insight import DeviceHealth, Panel
from desktop.domain.plant import DeviceKind
from desktop.domain.text import t
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.insight._model import (
    CALIBRATION_WARNING_DAYS,
    Figure,
    PanelView,
    Window,
    key_of,
)


def _due_dates(session: Session) -> dict[int, date]:
    """Device id -> due date of its newest calibration."""
    newest = (
        select(DeviceCalibration.device_id, func.max(DeviceCalibration.id).label("last"))
        .group_by(DeviceCalibration.device_id)
        .subquery()
    )
    rows = session.execute(
        select(DeviceCalibration.device_id, DeviceCalibration.due_on).join(
            newest, newest.c.last == DeviceCalibration.id
        )
    )
    return {device_id: due_on for device_id, due_on in rows}


def health_of(kind: DeviceKind, due: date | None, today: date, troubled: bool) -> DeviceHealth:
    """A scale past (or without) its calibration is overdue; due within the warning days is
    due soon; refusals or reconnects make any device unsteady."""
    warning = timedelta(days=CALIBRATION_WARNING_DAYS)
    if kind == DeviceKind.SCALE and (due is None or due < today):
        return DeviceHealth.CALIBRATION_OVERDUE
    if due is not None and kind == DeviceKind.SCALE and due < today + warning:
        return DeviceHealth.CALIBRATION_DUE
    return DeviceHealth.UNSTEADY if troubled else DeviceHealth.OK


def devices(session: Session, window: Window) -> PanelView:
    """One figure per active registered device: refusals + reconnects in the window."""
    tallies = {
        device_id: (int(readings or 0), int(refused or 0), int(reconnects or 0))
        for device_id, readings, refused, reconnects in session.execute(
            select(
                DeviceHealthReport.device_id,
                func.sum(DeviceHealthReport.readings),
                func.sum(DeviceHealthReport.refused),
                func.sum(DeviceHealthReport.reconnects),
            )
            .where(
                DeviceHealthReport.period_end > window.start,
                DeviceHealthReport.period_end <= window.end,
                DeviceHealthReport.device_id.is_not(None),
            )
            .group_by(DeviceHealthReport.device_id)
        )
    }
    due = _due_dates(session)
    today = window.end.date()
    rows = session.execute(
        select(Device.id, Device.kind, Device.name, Station.name)
        .join(Station, Station.id == Device.station_id)
        .where(Device.active.is_(True))
        .order_by(Station.name, Device.name)
    )
    figures = []
    for device_id, kind, name, station in rows:
        readings, refused, reconnects = tallies.get(device_id, (0, 0, 0))
        health = health_of(DeviceKind(kind), due.get(device_id), today, refused + reconnects > 0)
        figures.append(
            Figure(
                key_of(Panel.DEVICES, device_id),
                name if station in name else f"{station} · {name}",
                float(refused + reconnects),
                note=t(
                    "{health}: {refused} of {readings} readings refused, {reconnects} reconnects",
                    health=health.words,
                    refused=refused,
                    readings=readings,
                    reconnects=reconnects,
                ),
                alert=health != DeviceHealth.OK,
            )
        )
    figures.sort(key=lambda f: (not f.alert, f.label))
    needing = sum(1 for f in figures if f.alert)
    headline = t("{n} of {all} devices need attention", n=needing, all=len(figures))
    return PanelView(Panel.DEVICES, headline, tuple(figures), alert=needing > 0)


def report_health(
    uow: UnitOfWork,
    device: str,
    since: datetime,
    until: datetime,
    readings: int,
    refused: int,
    reconnects: int,
) -> DeviceHealthReport:
    """Append the actor's station's tally for its device ``device`` over [since, until)."""
    if min(readings, refused, reconnects) < 0 or until < since:
        raise Refusal(
            t(
                "a device health report needs counts of 0 or more and a period that ends "
                "after it starts"
            )
        )
    device_id = uow.session.scalar(
        select(Device.id).where(Device.name == device, Device.station_id == uow.actor.station_id)
    )
    report = DeviceHealthReport(
        station_id=uow.actor.station_id,
        device_id=device_id,
        device=device,
        period_start=since,
        period_end=until,
        readings=readings,
        refused=refused,
        reconnects=reconnects,
    )
    uow.session.add(report)
    uow.session.flush()
    uow.audit(
        "device.health",
        "device",
        device_id if device_id is not None else device,
        new={"readings": readings, "refused": refused, "reconnects": reconnects},
    )
    return report
