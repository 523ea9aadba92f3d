"""`lotline receive ...` and `lotline template ...` as a plant's script would run them: the
password on stdin, one line per lot or version, refusals as one line on stderr with exit 1."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from tests.support.plant import PASSWORD

NEXT_YEAR = date.today() + timedelta(days=365)


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: Any, url: str, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main([*args, "--database", url])
    out, err = capsys.readouterr()
    return code, out, err


def test_receive_inspect_release_list_and_label(
    plant, database_url: str, capsys, monkeypatch, tmp_path: Path
) -> None:
    cert = tmp_path / "coc.pdf"
    cert.write_bytes(b"%PDF coc")
    bad_check = "+A123BOARD1/$$3200101OLD1?"  # "?" is not its check character
    code, _, err = run(
        capsys, monkeypatch, database_url, "receive", "receive", bad_check,
        "--supplier", "SUP-BOARDS", "--quantity", "5", "--by", "pat",
    )  # fmt: skip
    assert (
        code == 1 and err.startswith('lotline: scan "+A123BOARD1') and "is not a valid label" in err
    )
    scan = "]C0+A123TUBE441/$$3" + NEXT_YEAR.strftime("%y%m%d") + "TB9"
    from desktop.domain.udi import hibc_check_character

    scan += hibc_check_character(scan[3:])
    code, _, err = run(
        capsys, monkeypatch, database_url, "receive", "receive", scan,
        "--supplier", "SUP-MED", "--quantity", "5", "--by", "pat",
    )  # fmt: skip
    assert code == 1 and "no part in the master data has the supplier's part number TUBE44" in err
    code, out, err = run(
        capsys, monkeypatch, database_url, "receive", "receive",
        f"]d201{'09506000117843'}17{NEXT_YEAR.strftime('%y%m%d')}10SL-1",
        "--supplier", "SUP-ACME", "--quantity", "5", "--certificate", str(cert), "--by", "pat",
    )  # fmt: skip
    assert code == 1 and "no part in the master data has the supplier's GTIN 09506000117843" in err

    (tmp_path / "parts.toml").write_text(
        '[[parts]]\npart_number = "TUBE44"\nname = "Tube"\ntracking = "lot"\n'
        'incoming_plan = [{ characteristic = "Wall", lower = "1", upper = "2", '
        'unit = "mm" }]\n',
        encoding="utf-8",
    )
    from desktop.services.masterdata import load_folder

    load_folder(plant.admin, tmp_path)
    code, out, err = run(
        capsys, monkeypatch, database_url, "receive", "receive", scan,
        "--supplier", "SUP-MED", "--quantity", "5", "--certificate", str(cert), "--by", "pat",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith("TB9\tTUBE44\tSUP-MED\t5 ea\t") and out.split("\n")[0].endswith(
        "quarantine"
    )
    assert "sha256" in out
    code, out, err = run(
        capsys, monkeypatch, database_url, "receive", "release", "TB9", "--by", "quinn"
    )
    assert code == 1 and "has no incoming inspection: inspect it before releasing it" in err
    code, out, err = run(
        capsys, monkeypatch, database_url, "receive", "inspect", "TB9", "--accept",
        "--notes", "visual OK", "--by", "quinn",
    )  # fmt: skip
    assert code == 1 and "Wall not read yet" in err
    code, out, err = run(
        capsys, monkeypatch, database_url, "receive", "inspect", "TB9", "--accept",
        "--notes", "visual OK", "--reading", "Wall=1.5", "--by", "quinn",
    )  # fmt: skip
    assert code == 0, err
    assert (
        out == "TB9: incoming inspection accepted visual OK\n  ok  Wall 1.5 mm is within 1–2 mm\n"
    )
    code, out, err = run(
        capsys, monkeypatch, database_url, "receive", "release", "TB9", "--by", "quinn"
    )
    assert code == 0, err
    assert "Quinn Inspector (quinn)" in out and "Material released for use" in out
    code, out, _ = run(
        capsys, monkeypatch, database_url, "receive", "list", "--status", "released", "--by", "pat"
    )
    assert [line.split("\t")[0] for line in out.splitlines() if "\t" in line] == ["TB9"]
    png = tmp_path / "bin.png"
    code, out, err = run(
        capsys, monkeypatch, database_url, "receive", "label", "TB9", "--out", str(png),
        "--by", "pat",
    )  # fmt: skip
    assert code == 0 and png.read_bytes().startswith(b"\x89PNG")
    assert "material-lot-text" in out


def test_template_register_approve_list_preview(
    plant, database_url: str, capsys, monkeypatch, tmp_path: Path
) -> None:
    code, out, err = run(capsys, monkeypatch, database_url, "template", "list", "--by", "quinn")
    assert code == 0 and "no label templates registered" in out
    code, out, err = run(
        capsys, monkeypatch, database_url, "template", "register", "--shipped", "--by", "quinn"
    )
    assert code == 1 and "may not manage master data" in err
    code, out, err = run(
        capsys, monkeypatch, database_url, "template", "register", "--shipped", "--by", "ada"
    )
    assert code == 1 and err.startswith("lotline: ")  # the administrator signs in with TOTP
    shipped = Path(__file__).parents[3] / "desktop" / "labels" / "templates" / "udi-2x1.json"
    code, out, err = run(
        capsys, monkeypatch, database_url, "template", "register", str(shipped), "--by", "quinn"
    )
    assert code == 0 and out.startswith("udi-2x1\tversion 1\tdraft"), err
    png = tmp_path / "preview.png"
    code, out, err = run(
        capsys, monkeypatch, database_url, "template", "preview", "udi-2x1", "1",
        "--out", str(png), "--by", "quinn",
    )  # fmt: skip
    assert code == 0 and png.read_bytes().startswith(b"\x89PNG"), err
    code, out, err = run(
        capsys, monkeypatch, database_url, "template", "approve", "udi-2x1", "1", "--by", "quinn"
    )
    assert code == 0 and "approved" in out and "Label template approved" in out, err
    code, out, err = run(
        capsys, monkeypatch, database_url, "template", "approve", "udi-2x1", "1", "--by", "quinn"
    )
    assert code == 1 and "only a draft is approved" in err
