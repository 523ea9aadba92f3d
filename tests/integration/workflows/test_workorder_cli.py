"""`lotline workorder ...`, `lotline device ...` and `lotline qualification ...` as a plant's
script or ERP would run them: the password on stdin, one line per result, refusals and bad
files as clear lines with exit 1 and nothing written. Both databases."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from tests.integration.workflows.test_execution_support import PUMP
from tests.support.plant import ADMIN_PASSWORD, PASSWORD


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: Any,
    url: str,
    *args: str,
    password: str = PASSWORD,
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    code = main([*args, "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_work_order_from_creation_to_close(plant, database_url: str, capsys, monkeypatch) -> None:
    code, out, err = run(
        capsys, monkeypatch, database_url, "workorder", "create", "WO-1", PUMP, "2",
        "--due", "2031-05-01", "--by", "sam",
    )  # fmt: skip
    assert code == 0, err
    assert out == "work order WO-1: 2 x Infusion Pump IP-300, lot generated at release, created\n"
    code, out, err = run(
        capsys, monkeypatch, database_url, "workorder", "release", "WO-1", "--by", "sam"
    )
    assert code == 0 and out.startswith("work order WO-1 released: lot L"), err
    code, out, err = run(
        capsys, monkeypatch, database_url, "workorder", "commission", "WO-1", "2", "--by", "sam"
    )
    assert code == 0 and "2 serials commissioned" in out, err
    code, out, _ = run(capsys, monkeypatch, database_url, "workorder", "list", "--steps")
    assert (
        "WO-1" in out and "due 2031-05-01" in out and "made 2, built 0, scrapped 0, open 2" in out
    )
    assert "step 4 Weigh assembled pump: 0 passed" in out
    code, out, err = run(
        capsys, monkeypatch, database_url, "workorder", "close", "WO-1", "--by", "sam"
    )
    assert code == 1 and err.startswith(
        "lotline: work order WO-1: 0 built, 0 scrapped, 2 still open"
    )
    code, out, err = run(
        capsys, monkeypatch, database_url, "workorder", "close", "WO-1",
        "--reason", "order cancelled", "--by", "sam",
    )  # fmt: skip
    assert code == 0 and "built 0, scrapped 0, open 2" in out, err
    code, out, _ = run(capsys, monkeypatch, database_url, "workorder", "list")
    assert out == "no open work orders\n"
    code, _, err = run(
        capsys, monkeypatch, database_url, "workorder", "create", "WO-2", PUMP, "2",
        "--due", "2031-13-01", "--by", "sam",
    )  # fmt: skip
    assert code == 1 and err == 'lotline: --due "2031-13-01" is not a date: give it as YYYY-MM-DD\n'
    code, _, err = run(
        capsys, monkeypatch, database_url, "workorder", "create", "WO-2", PUMP, "2", "--by", "olga"
    )
    assert code == 1 and "may not create and release work orders" in err


def test_an_erp_file_with_bad_rows_writes_nothing(
    plant, database_url: str, capsys, monkeypatch, tmp_path: Path
) -> None:
    export = tmp_path / "erp.csv"
    export.write_text(
        f"number,product,quantity,due,lot\nWO-5,{PUMP},5,2031-01-01,\nWO-6,{PUMP},0,,\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys, monkeypatch, database_url, "workorder", "import", str(export), "--by", "sam"
    )
    assert code == 1
    assert out.splitlines() == [
        "lotline: nothing was imported: 1 problem(s) in the file",
        "erp.csv, line 3, field quantity: 0 must be at least 1",
    ]
    code, out, _ = run(capsys, monkeypatch, database_url, "workorder", "list")
    assert out == "no open work orders\n"
    export.write_text(
        f"number,product,quantity,due,lot\nWO-5,{PUMP},5,2031-01-01,\nWO-6,{PUMP},1,,\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, monkeypatch, database_url, "workorder", "import", str(export), "--by", "sam"
    )
    assert code == 0 and out == f"2 work orders created from {export}\n", err


def test_calibration_and_qualification_commands(
    plant, database_url: str, capsys, monkeypatch
) -> None:
    code, out, err = run(
        capsys, monkeypatch, database_url, "device", "calibrate", "line-1", "line-1 scale",
        "--due", "2020-02-01", "--calibrated", "2019-02-01", "--certificate", "CAL-7",
        "--by", "ada", password=ADMIN_PASSWORD,
    )  # fmt: skip
    assert code == 0, err
    assert (
        out
        == "line-1 line-1 scale: calibrated 2019-02-01, certificate CAL-7, passed, due 2020-02-01\n"
    )
    code, out, _ = run(capsys, monkeypatch, database_url, "device", "list", "--on", "2020-02-02")
    [scale] = [line for line in out.splitlines() if "line-1 scale" in line]
    assert "overdue" in scale and "CAL-7" in scale
    code, out, err = run(
        capsys, monkeypatch, database_url, "qualification", "grant", "olga", "final weighing",
        "--expires", "2031-06-30", "--by", "ada", password=ADMIN_PASSWORD,
    )  # fmt: skip
    assert code == 0 and out == "olga: final weighing valid through 2031-06-30\n", err
    code, out, _ = run(capsys, monkeypatch, database_url, "qualification", "list", "--user", "olga")
    assert "final weighing" in out and "2031-06-30" in out and "held" in out
    code, _, err = run(
        capsys, monkeypatch, database_url, "qualification", "grant", "olga", "x", "--by", "sam"
    )
    assert code == 1 and "may not manage users" in err
