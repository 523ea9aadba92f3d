"""audit checkpoints and keys; append-only triggers on every append-only table

Revision ID: 0002_audit_anchors
Revises: 0001
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types
from db import append_only

revision: str = "0002_audit_anchors"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIGINT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "audit_checkpoints",
        sa.Column("id", _BIGINT, autoincrement=True, nullable=False),
        sa.Column("chain_id", sa.String(length=36), nullable=False),
        sa.Column("at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("entry_count", _BIGINT, nullable=False),
        sa.Column("last_entry_id", _BIGINT, nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_checkpoints")),
    )
    op.create_table(
        "audit_keys",
        sa.Column("id", _BIGINT, autoincrement=True, nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            db.types.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_keys")),
        sa.UniqueConstraint("key_id", name=op.f("uq_audit_keys_key_id")),
    )
    append_only.install(op.get_bind())


def downgrade() -> None:
    append_only.uninstall(op.get_bind())
    op.drop_table("audit_keys")
    op.drop_table("audit_checkpoints")
