"""What stations report of their devices' health: readings taken and refused, reconnects, per
period. Rows are only added; the dashboard sums those of its window."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Created, IdPK, fk


class DeviceHealthReport(Base):
    """One station's tally for one device over [period_start, period_end)."""

    __tablename__ = "device_health_reports"
    __table_args__ = (Index("ix_device_health_reports_period_end", "period_end"),)
    id: Mapped[IdPK]
    station_id: Mapped[int | None] = fk("stations.id")
    device_id: Mapped[int | None] = fk("devices.id")
    device: Mapped[str] = mapped_column(String(64))  # the station file's device name
    period_start: Mapped[datetime]
    period_end: Mapped[datetime]
    readings: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    reconnects: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[Created]
