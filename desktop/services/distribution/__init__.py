"""Distribution: shipments to customer sites and the after-sale record of a serial (installation,
service, repair, return, disposal).

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.distribution._after_sale import ServiceView, record_service_event
from desktop.services.distribution._repair import replace_part
from desktop.services.distribution._shipments import (
    DeliveryNote,
    NoteLine,
    SiteChoice,
    add_to_shipment,
    confirm_shipment,
    customer_sites,
    delivery_note,
    open_shipment,
    record_delivery,
    remove_from_shipment,
    shipment,
    shipments,
)
from desktop.services.distribution._shipping import ShipLine, ShipmentView, ship

__all__ = [
    "DeliveryNote",
    "NoteLine",
    "ServiceView",
    "ShipLine",
    "ShipmentView",
    "SiteChoice",
    "add_to_shipment",
    "confirm_shipment",
    "customer_sites",
    "delivery_note",
    "open_shipment",
    "record_delivery",
    "record_service_event",
    "remove_from_shipment",
    "replace_part",
    "ship",
    "shipment",
    "shipments",
]
