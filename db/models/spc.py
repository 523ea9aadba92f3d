"""SPC records: the control limits QC froze for a product's step, and the anomaly flags raised
when a reading breaks a run rule against them."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Index, Integer, Numeric, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Created, IdPK, fk
from db.types import Coded, one_of
from desktop.domain.spc import ChartKind, FlagStatus, SpcRule


class SpcBaseline(Base):
    """Control limits for a product at a route step, computed from the readings it covers and
    frozen with QC's signature ("Control limits approved"); a later freeze supersedes it."""

    __tablename__ = "spc_baselines"
    __signature_excluded__ = frozenset({"signature_id", "superseded_by", "superseded_at"})
    __table_args__ = (
        Index("ix_spc_baselines_product_step", "product_id", "step_id"),
        one_of("chart", ChartKind),
    )
    id: Mapped[IdPK]
    product_id: Mapped[int] = fk("products.id")
    step_id: Mapped[int] = fk("route_steps.id")
    chart: Mapped[ChartKind] = mapped_column(Coded(ChartKind, 16))
    subgroup: Mapped[int] = mapped_column(Integer, default=1)
    samples: Mapped[int] = mapped_column(Integer)
    #: The step events whose readings the limits were computed from (UUIDs, oldest first).
    event_ids: Mapped[list[str]] = mapped_column(JSON)
    centre: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    lower: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    upper: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    sigma: Mapped[Decimal] = mapped_column(Numeric(18, 6))  # of a plotted point
    range_centre: Mapped[Decimal] = mapped_column(Numeric(18, 6))  # MR-bar or R-bar
    range_upper: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    spec_lower: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    spec_upper: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    unit: Mapped[str] = mapped_column(Text, default="")
    signature_id: Mapped[int | None] = fk("signatures.id")
    frozen_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    frozen_at: Mapped[Created]
    superseded_by: Mapped[int | None] = fk("spc_baselines.id")
    superseded_at: Mapped[datetime | None]


class SpcFlag(Base):
    """A reading that broke a run rule against the frozen baseline: on the unit and its lot,
    open until QC dispositions it with a reason (a lot with an open flag is not released)."""

    __tablename__ = "spc_flags"
    __table_args__ = (
        Index("ix_spc_flags_lot_status", "lot_item_id", "status"),
        Index("ix_spc_flags_item", "item_id"),
        one_of("rule", SpcRule),
        one_of("status", FlagStatus),
    )
    id: Mapped[IdPK]
    item_id: Mapped[int] = fk("items.id")
    lot_item_id: Mapped[int | None] = fk("items.id")
    step_id: Mapped[int] = fk("route_steps.id")
    baseline_id: Mapped[int] = fk("spc_baselines.id")
    rule: Mapped[SpcRule] = mapped_column(Coded(SpcRule, 16))
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("events.id"))
    #: The step events of the points involved (UUIDs, oldest first; the last is event_id).
    point_event_ids: Mapped[list[str]] = mapped_column(JSON)
    value: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    status: Mapped[FlagStatus] = mapped_column(Coded(FlagStatus, 16), default=FlagStatus.OPEN)
    raised_at: Mapped[Created]
    dispositioned_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    dispositioned_at: Mapped[datetime | None]
    reason: Mapped[str | None] = mapped_column(Text)
