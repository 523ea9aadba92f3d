"""GS1-128: codewords, ZPL ^BC field data (mode N) and the bar pattern.

The ZPL is written the way REFERENCE 3.3 found to decode right on the zebrash renderer: start
``>;>8`` (subset C, FNC1), digit pairs in subset C, ``>8`` for each separator, and one switch
``>6`` to subset B before the first letter or odd digit; the symbol then stays in subset B.
It never goes back with ``>5``: zebrash turns ``>5`` into FNC4 wherever it appears (checked with
zpl-renderer-js 3.4 in every position: after ``>8``, before it, mid-data), so a ``>5`` label
could not be proven by the independent engine. A ``>6`` followed by exactly one last character
is also dropped by zebrash, so in that case the switch is made one digit pair earlier.

The same codewords give the width that the layout reserves, and ``codewords_from_zpl`` reads a
^BC field back (ZPL II manual semantics) so that the exact bytes sent can be verified.
"""

from __future__ import annotations

from barcode.charsets.code128 import CODES as _CODES

from desktop.labels.errors import LabelError

GS = "\x1d"
MAX_DATA_CHARS = 48  # GS1 GenSpecs: at most 48 data characters per GS1-128 symbol
QUIET_ZONE_MODULES = 10
CODE_C, CODE_B, CODE_A, FNC1 = 99, 100, 101, 102
START_A, START_B, START_C = 103, 104, 105
_STOP = "1100011101011"
_PATTERNS: tuple[str, ...] = tuple(str(code) for code in _CODES)

# ZPL invocation codes that stand for data characters in subsets A and B.
_ESCAPED_B = {30: ">0", 62: "><", 94: ">="}
_B_INVOCATIONS = {"0": 30, "<": 62, "=": 94, "1": 95, "2": 96, "3": 97, "4": 98, "8": FNC1}


def gs1_128_codewords(data: str) -> tuple[int, ...]:
    """Codewords (start included; check and stop excluded) for a GS1 element string.

    ``data`` has GS (0x1D) after each variable-length field but the last, as compose() makes it.
    """
    _check_characters(data)
    codes = [START_C, FNC1]
    i, in_c = 0, True
    while i < len(data):
        if data[i] == GS:
            codes.append(FNC1)
            i += 1
        elif in_c and data[i : i + 2].isdigit() and len(data[i : i + 2]) == 2:
            codes.append(int(data[i : i + 2]))
            i += 2
        elif in_c:
            if len(data) - i == 1 and 0 <= codes[-1] <= 99:
                codes.pop()  # zebrash drops a lone last character after >6: switch a pair earlier
                i -= 2
            codes.append(CODE_B)
            in_c = False
        else:
            codes.append(ord(data[i]) - 32)
            i += 1
    return tuple(codes)


def _check_characters(data: str) -> None:
    for ch in data:
        if ch != GS and not " " < ch < "\x7f":
            raise LabelError(
                f"GS1-128 data holds {ch!r}, which is not a GS1 character: "
                "use the GS1 character set 82 (letters, digits and !\"%&'()*+,-./:;<=>?_)"
            )


def zpl_field_data(codewords: tuple[int, ...]) -> str:
    """The ^FD text that makes a Zebra printer emit exactly ``codewords`` in ^BC mode N."""
    if not codewords or codewords[0] != START_C:
        raise ValueError("GS1-128 codewords must start in subset C")
    out = [">;"]
    in_c = True
    for code in codewords[1:]:
        if code == FNC1:
            out.append(">8")
        elif in_c and code == CODE_B:
            out.append(">6")
            in_c = False
        elif in_c:
            out.append(f"{code:02d}")
        else:
            out.append(_ESCAPED_B.get(code, chr(code + 32)))
    return "".join(out)


def codewords_from_zpl(field: str) -> tuple[int, ...]:
    """Read ^BC mode N field data back to codewords, as the ZPL II manual defines it."""
    starts = {">9": START_A, ">:": START_B, ">;": START_C}
    if field[:2] not in starts:
        raise ValueError(f"^BC field data {field[:12]!r} does not begin with a start code")
    codes = [starts[field[:2]]]
    subset = {START_A: "A", START_B: "B", START_C: "C"}[codes[0]]
    i = 2
    while i < len(field):
        code, subset, i = _next_codeword(field, i, subset)
        codes.append(code)
    return tuple(codes)


def _next_codeword(field: str, i: int, subset: str) -> tuple[int, str, int]:
    pair = field[i : i + 2]
    if pair[:1] == ">" and len(pair) == 2:
        if pair == ">8":
            return FNC1, subset, i + 2
        if pair == ">6":
            return CODE_B, "B", i + 2  # FNC4 when already in B: same value, no subset change
        if pair == ">5":
            return CODE_C, "C", i + 2
        if pair == ">7":
            return CODE_A, "A", i + 2
        if subset != "C" and pair[1] in _B_INVOCATIONS:
            return _B_INVOCATIONS[pair[1]], subset, i + 2
        raise ValueError(f"unknown ^BC invocation {pair!r} in subset {subset}")
    if subset == "C":
        if not pair.isdigit() or len(pair) != 2:
            raise ValueError(f"subset C needs digit pairs, found {pair!r}")
        return int(pair), subset, i + 2
    if subset == "A":
        raise ValueError("subset A is not used by Lotline GS1-128 fields")
    return ord(field[i]) - 32, subset, i + 1


def check_codeword(codewords: tuple[int, ...]) -> int:
    total = codewords[0] + sum(pos * code for pos, code in enumerate(codewords) if pos)
    return total % 103


def bar_pattern(codewords: tuple[int, ...]) -> str:
    """Modules from the start to the stop bar, '1' dark, '0' light (no quiet zones)."""
    body = "".join(_PATTERNS[code] for code in codewords)
    return body + _PATTERNS[check_codeword(codewords)] + _STOP


def symbol_modules(codewords: tuple[int, ...]) -> int:
    """Width in modules without quiet zones: 11 per codeword and check, 13 for the stop."""
    return 11 * (len(codewords) + 1) + 13
