"""Resolution: from identifiers a person holds (GTIN or MA DI, lot, serial, SSCC, supplier lot)
to items."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Item


def find_items(
    session: Session,
    *,
    gtin: str | None = None,
    ma_di: str | None = None,
    lot: str | None = None,
    serial: str | None = None,
    sscc: str | None = None,
    supplier_lot: str | None = None,
    item_id: int | None = None,
) -> list[Item]:
    """Items matching every identifier given (AND), by id. At least one must be given.

    A GTIN and lot of a serialised product match its production lot *and* every unit carrying
    that lot; callers that want "the lot" keep the lot kinds (see ``LOT_KINDS``).
    """
    criteria = {
        "gtin": gtin,
        "ma_di": ma_di,
        "lot": lot,
        "serial": serial,
        "sscc": sscc,
        "supplier_lot": supplier_lot,
        "id": item_id,
    }
    given = {name: value for name, value in criteria.items() if value is not None}
    if not given:
        raise ValueError("find_items needs at least one identifier")
    stmt = select(Item).order_by(Item.id)
    for name, value in given.items():
        stmt = stmt.where(getattr(Item, name) == value)
    return list(session.scalars(stmt))


#: Kinds that *are* a lot (as opposed to units that carry a lot number).
LOT_KINDS = frozenset({"production_lot", "material_lot"})
