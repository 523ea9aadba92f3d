"""Password and PIN policy (Part 11 11.300(a), (b)): what a new password or PIN must be.

Everywhere: a password of at least 8 characters, a PIN of at least 4 digits. In production
(``Settings.production``): a password of at least 12 characters that is not on the shipped list
of common and breached passwords (``common_passwords.txt``, package data) and does not hold the
user name; a PIN of at least 6 digits, not on the list of common PINs, not one digit repeated
and not a run (123456, 654321). The demo's credentials are on those lists, so a production
station refuses them at log-in too (``demo_credential``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from itertools import pairwise

from desktop.domain.text import Text, t

MIN_PASSWORD, MIN_PASSWORD_PRODUCTION = 8, 12
MIN_PIN, MIN_PIN_PRODUCTION = 4, 6


@cache
def _listed(name: str) -> frozenset[str]:
    text = resources.files("desktop.services.identity").joinpath(name).read_text("utf-8")
    return frozenset(
        line.strip().casefold() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def common_passwords() -> frozenset[str]:
    return _listed("common_passwords.txt")


def common_pins() -> frozenset[str]:
    return _listed("common_pins.txt")


def password_problem(username: str, password: str, *, production: bool) -> Text | None:
    """Why ``password`` may not be ``username``'s new password, or None."""
    minimum = MIN_PASSWORD_PRODUCTION if production else MIN_PASSWORD
    if len(password) < minimum:
        return t(
            "the password for {user} is too short: use {minimum}+ characters",
            user=username,
            minimum=minimum,
        )
    if any(ord(c) < 32 or ord(c) == 127 for c in password):
        return t("the password for {user} holds control characters", user=username)
    if not production:
        return None
    if password.casefold() in common_passwords():
        return t(
            "the password for {user} is on the list of common or breached passwords: "
            "choose another",
            user=username,
        )
    if username and username.casefold() in password.casefold():
        return t("the password for {user} must not contain the user name", user=username)
    return None


def _run(pin: str) -> bool:
    steps = {int(b) - int(a) for a, b in pairwise(pin)}
    return steps in ({1}, {-1}, {0})


def pin_problem(username: str, pin: str, *, production: bool) -> Text | None:
    """Why ``pin`` may not be ``username``'s badge PIN, or None."""
    minimum = MIN_PIN_PRODUCTION if production else MIN_PIN
    if not (pin.isascii() and pin.isdigit()) or len(pin) < minimum:
        return t("the PIN for {user} must be {minimum}+ digits", user=username, minimum=minimum)
    if production and (pin in common_pins() or _run(pin)):
        return t(
            "the PIN for {user} is too easy to guess (a common PIN, one digit repeated or a "
            "run): choose another",
            user=username,
        )
    return None


def demo_credential(secret: str) -> bool:
    """True for a password or PIN a production station never accepts (the common lists hold
    the demo's ``demo-password``, ``demo-admin-password`` and PIN 1234)."""
    return secret.casefold() in common_passwords() or secret in common_pins()


__all__ = [
    "MIN_PASSWORD",
    "common_passwords",
    "common_pins",
    "demo_credential",
    "password_problem",
    "pin_problem",
]
