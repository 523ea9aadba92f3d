"""the reach table: what each item reaches over current links, kept with every link written

``reach(source_item_id, target_item_id, depth, source_kind, target_kind)``: ``target`` is
reached forward from ``source`` over links never removed, ``depth`` links away at the fewest,
with both items' kinds copied. A recall's scope is then one index range (``pk_reach``, with
depth and the target's kind included on PostgreSQL) instead of a recursive walk, counted per
kind from the index alone; ``ix_reach_target`` answers the backward direction. The table is filled here from the links
already recorded, breadth first (one ``INSERT ... SELECT`` per level); from then on
``db.trace.reach`` keeps it in the transaction of every link added or removed, and
``lotline audit verify`` compares it with ``links``. docs/trace.md, "The reach table".

Revision ID: 0015_reach
Revises: 0014_links_current_child
Create Date: 2026-12-05 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_reach"
down_revision: str | None = "0014_links_current_child"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CYCLE = sa.text("source_item_id = target_item_id")  # bad data: an item reaching itself
_DEEPEST = 64  # db.trace.walk.MAX_DEPTH when this was written

_KINDS = ("unit", "production_lot", "material_lot", "case", "pallet")  # ItemKind then
_FIRST = """
INSERT INTO reach (source_item_id, target_item_id, depth, source_kind, target_kind)
SELECT l.child_item_id, l.parent_item_id, 1, c.kind, p.kind
FROM links AS l JOIN items AS c ON c.id = l.child_item_id JOIN items AS p ON p.id = l.parent_item_id
WHERE l.removed_event_id IS NULL
ON CONFLICT DO NOTHING
"""
_NEXT = """
INSERT INTO reach (source_item_id, target_item_id, depth, source_kind, target_kind)
SELECT r.source_item_id, l.parent_item_id, :depth, r.source_kind, p.kind
FROM reach AS r
JOIN links AS l ON l.child_item_id = r.target_item_id AND l.removed_event_id IS NULL
JOIN items AS p ON p.id = l.parent_item_id
WHERE r.depth = :depth - 1
ON CONFLICT DO NOTHING
"""


def _in(column: str) -> str:
    return f"{column} IN ({', '.join(repr(c) for c in _KINDS)})"



def upgrade() -> None:
    op.create_table(
        "reach",
        sa.Column("source_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("target_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("source_kind", sa.String(16), nullable=False),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.CheckConstraint("depth > 0", name=op.f("ck_reach_depth_positive")),
        sa.CheckConstraint(_in("source_kind"), name=op.f("ck_reach_source_kind_known")),
        sa.CheckConstraint(_in("target_kind"), name=op.f("ck_reach_target_kind_known")),
        sa.PrimaryKeyConstraint("source_item_id", "target_item_id", name=op.f("pk_reach"),
                                postgresql_include=["depth", "target_kind"]),
        sqlite_with_rowid=False,
    )  # fmt: skip
    op.create_index(
        "ix_reach_target", "reach", ["target_item_id", "source_item_id", "depth", "source_kind"]
    )
    op.create_index(
        "ix_reach_cycles", "reach", ["source_item_id"],
        postgresql_where=_CYCLE, sqlite_where=_CYCLE,
    )  # fmt: skip
    bind = op.get_bind()
    added = bind.execute(sa.text(_FIRST)).rowcount
    depth = 2
    while added and depth <= _DEEPEST:
        added = bind.execute(sa.text(_NEXT), {"depth": depth}).rowcount
        depth += 1


def downgrade() -> None:
    op.drop_index("ix_reach_cycles", table_name="reach")
    op.drop_index("ix_reach_target", table_name="reach")
    op.drop_table("reach")
