"""SPC: control charts of numeric step results, baselines QC freezes with a signature, and the
anomaly flags a reading raises on its unit and lot when it breaks a run rule.

The public module of this capability: other packages, views and commands import only from here.
Production calls ``check_reading`` inside the use case that records a reading; quality asks
``open_flags_on`` before a lot is released.
"""

from __future__ import annotations

from desktop.services.spc._baselines import (
    DEFAULT_SAMPLES,
    BaselineView,
    NumericStep,
    baseline_in_force,
    baselines,
    freeze_baseline,
    numeric_steps,
)
from desktop.services.spc._chart import ChartPoint, SpcChart, spc_chart
from desktop.services.spc._flags import (
    FlagView,
    check_reading,
    disposition_flag,
    flags_on,
    open_flags_on,
    spc_flags,
)

__all__ = [
    "DEFAULT_SAMPLES",
    "BaselineView",
    "ChartPoint",
    "FlagView",
    "NumericStep",
    "SpcChart",
    "baseline_in_force",
    "baselines",
    "check_reading",
    "disposition_flag",
    "flags_on",
    "freeze_baseline",
    "numeric_steps",
    "open_flags_on",
    "spc_chart",
    "spc_flags",
]
