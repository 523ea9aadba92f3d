"""Genealogy queries: backward (what went into an item) and forward (where it went).

Recursive CTEs over ``links``, written once in SQLAlchemy Core and run unchanged on SQLite and
PostgreSQL. See docs/trace.md for the conventions, the recall-scope decision (removed links are
history, not current scope) and the figures at one million units.
"""

from db.trace.model import (
    MEMBER,
    Direction,
    ServiceReach,
    ShipmentReach,
    TraceNode,
    TracePage,
    TraceSummary,
)
from db.trace.queries import (
    backward,
    forward,
    forward_service,
    forward_shipments,
    node_select,
    service_select,
    shipment_select,
    trace,
    trace_page,
)
from db.trace.resolve import LOT_KINDS, find_items
from db.trace.scope import (
    COLUMNS,
    ITEM,
    PARTS,
    SERVICE,
    SHIPMENT,
    ScopeRow,
    recall_insert,
    recall_units,
    scope_rows,
    scope_select,
)
from db.trace.summary import summary
from db.trace.walk import MAX_DEPTH

__all__ = [
    "COLUMNS",
    "ITEM",
    "LOT_KINDS",
    "MAX_DEPTH",
    "MEMBER",
    "PARTS",
    "SERVICE",
    "SHIPMENT",
    "Direction",
    "ScopeRow",
    "ServiceReach",
    "ShipmentReach",
    "TraceNode",
    "TracePage",
    "TraceSummary",
    "backward",
    "find_items",
    "forward",
    "forward_service",
    "forward_shipments",
    "node_select",
    "recall_insert",
    "recall_units",
    "scope_rows",
    "scope_select",
    "service_select",
    "shipment_select",
    "summary",
    "trace",
    "trace_page",
]
