"""The vocabulary after the line: shipments, after-sale service records and recalls, with the
rules of which unit states each after-sale event takes and what a recall may do with an item."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.domain.states import Status
from desktop.domain.text import t
from desktop.domain.vocabulary import Vocabulary, words_for


class ShipmentStatus(Vocabulary):
    """shipments.status."""

    OPEN = "open"
    SHIPPED = "shipped"


words_for(
    ShipmentStatus,
    {
        ShipmentStatus.OPEN: t("open"),
        ShipmentStatus.SHIPPED: t("shipped"),
    },
)


class ServiceKind(Vocabulary):
    """An after-sale event against a serial (service_records.kind; also its event's kind)."""

    INSTALLATION = "installation"
    SERVICE = "service"
    REPAIR = "repair"
    RETURN = "return"
    DISPOSAL = "disposal"


words_for(
    ServiceKind,
    {
        ServiceKind.INSTALLATION: t("installation"),
        ServiceKind.SERVICE: t("service"),
        ServiceKind.REPAIR: t("repair"),
        ServiceKind.RETURN: t("return"),
        ServiceKind.DISPOSAL: t("disposal"),
    },
)


@dataclass(frozen=True)
class AfterSale:
    """Which unit states an after-sale event is recorded in, and the state it moves to."""

    allowed: tuple[Status, ...]
    moves_to: Status | None  # None: the unit keeps its state


AFTER_SALE: Mapping[ServiceKind, AfterSale] = {
    ServiceKind.INSTALLATION: AfterSale((Status.SHIPPED,), Status.INSTALLED),
    ServiceKind.SERVICE: AfterSale((Status.SHIPPED, Status.INSTALLED), None),
    ServiceKind.REPAIR: AfterSale((Status.INSTALLED, Status.RETURNED), None),
    ServiceKind.RETURN: AfterSale((Status.SHIPPED, Status.INSTALLED), Status.RETURNED),
    ServiceKind.DISPOSAL: AfterSale((Status.INSTALLED, Status.RETURNED), Status.DISPOSED),
}


class RecallStatus(Vocabulary):
    """open -> closed (signed "Recall closed") (recalls.status)."""

    OPEN = "open"
    CLOSED = "closed"


words_for(
    RecallStatus,
    {
        RecallStatus.OPEN: t("open"),
        RecallStatus.CLOSED: t("closed"),
    },
)


class RecallState(Vocabulary):
    """Where an affected item was when the scope was taken (recall_items.state_at_scope)."""

    IN_STOCK = "in_stock"  # still ours: any status not named below
    SHIPPED = "shipped"
    INSTALLED = "installed"
    RETURNED = "returned"
    SCRAPPED = "scrapped"
    DISPOSED = "disposed"


words_for(
    RecallState,
    {
        RecallState.IN_STOCK: t("in stock"),
        RecallState.SHIPPED: t("shipped"),
        RecallState.INSTALLED: t("installed"),
        RecallState.RETURNED: t("returned"),
        RecallState.SCRAPPED: t("scrapped"),
        RecallState.DISPOSED: t("disposed"),
    },
)

#: States in which an item is at a customer's.
AT_CUSTOMER = frozenset({RecallState.SHIPPED, RecallState.INSTALLED})


def recall_state(status: str) -> RecallState:
    """An item's recall state from its status: at a customer, returned, gone, or in stock."""
    return RecallState.known(status) or RecallState.IN_STOCK


class RecallDisposition(Vocabulary):
    """What became of an affected item (recall_items.disposition)."""

    SCRAPPED = "scrapped"  # returned (or in stock) and scrapped
    REWORKED = "reworked"  # returned (or in stock), corrected and back in stock
    CORRECTED_IN_FIELD = "corrected_in_field"  # corrected at the customer's site
    DESTROYED_ON_SITE = "destroyed_on_site"  # the customer destroyed it (with a certificate)
    NOT_RECOVERABLE = "not_recoverable"  # lost or not found; the reason documents the search
    NO_ACTION = "no_action"  # nothing to do (scrapped or disposed before the recall)


words_for(
    RecallDisposition,
    {
        RecallDisposition.SCRAPPED: t("scrapped"),
        RecallDisposition.REWORKED: t("reworked"),
        RecallDisposition.CORRECTED_IN_FIELD: t("corrected in the field"),
        RecallDisposition.DESTROYED_ON_SITE: t("destroyed on site"),
        RecallDisposition.NOT_RECOVERABLE: t("not recoverable"),
        RecallDisposition.NO_ACTION: t("no action"),
    },
)

#: Dispositions that need the item back in our hands first.
NEED_RETURN = frozenset({RecallDisposition.SCRAPPED, RecallDisposition.REWORKED})


class RecallAction(Vocabulary):
    """What a recall update recorded for the items it names."""

    NOTIFIED = "notified"  # their customer was told
    RETURNED = "returned"  # they came back
    DISPOSITIONED = "dispositioned"  # what became of them was recorded


words_for(
    RecallAction,
    {
        RecallAction.NOTIFIED: t("notified"),
        RecallAction.RETURNED: t("returned"),
        RecallAction.DISPOSITIONED: t("dispositioned"),
    },
)
