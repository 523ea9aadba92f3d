"""Receiving: supplier lots into quarantine (from the supplier's GS1 or HIBC label), Lotline's
bin label, incoming inspection (per piece for serialised parts), and signed material release or
rejection.

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.receiving._inspection import (
    IncomingInspectionView,
    MaterialDecision,
    PieceView,
    delivery_pieces,
    inspect_material,
    reject_material,
    release_material,
)
from desktop.services.receiving._lot_label import (
    LotLabel,
    LotLabelPrint,
    lot_label,
    print_lot_label,
)
from desktop.services.receiving._plan import IncomingPlanView, incoming_plan
from desktop.services.receiving._receipts import MaterialLotView, receive_material
from desktop.services.receiving._scan import (
    SupplierLabel,
    SupplierView,
    material_lot,
    material_lots,
    piece_serial,
    read_supplier_label,
    receive_scanned,
    suppliers,
)

__all__ = [
    "IncomingInspectionView",
    "IncomingPlanView",
    "LotLabel",
    "LotLabelPrint",
    "MaterialDecision",
    "MaterialLotView",
    "PieceView",
    "SupplierLabel",
    "SupplierView",
    "delivery_pieces",
    "incoming_plan",
    "inspect_material",
    "lot_label",
    "material_lot",
    "material_lots",
    "piece_serial",
    "print_lot_label",
    "read_supplier_label",
    "receive_material",
    "receive_scanned",
    "reject_material",
    "release_material",
    "suppliers",
]
