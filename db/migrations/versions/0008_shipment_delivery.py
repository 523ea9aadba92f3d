"""proof of delivery on shipments: who signed for it at the customer's site, and when

``shipments.delivered_at``: when the customer signed for the goods (as written on the proof of
delivery). ``shipments.received_by``: the name of the person who signed at the customer.
``shipments.pod_recorded_at``: when Lotline was told (the audit trail names who told it).

Revision ID: 0008_shipment_delivery
Revises: 0007_signature_cover_totp_step
Create Date: 2026-12-04 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0008_shipment_delivery"
down_revision: str | None = "0007_signature_cover_totp_step"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "shipments", sa.Column("delivered_at", db.types.UTCDateTime(timezone=True), nullable=True)
    )
    op.add_column("shipments", sa.Column("received_by", sa.String(120), nullable=True))
    op.add_column(
        "shipments",
        sa.Column("pod_recorded_at", db.types.UTCDateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    with op.batch_alter_table("shipments") as batch:
        batch.drop_column("pod_recorded_at")
        batch.drop_column("received_by")
        batch.drop_column("delivered_at")
