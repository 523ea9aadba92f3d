"""Mettler Toledo MT-SICS: pure parsing of reply lines (no I/O).

Replies are ``ID Status [args]`` lines ending CR LF, e.g. ``S S     100.00 g``. Where the
reference marks a reply form as unconfirmed, both forms are accepted here:
- tare: ``T S <w> <u>`` (manual) and ``T A <w> <u>`` (InstrumentKit's test) [unconfirmed];
- reset ``@``: ``I4 A "<serial>"`` (manual) and ``@ A "<serial>"`` (InstrumentKit) [unconfirmed];
- zero: ``Z A``; ``Z +`` / ``Z -`` for the zero range [unconfirmed];
- send immediately ``SI``: ``S S <w> <u>`` (manual) and ``SI S <w> <u>`` (some firmware, an
  independent emulator) [unconfirmed]; read in a ``SIR`` stream too;
- tare register ``TA``: ``TA A <w> <u>`` (emulators; level 1) and ``TA S <w> <u>``
  [unconfirmed]; a level-0 balance answers ``ES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from desktop.devices.weights import Weight, WeightStatus, parse_decimal

GENERAL_ERRORS: dict[str, str] = {
    "ES": "syntax error: the scale did not recognise the command",
    "ET": "transmission error: parity error or interface break; check the line settings",
    "EL": "logical error: the command cannot be executed now",
}
STATUSES = frozenset("SDAIL+-B")
REFUSALS: dict[str, tuple[WeightStatus, str]] = {
    "I": (WeightStatus.BUSY, "not executable now (busy, or no stability in time)"),
    "+": (WeightStatus.OVERLOAD, "upper limit exceeded"),
    "-": (WeightStatus.UNDERLOAD, "lower limit exceeded"),
    "L": (WeightStatus.ERROR, "logical error: parameter not allowed"),
}
# Identifiers of the lines that carry a weight: "S" (manual), "SI" [unconfirmed].
WEIGHT_IDS = frozenset({"S", "SI"})
# Which reply identifiers answer which command.
REPLY_IDS: dict[str, frozenset[str]] = {
    "S": frozenset({"S"}),
    "SI": WEIGHT_IDS,  # the manual answers SI with "S S ..." / "S D ..."; some firmware "SI S"
    "SIR": WEIGHT_IDS,
    "Z": frozenset({"Z"}),
    "ZI": frozenset({"ZI"}),
    "T": frozenset({"T"}),
    "TA": frozenset({"TA"}),
    "@": frozenset({"I4", "@"}),  # [unconfirmed]: accept both
    "I4": frozenset({"I4"}),
}
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_IDENT = re.compile(r"[A-Z][A-Z0-9]{0,3}|@")


@dataclass(frozen=True)
class SicsReply:
    ident: str
    status: str
    args: tuple[str, ...]
    raw: bytes


def command_bytes(command: str) -> bytes:
    return command.encode("ascii") + b"\r\n"


def parse_line(line: bytes) -> SicsReply | str:
    """One reply line (without CR LF) -> :class:`SicsReply`, or a string saying why not."""
    try:
        text = line.decode("ascii").rstrip("\r")
    except UnicodeDecodeError:
        return "not ASCII"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        return "control characters in a reply line"
    tokens = [m.group(1) if m.group(1) is not None else m.group(2) for m in _TOKEN.finditer(text)]
    if not tokens or not _IDENT.fullmatch(tokens[0]):
        return "no reply identifier"
    if tokens[0] in GENERAL_ERRORS and len(tokens) == 1:
        return SicsReply(tokens[0], "", (), bytes(line))
    if len(tokens) < 2 or tokens[1] not in STATUSES:
        return "no status after the identifier"
    return SicsReply(tokens[0], tokens[1], tuple(tokens[2:]), bytes(line))


def general_error(reply: SicsReply) -> str | None:
    return GENERAL_ERRORS.get(reply.ident)


def value_and_unit(args: tuple[str, ...]) -> tuple[str, str] | None:
    """``("-12.34", "g")`` from ``("-12.34", "g")`` or ``("-", "12.34", "g")``."""
    if len(args) >= 3 and args[0] in ("+", "-"):
        args = (args[0] + args[1], *args[2:])
    if len(args) < 2 or not _unit_ok(args[1]):
        return None
    return args[0], args[1]


def _unit_ok(unit: str) -> bool:
    return 0 < len(unit) <= 5 and all(c.isalpha() or c in "%/" for c in unit)


def to_weight(reply: SicsReply) -> Weight | str:
    """The weight in an ``S``/``SI``/``SIR`` reply (refusals included), or why it is not one.
    The line does not say net or gross: the :class:`Weight` leaves ``net`` None."""
    error = general_error(reply)
    if error:
        return Weight(WeightStatus.ERROR, None, "", detail=f"{reply.ident}: {error}")
    if reply.ident not in WEIGHT_IDS:
        return f"reply {reply.ident!r} is not a weight"
    if reply.status in REFUSALS:
        status, detail = REFUSALS[reply.status]
        return Weight(status, None, "", detail=f"{reply.ident} {reply.status}: {detail}")
    if reply.status not in ("S", "D"):
        return f"weight status {reply.status!r} is neither S (stable) nor D (dynamic)"
    pair = value_and_unit(reply.args)
    value = parse_decimal(pair[0]) if pair else None
    if pair is None or value is None:
        return "weight value or unit unreadable"
    status = WeightStatus.STABLE if reply.status == "S" else WeightStatus.UNSTABLE
    return Weight(status, value, pair[1])


def quoted_text(reply: SicsReply) -> str | None:
    """The quoted text of ``I4 A "B021002593"`` (serial number) and similar replies."""
    return reply.args[0] if reply.status == "A" and reply.args else None


def tare_of(reply: SicsReply) -> tuple[Decimal, str] | str:
    """The tare register in a ``TA A <w> <u>`` reply as (value, unit), or why it is not one
    (a refusal, ``ES`` from a level-0 balance, an unreadable value)."""
    error = general_error(reply)
    if error:
        return f"{reply.ident}: {error}"
    if reply.ident != "TA":
        return f"reply {reply.ident!r} is not the tare register"
    if reply.status in REFUSALS:
        return f"TA {reply.status}: {REFUSALS[reply.status][1]}"
    pair = value_and_unit(reply.args) if reply.status in ("A", "S") else None
    value = parse_decimal(pair[0]) if pair else None
    if pair is None or value is None:
        return f"tare register unreadable in {reply.raw!r}"
    return value, pair[1]
