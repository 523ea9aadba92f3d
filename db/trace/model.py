"""Value types the trace queries return, JSON-ready via ``to_dict``.

The per-row types (TraceNode, ShipmentReach, ServiceReach) are NamedTuples: immutable, typed,
and built from a database row several times faster than a frozen dataclass, which matters
when a recall streams tens of thousands of them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple


class Direction(StrEnum):
    """BACKWARD: what went into an item. FORWARD: what an item went into."""

    BACKWARD = "backward"
    FORWARD = "forward"


#: ``TraceNode.via_kind`` for a unit reached as a member of the production lot it was built in
#: (items.work_order_id), not through a row of ``links``.
MEMBER = "member"


class TraceNode(NamedTuple):
    """One item of a trace scope, with the link by which it was first reached.

    ``depth`` is the shortest distance from the root (0 for the root). ``via_item_id`` is the
    neighbour one step nearer the root; ``via_link_id``/``via_kind``/``quantity`` describe that
    link (``via_kind`` is ``"member"`` for a unit reached through its production lot).
    ``current`` is False only in a history trace, for an item reachable solely through a link
    that was removed later (rework removal, disaggregation).
    """

    item_id: int
    kind: str
    status: str
    depth: int
    gtin: str | None = None
    lot: str | None = None
    serial: str | None = None
    sscc: str | None = None
    supplier_lot: str | None = None
    via_item_id: int | None = None
    via_link_id: int | None = None
    via_kind: str | None = None
    quantity: Decimal | None = None
    current: bool = True

    @property
    def ref(self) -> str:
        return f"item:{self.item_id}"

    def to_dict(self) -> dict[str, Any]:
        data = self._asdict()
        data["ref"] = self.ref
        data["quantity"] = None if self.quantity is None else format(self.quantity.normalize(), "f")
        return data


class ShipmentReach(NamedTuple):
    """A shipment line carrying an item of a forward scope, with its customer and ship-to site."""

    shipment_id: int
    number: str
    status: str
    shipped_at: datetime | None
    item_id: int
    customer_id: int
    customer_code: str
    customer_name: str
    site_id: int | None
    site_name: str | None
    current: bool = True

    def to_dict(self) -> dict[str, Any]:
        data = self._asdict()
        data["shipped_at"] = self.shipped_at.isoformat() if self.shipped_at else None
        return data


class ServiceReach(NamedTuple):
    """A service record (installation, service, repair, return, disposal) of a scope item."""

    record_id: int
    item_id: int
    kind: str
    performed_at: datetime
    site_id: int | None
    site_name: str | None
    customer_id: int | None
    current: bool = True

    def to_dict(self) -> dict[str, Any]:
        data = self._asdict()
        data["performed_at"] = self.performed_at.isoformat()
        return data


@dataclass(frozen=True, slots=True)
class TracePage:
    """One keyset page of a scope, ordered by item id; pass ``next_after`` to get the next."""

    nodes: list[TraceNode]
    next_after: int | None


@dataclass(frozen=True, slots=True)
class TraceSummary:
    """Counts of a scope without fetching it. ``items`` excludes the root item itself."""

    root_id: int
    direction: Direction
    include_removed: bool
    items: int
    by_kind: dict[str, int] = field(default_factory=dict)
    history_only: int = 0
    max_depth: int = 0
    depth_limit_reached: bool = False  # the walk of a history scope stopped at MAX_DEPTH
    in_cycles: int = 0  # items of a current scope that reach themselves: a cycle, bad data
    shipments: int = 0
    customers: int = 0
    ship_to_sites: int = 0
    installed_sites: int = 0
    shipment_lines: int = 0  # rows of a scope listing: items + 1 + lines + service records
    service_records: int = 0

    @property
    def rows(self) -> int:
        """How many rows ``db.trace.scope_rows`` streams for this scope (root included)."""
        return self.items + 1 + self.shipment_lines + self.service_records

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["direction"] = str(self.direction)
        return data
