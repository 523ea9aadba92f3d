"""The Chinese label's text fields (NMPA) of a product, made from its data for China."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import NmpaProductData, Product
from desktop.domain.nmpa import NmpaClass

#: The template fields this module fills (udi-cn-4x2 uses them).
NMPA_FIELDS = frozenset(
    {"name_zh", "model_spec", "certificate", "registrant", "manufacturer", "service_life",
     "storage"}
)  # fmt: skip

# The label's own words, as NMPA's labelling rules name the items (printed, not translated).
_CERTIFICATE = {True: "注册证编号：", False: "备案凭证编号："}
_REGISTRANT = {True: "注册人：", False: "备案人："}
_MANUFACTURER = "生产企业："


def nmpa_row(session: Session, product: Product) -> NmpaProductData | None:
    """The product's data for China, or None when it has none."""
    stmt = select(NmpaProductData).where(NmpaProductData.product_id == product.id)
    return session.scalars(stmt).first()


def nmpa_label_fields(session: Session, product: Product) -> dict[str, str]:
    """name_zh, model_spec, certificate ("注册证编号：…" for classes II and III, "备案凭证编号：…"
    for class I), registrant ("注册人：…" / "备案人：…"), manufacturer ("生产企业：…", when
    another company makes it), service_life and storage; empty when the product has no data
    for China (a template that requires them then refuses the label, naming the field)."""
    row = nmpa_row(session, product)
    if row is None:
        return {}
    registered = row.management_class != NmpaClass.I
    fields = {
        "name_zh": row.name_zh,
        "model_spec": row.model_spec,
        "certificate": _CERTIFICATE[registered] + row.certificate_no,
        "registrant": _REGISTRANT[registered] + row.registrant_name,
        "manufacturer": _MANUFACTURER + row.manufacturer_name if row.manufacturer_name else "",
        "service_life": row.service_life or "",
        "storage": row.storage_conditions or "",
    }
    return {name: value for name, value in fields.items() if value}
