"""HIBC check character and primary/secondary pairing for the scanner driver.

Devices may not import the domain package, so the mod-43 check lives here too (it is small).
The HIBC check character is the Code 39 mod-43 check over the whole string *including* the
leading '+'. Check characters can be '+', ' ', '$', '/', '%': never strip a HIBC string.
"""

from __future__ import annotations

CODE39 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%"
_VALUE = {char: value for value, char in enumerate(CODE39)}

PRIMARY = "primary"
SECONDARY = "secondary"
CONCATENATED = "concatenated"


def check_char(data: str) -> str | None:
    """The mod-43 check character of ``data``; None if a character is outside the Code 39 set."""
    total = 0
    for char in data:
        value = _VALUE.get(char)
        if value is None:
            return None
        total += value
    return CODE39[total % 43]


def is_valid(text: str) -> bool:
    """A '+'-led HIBC string whose last character is its correct check character."""
    return len(text) >= 3 and text[0] == "+" and check_char(text[:-1]) == text[-1]


def role(text: str) -> str | None:
    """primary ('+' then a letter), secondary ('+$...' or old '+YYJJJ...'), concatenated, None."""
    if not is_valid(text):
        return None
    if "/" in text[1:-1] and text[1].isalpha():
        return CONCATENATED
    if text[1].isalpha():
        return PRIMARY
    if text[1] == "$" or text[1].isdigit():
        return SECONDARY
    return None


class HibcPairer:
    """Pairs a secondary read with the primary read just before it, by the link character.

    The secondary's link character (second to last) must equal the primary's check character
    (last), and the secondary must come within ``window_ns`` of the primary. A primary is only
    remembered until the next read, so pairs are always two *consecutive* reads.
    """

    def __init__(self, window_ns: int = 10_000_000_000) -> None:
        self.window_ns = window_ns
        self._primary: tuple[str, int] | None = None

    def observe(self, text: str, now_ns: int) -> str | None:
        """Feed one read; returns the primary's text when this read is its linked secondary."""
        previous, self._primary = self._primary, None
        kind = role(text)
        if kind == PRIMARY:
            self._primary = (text, now_ns)
            return None
        if kind != SECONDARY or previous is None:
            return None
        primary, seen_ns = previous
        if now_ns - seen_ns > self.window_ns or len(text) < 3 or text[-2] != primary[-1]:
            return None
        return primary
