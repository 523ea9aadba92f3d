"""What a mismatched baud rate does to bytes on a real serial line (for the simulators).

A pseudo-terminal passes bytes whatever baud rate either side sets, so a simulator that wants
to show the wrong-baud symptom honestly models the line: it reads the baud rate the driver set
on the pty (the master sees the slave's termios) and, when it differs from the device's own,
passes every byte through :func:`garble`, a bit-level model of a UART sampling an 8N1 signal
sent at another speed. Framing errors read as NUL, as Linux delivers them by default.
"""

from __future__ import annotations

import functools

STANDARD_BAUDS = (
    50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400,
    57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000,
)  # fmt: skip


@functools.cache
def _speeds() -> dict[int, int]:
    import termios  # POSIX only: imported here so that TCP simulators work on Windows too

    return {getattr(termios, f"B{b}"): b for b in STANDARD_BAUDS if hasattr(termios, f"B{b}")}


def tty_baud(fd: int) -> int | None:
    """The output baud rate set on a terminal (for a pty master: the one the driver set)."""
    import termios

    try:
        return _speeds().get(termios.tcgetattr(fd)[5])
    except (termios.error, OSError):
        return None


def _bits(data: bytes) -> list[int]:
    """Line levels of 8N1 frames sent back to back: start 0, 8 data bits LSB first, stop 1."""
    bits: list[int] = []
    for byte in data:
        bits.append(0)
        bits.extend((byte >> i) & 1 for i in range(8))
        bits.append(1)
    return bits


def garble(data: bytes, sender_baud: int, receiver_baud: int) -> bytes:
    """The bytes a UART at ``receiver_baud`` reads from ``data`` sent at ``sender_baud``."""
    if sender_baud == receiver_baud or not data:
        return data
    bits = _bits(data)
    # Integer time in units of 1 / (2 * sender * receiver) seconds: no rounding anywhere.
    ts, tr = 2 * receiver_baud, 2 * sender_baud  # one sent bit, one sampled bit

    def level(t: int) -> int:
        k = t // ts
        return bits[k] if 0 <= k < len(bits) else 1

    out = bytearray()
    k = 0
    while True:
        while k < len(bits) and not (bits[k] == 0 and (k == 0 or bits[k - 1] == 1)):
            k += 1
        if k >= len(bits):
            return bytes(out)
        edge = k * ts
        if level(edge + tr // 2) != 0:  # glitch, not a start bit: hunt on
            k += 1
            continue
        value = sum(level(edge + (2 * i + 3) * tr // 2) << i for i in range(8))
        stop_ok = level(edge + 19 * tr // 2) == 1
        out.append(value if stop_ok else 0)
        resume = edge + 19 * tr // 2
        k = max(k + 1, -(-resume // ts))
