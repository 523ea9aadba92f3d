"""Readings against limits: the verdict is a value (a code with what it judged), at and just
past each limit, and one function words it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.domain.steps import (
    Limits,
    Verdict,
    VerdictCode,
    check_value,
    check_weight,
    limits_of,
    verdict_words,
)
from desktop.domain.text import Text

D = Decimal
TORQUE = Limits(D("1.20"), D("1.60"), "Nm", D("1.40"))
WEIGHT = Limits(D("41.5"), D("42.5"), "g")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("1.20", VerdictCode.WITHIN),  # exactly the lower limit is accepted
        ("1.19", VerdictCode.BELOW),
        ("1.1999", VerdictCode.BELOW),  # just under, at a finer resolution than the limit
        ("1.40", VerdictCode.WITHIN),
        ("1.60", VerdictCode.WITHIN),  # exactly the upper limit is accepted
        ("1.6001", VerdictCode.ABOVE),
        ("1.61", VerdictCode.ABOVE),
        ("-1.40", VerdictCode.BELOW),
    ],
)
def test_a_value_against_its_limits(value: str, code: VerdictCode) -> None:
    verdict = check_value(D(value), TORQUE, "torque")
    assert verdict == Verdict(code, "torque", D(value), "Nm", TORQUE)
    assert verdict.ok is (code is VerdictCode.WITHIN)


def test_limits_of_a_single_value_accept_that_value_only() -> None:
    exact = Limits(D("5"), D("5"), "mm")
    assert check_value(D("5.000"), exact).ok
    assert check_value(D("5.001"), exact).code is VerdictCode.ABOVE
    assert check_value(D("4.999"), exact).code is VerdictCode.BELOW


@pytest.mark.parametrize(
    ("value", "unit", "stable", "code"),
    [
        ("42.0", "g", True, VerdictCode.WITHIN),
        ("41.5", "g", True, VerdictCode.WITHIN),
        ("42.5", "g", True, VerdictCode.WITHIN),
        ("41.4", "g", True, VerdictCode.BELOW),
        ("42.6", "g", True, VerdictCode.ABOVE),
        ("42.0", "g", False, VerdictCode.UNSTABLE),  # within limits, but not settled
        ("99.0", "g", False, VerdictCode.UNSTABLE),  # unstability is judged first
        ("0.042", "kg", True, VerdictCode.WRONG_UNIT),  # the same weight in another unit
        ("42.0", "oz", True, VerdictCode.WRONG_UNIT),
    ],
)
def test_a_weight(value: str, unit: str, stable: bool, code: VerdictCode) -> None:
    verdict = check_weight(D(value), unit, stable, WEIGHT)
    assert verdict.code is code
    assert (verdict.what, verdict.value, verdict.unit, verdict.limits) == (
        "weight",
        D(value),
        unit,
        WEIGHT,
    )
    assert verdict.ok is (code is VerdictCode.WITHIN)


def test_a_step_without_a_unit_takes_any_unit() -> None:
    plain = Limits(D("1"), D("2"), "")
    assert check_weight(D("1.5"), "g", True, plain).code is VerdictCode.WITHIN


def test_what_is_checked_is_named_in_the_verdict() -> None:
    assert check_weight(D("42"), "g", True, WEIGHT, what="net weight").what == "net weight"


@pytest.mark.parametrize(
    ("verdict", "english", "template"),
    [
        (
            check_value(D("1.40"), TORQUE, "torque"),
            "torque 1.40 Nm is within 1.20–1.60 Nm",
            "{what} {reading} is within {limits}",
        ),
        (
            check_value(D("1.19"), TORQUE, "torque"),
            "torque 1.19 Nm is below the lower limit (1.20–1.60 Nm)",
            "{what} {reading} is below the lower limit ({limits})",
        ),
        (
            check_value(D("1.61"), TORQUE, "torque"),
            "torque 1.61 Nm is above the upper limit (1.20–1.60 Nm)",
            "{what} {reading} is above the upper limit ({limits})",
        ),
        (
            check_weight(D("42"), "g", False, WEIGHT),
            "the scale is not stable: wait for the reading to settle",
            "the scale is not stable: wait for the reading to settle",
        ),
        (
            check_weight(D("0.042"), "kg", True, WEIGHT),
            "the scale reads in kg, the step needs g: set the scale unit",
            "the scale reads in {unit}, the step needs {wanted}: set the scale unit",
        ),
    ],
)
def test_each_verdict_in_words(verdict: Verdict, english: str, template: str) -> None:
    words = verdict_words(verdict)
    assert isinstance(words, Text)
    assert words == english and words.template == template
    assert verdict.message == english


def test_every_verdict_code_has_words() -> None:
    for code in VerdictCode:
        verdict = Verdict(code, "weight", D("42"), "g", WEIGHT)
        assert str(verdict_words(verdict))


def test_a_translated_what_is_translated_inside_the_verdict() -> None:
    from desktop.domain.text import t

    verdict = check_value(D("2"), Limits(D("1"), D("3"), "bar"), t("pressure"))
    words = verdict_words(verdict)
    zh = {
        "pressure": "压力",
        "{what} {reading} is within {limits}": "{what} {reading} 在 {limits} 内",
    }
    assert words.render(lambda template: zh.get(template, template)) == "压力 2 bar 在 1–3 bar 内"


def test_limits_read_from_step_parameters() -> None:
    limits = limits_of({"lower": "41.5", "upper": 42.5, "unit": "g", "nominal": "42"})
    assert limits == Limits(D("41.5"), D("42.5"), "g", D("42"))
    assert check_value(D("42.5"), limits).ok and not check_value(D("42.51"), limits).ok
