"""Distribution: shipments to customer sites and the after-sale record of a serial (installation,
service, repair, return, disposal).

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.distribution._after_sale import record_service_event
from desktop.services.distribution._shipping import ShipmentView, ship

__all__ = [
    "ShipmentView",
    "record_service_event",
    "ship",
]
