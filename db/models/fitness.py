"""Fitness for use: each calibration of a device (ISO 13485 7.6) and the qualifications people
hold with their expiry (6.2)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Code, Created, IdPK, fk
from db.types import Coded, one_of
from desktop.domain.fitness import CalibrationResult


class DeviceCalibration(Base):
    """One calibration of a device: its certificate, result and the date the next one is due.
    Rows are only added; a device's calibration is its newest row."""

    __tablename__ = "device_calibrations"
    __table_args__ = (one_of("result", CalibrationResult),)
    id: Mapped[IdPK]
    device_id: Mapped[int] = fk("devices.id", index=True)
    calibrated_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    certificate: Mapped[str] = mapped_column(String(200))
    result: Mapped[CalibrationResult] = mapped_column(Coded(CalibrationResult, 16))
    recorded_by: Mapped[int | None] = fk("users.id")
    created_at: Mapped[Created]


class UserQualification(Base):
    """A qualification a person holds (a code route steps ask for), valid through ``expires_on``
    (no date: until revoked)."""

    __tablename__ = "user_qualifications"
    __table_args__ = (UniqueConstraint("user_id", "qualification"),)
    id: Mapped[IdPK]
    user_id: Mapped[int] = fk("users.id")
    qualification: Mapped[Code]
    expires_on: Mapped[date | None] = mapped_column(Date)
    revoked_at: Mapped[datetime | None]
    created_at: Mapped[Created]


__all__ = ["DeviceCalibration", "UserQualification"]
