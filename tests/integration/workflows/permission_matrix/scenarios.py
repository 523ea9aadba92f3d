"""Every permission-matrix scenario, gathered: importing this registers every area's.

An area's module that is not imported here leaves its use cases without a scenario, and the
matrix's guard names them.
"""

from __future__ import annotations

from tests.integration.workflows.permission_matrix import (  # noqa: F401 (they register)
    admin,
    dashboard,
    labelling,
    production,
    quality,
    recall,
    shipping,
)
from tests.integration.workflows.permission_matrix.registry import SCENARIOS, Call, Scenario

__all__ = ["SCENARIOS", "Call", "Scenario"]
