"""Products' data for China: loaded from the plant folder (nmpa.toml), exported as the NMPA UDI
database's DI records (`lotline export udid`, read back and held against the required items),
refused naming the product and the item when one is missing, and fed to the Chinese label,
which the demo kit prints once its label template is udi-cn-4x2."""

from __future__ import annotations

import io
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEntry, NmpaProductData, Product
from desktop.cli import main
from desktop.domain.nmpa import NmpaClass
from desktop.domain.plant import DIScheme
from desktop.services.core.context import Actor, Context
from desktop.services.documents._udid import REQUIRED
from desktop.services.labelling import (
    approve_template,
    print_labels,
    register_templates,
    template_preview,
    verify_label,
)
from desktop.services.labelling._nmpa_fields import nmpa_label_fields
from desktop.services.masterdata import (
    DEMO_FOLDER,
    MasterDataInvalid,
    ensure_demo_plant,
    load_folder,
)
from tests.integration.workflows.qcpack_support import eid, released_kits
from tests.support.plant import PASSWORD, SETTINGS

KIT = "09506000134369"


def _export(plant, monkeypatch, capsys, out: Path) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    url = plant.engine.url.render_as_string(hide_password=False)
    code = main(["export", "udid", "--out", str(out), "--by", "quinn", "--database", url])
    printed = capsys.readouterr()
    return code, printed.out, printed.err


def _copy_demo(tmp_path: Path) -> Path:
    folder = tmp_path / "md"
    shutil.copytree(DEMO_FOLDER, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def test_the_demo_kit_has_its_data_for_china(plant) -> None:
    assert plant.report.created["nmpa_product_data"] == 1
    with Session(plant.engine) as s:
        kit = s.scalars(select(Product).where(Product.gtin == KIT)).one()
        data = s.scalars(select(NmpaProductData).where(NmpaProductData.product_id == kit.id)).one()
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "nmpa_product_data.create")
        ).one()
    assert (data.name_zh, data.model_spec) == ("一次性使用无菌导管套件", "CK-10")
    assert data.management_class is NmpaClass.II and data.single_use and data.sterile
    assert "京械注准20262140001" in (entry.new_value or "")


def test_the_demo_plant_exports_every_required_item(plant, tmp_path, monkeypatch, capsys) -> None:
    out = tmp_path / "udid.xml"
    code, printed, err = _export(plant, monkeypatch, capsys, out)
    assert (code, err) == (0, ""), err
    assert printed.strip() == f"wrote 1 UDID device record(s) to {out}"
    root = ET.fromstring(out.read_bytes())
    assert root.tag == "udid" and root.get("version") == "1.0"
    [device] = root.findall("./devices/device")  # the pump has no data for China
    got = {child.tag: (child.text or "") for child in device if len(child) == 0}
    got |= {child.tag: (child.text or "") for child in device.findall("./contactList/contact/*")}
    missing = [tag for tag in REQUIRED if not got.get(tag, "").strip()]
    assert missing == []
    assert got["zxxsdycpbs"] == KIT and got["cpbsbmtxmc"] == "GS1"
    assert (got["cpmctymc"], got["ggxh"]) == ("一次性使用无菌导管套件", "CK-10")
    assert got["zczbhhzbapzbh"] == "京械注准20262140001"
    assert (got["qxlb"], got["cplb"], got["flbm"]) == ("器械", "耗材", "14-05-01")
    assert (got["sfbjwycxsy"], got["sfwwjbz"], got["syqsfxyjxmj"]) == ("是", "是", "否")
    assert (got["scbssfbhph"], got["scbssfbhxlh"], got["scbssfbhsxrq"]) == ("是", "否", "是")
    assert got["bszt"] == "二维码" and got["cgzmraqxgxx"].startswith("说明书或标签")
    assert "sydycpbs" not in got and "btcpbs" not in got  # one unit of use, no direct marking
    packing = {c.tag: c.text for c in device.findall("./packingList/packing/*")}
    assert packing == {
        "bzcpbs": "19506000134366",
        "cpbzjb": "箱",
        "bznhxyjcpbssl": "10",
        "bznhxyjbzcpbs": KIT,
    }
    contact = {c.tag: c.text for c in device.findall("./contactList/contact/*")}
    assert contact == {"qylxrdh": "010-5555-0100", "qylxryx": "udi@example.com"}


def test_a_missing_item_is_refused_naming_product_and_item(
    plant, tmp_path, monkeypatch, capsys
) -> None:
    folder = _copy_demo(tmp_path)
    text = (folder / "nmpa.toml").read_text("utf-8")
    kept = [line for line in text.splitlines() if not line.startswith("description_zh")]
    (folder / "nmpa.toml").write_text("\n".join(kept) + "\n", "utf-8")
    assert load_folder(plant.admin, folder).updated == {"nmpa_product_data": 1}
    out = tmp_path / "udid.xml"
    code, printed, err = _export(plant, monkeypatch, capsys, out)
    assert code == 1 and printed == "" and "Traceback" not in err
    [line] = err.strip().splitlines()
    assert line == (
        'lotline: the UDID export was not written: product "Sterile Catheter Kit CK-10" '
        "(09506000134369): 产品描述 (description_zh) is missing: add it to the product's data "
        "for China (nmpa.toml) and load the master data again"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'management_class = "II"',
            'management_class = "IV"',
            'nmpa.toml, line 16, field management_class: "IV" is not one of I, II, III',
        ),
        (
            'management_class = "II"',
            'management_class = "I"',
            'nmpa.toml, line 13, field certificate_no: "京械注准20262140001" is not a filing '
            "number (备案凭证编号): a class I device is filed, its number holds 备",
        ),
        (
            f'product = "{KIT}"',
            'product = "09506000134376"',
            'nmpa.toml, line 7, field product: product "09506000134376" is not in products',
        ),
        (
            "single_use = true",
            'single_use = "maybe"',
            "nmpa.toml, line 28, field single_use: must be true or false, not 'maybe'",
        ),
        (
            'name_zh = "一次性使用无菌导管套件"',
            "",
            "nmpa.toml, line 6, field name_zh: is missing",
        ),
    ],
    ids=["unknown-class", "class-I-registered", "unknown-product", "not-a-flag", "no-name"],
)
def test_bad_rows_name_file_line_and_field(plant, tmp_path, old, new, message) -> None:  # type: ignore[no-untyped-def]
    folder = _copy_demo(tmp_path)
    text = (folder / "nmpa.toml").read_text("utf-8")
    assert old in text
    (folder / "nmpa.toml").write_text(text.replace(old, new), "utf-8")
    with pytest.raises(MasterDataInvalid) as refused:
        load_folder(plant.admin, folder)
    assert any(str(p).startswith(message) for p in refused.value.problems), refused.value


def test_the_same_data_loads_from_csv(plant, tmp_path) -> None:
    folder = _copy_demo(tmp_path)
    (folder / "nmpa.toml").unlink()
    (folder / "nmpa.csv").write_text(
        "product,name_zh,model_spec,certificate_no,category,product_type,management_class,"
        "classification_code,registrant_name,carrier,mr_safety,single_use,sterile,units_of_use\n"
        f"{KIT},导管套件,CK-10,京械注准20262140001,device,consumable,II,14-05-01,示例医疗器械有限公司,"
        "matrix,not_labelled,true,yes,1\n",
        "utf-8",
    )
    report = load_folder(plant.admin, folder)
    assert report.updated == {"nmpa_product_data": 1}
    with Session(plant.engine) as s:
        data = s.scalars(select(NmpaProductData)).one()
        assert data.name_zh == "导管套件" and data.single_use is True and data.sterile is True
        assert data.description_zh is None  # not given: cleared


def test_the_chinese_label_fields_come_from_master_data(plant) -> None:
    with Session(plant.engine) as s:
        kit = s.scalars(select(Product).where(Product.gtin == KIT)).one()
        pump = s.scalars(select(Product).where(Product.gtin == "09506000134352")).one()
        fields = nmpa_label_fields(s, kit)
        assert nmpa_label_fields(s, pump) == {}
    assert fields == {
        "name_zh": "一次性使用无菌导管套件",
        "model_spec": "CK-10",
        "certificate": "注册证编号：京械注准20262140001",
        "registrant": "注册人：示例医疗器械有限公司",
        "manufacturer": "生产企业：示例医疗器械（苏州）有限公司",
        "storage": "常温、干燥、避光保存",
    }


def test_the_chinese_template_is_registered_previewed_and_approved(plant) -> None:
    versions = {v.name: v for v in register_templates(plant.admin)}
    assert versions["udi-cn-4x2"].status == "draft"
    qc = plant.ctx("qc_inspector")
    preview = template_preview(qc, "udi-cn-4x2", 1)
    assert preview.png.startswith(b"\x89PNG") and preview.sample["name_zh"] == "示例产品"
    view = approve_template(
        qc, plant.login("qc_inspector"), "udi-cn-4x2", 1, PASSWORD, username="quinn"
    )
    assert view.status == "approved"


def test_the_demo_kit_prints_its_chinese_label(plant, printer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = _copy_demo(tmp_path)
    products = (folder / "products.toml").read_text("utf-8")
    assert products.count('label_template = "udi-2x1"') == 1  # the kit
    chinese = products.replace('label_template = "udi-2x1"', 'label_template = "udi-cn-4x2"')
    (folder / "products.toml").write_text(chinese, "utf-8")
    assert load_folder(plant.admin, folder).updated == {"products": 1}
    register_templates(plant.admin)
    qc = plant.ctx("qc_inspector")
    approve_template(qc, plant.login("qc_inspector"), "udi-cn-4x2", 1, PASSWORD, username="quinn")
    kits = released_kits(plant, 2)
    pack = plant.ctx("packaging")
    job = print_labels(pack, printer, kits.lot, 1, key="cn-1")  # decoded before it is sent
    [(_, zpl)] = printer.sent
    assert b"udi-cn-4x2 v1" in zpl and b"^GFA" in zpl  # the Chinese text as a bitmap
    assert job.element_string.startswith("01" + KIT)
    result = verify_label(pack, "cn-1", job.element_string, event_id=eid())
    assert result.ok


def test_the_ma_demo_names_the_kit_by_its_ma_di(engine, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    base = Context(engine, Actor.system("test"), SETTINGS)
    assert ensure_demo_plant(base, DIScheme.MA) is not None
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    out = tmp_path / "udid.xml"
    url = engine.url.render_as_string(hide_password=False)
    code = main(["export", "udid", "--out", str(out), "--by", "quinn", "--database", url])
    assert code == 0, capsys.readouterr().err
    [device] = ET.fromstring(out.read_bytes()).findall("./devices/device")
    assert device.findtext("zxxsdycpbs") == "MA.156.M0.999999.1CK0100"
    assert device.findtext("cpbsbmtxmc") == "MA"
