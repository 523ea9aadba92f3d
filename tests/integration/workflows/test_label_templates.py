"""Label template versions from a file: registered as a draft by QC, previewed with sample data
(the real render), approved with a signature, superseding the approved version; packaging prints
only the approved version, never a draft."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from desktop.services.core.errors import PermissionDenied
from desktop.services.labelling import (
    approve_template,
    print_labels,
    register_template_file,
    register_templates,
    template_preview,
    template_versions,
)
from tests.integration.workflows.qcpack_support import refused, released_pumps
from tests.support.plant import PASSWORD


def _shipped(name: str) -> dict[str, object]:
    text = resources.files("desktop.labels").joinpath("templates", f"{name}.json").read_text()
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


def _file(tmp_path: Path, data: dict[str, object], name: str = "udi-4x2-rev.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def test_a_new_version_is_a_draft_until_approved_and_then_supersedes(
    plant, printer, tmp_path: Path
) -> None:
    register_templates(plant.admin)
    assert {v.name for v in template_versions(plant.ctx("packaging"))} == {
        "udi-2x1",
        "udi-4x2",
        "udi-cn-4x2",
        "udi-ma-4x2",
    }
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    approve_template(qc, login, "udi-4x2", 1, PASSWORD, username="quinn")
    revised = _shipped("udi-4x2") | {"description": "4 x 2 inch UDI label, revision B"}
    view = register_template_file(qc, _file(tmp_path, revised))
    assert (view.name, view.version, view.status) == ("udi-4x2", 2, "draft")

    preview = template_preview(qc, "udi-4x2", 2)
    assert preview.png.startswith(b"\x89PNG") and preview.dpi == 203
    assert preview.sample["lot"] == "SAMPLE01" and preview.sample["product_name"]

    released_pumps(plant, 2)
    pack = plant.ctx("packaging")
    assert print_labels(pack, printer, "SN-000001", key="k1").template_version == 1  # not the draft
    approved = approve_template(qc, login, "udi-4x2", 2, PASSWORD)
    assert approved.status == "approved" and approved.signature is not None
    states = {(v.name, v.version): v.status for v in template_versions(qc)}
    assert states[("udi-4x2", 1)] == "retired" and states[("udi-4x2", 2)] == "approved"
    assert print_labels(pack, printer, "SN-000002", key="k2").template_version == 2


def test_packaging_cannot_print_from_a_draft(plant, printer, tmp_path: Path) -> None:
    qc = plant.ctx("qc_inspector")
    register_template_file(qc, _file(tmp_path, _shipped("udi-4x2")))
    released_pumps(plant, 1)
    refused(
        plant.engine, print_labels, plant.ctx("packaging"), printer, "SN-000001", key="k1",
        match="label template udi-4x2 has no approved version, so the label of unit SN-000001 "
        "cannot be printed: ask QC to approve version 1",
    )  # fmt: skip
    assert printer.sent == []


def test_a_bad_template_file_is_refused_with_where_and_why(plant, tmp_path: Path) -> None:
    qc = plant.ctx("qc_inspector")
    broken = tmp_path / "broken.json"
    broken.write_text('{\n "name": "udi-4x2",\n "width_mm": 101.6,,\n}', encoding="utf-8")
    refused(
        plant.engine, register_template_file, qc, broken,
        match=r"template file broken.json, line 3, column \d+: .*: fix the JSON",
    )  # fmt: skip
    outside = _shipped("udi-2x1") | {"width_mm": 20.0}
    refused(
        plant.engine, register_template_file, qc, _file(tmp_path, outside, "small.json"),
        match=r"template file small.json is not valid: .*reaches outside the 20.0 x 25.4 mm label",
    )  # fmt: skip
    refused(
        plant.engine, register_template_file, qc, tmp_path / "missing.json",
        match=r'template file ".*missing.json" cannot be read',
    )  # fmt: skip
    register_template_file(qc, _file(tmp_path, _shipped("udi-2x1"), "same.json"))
    refused(
        plant.engine, register_template_file, qc, _file(tmp_path, _shipped("udi-2x1"), "same.json"),
        match=r"template file same.json is the same as udi-2x1 version 1 \(draft\)",
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        register_template_file(plant.ctx("packaging"), tmp_path / "same.json")
