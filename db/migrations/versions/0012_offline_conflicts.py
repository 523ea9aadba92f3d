"""steps captured offline that the shared database refused when they were sent

``offline_conflicts``: one row per refused step, named by its event id (a station sending its
journal again finds the row it already wrote): the station, its journal and the entry's place
and hash in it, the step, who captured it and when, the scans and the device's frame, the
refusal in words, and the supervisor's decision (recorded / redo / void) with the reason, who
and when.

Revision ID: 0012_offline_conflicts
Revises: 0011_spc_baselines
Create Date: 2026-12-04 23:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0012_offline_conflicts"
down_revision: str | None = "0011_spc_baselines"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_STEPS = ("consume", "weight", "measurement", "check", "login")
_STATUSES = ("open", "resolved")
_DECISIONS = ("recorded", "redo", "void")


def _in(column: str, codes: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(c) for c in codes)})"


def upgrade() -> None:
    op.create_table(
        "offline_conflicts",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("journal", sa.String(200), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("user_id", _ID, nullable=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("captured_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("scans", sa.JSON(), nullable=False),
        sa.Column("capture", sa.JSON(), nullable=True),
        sa.Column("refusal", sa.Text(), nullable=False),
        sa.Column("refusal_words", sa.JSON(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("decision", sa.String(16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("resolved_by", _ID, nullable=True),
        sa.Column("resolved_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            db.types.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(_in("step", _STEPS), name=op.f("ck_offline_conflicts_step_known")),
        sa.CheckConstraint(
            _in("status", _STATUSES), name=op.f("ck_offline_conflicts_status_known")
        ),
        sa.CheckConstraint(
            _in("decision", _DECISIONS), name=op.f("ck_offline_conflicts_decision_known")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_offline_conflicts_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by"], ["users.id"], name=op.f("fk_offline_conflicts_resolved_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offline_conflicts")),
        sa.UniqueConstraint("event_id", name=op.f("uq_offline_conflicts_event_id")),
    )


def downgrade() -> None:
    op.drop_table("offline_conflicts")
