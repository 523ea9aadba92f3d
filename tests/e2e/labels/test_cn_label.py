"""The Chinese label (udi-cn-4x2) fed from the demo plant's master data: PDF, PNG and ZPL made
and verified, and the ZPL rendered by the independent engine (zebrash) decodes to exactly the
intended UDI, for a lot-controlled kit with an expiry and for a serialised unit."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Product
from desktop.domain.udi import compose
from desktop.labels import SUPPORTED_DPI, load_template, plan_label, render_verified, render_zpl
from desktop.labels.items import Text
from desktop.labels.verify import decode
from desktop.services.labelling._nmpa_fields import nmpa_label_fields
from tests.e2e.labels.conftest import Zebrash

KIT_UDI = {"01": "09506000134369", "11": "261204", "17": "281203", "10": "K2612-04"}
UNIT_UDI = {"01": "09506000134369", "11": "261204", "10": "K2612-04", "21": "SN0001"}


@pytest.fixture
def fields(plant) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with Session(plant.engine) as s:
        kit = s.scalars(select(Product).where(Product.gtin == KIT_UDI["01"])).one()
        return nmpa_label_fields(s, kit)


@pytest.mark.parametrize("dpi", SUPPORTED_DPI)
@pytest.mark.parametrize("ais", [KIT_UDI, UNIT_UDI], ids=["lot-expiry", "serial"])
def test_the_chinese_label_reads_back_exactly(
    zebrash: Zebrash, fields: dict[str, str], ais: dict[str, str], dpi: int
) -> None:
    template = load_template("udi-cn-4x2")
    udi = compose(ais)
    plan = plan_label(template, udi, fields, dpi)
    assert plan.expected == (("]d2", udi.element_string),)
    for fmt in ("pdf", "png", "zpl"):  # each decoded and compared before it is returned
        assert render_verified(template, udi, fields, dpi, fmt)
    zpl = render_zpl(template, udi, fields, dpi)
    image = zebrash.render(zpl, plan.width_mm, plan.height_mm, plan.dpmm)
    assert decode(image) == plan.expected
    chinese = [i for i in plan.items if isinstance(i, Text) and i.font == "cjk"]
    assert len(chinese) >= 6  # name, model, certificate, registrant, manufacturer, dates...
