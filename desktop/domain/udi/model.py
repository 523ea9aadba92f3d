"""Value types of the identifier layer: what a scan parses to, what compose builds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Scheme = Literal["GS1", "HIBC", "ISBT128", "MA", "AHM"]
Agency = Literal["GS1", "HIBCC", "ICCBBA", "ZIIOT", "AliHealth"]
HibcKind = Literal["primary", "secondary", "concatenated"]

AGENCY: dict[str, Agency] = {
    "GS1": "GS1",
    "HIBC": "HIBCC",
    "ISBT128": "ICCBBA",
    "MA": "ZIIOT",  # 中关村工信二维码技术研究院, ISO/IEC 15459 issuing agency code "MA"
    "AHM": "AliHealth",  # 阿里健康, recognised only
}


class ComposeError(ValueError):
    """compose() refused its input; the message names the field and the value."""


@dataclass(frozen=True)
class HibcInfo:
    """The HIBC structure behind a ParsedUDI (REFERENCE 1.9)."""

    kind: HibcKind
    check: str  # the symbol's own mod-43 check character (may be a space)
    lic: str | None = None  # labeler identification code (4 characters, first alphabetic)
    pcn: str | None = None  # product or catalogue number
    unit_of_measure: int | None = None  # 0 = unit of use, 1-8 packaging levels, 9 variable
    link: str | None = None  # secondary (two-read) only: equals the primary's check character
    quantity: int | None = None
    supplemental: tuple[tuple[str, str], ...] = ()  # ASC MH10 data identifiers: ("16D", ...)


@dataclass(frozen=True)
class MaInfo:
    """The MA code (IDcode) structure behind a ParsedUDI (ma.py, docs/udi-china.md)."""

    country: str  # 3 digits, 156 = China
    industry: str  # "M0" for medical devices
    registrant: str  # 6 digits
    product_code: str  # packaging digit, item code, check character
    packaging: str  # the product code's first digit
    units: tuple[tuple[str, str], ...] = ()  # data units as read: ("L", "ABC"), ("C", "7")
    sterilisation_lot: str | None = None  # .D
    use_by: dt.date | None = None  # .V 有效期
    expiry: dt.date | None = None  # .E 失效期
    check: str | None = None  # .C

    def to_json_dict(self) -> dict[str, object]:
        return {
            "country": self.country,
            "industry": self.industry,
            "registrant": self.registrant,
            "product_code": self.product_code,
            "packaging": self.packaging,
            "units": [[tag, value] for tag, value in self.units],
            "sterilisation_lot": self.sterilisation_lot,
            "use_by": self.use_by.isoformat() if self.use_by else None,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "check": self.check,
        }


@dataclass(frozen=True)
class ParsedUDI:
    """One scan (or typed entry), parsed. Never raised: problems are in ``errors``.

    ``valid`` is True exactly when ``errors`` is empty; ``warnings`` never make it False.
    ``ais`` keeps GS1 element strings in the scanned order; HIBC scans leave it empty and fill
    ``hibc`` instead.
    """

    raw: str
    scheme: Scheme | None = None
    issuing_agency: Agency | None = None
    symbology: str | None = None  # AIM identifier as sent, e.g. "]d2"
    di: str | None = None
    gtin: str | None = None
    lot: str | None = None
    serial: str | None = None
    expiry: dt.date | None = None
    production_date: dt.date | None = None
    ais: tuple[tuple[str, str], ...] = ()
    hri: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    hibc: HibcInfo | None = None
    ma: MaInfo | None = None
    valid: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "valid", not self.errors)

    @property
    def ai_values(self) -> dict[str, str]:
        """AI -> value; when an AI repeats, the first occurrence wins."""
        values: dict[str, str] = {}
        for ai, value in self.ais:
            values.setdefault(ai, value)
        return values

    def get(self, ai: str) -> str | None:
        """The value of ``ai`` in this scan, or None."""
        return self.ai_values.get(ai)

    def to_json_dict(self) -> dict[str, object]:
        """The public summary (the `lotline udi parse --json` object): JSON-ready types only.

        An MA code adds "ma" (its structure and data units); other schemes have no such key.
        """
        summary: dict[str, object] = {
            "valid": self.valid,
            "scheme": self.scheme,
            "symbology": self.symbology,
            "di": self.di,
            "gtin": self.gtin,
            "lot": self.lot,
            "serial": self.serial,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "production_date": self.production_date.isoformat() if self.production_date else None,
            "ais": self.ai_values,
            "hri": list(self.hri),
            "errors": list(self.errors),
            "warnings": list(self.warnings),
        }
        if self.ma is not None:
            summary["ma"] = self.ma.to_json_dict()
        return summary


@dataclass(frozen=True)
class ComposedUDI:
    """A GS1 element string built by compose(), in every form a label needs."""

    element_string: str  # AIs concatenated, GS after each variable field but the last, no FNC1
    pairs: tuple[tuple[str, str], ...]  # placed order: fixed-length AIs (01 first), then variable
    bracketed: str  # "(01)09506000134352(17)271231(10)ABC"; a "(" in data is written "\("
    hri: tuple[str, ...]  # "(01) 09506000134352", one line per AI
    human_dates: dict[str, str] = field(default_factory=dict)  # date AI -> "YYYY-MM-DD"

    scheme = "GS1"

    @property
    def ai_values(self) -> dict[str, str]:
        return dict(self.pairs)
