"""TOTP second factor (RFC 6238, 30-second steps): which step a code belongs to, and the rule
that a step once accepted for a user is never accepted again (a replayed code is refused).

The only exception is the step the same log-in session accepted: a signature typed in the same
30 seconds as the log-in it belongs to may give the same code (one person, one session).
"""

from __future__ import annotations

import hmac
import time

import pyotp

STEP_SECONDS = 30


def matched_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step (now, one before or one after) whose code is ``code``, or None."""
    if not (code.isascii() and code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    current = int((time.time() if now is None else now) // STEP_SECONDS)
    for step in (current, current - 1, current + 1):
        if hmac.compare_digest(totp.at(step * STEP_SECONDS), code):
            return step
    return None


def replayed(step: int, last_accepted: int | None, allowed: int | None = None) -> bool:
    """True when ``step`` is not newer than the user's last accepted step (and not ``allowed``,
    the step of the same session's log-in)."""
    return last_accepted is not None and step <= last_accepted and step != allowed


__all__ = ["STEP_SECONDS", "matched_step", "replayed"]
