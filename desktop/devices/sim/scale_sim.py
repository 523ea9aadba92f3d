"""Scale simulator: MT-SICS, Mettler Toledo continuous, or Ohaus lines, as the profile says."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from desktop.devices.sim import scale_model as sm
from desktop.devices.sim.base import Simulator
from desktop.devices.sim.profile import Fault, Profile, ScaleDevice, default_profile

PROTOCOLS = ("mtsics", "toledo", "ohaus")
SICS_LEVEL_1 = frozenset({"D", "DW", "K", "SR", "T", "TA", "TAC", "TI"})


class ScaleSim(Simulator):
    """A scale: ``set_weight(w)`` loads the pan (unstable for ``settle_seconds``), ``fault()``
    takes ``unstable``, ``settle``, ``overload``, ``underload``, ``normal``, ``busy``,
    ``ready``, ``drift`` (value per second), ``off``/``on`` (switched off: silent, the cable
    still there), ``tare_key``, ``zero_key``, ``disconnect`` and ``garbage``."""

    kind = "scale"

    def __init__(
        self,
        profile: Profile | None = None,
        *,
        transport: str = "auto",
        tcp_port: int = 0,
        link: str | Path | None = None,
    ) -> None:
        super().__init__(
            profile or default_profile("scale"), transport=transport, tcp_port=tcp_port, link=link
        )
        self.device: ScaleDevice = self.profile.device
        if self.device.protocol not in PROTOCOLS:
            raise ValueError(f"scale profile protocol {self.device.protocol!r}: use {PROTOCOLS}")
        self.model = sm.ScaleModel(self.device, time.monotonic())
        self.streaming = self.device.protocol == "toledo" or self.device.auto_print == "continuous"
        self._inbox = bytearray()
        self._next_frame = 0.0
        self._waiting: tuple[str, float] | None = None  # a command waiting for stability
        self.powered = True  # "off": the cable is there but the scale says nothing

    # -- Python API -------------------------------------------------------------------------

    def set_weight(self, value: Decimal | str | float, settle: float | None = None) -> None:
        with self.lock:
            self.model.set_weight(value, time.monotonic(), settle)

    def reading(self) -> tuple[str, Decimal]:
        """What the display shows now: (status, value)."""
        with self.lock:
            now = time.monotonic()
            return self.model.status(now), self.model.displayed(now)

    def _apply(self, fault: Fault) -> None:
        now, model = time.monotonic(), self.model
        actions: dict[str, Callable[[], object]] = {
            "weight": lambda: model.set_weight(fault.value or "0", now),
            "unstable": lambda: model.go_unstable(now),
            "settle": model.settle,
            "overload": lambda: setattr(model, "forced", sm.OVERLOAD),
            "underload": lambda: setattr(model, "forced", sm.UNDERLOAD),
            "normal": lambda: setattr(model, "forced", None),
            "busy": lambda: setattr(model, "busy_until", float("inf")),
            "ready": lambda: setattr(model, "busy_until", 0.0),
            "drift": lambda: model.set_drift(fault.value or "0", now),
            "off": lambda: setattr(self, "powered", False),
            "on": lambda: setattr(self, "powered", True),
            "tare_key": lambda: model.take_tare(now),
            "zero_key": lambda: model.zero(now),
        }
        if fault.action not in actions:
            super()._apply(fault)
            return
        actions[fault.action]()

    # -- the line ---------------------------------------------------------------------------

    def _on_unplug(self) -> None:
        self._inbox.clear()
        self._waiting = None
        self.streaming = self.device.protocol == "toledo" or self.device.auto_print == "continuous"

    def _received(self, data: bytes) -> None:
        if not self.powered:
            return
        if 0 in data and self.device.protocol == "mtsics":
            # Framing errors (NUL) at the UART: MT-SICS answers a transmission error at once.
            self._inbox.clear()
            self.send(b"ET\r\n")
            return
        self._inbox += data
        while (end := self._inbox.find(b"\n")) >= 0 or (end := self._inbox.find(b"\r")) >= 0:
            line = bytes(self._inbox[:end]).strip(b"\r\n")
            del self._inbox[: end + 1]
            if line:
                self._command(line)

    def _command(self, line: bytes) -> None:
        self.count("commands")
        if any(b == 0 or b >= 0x80 for b in line):  # framing errors: the line is garbled
            if self.device.protocol == "mtsics":
                self.send(b"ET\r\n")
            return
        text = line.decode("ascii")
        if self.device.protocol == "mtsics":
            self._sics(text)
        elif self.device.protocol == "ohaus":
            self._ohaus(text)
        else:
            self._simple(text)

    def _sics(self, command: str) -> None:
        now, model = time.monotonic(), self.model
        self.streaming = command == "SIR"
        self._waiting = None
        serial = self.device.serial_number
        if command in ("S", "SI", "SIR"):
            status = model.status(now)
            ident = self.profile.replies["si_id"] if command == "SI" else "S"
            if command == "S" and status == sm.UNSTABLE:
                self._waiting = ("S", now + self.device.stable_timeout)
            elif command != "SIR":
                self.send(sm.sics_weight(status, model.displayed(now), model.unit, ident))
            return
        if command in SICS_LEVEL_1 and self.device.sics_level < 1:
            self.send(b"ES\r\n")  # a level-0 balance does not know the command
            return
        if command == "@":  # the power-on state: tare cleared, zero kept
            model.power_on()
        replies: dict[str, Callable[[], str]] = {
            "@": lambda: f'{self.profile.replies["reset_id"]} A "{serial}"',
            "I4": lambda: f'I4 A "{serial}"',
            "I1": lambda: 'I1 A "01" "2.30" "2.22" "" ""',
            "I2": lambda: f'I2 A "{self.device.model} {self.device.capacity} {model.unit}"',
            "I3": lambda: f'I3 A "{self.device.software}"',
            "Z": lambda: f"Z {model.zero(now)}",
            "ZI": lambda: f"ZI {model.zero(now)}",
            "TA": lambda: f"TA A {model.tare:>10} {model.unit}",
        }
        if command == "T":
            self.send(self._tare_reply(model.take_tare(now)))
        else:
            answer = replies[command]() if command in replies else "ES"
            self.send(answer.encode("ascii") + b"\r\n")

    def _tare_reply(self, status: str) -> bytes:
        if status != "A":
            return f"T {status}\r\n".encode("ascii")
        form = self.profile.replies["tare_status"]  # S per the manual, A per InstrumentKit
        return f"T {form} {self.model.tare:>10} {self.model.unit}\r\n".encode("ascii")

    def _ohaus(self, command: str) -> None:
        now = time.monotonic()
        command = command.strip().upper()
        if command in ("IP", "P"):
            self.send(sm.ohaus_line(self.model, now))
        elif command == "SP":
            self._waiting = ("SP", now + self.device.stable_timeout)
        elif command == "CP":
            self.streaming = True
        elif command == "0P":
            self.streaming = False
        else:
            self._simple(command)

    def _simple(self, command: str) -> None:
        """Tare and zero keys of the continuous formats: no answer, the display changes."""
        now = time.monotonic()
        if command.strip().upper() == "T":
            self.model.take_tare(now)
        elif command.strip().upper() == "Z":
            self.model.zero(now)

    # -- timed output -----------------------------------------------------------------------

    def _due_in(self, now: float) -> float:
        return max(0.0, self._next_frame - now) if self.streaming else 0.02

    def _tick(self, now: float) -> None:
        if not self.powered:
            self._waiting = None
            return
        self._answer_waiting(now)
        if not self.streaming or now < self._next_frame:
            return
        self._next_frame = max(self._next_frame + 1.0 / self.device.update_hz, now)
        if self.device.protocol == "toledo":
            frame = sm.toledo_frame(self.model, now, self.device.checksum)
        elif self.device.protocol == "ohaus":
            frame = sm.ohaus_line(self.model, now)
        else:
            frame = sm.sics_weight(
                self.model.status(now), self.model.displayed(now), self.model.unit
            )
        self.send(frame)
        self.count("frames")

    def _answer_waiting(self, now: float) -> None:
        if self._waiting is None:
            return
        command, deadline = self._waiting
        status = self.model.status(now)
        if status != sm.UNSTABLE or now >= deadline:
            self._waiting = None
            if command == "SP":
                if status != sm.UNSTABLE:
                    self.send(sm.ohaus_line(self.model, now))
            elif status == sm.UNSTABLE:
                self.send(b"S I\r\n")
            else:
                self.send(sm.sics_weight(status, self.model.displayed(now), self.model.unit))
