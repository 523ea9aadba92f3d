"""signatures cover more than one row; TOTP steps remembered; forced password change

``signatures.covers``: the rows a signature covers besides its record ({table: [ids]}), hashed
with it (a lot release covers the lot's units, events, inspections, NCRs, labels and links).
``users.totp_last_step``: the last accepted TOTP time step (a replayed code is refused).
``users.must_change_password``: the user chooses a password before anything else.

Revision ID: 0007_signature_cover_totp_step
Revises: 0006_incoming_plans
Create Date: 2026-12-04 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_signature_cover_totp_step"
down_revision: str | None = "0006_incoming_plans"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("signatures", sa.Column("covers", sa.JSON(), nullable=True))
    op.add_column("users", sa.Column("totp_last_step", sa.BigInteger(), nullable=True))
    op.add_column(
        "users",
        sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("must_change_password")
        batch.drop_column("totp_last_step")
    with op.batch_alter_table("signatures") as batch:
        batch.drop_column("covers")
