"""Production: work orders, serial commissioning, and station execution of a unit through its route
(steps, component consumption, weighing).

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.production._execution import (
    consume_component,
    record_check,
    record_measurement,
    record_weight,
)
from desktop.services.production._import import ImportInvalid, ImportProblem, import_work_orders
from desktop.services.production._planning import (
    PlannableProduct,
    PlannedOrder,
    Reconciliation,
    StepProgress,
    close_work_order,
    open_work_orders,
    plannable_products,
    planned_order,
)
from desktop.services.production._serials import BATCH, commission_serials
from desktop.services.production._status import UnitProgress, unit_status
from desktop.services.production._step import StepResult, today
from desktop.services.production._workorders import (
    create_work_order,
    release_work_order,
    work_order,
)

__all__ = [
    "BATCH",
    "ImportInvalid",
    "ImportProblem",
    "PlannableProduct",
    "PlannedOrder",
    "Reconciliation",
    "StepProgress",
    "StepResult",
    "UnitProgress",
    "close_work_order",
    "commission_serials",
    "consume_component",
    "create_work_order",
    "import_work_orders",
    "open_work_orders",
    "plannable_products",
    "planned_order",
    "record_check",
    "record_measurement",
    "record_weight",
    "release_work_order",
    "today",
    "unit_status",
    "work_order",
]
