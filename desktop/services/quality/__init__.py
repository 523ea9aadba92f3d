"""Quality: nonconformances, inspections against plans, review by exception and signed lot release.

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.quality._inspection import (
    InspectionPlanView,
    InspectionResultView,
    inspection_plans,
    record_inspection,
)
from desktop.services.quality._ncr import (
    NcrView,
    close_ncr,
    disposition_ncr,
    ncr_view,
    open_ncr,
)
from desktop.services.quality._open_ncr import open_ncr_in
from desktop.services.quality._queue import (
    QueuedLot,
    ScannedReview,
    lots_awaiting_release,
    open_ncrs,
    review_for_scan,
)
from desktop.services.quality._release import (
    LotRelease,
    LotReview,
    lot_review,
    production_done,
    release_lot,
    units_of,
)

__all__ = [
    "InspectionPlanView",
    "InspectionResultView",
    "LotRelease",
    "LotReview",
    "NcrView",
    "QueuedLot",
    "ScannedReview",
    "close_ncr",
    "disposition_ncr",
    "inspection_plans",
    "lot_review",
    "lots_awaiting_release",
    "ncr_view",
    "open_ncr",
    "open_ncr_in",
    "open_ncrs",
    "production_done",
    "record_inspection",
    "release_lot",
    "review_for_scan",
    "units_of",
]
