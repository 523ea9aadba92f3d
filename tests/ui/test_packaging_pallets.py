"""Pallets at the packaging station, driven with scans from the simulated scanner: a new pallet,
a closed case scanned onto it, unpacked again with a reason (refused without one), put back,
the pallet closed; a pallet's label scanned makes it the current pallet (both databases)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.states import Status
from desktop.services.packing import close_case, create_case, pack_unit
from desktop.views.packaging import PackagingScreen
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    item,
    label_all,
    released_pumps,
)
from tests.support.plant import Plant
from tests.ui.conftest import FakePrinter, OpenScreen, scan, settle


def _press(qtbot: Any, screen: PackagingScreen, key: Qt.Key) -> None:
    qtbot.keyClick(screen, key)
    settle(qtbot, screen)


def _scanned(qtbot: Any, screen: PackagingScreen, text: str) -> None:
    scan(qtbot, screen, text)
    settle(qtbot, screen)


def test_build_unpack_and_close_a_pallet(plant: Plant, open_screen: OpenScreen, qtbot: Any) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 4)
    label_all(plant, FakePrinter(), built.serials)
    pack = plant.ctx("packaging")
    case = create_case(pack).sscc
    for serial in built.serials:
        pack_unit(pack, case, serial)
    close_case(pack, case)
    screen = open_screen(PackagingScreen, plant, "packaging", FakePrinter())
    screen.activateWindow()
    qtbot.waitActive(screen)
    settle(qtbot, screen)
    bar = screen.pallet_bar
    assert bar.pallet.text() == "No pallet: scan a pallet label, or F6 for a new one"

    _press(qtbot, screen, Qt.Key.Key_F6)
    pallet = screen.pallets.pallet
    assert pallet is not None and pallet.status is Status.OPEN
    assert screen.result.title.text() == f"✔  New pallet: SSCC {pallet.sscc}"
    _scanned(qtbot, screen, "]C100" + case)
    assert bar.pallet.text() == f"Pallet SSCC {pallet.sscc} · 1 cases · open"
    assert item(plant.engine, sscc=case).status == Status.PACKED

    _press(qtbot, screen, Qt.Key.Key_F3)
    assert screen.result.refused and screen.result.title.text() == "✖  No reason"
    _press(qtbot, screen, Qt.Key.Key_Return)
    bar.reason.setText("wrong pallet for St Mary's")
    _press(qtbot, screen, Qt.Key.Key_F3)
    _scanned(qtbot, screen, "]C100" + case)
    assert screen.result.title.text() == f"✔  Taken out of {pallet.sscc}", (
        screen.result.detail.text()
    )
    assert bar.pallet.text() == f"Pallet SSCC {pallet.sscc} · 0 cases · open"
    assert item(plant.engine, sscc=case).status == Status.CLOSED and bar.reason.text() == ""

    screen.pallets._show(None)  # another packer's pallet: scanning its label makes it current
    _scanned(qtbot, screen, "]C100" + pallet.sscc)
    assert screen.pallets.pallet is not None and screen.pallets.pallet.sscc == pallet.sscc
    _scanned(qtbot, screen, "]C100" + case)
    _press(qtbot, screen, Qt.Key.Key_F4)
    assert screen.result.title.text() == f"✔  Pallet closed: SSCC {pallet.sscc}"
    assert item(plant.engine, sscc=pallet.sscc).status == Status.CLOSED
    assert bar.pallet.text() == f"Pallet SSCC {pallet.sscc} · 1 cases · closed"
