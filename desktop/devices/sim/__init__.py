"""Simulators that speak the real bytes of a scanner, a scale and a Zebra printer, behind a
pseudo-terminal or a TCP port, with behaviour and faults from TOML profiles."""

from __future__ import annotations

from pathlib import Path

from desktop.devices.sim.base import Simulator
from desktop.devices.sim.printer_sim import PrinterSim
from desktop.devices.sim.profile import Profile, default_profile, load_profile, profile_from_dict
from desktop.devices.sim.scale_sim import ScaleSim
from desktop.devices.sim.scanner_sim import ScannerSim

__all__ = [
    "PrinterSim",
    "Profile",
    "ScaleSim",
    "ScannerSim",
    "Simulator",
    "default_profile",
    "load_profile",
    "make_simulator",
    "profile_from_dict",
]


def make_simulator(
    kind: str,
    profile: str | Path | Profile | None = None,
    *,
    transport: str = "auto",
    tcp_port: int = 0,
    link: str | Path | None = None,
    labels_dir: str | Path | None = None,
) -> Simulator:
    """An unstarted simulator of ``kind`` (scanner, scale, printer); ``profile`` is a TOML
    path, a bundled profile name, a :class:`Profile`, or None for the defaults."""
    loaded = (
        profile
        if isinstance(profile, Profile)
        else (load_profile(profile, kind) if profile else default_profile(kind))
    )
    if kind == "scanner":
        return ScannerSim(loaded, transport=transport, tcp_port=tcp_port, link=link)
    if kind == "scale":
        return ScaleSim(loaded, transport=transport, tcp_port=tcp_port, link=link)
    if kind == "printer":
        return PrinterSim(
            loaded, labels_dir=labels_dir, transport=transport, tcp_port=tcp_port, link=link
        )
    raise ValueError(f"simulator kind {kind!r}: use scanner, scale or printer")
