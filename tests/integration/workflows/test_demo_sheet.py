"""`lotline demo-sheet --out FILE.pdf`: the demo plant's barcodes, rasterised and read back with
zxing-cpp (an independent decoder) as exactly the badges, commands, units and lots the demo
floor holds; a database that is not the demo plant is refused. Both databases."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image

from desktop.cli import main
from desktop.services.core.context import Actor, Context
from desktop.services.masterdata import demo_floor
from tests.support.plant import Plant

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm")


def _read_back(pdf: Path, tmp_path: Path) -> list[tuple[str, str]]:
    """Every barcode on every page: (text, symbology identifier)."""
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(tmp_path / "page")], check=True)
    found: list[tuple[str, str]] = []
    for page in sorted(tmp_path.glob("page*.png")):
        for code in zxingcpp.read_barcodes(Image.open(page)):
            found.append((code.text, code.symbology_identifier))
    return found


def test_the_sheet_holds_every_barcode_of_the_demo_floor(
    database_url: str, engine: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo.pdf"
    assert main(["demo-sheet", "--out", str(out), "--database", database_url]) == 0
    said = capsys.readouterr().out
    floor = demo_floor(Context(engine, Actor.system("test")))
    assert floor is not None and len(floor.serials) == 10 and len(floor.housings) == 10
    expected = {
        *(b.badge for b in floor.badges),
        "PASS",
        "FAIL",
        "NEXT",
        *floor.serials,
        *floor.housings,
        floor.board_lot,
    }
    assert said == f"{out}: {len(expected)} barcodes of the demo plant (WO-DEMO-1)\n"
    read = _read_back(out, tmp_path)
    assert sorted(text for text, _ in read) == sorted(expected)  # each once, nothing else
    assert {aim for _, aim in read} == {"]C0"}  # plain Code 128, as a scanner reports it
    assert "B-1001" in expected and "SN-000001" in expected


def test_a_second_sheet_reads_the_same_floor_back(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main(["demo-sheet", "--out", str(first), "--database", database_url]) == 0
    assert main(["demo-sheet", "--out", str(second), "--database", database_url]) == 0
    assert first.read_bytes() == second.read_bytes()  # the floor is made once


def test_a_database_that_is_not_the_demo_plant_is_refused(
    plant: Plant, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo.pdf"
    assert main(["demo-sheet", "--out", str(out), "--database", database_url]) == 1
    err = capsys.readouterr().err
    assert "holds no demo plant floor (work order WO-DEMO-1)" in err and not out.exists()


def test_an_unwritable_output_is_refused_with_its_name(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / "demo.pdf"
    assert main(["demo-sheet", "--out", str(out), "--database", database_url]) == 1
    assert f"cannot write {out}" in capsys.readouterr().err
