"""`lotline kpi` as a quality engineer runs it for a report: every panel as text and as JSON,
one panel's figures, the records behind a figure as text, JSON and CSV; refused to an operator
and for a key that names no figure (both databases)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from desktop.cli import main
from desktop.domain.insight import Panel
from tests.integration.workflows.qcpack_support import build_pumps
from tests.support.plant import PASSWORD, Plant


def run(
    capsys: Any, monkeypatch: Any, url: str, *args: str, by: str = "quinn"
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["kpi", *args, "--by", by, "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def test_kpi_reports_every_panel_and_opens_the_records_behind_a_figure(
    plant: Plant, database_url: str, capsys: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    built = build_pumps(plant, 4, failing=1)
    code, out, err = run(capsys, monkeypatch, database_url)
    assert code == 0, err
    for panel in Panel:
        assert str(panel.words) in out
    assert "3 units in process, 1 nonconforming" in out
    assert "! First-pass yield" in out  # below the goal: marked

    code, out, err = run(capsys, monkeypatch, database_url, "--json", "--hours", "8")
    assert code == 0, err
    data = json.loads(out)
    assert data["window"]["hours"] == 8
    fpy = data[str(Panel.YIELD)]
    check = next(f for f in fpy["figures"] if "Functional test" in f["label"])
    assert check["value"] == 75.0 and check["alert"] is True
    assert check["note"] == "1 of 4 units failed"

    code, out, err = run(capsys, monkeypatch, database_url, "--panel", "wip", "--json")
    assert code == 0, err
    assert set(json.loads(out)) == {"window", "wip"}

    code, out, err = run(capsys, monkeypatch, database_url, "--records", check["key"], "--json")
    assert code == 0, err
    records = json.loads(out)
    assert records["total"] == 1
    assert records["rows"][0]["Unit"] == built.serials[0]
    assert records["rows"][0]["Outcome"] == "fail"

    target = tmp_path / "failed.csv"
    code, out, err = run(
        capsys, monkeypatch, database_url, "--records", check["key"], "--csv", str(target)
    )
    assert code == 0, err
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0][:2] == ["Unit", "Lot"] and rows[1][0] == built.serials[0]
    assert f"written to {target}" in out


def test_kpi_is_refused_to_an_operator_and_for_a_key_of_no_figure(
    plant: Plant, database_url: str, capsys: Any, monkeypatch: Any
) -> None:
    code, _, err = run(capsys, monkeypatch, database_url, by="olga")
    assert code == 1 and "may not view the plant dashboard" in err
    code, _, err = run(capsys, monkeypatch, database_url, "--records", "wip:nothing")
    assert code == 1
    assert "wip:nothing names no figure of the dashboard" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, monkeypatch, database_url, "--hours", "0")
    assert code == 1 and "give 1 to 744 hours" in err
