"""A product's data for China: its NMPA registration and the UDI database's basic data set."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Created, IdPK, fk
from db.types import Coded, one_of
from desktop.domain.nmpa import MrSafety, NmpaCategory, NmpaClass, NmpaProductType, UdiCarrier


class NmpaProductData(Base):
    """One product's Chinese master data (at most one row a product).

    The Chinese label (产品名称, 型号规格, 注册证编号/备案凭证编号, 注册人/生产企业名称) and the DI
    record uploaded to the NMPA UDI database are made from this row and the product's own
    columns (its DI, tracking, shelf life, case quantity). The comments give the data set's
    field names (YY/T 1752); docs/udi-china.md says which of them were confirmed.
    """

    __tablename__ = "nmpa_product_data"
    __table_args__ = (
        one_of("category", NmpaCategory),
        one_of("product_type", NmpaProductType),
        one_of("management_class", NmpaClass),
        one_of("carrier", UdiCarrier),
        one_of("mr_safety", MrSafety),
    )
    id: Mapped[IdPK]
    product_id: Mapped[int] = fk("products.id", unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))  # 产品名称(通用名称)
    trade_name: Mapped[str | None] = mapped_column(String(200))  # 商品名称
    model_spec: Mapped[str] = mapped_column(String(200))  # 规格型号
    description_zh: Mapped[str | None] = mapped_column(Text)  # 产品描述
    catalogue_number: Mapped[str | None] = mapped_column(String(64))  # 产品货号或编号
    certificate_no: Mapped[str] = mapped_column(String(64))  # 注册证编号或者备案凭证编号
    category: Mapped[NmpaCategory] = mapped_column(Coded(NmpaCategory, 8))  # 器械类别
    product_type: Mapped[NmpaProductType] = mapped_column(Coded(NmpaProductType, 12))  # 产品类别
    management_class: Mapped[NmpaClass] = mapped_column(Coded(NmpaClass, 4))  # 管理类别
    classification_code: Mapped[str] = mapped_column(String(16))  # 分类编码
    registrant_name: Mapped[str] = mapped_column(String(200))  # 注册人/备案人名称
    registrant_name_en: Mapped[str | None] = mapped_column(String(200))  # 注册人/备案人英文名称
    registrant_credit_code: Mapped[str | None] = mapped_column(String(18))  # 统一社会信用代码
    manufacturer_name: Mapped[str | None] = mapped_column(String(200))  # 生产企业名称, if another
    contact_phone: Mapped[str | None] = mapped_column(String(40))  # 企业联系人电话
    contact_email: Mapped[str | None] = mapped_column(String(120))  # 企业联系人邮箱
    units_of_use: Mapped[int] = mapped_column(Integer, default=1)  # 最小销售单元中使用单元的数量
    unit_of_use_di: Mapped[str | None] = mapped_column(String(64))  # 使用单元产品标识
    carrier: Mapped[UdiCarrier] = mapped_column(Coded(UdiCarrier, 8))  # 产品标识载体
    direct_marking: Mapped[bool] = mapped_column(Boolean, default=False)  # 是否有本体直接标识
    direct_marking_di: Mapped[str | None] = mapped_column(String(64))  # 本体产品标识
    kit: Mapped[bool] = mapped_column(Boolean, default=False)  # 是否为包类/组套类产品
    single_use: Mapped[bool] = mapped_column(Boolean, default=False)  # 是否标记为一次性使用
    max_reuses: Mapped[int | None] = mapped_column(Integer)  # 最大重复使用次数
    sterile: Mapped[bool] = mapped_column(Boolean, default=False)  # 是否为无菌包装
    #: 使用前是否需要进行灭菌
    sterilise_before_use: Mapped[bool] = mapped_column(Boolean, default=False)
    sterilisation_method: Mapped[str | None] = mapped_column(String(100))  # 灭菌方式
    mr_safety: Mapped[MrSafety] = mapped_column(Coded(MrSafety, 16))  # 磁共振(MR)安全相关信息
    storage_conditions: Mapped[str | None] = mapped_column(Text)  # 特殊储存或操作条件
    service_life: Mapped[str | None] = mapped_column(String(60))  # 使用期限 (when no expiry)
    case_di: Mapped[str | None] = mapped_column(String(64))  # 包装产品标识 (the case)
    insurance_code: Mapped[str | None] = mapped_column(String(64))  # 医保耗材分类编码
    info_url: Mapped[str | None] = mapped_column(String(200))  # 其他信息的网址链接
    created_at: Mapped[Created]
