"""The traceability data model (ARCHITECTURE.md, "The data model in one paragraph")."""

from db.models.audit import GENESIS_HASH, AuditCheckpoint, AuditEntry, AuditKey
from db.models.base import Base
from db.models.distribution import Recall, RecallItem, ServiceRecord, Shipment, ShipmentLine
from db.models.fitness import DeviceCalibration, UserQualification
from db.models.health import DeviceHealthReport
from db.models.identity import Device, Role, Station, User
from db.models.incoming import IncomingPlan
from db.models.labelling import LabelTemplate, LabelTemplateVersion, PrintJob
from db.models.master import BomLine, Customer, Part, Product, Route, RouteStep, Site, Supplier
from db.models.nmpa import NmpaProductData
from db.models.offline import OfflineConflict
from db.models.production import Event, Item, Link, Reach, WorkOrder
from db.models.quality import Hold, InspectionPlan, InspectionResult, Nonconformance, Signature
from db.models.spc import SpcBaseline, SpcFlag

__all__ = [
    "GENESIS_HASH",
    "AuditCheckpoint",
    "AuditEntry",
    "AuditKey",
    "Base",
    "BomLine",
    "Customer",
    "Device",
    "DeviceCalibration",
    "DeviceHealthReport",
    "Event",
    "Hold",
    "IncomingPlan",
    "InspectionPlan",
    "InspectionResult",
    "Item",
    "LabelTemplate",
    "LabelTemplateVersion",
    "Link",
    "NmpaProductData",
    "Nonconformance",
    "OfflineConflict",
    "Part",
    "PrintJob",
    "Product",
    "Reach",
    "Recall",
    "RecallItem",
    "Role",
    "Route",
    "RouteStep",
    "ServiceRecord",
    "Shipment",
    "ShipmentLine",
    "Signature",
    "Site",
    "SpcBaseline",
    "SpcFlag",
    "Station",
    "Supplier",
    "User",
    "UserQualification",
    "WorkOrder",
]
