"""Incoming inspection plans: the characteristics of a bought part checked at goods-in, with
their limits (the readings are recorded in the incoming_inspection event of the lot or piece)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, IdPK, Name, fk


class IncomingPlan(Base):
    """A characteristic to check on every received lot (or piece) of a part, with its limits."""

    __tablename__ = "incoming_plans"
    __table_args__ = (UniqueConstraint("part_id", "characteristic"),)
    id: Mapped[IdPK]
    part_id: Mapped[int] = fk("parts.id", index=True)
    characteristic: Mapped[Name]
    nominal: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    lower_limit: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    upper_limit: Mapped[Decimal | None] = mapped_column(Numeric(14, 4))
    unit: Mapped[str] = mapped_column(String(16), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
