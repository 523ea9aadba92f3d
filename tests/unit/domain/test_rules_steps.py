"""Route step parameters: what each kind needs, limits in order, numbers normalised, and the
refusals that name the step and the parameter."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from desktop.domain.steps import (
    AFTER_RELEASE,
    Limits,
    StepKind,
    StepParameterError,
    check_value,
    limits_of,
    parse_kind,
    validate_parameters,
)

#: kind -> the parameters it cannot do without (written out, not read from the module).
NEEDS: dict[str, tuple[str, ...]] = {
    "scan_component": ("parts",),
    "weigh": ("lower", "upper", "unit"),
    "inspect": ("characteristic", "lower", "upper", "unit"),
    "check": ("prompt",),
    "label": ("template",),
    "pack": (),
}
GOOD: dict[str, dict[str, Any]] = {
    "scan_component": {"parts": ["PUMP-HOUSING"]},
    "weigh": {"lower": "41.5", "upper": "42.5", "unit": "g"},
    "inspect": {"characteristic": "torque", "lower": 1.2, "upper": 1.6, "unit": "Nm"},
    "check": {"prompt": "Seal intact?"},
    "label": {"template": "udi-4x2"},
    "pack": {},
}


def test_the_table_covers_every_kind() -> None:
    assert set(NEEDS) == {k.value for k in StepKind} == set(GOOD)


@pytest.mark.parametrize("kind", list(NEEDS))
def test_a_kind_with_all_it_needs_is_accepted(kind: str) -> None:
    out = validate_parameters(kind, GOOD[kind], "step 1")
    assert set(out) == set(GOOD[kind])


@pytest.mark.parametrize(("kind", "key"), [(k, p) for k, needs in NEEDS.items() for p in needs])
def test_each_needed_parameter_is_named_when_missing(kind: str, key: str) -> None:
    params = {k: v for k, v in GOOD[kind].items() if k != key}
    with pytest.raises(StepParameterError) as refused:
        validate_parameters(kind, params, "Fill")
    assert str(refused.value) == f'step "Fill" ({kind}) needs {key}'


def test_every_missing_parameter_is_named_in_order() -> None:
    with pytest.raises(StepParameterError) as refused:
        validate_parameters("inspect", {"unit": "Nm"}, "Torque")
    assert str(refused.value) == 'step "Torque" (inspect) needs characteristic, lower, upper'


def test_an_unknown_kind_names_the_kinds_there_are() -> None:
    with pytest.raises(StepParameterError) as refused:
        validate_parameters("paint", {}, "Paint it")
    assert str(refused.value) == (
        'step "Paint it": kind "paint" is unknown; use scan_component, weigh, inspect, check, '
        "label, pack"
    )
    with pytest.raises(StepParameterError, match=r'^step "\?": kind "x"'):
        parse_kind("x")
    assert parse_kind("weigh") is StepKind.WEIGH


@pytest.mark.parametrize("kind", ["weigh", "inspect"])
def test_limits_may_be_equal_but_not_reversed(kind: str) -> None:
    params = dict(GOOD[kind], lower="42.0", upper="42.0")
    assert validate_parameters(kind, params)["lower"] == "42.0"
    params = dict(GOOD[kind], lower="42.01", upper="42.0")
    with pytest.raises(StepParameterError) as refused:
        validate_parameters(kind, params, "Fill")
    assert str(refused.value) == 'step "Fill": lower limit 42.01 is above upper limit 42.0'


def test_limits_are_compared_as_numbers_not_as_text() -> None:
    out = validate_parameters("weigh", {"lower": "9.5", "upper": "10.25", "unit": "g"})
    assert (out["lower"], out["upper"]) == ("9.5", "10.25")


def test_numbers_are_kept_as_decimal_text() -> None:
    out = validate_parameters(
        "inspect",
        {"characteristic": "leak", "lower": 0, "upper": 1.5, "unit": "mbar", "nominal": 1},
        "Leak",
    )
    assert out == {
        "characteristic": "leak",
        "lower": "0",
        "upper": "1.5",
        "unit": "mbar",
        "nominal": "1",
    }


def test_the_caller_s_parameters_are_not_changed() -> None:
    params = {"lower": 1, "upper": 2, "unit": "g"}
    validate_parameters("weigh", params)
    assert params == {"lower": 1, "upper": 2, "unit": "g"}


@pytest.mark.parametrize("key", ["lower", "upper", "nominal"])
def test_a_limit_that_is_not_a_number_is_named(key: str) -> None:
    params = dict(GOOD["weigh"], nominal="42.0")
    params[key] = "about 42"
    with pytest.raises(StepParameterError) as refused:
        validate_parameters("weigh", params, "Fill")
    assert str(refused.value) == f'step "Fill": {key} "about 42" is not a number'


@pytest.mark.parametrize(
    "parts", [[], "PUMP-HOUSING", ["PUMP-HOUSING", 7], None, ("PUMP-HOUSING",)]
)
def test_parts_are_a_non_empty_list_of_part_numbers(parts: Any) -> None:
    with pytest.raises(StepParameterError) as refused:
        validate_parameters("scan_component", {"parts": parts}, "Build")
    assert str(refused.value) == 'step "Build": parts must be a list of part numbers'


def test_parts_of_several_numbers_are_accepted() -> None:
    out = validate_parameters("scan_component", {"parts": ["A-1", "B-2"]})
    assert out["parts"] == ["A-1", "B-2"]


def test_other_kinds_keep_their_parameters_as_given() -> None:
    assert validate_parameters("check", {"prompt": "ok?", "lower": "x"}) == {
        "prompt": "ok?",
        "lower": "x",
    }


def test_limits_read_with_and_without_a_nominal_and_a_unit() -> None:
    assert limits_of({"lower": "1.20", "upper": "1.60", "unit": "Nm", "nominal": "1.4"}) == Limits(
        Decimal("1.20"), Decimal("1.60"), "Nm", Decimal("1.4")
    )
    assert limits_of({"lower": 1, "upper": 2, "nominal": None}) == Limits(
        Decimal(1), Decimal(2), "", None
    )
    with pytest.raises(StepParameterError, match=r'^step "\?": upper "high" is not a number$'):
        limits_of({"lower": 1, "upper": "high"})


def test_limits_in_words() -> None:
    assert Limits(Decimal("41.5"), Decimal("42.5"), "g").text() == "41.5–42.5 g"
    assert Limits(Decimal("1"), Decimal("2"), "").text() == "1–2"


def test_labelling_and_packing_come_after_release() -> None:
    assert {k.value for k in AFTER_RELEASE} == {"label", "pack"}


def test_a_step_without_a_name_is_named_by_a_question_mark() -> None:
    with pytest.raises(StepParameterError) as refused:
        validate_parameters("check", {})
    assert str(refused.value) == 'step "?" (check) needs prompt'


def test_a_nominal_left_empty_is_refused_naming_the_step() -> None:
    with pytest.raises(StepParameterError) as refused:
        validate_parameters("weigh", dict(GOOD["weigh"], nominal=None), "Fill")
    assert str(refused.value) == 'step "Fill": nominal "None" is not a number'


def test_what_a_reading_is_called_when_nobody_says() -> None:
    limits = Limits(Decimal("1"), Decimal("2"), "g")
    assert check_value(Decimal("1.5"), limits).what == "value"
