"""Recall campaigns: open from a trace scope, notify, return, disposition, close with a signature.

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.recall._campaigns import (
    close_recall,
    open_recall,
    recall_status,
    recalls,
)
from desktop.services.recall._progress import record_disposition, record_notification, record_return
from desktop.services.recall._scope import PAGE, RecallItemsPage, export_scope, recall_items

__all__ = [
    "PAGE",
    "RecallItemsPage",
    "close_recall",
    "export_scope",
    "open_recall",
    "recall_items",
    "recall_status",
    "recalls",
    "record_disposition",
    "record_notification",
    "record_return",
]
