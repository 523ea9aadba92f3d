"""From what a person scanned or typed to the item it names (unit, lot, case, pallet)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from db.models import Item
from desktop.domain.states import ItemKind
from desktop.domain.text import Text, t
from desktop.domain.udi import ParsedUDI, key_problem, parse_scan
from desktop.services.core.errors import NotFound, Refusal

#: What a scan was expected to name, in words (the ``what`` of require_item), translatable.
WHAT_WORDS: dict[str, Text] = {
    "item": t("item"),
    "component": t("component"),
    "unit": t("unit"),
    "serialised unit": t("serialised unit"),
    "production lot": t("production lot"),
    "received material lot": t("received material lot"),
    "unit or lot": t("unit or lot"),
    "unit or production lot": t("unit or production lot"),
    "case or pallet": t("case or pallet"),
    "unit, case or pallet": t("unit, case or pallet"),
    "unit, lot, case or pallet": t("unit, lot, case or pallet"),
    "unit, lot or material lot": t("unit, lot or material lot"),
    "unit, lot, material lot, case or pallet": t("unit, lot, material lot, case or pallet"),
    "component lot, lot or unit": t("component lot, lot or unit"),
    "production lot or serial": t("production lot or serial"),
    "print job or labelled item": t("print job or labelled item"),
    "case (scan its SSCC label)": t("case (scan its SSCC label)"),
    "pallet (scan its SSCC label)": t("pallet (scan its SSCC label)"),
}


def shown(text: str, limit: int = 48) -> str:
    """A scan quoted for a message: GS made visible, long input cut."""
    visible = text.replace("\x1d", "<GS>")
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"


def shown_path(path: str, limit: int = 80) -> str:
    """A file's path quoted for a message: a long one cut at the front, so that the file's own
    name and its folder stay readable."""
    return path if len(path) <= limit else "…" + path[len(path) - limit + 1 :]


def _conditions(parsed: ParsedUDI, text: str) -> list[ColumnElement[bool]]:
    ais = dict(parsed.ais)
    if parsed.scheme == "GS1" and parsed.valid:
        if "00" in ais:
            return [Item.sscc == ais["00"]]
        if parsed.gtin and parsed.serial:
            return [and_(Item.gtin == parsed.gtin, Item.serial == parsed.serial)]
        if parsed.gtin and parsed.lot:
            return [and_(Item.gtin == parsed.gtin, Item.lot == parsed.lot, Item.serial.is_(None))]
        return []
    if parsed.scheme == "MA" and parsed.valid and parsed.di:  # an MA code: .S serial, .L lot
        if parsed.serial:
            return [and_(Item.ma_di == parsed.di, Item.serial == parsed.serial)]
        if parsed.lot:
            return [and_(Item.ma_di == parsed.di, Item.lot == parsed.lot, Item.serial.is_(None))]
        return []
    if parsed.scheme == "HIBC" and parsed.valid:
        found = [Item.supplier_lot == v for v in (parsed.lot, parsed.serial) if v]
        return found or []
    plain = text.strip()
    if parsed.symbology and plain.startswith(parsed.symbology):
        plain = plain[len(parsed.symbology) :].strip()  # a plain barcode read with its AIM id
    if not plain:
        return []
    return [
        Item.serial == plain,
        Item.sscc == plain,
        Item.supplier_lot == plain,
        and_(Item.lot == plain, Item.serial.is_(None)),
    ]


def find_by_scan(session: Session, text: str, kinds: Iterable[str] | None = None) -> list[Item]:
    """Every item the scan could name (a GS1 UDI, an MA code, an SSCC, HIBC, a serial or lot
    typed in)."""
    parsed = parse_scan(text, expect_gs1=False)
    conds = _conditions(parsed, text)
    if not conds:
        return []
    stmt = select(Item).where(or_(*conds))
    if kinds is not None:
        stmt = stmt.where(Item.kind.in_(list(kinds)))
    return list(session.scalars(stmt.order_by(Item.id).limit(20)))


def require_item(
    session: Session, text: str, kinds: Iterable[ItemKind] | None = None, what: str = "item"
) -> Item:
    """Exactly one item for the scan, or a refusal that quotes the scan and says what to do."""
    parsed = parse_scan(text, expect_gs1=False)
    if parsed.scheme in ("GS1", "HIBC", "MA", "AHM") and not parsed.valid:
        raise Refusal(
            t(
                'scan "{scan}" is not a valid label: {error}',
                scan=shown(text),
                error=parsed.errors[0],
            )
        )
    items = find_by_scan(session, text, kinds)
    plain = text.strip()
    if not items and len(plain) == 18 and plain.isascii() and plain.isdigit():
        wrong = key_problem("SSCC", plain)  # an SSCC typed in: say so if it cannot be one
        if wrong is not None:
            raise Refusal(t('scan "{scan}": {wrong}', scan=shown(text), wrong=wrong))
    if not items:
        raise NotFound(
            t(
                'scan "{scan}" matches no {what}: check the label, or scan the UDI',
                scan=shown(text),
                what=WHAT_WORDS.get(what) or what,
            )
        )
    if len(items) > 1:
        raise Refusal(
            t(
                'scan "{scan}" matches {count} items: scan the full UDI label '
                "(GTIN with lot or serial) instead",
                scan=shown(text),
                count=len(items),
            )
        )
    return items[0]
