"""Label templates under version control, and every label ever issued (print jobs)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Created, IdPK, fk
from db.types import Coded, one_of
from desktop.domain.labelling import PrintStatus, TemplateStatus


class LabelTemplate(Base):
    __tablename__ = "label_templates"
    id: Mapped[IdPK]
    name: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[Created]


class LabelTemplateVersion(Base):
    """draft -> approved (signed) -> retired. Only approved versions may print."""

    __tablename__ = "label_template_versions"
    __table_args__ = (
        UniqueConstraint("template_id", "version"),
        one_of("status", TemplateStatus),
    )
    __signature_excluded__ = frozenset({"status", "approved_by", "approved_at", "signature_id"})
    id: Mapped[IdPK]
    template_id: Mapped[int] = fk("label_templates.id")
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[TemplateStatus] = mapped_column(
        Coded(TemplateStatus, 16), default=TemplateStatus.DRAFT
    )
    definition: Mapped[dict[str, Any]] = mapped_column(default=dict)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None]
    signature_id: Mapped[int | None] = fk("signatures.id")
    created_at: Mapped[Created]


class PrintJob(Base):
    """One issued label: queued -> printed -> verified | voided; later applied/destroyed/returned.

    ``idempotency_key`` makes a retried print a no-op instead of a second label.
    """

    __tablename__ = "print_jobs"
    __table_args__ = (
        one_of("status", PrintStatus),
        Index("ix_print_jobs_created_at", "created_at"),
    )
    __signature_excluded__ = frozenset(
        {"status", "signature_id", "printed_at", "verified_at", "void_reason"}
    )
    id: Mapped[IdPK]
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    item_id: Mapped[int] = fk("items.id", index=True)
    lot_item_id: Mapped[int | None] = fk("items.id", index=True)
    template_version_id: Mapped[int] = fk("label_template_versions.id")
    element_string: Mapped[str] = mapped_column(String(200))
    hri: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[PrintStatus] = mapped_column(Coded(PrintStatus, 16), default=PrintStatus.QUEUED)
    reprint_of_id: Mapped[int | None] = fk("print_jobs.id")
    reason: Mapped[str | None] = mapped_column(Text)
    signature_id: Mapped[int | None] = fk("signatures.id")
    printer_device_id: Mapped[int | None] = fk("devices.id")
    requested_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[Created]
    printed_at: Mapped[datetime | None]
    verified_at: Mapped[datetime | None]
    void_reason: Mapped[str | None] = mapped_column(Text)
