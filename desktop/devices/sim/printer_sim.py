"""Zebra label printer simulator: ZPL in, labels out as files, ``~HS``/``~HQES`` answered."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from desktop.devices.sim.base import Simulator
from desktop.devices.sim.printer_model import Event, PrinterModel
from desktop.devices.sim.profile import Fault, PrinterDevice, Profile, default_profile


class PrinterSim(Simulator):
    """Every printed format (``^XA...^XZ``) is written to ``labels_dir`` as
    ``label-00001.zpl`` when it comes out of the printer. Faults: ``paper_out``, ``refill``
    (optional value: labels on the new roll), ``head_open``, ``head_close``, ``ribbon_out``,
    ``ribbon_in``, ``pause``, ``resume``, ``disconnect``, ``garbage``."""

    kind = "printer"

    def __init__(
        self,
        profile: Profile | None = None,
        *,
        labels_dir: str | Path | None = None,
        transport: str = "auto",
        tcp_port: int = 0,
        link: str | Path | None = None,
    ) -> None:
        super().__init__(
            profile or default_profile("printer"), transport=transport, tcp_port=tcp_port, link=link
        )
        self.device: PrinterDevice = self.profile.device
        self.model = PrinterModel(self.device)
        self.labels_dir = Path(labels_dir or tempfile.mkdtemp(prefix="lotline-labels-"))
        self.labels_dir.mkdir(parents=True, exist_ok=True)

    # -- Python API -------------------------------------------------------------------------

    @property
    def labels(self) -> list[Path]:
        return sorted(self.labels_dir.glob("label-*.zpl"))

    @property
    def label_count(self) -> int:
        """Formats printed (each ``^XA...^XZ`` once, whatever its ``^PQ`` quantity)."""
        with self.lock:
            return self.model.printed_formats

    @property
    def state(self) -> str:
        with self.lock:
            return self.model.state

    def paper_out(self) -> None:
        self.fault("paper_out")

    def refill(self, labels: int | None = None) -> None:
        self.fault("refill", value=labels)

    def open_head(self) -> None:
        self.fault("head_open")

    def close_head(self) -> None:
        self.fault("head_close")

    def _apply(self, fault: Fault) -> None:
        model = self.model
        if fault.action == "paper_out":
            model.paper, model.paper_out = 0, True
        elif fault.action == "refill":
            model.paper = int(fault.value) if fault.value else self.device.paper_labels
            model.paper_out = False
        elif fault.action in ("head_open", "head_close"):
            model.head_open = fault.action == "head_open"
        elif fault.action in ("ribbon_out", "ribbon_in"):
            model.ribbon_out = fault.action == "ribbon_out"
            model.ribbon = 0 if model.ribbon_out else self.device.ribbon_labels
        elif fault.action in ("pause", "resume"):
            model.paused = fault.action == "pause"
        else:
            super()._apply(fault)
        self._handle(model.run(time.monotonic()))

    # -- the line ---------------------------------------------------------------------------

    def _on_unplug(self) -> None:
        self.model.reset_connection()

    def _received(self, data: bytes) -> None:
        self._handle(self.model.feed(data, time.monotonic()))

    def _tick(self, now: float) -> None:
        self._handle(self.model.run(now))

    def _handle(self, events: Iterator[Event]) -> None:
        for kind, payload in events:
            if kind == "reply":
                self.send(payload)
            elif kind == "printed":
                number = self.model.printed_formats
                (self.labels_dir / f"label-{number:05d}.zpl").write_bytes(payload)
                self.count("printed")
            else:  # "received" or "paused": counted, so faults can fire "after" them
                self.count(kind)
            if not self.endpoint.plugged:
                self.model.reset_connection()  # the rest of this chunk went down with the link
                return
