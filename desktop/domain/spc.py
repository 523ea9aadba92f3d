"""Statistical process control of numeric step results: control charts, the Western Electric /
Nelson run rules and capability indices, as values.

- Charts: individuals and moving range (I-MR) for one reading a unit, X-bar and R for
  subgroups of 2 to 10 readings. Control limits come from a baseline (the readings QC froze),
  never from the points being judged; sigma is estimated within (moving range / d2, R-bar / d2).
- Rules: the eight Nelson rules (the first four are the Western Electric zone rules), each a
  code of ``SpcRule`` with its words in one table. A violation is a value: the rule and the
  indexes of the points involved; the last index is the point that completed the pattern.
- Capability: Cp and Cpk (within sigma), Pp and Ppk (overall sample standard deviation),
  against the step's specification limits.

Floats are used for the statistics (the readings are Decimal in the database; a chart needs
no more than float precision); callers round only to show.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.domain.text import t
from desktop.domain.vocabulary import Vocabulary, words_for


class SpcRule(Vocabulary):
    """A Nelson rule (rules 1-4 of Western Electric are rules 1, 5, 6, 2 here)."""

    BEYOND_3_SIGMA = "nelson_1"  # one point more than 3 sigma from the centre line
    NINE_ONE_SIDE = "nelson_2"  # nine points in a row on one side of the centre line
    SIX_TRENDING = "nelson_3"  # six points in a row steadily increasing or decreasing
    FOURTEEN_ALTERNATING = "nelson_4"  # fourteen points in a row alternating up and down
    TWO_OF_THREE_BEYOND_2 = "nelson_5"  # two of three in a row beyond 2 sigma, same side
    FOUR_OF_FIVE_BEYOND_1 = "nelson_6"  # four of five in a row beyond 1 sigma, same side
    FIFTEEN_WITHIN_1 = "nelson_7"  # fifteen points in a row within 1 sigma (either side)
    EIGHT_OUTSIDE_1 = "nelson_8"  # eight in a row beyond 1 sigma, on both sides, none within

    @property
    def number(self) -> int:
        """The rule's number (1-8) as the literature counts them."""
        return int(self.value.rsplit("_", 1)[1])


words_for(
    SpcRule,
    {
        SpcRule.BEYOND_3_SIGMA: t("rule 1: a point beyond 3 sigma"),
        SpcRule.NINE_ONE_SIDE: t("rule 2: 9 points in a row on one side of the centre line"),
        SpcRule.SIX_TRENDING: t("rule 3: 6 points in a row steadily increasing or decreasing"),
        SpcRule.FOURTEEN_ALTERNATING: t("rule 4: 14 points in a row alternating up and down"),
        SpcRule.TWO_OF_THREE_BEYOND_2: t("rule 5: 2 of 3 points beyond 2 sigma on one side"),
        SpcRule.FOUR_OF_FIVE_BEYOND_1: t("rule 6: 4 of 5 points beyond 1 sigma on one side"),
        SpcRule.FIFTEEN_WITHIN_1: t("rule 7: 15 points in a row within 1 sigma"),
        SpcRule.EIGHT_OUTSIDE_1: t("rule 8: 8 points in a row beyond 1 sigma on both sides"),
    },
)


class FlagStatus(Vocabulary):
    """An anomaly flag's state (spc_flags.status): open until QC dispositions it."""

    OPEN = "open"
    DISPOSITIONED = "dispositioned"


words_for(
    FlagStatus,
    {FlagStatus.OPEN: t("open"), FlagStatus.DISPOSITIONED: t("dispositioned")},
)


class ChartKind(Vocabulary):
    """The chart a baseline's limits are for (spc_baselines.chart)."""

    INDIVIDUALS = "individuals"  # individuals and moving range
    XBAR_R = "xbar_r"  # subgroup means and ranges


words_for(
    ChartKind,
    {
        ChartKind.INDIVIDUALS: t("individuals and moving range"),
        ChartKind.XBAR_R: t("X-bar and R"),
    },
)


@dataclass(frozen=True)
class Constants:
    """Control chart constants for subgroups of ``n`` (ASTM E2587, Montgomery table VI)."""

    n: int
    d2: float
    a2: float
    d3: float
    d4: float


#: d2, A2, D3, D4 for n = 2..10.
CONSTANTS: dict[int, Constants] = {
    c.n: c
    for c in (
        Constants(2, 1.128, 1.880, 0.0, 3.267),
        Constants(3, 1.693, 1.023, 0.0, 2.574),
        Constants(4, 2.059, 0.729, 0.0, 2.282),
        Constants(5, 2.326, 0.577, 0.0, 2.114),
        Constants(6, 2.534, 0.483, 0.0, 2.004),
        Constants(7, 2.704, 0.419, 0.076, 1.924),
        Constants(8, 2.847, 0.373, 0.136, 1.864),
        Constants(9, 2.970, 0.337, 0.184, 1.816),
        Constants(10, 3.078, 0.308, 0.223, 1.777),
    )
}


def constants(n: int) -> Constants:
    """The constants for subgroups of ``n``; refused outside 2..10."""
    if n not in CONSTANTS:
        raise ValueError(t("subgroup size {n} is not supported: use 2 to 10", n=n))
    return CONSTANTS[n]


@dataclass(frozen=True)
class ChartLimits:
    """One chart's centre line and control limits, and the sigma of its plotted points."""

    centre: float
    lower: float
    upper: float
    sigma: float  # of a plotted point (an individual, or a subgroup mean)


@dataclass(frozen=True)
class Baseline:
    """Limits computed from baseline readings: the location chart (individuals or X-bar),
    the dispersion chart (moving range or R), and the process sigma within."""

    chart: ChartKind
    subgroup: int  # 1 for individuals
    samples: int  # readings the limits were computed from
    location: ChartLimits
    dispersion: ChartLimits
    sigma_within: float


MIN_BASELINE = 10  # readings (individuals) or subgroups (X-bar/R) a baseline needs at least


def moving_ranges(values: Sequence[float]) -> list[float]:
    """|x[i] - x[i-1]| for i >= 1."""
    return [abs(b - a) for a, b in itertools.pairwise(values)]


def individuals_baseline(values: Sequence[float]) -> Baseline:
    """I-MR limits: centre = mean, sigma = MR-bar / d2(2), limits +-3 sigma; MR chart
    0 .. D4(2) MR-bar."""
    if len(values) < 2:
        raise ValueError(t("a baseline needs at least 2 readings, not {n}", n=len(values)))
    c = constants(2)
    centre = math.fsum(values) / len(values)
    mr_bar = math.fsum(moving_ranges(values)) / (len(values) - 1)
    sigma = mr_bar / c.d2
    location = ChartLimits(centre, centre - 3 * sigma, centre + 3 * sigma, sigma)
    dispersion = ChartLimits(mr_bar, c.d3 * mr_bar, c.d4 * mr_bar, (c.d4 - 1) * mr_bar / 3)
    return Baseline(ChartKind.INDIVIDUALS, 1, len(values), location, dispersion, sigma)


def subgroups_of(values: Sequence[float], n: int) -> list[list[float]]:
    """Consecutive subgroups of ``n`` readings (an incomplete last one is left out)."""
    return [list(values[i : i + n]) for i in range(0, len(values) - n + 1, n)]


def xbar_r_baseline(groups: Sequence[Sequence[float]]) -> Baseline:
    """X-bar/R limits: X-double-bar +- A2 R-bar, R chart D3 R-bar .. D4 R-bar, sigma within
    R-bar / d2."""
    if not groups:
        raise ValueError(t("a baseline needs at least 1 subgroup"))
    n = len(groups[0])
    if any(len(g) != n for g in groups):
        raise ValueError(t("subgroups must all have {n} readings", n=n))
    c = constants(n)
    means = [math.fsum(g) / n for g in groups]
    ranges = [max(g) - min(g) for g in groups]
    grand = math.fsum(means) / len(means)
    r_bar = math.fsum(ranges) / len(ranges)
    sigma = r_bar / c.d2
    location = ChartLimits(grand, grand - c.a2 * r_bar, grand + c.a2 * r_bar, c.a2 * r_bar / 3)
    dispersion = ChartLimits(r_bar, c.d3 * r_bar, c.d4 * r_bar, (c.d4 - 1) * r_bar / 3)
    return Baseline(ChartKind.XBAR_R, n, sum(len(g) for g in groups), location, dispersion, sigma)


# ---------------------------------------------------------------- rules


@dataclass(frozen=True)
class Violation:
    """A rule broken by the points at ``points`` (indexes into the judged series, ascending);
    the last is the point that completed the pattern."""

    rule: SpcRule
    points: tuple[int, ...]

    @property
    def at(self) -> int:
        return self.points[-1]


def _side(z: float) -> int:
    return 1 if z > 0 else -1 if z < 0 else 0


def _window(i: int, size: int) -> range | None:
    return range(i - size + 1, i + 1) if i + 1 >= size else None


def _rule_at(rule: SpcRule, z: Sequence[float], x: Sequence[float], i: int) -> Violation | None:
    """Whether ``rule`` is broken by the window of points ending at ``i`` (z: distance from the
    centre line in sigmas; x: the plotted values)."""
    if rule is SpcRule.BEYOND_3_SIGMA:
        return Violation(rule, (i,)) if abs(z[i]) > 3 else None
    if rule is SpcRule.NINE_ONE_SIDE:
        w = _window(i, 9)
        sides = {_side(z[j]) for j in w} if w else set()
        return Violation(rule, tuple(w)) if w and len(sides) == 1 and 0 not in sides else None
    if rule is SpcRule.SIX_TRENDING:
        w = _window(i, 6)
        if w is None:
            return None
        steps = [_side(x[j] - x[j - 1]) for j in list(w)[1:]]
        return Violation(rule, tuple(w)) if len(set(steps)) == 1 and steps[0] != 0 else None
    if rule is SpcRule.FOURTEEN_ALTERNATING:
        w = _window(i, 14)
        if w is None:
            return None
        steps = [_side(x[j] - x[j - 1]) for j in list(w)[1:]]
        ok = all(s != 0 for s in steps) and all(a == -b for a, b in itertools.pairwise(steps))
        return Violation(rule, tuple(w)) if ok else None
    if rule is SpcRule.TWO_OF_THREE_BEYOND_2:
        return _k_of_m(rule, z, i, 2, 3, 2.0)
    if rule is SpcRule.FOUR_OF_FIVE_BEYOND_1:
        return _k_of_m(rule, z, i, 4, 5, 1.0)
    if rule is SpcRule.FIFTEEN_WITHIN_1:
        w = _window(i, 15)
        return Violation(rule, tuple(w)) if w and all(abs(z[j]) < 1 for j in w) else None
    w = _window(i, 8)  # EIGHT_OUTSIDE_1
    if w is None or not all(abs(z[j]) > 1 for j in w):
        return None
    return Violation(rule, tuple(w)) if {_side(z[j]) for j in w} == {1, -1} else None


def _k_of_m(
    rule: SpcRule, z: Sequence[float], i: int, k: int, m: int, beyond: float
) -> Violation | None:
    """``k`` of the ``m`` points ending at ``i`` beyond ``beyond`` sigma on one side, the point
    at ``i`` one of them (so one excursion is reported once, at the point that made it); at the
    start of a series the window is the points there are."""
    w = range(max(0, i - m + 1), i + 1)
    side = _side(z[i])
    if side == 0 or abs(z[i]) <= beyond:
        return None
    out = tuple(j for j in w if _side(z[j]) == side and abs(z[j]) > beyond)
    return Violation(rule, out) if len(out) >= k else None


def violations(
    values: Sequence[float],
    limits: ChartLimits,
    rules: Iterable[SpcRule] = tuple(SpcRule),
    *,
    only_at: int | None = None,
) -> list[Violation]:
    """Every violation of ``rules`` in ``values`` against ``limits`` (one per rule and point
    that completes it), ordered by point then rule; ``only_at``: those completed at that index
    (the newest reading)."""
    if limits.sigma <= 0:
        return []
    z = [(v - limits.centre) / limits.sigma for v in values]
    chosen = list(rules)
    found: list[Violation] = []
    indexes = range(len(values)) if only_at is None else [only_at]
    for i in indexes:
        for rule in chosen:
            hit = _rule_at(rule, z, values, i)
            if hit is not None:
                found.append(hit)
    return found


# ---------------------------------------------------------------- capability


@dataclass(frozen=True)
class Capability:
    """Capability against the specification [lower, upper]: Cp/Cpk on sigma within, Pp/Ppk on
    the overall sample standard deviation (None when a sigma is zero or unknown)."""

    lower: float
    upper: float
    mean: float
    sigma_within: float
    sigma_overall: float | None
    cp: float | None
    cpk: float | None
    pp: float | None
    ppk: float | None


def cp_cpk(lower: float, upper: float, mean: float, sigma: float) -> tuple[float, float] | None:
    """Cp = (USL - LSL) / 6 sigma; Cpk = min(USL - mean, mean - LSL) / 3 sigma."""
    if sigma <= 0:
        return None
    return (upper - lower) / (6 * sigma), min(upper - mean, mean - lower) / (3 * sigma)


def sample_sigma(values: Sequence[float]) -> float | None:
    """The sample standard deviation (n - 1), None for fewer than 2 values."""
    if len(values) < 2:
        return None
    mean = math.fsum(values) / len(values)
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1))


def capability(
    values: Sequence[float], lower: float, upper: float, sigma_within: float
) -> Capability:
    """Cp, Cpk, Pp, Ppk of ``values`` against [lower, upper]; ``sigma_within`` from the chart."""
    mean = math.fsum(values) / len(values) if values else math.nan
    overall = sample_sigma(values)
    within = cp_cpk(lower, upper, mean, sigma_within)
    whole = cp_cpk(lower, upper, mean, overall) if overall is not None else None
    return Capability(
        lower,
        upper,
        mean,
        sigma_within,
        overall,
        within[0] if within else None,
        within[1] if within else None,
        whole[0] if whole else None,
        whole[1] if whole else None,
    )


__all__ = [
    "CONSTANTS",
    "MIN_BASELINE",
    "Baseline",
    "Capability",
    "ChartKind",
    "ChartLimits",
    "Constants",
    "FlagStatus",
    "SpcRule",
    "Violation",
    "capability",
    "constants",
    "cp_cpk",
    "individuals_baseline",
    "moving_ranges",
    "sample_sigma",
    "subgroups_of",
    "violations",
    "xbar_r_baseline",
]
