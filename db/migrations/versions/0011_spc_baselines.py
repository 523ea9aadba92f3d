"""SPC: control limits frozen per product and route step, anomaly flags on units and lots

``spc_baselines``: the limits QC froze for a product's step (chart, subgroup size, the step
events the limits were computed from, centre line, control limits, sigma, range chart, the
specification at the time), the signature "Control limits approved", and which later baseline
superseded it. ``spc_flags``: a reading that broke a run rule (Nelson 1-8) against the frozen
baseline, on the unit and its production lot, with the step event and the events of the points
involved; open until QC dispositions it (who, when, why).

``signatures.meaning`` gains the code "Control limits approved": its CHECK constraint is
replaced (SQLite rebuilds the table in batch mode; db.migrate re-makes its triggers).

Revision ID: 0011_spc_baselines
Revises: 0010_product_di_scheme
Create Date: 2026-12-04 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types
from db.errors import MigrationRefused

revision: str = "0011_spc_baselines"
down_revision: str | None = "0010_product_di_scheme"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_FIGURE = sa.Numeric(precision=18, scale=6)
_MEANINGS = (
    "Released for distribution",
    "Material released for use",
    "Disposition approved",
    "Label template approved",
    "Reprint approved",
    "Reviewed",
    "Recall closed",
)
_LIMITS_APPROVED = "Control limits approved"
_RULES = tuple(f"nelson_{n}" for n in range(1, 9))


def _in(column: str, codes: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(c) for c in codes)})"


def _created(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        name,
        db.types.UTCDateTime(timezone=True),
        server_default=sa.text("(CURRENT_TIMESTAMP)"),
        nullable=False,
    )


def _meanings(codes: Sequence[str]) -> None:
    with op.batch_alter_table("signatures") as batch:
        batch.drop_constraint(op.f("ck_signatures_meaning_known"), type_="check")
        batch.create_check_constraint(op.f("ck_signatures_meaning_known"), _in("meaning", codes))


def upgrade() -> None:
    _meanings((*_MEANINGS, _LIMITS_APPROVED))
    op.create_table(
        "spc_baselines",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("step_id", _ID, nullable=False),
        sa.Column("chart", sa.String(length=16), nullable=False),
        sa.Column("subgroup", sa.Integer(), nullable=False),
        sa.Column("samples", sa.Integer(), nullable=False),
        sa.Column("event_ids", sa.JSON(), nullable=False),
        sa.Column("centre", _FIGURE, nullable=False),
        sa.Column("lower", _FIGURE, nullable=False),
        sa.Column("upper", _FIGURE, nullable=False),
        sa.Column("sigma", _FIGURE, nullable=False),
        sa.Column("range_centre", _FIGURE, nullable=False),
        sa.Column("range_upper", _FIGURE, nullable=False),
        sa.Column("spec_lower", _FIGURE, nullable=False),
        sa.Column("spec_upper", _FIGURE, nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("signature_id", _ID, nullable=True),
        sa.Column("frozen_by", _ID, nullable=False),
        _created("frozen_at"),
        sa.Column("superseded_by", _ID, nullable=True),
        sa.Column("superseded_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            _in("chart", ("individuals", "xbar_r")), name=op.f("ck_spc_baselines_chart_known")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_spc_baselines_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["step_id"], ["route_steps.id"], name=op.f("fk_spc_baselines_step_id_route_steps")
        ),
        sa.ForeignKeyConstraint(
            ["signature_id"],
            ["signatures.id"],
            name=op.f("fk_spc_baselines_signature_id_signatures"),
        ),
        sa.ForeignKeyConstraint(
            ["frozen_by"], ["users.id"], name=op.f("fk_spc_baselines_frozen_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"],
            ["spc_baselines.id"],
            name=op.f("fk_spc_baselines_superseded_by_spc_baselines"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spc_baselines")),
    )
    op.create_index("ix_spc_baselines_product_step", "spc_baselines", ["product_id", "step_id"])
    op.create_table(
        "spc_flags",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("item_id", _ID, nullable=False),
        sa.Column("lot_item_id", _ID, nullable=True),
        sa.Column("step_id", _ID, nullable=False),
        sa.Column("baseline_id", _ID, nullable=False),
        sa.Column("rule", sa.String(length=16), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("point_event_ids", sa.JSON(), nullable=False),
        sa.Column("value", _FIGURE, nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        _created("raised_at"),
        sa.Column("dispositioned_by", _ID, nullable=True),
        sa.Column("dispositioned_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.CheckConstraint(_in("rule", _RULES), name=op.f("ck_spc_flags_rule_known")),
        sa.CheckConstraint(
            _in("status", ("open", "dispositioned")), name=op.f("ck_spc_flags_status_known")
        ),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_spc_flags_item_id_items")),
        sa.ForeignKeyConstraint(
            ["lot_item_id"], ["items.id"], name=op.f("fk_spc_flags_lot_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["step_id"], ["route_steps.id"], name=op.f("fk_spc_flags_step_id_route_steps")
        ),
        sa.ForeignKeyConstraint(
            ["baseline_id"],
            ["spc_baselines.id"],
            name=op.f("fk_spc_flags_baseline_id_spc_baselines"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_spc_flags_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["dispositioned_by"], ["users.id"], name=op.f("fk_spc_flags_dispositioned_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spc_flags")),
    )
    op.create_index("ix_spc_flags_lot_status", "spc_flags", ["lot_item_id", "status"])
    op.create_index("ix_spc_flags_item", "spc_flags", ["item_id"])


def downgrade() -> None:
    bind = op.get_bind()
    signed = bind.execute(
        sa.text("SELECT count(*) FROM signatures WHERE meaning = :m"), {"m": _LIMITS_APPROVED}
    ).scalar()
    if signed:
        raise MigrationRefused(
            f"{signed} signature(s) mean {_LIMITS_APPROVED!r}: signatures are never removed, "
            "so this database cannot go back to a schema without SPC baselines"
        )
    op.drop_index("ix_spc_flags_item", table_name="spc_flags")
    op.drop_index("ix_spc_flags_lot_status", table_name="spc_flags")
    op.drop_table("spc_flags")
    op.drop_index("ix_spc_baselines_product_step", table_name="spc_baselines")
    op.drop_table("spc_baselines")
    _meanings(_MEANINGS)
