"""products' data for China: NMPA registration and the UDI database's basic data set

``nmpa_product_data``: at most one row a product, holding what a Chinese label and the NMPA UDI
database (UDID) ask for that the product's own columns do not: 产品名称 (name_zh), 商品名称,
型号规格 (model_spec), 注册证编号/备案凭证编号 (certificate_no), 器械类别 (category), 产品类别
(product_type), 管理类别 (management_class), 分类编码 (classification_code), the registrant
(注册人/备案人) and the manufacturer (生产企业) when it is another, the registrant's contact, the
units of use in a sales unit, the carrier, direct marking, kit, single use, sterility, MR
safety, storage conditions, 使用期限, the case's DI, 医保耗材分类编码 and a link to further
information.

The coded columns (category, product_type, management_class, carrier, mr_safety) hold the codes of
desktop.domain.nmpa, written out here as at this revision. A new table: no row changes.

Revision ID: 0009_nmpa_product_data
Revises: 0008_shipment_delivery
Create Date: 2026-12-04 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.types

revision: str = "0009_nmpa_product_data"
down_revision: str | None = "0008_shipment_delivery"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _known(column: str, codes: tuple[str, ...]) -> sa.CheckConstraint:
    listed = ", ".join(f"'{code}'" for code in codes)
    return sa.CheckConstraint(
        f"{column} IN ({listed})", name=op.f(f"ck_nmpa_product_data_{column}_known")
    )


def upgrade() -> None:
    op.create_table(
        "nmpa_product_data",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("trade_name", sa.String(length=200), nullable=True),
        sa.Column("model_spec", sa.String(length=200), nullable=False),
        sa.Column("description_zh", sa.Text(), nullable=True),
        sa.Column("catalogue_number", sa.String(length=64), nullable=True),
        sa.Column("certificate_no", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=8), nullable=False),
        sa.Column("product_type", sa.String(length=12), nullable=False),
        sa.Column("management_class", sa.String(length=4), nullable=False),
        sa.Column("classification_code", sa.String(length=16), nullable=False),
        sa.Column("registrant_name", sa.String(length=200), nullable=False),
        sa.Column("registrant_name_en", sa.String(length=200), nullable=True),
        sa.Column("registrant_credit_code", sa.String(length=18), nullable=True),
        sa.Column("manufacturer_name", sa.String(length=200), nullable=True),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("contact_email", sa.String(length=120), nullable=True),
        sa.Column("units_of_use", sa.Integer(), nullable=False),
        sa.Column("unit_of_use_di", sa.String(length=64), nullable=True),
        sa.Column("carrier", sa.String(length=8), nullable=False),
        sa.Column("direct_marking", sa.Boolean(), nullable=False),
        sa.Column("direct_marking_di", sa.String(length=64), nullable=True),
        sa.Column("kit", sa.Boolean(), nullable=False),
        sa.Column("single_use", sa.Boolean(), nullable=False),
        sa.Column("max_reuses", sa.Integer(), nullable=True),
        sa.Column("sterile", sa.Boolean(), nullable=False),
        sa.Column("sterilise_before_use", sa.Boolean(), nullable=False),
        sa.Column("sterilisation_method", sa.String(length=100), nullable=True),
        sa.Column("mr_safety", sa.String(length=16), nullable=False),
        sa.Column("storage_conditions", sa.Text(), nullable=True),
        sa.Column("service_life", sa.String(length=60), nullable=True),
        sa.Column("case_di", sa.String(length=64), nullable=True),
        sa.Column("insurance_code", sa.String(length=64), nullable=True),
        sa.Column("info_url", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at",
            db.types.UTCDateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        _known("category", ("device", "ivd")),
        _known("product_type", ("consumable", "equipment")),
        _known("management_class", ("I", "II", "III")),
        _known("carrier", ("linear", "matrix", "rfid")),
        _known("mr_safety", ("safe", "conditional", "unsafe", "not_labelled")),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_nmpa_product_data_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nmpa_product_data")),
        sa.UniqueConstraint("product_id", name=op.f("uq_nmpa_product_data_product_id")),
    )


def downgrade() -> None:
    op.drop_table("nmpa_product_data")
