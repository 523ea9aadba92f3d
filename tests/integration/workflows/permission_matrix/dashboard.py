"""Permission-matrix scenarios for the dashboard, one per use case.

Panels, figure records, KPIs and device health reports. Each scenario makes the records its call
names, then returns the call.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.domain.insight import Panel
from desktop.services import insight
from tests.integration.workflows.permission_matrix.registry import Call, read, scenario
from tests.integration.workflows.world import World

read("insight.dashboard", insight.dashboard)
read("insight.dashboard_panel", insight.dashboard_panel, Panel.WIP)
read("insight.figure_records", insight.figure_records, str(Panel.NCRS))
read("insight.kpis", insight.kpis)


@scenario("insight.report_device_health")
def _report_device_health(w: World) -> Call:
    now = datetime.now(UTC)
    return lambda ctx, role: insight.report_device_health(
        ctx, f"{role} scanner", now - timedelta(minutes=15), now, readings=3, refused=1,
        reconnects=0,
    )  # fmt: skip
