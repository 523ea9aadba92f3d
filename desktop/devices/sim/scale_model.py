"""The simulated scale's state and its three output formats (pure: time is passed in)."""

from __future__ import annotations

import math
import random
from decimal import Decimal, InvalidOperation

from desktop.devices.sim.profile import ScaleDevice

STABLE, UNSTABLE, OVERLOAD, UNDERLOAD, BUSY = "stable", "unstable", "overload", "underload", "busy"


def _dec(value: object) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number") from None


class ScaleModel:
    """Load on the pan, tare, zero offset, stability, drift and forced faults."""

    def __init__(self, device: ScaleDevice, now: float) -> None:
        self.device = device
        self.unit = device.unit
        self.step = Decimal(1).scaleb(-device.decimals)
        self.capacity = _dec(device.capacity)
        self.load = _dec(device.weight)
        self.zero_offset = Decimal(0)
        self.tare = Decimal(0)
        self.drift_per_s = Decimal(0)
        self.drift_since = now
        self.unstable_until = 0.0
        self.busy_until = 0.0
        self.forced: str | None = None
        self.jitter = _dec(device.jitter)
        self._random = random.Random(1234)

    # -- changes ----------------------------------------------------------------------------

    def set_weight(self, value: object, now: float, settle: float | None = None) -> None:
        self.load = _dec(value)
        self.drift_since = now
        self.unstable_until = now + (self.device.settle_seconds if settle is None else settle)

    def set_drift(self, per_second: object, now: float) -> None:
        self.load = self.gross(now)
        self.drift_since = now
        self.drift_per_s = _dec(per_second)

    def go_unstable(self, now: float, seconds: float | None = None) -> None:
        self.unstable_until = math.inf if seconds is None else now + seconds

    def settle(self) -> None:
        self.unstable_until = 0.0

    def zero(self, now: float) -> str:
        """MT-SICS-style answer status: A done, I busy/unstable, + / - out of zero range."""
        status = self.status(now)
        if status in (UNSTABLE, BUSY):
            return "I"
        if abs(self.gross(now)) > self.capacity / 50:
            return "+" if self.gross(now) > 0 else "-"
        self.zero_offset += self.gross(now)
        self.tare = Decimal(0)
        return "A"

    def power_on(self) -> None:
        """MT-SICS ``@``: back to the state after switching on, without a zero setting: the
        tare memory is cleared, the zero point and the load stay."""
        self.tare = Decimal(0)

    def take_tare(self, now: float) -> str:
        status = self.status(now)
        if status in (UNSTABLE, BUSY):
            return "I"
        if status in (OVERLOAD, UNDERLOAD):
            return "+" if status == OVERLOAD else "-"
        self.tare = self.gross(now).quantize(self.step)
        return "A"

    # -- readings ---------------------------------------------------------------------------

    def gross(self, now: float) -> Decimal:
        drift = self.drift_per_s * _dec(round(now - self.drift_since, 3))
        return self.load + drift - self.zero_offset

    def status(self, now: float) -> str:
        if self.forced is not None:
            return self.forced
        if now < self.busy_until:
            return BUSY
        gross = self.gross(now)
        if gross > self.capacity:
            return OVERLOAD
        if gross < -self.capacity / 50:
            return UNDERLOAD
        return UNSTABLE if now < self.unstable_until else STABLE

    def displayed(self, now: float) -> Decimal:
        """Net (or gross with no tare), with jitter while unstable, rounded to the display."""
        value = self.gross(now) - self.tare
        if self.status(now) == UNSTABLE:
            value += self.jitter * _dec(round(self._random.uniform(-1, 1), 3))
        return value.quantize(self.step)

    @property
    def net(self) -> bool:
        return self.tare != 0


# -- output formats (written independently of the driver's parsers) ----------------------


def sics_weight(status: str, value: Decimal, unit: str, ident: str = "S") -> bytes:
    """``S S     100.00 g`` / ``S D ...``; refusals ``S +``, ``S -``, ``S I``. ``ident`` "SI"
    gives the ``SI S ...`` form some firmware sends in answer to ``SI``."""
    refusal = {OVERLOAD: "+", UNDERLOAD: "-", BUSY: "I"}.get(status)
    if refusal:
        return f"{ident} {refusal}\r\n".encode("ascii")
    flag = "S" if status == STABLE else "D"
    return f"{ident} {flag} {value:>10} {unit}\r\n".encode("ascii")


def toledo_frame(model: ScaleModel, now: float, checksum: bool) -> bytes:
    """``STX SWA SWB SWC W(6) T(6) CR [CHK]``, Mettler Toledo bit layout."""
    decimals = model.device.decimals
    status = model.status(now)
    value = model.displayed(now)
    swa = 0x20 | 0x08 | (decimals + 2 if decimals > 0 else 2)  # bit 5 constant, increment x1
    swb = 0x20  # bit 5 constant (MT)
    swb |= 0x01 if model.net else 0
    swb |= 0x02 if value < 0 or status == UNDERLOAD else 0
    swb |= 0x04 if status in (OVERLOAD, UNDERLOAD) else 0
    swb |= 0x08 if status in (UNSTABLE, BUSY) else 0
    swb |= 0x10 if model.unit == "kg" else 0
    swc = 0x20 | (0x01 if model.unit == "g" else 0)
    scale = 10**decimals
    weight = min(int(abs(value) * scale), 999999)
    tare = min(int(abs(model.tare) * scale), 999999)
    body = bytes([0x02, swa, swb, swc]) + f"{weight:06d}{tare:06d}".encode("ascii") + b"\r"
    if checksum:
        body += bytes([-sum(b & 0x7F for b in body) & 0x7F])
    return body


def ohaus_line(model: ScaleModel, now: float) -> bytes:
    """``    192.21 g`` + `` ?`` while unstable + `` NET`` when tared (`` G`` when not, if the
    profile's ``gross_legend`` is on)."""
    value = model.displayed(now)
    stability = "?" if model.status(now) != STABLE else " "
    legend = "NET" if model.net else ("G" if model.device.gross_legend else "")
    return f"{value:>10} {model.unit:<5} {stability} {legend}".rstrip().encode("ascii") + b"\r\n"
