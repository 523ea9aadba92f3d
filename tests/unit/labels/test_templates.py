"""Templates are data: JSON loaded into frozen dataclasses, validated with clear messages."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.labels import TemplateError, load_template, load_template_file, template_names
from desktop.labels.templates import DataMatrixField, Gs1128Field, template_from_dict

SHIPPED = Path(__file__).resolve().parents[3] / "desktop" / "labels" / "templates"


def raw(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SHIPPED / f"{name}.json").read_text("utf-8"))
    return data


def test_two_udi_templates_are_shipped_with_their_sizes() -> None:
    # beside them: the uncontrolled bin and serial labels (material-lot*, serial)
    assert template_names() == (
        "material-lot",
        "material-lot-text",
        "serial",
        "udi-2x1",
        "udi-4x2",
        "udi-cn-4x2",
        "udi-ma-4x2",
    )
    for name in template_names():
        assert load_template(name).name == name
    big, small = load_template("udi-4x2"), load_template("udi-2x1")
    assert (big.width_mm, big.height_mm) == (101.6, 50.8)
    assert (small.width_mm, small.height_mm) == (50.8, 25.4)
    for template in (big, small):
        assert template.version >= 1
        assert template.field_names == ("product_name", "ref")
        kinds = {type(f) for f in template.fields}
        assert DataMatrixField in kinds and Gs1128Field in kinds


def test_templates_are_frozen() -> None:
    template = load_template("udi-4x2")
    with pytest.raises(dataclasses.FrozenInstanceError):
        template.name = "other"  # type: ignore[misc]


def test_unknown_template_names_the_choices() -> None:
    with pytest.raises(TemplateError, match=r"no label template named 'udi-9x9': choose one of"):
        load_template("udi-9x9")


def test_unknown_field_kind_is_refused() -> None:
    data = raw("udi-2x1")
    data["fields"][0]["kind"] = "txt"
    with pytest.raises(TemplateError, match="kind 'txt': use text, symbol"):
        template_from_dict(data)


def test_a_field_outside_the_label_is_refused() -> None:
    data = raw("udi-2x1")
    data["fields"][0]["w"] = 80.0
    with pytest.raises(TemplateError, match=r"reaches outside the 50\.8 x 25\.4 mm label"):
        template_from_dict(data)


def test_bad_value_source_and_strategy_are_refused() -> None:
    data = raw("udi-2x1")
    data["fields"][0]["value"] = "data:colour"
    with pytest.raises(TemplateError, match="must be field:NAME"):
        template_from_dict(data)
    data = raw("udi-2x1")
    data["fields"][7]["strategy"] = ["zigzag"]
    with pytest.raises(TemplateError, match="strategy"):
        template_from_dict(data)


def test_missing_entries_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"name": "x", "version": 1, "fields": []}), "utf-8")
    with pytest.raises(TemplateError, match="missing or malformed entry 'width_mm'"):
        load_template_file(path)
    path.write_text("{", "utf-8")
    with pytest.raises(TemplateError, match="cannot read template"):
        load_template_file(path)


def test_a_partial_gs1_128_strategy_needs_a_datamatrix() -> None:
    data = raw("udi-2x1")
    data["fields"] = [f for f in data["fields"] if f["kind"] != "gs1_datamatrix"]
    with pytest.raises(TemplateError, match=r"strategy \['di'\] leaves data to a GS1 DataMatrix"):
        template_from_dict(data)
