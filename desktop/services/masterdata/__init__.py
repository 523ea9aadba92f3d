"""Master data: products, parts, routes, people and stations loaded from the files a plant hands
over,
and the demo plant.

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.masterdata._calibration import (
    CalibrationView,
    calibrate_device,
    device_calibrations,
)
from desktop.services.masterdata._demo import DEMO_ADMIN, DEMO_HINT, ensure_demo_plant
from desktop.services.masterdata._demo_floor import (
    Badge,
    DemoFloor,
    demo_floor,
    demo_hint,
    ensure_demo_floor,
)
from desktop.services.masterdata._load import DEMO_FOLDER, MasterDataInvalid, load_folder
from desktop.services.masterdata._stations import StationView, list_stations, register_device

__all__ = [
    "DEMO_ADMIN",
    "DEMO_FOLDER",
    "DEMO_HINT",
    "Badge",
    "CalibrationView",
    "DemoFloor",
    "MasterDataInvalid",
    "StationView",
    "calibrate_device",
    "demo_floor",
    "demo_hint",
    "device_calibrations",
    "ensure_demo_floor",
    "ensure_demo_plant",
    "list_stations",
    "load_folder",
    "register_device",
]
