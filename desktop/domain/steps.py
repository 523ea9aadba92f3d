"""Route step kinds and their parameters, validated per kind; tolerance checks for readings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any


class StepKind(StrEnum):
    SCAN_COMPONENT = "scan_component"  # consume the BOM parts of this step by scanning them
    WEIGH = "weigh"  # a stable scale reading within limits
    INSPECT = "inspect"  # a measured value within limits (torque, leak rate, ...)
    CHECK = "check"  # a pass/fail check (functional test, seal check)
    LABEL = "label"  # the UDI label printed and verified
    PACK = "pack"  # packed into a case


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


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str


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
    shown = f"{value} {limits.unit}".strip()
    if value < limits.lower:
        return Verdict(False, f"{what} {shown} is below the lower limit ({limits.text()})")
    if value > limits.upper:
        return Verdict(False, f"{what} {shown} is above the upper limit ({limits.text()})")
    return Verdict(True, f"{what} {shown} is within {limits.text()}")


def check_weight(value: Decimal, unit: str, stable: bool, limits: Limits) -> Verdict:
    """Only a stable reading in the step's unit and within limits is accepted."""
    if not stable:
        return Verdict(False, "the scale is not stable: wait for the reading to settle")
    if limits.unit and unit != limits.unit:
        return Verdict(
            False, f"the scale reads in {unit}, the step needs {limits.unit}: set the scale unit"
        )
    return check_value(value, limits, "weight")
