"""Products' data for China in a master-data folder (``nmpa.toml`` or ``nmpa.csv``): checked,
then stored in nmpa_product_data, one row a product, keyed by the product's DI.

    [[nmpa]]
    product = "09506000134369"          # the product's DI (its GTIN, or its MA DI)
    name_zh = "一次性使用无菌导尿管套件"   # 产品名称
    model_spec = "CK-10"                # 型号规格
    certificate_no = "国械注准20263140001"
    category = "device"                 # device | ivd
    product_type = "consumable"         # consumable | equipment
    management_class = "II"             # I | II | III
    classification_code = "14-05-01"
    registrant_name = "..."
    carrier = "matrix"                  # linear | matrix | rfid
    mr_safety = "not_labelled"          # safe | conditional | unsafe | not_labelled
    single_use = true
    sterile = true
    sterilisation_method = "环氧乙烷灭菌"

The field list (``FIELDS``) and what each means are in docs/masterdata.md and
docs/udi-china.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import Base, NmpaProductData, Product
from desktop.domain.nmpa import MrSafety, NmpaCategory, NmpaClass, NmpaProductType, UdiCarrier
from desktop.services.masterdata._files import Problem, Row

#: Create or update one row and audit the change (the loader's ``upsert``).
Upsert = Callable[[type[Base], dict[str, Any], dict[str, Any]], Any]

#: Text fields that must be given.
REQUIRED_TEXT = (
    "name_zh",
    "model_spec",
    "certificate_no",
    "classification_code",
    "registrant_name",
)
OPTIONAL_TEXT = (
    "trade_name",
    "description_zh",
    "catalogue_number",
    "registrant_name_en",
    "registrant_credit_code",
    "manufacturer_name",
    "contact_phone",
    "contact_email",
    "unit_of_use_di",
    "direct_marking_di",
    "sterilisation_method",
    "storage_conditions",
    "service_life",
    "case_di",
    "insurance_code",
    "info_url",
)
CODED: dict[str, tuple[str, ...]] = {
    "category": NmpaCategory.values(),
    "product_type": NmpaProductType.values(),
    "management_class": NmpaClass.values(),
    "carrier": UdiCarrier.values(),
    "mr_safety": MrSafety.values(),
}
FLAGS = ("direct_marking", "kit", "single_use", "sterile", "sterilise_before_use")
WHOLE = ("units_of_use", "max_reuses")
FIELDS = ("product", *REQUIRED_TEXT, *OPTIONAL_TEXT, *CODED, *FLAGS, *WHOLE)

#: 分类编码: the 2017 catalogue's "14-05-01" (category-first level-second level), or the
#: older four digits ("6866").
_CLASSIFICATION = re.compile(r"\d{2}(-\d{2}){1,2}|\d{4}")
#: 统一社会信用代码 (GB 32100): 18 characters, digits and capitals without I, O, S, V, Z.
_CREDIT_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")


def _text(row: Row, name: str, out: list[Problem], *, required: bool) -> str | None:
    value = row.values.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            out.append(row.problem(name, "is missing"))
        return None
    return str(value).strip()


def _certificate(row: Row, out: list[Problem]) -> None:
    """Class I devices are filed (备案凭证编号, "…械备…"), classes II and III registered
    (注册证编号, "…械注…")."""
    number = _text(row, "certificate_no", out, required=True)
    cls = row.values.get("management_class")
    if number is None or cls not in CODED["management_class"]:
        return
    if cls == NmpaClass.I and "备" not in number:
        out.append(
            row.problem(
                "certificate_no",
                f'"{number}" is not a filing number (备案凭证编号): a class I device is filed, '
                "its number holds 备",
            )
        )
    elif cls != NmpaClass.I and "注" not in number:
        out.append(
            row.problem(
                "certificate_no",
                f'"{number}" is not a registration certificate number (注册证编号): a class '
                f"{cls} device is registered, its number holds 注",
            )
        )


_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


def _types(row: Row, out: list[Problem]) -> None:
    """Each field of its type (true/false, whole number, text), CSV cells ("true", "2")
    turned into them; a field of the wrong type is reported and taken out, an unknown one
    reported."""
    v = row.values
    for name in list(v):
        value = v[name]
        if name not in FIELDS:
            out.append(row.problem(name, f"is not a field of nmpa: use {', '.join(FIELDS)}"))
            del v[name]
        elif name in FLAGS:
            word = str(value).strip().lower() if isinstance(value, str) else None
            if isinstance(value, bool):
                continue
            if word in _TRUE or word in _FALSE:
                v[name] = word in _TRUE
            else:
                out.append(row.problem(name, f"must be true or false, not {value!r:.40}"))
                del v[name]
        elif name in WHOLE:
            if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
                v[name] = int(value.strip())
            elif not isinstance(value, int) or isinstance(value, bool):
                out.append(row.problem(name, f"must be a whole number, not {value!r:.40}"))
                del v[name]
        elif not isinstance(value, str):
            out.append(row.problem(name, f"must be text, not {value!r:.40}"))
            del v[name]


def check_nmpa(rows: Iterable[Row], products: set[str], out: list[Problem]) -> None:
    """Every row names a known product once, with the required fields and known codes."""
    seen: dict[str, int] = {}
    for row in rows:
        _types(row, out)
        product = _text(row, "product", out, required=True)
        if product is not None:
            if product not in products:
                out.append(
                    row.problem(
                        "product",
                        f'product "{product}" is not in products: give the DI (GTIN or MA DI) '
                        "of a product",
                    )
                )
            elif product in seen:
                out.append(
                    row.problem(
                        "product", f'"{product}" is listed twice (first at line {seen[product]})'
                    )
                )
            seen.setdefault(product, row.line)
        for name in REQUIRED_TEXT:
            _text(row, name, out, required=True)
        for name, codes in CODED.items():
            value = _text(row, name, out, required=True)
            if value is not None and value not in codes:
                out.append(row.problem(name, f'"{value}" is not one of {", ".join(codes)}'))
        _certificate(row, out)
        _rules(row, out)


def _rules(row: Row, out: list[Problem]) -> None:
    v = row.values
    code = _text(row, "classification_code", out, required=False)
    if code is not None and not _CLASSIFICATION.fullmatch(code):
        out.append(
            row.problem(
                "classification_code",
                f'"{code}" is not a classification code: write it as in the catalogue, e.g. '
                "14-05-01",
            )
        )
    credit = _text(row, "registrant_credit_code", out, required=False)
    if credit is not None and not _CREDIT_CODE.fullmatch(credit):
        out.append(
            row.problem(
                "registrant_credit_code",
                f'"{credit}" is not a unified social credit code (18 digits and capitals)',
            )
        )
    units = v.get("units_of_use", 1)
    if isinstance(units, int) and units < 1:
        out.append(row.problem("units_of_use", "must be 1 or more"))
    if isinstance(units, int) and units > 1 and not v.get("unit_of_use_di"):
        out.append(
            row.problem(
                "unit_of_use_di",
                "is missing: a sales unit of several units of use needs the DI of the unit of use",
            )
        )
    if v.get("direct_marking") and not v.get("direct_marking_di"):
        out.append(
            row.problem(
                "direct_marking_di",
                "is missing: a directly marked device needs the DI marked on it",
            )
        )
    if v.get("sterilise_before_use") and not v.get("sterilisation_method"):
        out.append(
            row.problem(
                "sterilisation_method",
                "is missing: a device sterilised before use needs the method",
            )
        )
    if v.get("single_use") and v.get("max_reuses") is not None:
        out.append(row.problem("max_reuses", "a single-use device is not reused: leave it out"))


def _values(v: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {name: str(v[name]).strip() for name in REQUIRED_TEXT}
    for name in OPTIONAL_TEXT:
        given = v.get(name)
        values[name] = str(given).strip() if given not in (None, "") else None
    for name in CODED:
        values[name] = str(v[name]).strip()
    for name in FLAGS:
        values[name] = bool(v.get(name, False))
    values["units_of_use"] = int(v.get("units_of_use", 1))
    values["max_reuses"] = v.get("max_reuses")
    return values


def product_by_di(session: Session, di: str) -> Product | None:
    """The product whose DI is ``di`` (its GTIN, or its MA DI)."""
    stmt = select(Product).where(or_(Product.gtin == di, Product.ma_di == di))
    return session.scalars(stmt).first()


def product_dis(session: Session) -> set[str]:
    """The DIs of the products stored."""
    rows = session.execute(select(Product.gtin, Product.ma_di)).all()
    return {str(di) for row in rows for di in row if di}


def file_dis(rows: Iterable[Row]) -> set[str]:
    """The DIs of the products listed in the folder's products file."""
    return {
        str(row.values[key]).strip()
        for row in rows
        for key in ("gtin", "ma_di")
        if row.values.get(key)
    }


def load_nmpa(upsert: Upsert, session: Session, rows: Iterable[Row]) -> None:
    """Create or update each product's row (checked before; the upsert audits the change)."""
    for row in rows:
        _types(row, [])  # a CSV row is read again from its file: its cells are text again
        product = product_by_di(session, str(row.values["product"]).strip())
        assert product is not None  # checked before anything was written
        upsert(NmpaProductData, {"product_id": product.id}, _values(row.values))


__all__ = ["FIELDS", "check_nmpa", "file_dis", "load_nmpa", "product_by_di", "product_dis"]
