"""Who and where: roles, users, stations and the devices on them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Created, IdPK, Name, fk
from db.types import Coded, one_of
from desktop.domain.permissions import Role as RoleName
from desktop.domain.plant import DeviceKind, StationKind


class Role(Base):
    """A role; its permissions live in ``desktop.domain.permissions`` (rules, not data)."""

    __tablename__ = "roles"
    __table_args__ = (one_of("name", RoleName),)
    name: Mapped[RoleName] = mapped_column(Coded(RoleName, 32), primary_key=True)
    description: Mapped[str] = mapped_column(String(200))
    requires_totp: Mapped[bool] = mapped_column(Boolean, default=False)


class User(Base):
    """A person. Users are disabled, never deleted, and their ids are never reused."""

    __tablename__ = "users"
    __table_args__ = {"sqlite_autoincrement": True}
    __signature_excluded__ = frozenset(
        {
            "failed_attempts",
            "locked_at",
            "last_login_at",
            "password_hash",
            "pin_hash",
            "totp_last_step",
            "must_change_password",
        }
    )

    id: Mapped[IdPK]
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[Name]
    role: Mapped[RoleName] = mapped_column(Coded(RoleName, 32), ForeignKey("roles.name"))
    password_hash: Mapped[str] = mapped_column(String(200))
    badge_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    #: Encrypted with the station's key (64 characters, identity/_secrets.py) where one is
    #: configured; a plain base32 secret (32 characters) otherwise (development databases).
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    #: The last TOTP time step accepted for this user: a code of that step or earlier is a replay.
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    #: Set when an administrator gives the password (a new user, a reset): the user must choose
    #: their own before anything else.
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_at: Mapped[datetime | None]
    disabled_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    created_at: Mapped[Created]


class Station(Base):
    """A registered workstation; data from unregistered stations is refused (Part 11 11.10(h))."""

    __tablename__ = "stations"
    __table_args__ = (one_of("kind", StationKind),)
    id: Mapped[IdPK]
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[StationKind] = mapped_column(Coded(StationKind, 16))
    site_id: Mapped[int | None] = fk("sites.id")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[Created]


class Device(Base):
    """A scanner, scale or label printer registered at a station."""

    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("station_id", "name"), one_of("kind", DeviceKind))
    id: Mapped[IdPK]
    station_id: Mapped[int] = fk("stations.id")
    kind: Mapped[DeviceKind] = mapped_column(Coded(DeviceKind, 16))
    name: Mapped[str] = mapped_column(String(64))
    port_url: Mapped[str] = mapped_column(String(300))
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    serial_number: Mapped[str | None] = mapped_column(String(64))
    simulated: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[Created]


__all__ = ["Device", "Role", "Station", "User"]
