"""What a driver knows of an MT-SICS balance's tare register, and when to ask the balance again.

MT-SICS weight lines do not say net or gross. The only truth is the balance's own answer: the
tare register (``TA``), or the tare value in its reply to ``T``. Anything that may have changed
the register makes the driver forget it until the balance has been asked: a reset (``@``
returns the balance to its power-on state, tare cleared), a zero, a refused or unanswered
command, a reconnect. A tare keyed on the balance itself cannot be announced, so the register
is asked again when the weight settles after a movement and at least every
``check_interval`` seconds. Pure: the time is passed in.
"""

from __future__ import annotations

import math
from decimal import Decimal


class TareRegister:
    """``value`` is the tare as the balance last reported it, None when not known now."""

    def __init__(self, check_interval: float = 2.0) -> None:
        if check_interval <= 0:
            raise ValueError(f"tare check interval {check_interval!r}: use a number of seconds > 0")
        self.check_interval = check_interval
        self.value: Decimal | None = None
        self.unit = ""
        # None: not asked since the link was (re)opened; False: the balance does not know TA
        # (a level-0 balance answers ES), so it can never say net or gross.
        self.readable: bool | None = None
        self.problem = ""  # why the register is not known, for the log and the reading
        self._asked_at = -math.inf
        self._moving = False

    @property
    def net(self) -> bool | None:
        """True: a tare is in effect; False: none (gross); None: the balance has not said."""
        return None if self.value is None else self.value != 0

    # -- what happened ----------------------------------------------------------------------

    def reconnected(self) -> None:
        """A new link: perhaps another balance, perhaps keys pressed meanwhile."""
        self.forget("not asked since the link was opened")
        self.readable = None
        self._moving = False

    def forget(self, why: str) -> None:
        """Something may have changed the register: unknown, and due to be asked at once."""
        self.value = None
        self.problem = why
        self._asked_at = -math.inf

    def told(self, value: Decimal, unit: str, now: float) -> None:
        """The balance said (``TA A <w> <u>`` or the value in ``T S <w> <u>``)."""
        self.value, self.unit, self.problem = value, unit, ""
        self.readable = True
        self._asked_at = now

    def refused(self, why: str, now: float) -> None:
        """Asked, no answer or a refusal: unknown until asked again after the interval."""
        self.value = None
        self.problem = why
        self._asked_at = now

    def unreadable(self, why: str) -> None:
        """The balance does not know ``TA``: it can never say net or gross."""
        self.value = None
        self.problem = why
        self.readable = False

    # -- when to ask ------------------------------------------------------------------------

    def due(self, now: float) -> bool:
        """Ask before the next reading: never asked, forgotten, or the interval has passed."""
        return self.readable is not False and now - self._asked_at >= self.check_interval

    def settled(self, stable: bool) -> bool:
        """Feed every reading's stability; True on the first stable reading after a movement
        (a load put on or taken off, a tare or zero key): ask before that reading is used."""
        was_moving, self._moving = self._moving, not stable
        return stable and was_moving and self.readable is not False
