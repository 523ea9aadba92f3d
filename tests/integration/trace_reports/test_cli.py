"""`lotline record`, `lotline recall` and `lotline export` end to end, in process (the password
of --by on stdin)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.reports.epcis_check import check_document
from tests.integration.trace_reports.scenario import pump_lot, receive_board_lot, release_and_label
from tests.support.plant import PASSWORD


def run(plant, monkeypatch, capsys, *argv: str, stdin: str = PASSWORD + "\n") -> tuple[int, str]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    url = plant.engine.url.render_as_string(hide_password=False)
    code = main([*argv, "--database", url])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture
def lot(plant, printer):  # type: ignore[no-untyped-def]
    receive_board_lot(plant, "CW-C100")
    built = pump_lot(plant, 2, "CW-C100", heavy=(1,))
    release_and_label(plant, printer, built)
    return built


def test_record_writes_pdf_csv_and_json(plant, lot, tmp_path, monkeypatch, capsys) -> None:
    out = tmp_path / "record.pdf"
    code, text = run(
        plant,
        monkeypatch,
        capsys,
        "record",
        lot.lot,
        "--out",
        str(out),
        "--csv",
        str(tmp_path / "csv"),
        "--json",
        str(tmp_path / "r.json"),
        "--by",
        "quinn",
    )
    assert code == 0, text
    assert "the audit chain verifies" in text
    assert out.read_bytes().startswith(b"%PDF")
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert data["quantities"]["released"] == 2
    with (tmp_path / "csv" / "nonconformances.csv").open(encoding="utf-8") as f:
        [ncr] = list(csv.DictReader(f))
    assert ncr["disposition"] == "rework" and ncr["signature_meaning"] == "Disposition approved"
    code, text = run(
        plant, monkeypatch, capsys, "record", lot.lot, "--out", "x.txt", "--by", "quinn"
    )
    assert code == 1 and "must name a .pdf file" in text
    code, text = run(
        plant, monkeypatch, capsys, "record", lot.lot, "--out", str(out), "--by", "olga"
    )
    assert code == 1 and "may not export batch records" in text


def test_recall_open_status_notify_close(plant, lot, monkeypatch, capsys) -> None:
    code, text = run(
        plant, monkeypatch, capsys, "recall", "open", "CW-C100", "--reason", "C12", "--by", "sam"
    )
    assert code == 0, text
    assert "RCL-000001 (open) on lot CW-C100" in text and "2 item(s): in stock 2" in text
    code, text = run(
        plant, monkeypatch, capsys, "recall", "status", "RCL-000001", "--json", "--by", "sam"
    )
    assert code == 0 and json.loads(text)["items_total"] == 2
    code, text = run(plant, monkeypatch, capsys, "recall", "list", "--by", "sam")
    assert code == 0 and "RCL-000001 (open) on lot CW-C100: 2 item(s), notified 0" in text
    code, text = run(
        plant,
        monkeypatch,
        capsys,
        "recall",
        "notify",
        "RCL-000001",
        "--unit",
        lot.serials[0],
        "--by",
        "sam",
    )
    assert code == 1 and "no customer to notify" in text
    code, text = run(plant, monkeypatch, capsys, "recall", "close", "RCL-000001", "--by", "sam")
    assert code == 1 and "2 item(s) have no disposition yet" in text
    code, text = run(
        plant,
        monkeypatch,
        capsys,
        "recall",
        "disposition",
        "RCL-000001",
        "--unit",
        lot.serials[0],
        "--unit",
        lot.serials[1],
        "--as",
        "reworked",
        "--reason",
        "boards swapped",
        "--by",
        "sam",
    )
    assert code == 0, text
    code, text = run(plant, monkeypatch, capsys, "recall", "close", "RCL-000001", "--by", "sam")
    assert code == 0, text
    assert "closed: Sam Supervisor (sam)" in text and "Recall closed (signature verifies)" in text


def test_export_epcis_and_gudid(plant, lot, tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "events.jsonld"
    code, text = run(
        plant,
        monkeypatch,
        capsys,
        "export",
        "epcis",
        "--since",
        "2000-01-01",
        "--out",
        str(out),
        "--by",
        "quinn",
    )
    assert code == 0, text
    doc = json.loads(out.read_text("utf-8"))
    assert check_document(doc) == [] and "ObjectEvent/commissioning" in text
    with pytest.raises(SystemExit) as usage:
        run(
            plant,
            monkeypatch,
            capsys,
            "export",
            "epcis",
            "--since",
            "2000-01-01T00:00",
            "--out",
            str(out),
            "--by",
            "quinn",
        )
    assert usage.value.code == 2 and "has no time zone" in capsys.readouterr().err
    gudid = tmp_path / "gudid.csv"
    code, text = run(
        plant, monkeypatch, capsys, "export", "gudid", "--out", str(gudid), "--by", "quinn"
    )
    assert code == 0, text
    with gudid.open(encoding="utf-8") as f:
        rows = {r["primary_di"]: r for r in csv.DictReader(f)}
    pump, kit = rows["09506000134352"], rows["09506000134369"]
    assert (pump["issuing_agency"], pump["version_model_number"]) == ("GS1", "IP-300")
    assert (pump["serial_number_controlled"], pump["expiration_date_controlled"]) == ("Y", "N")
    assert (kit["serial_number_controlled"], kit["expiration_date_controlled"]) == ("N", "Y")
    assert kit["lot_batch_controlled"] == kit["manufacturing_date_controlled"] == "Y"
