"""The dashboard's pure rules: first-pass yield as a share, the rate a plan needs, the
outcomes that are not a first pass, and the panels' vocabulary."""

from __future__ import annotations

import pytest

from desktop.domain.events import Outcome
from desktop.domain.insight import (
    NOT_FIRST_PASS,
    RECONCILED,
    CoverageGap,
    DeviceHealth,
    LabelTally,
    Panel,
    per_hour_needed,
    yield_share,
)


@pytest.mark.parametrize(
    ("attempted", "failed", "share"),
    [(0, 0, None), (-1, 0, None), (1, 0, 1.0), (4, 1, 0.75), (4, 4, 0.0), (3, 1, 2 / 3)],
)
def test_yield_is_the_share_of_units_without_a_failed_attempt(
    attempted: int, failed: int, share: float | None
) -> None:
    assert yield_share(attempted, failed) == share


@pytest.mark.parametrize(
    ("remaining", "hours", "rate"),
    [
        (100, 10.0, 10.0),
        (100, 4.0, 25.0),
        (30, 1.0, 30.0),
        (30, 0.5, 30.0),  # less than an hour left: all of it within the hour
        (30, -2.0, 30.0),  # past due: all of it now
        (0, 8.0, 0.0),
        (-5, 8.0, 0.0),  # built more than planned: nothing more is needed
        (9, 2.0, 4.5),
    ],
)
def test_the_rate_a_plan_needs_is_what_remains_over_the_hours_left(
    remaining: int, hours: float, rate: float
) -> None:
    assert per_hour_needed(remaining, hours) == rate


def test_a_failed_step_and_a_label_not_read_back_are_not_a_first_pass() -> None:
    assert set(NOT_FIRST_PASS) == {Outcome.FAIL, Outcome.MISMATCH}
    assert Outcome.OK not in NOT_FIRST_PASS


def test_the_reconciled_tallies_are_the_counts_a_reconciliation_records() -> None:
    assert [str(t) for t in RECONCILED] == ["applied", "destroyed", "returned"]
    assert list(LabelTally)[-1] == LabelTally.UNRECONCILED


def test_every_panel_and_word_has_its_own_words() -> None:
    assert Panel.WIP.words == "Work in progress by step"
    assert Panel.RECALLS.words == "Recall response time"
    assert LabelTally.FAILED.words == "never printed"
    assert DeviceHealth.CALIBRATION_OVERDUE.words == "calibration overdue"
    assert CoverageGap.LABEL_MISSING.words == "no verified label"
    for vocabulary in (Panel, LabelTally, DeviceHealth, CoverageGap):
        words = [str(m.words) for m in vocabulary]
        assert len(set(words)) == len(words), vocabulary
