"""Small text helpers shared by the UDI modules: quoting input in messages, character sets."""

from __future__ import annotations

GS = "\x1d"
"""ASCII group separator: how scanners transmit an FNC1 separator."""

QUOTE_LIMIT = 40
"""Longest piece of input quoted in a message before it is cut with an ellipsis."""

# GS1 character set 82 (REFERENCE 1.1): !"%&'()*+,-./0-9:;<=>?A-Z_a-z
CSET82 = frozenset(
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
)
CSET82_HELP = "letters A-Z a-z, digits and !\"%&'()*+,-./:;<=>?_"

_NAMED = {" ": "space", GS: "GS separator", "\t": "tab", "\r": "carriage return", "\n": "newline"}


def visible(text: str) -> str:
    """``text`` with control characters made visible: GS as <GS>, others as \\xNN."""
    if text.isprintable() and GS not in text:
        return text
    return "".join(_visible_char(c) for c in text)


def _visible_char(char: str) -> str:
    if char == GS:
        return "<GS>"
    if char.isprintable():
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def show(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Quote a piece of input for a message, cut to ``limit`` characters with "…"."""
    if len(text) <= limit:
        return f'"{visible(text)}"'
    return f'"{visible(text[:limit])}…" ({len(text)} characters)'


def describe_char(char: str) -> str:
    """A character as a reader can find it on a label: '"$"' or '" " (space)'."""
    name = _NAMED.get(char)
    shown = f'"{_visible_char(char)}"'
    return f"{shown} ({name})" if name else shown


def first_outside(text: str, allowed: frozenset[str] | str) -> int:
    """Index of the first character of ``text`` not in ``allowed``, or -1."""
    for index, char in enumerate(text):
        if char not in allowed:
            return index
    return -1
