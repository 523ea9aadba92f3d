"""The vocabulary of China's device registration data (NMPA): the code lists of the UDI
database's basic data set (YY/T 1752) that a product's Chinese master data uses."""

from __future__ import annotations

from desktop.domain.text import t
from desktop.domain.vocabulary import Vocabulary, words_for


class NmpaCategory(Vocabulary):
    """器械类别: a device or an in-vitro diagnostic reagent (nmpa_product_data.category)."""

    DEVICE = "device"  # 器械
    IVD = "ivd"  # 体外诊断试剂


words_for(
    NmpaCategory,
    {
        NmpaCategory.DEVICE: t("medical device"),
        NmpaCategory.IVD: t("in-vitro diagnostic reagent"),
    },
)


class NmpaProductType(Vocabulary):
    """产品类别: a consumable or a piece of equipment (nmpa_product_data.product_type)."""

    CONSUMABLE = "consumable"  # 耗材
    EQUIPMENT = "equipment"  # 设备


words_for(
    NmpaProductType,
    {
        NmpaProductType.CONSUMABLE: t("consumable"),
        NmpaProductType.EQUIPMENT: t("equipment"),
    },
)


class NmpaClass(Vocabulary):
    """管理类别: class I is filed (备案), classes II and III are registered (注册)."""

    I = "I"  # noqa: E741  (the class is called I)
    II = "II"
    III = "III"


words_for(
    NmpaClass,
    {
        NmpaClass.I: t("class I"),
        NmpaClass.II: t("class II"),
        NmpaClass.III: t("class III"),
    },
)


class UdiCarrier(Vocabulary):
    """产品标识载体: the kind of carrier the UDI is printed in (nmpa_product_data.carrier)."""

    LINEAR = "linear"  # 一维码
    MATRIX = "matrix"  # 二维码
    RFID = "rfid"  # 射频标签


words_for(
    UdiCarrier,
    {
        UdiCarrier.LINEAR: t("linear bar code"),
        UdiCarrier.MATRIX: t("2D code"),
        UdiCarrier.RFID: t("RFID tag"),
    },
)


class MrSafety(Vocabulary):
    """磁共振(MR)安全相关信息: what the labelling says about MR (nmpa_product_data.mr_safety)."""

    SAFE = "safe"  # 安全
    CONDITIONAL = "conditional"  # 条件安全
    UNSAFE = "unsafe"  # 不安全
    NOT_LABELLED = "not_labelled"  # 说明书或标签上面不包括MR安全信息


words_for(
    MrSafety,
    {
        MrSafety.SAFE: t("MR safe"),
        MrSafety.CONDITIONAL: t("MR conditional"),
        MrSafety.UNSAFE: t("MR unsafe"),
        MrSafety.NOT_LABELLED: t("no MR information in the labelling"),
    },
)

#: The words the UDI database itself uses for each code (what its upload template holds).
UDID_WORDS: dict[str, str] = {
    NmpaCategory.DEVICE: "器械",
    NmpaCategory.IVD: "体外诊断试剂",
    NmpaProductType.CONSUMABLE: "耗材",
    NmpaProductType.EQUIPMENT: "设备",
    NmpaClass.I: "Ⅰ类",
    NmpaClass.II: "Ⅱ类",
    NmpaClass.III: "Ⅲ类",
    UdiCarrier.LINEAR: "一维码",
    UdiCarrier.MATRIX: "二维码",
    UdiCarrier.RFID: "RFID",
    MrSafety.SAFE: "安全",
    MrSafety.CONDITIONAL: "条件安全",
    MrSafety.UNSAFE: "不安全",
    MrSafety.NOT_LABELLED: "说明书或标签上面不包括MR安全信息",
}
