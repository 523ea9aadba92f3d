"""The SPC chart of a product's numeric step as data: points, moving ranges (or subgroup means
and ranges), the limits they are judged against, the rules they break, and capability."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.permissions import Permission
from desktop.domain.spc import (
    CONSTANTS,
    Baseline,
    Capability,
    ChartKind,
    ChartLimits,
    Violation,
    capability,
    individuals_baseline,
    moving_ranges,
    subgroups_of,
    violations,
    xbar_r_baseline,
)
from desktop.domain.text import t
from desktop.services.core.errors import Refusal
from desktop.services.core.uow import UnitOfWork
from desktop.services.core.usecase import use_case
from desktop.services.spc._baselines import (
    BaselineView,
    active_baseline,
    baseline_view,
    step_words,
)
from desktop.services.spc._readings import product_of, readings, spec_of, step_of


@dataclass(frozen=True)
class ChartPoint:
    index: int
    value: float  # the reading, or a subgroup's mean
    spread: float | None  # moving range to the point before, or the subgroup's range
    item: str  # the unit (the first of a subgroup)
    event_id: uuid.UUID
    at: datetime


@dataclass(frozen=True)
class SpcChart:
    product: str
    step: str
    unit: str
    chart: ChartKind
    subgroup: int
    spec_lower: float
    spec_upper: float
    location: ChartLimits  # individuals or X-bar
    dispersion: ChartLimits  # moving range or R
    baseline: BaselineView | None  # None: trial limits from the points shown
    points: tuple[ChartPoint, ...]
    violations: tuple[Violation, ...]
    capability: Capability | None


def _frozen_limits(view: BaselineView) -> tuple[ChartLimits, ChartLimits, float]:
    location = ChartLimits(
        float(view.centre), float(view.lower), float(view.upper), float(view.sigma)
    )
    mr = float(view.range_centre)
    dispersion = ChartLimits(mr, 0.0, float(view.range_upper), (float(view.range_upper) - mr) / 3)
    return location, dispersion, float(view.sigma)


@use_case(Permission.TRACE_VIEW, read_only=True)
def spc_chart(
    uow: UnitOfWork, product: str, step: str, *, last: int | None = 100, subgroup: int = 1
) -> SpcChart:
    """The chart of the step's latest ``last`` readings: individuals and moving range against
    the frozen baseline (trial limits from the points themselves while none is frozen), or
    X-bar and R of consecutive subgroups of ``subgroup`` (2 to 10) with trial limits."""
    session = uow.session
    made = product_of(session, product)
    chosen = step_of(session, made, step)
    spec = spec_of(chosen)
    taken = readings(session, made, chosen, last=last)
    if subgroup > 1 and subgroup not in CONSTANTS:
        raise Refusal(t("subgroup size {n} is not supported: use 2 to 10", n=subgroup))
    least = 2 if subgroup <= 1 else 2 * subgroup
    if len(taken) < least:
        raise Refusal(
            t(
                'step "{step}" of {product} has {count} reading(s): a chart needs at least {least}',
                step=step_words(chosen),
                product=made.name,
                count=len(taken),
                least=least,
            )
        )
    values = [r.value for r in taken]
    frozen = active_baseline(session, made.id, chosen.id)
    view = baseline_view(session, frozen) if frozen is not None and subgroup <= 1 else None
    points: list[ChartPoint]
    if subgroup > 1:
        groups = subgroups_of(values, subgroup)
        trial: Baseline = xbar_r_baseline(groups)
        location, dispersion, sigma = trial.location, trial.dispersion, trial.sigma_within
        plotted = [sum(g) / len(g) for g in groups]
        points = [
            ChartPoint(
                n,
                plotted[n],
                max(g) - min(g),
                taken[n * subgroup].item,
                taken[n * subgroup].event_id,
                taken[n * subgroup].at,
            )
            for n, g in enumerate(groups)
        ]
        kind = ChartKind.XBAR_R
    else:
        if view is not None:
            location, dispersion, sigma = _frozen_limits(view)
        else:
            trial = individuals_baseline(values)
            location, dispersion, sigma = trial.location, trial.dispersion, trial.sigma_within
        plotted = values
        ranges: list[float | None] = [None, *moving_ranges(values)]
        points = [
            ChartPoint(n, r.value, ranges[n], r.item, r.event_id, r.at) for n, r in enumerate(taken)
        ]
        kind = ChartKind.INDIVIDUALS
    lower, upper = float(spec.lower), float(spec.upper)
    return SpcChart(
        made.name,
        step_words(chosen),
        spec.unit,
        kind,
        max(subgroup, 1),
        lower,
        upper,
        location,
        dispersion,
        view,
        tuple(points),
        tuple(violations(plotted, location)),
        capability(values, lower, upper, sigma) if sigma > 0 else None,
    )


__all__ = ["ChartPoint", "SpcChart", "spc_chart"]
