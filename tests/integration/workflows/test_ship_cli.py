"""`lotline ship ...` as a plant's script would run it: open a shipment, scan onto it (an
unreleased unit refused with its reason on stderr, exit 1), write the delivery note PDF, confirm,
record the proof of delivery, list (both databases)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.domain.states import Status
from tests.integration.workflows.qcpack_support import (
    approve_templates,
    build_pumps,
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
    code = main([*args, "--by", "pat", "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def test_ship_create_add_note_confirm_pod_list(
    plant, printer, database_url: str, capsys, monkeypatch, tmp_path: Path
) -> None:
    approve_templates(plant)
    build_pumps(plant, 1)  # SN-000001: not released
    built = released_pumps(plant, 2)
    label_all(plant, printer, built.serials)
    url = database_url
    code, out, err = run(capsys, monkeypatch, url, "ship", "create", "CUST-STMARY", STMARY)
    assert code == 0, err
    number = out.split("\t")[0]
    assert number.startswith("SHP-") and "\topen\t0 lines" in out
    code, _, err = run(capsys, monkeypatch, url, "ship", "add", number, "SN-000001")
    assert code == 1
    assert err.startswith('lotline: scan "SN-000001": unit SN-000001 is in production: only ')
    code, out, err = run(capsys, monkeypatch, url, "ship", "add", number, *built.serials)
    assert code == 0, err
    assert out.splitlines()[-1] == f"added unit {built.serials[1]}: 2 on {number}"
    note = tmp_path / "note.pdf"
    code, out, err = run(capsys, monkeypatch, url, "ship", "note", number, "--out", str(note))
    assert code == 0, err
    assert note.read_bytes().startswith(b"%PDF") and "0 cases and pallets, 2 units" in out
    code, _, err = run(capsys, monkeypatch, url, "ship", "note", number, "--out", "note.txt")
    assert code == 1 and "--out note.txt: give a .pdf file" in err
    code, out, err = run(capsys, monkeypatch, url, "ship", "confirm", number)
    assert code == 0 and "\tshipped " in out, err
    assert item(plant.engine, serial=built.serials[0]).status == Status.SHIPPED
    code, _, err = run(
        capsys, monkeypatch, url, "ship", "pod", number, "--signed-by", "R. Chen", "--at", "soon"
    )
    assert code == 1 and '--at "soon" is not a time' in err
    code, _, err = run(
        capsys, monkeypatch, url, "ship", "pod", number, "--signed-by", "R. Chen",
        "--at", "2000-01-01T10:00",
    )  # fmt: skip
    assert code == 1 and "it cannot have been delivered before that" in err
    code, out, err = run(
        capsys, monkeypatch, url, "ship", "pod", number, "--signed-by", "R. Chen",
        "--at", "2999-01-01T10:00+08:00",
    )  # fmt: skip
    assert code == 1 and "is in the future" in err
    now = datetime.now(UTC).isoformat()
    code, out, err = run(
        capsys, monkeypatch, url, "ship", "pod", number, "--signed-by", "R. Chen", "--at", now
    )
    assert code == 0 and "signed by R. Chen" in out, err
    code, out, err = run(capsys, monkeypatch, url, "ship", "list", "--status", "shipped")
    assert code == 0 and out.startswith(f"{number}\tCUST-STMARY\t"), err
    assert "signed by R. Chen" in out
