"""A small text language to drive a running simulator by hand (stdin or a control socket).

Scanner: every line is scanned as it is (``<GS>`` stands for 0x1D); a line starting with
``!`` is a command instead (``!disconnect 2``). Scale and printer: every line is a command:

    weight 125.40        unstable 2      settle     overload    underload   normal
    busy 1               drift 0.05      tare       zero        off  on     status
    paper-out            refill [N]      head-open  head-close  ribbon-out  ribbon-in
    pause                resume          disconnect [SECONDS]   connect     garbage TEXT
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading

from desktop.devices.sim.base import Simulator
from desktop.devices.sim.printer_sim import PrinterSim
from desktop.devices.sim.scale_sim import ScaleSim
from desktop.devices.sim.scanner_sim import ScannerSim

log = logging.getLogger(__name__)

TAKES_DURATION = frozenset({"unstable", "busy", "overload", "underload", "disconnect"})


def run_command(sim: Simulator, line: str) -> str:
    """Do what one line says; the answer is a short line for the person typing."""
    line = line.rstrip("\r\n")
    if isinstance(sim, ScannerSim) and not line.startswith("!"):
        sim.scan(line)
        return f"scanned {line!r}"
    words = line.lstrip("!").split(maxsplit=1)
    if not words:
        return ""
    action = words[0].lower().replace("-", "_")
    argument = words[1] if len(words) > 1 else None
    if action == "status":
        return status_line(sim)
    if action in ("tare", "zero") and isinstance(sim, ScaleSim):
        action = "tare_key" if action == "tare" else "zero_key"
    try:
        if action in TAKES_DURATION:
            sim.fault(action, duration=float(argument) if argument else None)
        else:
            sim.fault(action, value=argument)
    except Exception as exc:  # a mistyped command must never stop the simulator
        return f"error: {exc}"
    return f"ok: {line.strip()}"


def status_line(sim: Simulator) -> str:
    if isinstance(sim, ScaleSim):
        status, value = sim.reading()
        return f"{status} {value} {sim.model.unit}" + (" NET" if sim.model.net else "")
    if isinstance(sim, PrinterSim):
        return f"{sim.state}, {sim.label_count} labels printed into {sim.labels_dir}"
    return f"{sim.counters.get('scans', 0)} scans sent"


class ControlServer:
    """Accepts connections on ``127.0.0.1:port`` and runs each received line as a command."""

    def __init__(self, sim: Simulator, port: int = 0) -> None:
        self.sim = sim
        self._listener = socket.create_server(("127.0.0.1", port))
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, name="sim-control", daemon=True)

    def start(self) -> ControlServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.close()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._client, args=(client,), daemon=True).start()

    def _client(self, client: socket.socket) -> None:
        with client, client.makefile("rwb") as stream:
            for raw in stream:
                answer = run_command(self.sim, raw.decode("utf-8", "replace"))
                stream.write(answer.encode("utf-8") + b"\n")
                stream.flush()
