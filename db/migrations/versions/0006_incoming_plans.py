"""incoming inspection plans of bought parts

``incoming_plans``: the characteristics checked at goods-in on every received lot (or piece)
of a part, with their limits; master data loads them from the parts file
(``incoming_plan = [...]`` on a part). The readings stay in the incoming_inspection
event, so events does not change.

Revision ID: 0006_incoming_plans
Revises: 0005_work_order_due_date
Create Date: 2026-12-04 19:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_incoming_plans"
down_revision: str | None = "0005_work_order_due_date"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "incoming_plans",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("part_id", _ID, nullable=False),
        sa.Column("characteristic", sa.String(length=200), nullable=False),
        sa.Column("nominal", sa.Numeric(14, 4), nullable=True),
        sa.Column("lower_limit", sa.Numeric(14, 4), nullable=True),
        sa.Column("upper_limit", sa.Numeric(14, 4), nullable=True),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_incoming_plans_part_id_parts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incoming_plans")),
        sa.UniqueConstraint(
            "part_id", "characteristic", name=op.f("uq_incoming_plans_part_id_characteristic")
        ),
    )
    op.create_index(op.f("ix_incoming_plans_part_id"), "incoming_plans", ["part_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_incoming_plans_part_id"), table_name="incoming_plans")
    op.drop_table("incoming_plans")
