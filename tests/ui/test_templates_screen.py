"""The label templates screen as QC uses it: the registered versions, a bad file refused, a new
version registered from a file, its real render previewed with sample data, approved with a
signature that supersedes the approved version."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.services.labelling import approve_template, register_templates
from desktop.views.templates import TemplatesScreen
from tests.support.plant import PASSWORD, Plant
from tests.ui.conftest import OpenScreen, scan, settle


def test_register_preview_and_signed_approval_superseding(
    plant: Plant, open_screen: OpenScreen, qtbot: Any, tmp_path: Path
) -> None:
    register_templates(plant.admin)
    approve_template(
        plant.ctx("qc_inspector"), plant.login("qc_inspector"), "udi-4x2", 1, PASSWORD,
        username="quinn",
    )  # fmt: skip
    screen = open_screen(TemplatesScreen, plant, "qc_inspector")
    settle(qtbot, screen)
    assert [(v.name, v.version, v.status) for v in screen.versions] == [
        ("udi-2x1", 1, "draft"),
        ("udi-4x2", 1, "approved"),
        ("udi-cn-4x2", 1, "draft"),
        ("udi-ma-4x2", 1, "draft"),
    ]
    assert screen.table.item(1, 3).text().startswith("Quinn Inspector (quinn), ")

    broken = tmp_path / "udi-4x2-revB.json"
    broken.write_text('{"name": "udi-4x2",\n "width_mm": }', encoding="utf-8")
    screen.file.setText(str(broken))
    qtbot.keyClick(screen, Qt.Key.Key_F6)
    settle(qtbot, screen)
    assert screen.result.refused
    assert "template file udi-4x2-revB.json, line 2, column" in screen.result.detail.text()

    shipped = resources.files("desktop.labels").joinpath("templates", "udi-4x2.json")
    data = json.loads(shipped.read_text("utf-8")) | {"description": "UDI label, revision B"}
    broken.write_text(json.dumps(data), encoding="utf-8")
    qtbot.keyClick(screen, Qt.Key.Key_F6)
    settle(qtbot, screen)
    assert screen.result.title.text() == "✔  udi-4x2 version 2 registered as a draft"
    assert screen.preview is not None and screen.preview.version.version == 2
    assert screen.heading.text() == "udi-4x2 version 2 · draft"
    assert not screen.view.original.isNull()  # the real render, as an image
    assert "lot SAMPLE01" in screen.sample.text()
    assert screen.prompt.text() == "Check the preview, then approve (F9)"

    scan(qtbot, screen, "udi-4x2")
    assert "scans are not used here" in screen.result.detail.text()
    qtbot.keyClick(screen, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: screen.dialog is not None and screen.dialog.isVisible())
    dialog = screen.dialog
    assert dialog is not None
    assert dialog.what.text() == "Label template udi-4x2 version 2 (supersedes version 1)"
    assert dialog.meaning.text() == "Label template approved"
    dialog.username.setText("quinn")
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    assert screen.result.title.text() == "✔  udi-4x2 version 2 approved"
    states = {(v.name, v.version): v.status for v in screen.versions}
    assert states[("udi-4x2", 1)] == "retired" and states[("udi-4x2", 2)] == "approved"
