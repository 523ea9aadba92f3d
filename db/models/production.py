"""What is made and what happened: work orders, items, links between them, and events."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, BigId, Code, Created, IdPK, fk
from db.types import Coded, UTCDateTime, one_of
from desktop.domain.events import EventKind, LinkKind, Outcome
from desktop.domain.states import ItemKind, Status, WorkOrderStatus

MA_PREFIX = "MA."  # an MA DI (IDcode) starts so; a GTIN is digits only


def partial_index(name: str, columns: tuple[str, ...], where: str) -> Index:
    """An index of the rows that meet ``where`` only, on both databases."""
    return Index(name, *columns, postgresql_where=text(where), sqlite_where=text(where))


class WorkOrder(Base):
    __tablename__ = "work_orders"
    __table_args__ = (one_of("status", WorkOrderStatus),)
    __signature_excluded__ = frozenset({"status", "completed_at"})
    id: Mapped[IdPK]
    number: Mapped[Code] = mapped_column(unique=True)
    product_id: Mapped[int] = fk("products.id")
    quantity: Mapped[int] = mapped_column(Integer)
    status: Mapped[WorkOrderStatus] = mapped_column(
        Coded(WorkOrderStatus, 16), default=WorkOrderStatus.CREATED
    )
    #: The production lot is the item of kind "production_lot" whose work_order_id is this id.
    lot: Mapped[str | None] = mapped_column(String(20))
    due_on: Mapped[date | None] = mapped_column(Date)  # the date planning promised
    created_at: Mapped[Created]
    released_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]


class Item(Base):
    """Anything traceable: a unit (serial), production lot, material lot, case or pallet."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("gtin", "serial"),
        UniqueConstraint("ma_di", "serial"),
        UniqueConstraint("sscc"),
        Index("ix_items_gtin_lot", "gtin", "lot"),
        Index("ix_items_ma_di_lot", "ma_di", "lot"),
        Index("ix_items_serial", "serial"),
        Index("ix_items_supplier_lot", "supplier_lot"),
        Index("ix_items_kind_status_step", "kind", "status", "current_step"),
        CheckConstraint("quantity_available >= 0", name="quantity_available_not_negative"),
        one_of("kind", ItemKind),
        one_of("status", Status),
    )
    __signature_excluded__ = frozenset(
        {"status", "quantity_available", "current_step", "updated_at", "site_id"}
    )

    id: Mapped[IdPK]
    kind: Mapped[ItemKind] = mapped_column(Coded(ItemKind, 16))
    product_id: Mapped[int | None] = fk("products.id", index=True)
    part_id: Mapped[int | None] = fk("parts.id", index=True)
    work_order_id: Mapped[int | None] = fk("work_orders.id", index=True)
    supplier_id: Mapped[int | None] = fk("suppliers.id")
    gtin: Mapped[str | None] = mapped_column(String(14))
    ma_di: Mapped[str | None] = mapped_column(String(64))  # an MA product's unit or lot
    lot: Mapped[str | None] = mapped_column(String(20))
    serial: Mapped[str | None] = mapped_column(String(20))
    sscc: Mapped[str | None] = mapped_column(String(18))
    supplier_lot: Mapped[str | None] = mapped_column(String(40))
    expiry: Mapped[date | None] = mapped_column(Date)
    production_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[Status] = mapped_column(Coded(Status, 16))
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 4), default=Decimal(1))
    quantity_available: Mapped[Decimal] = mapped_column(Numeric(14, 4), default=Decimal(1))
    unit: Mapped[str] = mapped_column(String(8), default="ea")
    current_step: Mapped[int] = mapped_column(Integer, default=0)
    site_id: Mapped[int | None] = fk("sites.id")
    certificate_path: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[Created]
    updated_at: Mapped[datetime | None]

    @property
    def di(self) -> str | None:
        """The UDI-DI the item carries: its GTIN, or its product's MA DI."""
        return self.gtin or self.ma_di

    def udi_text(self, *, by_lot: bool = False) -> str:
        """The UDI a person scans to name this unit (by its serial) or lot (``by_lot``):
        "(01)GTIN(21)serial" / "(01)GTIN(10)lot", or the MA code "MA...S<serial>" / ".L<lot>"."""
        serial = None if by_lot else self.serial
        if self.ma_di:
            return f"{self.ma_di}.S{serial}" if serial else f"{self.ma_di}.L{self.lot}"
        return f"(01){self.gtin}(21){serial}" if serial else f"(01){self.gtin}(10){self.lot}"

    @staticmethod
    def di_columns(di: str) -> dict[str, str]:
        """The column a UDI-DI is kept in: ma_di for an MA DI ("MA." ...), else gtin."""
        return {"ma_di": di} if di.startswith(MA_PREFIX) else {"gtin": di}

    @classmethod
    def carries_di(cls, di: str) -> ColumnElement[bool]:
        """Items carrying the UDI-DI ``di`` (a GTIN or an MA DI)."""
        return cls.ma_di == di if di.startswith(MA_PREFIX) else cls.gtin == di


class Event(Base):
    """One recorded step. Immutable; the UUID is made by the station, so a retry is idempotent."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_item_id_db_time", "item_id", "db_time"),
        Index("ix_events_kind_db_time", "kind", "db_time"),
        # the dashboard's window of route steps (output, yield, coverage) read from the index
        Index(
            "ix_events_db_time_step", "db_time", "step_id", "outcome", "item_id", "work_order_id"
        ),
        # a unit's passed steps (coverage) read from the index
        Index("ix_events_item_id_step_id", "item_id", "step_id", "outcome"),
        one_of("kind", EventKind),
        one_of("outcome", Outcome),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[EventKind] = mapped_column(Coded(EventKind, 32))
    outcome: Mapped[Outcome] = mapped_column(Coded(Outcome, 16), default=Outcome.OK)
    item_id: Mapped[int | None] = fk("items.id")
    work_order_id: Mapped[int | None] = fk("work_orders.id", index=True)
    step_id: Mapped[int | None] = fk("route_steps.id")
    station_id: Mapped[int | None] = fk("stations.id")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    device_id: Mapped[int | None] = fk("devices.id")
    station_time: Mapped[datetime] = mapped_column(UTCDateTime())
    db_time: Mapped[datetime] = mapped_column(UTCDateTime(), server_default=func.now(), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Link(Base):
    """Child item consumed into (or packed into) a parent item, by an event.

    Links are never deleted: disaggregation or rework removal sets ``removed_event_id``.
    """

    __tablename__ = "links"
    __table_args__ = (
        Index("ix_links_parent_item_id", "parent_item_id", "child_item_id"),
        Index("ix_links_child_item_id", "child_item_id", "parent_item_id"),
        # a unit's components in force (the dashboard's coverage) read from the index alone
        partial_index(
            "ix_links_current_parent",
            ("parent_item_id", "kind", "child_item_id"),
            "removed_event_id IS NULL",
        ),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        one_of("kind", LinkKind),
    )
    id: Mapped[IdPK]
    parent_item_id: Mapped[int] = fk("items.id")
    child_item_id: Mapped[int] = fk("items.id")
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 4), default=Decimal(1))
    kind: Mapped[LinkKind] = mapped_column(Coded(LinkKind, 16), default=LinkKind.CONSUME)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("events.id"))
    removed_event_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("events.id"))
    created_at: Mapped[Created]


#: The forward walk of the current scope (a recall) reads only this index (migration 0014).
Index(
    "ix_links_current_child",
    Link.child_item_id,
    Link.parent_item_id,
    postgresql_include=["id"],
    postgresql_where=Link.removed_event_id.is_(None),
    sqlite_where=Link.removed_event_id.is_(None),
)


class Reach(Base):
    """Derived from ``links``: ``target`` is reached forward from ``source`` over current links
    (not removed), ``depth`` links away at the fewest; each end's item kind is copied (kinds
    never change), so a scope is counted per kind from the index alone. A lot's whole recall
    scope is one index range of this table instead of a recursive walk (docs/trace.md, "The
    reach table").

    Kept by ``db.trace.reach`` in the transaction that adds or removes a link; never written
    by hand. No foreign keys: every row comes from two items joined by links, which have them.
    ``lotline audit verify`` recomputes it from ``links`` and names any difference.
    """

    __tablename__ = "reach"
    __table_args__ = (
        PrimaryKeyConstraint(
            "source_item_id",
            "target_item_id",
            name="pk_reach",
            postgresql_include=["depth", "target_kind"],
        ),
        Index("ix_reach_target", "target_item_id", "source_item_id", "depth", "source_kind"),
        # an item that reaches itself: a cycle in the links (bad data); normally empty
        partial_index("ix_reach_cycles", ("source_item_id",), "source_item_id = target_item_id"),
        CheckConstraint("depth > 0", name="depth_positive"),
        one_of("source_kind", ItemKind),
        one_of("target_kind", ItemKind),
        {"sqlite_with_rowid": False},
    )
    source_item_id: Mapped[int] = mapped_column(BigId)
    target_item_id: Mapped[int] = mapped_column(BigId)
    depth: Mapped[int] = mapped_column(Integer)
    source_kind: Mapped[ItemKind] = mapped_column(Coded(ItemKind, 16))
    target_kind: Mapped[ItemKind] = mapped_column(Coded(ItemKind, 16))
