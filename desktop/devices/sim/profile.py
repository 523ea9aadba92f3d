"""Simulator profiles: behaviour and faults as data (TOML, read with tomllib).

A profile has a ``kind`` (scanner, scale, printer), a ``[device]`` table of defaults, a
``[replies]`` table choosing between reply forms the reference marks unconfirmed, and a list
of ``[[faults]]``, each an ``action`` triggered ``at`` seconds after start or ``after`` a
count of events (scans sent, frames sent, labels received or printed)::

    kind = "printer"
    [device]
    paper_labels = 23
    [[faults]]
    action = "disconnect"
    after = 10
    event = "received"
    duration = 0.3

Unknown keys are refused with the list of known ones, so a typo never passes silently.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

KINDS = ("scanner", "scale", "printer")


@dataclass(frozen=True)
class Fault:
    action: str
    at: float | None = None
    after: int | None = None
    event: str = ""
    duration: float | None = None
    value: str | None = None


@dataclass(frozen=True)
class ScannerDevice:
    baud: int = 9600
    terminator: str = "CR"  # CR, LF, CRLF, NONE
    aim_prefix: str = ""  # sent before texts that carry no AIM identifier, e.g. "]C0"
    char_delay: float = 0.0  # seconds between characters (a slow keyboard-wedge-like sender)


@dataclass(frozen=True)
class ScaleDevice:
    baud: int = 9600
    protocol: str = "mtsics"  # mtsics, toledo, ohaus
    serial_number: str = "B021002593"
    model: str = "WKC204C"
    software: str = "1.20"
    capacity: str = "6200.00"
    unit: str = "g"
    decimals: int = 2
    weight: str = "0.00"
    update_hz: float = 10.0  # SIR and continuous output rate
    settle_seconds: float = 0.4  # unstable this long after the load changes
    stable_timeout: float = 2.0  # an "S" not stable by then is answered "S I"
    jitter: str = "0.07"  # +- this much while unstable
    checksum: bool = True  # Toledo: send the checksum byte
    auto_print: str = "off"  # Ohaus: off or continuous
    gross_legend: bool = False  # Ohaus: print the G legend on gross lines (NET is always printed)
    sics_level: int = 1  # MT-SICS: 0 answers the level-1 commands (T, TA, ...) with ES


@dataclass(frozen=True)
class PrinterDevice:
    baud: int = 9600
    paper_labels: int = 100000  # labels left on the roll
    ribbon_labels: int = 1000000
    silent_on_error: bool = True  # a real Zebra does not answer ~HS in error states
    print_seconds: float = 0.0  # time to print one label
    label_length: int = 812
    password: str = "1234"
    model: str = "ZT411-203dpi"  # answered to ~HI
    firmware: str = "V92.21.39Z"


DEVICES: dict[str, type[ScannerDevice] | type[ScaleDevice] | type[PrinterDevice]] = {
    "scanner": ScannerDevice,
    "scale": ScaleDevice,
    "printer": PrinterDevice,
}
# Reply forms the reference marks [unconfirmed], each with its choices (the first is the
# default). MT-SICS: I4 vs @ for the reset answer, S vs A for tare, S vs SI for the answer
# to SI ("SI S ..." is sent by some firmware and by an independent emulator).
REPLY_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "scanner": {},
    "scale": {"reset_id": ("I4", "@"), "tare_status": ("S", "A"), "si_id": ("S", "SI")},
    "printer": {},
}
REPLY_DEFAULTS: dict[str, dict[str, str]] = {
    kind: {key: choices[0] for key, choices in forms.items()} for kind, forms in REPLY_FORMS.items()
}


@dataclass(frozen=True)
class Profile:
    kind: str
    name: str = "default"
    device: Any = None
    replies: dict[str, str] = field(default_factory=dict)
    faults: tuple[Fault, ...] = ()


def _build(cls: type[Any], table: dict[str, Any], where: str) -> Any:
    known = {f.name for f in fields(cls)}
    unknown = set(table) - known
    if unknown:
        raise ValueError(
            f"profile {where}: unknown key(s) {', '.join(sorted(unknown))}; "
            f"known keys are {', '.join(sorted(known))}"
        )
    return cls(**table)


def profile_from_dict(data: dict[str, Any], name: str = "profile") -> Profile:
    kind = data.get("kind")
    if kind not in KINDS:
        raise ValueError(f"profile {name}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    unknown = set(data) - {"kind", "name", "device", "replies", "faults"}
    if unknown:
        raise ValueError(f"profile {name}: unknown section(s) {', '.join(sorted(unknown))}")
    device = _build(DEVICES[kind], dict(data.get("device", {})), f"{name} [device]")
    replies = {**REPLY_DEFAULTS[kind], **_replies(kind, data.get("replies", {}), name)}
    faults = tuple(
        _build(Fault, dict(entry), f"{name} [[faults]] #{i + 1}")
        for i, entry in enumerate(data.get("faults", []))
    )
    return Profile(kind, str(data.get("name", name)), device, replies, faults)


def _replies(kind: str, table: dict[str, Any], name: str) -> dict[str, str]:
    forms = REPLY_FORMS[kind]
    for key, value in table.items():
        if key not in forms:
            known = ", ".join(sorted(forms)) or "none"
            raise ValueError(f"profile {name} [replies]: unknown key {key}; known keys: {known}")
        if str(value) not in forms[key]:
            raise ValueError(
                f"profile {name} [replies]: {key} = {value!r}; use one of "
                f"{', '.join(repr(c) for c in forms[key])}"
            )
    return {str(k): str(v) for k, v in table.items()}


def default_profile(kind: str) -> Profile:
    return profile_from_dict({"kind": kind}, f"default {kind}")


def load_profile(source: str | Path, kind: str | None = None) -> Profile:
    """A profile from a TOML file, or by name from the bundled ones (``scale-toledo``)."""
    path = Path(source)
    if path.suffix != ".toml" and not path.exists():
        text = resources.files("desktop.devices.sim").joinpath(f"profiles/{source}.toml")
        data = tomllib.loads(text.read_text(encoding="utf-8"))
    else:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    profile = profile_from_dict(data, path.stem)
    if kind is not None and profile.kind != kind:
        raise ValueError(f"profile {source} is for a {profile.kind}, not a {kind}")
    return profile
