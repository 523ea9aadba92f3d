"""Products identified by an MA DI (IDcode) instead of a GTIN: loaded from the products file
(ma_di), the database's own CHECK on the DI of the scheme, serials an MA code can carry, and an
MA unit found by its MA code; on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import Product
from desktop.domain.plant import DIScheme, Tracking
from desktop.services import production
from desktop.services.core.errors import NotFound, Refusal
from desktop.services.core.lookup import require_item
from desktop.services.masterdata import DEMO_FOLDER, MasterDataInvalid, load_folder
from tests.support.refusals import refused

PUMP = "MA.156.M0.999999.1IP3005"


def _ma_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "md"
    shutil.copytree(DEMO_FOLDER, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    shutil.copyfile(folder / "products-ma.toml", folder / "products.toml")
    return folder


def test_ma_products_load_and_their_units_carry_the_ma_di(plant, tmp_path: Path) -> None:
    report = load_folder(plant.admin, _ma_folder(tmp_path))
    assert report.created["products"] == 2
    with Session(plant.engine) as s:
        pump = s.scalars(select(Product).where(Product.ma_di == PUMP)).one()
        assert (pump.di_scheme, pump.gtin, pump.di) == (DIScheme.MA, None, PUMP)
    sup = plant.ctx("supervisor")
    production.create_work_order(sup, "WO-MA-1", PUMP, 2)
    production.release_work_order(sup, "WO-MA-1")
    refused(
        plant.engine, production.commission_serials, sup, "WO-MA-1", 2, prefix="SN-",
        match=re.escape('serial "SN-000001" cannot be written in the MA code of Infusion Pump'),
    )  # fmt: skip
    made = production.commission_serials(sup, "WO-MA-1", 2)
    assert (made.first_serial, made.last_serial) == ("SN000001", "SN000002")
    with Session(plant.engine) as s:
        unit = require_item(s, f"]d1{PUMP}.S{made.first_serial}")
        assert (unit.ma_di, unit.gtin, unit.serial) == (PUMP, None, "SN000001")
        lot = require_item(s, f"]Q1{PUMP}.L{made.lot}")
        assert lot.kind == "production_lot" and lot.ma_di == PUMP
        other = "MA.156.M0.999999.1CK0100.SSN000001"  # the kit's MA DI: no such unit
        with pytest.raises(NotFound, match=re.escape(f'scan "{other}" matches no unit')):
            require_item(s, other, what="unit")
        with pytest.raises(Refusal, match="is not a valid label: MA product identifier"):
            require_item(s, "MA.156.M0.99.1IP3005.SSN000001")


def test_a_products_file_names_one_di_and_a_valid_one(plant, tmp_path: Path) -> None:
    folder = _ma_folder(tmp_path)
    text = (folder / "products.toml").read_text()
    text = text.replace(f'ma_di = "{PUMP}"', f'ma_di = "{PUMP}"\ngtin = "09506000134352"')
    text = text.replace('ma_di = "MA.156.M0.999999.1CK0100"', 'ma_di = "MA.156.M0.99.1CK0100"')
    (folder / "products.toml").write_text(text)
    with pytest.raises(MasterDataInvalid) as caught:
        load_folder(plant.admin, folder)
    message = caught.value.message
    assert "field ma_di: give gtin (GS1) or ma_di (MA code), not both" in message
    assert 'field ma_di: "MA.156.M0.99.1CK0100" is not an MA DI' in message


@pytest.mark.parametrize(
    ("scheme", "gtin", "ma_di"),
    [
        (DIScheme.MA, "09506000134376", None),  # an MA product needs its MA DI
        (DIScheme.GS1, None, "MA.156.M0.999999.1XX0001"),  # a GS1 product its GTIN
        (DIScheme.MA, "09506000134376", "MA.156.M0.999999.1XX0001"),  # and only that one
    ],
)
def test_the_database_holds_exactly_the_di_of_the_scheme(
    plant, scheme: DIScheme, gtin: str | None, ma_di: str | None
) -> None:
    with Session(plant.engine) as s, pytest.raises(IntegrityError, match="di_of_scheme"):
        s.add(Product(di_scheme=scheme, gtin=gtin, ma_di=ma_di, name="X", tracking=Tracking.LOT))
        s.flush()
