"""Packing: units or lot quantities into cases, cases onto pallets, and unpacking.

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.packing._cases import (
    GS1_COMPANY_PREFIX,
    ContainerView,
    close_case,
    container_of,
    container_view,
    create_case,
    pack_lot_quantity,
    pack_unit,
)
from desktop.services.packing._pallets import close_pallet, create_pallet, pack_case, unpack

__all__ = [
    "GS1_COMPANY_PREFIX",
    "ContainerView",
    "close_case",
    "close_pallet",
    "container_of",
    "container_view",
    "create_case",
    "create_pallet",
    "pack_case",
    "pack_lot_quantity",
    "pack_unit",
    "unpack",
]
