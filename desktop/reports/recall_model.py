"""What a recall campaign shows: its items, customers to notify, progress and the response KPI.

Filled by ``desktop.services.recall``; plain frozen dataclasses, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.reports.signature import Manifestation

#: An affected item's state when the scope was taken (from its status).
STATES = ("in_stock", "shipped", "installed", "returned", "scrapped", "disposed")
#: What became of an affected item.
DISPOSITIONS = (
    "scrapped",  # returned (or in stock) and scrapped
    "reworked",  # returned (or in stock), corrected and back in stock
    "corrected_in_field",  # corrected at the customer's site
    "destroyed_on_site",  # the customer destroyed it (with their certificate)
    "not_recoverable",  # lost or not found; the search is documented in the reason
    "no_action",  # nothing to do (scrapped or disposed before the recall)
)
#: States in which an item is at a customer's.
AT_CUSTOMER = ("shipped", "installed")
#: Dispositions that need the item back in our hands first.
NEED_RETURN = ("scrapped", "reworked")


def state_of(status: str) -> str:
    """An item's recall state from its status: at a customer, returned, gone, or ours."""
    return status if status in STATES else "in_stock"


@dataclass(frozen=True)
class RecallItemView:
    item_id: int
    item: str  # "unit SN-000001", "lot L26112501"
    state_at_scope: str
    status_now: str
    customer_code: str | None
    customer: str | None
    site: str | None
    site_gln: str | None
    notified_at: datetime | None
    returned_at: datetime | None
    disposition: str | None


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
    status: str  # open | closed
    opened_by: str
    opened_at: datetime
    scope_known_at: datetime | None
    closed_at: datetime | None
    items_total: int
    by_state: dict[str, int]
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
    action: str  # notified | returned | dispositioned
    changed: tuple[str, ...]  # the items changed by this call
    skipped: tuple[str, ...]  # named items that had it already (nothing changed for them)
