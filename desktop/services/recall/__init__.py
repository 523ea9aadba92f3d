"""Recall campaigns: open from a trace scope, notify, return, disposition, close with a signature.

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.recall._campaigns import (
    close_recall,
    open_recall,
    recall_status,
    recalls,
    record_disposition,
    record_notification,
    record_return,
)

__all__ = [
    "close_recall",
    "open_recall",
    "recall_status",
    "recalls",
    "record_disposition",
    "record_notification",
    "record_return",
]
