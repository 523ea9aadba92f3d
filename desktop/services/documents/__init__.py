"""Documents: the batch record, the EPCIS 2.0 export and the device-identifier exports (GUDID-style
CSV, NMPA UDID XML).

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.documents._batch_record import build_record
from desktop.services.documents._epcis import CONTEXT, Ids, export_epcis
from desktop.services.documents._gudid import device_identifiers, write_csv
from desktop.services.documents._udid import UdidIncomplete, UdidRecord, udid_records, write_udid

__all__ = [
    "CONTEXT",
    "Ids",
    "UdidIncomplete",
    "UdidRecord",
    "build_record",
    "device_identifiers",
    "export_epcis",
    "udid_records",
    "write_csv",
    "write_udid",
]
