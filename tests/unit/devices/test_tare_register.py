"""When the driver asks an MT-SICS balance its tare register, and what it then believes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.devices.tare_register import TareRegister


def test_nothing_is_known_before_the_balance_is_asked() -> None:
    register = TareRegister(check_interval=2.0)
    register.reconnected()
    assert register.net is None and register.due(now=0.0)


def test_told_by_the_balance_then_asked_again_after_the_interval() -> None:
    register = TareRegister(check_interval=2.0)
    register.told(Decimal("50.00"), "g", now=10.0)
    assert register.net is True and register.readable is True
    assert not register.due(now=11.9) and register.due(now=12.0)
    register.told(Decimal("0.00"), "g", now=12.0)
    assert register.net is False


def test_forgetting_makes_it_unknown_and_due_at_once() -> None:
    register = TareRegister()
    register.told(Decimal("50.00"), "g", now=10.0)
    register.forget("reset (@) sent")
    assert register.net is None and register.due(now=10.0)
    assert register.problem == "reset (@) sent"


def test_a_refusal_leaves_it_unknown_until_the_interval_has_passed() -> None:
    register = TareRegister(check_interval=2.0)
    register.told(Decimal("50.00"), "g", now=10.0)
    register.refused("TA I: not executable now", now=20.0)
    assert register.net is None
    assert not register.due(now=21.0) and register.due(now=22.0)


def test_a_balance_without_ta_is_never_asked_again_and_never_says() -> None:
    register = TareRegister()
    register.unreadable("the balance does not know TA")
    assert register.net is None and not register.due(now=1e9)
    assert not register.settled(stable=False) and not register.settled(stable=True)
    register.reconnected()  # perhaps another balance now
    assert register.due(now=0.0)


def test_asked_when_the_weight_settles_after_a_movement() -> None:
    register = TareRegister()
    assert not register.settled(stable=True)  # nothing moved
    assert not register.settled(stable=False)
    assert not register.settled(stable=False)
    assert register.settled(stable=True)  # the first stable reading after the movement
    assert not register.settled(stable=True)


def test_the_interval_must_be_positive() -> None:
    with pytest.raises(ValueError, match="seconds > 0"):
        TareRegister(check_interval=0)
