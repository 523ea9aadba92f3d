"""SPC rules against hand-made series: each Nelson rule just broken and just not; control limits
from a baseline with the standard constants; Cp and Cpk against a published worked example."""

from __future__ import annotations

import pytest

from desktop.domain.spc import (
    CONSTANTS,
    ChartKind,
    ChartLimits,
    SpcRule,
    Violation,
    capability,
    constants,
    cp_cpk,
    individuals_baseline,
    subgroups_of,
    violations,
    xbar_r_baseline,
)

#: Centre 0, sigma 1: every value is its distance from the centre line in sigmas.
UNIT = ChartLimits(centre=0.0, lower=-3.0, upper=3.0, sigma=1.0)


def found(values: list[float], rule: SpcRule) -> list[Violation]:
    return violations(values, UNIT, [rule])


def test_rule_1_a_point_just_beyond_3_sigma_and_one_just_inside() -> None:
    assert found([0.5, 3.01], SpcRule.BEYOND_3_SIGMA) == [Violation(SpcRule.BEYOND_3_SIGMA, (1,))]
    assert found([0.5, -3.01], SpcRule.BEYOND_3_SIGMA) == [Violation(SpcRule.BEYOND_3_SIGMA, (1,))]
    assert found([0.5, 2.99, -2.99, 3.0], SpcRule.BEYOND_3_SIGMA) == []


def test_rule_2_nine_in_a_row_on_one_side_and_eight() -> None:
    assert found([0.5] * 9, SpcRule.NINE_ONE_SIDE) == [
        Violation(SpcRule.NINE_ONE_SIDE, tuple(range(9)))
    ]
    assert found([-0.2] * 9, SpcRule.NINE_ONE_SIDE)[0].at == 8
    assert found([0.5] * 8, SpcRule.NINE_ONE_SIDE) == []
    assert found([0.5] * 4 + [-0.1] + [0.5] * 4, SpcRule.NINE_ONE_SIDE) == []
    assert found([0.5] * 4 + [0.0] + [0.5] * 4, SpcRule.NINE_ONE_SIDE) == []  # on the line


def test_rule_3_six_increasing_and_five() -> None:
    six = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]
    assert found(six, SpcRule.SIX_TRENDING) == [Violation(SpcRule.SIX_TRENDING, tuple(range(6)))]
    assert found(list(reversed(six)), SpcRule.SIX_TRENDING)[0].points == tuple(range(6))
    assert found(six[:5], SpcRule.SIX_TRENDING) == []
    assert found([0.0, 0.1, 0.2, 0.2, 0.3, 0.4], SpcRule.SIX_TRENDING) == []  # a tie breaks it


def test_rule_4_fourteen_alternating_and_thirteen() -> None:
    fourteen = [0.2 if i % 2 else -0.2 for i in range(14)]
    assert found(fourteen, SpcRule.FOURTEEN_ALTERNATING) == [
        Violation(SpcRule.FOURTEEN_ALTERNATING, tuple(range(14)))
    ]
    assert found(fourteen[:13], SpcRule.FOURTEEN_ALTERNATING) == []
    broken = [*fourteen[:7], fourteen[6], *fourteen[8:]]  # one step flat
    assert found(broken, SpcRule.FOURTEEN_ALTERNATING) == []


def test_rule_5_two_of_three_beyond_2_sigma_on_one_side() -> None:
    assert found([0.0, 2.1, 0.5, 2.2], SpcRule.TWO_OF_THREE_BEYOND_2) == [
        Violation(SpcRule.TWO_OF_THREE_BEYOND_2, (1, 3))
    ]
    assert found([-2.1, -2.2], SpcRule.TWO_OF_THREE_BEYOND_2)[0].points == (0, 1)
    assert found([2.1, 0.5, 0.5, 2.2], SpcRule.TWO_OF_THREE_BEYOND_2) == []  # 1 of 3
    assert found([2.1, -2.2], SpcRule.TWO_OF_THREE_BEYOND_2) == []  # opposite sides
    assert found([2.1, 2.0], SpcRule.TWO_OF_THREE_BEYOND_2) == []  # 2.0 is not beyond


def test_rule_6_four_of_five_beyond_1_sigma_on_one_side() -> None:
    assert found([1.1, 1.2, 0.5, 1.3, 1.4], SpcRule.FOUR_OF_FIVE_BEYOND_1) == [
        Violation(SpcRule.FOUR_OF_FIVE_BEYOND_1, (0, 1, 3, 4))
    ]
    assert found([1.1, 0.5, 1.2, 0.5, 1.4], SpcRule.FOUR_OF_FIVE_BEYOND_1) == []  # 3 of 5
    assert found([1.1, -1.2, -1.3, 1.3, 1.4], SpcRule.FOUR_OF_FIVE_BEYOND_1) == []


def test_rule_7_fifteen_within_1_sigma_and_fourteen() -> None:
    fifteen = [0.5, -0.5] * 7 + [0.5]
    assert found(fifteen, SpcRule.FIFTEEN_WITHIN_1) == [
        Violation(SpcRule.FIFTEEN_WITHIN_1, tuple(range(15)))
    ]
    assert found(fifteen[:14], SpcRule.FIFTEEN_WITHIN_1) == []
    assert found([*fifteen[:14], 1.0], SpcRule.FIFTEEN_WITHIN_1) == []  # 1.0 is not within


def test_rule_8_eight_beyond_1_sigma_on_both_sides_and_seven() -> None:
    eight = [1.5, -1.5] * 4
    assert found(eight, SpcRule.EIGHT_OUTSIDE_1) == [
        Violation(SpcRule.EIGHT_OUTSIDE_1, tuple(range(8)))
    ]
    assert found(eight[:7], SpcRule.EIGHT_OUTSIDE_1) == []
    assert found([1.5] * 8, SpcRule.EIGHT_OUTSIDE_1) == []  # one side only
    assert found([*eight[:7], 0.5], SpcRule.EIGHT_OUTSIDE_1) == []  # one within


def test_only_the_newest_point_and_every_rule() -> None:
    values = [0.0, 0.1, 0.2, 0.3, 0.4, 3.5]
    at_end = violations(values, UNIT, only_at=5)
    assert {v.rule for v in at_end} == {SpcRule.BEYOND_3_SIGMA, SpcRule.SIX_TRENDING}
    assert all(v.at == 5 for v in at_end)
    assert violations(values, UNIT, only_at=4) == []


def test_rule_codes_numbers_and_words() -> None:
    assert [r.number for r in SpcRule] == list(range(1, 9))
    assert str(SpcRule.BEYOND_3_SIGMA.words) == "rule 1: a point beyond 3 sigma"


def test_constants_table_n_2_to_10() -> None:
    assert sorted(CONSTANTS) == list(range(2, 11))
    assert (constants(2).d2, constants(2).d4, constants(2).a2) == (1.128, 3.267, 1.880)
    assert (constants(5).d2, constants(5).a2, constants(5).d3) == (2.326, 0.577, 0.0)
    assert (constants(10).d3, constants(10).d4) == (0.223, 1.777)
    with pytest.raises(ValueError, match="subgroup size 11"):
        constants(11)


def test_individuals_baseline_by_hand() -> None:
    base = individuals_baseline([1.0, 2.0, 3.0, 2.0, 1.0])  # mean 1.8, MR-bar 1
    assert base.chart is ChartKind.INDIVIDUALS and base.samples == 5
    assert base.location.centre == pytest.approx(1.8)
    assert base.sigma_within == pytest.approx(1 / 1.128)
    assert base.location.upper == pytest.approx(1.8 + 3 / 1.128)
    assert base.location.lower == pytest.approx(1.8 - 3 / 1.128)
    assert (base.dispersion.centre, base.dispersion.upper) == pytest.approx((1.0, 3.267))
    assert base.dispersion.lower == 0.0


def test_xbar_r_baseline_by_hand() -> None:
    groups = subgroups_of([1.0, 2.0, 3.0, 2.0, 3.0, 4.0, 9.0], 3)  # the 7th is left out
    assert groups == [[1.0, 2.0, 3.0], [2.0, 3.0, 4.0]]
    base = xbar_r_baseline(groups)  # means 2 and 3, ranges 2 and 2
    assert base.chart is ChartKind.XBAR_R and base.subgroup == 3
    assert base.location.centre == pytest.approx(2.5)
    assert base.location.upper == pytest.approx(2.5 + 1.023 * 2)
    assert base.location.sigma == pytest.approx(1.023 * 2 / 3)
    assert (base.dispersion.lower, base.dispersion.upper) == pytest.approx((0.0, 2.574 * 2))
    assert base.sigma_within == pytest.approx(2 / 1.693)


def test_cpk_against_a_published_worked_example() -> None:
    """ "Computing the Cpk Value at Cocoa Fizz" (Heizer and Render, Operations Management,
    as reproduced in the slide deck "Control-Charts", scribd.com document 566886459): target
    16.0 +- 0.2 oz (USL 16.2, LSL 15.8), the process shifted to a mean of 15.9 oz with sigma
    0.1 oz; Cpk = min[(16.2 - 15.9) / 3(0.1), (15.9 - 15.8) / 3(0.1)] = 0.1 / 0.3 = 0.33.
    Cp = (16.2 - 15.8) / 6(0.1) = 0.67."""
    cp, cpk = cp_cpk(15.8, 16.2, 15.9, 0.1) or (0.0, 0.0)
    assert round(cpk, 2) == 0.33
    assert round(cp, 2) == 0.67
    assert cp_cpk(15.8, 16.2, 15.9, 0.0) is None


def test_capability_pp_ppk_on_the_overall_sigma() -> None:
    cap = capability([9.0, 10.0, 11.0], 7.0, 13.0, sigma_within=0.5)  # mean 10, s = 1
    assert cap.mean == pytest.approx(10.0) and cap.sigma_overall == pytest.approx(1.0)
    assert (cap.cp, cap.cpk) == pytest.approx((2.0, 2.0))
    assert (cap.pp, cap.ppk) == pytest.approx((1.0, 1.0))
