"""ZPL II output: structure, ^BX escape and FNC1, ^BC mode N, ^FH escaping, read-back."""

from __future__ import annotations

import re

import pytest

from desktop.labels import load_template, plan_label, render_zpl
from desktop.labels.items import Linear
from desktop.labels.zpl import bx_field_data, fh_escape, zpl_from_plan
from desktop.labels.zpl_check import plan_from_zpl
from tests.unit.labels.label_data import FIELDS, typical


@pytest.mark.parametrize(("dpi", "width", "height"), [(203, 812, 406), (300, 1219, 609)])
def test_frame_commands(dpi: int, width: int, height: int) -> None:
    zpl = render_zpl(load_template("udi-4x2"), typical(), FIELDS, dpi).decode("utf-8")
    lines = zpl.splitlines()
    assert lines[:3] == ["^XA", "^CI28", f"^PW{width}^LL{height}^LH0,0"]
    assert lines[-2:] == ["^PQ1,0,1,Y", "^XZ"]
    assert all(re.fullmatch(r"\^FO\d+,\d+", line[: line.index("^", 1)]) for line in lines[4:-2])


def test_datamatrix_sets_the_escape_character_and_writes_fnc1_with_it() -> None:
    udi = typical()
    zpl = render_zpl("udi-4x2", udi, FIELDS, 203).decode("utf-8")
    (field,) = re.findall(r"\^BXN,\d+,200,(\d+),(\d+),,#\^FD([^^]*)\^FS", zpl)
    assert field[0] == field[1]  # planned square size, given explicitly
    assert field[2] == "#1" + udi.element_string.replace("\x1d", "#1")
    assert bx_field_data("10A_1\x1d21B") == "#110A_1#121B"  # "_1" in data stays data


def test_gs1_128_is_mode_n_with_start_c_and_fnc1_and_no_return_to_subset_c() -> None:
    zpl = render_zpl("udi-4x2", typical(_10="LOT-2026-ABC", _21=""), FIELDS, 203).decode()
    fields = re.findall(r"\^BY\d+\^BCN,\d+,N,N,N,N\^FD([^^]*)\^FS", zpl)
    assert fields == [">;>80109506000134352", ">;>8172712311126011510>6LOT-2026-ABC"]
    assert ">5" not in zpl


def test_text_with_zpl_command_characters_is_hex_escaped() -> None:
    name = "Pump ^XZ ~JA _1 µ"
    zpl = render_zpl("udi-4x2", typical(), {"product_name": name}, 203).decode("utf-8")
    line = next(x for x in zpl.splitlines() if "Pump" in x)
    assert line.endswith("^FH_^FDPump _5EXZ _7EJA _5F1 _C2_B5^FS")
    assert zpl.count("^XZ") == 1 and "~" not in zpl
    assert fh_escape("a^b") == "a_5Eb"


def test_reading_our_zpl_back_gives_the_planned_symbols() -> None:
    plan = plan_label("udi-4x2", typical(), FIELDS, 300)
    back = plan_from_zpl(zpl_from_plan(plan), plan)
    assert back == plan
    linear = [i for i in plan.items if isinstance(i, Linear)]
    assert len(linear) == 2
