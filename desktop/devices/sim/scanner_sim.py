"""Barcode scanner simulator: sends each "scanned" text as a real serial scanner does."""

from __future__ import annotations

import time
from pathlib import Path

from desktop.devices.settings import TERMINATORS
from desktop.devices.sim.base import Simulator
from desktop.devices.sim.profile import Fault, Profile, ScannerDevice, default_profile

# Stand-ins accepted in typed or piped text: "<GS>" is the GS1 separator 0x1D.
CONTROL_NAMES = {"<GS>": "\x1d", "<RS>": "\x1e", "<FS>": "\x1c", "<EOT>": "\x04"}


def expand_controls(text: str) -> str:
    for name, char in CONTROL_NAMES.items():
        text = text.replace(name, char)
    return text


class ScannerSim(Simulator):
    """``scan(text)`` puts ``text`` on the line with the profile's AIM prefix and terminator.

    ``scan`` writes from the calling thread and returns the monotonic ns taken just before the
    last byte was handed to the kernel (the benchmark's starting point).
    """

    kind = "scanner"

    def __init__(
        self,
        profile: Profile | None = None,
        *,
        transport: str = "auto",
        tcp_port: int = 0,
        link: str | Path | None = None,
    ) -> None:
        super().__init__(
            profile or default_profile("scanner"), transport=transport, tcp_port=tcp_port, link=link
        )
        self.device: ScannerDevice = self.profile.device
        self.terminator = TERMINATORS[self.device.terminator.upper()]

    def frame(self, text: str) -> bytes:
        """The exact bytes a scanner sends for ``text``."""
        body = expand_controls(text)
        if self.device.aim_prefix and not body.startswith("]"):
            body = self.device.aim_prefix + body
        return body.encode("utf-8") + self.terminator

    def scan(self, text: str) -> int:
        data = self.frame(text)
        if self.device.char_delay > 0:
            for i in range(len(data) - 1):
                self.send(data[i : i + 1])
                time.sleep(self.device.char_delay)
            data = data[-1:]
        stamp = time.monotonic_ns()
        self.send(data)
        self.count("scans")
        return stamp

    def _apply(self, fault: Fault) -> None:
        if fault.action == "scan":
            self.scan(fault.value or "")
        else:
            super()._apply(fault)
