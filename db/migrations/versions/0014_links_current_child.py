"""the forward walk of a broad recall reads only current links, from an index of them alone

``ix_links_current_child (child_item_id, parent_item_id) WHERE removed_event_id IS NULL``
(on PostgreSQL with ``INCLUDE (id)``): the recursive step of a forward trace of the current
scope finds the items a lot or unit went into without reading the ``links`` table (SQLite
keeps the row id in every index). Links removed by rework or disaggregation are not in it, so
it is smaller than ``ix_links_child_item_id``, which stays for history traces and foreign
keys. Measured in docs/trace.md ("Indexes used").

Revision ID: 0014_links_current_child
Revises: 0013_dashboard
Create Date: 2026-12-05 01:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_links_current_child"
down_revision: str | None = "0013_dashboard"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CURRENT = sa.text("removed_event_id IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_links_current_child",
        "links",
        ["child_item_id", "parent_item_id"],
        postgresql_include=["id"],
        postgresql_where=_CURRENT,
        sqlite_where=_CURRENT,
    )


def downgrade() -> None:
    op.drop_index("ix_links_current_child", table_name="links")
