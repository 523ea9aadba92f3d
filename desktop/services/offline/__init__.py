"""Capture while the shared database is away: the station's journal and copy, sending the
journal when the database is back, and the conflicts a supervisor decides (docs/offline.md).

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.offline._capture import CaptureState, StationCapture
from desktop.services.offline._conflicts import (
    ConflictView,
    conflicts,
    record_conflict,
    resolve_conflict,
)
from desktop.services.offline._logins import record_offline_login
from desktop.services.offline._sync import JournalBroken, SyncReport, send_journal

__all__ = [
    "CaptureState",
    "ConflictView",
    "JournalBroken",
    "StationCapture",
    "SyncReport",
    "conflicts",
    "record_conflict",
    "record_offline_login",
    "resolve_conflict",
    "send_journal",
]
