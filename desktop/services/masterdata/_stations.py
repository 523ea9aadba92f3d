"""Stations and the devices registered on them (Part 11 11.10(h): only registered sources)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db.models import Device, Station
from desktop.domain.permissions import Permission
from desktop.domain.plant import DeviceKind, StationKind
from desktop.domain.text import t
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case


@dataclass(frozen=True)
class DeviceView:
    id: int
    kind: DeviceKind
    name: str
    url: str
    serial_number: str | None
    simulated: bool
    active: bool


@dataclass(frozen=True)
class StationView:
    id: int
    name: str
    kind: StationKind
    active: bool
    devices: tuple[DeviceView, ...]


def _device(d: Device) -> DeviceView:
    return DeviceView(d.id, d.kind, d.name, d.port_url, d.serial_number, d.simulated, d.active)


@use_case(Permission.TRACE_VIEW, read_only=True)
def list_stations(uow: UnitOfWork) -> list[StationView]:
    out = []
    for st in uow.session.scalars(select(Station).order_by(Station.name)):
        devices = uow.session.scalars(
            select(Device).where(Device.station_id == st.id).order_by(Device.kind, Device.name)
        )
        out.append(StationView(st.id, st.name, st.kind, st.active, tuple(map(_device, devices))))
    return out


@use_case(Permission.STATIONS_MANAGE)
def register_device(
    uow: UnitOfWork,
    station: str,
    kind: str,
    name: str,
    url: str,
    settings: dict[str, Any] | None = None,
    serial_number: str | None = None,
) -> DeviceView:
    """Register (or re-point) a device on a station; the change is audited."""
    device_kind = DeviceKind.known(kind)
    if device_kind is None:
        raise Refusal(
            t(
                'device kind "{kind}" is not one of {kinds}',
                kind=kind,
                kinds=", ".join(DeviceKind.values()),
            )
        )
    if not url.strip():
        raise Refusal(
            t('device "{name}" needs a port: a device path, COM port or socket://', name=name)
        )
    st = uow.session.scalars(select(Station).where(Station.name == station)).first()
    if st is None:
        raise NotFound(
            t('station "{station}" is not registered: add it to the master data', station=station)
        )
    dev = uow.session.scalars(
        select(Device).where(Device.station_id == st.id, Device.name == name)
    ).first()
    new = {
        "kind": device_kind,
        "url": url,
        "serial_number": serial_number,
        "settings": settings or {},
    }
    if dev is None:
        dev = Device(station_id=st.id, kind=device_kind, name=name, port_url=url)
        uow.session.add(dev)
        old = None
    else:
        old = {"kind": dev.kind, "url": dev.port_url, "serial_number": dev.serial_number}
    dev.kind, dev.port_url, dev.settings = device_kind, url, settings or {}
    dev.serial_number, dev.simulated = serial_number, url == "sim"
    uow.session.flush()
    uow.audit("device.register", "device", dev.id, old=old, new=new)
    return _device(dev)
