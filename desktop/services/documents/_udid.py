"""The DI records of the NMPA UDI database (UDID, China) for the products that have data for
China, as one XML file; every required item checked first.

The items are those of the database's basic data set (YY/T 1752), each written under the short
name the database itself uses (the pinyin initials of the item's Chinese name, e.g.
``zxxsdycpbs`` for 最小销售单元产品标识), in the layout of the database's XML releases:
``<udid><devices><device>...</device></devices></udid>``, yes/no as 是/否, the packaging
levels in ``<packingList><packing>`` and the registrant's contact in ``<contactList>``.
docs/udi-china.md says which names, code lists and requirements were confirmed and which not.

Production identifiers on the label (批号, 序列号, 生产日期, 失效日期) follow what
``labelling_jobs.compose_udi`` puts on every label: production date and lot always, serial for
serialised products, expiry for products with a shelf life.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from db.models import NmpaProductData, Product
from desktop.domain.nmpa import UDID_WORDS
from desktop.domain.permissions import Permission
from desktop.domain.plant import DIScheme, Tracking
from desktop.domain.text import Text, join, t
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case

YES, NO = "是", "否"


@dataclass(frozen=True)
class Item:
    """One data item of a DI record: its short name, its Chinese name, whether it is required
    (``when``: required only when that holds) and how it is read from the product."""

    tag: str
    name_zh: str
    field: str  # where it comes from, as the master-data files name it
    value: Callable[[Product, NmpaProductData], str | None]
    required: bool = True
    when: Callable[[Product, NmpaProductData], bool] | None = None


def _yn(flag: bool) -> str:
    return YES if flag else NO


def _di(product: Product) -> str:
    return product.di


#: 医疗器械唯一标识编码体系名称, as the database names the issuing agencies' schemes.
_SCHEME = {DIScheme.GS1: "GS1", DIScheme.MA: "MA"}


def _scheme(product: Product) -> str:
    return _SCHEME[product.di_scheme]


def _text(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


ITEMS: tuple[Item, ...] = (
    Item("zxxsdycpbs", "最小销售单元产品标识", "gtin or ma_di", lambda p, n: _di(p)),
    Item("cpbsbmtxmc", "产品标识编码体系名称", "di_scheme", lambda p, n: _scheme(p)),
    Item("zxxsdyzsydydsl", "最小销售单元中使用单元的数量", "units_of_use",
         lambda p, n: str(n.units_of_use)),
    Item("sydycpbs", "使用单元产品标识", "unit_of_use_di", lambda p, n: _text(n.unit_of_use_di),
         when=lambda p, n: n.units_of_use > 1),
    Item("bszt", "标识载体", "carrier", lambda p, n: UDID_WORDS[n.carrier]),
    Item("sfybtzjbs", "是否有本体直接标识", "direct_marking", lambda p, n: _yn(n.direct_marking)),
    Item("btcpbs", "本体产品标识", "direct_marking_di", lambda p, n: _text(n.direct_marking_di),
         when=lambda p, n: n.direct_marking),
    Item("cpmctymc", "产品名称/通用名称", "name_zh", lambda p, n: _text(n.name_zh)),
    Item("spmc", "商品名称", "trade_name", lambda p, n: _text(n.trade_name), required=False),
    Item("ggxh", "规格型号", "model_spec", lambda p, n: _text(n.model_spec)),
    Item("sfwblztlcp", "是否为包类/组套类产品", "kit", lambda p, n: _yn(n.kit)),
    Item("cpms", "产品描述", "description_zh", lambda p, n: _text(n.description_zh)),
    Item("cphhhbh", "产品货号或编号", "catalogue_number", lambda p, n: _text(n.catalogue_number),
         required=False),
    Item("qxlb", "器械类别", "category", lambda p, n: UDID_WORDS[n.category]),
    Item("cplb", "产品类别", "product_type", lambda p, n: UDID_WORDS[n.product_type]),
    Item("flbm", "分类编码", "classification_code", lambda p, n: _text(n.classification_code)),
    Item("zczbhhzbapzbh", "注册证编号或者备案凭证编号", "certificate_no",
         lambda p, n: _text(n.certificate_no)),
    Item("ylqxzcrbarmc", "医疗器械注册人/备案人名称", "registrant_name",
         lambda p, n: _text(n.registrant_name)),
    Item("ylqxzcrbarywmc", "医疗器械注册人/备案人英文名称", "registrant_name_en",
         lambda p, n: _text(n.registrant_name_en), required=False),
    Item("tyshxydm", "统一社会信用代码", "registrant_credit_code",
         lambda p, n: _text(n.registrant_credit_code)),
    Item("ybbm", "医保耗材分类编码", "insurance_code", lambda p, n: _text(n.insurance_code),
         required=False),
    Item("cgzmraqxgxx", "磁共振(MR)安全相关信息", "mr_safety",
         lambda p, n: UDID_WORDS[n.mr_safety]),
    Item("sfbjwycxsy", "是否标记为一次性使用", "single_use", lambda p, n: _yn(n.single_use)),
    Item("zdcfsycs", "最大重复使用次数", "max_reuses",
         lambda p, n: None if n.max_reuses is None else str(n.max_reuses), required=False),
    Item("sfwwjbz", "是否为无菌包装", "sterile", lambda p, n: _yn(n.sterile)),
    Item("syqsfxyjxmj", "使用前是否需要进行灭菌", "sterilise_before_use",
         lambda p, n: _yn(n.sterilise_before_use)),
    Item("mjfs", "灭菌方式", "sterilisation_method", lambda p, n: _text(n.sterilisation_method),
         when=lambda p, n: n.sterilise_before_use),
    Item("qtxxdwzlj", "其他信息的网址链接", "info_url", lambda p, n: _text(n.info_url),
         required=False),
    Item("scbssfbhph", "生产标识是否包含批号", "tracking", lambda p, n: YES),
    Item("scbssfbhxlh", "生产标识是否包含序列号", "tracking",
         lambda p, n: _yn(p.tracking == Tracking.SERIAL)),
    Item("scbssfbhscrq", "生产标识是否包含生产日期", "tracking", lambda p, n: YES),
    Item("scbssfbhsxrq", "生产标识是否包含失效日期", "shelf_life_days",
         lambda p, n: _yn(bool(p.shelf_life_days))),
    Item("tscchcztj", "特殊储存或操作条件", "storage_conditions",
         lambda p, n: _text(n.storage_conditions), required=False),
)  # fmt: skip
CONTACT: tuple[Item, ...] = (
    Item("qylxrdh", "企业联系人电话", "contact_phone", lambda p, n: _text(n.contact_phone)),
    Item("qylxryx", "企业联系人邮箱", "contact_email", lambda p, n: _text(n.contact_email)),
)
PACKING: tuple[Item, ...] = (
    Item("bzcpbs", "包装产品标识", "case_di", lambda p, n: _text(n.case_di)),
    Item("cpbzjb", "产品包装级别", "case_di", lambda p, n: "箱"),
    Item("bznhxyjcpbssl", "包装内含小一级产品标识数量", "case_quantity",
         lambda p, n: str(p.case_quantity) if p.case_quantity else None),
    Item("bznhxyjbzcpbs", "包装内含小一级包装产品标识", "gtin or ma_di", lambda p, n: _di(p)),
)  # fmt: skip


@dataclass(frozen=True)
class UdidRecord:
    """One product's DI record: the items in order, the contact and the packaging levels."""

    product: str  # the product's name, as people know it
    di: str
    items: tuple[tuple[str, str], ...]  # (short name, value), only the items given
    contact: tuple[tuple[str, str], ...]
    packing: tuple[tuple[tuple[str, str], ...], ...]


class UdidIncomplete(Refusal):
    """Items the database requires are missing: each problem names the product and the item."""

    def __init__(self, problems: list[Text]) -> None:
        super().__init__(
            t(
                "the UDID export was not written: {problems}",
                problems=join(list[Text | str](problems)),
            ),
            entity="udid",
        )
        self.problems = problems


def _missing(product: Product, item: Item) -> Text:
    return t(
        'product "{product}" ({di}): {item} ({field}) is missing: add it to the product\'s '
        "data for China (nmpa.toml) and load the master data again",
        product=product.name,
        di=_di(product),
        item=item.name_zh,
        field=item.field,
    )


def _values(
    product: Product, data: NmpaProductData, items: tuple[Item, ...], problems: list[Text]
) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for item in items:
        needed = item.required and (item.when is None or item.when(product, data))
        value = item.value(product, data)
        if value is None:
            if needed:
                problems.append(_missing(product, item))
            continue
        out.append((item.tag, value))
    return tuple(out)


def record(product: Product, data: NmpaProductData, problems: list[Text]) -> UdidRecord:
    """The product's DI record; a missing required item is added to ``problems``."""
    packing: tuple[tuple[tuple[str, str], ...], ...] = ()
    if data.case_di:
        packing = (_values(product, data, PACKING, problems),)
    return UdidRecord(
        product=product.name,
        di=_di(product),
        items=_values(product, data, ITEMS, problems),
        contact=_values(product, data, CONTACT, problems),
        packing=packing,
    )


@use_case(Permission.RECORD_EXPORT, read_only=True)
def udid_records(uow: UnitOfWork) -> list[UdidRecord]:
    """The DI record of every product that has data for China, by DI; refused, naming each
    product and item, when any required item is missing."""
    rows = uow.session.execute(
        select(Product, NmpaProductData)
        .join(NmpaProductData, NmpaProductData.product_id == Product.id)
        .order_by(Product.id)
    ).all()
    if not rows:
        raise Refusal(
            t(
                "no product has data for China: give it in nmpa.toml and load the master data "
                "(docs/udi-china.md lists the fields)"
            ),
            entity="udid",
        )
    problems: list[Text] = []
    records = [record(product, data, problems) for product, data in rows]
    if problems:
        raise UdidIncomplete(problems)
    return records


def udid_xml(records: list[UdidRecord]) -> bytes:
    """The records as the database's XML layout, UTF-8."""
    root = ET.Element("udid", version="1.0")
    devices = ET.SubElement(root, "devices")
    for rec in records:
        device = ET.SubElement(devices, "device")  # not a code: the XML element's name
        for tag, value in rec.items:
            ET.SubElement(device, tag).text = value
        if rec.packing:
            packing_list = ET.SubElement(device, "packingList")
            for level in rec.packing:
                packing = ET.SubElement(packing_list, "packing")
                for tag, value in level:
                    ET.SubElement(packing, tag).text = value
        if rec.contact:
            contact = ET.SubElement(ET.SubElement(device, "contactList"), "contact")
            for tag, value in rec.contact:
                ET.SubElement(contact, tag).text = value
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def write_udid(records: list[UdidRecord], path: str | Path) -> Path:
    target = Path(path)
    target.write_bytes(udid_xml(records))
    return target


#: The items the database requires of every product (the conditional ones aside).
REQUIRED: tuple[str, ...] = tuple(
    item.tag for item in (*ITEMS, *CONTACT) if item.required and item.when is None
)

__all__ = [
    "CONTACT",
    "ITEMS",
    "PACKING",
    "REQUIRED",
    "UdidIncomplete",
    "UdidRecord",
    "udid_records",
    "udid_xml",
    "write_udid",
]
