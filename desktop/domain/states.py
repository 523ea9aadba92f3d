"""Kinds of item and the states they go through (the lot and unit state machines), and the
states of a work order."""

from __future__ import annotations

from desktop.domain.text import t
from desktop.domain.vocabulary import Vocabulary, words_for


class ItemKind(Vocabulary):
    UNIT = "unit"  # a serialised finished device (or a serialised component)
    PRODUCTION_LOT = "production_lot"  # a lot of a lot-controlled product, or a work order's lot
    MATERIAL_LOT = "material_lot"  # a supplier lot of a part
    CASE = "case"
    PALLET = "pallet"


words_for(
    ItemKind,
    {
        ItemKind.UNIT: t("unit"),
        ItemKind.PRODUCTION_LOT: t("production lot"),
        ItemKind.MATERIAL_LOT: t("material lot"),
        ItemKind.CASE: t("case"),
        ItemKind.PALLET: t("pallet"),
    },
)


class Status(Vocabulary):
    # material lots
    QUARANTINE = "quarantine"
    RELEASED = "released"
    REJECTED = "rejected"
    # units and production lots
    IN_PROCESS = "in_process"
    NONCONFORMING = "nonconforming"
    COMPLETED = "completed"
    PACKED = "packed"
    SHIPPED = "shipped"
    INSTALLED = "installed"
    RETURNED = "returned"
    SCRAPPED = "scrapped"
    DISPOSED = "disposed"
    CONSUMED = "consumed"  # a serialised component built into a unit
    # cases and pallets (and a case once it is on a pallet: packed)
    OPEN = "open"
    CLOSED = "closed"


#: Which states may follow which, per kind. Anything else is refused by the services.
TRANSITIONS: dict[ItemKind, dict[Status, frozenset[Status]]] = {
    ItemKind.MATERIAL_LOT: {
        Status.QUARANTINE: frozenset({Status.RELEASED, Status.REJECTED}),
        Status.RELEASED: frozenset({Status.REJECTED}),
        Status.REJECTED: frozenset(),
    },
    ItemKind.UNIT: {
        # a serialised component received from a supplier
        Status.QUARANTINE: frozenset({Status.RELEASED, Status.REJECTED}),
        Status.REJECTED: frozenset(),
        Status.IN_PROCESS: frozenset(
            {Status.COMPLETED, Status.NONCONFORMING, Status.SCRAPPED, Status.CONSUMED}
        ),
        Status.NONCONFORMING: frozenset({Status.IN_PROCESS, Status.SCRAPPED, Status.COMPLETED}),
        Status.COMPLETED: frozenset(
            {Status.RELEASED, Status.NONCONFORMING, Status.SCRAPPED, Status.CONSUMED}
        ),
        Status.RELEASED: frozenset(
            {Status.PACKED, Status.SHIPPED, Status.NONCONFORMING, Status.CONSUMED}
        ),
        Status.PACKED: frozenset({Status.SHIPPED, Status.RELEASED}),
        Status.SHIPPED: frozenset({Status.INSTALLED, Status.RETURNED}),
        Status.INSTALLED: frozenset({Status.RETURNED, Status.DISPOSED}),
        Status.RETURNED: frozenset({Status.IN_PROCESS, Status.SCRAPPED, Status.DISPOSED}),
        Status.SCRAPPED: frozenset(),
        Status.DISPOSED: frozenset(),
        Status.CONSUMED: frozenset(),
    },
    ItemKind.PRODUCTION_LOT: {
        Status.IN_PROCESS: frozenset({Status.COMPLETED, Status.NONCONFORMING}),
        Status.NONCONFORMING: frozenset({Status.IN_PROCESS, Status.COMPLETED, Status.SCRAPPED}),
        Status.COMPLETED: frozenset({Status.RELEASED, Status.NONCONFORMING, Status.REJECTED}),
        Status.RELEASED: frozenset({Status.PACKED, Status.SHIPPED}),
        Status.PACKED: frozenset({Status.SHIPPED}),
        Status.SHIPPED: frozenset(),
        Status.REJECTED: frozenset(),
        Status.SCRAPPED: frozenset(),
    },
    ItemKind.CASE: {
        Status.OPEN: frozenset({Status.CLOSED}),
        Status.CLOSED: frozenset({Status.OPEN, Status.SHIPPED, Status.PACKED}),
        Status.PACKED: frozenset({Status.SHIPPED, Status.CLOSED}),
        Status.SHIPPED: frozenset(),
    },
    ItemKind.PALLET: {
        Status.OPEN: frozenset({Status.CLOSED}),
        Status.CLOSED: frozenset({Status.OPEN, Status.SHIPPED}),
        Status.SHIPPED: frozenset(),
    },
}

#: A production lot in these states is not yet released (nor rejected or scrapped): QC's
#: queue and the dashboard's lots awaiting release.
LOT_AWAITING_RELEASE = (Status.IN_PROCESS, Status.COMPLETED, Status.NONCONFORMING)


def may_change(kind: str, old: str, new: str) -> bool:
    table = TRANSITIONS.get(ItemKind(kind), {})
    return Status(new) in table.get(Status(old), frozenset())


STATUS_WORDS = words_for(
    Status,
    {
        Status.QUARANTINE: t("in quarantine"),
        Status.RELEASED: t("released"),
        Status.REJECTED: t("rejected"),
        Status.IN_PROCESS: t("in production"),
        Status.NONCONFORMING: t("nonconforming"),
        Status.COMPLETED: t("completed"),
        Status.PACKED: t("packed"),
        Status.SHIPPED: t("shipped"),
        Status.INSTALLED: t("installed"),
        Status.RETURNED: t("returned"),
        Status.SCRAPPED: t("scrapped"),
        Status.DISPOSED: t("disposed"),
        Status.CONSUMED: t("consumed"),
        Status.OPEN: t("open"),
        Status.CLOSED: t("closed"),
    },
)


class WorkOrderStatus(Vocabulary):
    CREATED = "created"  # planned: its lot and serials may still change
    RELEASED = "released"  # released to the line: its lot exists, units may be commissioned
    COMPLETED = "completed"
    CLOSED = "closed"
    CANCELLED = "cancelled"


words_for(
    WorkOrderStatus,
    {
        WorkOrderStatus.CREATED: t("created"),
        WorkOrderStatus.RELEASED: t("released"),
        WorkOrderStatus.COMPLETED: t("completed"),
        WorkOrderStatus.CLOSED: t("closed"),
        WorkOrderStatus.CANCELLED: t("cancelled"),
    },
)
