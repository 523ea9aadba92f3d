"""Port settings from station configuration: a frozen value, validated once, with clear errors."""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

TERMINATORS: dict[str, bytes] = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n", "NONE": b""}
PARITIES: dict[str, str] = {
    "N": "N", "NONE": "N", "E": "E", "EVEN": "E", "O": "O", "ODD": "O",
    "M": "M", "MARK": "M", "S": "S", "SPACE": "S",
}  # fmt: skip
BYTESIZES = (5, 6, 7, 8)
STOPBITS = (1, 1.5, 2)
FLOW_CONTROLS = ("none", "xonxoff", "rtscts")
WINDOWS_PORT = re.compile(r"^(\\\\\.\\)?COM\d+$", re.IGNORECASE)  # COM4, \\.\COM12

# Configuration keys of a [devices.X] table that belong to the drivers, not to the port.
DRIVER_KEYS: frozenset[str] = frozenset(
    {
        "device_id", "protocol", "checksum", "journal", "kind", "enabled",
        "simulate", "profile", "hibc_window", "garble_threshold", "stream", "serial_number",
        "stable_timeout", "status_interval", "poll_every",
    }
)  # fmt: skip

# Accepted spellings of the port keys (config name -> field name).
_ALIASES: dict[str, str] = {
    "url": "url", "port": "url", "baud": "baudrate", "baudrate": "baudrate",
    "data_bits": "bytesize", "bytesize": "bytesize", "parity": "parity",
    "stop_bits": "stopbits", "stopbits": "stopbits", "xonxoff": "xonxoff", "rtscts": "rtscts",
    "terminator": "terminator", "inter_char_timeout": "inter_char_timeout",
    "response_timeout": "response_timeout", "timeout": "response_timeout",
    "poll_interval": "poll_interval", "write_timeout": "write_timeout",
    "reconnect_min": "reconnect_min", "reconnect_max": "reconnect_max", "trace": "trace",
}  # fmt: skip


@dataclass(frozen=True)
class PortSettings:
    """How to reach one device: a pyserial URL plus line settings and timeouts (in seconds).

    ``url`` is anything ``serial.serial_for_url`` opens: ``/dev/ttyUSB0``, ``COM4``,
    ``socket://host:9100``, ``rfc2217://host:port``, ``loop://``. Line settings are ignored by
    ``socket://`` (a TCP stream has no baud rate).
    """

    url: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    xonxoff: bool = False
    rtscts: bool = False
    terminator: str = "CRLF"
    inter_char_timeout: float = 0.05
    response_timeout: float = 1.0
    poll_interval: float = 0.05
    write_timeout: float = 2.0
    reconnect_min: float = 0.05
    reconnect_max: float = 2.0
    trace: str | None = None

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise ValueError(f"port settings for {self.url!r}: " + "; ".join(problems))

    @property
    def terminator_bytes(self) -> bytes:
        return TERMINATORS[self.terminator]

    @property
    def is_tcp(self) -> bool:
        return self.url.lower().startswith("socket://")

    def describe(self) -> str:
        """``/dev/ttyUSB0 9600 8N1`` style summary for messages and the status strip."""
        if self.is_tcp:
            return self.url
        stop = int(self.stopbits) if self.stopbits != 1.5 else 1.5
        return f"{self.url} {self.baudrate} {self.bytesize}{self.parity}{stop}"

    def with_url(self, url: str) -> PortSettings:
        return replace(self, url=url)

    @classmethod
    def from_mapping(
        cls, mapping: Mapping[str, Any], *, extra_keys: Collection[str] = DRIVER_KEYS
    ) -> PortSettings:
        """Build settings from a configuration table such as ``[devices.scanner]``.

        Accepts ``baud``, ``data_bits``, ``parity`` (N/E/O/M/S or none/even/odd/mark/space),
        ``stop_bits``, ``flow_control`` (none/xonxoff/rtscts) or ``xonxoff``/``rtscts``
        booleans, ``terminator`` (CR/LF/CRLF/NONE), timeouts in seconds (or ``*_ms`` in
        milliseconds) and ``trace`` (a file path). Keys in ``extra_keys`` are left to the
        driver; any other key is refused, so a typo never passes silently.
        """
        values: dict[str, Any] = {}
        for raw_key, value in mapping.items():
            key = str(raw_key).lower()
            if key in extra_keys:
                continue
            if key == "flow_control" or key == "flow":
                values.update(_flow(value))
            elif key.endswith("_ms") and key[:-3] in _ALIASES:
                values[_ALIASES[key[:-3]]] = float(value) / 1000.0
            elif key in _ALIASES:
                values[_ALIASES[key]] = value
            else:
                known = sorted({*_ALIASES, "flow_control", *extra_keys})
                raise ValueError(
                    f"unknown device setting {raw_key!r}: known settings are {', '.join(known)}"
                )
        if "url" not in values:
            raise ValueError(
                "device settings need a 'url' (e.g. /dev/ttyUSB0 or socket://host:9100)"
            )
        return cls(**_normalised(values))


def _flow(value: Any) -> dict[str, bool]:
    text = str(value).strip().lower()
    if text not in FLOW_CONTROLS:
        raise ValueError(f"flow_control {value!r}: use one of {', '.join(FLOW_CONTROLS)}")
    return {"xonxoff": text == "xonxoff", "rtscts": text == "rtscts"}


def _normalised(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    if "parity" in out:
        text = str(out["parity"]).strip().upper()
        out["parity"] = PARITIES.get(text, text)
    if "terminator" in out:
        out["terminator"] = str(out["terminator"]).strip().upper().replace("+", "")
    number_fields = {f.name for f in fields(PortSettings) if f.type in ("int", "float")}
    for name in number_fields & out.keys():
        out[name] = _number(name, out[name])
    for name in ("xonxoff", "rtscts"):
        if name in out and not isinstance(out[name], bool):
            raise ValueError(f"{name} must be true or false, not {out[name]!r}")
    return out


def _number(name: str, value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, not {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, not {value!r}") from None
    return int(number) if name in ("baudrate", "bytesize") and number.is_integer() else number


def _problems(s: PortSettings) -> list[str]:
    problems: list[str] = []
    if not s.url.strip():
        problems.append("url is empty: give a device path, COM port or socket://host:port")
    wrong_platform = port_name_problem(s.url)
    if wrong_platform:
        problems.append(wrong_platform)
    if s.baudrate <= 0:
        problems.append(f"baud rate {s.baudrate} must be positive (e.g. 9600)")
    if s.bytesize not in BYTESIZES:
        problems.append(f"data bits {s.bytesize} must be one of 5, 6, 7, 8")
    if s.parity not in set(PARITIES.values()):
        problems.append(f"parity {s.parity!r} must be N, E, O, M or S")
    if s.stopbits not in STOPBITS:
        problems.append(f"stop bits {s.stopbits} must be 1, 1.5 or 2")
    if s.terminator not in TERMINATORS:
        problems.append(f"terminator {s.terminator!r} must be CR, LF, CRLF or NONE")
    if s.xonxoff and s.rtscts:
        problems.append("choose one flow control: xonxoff or rtscts, not both")
    for name in ("inter_char_timeout", "response_timeout", "poll_interval", "write_timeout"):
        if getattr(s, name) <= 0:
            problems.append(f"{name} must be more than 0 seconds")
    if not 0 < s.reconnect_min <= s.reconnect_max:
        problems.append("reconnect back-off needs 0 < reconnect_min <= reconnect_max")
    return problems


def port_name_problem(url: str, os_name: str = os.name) -> str | None:
    """Why ``url`` names a serial port of another operating system, or None.

    A station file copied from a Windows bench to a Linux one (or back) names ports this
    computer cannot have; saying so beats "could not open port" at the first scan.
    """
    name = url.strip()
    if os_name == "nt" and name.startswith("/dev/"):
        return (
            f'"{name}" is a Linux device path: on Windows serial ports are COM1, COM2, ... '
            "(Device Manager, Ports (COM & LPT), shows which one the adapter got)"
        )
    if os_name != "nt" and WINDOWS_PORT.match(name):
        return (
            f'"{name}" is a Windows port name: on this computer serial ports are device paths '
            "such as /dev/ttyUSB0, /dev/ttyACM0 or a stable /dev/serial/by-id/... link"
        )
    return None
