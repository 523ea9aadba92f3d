"""Master data a factory hands over: sites, partners, products, parts, BOMs and routes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Code, Created, IdPK, Name, fk
from db.types import Coded, one_of
from desktop.domain.plant import DIScheme, Tracking
from desktop.domain.steps import StepKind


class Site(Base):
    """A plant of ours, or a customer's site where devices ship to or are installed."""

    __tablename__ = "sites"
    id: Mapped[IdPK]
    name: Mapped[Name]
    gln: Mapped[str | None] = mapped_column(String(13), unique=True)
    address: Mapped[str | None] = mapped_column(Text)
    customer_id: Mapped[int | None] = fk("customers.id", index=True)
    created_at: Mapped[Created]


class Supplier(Base):
    __tablename__ = "suppliers"
    id: Mapped[IdPK]
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    approved: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[Created]


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[IdPK]
    code: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    created_at: Mapped[Created]


class Route(Base):
    """An ordered list of steps a product's units go through."""

    __tablename__ = "routes"
    __table_args__ = (UniqueConstraint("name", "version"),)
    id: Mapped[IdPK]
    name: Mapped[Name]
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[Created]


class RouteStep(Base):
    """One step: kind is scan_component, weigh, inspect, label, pack or check.

    ``parameters`` is JSON validated per kind by ``desktop.domain.steps``.
    """

    __tablename__ = "route_steps"
    __table_args__ = (UniqueConstraint("route_id", "position"), one_of("kind", StepKind))
    id: Mapped[IdPK]
    route_id: Mapped[int] = fk("routes.id")
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[StepKind] = mapped_column(Coded(StepKind, 32))
    name: Mapped[Name]
    instruction: Mapped[str] = mapped_column(Text, default="")
    parameters: Mapped[dict[str, Any]] = mapped_column(default=dict)


#: A product's DI is the one of its scheme, and only that one (products.di_scheme).
PRODUCT_DI_OF_SCHEME = (
    "(di_scheme = 'gs1' AND gtin IS NOT NULL AND ma_di IS NULL) OR "
    "(di_scheme = 'ma' AND ma_di IS NOT NULL AND gtin IS NULL)"
)


class Product(Base):
    """A finished device model: its UDI-DI is its GTIN (scheme GS1) or its MA DI (scheme MA)."""

    __tablename__ = "products"
    __table_args__ = (
        one_of("tracking", Tracking),
        one_of("di_scheme", DIScheme),
        CheckConstraint(PRODUCT_DI_OF_SCHEME, name="di_of_scheme"),
    )
    id: Mapped[IdPK]
    di_scheme: Mapped[DIScheme] = mapped_column(
        Coded(DIScheme, 8), default=DIScheme.GS1, server_default=DIScheme.GS1.value
    )
    gtin: Mapped[str | None] = mapped_column(String(14), unique=True)  # scheme GS1
    ma_di: Mapped[str | None] = mapped_column(String(64), unique=True)  # scheme MA, as issued
    name: Mapped[Name]
    description: Mapped[str] = mapped_column(Text, default="")
    tracking: Mapped[Tracking] = mapped_column(Coded(Tracking, 8))
    shelf_life_days: Mapped[int | None] = mapped_column(Integer)
    case_quantity: Mapped[int | None] = mapped_column(Integer)
    route_id: Mapped[int | None] = fk("routes.id")
    label_template_id: Mapped[int | None] = fk("label_templates.id")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[Created]

    @property
    def di(self) -> str:
        """The UDI-DI: the GTIN of a GS1 product, the MA DI of an MA product."""
        return (self.ma_di if self.di_scheme == DIScheme.MA else self.gtin) or ""


class Part(Base):
    """A component or material bought from a supplier and consumed by the BOM."""

    __tablename__ = "parts"
    __table_args__ = (one_of("tracking", Tracking),)
    id: Mapped[IdPK]
    part_number: Mapped[Code] = mapped_column(unique=True)
    name: Mapped[Name]
    gtin: Mapped[str | None] = mapped_column(String(14), unique=True)
    tracking: Mapped[Tracking] = mapped_column(Coded(Tracking, 8))
    unit: Mapped[str] = mapped_column(String(8), default="ea")
    created_at: Mapped[Created]


class BomLine(Base):
    """Part X, quantity Q per unit of product P, consumed at route step S."""

    __tablename__ = "bom_lines"
    __table_args__ = (UniqueConstraint("product_id", "part_id"),)
    id: Mapped[IdPK]
    product_id: Mapped[int] = fk("products.id")
    part_id: Mapped[int] = fk("parts.id")
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 4))
    step_id: Mapped[int | None] = fk("route_steps.id")
