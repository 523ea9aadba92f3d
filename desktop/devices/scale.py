"""Scale driver: MT-SICS (request/response and the SIR stream), Mettler Toledo standard
continuous output, and Ohaus-style ASCII lines. Readings and refusals are values.

Net or gross is what the scale says, never what the driver guesses from the commands it sent:
Toledo frames carry a net bit, Ohaus lines a NET/G legend, and an MT-SICS balance is asked its
tare register (``TA``, see :mod:`desktop.devices.tare_register`).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from datetime import UTC, datetime
from decimal import Decimal

from desktop.devices import mtsics
from desktop.devices.errors import DeviceTimeout, GarbledLink
from desktop.devices.framing import log_rejected
from desktop.devices.port import Port
from desktop.devices.scale_decoder import MTSICS, OHAUS, PROTOCOLS, TOLEDO, Parsed, ScaleDecoder
from desktop.devices.tare_register import TareRegister
from desktop.devices.weights import (
    ScaleAck,
    Weight,
    WeightReading,
    WeightStatus,
    parse_decimal,
)

log = logging.getLogger(__name__)

__all__ = ["MTSICS", "OHAUS", "PROTOCOLS", "TOLEDO", "Scale"]


class Scale:
    """A scale on a :class:`Port`. ``protocol`` is ``mtsics``, ``toledo`` or ``ohaus``."""

    def __init__(
        self,
        port: Port,
        *,
        protocol: str = MTSICS,
        device_id: str | None = None,
        serial_number: str | None = None,
        checksum: bool | None = None,
        stable_timeout: float = 5.0,
        garble_threshold: int = 64,
        tare_check_interval: float = 2.0,
    ) -> None:
        self.port = port
        self.protocol = protocol
        self.device_id = device_id or port.device_id
        self._configured_serial = serial_number
        self.serial_number = serial_number
        self.stable_timeout = stable_timeout
        self.decoder = ScaleDecoder(
            self.device_id, protocol, terminator=port.settings.terminator_bytes,
            checksum=checksum, baudrate=port.settings.baudrate, garble_threshold=garble_threshold,
        )  # fmt: skip
        self._ready: deque[tuple[bytes, Parsed]] = deque()
        self.streaming = protocol == TOLEDO
        # MT-SICS weight replies do not say net or gross: the balance's tare register does.
        self.tare_register = TareRegister(tare_check_interval)

    # -- connection -------------------------------------------------------------------------

    def on_connect(self) -> None:
        """After (re)opening: forget partial frames and what the scale said before (it may be
        another scale now); ask an MT-SICS scale who it is and what its tare register holds."""
        self.decoder.reset()
        self._ready.clear()
        self.streaming = self.protocol == TOLEDO
        self.tare_register.reconnected()
        if self.protocol == MTSICS:
            self.serial_number = self._configured_serial
            self.identify()
            self.check_tare()

    def identify(self) -> str | None:
        """The serial number (MT-SICS ``I4``), remembered for every reading; None if refused."""
        if self.protocol != MTSICS:
            return self.serial_number
        reply = self._command("I4")
        self.serial_number = mtsics.quoted_text(reply) or self.serial_number
        return self.serial_number

    # -- readings ---------------------------------------------------------------------------

    def read(self, *, stable: bool = True, timeout: float | None = None) -> WeightReading:
        """One reading. ``stable`` asks for a stable one: MT-SICS ``S`` (the scale waits and
        answers ``S I`` if it cannot settle), Ohaus ``SP`` then ``IP``; on a stream, the next
        stable frame, or the last unstable one when none settles within ``timeout``."""
        wait = timeout if timeout is not None else self._default_wait(stable)
        if self.protocol == MTSICS:
            self._check_tare_if_due()
        if self.streaming:
            return self._from_stream(stable, wait)
        if self.protocol == MTSICS:
            raw, reply = self._exchange("S" if stable else "SI", wait)
            return self._sics_reading(raw, reply, confirm=stable)
        if stable:
            found = self._ohaus_request("SP", wait)
            if found is not None:
                return found
        found = self._ohaus_request("IP", self.port.settings.response_timeout)
        if found is None:
            raise self._silence("IP", self.port.settings.response_timeout)
        return found

    def start_stream(self) -> None:
        """MT-SICS ``SIR`` / Ohaus ``CP``; a Toledo streams all the time."""
        if self.protocol == MTSICS:
            self.port.write(mtsics.command_bytes("SIR"))
        elif self.protocol == OHAUS:
            self.port.write(b"CP\r\n")
        self.streaming = True

    def stop_stream(self) -> ScaleAck | None:
        """MT-SICS ``@`` (answered with the serial number) / Ohaus ``0P``."""
        if self.protocol == TOLEDO:
            return None
        self.streaming = False
        if self.protocol == OHAUS:
            self.port.write(b"0P\r\n")
            return None
        return self.reset()

    def next_reading(self, timeout: float | None = None) -> WeightReading | None:
        """The next streamed reading, or None if none arrives within ``timeout``."""
        if self.protocol == MTSICS:
            self._check_tare_if_due()
        wait = self.port.settings.poll_interval if timeout is None else timeout
        deadline = time.monotonic() + wait
        while (item := self._next(deadline)) is not None:
            reading = self._reading_of(*item)
            if reading is not None:
                return reading
        return None

    # -- commands ---------------------------------------------------------------------------

    def zero(self) -> ScaleAck:
        return self._simple("Z")

    def tare(self) -> ScaleAck:
        return self._simple("T")

    def reset(self) -> ScaleAck:
        """MT-SICS ``@``: cancels everything (and a stream) and returns the balance to its
        power-on state, tare cleared; answers with the serial number. The tare register is
        asked afterwards, not assumed."""
        if self.protocol != MTSICS:
            return ScaleAck("@", False, False, "reset exists only in MT-SICS")
        self.streaming = False
        self.tare_register.forget("reset (@) sent: the balance clears its tare")
        _raw, reply = self._exchange("@", self.port.settings.response_timeout)
        ack = self._ack("@", reply)
        self.check_tare()
        return ack

    def check_tare(self) -> Decimal | None:
        """Ask an MT-SICS balance its tare register (``TA``): the tare value, or None when it
        cannot say (no ``TA`` on a level-0 balance, a refusal, no answer: readings are then
        neither net nor gross). Other protocols say net or gross in every frame: None."""
        if self.protocol != MTSICS or self.tare_register.readable is False:
            return None
        resume = self.streaming  # any MT-SICS command ends an SIR stream: start it again
        self.streaming = False
        reply: mtsics.SicsReply | None = None
        try:
            _raw, reply = self._exchange("TA", self.port.settings.response_timeout)
            found = mtsics.tare_of(reply)
        except DeviceTimeout as exc:  # the stream or the next command will tell a dead link
            found = str(exc)
        now = time.monotonic()
        if not isinstance(found, str):
            self.tare_register.told(*found, now)
        elif reply is not None and reply.ident == "ES":
            self.tare_register.unreadable(f"the balance does not know TA ({found})")
        else:
            self.tare_register.refused(found, now)
        if self.tare_register.value is None:
            log.warning(
                "%s: net or gross not known: %s", self.device_id, self.tare_register.problem
            )
        if resume:
            self.start_stream()
        return self.tare_register.value

    def _simple(self, command: str) -> ScaleAck:
        if self.protocol != MTSICS:
            self.port.write(command.encode("ascii") + b"\r\n")
            return ScaleAck(
                command, True, False, f"{command} sent; this protocol does not confirm it: "
                "watch the next reading."
            )  # fmt: skip
        resume = self.streaming  # any MT-SICS command ends an SIR stream: start it again
        self.streaming = False
        # Until the balance says otherwise: a zero may clear the tare, a refused or
        # unanswered command leaves the register in a state only the balance knows.
        self.tare_register.forget(f"{command} sent")
        _raw, reply = self._exchange(command, self.stable_timeout)
        ack = self._ack(command, reply)
        if command == "T" and ack.accepted and ack.value is not None:
            self.tare_register.told(ack.value, ack.unit, time.monotonic())  # "T S <tare> <u>"
        else:
            self.check_tare()
        if resume:
            self.start_stream()
        return ack

    def _ack(self, command: str, reply: mtsics.SicsReply) -> ScaleAck:
        error = mtsics.general_error(reply)
        if error:
            return ScaleAck(command, False, True, error, WeightStatus.ERROR, raw=reply.raw)
        if reply.status in mtsics.REFUSALS:
            status, detail = mtsics.REFUSALS[reply.status]
            return ScaleAck(command, False, True, detail, status, raw=reply.raw)
        pair = mtsics.value_and_unit(reply.args)
        value = parse_decimal(pair[0]) if pair else None
        text = (mtsics.quoted_text(reply) or "") if command in ("@", "I4") else ""
        if command == "@" and text:
            self.serial_number = text
        return ScaleAck(
            command, True, True, "done", value=value, unit=pair[1] if pair else "",
            text=text, raw=reply.raw,
        )  # fmt: skip

    # -- internals --------------------------------------------------------------------------

    def _default_wait(self, stable: bool) -> float:
        return self.stable_timeout if stable else self.port.settings.response_timeout

    def _exchange(self, command: str, wait: float) -> tuple[bytes, mtsics.SicsReply]:
        self._forget_stale()
        self.port.write(mtsics.command_bytes(command))
        deadline = time.monotonic() + wait
        wanted = mtsics.REPLY_IDS.get(command, frozenset({command}))
        while (item := self._next(deadline)) is not None:
            raw, reply = item
            if isinstance(reply, mtsics.SicsReply) and (
                reply.ident in wanted or reply.ident in mtsics.GENERAL_ERRORS
            ):
                return raw, reply
            log.debug("%s: ignoring %r while waiting for %s", self.device_id, raw, command)
        raise self._silence(command, wait)

    def _forget_stale(self) -> None:
        """Before a request: drop late answers to earlier ones, so they cannot pass as this."""
        self._ready.clear()
        self.decoder.reset()
        self.port.discard_input()

    def _command(self, command: str) -> mtsics.SicsReply:
        return self._exchange(command, self.port.settings.response_timeout)[1]

    def _ohaus_request(self, command: str, wait: float) -> WeightReading | None:
        """The answer to ``SP`` (stable only) or ``IP``. A balance set to print by itself
        keeps printing whatever the driver last sent it, so a line that ``SP`` cannot have
        sent (an unstable one) is taken as that output and not as the answer."""
        self._forget_stale()
        self.port.write(command.encode("ascii") + b"\r\n")
        deadline = time.monotonic() + wait
        while (item := self._next(deadline)) is not None:
            reading = self._reading_of(*item)
            if reading is None:
                continue
            if command == "SP" and reading.status is WeightStatus.UNSTABLE:
                log.debug("%s: %r is auto-print output, not the answer to SP", self.device_id,
                          reading.raw)  # fmt: skip
                continue
            return reading
        return None

    def _from_stream(self, stable: bool, wait: float) -> WeightReading:
        deadline = time.monotonic() + wait
        last: WeightReading | None = None
        while (item := self._next(deadline)) is not None:
            reading = self._reading_of(*item)
            if reading is None:
                continue
            if reading.stable or not stable or reading.status is not WeightStatus.UNSTABLE:
                return reading
            last = reading
        if last is None:
            raise self._silence("stream", wait)
        return last

    def _sics_reading(
        self, raw: bytes, reply: mtsics.SicsReply, *, confirm: bool = False
    ) -> WeightReading:
        """A weight line, stamped with the tare register; asked first when ``confirm`` (a
        stable weight requested) or when the weight has just settled after a movement."""
        weight = mtsics.to_weight(reply)
        if isinstance(weight, str):  # a reply that parsed but is not a weight
            log_rejected(log, self.device_id, raw, weight)
            weight = Weight(WeightStatus.ERROR, None, "", detail=weight)
        settled = self.tare_register.settled(weight.status is WeightStatus.STABLE)
        if confirm or settled:
            self.check_tare()
        return self._stamp(raw, weight)

    def _check_tare_if_due(self) -> None:
        if self.tare_register.due(time.monotonic()):
            self.check_tare()

    def _reading_of(self, raw: bytes, parsed: Parsed) -> WeightReading | None:
        if isinstance(parsed, Weight):
            return self._stamp(raw, parsed)
        if parsed.ident not in mtsics.WEIGHT_IDS:
            log.debug("%s: ignoring %r in the stream", self.device_id, raw)
            return None
        return self._sics_reading(raw, parsed)

    def _stamp(self, raw: bytes, weight: Weight) -> WeightReading:
        net, tare = weight.net, weight.tare
        if self.protocol == MTSICS:  # the line says neither: the tare register does
            register = self.tare_register
            net = register.net
            tare = register.value if register.unit == weight.unit else None
        return WeightReading(
            status=weight.status, value=weight.value, unit=weight.unit, net=net,
            device_id=self.device_id, serial_number=self.serial_number, raw=raw,
            received_at=datetime.now(UTC), received_ns=time.monotonic_ns(),
            tare=tare, detail=weight.detail,
        )  # fmt: skip

    def _next(self, deadline: float) -> tuple[bytes, Parsed] | None:
        """The next valid frame before ``deadline``; rejected frames are logged and counted."""
        while not self._ready:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self._absorb(self.port.read(left))
        return self._ready.popleft()

    def _absorb(self, data: bytes) -> None:
        if not data:
            return
        valid, problem = self.decoder.feed(data)
        self._ready.extend(valid)
        if problem and not self._ready:
            raise GarbledLink(problem)

    def _silence(self, what: str, wait: float) -> DeviceTimeout | GarbledLink:
        problem = self.decoder.silence_report()
        if problem:
            return GarbledLink(problem)
        return DeviceTimeout(
            f"{self.device_id}: no answer to {what!r} within {wait:.1f} s on "
            f"{self.port.settings.describe()}: check the cable, that the scale is on, and that "
            f"its interface is set to {self.protocol.upper()} at these line settings."
        )
