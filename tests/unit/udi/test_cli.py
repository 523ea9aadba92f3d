"""`lotline udi parse`: JSON keys, exit codes, GS spellings, and the installed console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.cli.udi_cmd import decode_text

LABEL = "]d201095060001343521725123110ABC123<GS>21SN0001"
KEYS = {
    "valid", "scheme", "symbology", "di", "gtin", "lot", "serial", "expiry",
    "production_date", "ais", "hri", "errors", "warnings",
}  # fmt: skip


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(["udi", "parse", "--json", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "text",
    [LABEL, LABEL.replace("<GS>", "\\x1d"), LABEL.replace("<GS>", "\x1d")],
)
def test_json_valid(capsys: pytest.CaptureFixture[str], text: str) -> None:
    code, out = run_json(capsys, text)
    assert code == 0
    assert set(out) == KEYS
    assert out["valid"] is True and out["scheme"] == "GS1" and out["symbology"] == "]d2"
    assert out["gtin"] == out["di"] == "09506000134352"
    assert (out["lot"], out["serial"]) == ("ABC123", "SN0001")
    assert out["expiry"] == "2025-12-31" and out["production_date"] is None
    assert out["ais"] == {"01": "09506000134352", "17": "251231", "10": "ABC123", "21": "SN0001"}
    assert out["hri"] == ["(01) 09506000134352", "(17) 251231", "(10) ABC123", "(21) SN0001"]
    assert out["errors"] == [] and out["warnings"] == []


def test_json_invalid_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "]d20109506000134353")
    assert code == 1
    assert out["valid"] is False and "09506000134353" in out["errors"][0]  # type: ignore[index]


def test_json_hibc(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "+A99912349/$10X3/16D20111231/14D20200131/Q500Z")
    assert code == 0
    assert out["scheme"] == "HIBC" and out["lot"] == "10X3"
    assert out["production_date"] == "2011-12-31" and out["expiry"] == "2020-01-31"


def test_no_expect_gs1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_json(capsys, "--no-expect-gs1", "0109506000134352")
    assert code == 1 and out["scheme"] is None
    code, out = run_json(capsys, "0109506000134352")
    assert code == 0 and out["warnings"]


def test_table_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["udi", "parse", LABEL]) == 0
    out = capsys.readouterr().out
    assert "ABC123" in out and "2025-12-31" in out and "<GS>" in out
    assert main(["udi", "parse", "]d20109506000134353"]) == 1
    assert "ERRORS" in capsys.readouterr().out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["udi", "parse"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["udi", "parse", "--bogus", "x"])
    assert caught.value.code == 2
    assert main(["udi"]) == 2
    capsys.readouterr()


def test_decode_text() -> None:
    assert decode_text("a<GS>b\\x1dc\\x1Dd<gs>e") == "a\x1db\x1dc\x1dd\x1de"


def test_console_script() -> None:
    script = Path(sys.executable).with_name("lotline")
    result = subprocess.run(
        [str(script), "udi", "parse", "--json", LABEL],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["serial"] == "SN0001"
