"""Quality records: inspection plans and results, nonconformances, holds, e-signatures."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Numeric, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Code, Created, IdPK, Name, fk
from db.types import Coded, one_of
from desktop.domain.permissions import Meaning
from desktop.domain.quality import Disposition, NcrStatus


class InspectionPlan(Base):
    """A characteristic to inspect for a product at a step, with its limits."""

    __tablename__ = "inspection_plans"
    id: Mapped[IdPK]
    product_id: Mapped[int] = fk("products.id", index=True)
    step_id: Mapped[int | None] = fk("route_steps.id")
    characteristic: Mapped[Name]
    nominal: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    lower_limit: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    upper_limit: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    unit: Mapped[str] = mapped_column(String(16), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class InspectionResult(Base):
    __tablename__ = "inspection_results"
    id: Mapped[IdPK]
    plan_id: Mapped[int] = fk("inspection_plans.id")
    item_id: Mapped[int] = fk("items.id", index=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("events.id"))
    value: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    passed: Mapped[bool] = mapped_column(Boolean)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[Created]


class Nonconformance(Base):
    """open -> dispositioned (rework | scrap | use_as_is, signed) -> closed."""

    __tablename__ = "nonconformances"
    __table_args__ = (
        one_of("status", NcrStatus),
        one_of("disposition", Disposition),
        Index("ix_nonconformances_status", "status"),
    )
    __signature_excluded__ = frozenset(
        {"status", "closed_at", "closed_by", "disposition_signature_id"}
    )
    id: Mapped[IdPK]
    number: Mapped[Code] = mapped_column(unique=True)
    item_id: Mapped[int] = fk("items.id", index=True)
    event_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("events.id"))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[NcrStatus] = mapped_column(Coded(NcrStatus, 16), default=NcrStatus.OPEN)
    disposition: Mapped[Disposition | None] = mapped_column(Coded(Disposition, 16))
    disposition_reason: Mapped[str | None] = mapped_column(Text)
    disposition_signature_id: Mapped[int | None] = fk("signatures.id")
    opened_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[Created]
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None]


class Hold(Base):
    """A hold on a unit, lot or material lot; released with a reason, never deleted."""

    __tablename__ = "holds"
    __table_args__ = (
        Index("ix_holds_item_id_released_at", "item_id", "released_at"),
        Index("ix_holds_released_at", "released_at"),
    )
    id: Mapped[IdPK]
    item_id: Mapped[int] = fk("items.id")
    reason: Mapped[str] = mapped_column(Text)
    ncr_id: Mapped[int | None] = fk("nonconformances.id")
    placed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    placed_at: Mapped[Created]
    released_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    released_at: Mapped[datetime | None]
    release_reason: Mapped[str | None] = mapped_column(Text)


class Signature(Base):
    """An electronic signature (21 CFR Part 11 11.50 / 11.70): manifestation plus record hash."""

    __tablename__ = "signatures"
    __table_args__ = (
        Index("ix_signatures_record", "record_type", "record_id"),
        one_of("meaning", Meaning),
    )
    id: Mapped[IdPK]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    printed_name: Mapped[Name]
    meaning: Mapped[Meaning] = mapped_column(Coded(Meaning, 64))
    signed_at: Mapped[datetime]
    record_type: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(64))
    record_hash: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)
    station_id: Mapped[int | None] = fk("stations.id")
    #: The rows the signature covers besides the record itself ({table: [primary keys]}), whose
    #: canonical content is in ``record_hash`` too: a lot release covers the lot's units, events,
    #: measurements, inspections, NCRs, labels and component links. None: the record alone.
    covers: Mapped[dict[str, list[str]] | None] = mapped_column(JSON)
