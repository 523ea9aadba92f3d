"""Trace: what the trace station shows for any identifier (timeline, genealogy, shipments).

The public module of this capability: other packages, views and commands import only from here.
"""

from __future__ import annotations

from desktop.services.trace._view import GenealogyLine, TraceView, trace_item

__all__ = [
    "GenealogyLine",
    "TraceView",
    "trace_item",
]
