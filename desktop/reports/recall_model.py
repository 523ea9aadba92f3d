"""What a recall campaign shows: its items, customers to notify, progress and the response KPI.

Filled by ``desktop.services.recall``; plain frozen dataclasses, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain.distribution import RecallAction, RecallDisposition, RecallState, RecallStatus
from desktop.domain.states import Status
from desktop.reports.signature import Manifestation


@dataclass(frozen=True)
class RecallItemView:
    item_id: int
    item: str  # "unit SN-000001", "lot L26112501"
    state_at_scope: RecallState
    status_now: Status
    customer_code: str | None
    customer: str | None
    site: str | None
    site_gln: str | None
    notified_at: datetime | None
    returned_at: datetime | None
    disposition: RecallDisposition | None


@dataclass(frozen=True)
class CustomerLine:
    """A customer (and site) to notify, with how many affected items it holds."""

    code: str
    name: str
    site: str | None
    site_gln: str | None
    items: int
    notified: int


@dataclass(frozen=True)
class RecallView:
    number: str
    reason: str
    scope_item_id: int
    scope: str
    status: RecallStatus
    opened_by: str
    opened_at: datetime
    scope_known_at: datetime | None
    closed_at: datetime | None
    items_total: int
    by_state: dict[RecallState, int]
    notified: int
    returned: int
    dispositioned: int
    customers: tuple[CustomerLine, ...]
    items: tuple[RecallItemView, ...]  # the first ``limit`` items, by item id
    closing: Manifestation | None

    @property
    def time_to_scope(self) -> timedelta | None:
        """Recall response KPI: from opening to the scope known."""
        return self.scope_known_at - self.opened_at if self.scope_known_at else None

    @property
    def time_to_close(self) -> timedelta | None:
        """Recall response KPI: from opening to closure."""
        return self.closed_at - self.opened_at if self.closed_at else None

    @property
    def open_items(self) -> int:
        return self.items_total - self.dispositioned


@dataclass(frozen=True)
class RecallUpdate:
    number: str
    action: RecallAction
    changed: tuple[str, ...]  # the items changed by this call
    skipped: tuple[str, ...]  # named items that had it already (nothing changed for them)
