"""device calibrations and users' qualifications

``device_calibrations``: each calibration of a device (certificate, result, due date); a
device's calibration is its newest row. ``user_qualifications``: the qualifications a person
holds, valid through their expiry date. Route steps name the qualification they need in their
parameters (``qualification``), so route_steps does not change.

Revision ID: 0004_calibration_qualification
Revises: 0003_vocabulary_checks
Create Date: 2026-12-04 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0004_calibration_qualification"
down_revision: str | None = "0003_vocabulary_checks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "device_calibrations",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("device_id", _ID, nullable=False),
        sa.Column("calibrated_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("certificate", sa.String(length=200), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("recorded_by", _ID, nullable=True),
        sa.Column(
            "created_at",
            db.types.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "result IN ('passed', 'failed')", name=op.f("ck_device_calibrations_result_known")
        ),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_device_calibrations_device_id_devices")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["users.id"], name=op.f("fk_device_calibrations_recorded_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_calibrations")),
    )
    op.create_index(op.f("ix_device_calibrations_device_id"), "device_calibrations", ["device_id"])
    op.create_table(
        "user_qualifications",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("qualification", sa.String(length=64), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("revoked_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            db.types.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_qualifications_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_qualifications")),
        sa.UniqueConstraint(
            "user_id", "qualification", name=op.f("uq_user_qualifications_user_id_qualification")
        ),
    )


def downgrade() -> None:
    op.drop_table("user_qualifications")
    op.drop_index(op.f("ix_device_calibrations_device_id"), table_name="device_calibrations")
    op.drop_table("device_calibrations")
