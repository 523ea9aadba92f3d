"""The dashboard data set's device health: an hourly report per line device over the year.

SYNTHETIC DATA FOR BENCHMARKS ONLY (bench/generate_dashboard.py loads it).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from bench import generate as base
from bench.dashboard_data.world import NOW, World


def health_rows(w: World) -> Iterator[tuple[Any, ...]]:
    """An hourly report per device from the year's start to NOW."""
    rng = random.Random(w.plan.seed + 31)
    report = w.first["device_health_reports"]
    hours = int((NOW - base.T0).total_seconds() // 3600)
    names = ("scanner", "scale", "printer")
    for h in range(hours):
        start = base.T0 + timedelta(hours=h)
        since, until = w.stamp(start), w.stamp(start + timedelta(hours=1))
        for line, devices in enumerate(w.devices):
            for kind, device in zip(names, devices, strict=True):
                readings = 28 + rng.randrange(4) if kind != "scanner" else 120 + rng.randrange(20)
                roll = rng.random()
                refused = rng.randint(1, 3) if roll < 0.03 else 0
                reconnects = 1 if roll > 0.995 else 0
                yield (
                    report,
                    w.stations[line],
                    device,
                    f"{kind}-{line + 1}",
                    since,
                    until,
                    readings,
                    refused,
                    reconnects,
                    until,
                )
                report += 1
