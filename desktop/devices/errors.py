"""Exceptions of the device layer: only I/O failures raise.

Protocol refusals (a scale that is unstable or overloaded, a printer out of paper) are values
returned by the drivers, never exceptions. What raises is the link itself: a port that cannot be
opened, a port that vanished, a device that does not answer, or bytes that never form a frame.
Every message says what was wrong and what to do about it.
"""

from __future__ import annotations


class DeviceError(Exception):
    """Base class of every failure of a device link. ``str(error)`` is written for people."""


class PortUnavailable(DeviceError):
    """The port could not be opened (absent, busy, unreachable)."""


class PortLost(DeviceError):
    """An open port failed in the middle of a read or a write (unplugged, connection dropped)."""


class DeviceTimeout(DeviceError):
    """The device did not answer in time."""


class GarbledLink(DeviceError):
    """Bytes arrive but never form a valid frame: almost always a wrong baud rate or format."""


class TransferError(DeviceError):
    """The device answered, but says it did not receive what was sent."""
