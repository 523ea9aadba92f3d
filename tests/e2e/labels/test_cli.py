"""`lotline label render|templates`: exit codes, messages, and files that decode."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from desktop.cli import label_cmd
from desktop.cli import main as lotline_main
from desktop.domain.udi import compose
from desktop.labels import verify_label

DATA = "(01)09506000134352(17)271231(10)ABC123(21)SN0001"
NAME = "product_name=Infusion Pump IP-300"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="lotline")
    label_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.handler(args))


def render(tmp_path: Path, *extra: str, data: str = DATA, fmt: str = "png") -> tuple[int, Path]:
    out = tmp_path / f"label.{fmt}"
    argv = ["label", "render", "--template", "udi-4x2", "--data", data, "--format", fmt]
    code = run([*argv, "--out", str(out), "--field", NAME, *extra])
    return code, out


@pytest.mark.parametrize("fmt", ["png", "pdf", "zpl"])
def test_render_writes_a_verified_label(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = render(tmp_path, "--dpi", "300", fmt=fmt)
    assert code == 0
    stdout = capsys.readouterr().out
    assert f"wrote {out}: udi-4x2 v1, 300 dpi, {fmt}" in stdout
    assert "verified (" in stdout and "]d2 01095060001343521727123110ABC123<GS>21SN0001" in stdout
    udi = compose({"01": "09506000134352", "17": "271231", "10": "ABC123", "21": "SN0001"})
    if fmt == "zpl":
        assert out.read_bytes().startswith(b"^XA\n^CI28\n")
    elif fmt == "png" or shutil.which("pdftoppm"):
        assert verify_label(out.read_bytes(), udi, dpi=300).ok


@pytest.mark.parametrize(
    "data",
    [
        "0109506000134352172712311" + "0ABC123<GS>21SN0001",
        r"01095060001343521727123110ABC123\x1d21SN0001",
        "01095060001343521727123110ABC123\x1d21SN0001",
    ],
)
def test_gs_stand_ins_are_accepted(tmp_path: Path, data: str) -> None:
    assert render(tmp_path, data=data)[0] == 0


def test_invalid_data_is_refused_with_the_parser_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = render(tmp_path, data="(01)09506000134353(17)271231")
    assert code == 1 and not out.exists()
    assert 'invalid data: GTIN (01) "09506000134353" has check digit 3, expected 2' in (
        capsys.readouterr().err
    )


def test_too_long_for_the_small_label_says_which_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["label", "render", "--template", "udi-2x1", "--format", "zpl", "--field", NAME]
    data = "(01)09506000134352(17)271231(21)WWWWWWWWWWWWWWWWWWWW"
    code = run([*argv, "--data", data, "--out", str(tmp_path / "x.zpl")])
    assert code == 1
    assert "the udi-2x1 label has 36.8 mm for it: use udi-4x2" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x.zpl")
    base = ["label", "render", "--data", DATA, "--format", "zpl", "--out", out]
    assert run([*base, "--template", "udi-9x9"]) == 2
    assert "no label template named 'udi-9x9'" in capsys.readouterr().err
    assert run([*base, "--template", "udi-4x2", "--field", "product_name"]) == 2
    assert "must be NAME=VALUE" in capsys.readouterr().err
    assert run([*base, "--template", "udi-4x2", "--field", "colour=red"]) == 2
    assert "udi-4x2 has no field 'colour'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        run(["label", "render", "--template", "udi-4x2", "--data", DATA, "--out", out])
    assert usage.value.code == 2  # --format missing
    with pytest.raises(SystemExit):
        run([*base, "--template", "udi-4x2", "--dpi", "250"])


def test_templates_are_listed_through_the_lotline_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert lotline_main(["label", "templates"]) == 0
    listing = capsys.readouterr().out
    assert "udi-4x2  v1  101.6 x 50.8 mm" in listing and "udi-2x1  v1  50.8 x 25.4 mm" in listing
