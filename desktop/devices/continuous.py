"""Continuous-output scale formats, pure (no I/O): Mettler Toledo standard continuous and the
plain ASCII lines of Ohaus balances.

Toledo frame: ``STX SWA SWB SWC W5..W0 T5..T0 CR [CHK]`` (17 or 18 bytes). Bit 7 is parity on
7-bit lines and the "constant" bits differ between vendors (MT, Fairbanks, clones), so every
byte is masked to 7 bits and the constant bits are never relied upon.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.devices.weights import Weight, WeightStatus, parse_decimal

STX, CR = 0x02, 0x0D
FRAME_LEN = 17  # without the optional checksum


def toledo_checksum(frame: bytes) -> int:
    """2's complement of the low 7 bits of the sum of every byte, STX and CR included."""
    return -sum(b & 0x7F for b in frame) & 0x7F


class ToledoFramer:
    """Cuts 17- or 18-byte frames out of the stream and resynchronises on the next STX.

    ``checksum``: True (always 18 bytes), False (17), None (auto: a byte after CR that is not
    STX is taken as a checksum if it verifies; auto waits for that byte, one frame later).
    """

    def __init__(self, checksum: bool | None = None) -> None:
        self.checksum = checksum
        self._buffer = bytearray()

    def reset(self) -> None:
        self._buffer.clear()

    @property
    def pending(self) -> bytes:
        return bytes(self._buffer)

    def feed(self, data: bytes) -> tuple[list[bytes], list[bytes]]:
        """``(frames, rejected runs)`` completed by ``data``."""
        self._buffer += data
        frames: list[bytes] = []
        junk: list[bytes] = []
        while True:
            start = next((i for i, b in enumerate(self._buffer) if b & 0x7F == STX), -1)
            if start != 0:
                self._reject(len(self._buffer) if start < 0 else start, junk)
                if start < 0:
                    return frames, junk
            taken = self._take()
            if taken is None:
                return frames, junk
            if taken:
                frames.append(taken)
            else:  # not a frame at this STX: drop it and look for the next one
                self._reject(1, junk)

    def _take(self) -> bytes | None:
        """A frame at the start of the buffer, b"" if there is none there, None to wait."""
        buf = self._buffer
        if len(buf) < FRAME_LEN:
            return None
        if buf[FRAME_LEN - 1] & 0x7F != CR:
            return b""
        if self.checksum is False:
            return self._cut(FRAME_LEN)
        if len(buf) < FRAME_LEN + 1:
            return None
        verifies = buf[FRAME_LEN] & 0x7F == toledo_checksum(bytes(buf[:FRAME_LEN]))
        if verifies and not (self.checksum is None and buf[FRAME_LEN] & 0x7F == STX):
            return self._cut(FRAME_LEN + 1)
        if self.checksum is None:
            return self._cut(FRAME_LEN)
        return b""

    def _cut(self, length: int) -> bytes:
        frame = bytes(self._buffer[:length])
        del self._buffer[:length]
        return frame

    def _reject(self, count: int, junk: list[bytes]) -> None:
        if count:
            junk.append(bytes(self._buffer[:count]))
            del self._buffer[:count]


def _digits(field: bytes) -> int | None:
    text = field.decode("ascii").replace(" ", "0")
    return int(text) if text.isdigit() else None


def _scaled(raw: int, code: int) -> Decimal:
    # Codes 0-2 are dummy zeros (XXXX00, XXXXX0, XXXXXX); 3-7 put a decimal point in.
    # [unconfirmed] whether the dummy zeros are part of the 6 digits: read here as NOT sent,
    # so code 0 multiplies by 100. The simulator encodes the same way; check on a real scale.
    if code <= 2:
        return Decimal(raw * 10 ** (2 - code))
    return Decimal(raw).scaleb(-(code - 2))


def parse_toledo(frame: bytes) -> Weight | str:
    """A Toledo frame (17 or 18 bytes, from :class:`ToledoFramer`) -> :class:`Weight`."""
    if len(frame) not in (FRAME_LEN, FRAME_LEN + 1):
        return f"length {len(frame)}, expected 17 or 18"
    b = bytes(x & 0x7F for x in frame)
    swa, swb, swc = b[1], b[2], b[3]
    weight, tare = _digits(b[4:10]), _digits(b[10:16])
    if weight is None or tare is None:
        return "weight or tare field is not six digits"
    code = swa & 0x07
    unit = "g" if swc & 0x01 else ("kg" if swb & 0x10 else "lb")
    net, negative, out_of_range, motion = (bool(swb & bit) for bit in (1, 2, 4, 8))
    if out_of_range:
        status = WeightStatus.UNDERLOAD if negative else WeightStatus.OVERLOAD
        return Weight(status, None, unit, net, detail="out of range (status byte B bit 2)")
    value = _scaled(weight, code)
    status = WeightStatus.UNSTABLE if motion else WeightStatus.STABLE
    return Weight(status, -value if negative else value, unit, net, tare=_scaled(tare, code))


def parse_ohaus(line: bytes) -> Weight | str:
    """``    192.21 g`` / ``      0.01 g ?`` / ``-   12.5 kg   NET`` -> :class:`Weight`.

    Layout: weight (sign, decimal point, right-justified), unit, ``?`` while unstable, then an
    optional legend: NET (net), G (gross), T (a tare print-out), TOTAL, or a time. Net or
    gross is what the legend says; a line without NET or G does not say (``net`` None): a
    balance whose legend printing is off looks the same whether tared or not.
    """
    try:
        text = line.decode("ascii").rstrip("\r\n")
    except UnicodeDecodeError:
        return "not ASCII"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        return "control characters in a weight line"
    tokens = text.split()
    if len(tokens) >= 2 and tokens[0] in ("+", "-"):
        tokens = [tokens[0] + tokens[1], *tokens[2:]]
    if len(tokens) < 2:
        return "no weight and unit"
    value = parse_decimal(tokens[0])
    unit = tokens[1]
    if value is None or not (0 < len(unit) <= 5 and unit.replace("%", "a").isalpha()):
        return "weight value or unit unreadable"
    rest = [t.upper() for t in tokens[2:]]
    if "T" in rest or "TOTAL" in rest:
        return "a tare or total print-out, not a weight"
    status = WeightStatus.UNSTABLE if "?" in rest else WeightStatus.STABLE
    net = True if {"NET", "N"} & set(rest) else (False if {"G", "GROSS"} & set(rest) else None)
    return Weight(status, value, unit, net=net)
