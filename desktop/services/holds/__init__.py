"""Holds on units, lots, cases and pallets, and the one rule of what holds an item.

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.holds._holds import (
    HoldView,
    active_holds,
    covering_ids,
    hold_words,
    holds_on,
    packed_contents,
    place_hold,
    production_lot_of,
    release_hold,
    require_no_hold,
)

__all__ = [
    "HoldView",
    "active_holds",
    "covering_ids",
    "hold_words",
    "holds_on",
    "packed_contents",
    "place_hold",
    "production_lot_of",
    "release_hold",
    "require_no_hold",
]
