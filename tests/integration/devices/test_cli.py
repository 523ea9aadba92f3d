"""`lotline sim ...` by hand (as a subprocess) and `lotline bench devices --json`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.devices.port import Port
from desktop.devices.printer import JobStatus, LabelPrinter, PrintJob
from desktop.devices.scale import Scale
from desktop.devices.scanner import Scanner
from desktop.devices.sim import PrinterSim, ScaleSim, ScannerSim
from desktop.devices.sim.control import run_command
from desktop.devices.zebra import PrinterState
from tests.integration.devices.support import fast, wait_for


@contextmanager
def lotline_sim(*args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "sim", *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url, process.stderr.read() if process.stderr else "no output"
        yield process, url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            raise


def say(process: subprocess.Popen[str], line: str) -> None:
    assert process.stdin is not None
    process.stdin.write(line + "\n")
    process.stdin.flush()


def test_scanner_from_stdin_over_a_pty_link(tmp_path: Path) -> None:
    link = tmp_path / "ttySCAN"
    with lotline_sim("scanner", "--pty", "--link", str(link)) as (process, url):
        assert url == str(link) and link.is_symlink()
        with Port(fast(url, terminator="CR")) as port:
            say(process, "]d201095060001343521725123110ABC123<GS>21SN0001")
            event = Scanner(port).read_event(5.0)
    assert process.returncode == 0
    assert not link.exists()  # the simulator removes its link when it stops
    assert event is not None and event.aim_id == "]d2" and "\x1d21SN0001" in event.text


def test_printer_over_tcp_with_commands_on_stdin(tmp_path: Path) -> None:
    labels = tmp_path / "labels"
    with lotline_sim("printer", "--tcp", "0", "--labels", str(labels)) as (process, url):
        assert url.startswith("socket://127.0.0.1:")
        with Port(fast(url)) as port:
            printer = LabelPrinter(port)
            sent = printer.submit(PrintJob("cli-1", b"^XA^FDcli^FS^XZ"))
            wait_for(lambda: list(labels.glob("*.zpl")), what="the printed label")
            say(process, "paper-out")
            wait_for(lambda: printer.status().state is PrinterState.PAPER_OUT, what="paper out")
    assert sent.status is JobStatus.SENT
    assert [p.read_bytes() for p in labels.glob("*.zpl")] == [b"^XA^FDcli^FS^XZ"]


def test_scale_profile_and_control_socket(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        control_port = s.getsockname()[1]
    args = ("scale", "--profile", "scale-mtsics-alt", "--control", str(control_port))
    with lotline_sim(*args) as (_process, url):
        with socket.create_connection(("127.0.0.1", control_port), timeout=5) as control:
            control.sendall(b"weight 42.50\nsettle\n")
            replies = control.makefile()
            answers = replies.readline() + replies.readline()
        with Port(fast(url)) as port:
            scale = Scale(port)
            wait_for(lambda: scale.read(stable=False).value == Decimal("42.50"), what="42.50")
            assert scale.reset().text == "B021002593"  # the "@ A" form of this profile
    assert "ok: weight 42.50" in answers


def test_bad_profile_is_refused_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('kind = "scale"\n[device]\nbaud_rate = 9600\n')
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "sim", "scale", "--profile", str(bad)],
        capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 2 and "unknown key(s) baud_rate" in result.stderr


def test_bench_devices_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "devices", "--json", "--samples", "20"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) == {
        "scan_overhead_ms_p50", "scan_overhead_ms_p99",
        "weigh_overhead_ms_p50", "weigh_overhead_ms_p99",
    }  # fmt: skip
    assert all(isinstance(v, float) and v > 0 for v in figures.values())


def test_control_language_answers_in_words(tmp_path: Path) -> None:
    with ScaleSim() as scale:
        assert run_command(scale, "bogus") == "error: scale simulator: unknown action 'bogus'"
        assert run_command(scale, "weight abc") == "error: 'abc' is not a number"
        assert run_command(scale, "weight 3.5").startswith("ok")
        assert run_command(scale, "status").endswith(" g")
    with PrinterSim(labels_dir=tmp_path) as printer:
        run_command(printer, "paper-out")
        assert run_command(printer, "status").startswith("paper out, 0 labels printed")
    with ScannerSim() as scanner:
        assert run_command(scanner, "A<GS>B") == "scanned 'A<GS>B'"
        assert run_command(scanner, "!disconnect 0.1") == "ok: !disconnect 0.1"
