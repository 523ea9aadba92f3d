"""A device's health tally (readings, refused readings, reconnects per period) and which of a
scale's readings count as refused: pure, the times given by the test."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from desktop.devices.tally import HealthCounts, HealthTally, ScaleRefusals
from desktop.devices.weights import WeightStatus

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
S = 1_000_000_000  # one second in ns
STABLE, UNSTABLE = WeightStatus.STABLE, WeightStatus.UNSTABLE
OVERLOAD, UNDERLOAD = WeightStatus.OVERLOAD, WeightStatus.UNDERLOAD


def test_take_hands_over_the_period_and_starts_the_next_at_its_end() -> None:
    tally = HealthTally("line-1 scale", T0)
    tally.reading()
    tally.reading(refused=True)
    tally.garbled(2)
    tally.reconnected()
    assert tally.peek(T0 + MIN) == HealthCounts("line-1 scale", T0, T0 + MIN, 4, 3, 1)
    first = tally.take(T0 + 15 * MIN)
    assert first == HealthCounts("line-1 scale", T0, T0 + 15 * MIN, 4, 3, 1)
    assert not first.empty
    second = tally.take(T0 + 30 * MIN)
    assert second == HealthCounts("line-1 scale", T0 + 15 * MIN, T0 + 30 * MIN)
    assert second.empty


def test_no_garbled_frame_counts_nothing() -> None:
    tally = HealthTally("s", T0)
    tally.garbled(0)
    tally.garbled(-1)
    assert tally.take(T0 + MIN).empty


def test_counts_held_back_join_the_next_period() -> None:
    failed = HealthCounts("line-1 scale", T0, T0 + 15 * MIN, 100, 2, 1)
    later = HealthCounts("line-1 scale", T0 + 15 * MIN, T0 + 30 * MIN, 50, 1, 0)
    assert failed.joined(later) == HealthCounts("line-1 scale", T0, T0 + 30 * MIN, 150, 3, 1)
    assert later.joined(failed) == failed.joined(later)
    with pytest.raises(ValueError, match="line-1 scanner"):
        failed.joined(HealthCounts("line-1 scanner", T0, T0 + MIN, 1))


def test_counts_from_several_threads_are_all_kept() -> None:
    tally = HealthTally("s", T0)
    taken: list[HealthCounts] = []

    def count() -> None:
        for n in range(1000):
            tally.reading(refused=n % 10 == 0)
            if n % 100 == 0:
                tally.reconnected()

    def take() -> None:
        for n in range(50):
            taken.append(tally.take(T0 + n * MIN))

    threads = [threading.Thread(target=count) for _ in range(4)] + [threading.Thread(target=take)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    taken.append(tally.take(T0 + 60 * MIN))
    assert sum(c.readings for c in taken) == 4000
    assert sum(c.refused for c in taken) == 400
    assert sum(c.reconnects for c in taken) == 40


def _judged(refusals: ScaleRefusals, readings: list[tuple[WeightStatus, float]]) -> list[bool]:
    return [refusals.refused(status, int(at * S)) for status, at in readings]


def test_a_load_that_settles_within_the_stable_timeout_is_no_refusal() -> None:
    refusals = ScaleRefusals(2 * S)
    settling = [(STABLE, 0.0), (UNSTABLE, 0.1), (UNSTABLE, 0.5), (UNSTABLE, 1.9), (STABLE, 2.0)]
    assert _judged(refusals, settling) == [False] * 5


def test_a_weight_still_moving_after_the_stable_timeout_is_one_refusal() -> None:
    refusals = ScaleRefusals(2 * S)
    moving = [(UNSTABLE, 0.0), (UNSTABLE, 1.99), (UNSTABLE, 2.0), (UNSTABLE, 3.0), (UNSTABLE, 9.0)]
    assert _judged(refusals, moving) == [False, False, True, False, False]
    # settled, then moving again for as long: a second episode
    again = [(STABLE, 10.0), (UNSTABLE, 11.0), (UNSTABLE, 12.5), (UNSTABLE, 13.0)]
    assert _judged(refusals, again) == [False, False, False, True]


def test_overload_and_underload_are_refused_once_per_episode_from_their_first_reading() -> None:
    refusals = ScaleRefusals(2 * S)
    frames = [(OVERLOAD, 0.0), (OVERLOAD, 0.1), (OVERLOAD, 5.0), (UNDERLOAD, 5.1)]
    frames += [(UNDERLOAD, 5.2), (STABLE, 6.0), (OVERLOAD, 6.1)]
    assert _judged(refusals, frames) == [True, False, False, True, False, False, True]


def test_busy_and_error_readings_are_refusals() -> None:
    refusals = ScaleRefusals(2 * S)
    frames = [(WeightStatus.BUSY, 0.0), (WeightStatus.ERROR, 0.1), (WeightStatus.ERROR, 0.2)]
    assert _judged(refusals, frames) == [True, True, False]


def test_a_moving_weight_counts_from_when_it_began_to_move_not_from_an_overload() -> None:
    refusals = ScaleRefusals(2 * S)
    frames = [(OVERLOAD, 0.0), (UNSTABLE, 1.0), (UNSTABLE, 2.5), (UNSTABLE, 3.0)]
    assert _judged(refusals, frames) == [True, False, False, True]


def test_after_a_reset_an_episode_starts_afresh() -> None:
    refusals = ScaleRefusals(2 * S)
    assert _judged(refusals, [(OVERLOAD, 0.0), (OVERLOAD, 0.1)]) == [True, False]
    refusals.reset()
    assert _judged(refusals, [(OVERLOAD, 5.0), (UNSTABLE, 5.1), (UNSTABLE, 6.0)]) == [
        True,
        False,
        False,
    ]
