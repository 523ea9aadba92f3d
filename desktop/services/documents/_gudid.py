"""A GUDID-style device identifier record per product (CSV): the DI-level data the FDA's Global
UDI Database holds (REFERENCE 1.11): the primary DI, its issuing agency, brand and
version/model, device count, and which production identifiers the label carries (lot, serial,
expiration date, manufacturing date) — never the production identifiers themselves.

The flags follow what ``labelling_jobs.compose_udi`` puts on every label: (11) manufacturing
date always, (10) lot always (every work order makes a lot), (21) serial for serialised
products, (17) expiry for products with a shelf life.

Master data does not yet hold a model number, catalog number or the labeler's DUNS number:
version/model is taken from the product name's last word when it holds a digit ("IP-300"),
catalog number is left empty, and the DUNS column is empty (filled in by regulatory affairs).
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from sqlalchemy import select

from db.models import Product
from desktop.domain.permissions import Permission
from desktop.domain.plant import DIScheme, Tracking
from desktop.domain.udi import is_valid_check_digit, ma_check_character
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case


@dataclass(frozen=True)
class DeviceIdentifier:
    primary_di: str
    issuing_agency: str
    device_count: int
    brand_name: str
    version_model_number: str
    catalog_number: str
    device_description: str
    labeler_duns_number: str
    lot_batch_controlled: str  # "Y" | "N"
    serial_number_controlled: str
    expiration_date_controlled: str
    manufacturing_date_controlled: str
    donation_id_controlled: str
    commercial_distribution_status: str
    package_quantity_per_case: str  # units per case (the case has no DI of its own yet)
    di_check_digit_valid: str


COLUMNS = tuple(f.name for f in fields(DeviceIdentifier))


def _yn(flag: bool) -> str:
    return "Y" if flag else "N"


def _agency(di: str) -> str:
    if di.startswith("+"):
        return "HIBCC"
    if di.startswith("="):
        return "ICCBBA"
    return "GS1"


def _model(name: str) -> str:
    last = name.split()[-1] if name.split() else ""
    return last if any(c.isdigit() for c in last) else ""


def _di_check_valid(product: Product) -> bool:
    di = product.di
    if product.di_scheme == DIScheme.MA:  # the check Lotline computes ([unconfirmed] rule)
        return len(di) > 1 and ma_check_character(di[:-1]) == di[-1]
    return di.isdigit() and is_valid_check_digit(di)


def identifier(product: Product) -> DeviceIdentifier:
    """The product's DI record; an MA product's primary DI is its MA DI, agency ZIIOT."""
    valid = _di_check_valid(product)
    return DeviceIdentifier(
        primary_di=product.di,
        issuing_agency="ZIIOT" if product.di_scheme == DIScheme.MA else _agency(product.di),
        device_count=1,
        brand_name=product.name,
        version_model_number=_model(product.name),
        catalog_number="",
        device_description=product.description or product.name,
        labeler_duns_number="",
        lot_batch_controlled="Y",
        serial_number_controlled=_yn(product.tracking == Tracking.SERIAL),
        expiration_date_controlled=_yn(bool(product.shelf_life_days)),
        manufacturing_date_controlled="Y",
        donation_id_controlled="N",
        commercial_distribution_status=(
            "In Commercial Distribution" if product.active else "Not in Commercial Distribution"
        ),
        package_quantity_per_case=str(product.case_quantity or ""),
        di_check_digit_valid=_yn(valid),
    )


@use_case(Permission.RECORD_EXPORT)
def device_identifiers(uow: UnitOfWork) -> list[DeviceIdentifier]:
    """One DI record per product: GS1 products by GTIN, then MA products by MA DI."""
    products = uow.session.scalars(
        select(Product).order_by(Product.di_scheme, Product.gtin, Product.ma_di)
    )
    return [identifier(p) for p in products]


def write_csv(rows: list[DeviceIdentifier], path: str | Path) -> Path:
    target = Path(path)
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(asdict(row) for row in rows)
    return target


__all__ = ["COLUMNS", "DeviceIdentifier", "device_identifiers", "identifier", "write_csv"]
