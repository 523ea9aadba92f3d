"""Route step kinds and their parameters, validated per kind; tolerance checks for readings.

A check's verdict is a value (a ``VerdictCode`` and the reading, unit and limits it judged);
``verdict_words`` is the one place that puts a verdict into words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from desktop.domain.text import Text, t
from desktop.domain.vocabulary import Vocabulary, words_for


class StepKind(Vocabulary):
    SCAN_COMPONENT = "scan_component"  # consume the BOM parts of this step by scanning them
    WEIGH = "weigh"  # a stable scale reading within limits
    INSPECT = "inspect"  # a measured value within limits (torque, leak rate, ...)
    CHECK = "check"  # a pass/fail check (functional test, seal check)
    LABEL = "label"  # the UDI label printed and verified
    PACK = "pack"  # packed into a case


words_for(
    StepKind,
    {
        StepKind.SCAN_COMPONENT: t("scan component"),
        StepKind.WEIGH: t("weigh"),
        StepKind.INSPECT: t("inspect"),
        StepKind.CHECK: t("check"),
        StepKind.LABEL: t("label"),
        StepKind.PACK: t("pack"),
    },
)

#: Steps done after a lot's release (labelling and packing need a released item).
AFTER_RELEASE = frozenset({StepKind.LABEL, StepKind.PACK})


class StepParameterError(ValueError):
    pass


@dataclass(frozen=True)
class Limits:
    lower: Decimal
    upper: Decimal
    unit: str
    nominal: Decimal | None = None

    def text(self) -> str:
        return f"{self.lower}–{self.upper} {self.unit}".strip()


class VerdictCode(StrEnum):
    """What a check found."""

    WITHIN = "within"  # within the limits (inclusive): accepted
    BELOW = "below"  # below the lower limit
    ABOVE = "above"  # above the upper limit
    UNSTABLE = "unstable"  # the scale had not settled
    WRONG_UNIT = "wrong_unit"  # the scale reads in another unit than the step's


@dataclass(frozen=True)
class Verdict:
    """A check's result as a value: the code, what was read, and the limits it was held to."""

    code: VerdictCode
    what: str  # what was measured ("weight", a characteristic); a Text is translated
    value: Decimal
    unit: str  # the reading's unit
    limits: Limits

    @property
    def ok(self) -> bool:
        return self.code is VerdictCode.WITHIN

    @property
    def message(self) -> str:
        """The verdict in English words (``verdict_words``)."""
        return str(verdict_words(self))


def verdict_words(verdict: Verdict) -> Text:
    """A verdict in words for people, translatable: the only place a verdict becomes text."""
    limits = verdict.limits
    reading = f"{verdict.value} {limits.unit}".strip()
    params = {"what": verdict.what, "reading": reading, "limits": limits.text()}
    if verdict.code is VerdictCode.WITHIN:
        return t("{what} {reading} is within {limits}", **params)
    if verdict.code is VerdictCode.BELOW:
        return t("{what} {reading} is below the lower limit ({limits})", **params)
    if verdict.code is VerdictCode.ABOVE:
        return t("{what} {reading} is above the upper limit ({limits})", **params)
    if verdict.code is VerdictCode.UNSTABLE:
        return t("the scale is not stable: wait for the reading to settle")
    return t(
        "the scale reads in {unit}, the step needs {wanted}: set the scale unit",
        unit=verdict.unit,
        wanted=limits.unit,
    )


_REQUIRED: Mapping[StepKind, tuple[str, ...]] = {
    StepKind.SCAN_COMPONENT: ("parts",),
    StepKind.WEIGH: ("lower", "upper", "unit"),
    StepKind.INSPECT: ("characteristic", "lower", "upper", "unit"),
    StepKind.CHECK: ("prompt",),
    StepKind.LABEL: ("template",),
    StepKind.PACK: (),
}


def _decimal(params: Mapping[str, Any], key: str, step: str) -> Decimal:
    try:
        return Decimal(str(params[key]))
    except (InvalidOperation, ValueError):
        raise StepParameterError(f'step "{step}": {key} "{params[key]}" is not a number') from None


def parse_kind(text: str, step: str = "?") -> StepKind:
    try:
        return StepKind(text)
    except ValueError:
        kinds = ", ".join(k.value for k in StepKind)
        raise StepParameterError(f'step "{step}": kind "{text}" is unknown; use {kinds}') from None


def validate_parameters(kind: str, params: Mapping[str, Any], step: str = "?") -> dict[str, Any]:
    """Check a step's parameters for its kind; return them normalised (numbers as strings)."""
    k = parse_kind(kind, step)
    missing = [key for key in _REQUIRED[k] if key not in params]
    if missing:
        raise StepParameterError(f'step "{step}" ({k.value}) needs {", ".join(missing)}')
    out = dict(params)
    if k in (StepKind.WEIGH, StepKind.INSPECT):
        limits = limits_of(out, step)
        if limits.lower > limits.upper:
            raise StepParameterError(
                f'step "{step}": lower limit {limits.lower} is above upper limit {limits.upper}'
            )
        for key in ("lower", "upper", "nominal"):
            if key in out:
                out[key] = str(_decimal(out, key, step))
    if k is StepKind.SCAN_COMPONENT:
        parts = out["parts"]
        if not isinstance(parts, list) or not parts or not all(isinstance(p, str) for p in parts):
            raise StepParameterError(f'step "{step}": parts must be a list of part numbers')
    return out


def limits_of(params: Mapping[str, Any], step: str = "?") -> Limits:
    nominal = _decimal(params, "nominal", step) if params.get("nominal") is not None else None
    return Limits(
        _decimal(params, "lower", step),
        _decimal(params, "upper", step),
        str(params.get("unit", "")),
        nominal,
    )


def check_value(value: Decimal, limits: Limits, what: str = "value") -> Verdict:
    """A reading against its limits; both limits are inside the accepted range."""
    if value < limits.lower:
        code = VerdictCode.BELOW
    elif value > limits.upper:
        code = VerdictCode.ABOVE
    else:
        code = VerdictCode.WITHIN
    return Verdict(code, what, value, limits.unit, limits)


def check_weight(
    value: Decimal, unit: str, stable: bool, limits: Limits, what: str = "weight"
) -> Verdict:
    """Only a stable reading in the step's unit and within limits is accepted."""
    if not stable:
        return Verdict(VerdictCode.UNSTABLE, what, value, unit, limits)
    if limits.unit and unit != limits.unit:
        return Verdict(VerdictCode.WRONG_UNIT, what, value, unit, limits)
    return check_value(value, limits, what)
