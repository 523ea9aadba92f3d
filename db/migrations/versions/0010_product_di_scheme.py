"""products carry a UDI-DI of one scheme: a GTIN (GS1) or an MA DI (IDcode, China)

``products.di_scheme``: "gs1" or "ma" (CHECK ``ck_products_di_scheme_known``); every existing
product is gs1. ``products.ma_di``: the MA DI as issued (unique). ``products.gtin`` may now be
empty, for an MA product only: CHECK ``ck_products_di_of_scheme`` requires the DI of the
product's scheme and no DI of the other. ``items.ma_di``: the MA DI an MA product's units and
lots carry (where a GS1 product's carry ``items.gtin``); unique with the serial, indexed with
the lot, as gtin is.

SQLite rebuilds the two tables in batch mode (db.migrate keeps foreign keys and triggers).

Revision ID: 0010_product_di_scheme
Revises: 0009_nmpa_product_data
Create Date: 2026-12-04 22:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.errors import MigrationRefused

revision: str = "0010_product_di_scheme"
down_revision: str | None = "0009_nmpa_product_data"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DI_OF_SCHEME = (
    "(di_scheme = 'gs1' AND gtin IS NOT NULL AND ma_di IS NULL) OR "
    "(di_scheme = 'ma' AND ma_di IS NOT NULL AND gtin IS NULL)"
)


def upgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("di_scheme", sa.String(8), nullable=False, server_default="gs1"))
        batch.add_column(sa.Column("ma_di", sa.String(64), nullable=True))
        batch.alter_column("gtin", existing_type=sa.String(14), nullable=True)
        batch.create_unique_constraint("uq_products_ma_di", ["ma_di"])
        batch.create_check_constraint("di_scheme_known", "di_scheme IN ('gs1', 'ma')")
        batch.create_check_constraint("di_of_scheme", _DI_OF_SCHEME)
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("ma_di", sa.String(64), nullable=True))
        batch.create_unique_constraint("uq_items_ma_di_serial", ["ma_di", "serial"])
        batch.create_index("ix_items_ma_di_lot", ["ma_di", "lot"])


def downgrade() -> None:
    bind = op.get_bind()
    count = bind.execute(sa.text("SELECT count(*) FROM products WHERE di_scheme = 'ma'")).scalar()
    if count:
        raise MigrationRefused(
            f"{count} product(s) have an MA DI and no GTIN: they cannot go back to a schema "
            "where every product has a GTIN"
        )
    with op.batch_alter_table("items") as batch:
        batch.drop_index("ix_items_ma_di_lot")
        batch.drop_constraint("uq_items_ma_di_serial", type_="unique")
        batch.drop_column("ma_di")
    with op.batch_alter_table("products") as batch:
        batch.drop_constraint("di_of_scheme", type_="check")
        batch.drop_constraint("di_scheme_known", type_="check")
        batch.drop_constraint("uq_products_ma_di", type_="unique")
        batch.alter_column("gtin", existing_type=sa.String(14), nullable=False)
        batch.drop_column("ma_di")
        batch.drop_column("di_scheme")
