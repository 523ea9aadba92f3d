"""Receiving: supplier lots into quarantine, incoming inspection, and signed material release or
rejection.

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.receiving._inspection import (
    inspect_material,
    reject_material,
    release_material,
)
from desktop.services.receiving._receipts import receive_material

__all__ = [
    "inspect_material",
    "receive_material",
    "reject_material",
    "release_material",
]
