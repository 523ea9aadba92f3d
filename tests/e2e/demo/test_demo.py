"""`lotline demo` end to end, in process, on SQLite and on PostgreSQL: a small shift (3 pumps,
10 kits) on simulated devices over real pseudo-terminals, then checked against the database.
A second run on the same database is refused and writes nothing."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from db import audit
from db.engine import make_engine
from desktop.cli import main
from tests.e2e.demo import demo_checks as check

UNITS, KITS = 3, 10
SMALL = ["--units", str(UNITS), "--kits", str(KITS)]


@pytest.fixture
def db(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["demo", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_shift(
    database_url: str,
    db: Engine,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    pdf_text: Callable[[Path], str],
) -> None:
    out = tmp_path / "demo-out"
    code, printed, err = run(capsys, "--database", database_url, "--out", str(out), *SMALL)
    assert code == 0, err
    assert "audit verify: OK" in printed and "same as the recall scope" in printed

    _audit_verifies(database_url, db, capsys)
    _recall_scope_is_the_bad_board_lot(db, printed)
    _every_label_printed_once_and_verified(db, out)
    _devices_fed_the_events(db)
    _batch_record_names_the_ncr(db, out, pdf_text)

    entries = audit.verify(db).checked
    code, printed, err = run(capsys, "--database", database_url, "--out", str(tmp_path / "again"))
    assert code == 1 and printed == ""
    assert "already holds data" in err and "empty database only" in err
    assert "nothing was changed" in err
    assert audit.verify(db).checked == entries, "the refused run wrote to the database"


def _audit_verifies(url: str, db: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    assert audit.verify(db).ok
    assert main(["audit", "verify", "--database", url]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


def _recall_scope_is_the_bad_board_lot(db: Engine, printed: str) -> None:
    expected = check.built_with_bad_board(db)
    # The demo puts the second board lot into the last half of the pumps; with 3 pumps the
    # single pumps go to St Mary's, Northside, St Mary's: pumps 2 and 3 reach both customers.
    assert expected == check.Scope({"SN-000002", "SN-000003"}, {"CUST-STMARY", "CUST-NORTH"})
    assert check.recall_scope(db) == expected
    for serial in expected.units:
        assert f"unit {serial}: shipped" in printed
    assert "unit SN-000001: shipped" not in printed


def _every_label_printed_once_and_verified(db: Engine, out: Path) -> None:
    labels = out / "labels"
    jobs = check.issued_jobs(db)
    reprints = [j for j in jobs if j.reprint_of_id is not None]
    assert len(reprints) == 1
    originals = Counter(j.item_id for j in jobs if j.reprint_of_id is None)
    assert sorted(originals.values()) == [1] * UNITS + [KITS]  # one per pump, one per kit
    files = sorted(labels.glob("label-*.zpl"))
    assert len(files) == UNITS + KITS + len(reprints)
    assert check.printed_udis(labels) == Counter(j.element_string for j in jobs)
    with (labels / "labels.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["file"] for r in rows] == [p.name for p in files]
    assert len({r["job_key"] for r in rows}) == len(rows), "a job was printed twice"
    payloads = {j.idempotency_key: j.payload for j in jobs}
    for row in rows:
        # the format as the printer took it off the line: ^XA ... ^XZ, byte for byte
        assert (labels / row["file"]).read_text("utf-8") == payloads[row["job_key"]].strip()
        assert (labels / row["file"]).with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    statuses = Counter(j.status for j in jobs)
    assert statuses == {"verified": UNITS + KITS, "voided": 1}


def _devices_fed_the_events(db: Engine) -> None:
    weighings = check.events(db, "weigh")
    assert len(weighings) == UNITS + 2  # one pump weighed twice, and the kit lot
    for event in weighings:
        assert event.device_id is not None
        assert str(event.data["raw_frame"]).startswith("S S ")
        assert event.data["device_serial"] == "B021002593"
    consumed = check.events(db, "consume")
    assert consumed and all(e.device_id is not None and e.data["raw_frame"] for e in consumed)
    verified = [e for e in check.events(db, "label_verify") if e.outcome == "ok"]
    assert len(verified) == UNITS + KITS
    # what the scanner driver delivered: AIM ]d2, then the element string with its GS
    assert all(e.data["scanned"] == "]d2" + e.data["expected"] for e in verified)
    assert sum("\x1d" in str(e.data["scanned"]) for e in verified) == UNITS  # (10) before (21)


def _batch_record_names_the_ncr(db: Engine, out: Path, pdf_text: Callable[[Path], str]) -> None:
    [ncr] = check.ncr_numbers(db)
    record = out / f"batch-record-IP300-{check.pump_lot(db)}.pdf"
    assert record.read_bytes().startswith(b"%PDF")
    assert ncr in pdf_text(record)


def test_default_database_in_out_dir_and_fresh(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo-out"
    argv = ["--out", str(out), "--units", "2", "--kits", "10"]
    assert run(capsys, *argv)[0] == 0
    assert (out / "lotline-demo.sqlite").exists()
    code, _, err = run(capsys, *argv)
    assert code == 1 and "--fresh to delete the SQLite file" in err
    code, printed, err = run(capsys, *argv, "--fresh")
    assert code == 0, err
    assert "built 2 pumps" in printed and "audit verify: OK" in printed
    assert len(list((out / "labels").glob("label-*.zpl"))) == 2 + 10 + 1


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--units", "1"], "--units 1: build 2 to"),
        (["--kits", "15"], "--kits 15: give a multiple of 10"),
        (["--fresh", "--database", "postgresql://u@127.0.0.1:1/x"], "does not empty a PostgreSQL"),
    ],
)
def test_usage_errors(
    argv: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, printed, err = run(capsys, "--out", str(tmp_path / "out"), *argv)
    assert code == 2 and printed == "" and words in err
