"""the plant dashboard: a dashboard station kind, device health reports, and the indexes that
keep each panel's query bounded at a plant's size

``device_health_reports``: what a station reports of each device per period (readings taken,
refused, reconnects). Indexes: units by kind, status and step (work in progress, lots awaiting
release), events by kind and time (dispositions, reconciliations in a window), the window's
route steps with their outcome, unit and work order (output, first-pass yield, coverage, read
from the index alone), a unit's passed steps and its components in force (coverage), NCRs by
status, holds by release, print jobs by time, a recall's items by customer and notification.

Revision ID: 0013_dashboard
Revises: 0012_offline_conflicts
Create Date: 2026-12-05 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0013_dashboard"
down_revision: str | None = "0012_offline_conflicts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_KINDS = ("operator", "qc", "packaging", "planning", "receiving", "shipping", "service",
          "trace", "admin")  # fmt: skip
_INDEXES = (
    ("ix_items_kind_status_step", "items", ("kind", "status", "current_step")),
    ("ix_events_kind_db_time", "events", ("kind", "db_time")),
    (
        "ix_events_db_time_step",
        "events",
        ("db_time", "step_id", "outcome", "item_id", "work_order_id"),
    ),
    ("ix_events_item_id_step_id", "events", ("item_id", "step_id", "outcome")),
    ("ix_nonconformances_status", "nonconformances", ("status",)),
    ("ix_holds_released_at", "holds", ("released_at",)),
    ("ix_print_jobs_created_at", "print_jobs", ("created_at",)),
    (
        "ix_recall_items_recall_customer",
        "recall_items",
        ("recall_id", "customer_id", "notified_at"),
    ),
)


#: A link still in force (not removed by rework or disaggregation).
_CURRENT_LINK = sa.text("removed_event_id IS NULL")


def _in(column: str, codes: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(c) for c in codes)})"


def _station_kinds(codes: Sequence[str]) -> None:
    with op.batch_alter_table("stations") as batch:
        batch.drop_constraint(op.f("ck_stations_kind_known"), type_="check")
        batch.create_check_constraint(op.f("ck_stations_kind_known"), _in("kind", codes))


def upgrade() -> None:
    _station_kinds((*_KINDS, "dashboard"))
    op.create_table(
        "device_health_reports",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("station_id", _ID, nullable=True),
        sa.Column("device_id", _ID, nullable=True),
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("period_start", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("period_end", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("readings", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.Column("reconnects", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            db.types.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["stations.id"],
            name=op.f("fk_device_health_reports_station_id_stations"),
        ),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_device_health_reports_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_health_reports")),
    )
    op.create_index("ix_device_health_reports_period_end", "device_health_reports", ["period_end"])
    for name, table, columns in _INDEXES:
        op.create_index(name, table, list(columns))
    op.create_index(
        "ix_links_current_parent",
        "links",
        ["parent_item_id", "kind", "child_item_id"],
        postgresql_where=_CURRENT_LINK,
        sqlite_where=_CURRENT_LINK,
    )


def downgrade() -> None:
    op.drop_index("ix_links_current_parent", table_name="links")
    for name, table, _ in _INDEXES:
        op.drop_index(name, table_name=table)
    op.drop_index("ix_device_health_reports_period_end", table_name="device_health_reports")
    op.drop_table("device_health_reports")
    _station_kinds(_KINDS)
