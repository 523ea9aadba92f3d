"""The layout check: boxes with quiet zones at every dpi, the GS1-128 arrangement, refusals."""

from __future__ import annotations

import pytest

from desktop.domain.udi import compose
from desktop.labels import LabelDoesNotFit, LabelError, load_template, plan_label
from desktop.labels.code128 import QUIET_ZONE_MODULES, symbol_modules
from desktop.labels.items import DataMatrix, Linear, Text
from desktop.labels.templates import Template, template_from_dict
from tests.unit.labels.label_data import FIELDS, typical

LONG_LOT = "LOT-2026-ABCDEFGHIJK"  # 20 characters
LONG_SERIAL = "SN-0000000000000001X"


@pytest.mark.parametrize("dpi", [203, 300, 600])
@pytest.mark.parametrize("name", ["udi-4x2", "udi-2x1"])
def test_quiet_zones_lie_inside_the_label(name: str, dpi: int) -> None:
    plan = plan_label(name, typical(), FIELDS, dpi)
    for item in plan.items:
        if isinstance(item, DataMatrix):
            quiet = item.module
            side = item.size * item.module
            assert item.x - quiet >= 0 and item.y - quiet >= 0
            assert item.x + side + quiet <= plan.width and item.y + side + quiet <= plan.height
        if isinstance(item, Linear):
            quiet = QUIET_ZONE_MODULES * item.module
            width = symbol_modules(item.codewords) * item.module
            assert item.x - quiet >= 0 and item.x + width + quiet <= plan.width
            assert item.y + item.height <= plan.height
        if isinstance(item, Text):
            assert item.y >= 0 and item.y + item.size <= plan.height


def test_short_data_goes_in_one_gs1_128() -> None:
    udi = typical(_11="", _10="A1", _21="")
    plan = plan_label("udi-4x2", udi, FIELDS, 203)
    assert plan.expected == (("]d2", udi.element_string), ("]C1", udi.element_string))


def test_long_data_is_split_into_udi_di_and_udi_pi() -> None:
    udi = typical(_10="LOT-2026-ABC", _21="")
    plan = plan_label("udi-4x2", udi, FIELDS, 203)
    parts = [data for aim, data in plan.expected if aim == "]C1"]
    assert parts == ["0109506000134352", "172712311126011510LOT-2026-ABC"]


def test_pi_too_wide_for_its_row_leaves_the_udi_to_the_datamatrix() -> None:
    udi = typical(_10=LONG_LOT, _21="")  # 38 characters, but 99 mm wide at 0.25 mm modules
    plan = plan_label("udi-4x2", udi, FIELDS, 203)
    assert plan.expected == (("]d2", udi.element_string),)


def test_pi_over_48_characters_leaves_the_udi_to_the_datamatrix() -> None:
    udi = typical(_10=LONG_LOT, _21=LONG_SERIAL)
    plan = plan_label("udi-4x2", udi, FIELDS, 203)
    assert plan.expected == (("]d2", udi.element_string),)
    assert not [i for i in plan.items if isinstance(i, Linear)]
    hri = " ".join(i.text for i in plan.items if isinstance(i, Text))
    assert LONG_LOT in hri and LONG_SERIAL in hri  # the HRI still shows everything


def test_small_label_carries_the_udi_di_when_the_whole_udi_is_too_wide() -> None:
    plan = plan_label("udi-2x1", typical(), FIELDS, 300)
    assert [d for a, d in plan.expected if a == "]C1"] == ["0109506000134352"]
    only_di = compose({"01": "09506000134352"})
    assert plan_label("udi-2x1", only_di, FIELDS, 300).expected[1] == ("]C1", "0109506000134352")


def test_too_long_for_the_small_label_is_refused_with_the_way_out() -> None:
    udi = typical(_21="WWWWWWWWWWWWWWWWWWWW")
    with pytest.raises(LabelDoesNotFit) as refused:
        plan_label("udi-2x1", udi, FIELDS, 300)
    message = str(refused.value)
    assert "the serial 'WWWWWWWWWWWWWWWWWWWW' is 37.6 mm wide" in message
    assert "the udi-2x1 label has 36.8 mm for it: use udi-4x2" in message


def test_a_datamatrix_too_big_for_its_box_is_refused() -> None:
    fields = {"01": "09506000134352", "17": "271231", "10": "L" * 20, "21": "S" * 20}
    fields |= {"240": "A" * 30, "91": "B" * 60}
    with pytest.raises(LabelDoesNotFit, match=r"needs a \d+x\d+ GS1 DataMatrix, [\d.]+ mm square"):
        plan_label("udi-2x1", compose(fields), FIELDS, 203)


def test_gs1_128_too_wide_without_fallback_is_refused_naming_the_value() -> None:
    template = _one_row_template(strategy=["full"], width=38.0)
    udi = typical(_11="", _17="", _21="", _10="X1234567")
    with pytest.raises(LabelDoesNotFit) as refused:
        plan_label(template, udi, {}, 203)
    message = str(refused.value)
    assert message.startswith("lot 'X1234567' makes the GS1-128 ")
    assert "mm wide with its quiet zones; the tiny label has 38.0 mm for it" in message


def test_gs1_128_never_truncates_over_48_characters() -> None:
    template = _one_row_template(strategy=["full"], width=200.0, label_width=210.0)
    udi = typical(_10=LONG_LOT, _21=LONG_SERIAL)
    with pytest.raises(LabelDoesNotFit, match="more than the 48 one symbol can hold"):
        plan_label(template, udi, {}, 203)


def test_template_text_fields_are_checked() -> None:
    with pytest.raises(LabelError, match="give it with --field product_name=VALUE"):
        plan_label("udi-4x2", typical(), {}, 203)
    with pytest.raises(LabelError, match="has no field 'colour'"):
        plan_label("udi-4x2", typical(), {**FIELDS, "colour": "red"}, 203)
    with pytest.raises(LabelError, match="which the label font cannot print"):
        plan_label("udi-4x2", typical(), {"product_name": "泵 \U0001f600"}, 203)


def test_product_name_too_long_is_refused() -> None:
    with pytest.raises(LabelDoesNotFit, match=r"the product name 'Infusion Pump IP-300 Inf…' is"):
        plan_label("udi-2x1", typical(), {"product_name": "Infusion Pump IP-300 " * 4}, 203)


def test_unsupported_dpi_is_refused() -> None:
    with pytest.raises(ValueError, match="dpi 250 is not supported: choose one of 203, 300, 600"):
        plan_label(load_template("udi-4x2"), typical(), FIELDS, 250)


def _one_row_template(strategy: list[str], width: float, label_width: float = 40.0) -> Template:
    return template_from_dict(
        {
            "name": "tiny",
            "version": 1,
            "width_mm": label_width,
            "height_mm": 30.0,
            "fields": [
                {"kind": "gs1_datamatrix", "id": "dm", "x": 0.5, "y": 0.5, "w": 18, "h": 18,
                 "module_mm": 0.25},
                {"kind": "gs1_128", "id": "linear", "module_mm": 0.25, "bar_height_mm": 5,
                 "strategy": strategy, "rows": [{"x": 1.0, "y": 20.0, "w": width, "h": 5}]},
            ],
        }
    )  # fmt: skip
