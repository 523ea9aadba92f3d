"""GS1 helpers the label layer needs beyond compose(): element strings of parts of a UDI."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.udi import is_fixed_length

GS = "\x1d"

_NAMES = {"01": "GTIN", "10": "lot", "11": "production date", "17": "expiry", "21": "serial"}


def join_pairs(pairs: Sequence[tuple[str, str]]) -> str:
    """Element string of ``pairs`` in order: GS after each variable-length field but the last."""
    out: list[str] = []
    last = len(pairs) - 1
    for index, (ai, value) in enumerate(pairs):
        out.append(ai + value)
        if index < last and not is_fixed_length(ai):
            out.append(GS)
    return "".join(out)


def ai_name(ai: str) -> str:
    """What to call an AI in a message: "lot", "serial", or "AI (240)"."""
    return _NAMES.get(ai, f"AI ({ai})")


def shorten(value: str, keep: int = 12) -> str:
    """A value for a message: at most ``keep`` characters, then an ellipsis."""
    return value if len(value) <= keep else value[:keep] + "…"


def widest_value(pairs: Sequence[tuple[str, str]]) -> str:
    """Name the likely culprit, e.g. "lot 'ABC…'": the longest variable-length value."""
    ai, value = max(pairs, key=lambda pair: (not is_fixed_length(pair[0]), len(pair[1])))
    return f"{ai_name(ai)} '{shorten(value)}'"
