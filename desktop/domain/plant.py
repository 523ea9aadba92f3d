"""The vocabulary of the plant's master data: how a product or part is tracked, the kinds of
station and the kinds of device on them."""

from __future__ import annotations

from desktop.domain.text import t
from desktop.domain.vocabulary import Vocabulary, words_for


class Tracking(Vocabulary):
    """How a product or part is identified (products.tracking, parts.tracking)."""

    SERIAL = "serial"  # every unit has its serial number
    LOT = "lot"  # units are identified by their lot only


words_for(
    Tracking,
    {
        Tracking.SERIAL: t("by serial number"),
        Tracking.LOT: t("by lot"),
    },
)


class DIScheme(Vocabulary):
    """Which issuing agency's scheme a product's UDI-DI belongs to (products.di_scheme).

    GS1: the DI is a GTIN (products.gtin). MA: the DI is an MA code (IDcode, China) as issued
    (products.ma_di), e.g. MA.156.M0.100011.2cscp023.
    """

    GS1 = "gs1"
    MA = "ma"


words_for(
    DIScheme,
    {
        DIScheme.GS1: t("GS1 (GTIN)"),
        DIScheme.MA: t("MA code (IDcode)"),
    },
)


class StationKind(Vocabulary):
    """What a workstation is for (stations.kind, and the station file's ``kind``)."""

    OPERATOR = "operator"
    QC = "qc"
    PACKAGING = "packaging"
    PLANNING = "planning"
    RECEIVING = "receiving"
    SHIPPING = "shipping"
    SERVICE = "service"
    TRACE = "trace"
    ADMIN = "admin"
    DASHBOARD = "dashboard"  # a supervisor's or QC's screen of the line at a glance


words_for(
    StationKind,
    {
        StationKind.OPERATOR: t("operator station"),
        StationKind.QC: t("QC station"),
        StationKind.PACKAGING: t("packaging station"),
        StationKind.PLANNING: t("planning station"),
        StationKind.RECEIVING: t("receiving station"),
        StationKind.SHIPPING: t("shipping station"),
        StationKind.SERVICE: t("service station"),
        StationKind.TRACE: t("trace station"),
        StationKind.ADMIN: t("administration station"),
        StationKind.DASHBOARD: t("dashboard station"),
    },
)


class DeviceKind(Vocabulary):
    """A device at a station (devices.kind, and the station file's [devices.<kind>])."""

    SCANNER = "scanner"
    SCALE = "scale"
    PRINTER = "printer"


words_for(
    DeviceKind,
    {
        DeviceKind.SCANNER: t("scanner"),
        DeviceKind.SCALE: t("scale"),
        DeviceKind.PRINTER: t("label printer"),
    },
)
