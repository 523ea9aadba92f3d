"""Finding devices: the serial ports of this computer, and probes that ask a port what is on
it (an MT-SICS balance answers ``I4`` with its serial number, a Zebra printer answers ``~HI``
with its model). Probes never raise for a silent or foreign device: they return None."""

from __future__ import annotations

import re
from dataclasses import dataclass

import serial
from serial.tools import list_ports

I4_REPLY = re.compile(rb'I4 A "([^"]*)"')
HI_REPLY = re.compile(rb"\x02([^\x03]*)\x03")


@dataclass(frozen=True)
class PortInfo:
    device: str
    description: str
    hwid: str


@dataclass(frozen=True)
class Detected:
    url: str
    kind: str  # "scale" or "printer"
    identity: str  # the scale's serial number, the printer's model and firmware


def serial_ports() -> list[PortInfo]:
    """Serial ports the operating system lists (USB-serial adapters, COM ports, ACM)."""
    return [
        PortInfo(p.device, p.description or "", p.hwid or "")
        for p in sorted(list_ports.comports(), key=lambda p: p.device)
    ]


def _ask(url: str, command: bytes, until: bytes, baud: int, timeout: float) -> bytes:
    with serial.serial_for_url(url, baudrate=baud, timeout=timeout) as port:
        port.reset_input_buffer()
        port.write(command)
        port.flush()
        return bytes(port.read_until(until, size=512))


def probe_scale(url: str, baud: int = 9600, timeout: float = 0.6) -> str | None:
    """The serial number of an MT-SICS balance on ``url``, or None."""
    try:
        found = I4_REPLY.search(_ask(url, b"I4\r\n", b"\n", baud, timeout))
    except (serial.SerialException, OSError, ValueError):
        return None
    return found.group(1).decode("ascii", "replace") if found else None


def probe_printer(url: str, baud: int = 9600, timeout: float = 0.6) -> str | None:
    """The model and firmware a Zebra printer on ``url`` reports to ``~HI``, or None."""
    try:
        found = HI_REPLY.search(_ask(url, b"~HI", b"\x03", baud, timeout))
    except (serial.SerialException, OSError, ValueError):
        return None
    return found.group(1).decode("ascii", "replace") if found else None


def autodetect(urls: list[str], baud: int = 9600) -> list[Detected]:
    """Ask every port whether a balance or a printer is on it."""
    found: list[Detected] = []
    for url in urls:
        serial_number = probe_scale(url, baud)
        if serial_number is not None:
            found.append(Detected(url, "scale", serial_number))
            continue
        model = probe_printer(url, baud)
        if model is not None:
            found.append(Detected(url, "printer", model))
    return found
