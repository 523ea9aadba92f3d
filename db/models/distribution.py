"""After the line: shipments, service records (install, service, return, disposal), recalls."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Code, Created, IdPK, fk
from db.types import Coded, one_of
from desktop.domain.distribution import (
    RecallDisposition,
    RecallState,
    RecallStatus,
    ServiceKind,
    ShipmentStatus,
)


class Shipment(Base):
    __tablename__ = "shipments"
    __table_args__ = (one_of("status", ShipmentStatus),)
    id: Mapped[IdPK]
    number: Mapped[Code] = mapped_column(unique=True)
    customer_id: Mapped[int] = fk("customers.id", index=True)
    site_id: Mapped[int | None] = fk("sites.id")
    status: Mapped[ShipmentStatus] = mapped_column(
        Coded(ShipmentStatus, 16), default=ShipmentStatus.OPEN
    )
    shipped_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]  # proof of delivery: when the customer signed
    received_by: Mapped[str | None] = mapped_column(String(120))  # who signed at the customer
    pod_recorded_at: Mapped[datetime | None]
    event_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("events.id"))
    created_at: Mapped[Created]


class ShipmentLine(Base):
    __tablename__ = "shipment_lines"
    __table_args__ = (UniqueConstraint("shipment_id", "item_id"),)
    id: Mapped[IdPK]
    shipment_id: Mapped[int] = fk("shipments.id")
    item_id: Mapped[int] = fk("items.id", index=True)
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 4), default=Decimal(1))


class ServiceRecord(Base):
    """installation | service | repair | return | disposal, against a serial."""

    __tablename__ = "service_records"
    __table_args__ = (one_of("kind", ServiceKind),)
    id: Mapped[IdPK]
    item_id: Mapped[int] = fk("items.id", index=True)
    kind: Mapped[ServiceKind] = mapped_column(Coded(ServiceKind, 16))
    site_id: Mapped[int | None] = fk("sites.id")
    performed_at: Mapped[datetime]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("events.id"))


class Recall(Base):
    __tablename__ = "recalls"
    __table_args__ = (one_of("status", RecallStatus),)
    id: Mapped[IdPK]
    number: Mapped[Code] = mapped_column(unique=True)
    reason: Mapped[str] = mapped_column(Text)
    scope_item_id: Mapped[int] = fk("items.id")
    status: Mapped[RecallStatus] = mapped_column(Coded(RecallStatus, 16), default=RecallStatus.OPEN)
    opened_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime]
    scope_known_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]


class RecallItem(Base):
    """One affected unit of a recall, with its state and notification progress."""

    __tablename__ = "recall_items"
    __table_args__ = (
        UniqueConstraint("recall_id", "item_id"),
        Index("ix_recall_items_recall_customer", "recall_id", "customer_id", "notified_at"),
        one_of("state_at_scope", RecallState),
        one_of("disposition", RecallDisposition),
    )
    id: Mapped[IdPK]
    recall_id: Mapped[int] = fk("recalls.id")
    item_id: Mapped[int] = fk("items.id", index=True)
    state_at_scope: Mapped[RecallState] = mapped_column(Coded(RecallState, 16))
    customer_id: Mapped[int | None] = fk("customers.id")
    site_id: Mapped[int | None] = fk("sites.id")
    notified_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]
    disposition: Mapped[RecallDisposition | None] = mapped_column(Coded(RecallDisposition, 32))
