"""Master data from files: the demo data set loads; bad rows name file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import AuditEntry, BomLine, Product, RouteStep, User
from desktop.services.core.errors import PermissionDenied
from desktop.services.masterdata import DEMO_FOLDER, MasterDataInvalid, load_folder


def _copy_demo(tmp_path: Path) -> Path:
    folder = tmp_path / "md"
    shutil.copytree(DEMO_FOLDER, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def test_demo_data_set_loads_and_a_second_load_changes_nothing(plant) -> None:
    assert plant.report.created["products"] == 2
    assert plant.report.created["users"] == 4
    again = load_folder(plant.admin, DEMO_FOLDER)
    assert again.created == {} and again.updated == {}
    with Session(plant.engine) as s:
        pump = s.scalars(select(Product).where(Product.gtin == "09506000134352")).one()
        steps = s.scalars(
            select(RouteStep.name)
            .where(RouteStep.route_id == pump.route_id)
            .order_by(RouteStep.position)
        ).all()
        bom = s.scalar(select(func.count(BomLine.id)).where(BomLine.product_id == pump.id))
    assert steps[0] == "Scan housing serial" and steps[-1] == "Pack" and len(steps) == 7
    assert bom == 2


def test_an_update_is_audited_with_old_and_new_value(plant, tmp_path: Path) -> None:
    folder = _copy_demo(tmp_path)
    text = (folder / "parts.toml").read_text()
    (folder / "parts.toml").write_text(text.replace('"Control board"', '"Control board rev B"'))
    report = load_folder(plant.admin, folder)
    assert report.updated == {"parts": 1}
    with Session(plant.engine) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "parts.update")).one()
    assert '"Control board"' in (entry.old_value or "")
    assert "rev B" in (entry.new_value or "")


def test_bad_rows_name_file_line_and_field_and_nothing_is_written(plant, tmp_path) -> None:
    folder = _copy_demo(tmp_path)
    parts = (folder / "parts.toml").read_text().replace('tracking = "lot"', 'tracking = "bulk"', 1)
    (folder / "parts.toml").write_text(parts)
    products = (folder / "products.toml").read_text().replace("09506000134369", "09506000134368")
    (folder / "products.toml").write_text(products)
    (folder / "users.csv").write_text("username,full_name,role\nzed,Zed,wizard\n")
    with Session(plant.engine) as s:
        before = s.scalar(select(func.count(AuditEntry.id)))
    with pytest.raises(MasterDataInvalid) as refused:
        load_folder(plant.admin, folder)
    text = str(refused.value)
    assert "nothing was loaded" in text
    assert 'parts.toml, line 11, field tracking: "bulk" is not one of serial, lot' in text
    assert (
        'products.toml, line 21, field gtin: GTIN "09506000134368" has a wrong check digit' in text
    )
    assert 'users.csv, line 2, field role: "wizard" is not one of' in text
    with Session(plant.engine) as s:
        after = s.scalar(select(func.count(AuditEntry.id)))
        zed = s.scalar(select(User.id).where(User.username == "zed"))
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert after == (before or 0) + 1 and zed is None
    assert last is not None and last.action == "refused:load_folder"


def test_changing_a_route_version_in_use_is_refused(plant, tmp_path) -> None:
    folder = _copy_demo(tmp_path)
    routes = (folder / "routes.toml").read_text().replace('"Functional test"', '"Func test"', 1)
    (folder / "routes.toml").write_text(routes)
    with pytest.raises(MasterDataInvalid, match="PUMP-ASSY version 1 already exists"):
        load_folder(plant.admin, folder)


def test_only_administrators_load_master_data(plant) -> None:
    with pytest.raises(PermissionDenied, match="may not manage master data"):
        load_folder(plant.ctx("supervisor"), DEMO_FOLDER)
