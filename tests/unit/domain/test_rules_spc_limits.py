"""SPC limits and capability worked by hand from the formulas (ASTM E2587 / Montgomery's
constants table), each refusal with its exact words, and the points a run rule reports when
the run goes on past its length."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop.domain.offline import OfflineOrigin
from desktop.domain.spc import (
    ChartKind,
    ChartLimits,
    SpcRule,
    capability,
    constants,
    cp_cpk,
    individuals_baseline,
    sample_sigma,
    subgroups_of,
    violations,
    xbar_r_baseline,
)

approx = pytest.approx


def test_individuals_limits_worked_by_hand() -> None:
    # x: 10 12 11 13 -> mean 11.5; moving ranges 2 1 2 -> MR-bar 5/3; sigma = MR-bar / 1.128
    b = individuals_baseline([10, 12, 11, 13])
    mr_bar, sigma = 5 / 3, (5 / 3) / 1.128
    assert (b.chart, b.subgroup, b.samples) == (ChartKind.INDIVIDUALS, 1, 4)
    assert b.location == ChartLimits(
        approx(11.5), approx(11.5 - 3 * sigma), approx(11.5 + 3 * sigma), approx(sigma)
    )
    assert b.dispersion.centre == approx(mr_bar)
    assert b.dispersion.lower == 0.0  # D3 = 0 for n = 2
    assert b.dispersion.upper == approx(3.267 * mr_bar)
    assert b.dispersion.sigma == approx((3.267 - 1) * mr_bar / 3)
    assert b.sigma_within == approx(sigma)


def test_readings_that_do_not_vary_give_limits_on_the_centre_line() -> None:
    flat = individuals_baseline([5.0, 5.0, 5.0])
    assert flat.location == ChartLimits(5.0, 5.0, 5.0, 0.0)
    assert flat.dispersion == ChartLimits(0.0, 0.0, 0.0, 0.0)


def test_an_individuals_baseline_needs_two_readings_and_two_are_enough() -> None:
    with pytest.raises(ValueError) as one:
        individuals_baseline([10.0])
    assert str(one.value) == "a baseline needs at least 2 readings, not 1"
    two = individuals_baseline([10.0, 12.0])
    assert (
        two.samples == 2 and two.location.centre == 11.0 and two.sigma_within == approx(2 / 1.128)
    )


def test_xbar_r_limits_worked_by_hand_for_subgroups_of_seven() -> None:
    # n = 7: d2 2.704, A2 0.419, D3 0.076, D4 1.924 (the first size with D3 > 0)
    g1, g2 = [10, 11, 12, 13, 14, 15, 16], [11, 12, 13, 14, 15, 16, 17]  # means 13, 14; R 6, 6
    b = xbar_r_baseline([g1, g2])
    assert (b.chart, b.subgroup, b.samples) == (ChartKind.XBAR_R, 7, 14)
    assert b.location.centre == approx(13.5)
    assert b.location.lower == approx(13.5 - 0.419 * 6)
    assert b.location.upper == approx(13.5 + 0.419 * 6)
    assert b.location.sigma == approx(0.419 * 6 / 3)
    assert b.dispersion.centre == approx(6.0)
    assert b.dispersion.lower == approx(0.076 * 6)
    assert b.dispersion.upper == approx(1.924 * 6)
    assert b.dispersion.sigma == approx((1.924 - 1) * 6 / 3)
    assert b.sigma_within == approx(6 / 2.704)


def test_xbar_r_refusals_in_words() -> None:
    with pytest.raises(ValueError) as none:
        xbar_r_baseline([])
    assert str(none.value) == "a baseline needs at least 1 subgroup"
    with pytest.raises(ValueError) as uneven:
        xbar_r_baseline([[1.0, 2.0, 3.0], [1.0, 2.0]])
    assert str(uneven.value) == "subgroups must all have 3 readings"
    with pytest.raises(ValueError) as big:
        constants(11)
    assert str(big.value) == "subgroup size 11 is not supported: use 2 to 10"
    with pytest.raises(ValueError) as small:
        constants(1)
    assert str(small.value) == "subgroup size 1 is not supported: use 2 to 10"


def test_subgroups_leave_an_incomplete_last_one_out() -> None:
    assert subgroups_of([1, 2, 3, 4, 5, 6, 7], 3) == [[1, 2, 3], [4, 5, 6]]
    assert subgroups_of([1, 2, 3, 4, 5, 6], 3) == [[1, 2, 3], [4, 5, 6]]
    assert subgroups_of([1, 2], 3) == []


def test_a_run_that_goes_on_reports_the_last_nine_points_each_time() -> None:
    limits = ChartLimits(0.0, -3.0, 3.0, 1.0)
    found = violations([0.5] * 11, limits, [SpcRule.NINE_ONE_SIDE])
    assert [v.points for v in found] == [
        tuple(range(0, 9)),
        tuple(range(1, 10)),
        tuple(range(2, 11)),
    ]


def test_cp_and_cpk_take_the_nearer_limit() -> None:
    # LSL 10, USL 20, mean 12, sigma 1: Cp = 10 / 6, Cpk = min(8, 2) / 3
    assert cp_cpk(10, 20, 12, 1) == (approx(10 / 6), approx(2 / 3))
    assert cp_cpk(10, 20, 18.5, 1) == (approx(10 / 6), approx(1.5 / 3))
    assert cp_cpk(10, 20, 15, 0) is None


def test_sample_sigma_needs_two_values() -> None:
    assert sample_sigma([5.0]) is None
    assert sample_sigma([4.0, 6.0]) == approx(math.sqrt(2))
    assert sample_sigma([1.0, 2.0, 3.0]) == approx(1.0)


def test_capability_reports_within_and_overall_indices() -> None:
    values = [11.0, 12.0, 13.0]  # mean 12, sample sigma 1
    c = capability(values, 10.0, 20.0, 0.5)
    assert (c.lower, c.upper, c.mean, c.sigma_within) == (10.0, 20.0, 12.0, 0.5)
    assert c.sigma_overall == approx(1.0)
    assert (c.cp, c.cpk) == (approx(10 / 3), approx(2 / 1.5))
    assert (c.pp, c.ppk) == (approx(10 / 6), approx(2 / 3))
    one = capability([12.0], 10.0, 20.0, 0.5)  # one reading: no overall sigma, no Pp
    assert one.sigma_overall is None and one.pp is None and one.ppk is None
    assert one.cp == approx(10 / 3)
    flat = capability([12.0, 12.0], 10.0, 20.0, 0.0)  # no spread: no index at all
    assert flat.cp is None and flat.cpk is None and flat.pp is None and flat.ppk is None
    empty = capability([], 10.0, 20.0, 0.5)
    assert math.isnan(empty.mean) and empty.sigma_overall is None


def test_an_offline_origin_as_the_event_keeps_it() -> None:
    at = datetime(2026, 12, 4, 23, 30, 5, 123456, tzinfo=timezone(timedelta(hours=8)))
    origin = OfflineOrigin("journal.sqlite@2026-12-04T15:00:00+00:00", 17, "ab" * 32, at)
    assert origin.as_data() == {
        "journal": "journal.sqlite@2026-12-04T15:00:00+00:00",
        "seq": 17,
        "hash": "ab" * 32,
        "captured_at": "2026-12-04T15:30:05.123456+00:00",  # in UTC
    }
    assert datetime.fromisoformat(str(origin.as_data()["captured_at"])).tzinfo == UTC


UNIT = ChartLimits(0.0, -3.0, 3.0, 1.0)  # z is the value itself


def _points(values: list[float], rule: SpcRule) -> list[tuple[int, ...]]:
    return [v.points for v in violations(values, UNIT, [rule])]


def test_two_of_three_counts_only_points_beyond_two_sigma_and_reports_at_such_a_point() -> None:
    rule = SpcRule.TWO_OF_THREE_BEYOND_2
    assert _points([2.0, 2.0, 2.0], rule) == []  # at 2 sigma is not beyond it
    assert _points([2.5, 2.0, 2.5], rule) == [(0, 2)]
    # the third point is within: the run was reported at the second and is not reported again
    assert _points([2.5, 2.5, 1.0], rule) == [(0, 1)]
    assert _points([2.5, 2.5, 2.0], rule) == [(0, 1)]  # nor at a point exactly at 2 sigma


def test_four_of_five_looks_at_five_points_not_six() -> None:
    rule = SpcRule.FOUR_OF_FIVE_BEYOND_1
    assert _points([1.5, 1.5, 0.0, 0.0, 1.5, 1.5], rule) == []  # 3 of the last 5
    assert _points([1.5, 0.0, 1.5, 1.5, 1.5], rule) == [(0, 2, 3, 4)]


def test_eight_outside_one_sigma_means_beyond_it() -> None:
    rule = SpcRule.EIGHT_OUTSIDE_1
    assert _points([1.0, -1.0] * 4, rule) == []  # exactly at 1 sigma is not outside
    assert _points([1.1, -1.1] * 4, rule) == [tuple(range(8))]


def test_six_trending_counts_every_step_of_the_six() -> None:
    rule = SpcRule.SIX_TRENDING
    assert _points([0.5, 0.4, 0.5, 0.6, 0.7, 0.8], rule) == []  # the first step goes down
    assert _points([0.3, 0.4, 0.5, 0.6, 0.7, 0.8], rule) == [tuple(range(6))]


def test_fourteen_alternating_needs_every_step_to_turn() -> None:
    rule = SpcRule.FOURTEEN_ALTERNATING
    rising = [0.1 * n for n in range(14)]
    assert _points(rising, rule) == []  # every step up: a trend, not an alternation
    turning = [0.5, -0.5] * 7
    assert _points(turning, rule) == [tuple(range(14))]
    # up, up, then turning every step: the first two steps do not turn
    assert _points([0.5, 0.6, *([0.7, -0.5] * 6)], rule) == []


def test_a_point_on_the_centre_line_belongs_to_neither_side() -> None:
    assert _points([-0.5] * 8 + [0.0], SpcRule.NINE_ONE_SIDE) == []
    assert _points([-0.5] * 9, SpcRule.NINE_ONE_SIDE) == [tuple(range(9))]


def test_points_are_judged_by_their_distance_from_the_centre_in_sigmas() -> None:
    limits = ChartLimits(100.0, 94.0, 106.0, 2.0)
    rule = [SpcRule.BEYOND_3_SIGMA]
    assert violations([104.0, 96.0], limits, rule) == []  # 2 sigma either side
    assert [v.points for v in violations([107.0, 93.0], limits, rule)] == [(0,), (1,)]
    assert violations([1e9], ChartLimits(5.0, 5.0, 5.0, 0.0), rule) == []  # no spread: no rule


def test_an_offline_origin_is_kept_in_utc_whatever_the_station_clock_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        at = datetime(2026, 12, 4, 15, 30, tzinfo=UTC)
        kept = OfflineOrigin("j", 1, "0" * 64, at).as_data()["captured_at"]
        assert kept == "2026-12-04T15:30:00+00:00"
    finally:
        monkeypatch.undo()
        time.tzset()
