"""Our ZPL, proven by an independent engine: zpl-renderer-js (zebrash) renders it to PNG and
zxing-cpp must decode every symbol to exactly the intended data, on both templates.

Runs whenever node and node_modules/zpl-renderer-js are there; with CI=true it must run.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PIL import ImageOps

from desktop.labels import SUPPORTED_DPI, plan_label, render_zpl
from desktop.labels.items import Plan, Text
from desktop.labels.verify import decode
from tests.e2e.labels.conftest import Zebrash
from tests.unit.labels.label_data import FIELDS, typical, udis

LIMITS = {"udi-4x2": 20, "udi-2x1": 12}


def zebrash_reads(zebrash: Zebrash, zpl: bytes, plan: Plan) -> list[tuple[str, str]]:
    image = zebrash.render(zpl, plan.width_mm, plan.height_mm, plan.dpmm)
    return sorted(decode(image))


@pytest.mark.parametrize("name", ["udi-4x2", "udi-2x1"])
@pytest.mark.parametrize("dpi", SUPPORTED_DPI)
def test_typical_label(zebrash: Zebrash, name: str, dpi: int) -> None:
    udi = typical()
    plan = plan_label(name, udi, FIELDS, dpi)
    zpl = render_zpl(name, udi, FIELDS, dpi)
    assert zebrash_reads(zebrash, zpl, plan) == sorted(plan.expected)


@pytest.mark.parametrize("name", ["udi-4x2", "udi-2x1"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), dpi=st.sampled_from(SUPPORTED_DPI))
def test_generated_labels(zebrash: Zebrash, name: str, data: st.DataObject, dpi: int) -> None:
    udi = data.draw(udis(LIMITS[name], LIMITS[name]))
    plan = plan_label(name, udi, FIELDS, dpi)
    zpl = render_zpl(name, udi, FIELDS, dpi)
    assume(not ends_with_escape_and_one_character(plan, zpl))  # zebrash bug, see the xfail below
    assert zebrash_reads(zebrash, zpl, plan) == sorted(plan.expected)


def test_split_gs1_128(zebrash: Zebrash) -> None:
    udi = typical(_10="LOT-2026-ABC", _21="")
    plan = plan_label("udi-4x2", udi, FIELDS, 203)
    assert len(plan.expected) == 3
    assert zebrash_reads(zebrash, render_zpl("udi-4x2", udi, FIELDS, 203), plan) == sorted(
        plan.expected
    )


def test_command_characters_in_the_product_name_print_as_text(zebrash: Zebrash) -> None:
    udi = typical()
    hostile = {"product_name": "Pump ^XZ^XA ~JA 5_1"}
    plan = plan_label("udi-4x2", udi, hostile, 203)
    zpl = render_zpl("udi-4x2", udi, hostile, 203)
    image = zebrash.render(zpl, plan.width_mm, plan.height_mm, plan.dpmm)
    assert sorted(decode(image)) == sorted(plan.expected)  # ^XZ did not end the label early
    name = next(i for i in plan.items if isinstance(i, Text) and i.text.startswith("Pump"))
    same_width = {"product_name": "Pump _XZ_XA _JA 5_1"}  # "^" and "~" swapped for "_"
    reference = zebrash.render(render_zpl("udi-4x2", udi, same_width, 203), 101.6, 50.8, 8)
    box = (0, name.y, plan.width, name.y + name.size)
    inked = ImageOps.invert(image.convert("L").crop(box)).getbbox()
    reference_inked = ImageOps.invert(reference.convert("L").crop(box)).getbbox()
    assert inked is not None and reference_inked is not None
    assert inked[2] == pytest.approx(reference_inked[2], abs=6)  # the whole line was drawn


def ends_with_escape_and_one_character(plan: Plan, zpl: bytes) -> bool:
    """True when a ^BC field ends with an escape (>0 for '>') and one more character."""
    fields = re.findall(rb"\^BCN[^\^]*\^FD([^\^]*)\^FS", zpl)
    return any(re.search(rb">[0<=].$", field) for field in fields)


@pytest.mark.xfail(
    strict=True,
    reason="zebrash bug: a ^BC field ending in '>0' + one character loses that character "
    "(EncodeNoMode only adds the last character outside an escape); the ZPL II manual's '>0' "
    "is right, so the ZPL is kept and this documents the engine's limit",
)
def test_zebrash_drops_the_character_after_a_final_escape(zebrash: Zebrash) -> None:
    udi = typical(_11="", _17="", _21="", _10="A>B")
    plan = plan_label("udi-4x2", udi, FIELDS, 203)
    zpl = render_zpl("udi-4x2", udi, FIELDS, 203)
    assert ends_with_escape_and_one_character(plan, zpl)
    assert zebrash_reads(zebrash, zpl, plan) == sorted(plan.expected)
