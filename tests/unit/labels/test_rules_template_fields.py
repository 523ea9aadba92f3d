"""Every field of every shipped label template reaches the label: each setting of each field
(and of the template) is changed in turn, and the rendered label must change with it (or, for a
limit such as a text's width, the layout check must refuse a value too small). A setting that no
renderer reads, or a field that is left off, fails here by its template, field and key.

``required`` and ``default`` change nothing while the value is there: they are checked for what
they do when it is missing.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from desktop.domain.udi import ComposedUDI, compose
from desktop.labels import (
    LabelDoesNotFit,
    LabelError,
    TemplateError,
    render_pdf,
    render_png,
    render_zpl,
)
from desktop.labels.iso15223 import SYMBOL_NAMES
from desktop.labels.templates import DATA_SOURCES, Template, template_from_dict, template_names

UDI = compose(
    {"01": "09506000134352", "17": "271231", "11": "260115", "10": "ABC123", "21": "SN0001"}
)
SAMPLES = {
    "product_name": "Infusion Pump IP-300",
    "ref": "IP-300",
    "part": "BOARD-IP300",
    "part_name": "Control board",
    "quantity": "50",
    "supplier": "Circuit Works",
    "status": "QUARANTINE",
    "purpose": "UNIT",
    "lot": "SL-20417",
    "expiry": "2027-12-31",
    # the Chinese label (udi-cn-4x2), from a product's data for China
    "name_zh": "一次性使用无菌导管套件",
    "model_spec": "CK-10",
    "certificate": "注册证编号：京械注准20262140001",
    "registrant": "注册人：示例医疗器械有限公司",
    "manufacturer": "生产企业：示例医疗器械（苏州）有限公司",
    "service_life": "5年",
    "storage": "常温、干燥、避光保存",
}
#: Settings that are about the template file, not what is printed.
NOT_PRINTED = {"description", "controlled"}


def shipped(name: str) -> dict[str, Any]:
    text = resources.files("desktop.labels").joinpath("templates", f"{name}.json").read_text()
    data: dict[str, Any] = json.loads(text)
    return data


def fields_for(template: Template) -> dict[str, str]:
    return {name: SAMPLES[name] for name in template.field_names}


def zpl(data: dict[str, Any], udi: ComposedUDI = UDI) -> bytes | None:
    """The label's ZPL, or None when the changed template is not a valid, fitting one."""
    try:
        template = template_from_dict(data)
        return render_zpl(template, udi, fields_for(template))
    except (TemplateError, LabelError):
        return None


def laid_out(data: dict[str, Any]) -> bytes | str | None:
    """The label's ZPL; "does not fit" when the layout refuses it; None for an invalid file."""
    try:
        template = template_from_dict(data)
    except TemplateError:
        return None
    try:
        return render_zpl(template, UDI, fields_for(template))
    except LabelDoesNotFit:
        return "does not fit"


def _numbers(value: float, key: str) -> list[float]:
    steps = {"module_mm": 0.05, "max_module_mm": 0.05, "line_spacing": 0.1}.get(key, 0.5)
    near = [round(value + d, 3) for d in (-steps, steps, -2 * steps, 2 * steps, -4 * steps)]
    return [*near, 2.0]  # a width or module no text or symbol fits must be refused


def _sources(value: str) -> list[str]:
    kind, _, name = value.partition(":")
    others = [f"data:{s}" for s in DATA_SOURCES if s != name]
    return [f"text:{name or 'X'}X", *others] if kind != "text" else [f"{value}X", *others]


def variants(key: str, value: Any) -> list[Any]:
    """Other valid-looking values for one setting, nearest first."""
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, (int, float)):
        return _numbers(float(value), key)
    if key in ("value", "requires"):
        return _sources(str(value))
    if key in ("symbol",):
        return [s for s in SYMBOL_NAMES if s != value]
    if key == "strategy":
        return [list(reversed(value)), value[:1], ["dm_only"], ["full"], ["di"]]
    if key == "rows":
        moved = copy.deepcopy(value)
        return [[dict(r, y=r["y"] + dy) for r in moved] for dy in (-0.5, 0.5, -1.0)] + [
            [dict(r, h=r["h"] - 0.5) for r in moved],
            value[:1],
        ]
    if isinstance(value, str):
        return [f"{value}X", "X"]
    return []


def field_settings() -> Iterator[tuple[str, int, str]]:
    for name in template_names():
        for index, field in enumerate(shipped(name)["fields"]):
            for key in field:
                if key not in ("kind", "id", "required", "default"):
                    yield name, index, key


@pytest.mark.parametrize(("name", "index", "key"), list(field_settings()))
def test_each_setting_of_each_field_changes_the_label(name: str, index: int, key: str) -> None:
    data = shipped(name)
    before = laid_out(data)
    assert isinstance(before, bytes)
    tried = []
    for value in variants(key, data["fields"][index][key]):
        changed = copy.deepcopy(data)
        changed["fields"][index][key] = value
        after = laid_out(changed)
        if after is not None:
            tried.append(value)
            if after != before:  # drawn differently, or refused by the layout check
                return
    field = data["fields"][index]["id"]
    assert tried, f"{name} {field}.{key}: no other valid value to try"
    pytest.fail(f"{name} {field}.{key}: the label stays the same with {tried}")


@pytest.mark.parametrize("name", template_names())
def test_each_field_leaves_its_mark_on_the_label(name: str) -> None:
    """Taking any one field away changes the label (no field is drawn twice or not at all)."""
    data = shipped(name)
    before = zpl(data)
    for index, field in enumerate(data["fields"]):
        less = copy.deepcopy(data)
        del less["fields"][index]
        try:
            template = template_from_dict(less)
            fields = {k: v for k, v in fields_for(template).items()}
            after = render_zpl(template, UDI, fields)
        except (TemplateError, LabelError) as exc:  # e.g. the DataMatrix a strategy relies on
            assert field["kind"] == "gs1_datamatrix", exc
            continue
        assert after != before, f"{name}: the label is the same without {field['id']}"


@pytest.mark.parametrize("name", template_names())
def test_template_settings_reach_the_label(name: str) -> None:
    data = shipped(name)
    before = zpl(data)
    changes = {
        "name": f"{data['name']}-b",
        "version": data["version"] + 1,
        "width_mm": data["width_mm"] + 5,
        "height_mm": data["height_mm"] + 5,
        "default_dpi": 300 if data["default_dpi"] != 300 else 203,
    }
    for key, value in changes.items():
        assert zpl(dict(data, **{key: value})) not in (None, before), key
    assert set(data) - set(changes) - {"fields", "zpl_cjk"} <= NOT_PRINTED


@pytest.mark.parametrize("name", template_names())
def test_the_cjk_setting_reaches_chinese_text(name: str) -> None:
    data = shipped(name)
    template = template_from_dict(data)
    text_field = template.field_names[0]
    fields = dict(fields_for(template), **{text_field: "输液泵 IP-300"})
    graphic = render_zpl(template, UDI, fields)
    resident = template_from_dict(dict(data, zpl_cjk={"mode": "resident", "font": "E:ANMDS.TTF"}))
    other_font = template_from_dict(
        dict(data, zpl_cjk={"mode": "resident", "font": "E:SIMSUN.TTF"})
    )
    as_resident = render_zpl(resident, UDI, fields)
    assert as_resident != graphic
    assert b"E:ANMDS.TTF" in as_resident
    assert render_zpl(other_font, UDI, fields) != as_resident


@pytest.mark.parametrize("name", template_names())
def test_a_required_field_left_empty_is_refused_and_a_default_fills_in(name: str) -> None:
    data = shipped(name)
    template = template_from_dict(data)
    for index, field in enumerate(data["fields"]):
        if field["kind"] != "text" or not str(field["value"]).startswith("field:"):
            continue
        key = str(field["value"])[6:]
        empty = dict(fields_for(template), **{key: ""})
        required = copy.deepcopy(data)
        required["fields"][index]["required"] = True
        with pytest.raises(LabelError):
            render_zpl(template_from_dict(required), UDI, empty)
        optional = copy.deepcopy(data)
        optional["fields"][index]["required"] = False
        optional["fields"][index].pop("default", None)
        blank = render_zpl(template_from_dict(optional), UDI, empty)
        optional["fields"][index]["default"] = "N/A-DEFAULT"
        filled = render_zpl(template_from_dict(optional), UDI, empty)
        assert blank != filled, (name, field["id"])
        if not any(ord(c) >= 0x2E80 for c in field.get("prefix", "")):  # CJK: a ^GF bitmap
            assert b"N/A-DEFAULT" in filled, (name, field["id"])


@pytest.mark.parametrize(
    ("ai", "value"),
    [
        ("01", "09506000134369"),
        ("17", "281231"),
        ("11", "260116"),
        ("10", "ABC124"),
        ("21", "SN0002"),
    ],
)
@pytest.mark.parametrize("name", template_names())
def test_each_udi_element_the_template_prints_reaches_the_label(
    name: str, ai: str, value: str
) -> None:
    data = shipped(name)
    template = template_from_dict(data)
    fields = fields_for(template)
    base = {"01": "09506000134352", "17": "271231", "11": "260115", "10": "ABC123", "21": "SN0001"}
    before = render_zpl(template, compose(base), fields)
    after = render_zpl(template, compose(dict(base, **{ai: value})), fields)
    assert (after != before) == (ai in _carried(data))


def _carried(data: dict[str, Any]) -> set[str]:
    """The AIs a template prints: all of them in a symbol or the HRI, else its data: fields."""
    kinds = {f["kind"] for f in data["fields"]}
    if kinds & {"gs1_datamatrix", "gs1_128", "hri"}:
        return {"01", "17", "11", "10", "21"}
    ais = {"gtin": "01", "expiry": "17", "production_date": "11", "lot": "10", "serial": "21"}
    sources = {str(f.get("value", "")) for f in data["fields"]}
    return {ai for name, ai in ais.items() if f"data:{name}" in sources}


def test_the_raster_and_pdf_renderers_read_the_same_settings() -> None:
    """A field moved, a prefix changed or a symbol swapped shows in the PNG and the PDF too."""
    data = shipped("udi-4x2")
    template = template_from_dict(data)
    fields = fields_for(template)
    png, pdf = render_png(template, UDI, fields), render_pdf(template, UDI, fields)
    assert render_pdf(template, UDI, fields) == pdf  # the same label renders the same bytes
    gtin = next(i for i, f in enumerate(data["fields"]) if f["id"] == "gtin")
    expiry = next(i for i, f in enumerate(data["fields"]) if f["id"] == "expiry")
    changes: list[tuple[int, str, Any]] = [
        (gtin, "prefix", "GTIN: "),
        (gtin, "x", data["fields"][gtin]["x"] + 0.5),
        (expiry, "symbol", "expiry_date" if "expiry_date" in SYMBOL_NAMES else "lot"),
    ]
    for index, key, value in changes:
        changed = copy.deepcopy(data)
        changed["fields"][index][key] = value
        other = template_from_dict(changed)
        assert render_png(other, UDI, fields) != png, (key, value)
        assert render_pdf(other, UDI, fields) != pdf, (key, value)
