"""`lotline service ...` as a service system would run it: install a shipped pump, take it back
under an RMA with the reason, repair it by replacing its board (a refusal on stderr with exit 1
when the old part is not in the unit), all on both databases."""

from __future__ import annotations

import io
from typing import Any

import pytest

from desktop.cli import main
from desktop.domain.states import Status
from desktop.services.distribution import ship
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    item,
    label_all,
    released_pumps,
)
from tests.support.plant import PASSWORD

STMARY = "9506000000015"


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: Any, url: str, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main([*args, "--by", "sam", "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def test_install_return_and_repair_from_the_command_line(
    plant, printer, database_url: str, capsys, monkeypatch
) -> None:
    approve_templates(plant)
    built = released_pumps(plant, 1)
    label_all(plant, printer, built.serials)
    serial = built.serials[0]
    ship(plant.ctx("packaging"), "CUST-STMARY", STMARY, [serial])
    plant.receive("BOARD-IP300", "BRD-SPARE", 3, supplier="SUP-BOARDS")
    url = database_url
    code, out, err = run(
        capsys, monkeypatch, url, "service", "record", serial, "installation", "--site", STMARY
    )
    assert code == 0 and "installation at St Mary's Central Pharmacy" in out, err
    code, out, err = run(
        capsys, monkeypatch, url, "service", "return", serial, "--rma", "RMA-0042",
        "--reason", "display dead",
    )  # fmt: skip
    assert code == 0 and out.rstrip().endswith("unit returned; RMA-0042: display dead"), err
    code, _, err = run(
        capsys, monkeypatch, url, "service", "replace", serial, "--old", "BRD-SPARE",
        "--new", "BRD-SPARE", "--reason", "display dead",
    )  # fmt: skip
    assert code == 1 and f"lot BRD-SPARE is not built into unit {serial}" in err
    board = built.lot  # not a board: the pump's own lot is refused the same way
    code, _, err = run(
        capsys, monkeypatch, url, "service", "replace", serial, "--old", board,
        "--new", "BRD-SPARE", "--reason", "display dead",
    )  # fmt: skip
    assert code == 1 and err.startswith("lotline: ")
    from tests.integration.workflows.test_repair import _links

    unit = item(plant.engine, serial=serial)
    old_board = _links(plant.engine, unit.id)[1][0]
    code, out, err = run(
        capsys, monkeypatch, url, "service", "replace", serial, "--old", old_board,
        "--new", "BRD-SPARE", "--reason", "display dead",
    )  # fmt: skip
    assert code == 0 and f"(removed lot {old_board}, fitted lot BRD-SPARE)" in out, err
    assert item(plant.engine, serial=serial).status == Status.RETURNED
