"""Label round trips: render -> rasterise -> decode with zxing-cpp -> compare with the UDI.

PNG is decoded as rendered; the PDF is rasterised by poppler's pdftoppm at the label's dpi.
The DataMatrix must read ]d2 + exactly the element string, each GS1-128 ]C1 + exactly its part.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.udi import ComposedUDI
from desktop.labels import SUPPORTED_DPI, plan_label, render_pdf, render_png, verify_label
from desktop.labels.items import Plan
from tests.unit.labels.label_data import FIELDS, typical, udis

SLOW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Lot and serial lengths that the text rows of each template always hold (even "WWW…").
LIMITS = {"udi-4x2": 20, "udi-2x1": 12}


def assert_reads_back(image: bytes, udi: ComposedUDI, plan: Plan) -> None:
    exact = verify_label(image, udi, plan.expected, dpi=plan.dpi)
    assert exact.ok, exact.reasons
    assert ("]d2", udi.element_string) in exact.decoded
    assert sorted(exact.decoded) == sorted(plan.expected)
    generic = verify_label(image, udi, dpi=plan.dpi)  # without the plan: the generic rules
    assert generic.ok, generic.reasons


@pytest.mark.parametrize("name", ["udi-4x2", "udi-2x1"])
@SLOW
@given(data=st.data(), dpi=st.sampled_from(SUPPORTED_DPI))
def test_png_round_trip(name: str, data: st.DataObject, dpi: int) -> None:
    udi = data.draw(udis(LIMITS[name], LIMITS[name]))
    plan = plan_label(name, udi, FIELDS, dpi)
    assert_reads_back(render_png(name, udi, FIELDS, dpi), udi, plan)


@pytest.mark.parametrize("name", ["udi-4x2", "udi-2x1"])
@SLOW
@given(data=st.data(), dpi=st.sampled_from(SUPPORTED_DPI))
def test_pdf_round_trip(name: str, data: st.DataObject, dpi: int, pdftoppm: str) -> None:
    udi = data.draw(udis(LIMITS[name], LIMITS[name]))
    plan = plan_label(name, udi, FIELDS, dpi)
    assert_reads_back(render_pdf(name, udi, FIELDS, dpi), udi, plan)


@pytest.mark.parametrize("dpi", SUPPORTED_DPI)
def test_long_data_split_over_two_gs1_128_reads_back(dpi: int, pdftoppm: str) -> None:
    udi = typical(_10="LOT-2026-ABC", _21="")
    plan = plan_label("udi-4x2", udi, FIELDS, dpi)
    assert [d for a, d in plan.expected if a == "]C1"] == [
        "0109506000134352",
        "172712311126011510LOT-2026-ABC",
    ]
    assert_reads_back(render_pdf("udi-4x2", udi, FIELDS, dpi), udi, plan)
    assert_reads_back(render_png("udi-4x2", udi, FIELDS, dpi), udi, plan)
