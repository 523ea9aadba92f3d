"""Permission-matrix scenarios for recalls and traceability records, one per use case.

Recalls, device history records, EPCIS, UDI-DI records and tracing a unit. Each scenario makes
the records its call names, then returns the call.
"""

from __future__ import annotations

import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.services import documents, recall, trace
from desktop.services.core.context import Context
from tests.integration.workflows.permission_matrix.registry import Call, read, scenario
from tests.integration.workflows.world import World, signer
from tests.support.plant import PASSWORD

# ---------------------------------------------------------------- recalls


def _recall(w: World) -> tuple[str, str]:
    serial = w.shipped_pump()
    return recall.open_recall(w.ctx("supervisor"), serial, "motor stalls").number, serial


@scenario("recall.open_recall")
def _open_recall(w: World) -> Call:
    serial = w.shipped_pump()
    return lambda ctx, role: recall.open_recall(ctx, serial, "motor stalls", event_id=uuid.uuid4())


@scenario("recall.recall_status")
def _recall_status(w: World) -> Call:
    number, _ = _recall(w)
    return lambda ctx, role: recall.recall_status(ctx, number)


@scenario("recall.recall_items")
def _recall_items(w: World) -> Call:
    number, _ = _recall(w)
    return lambda ctx, role: recall.recall_items(ctx, number)


@scenario("recall.export_scope")
def _export_scope(w: World) -> Call:
    number, _ = _recall(w)
    folder = Path(tempfile.mkdtemp(prefix="lotline-scope-"))
    return lambda ctx, role: recall.export_scope(ctx, number, str(folder / f"{role}.csv"))


@scenario("recall.recalls")
def _recalls(w: World) -> Call:
    _recall(w)
    return lambda ctx, role: recall.recalls(ctx)


@scenario("recall.record_notification")
def _notify(w: World) -> Call:
    number, serial = _recall(w)
    return lambda ctx, role: recall.record_notification(ctx, number, [serial])


@scenario("recall.record_return")
def _return(w: World) -> Call:
    number, serial = _recall(w)
    return lambda ctx, role: recall.record_return(ctx, number, [serial])


@scenario("recall.record_disposition")
def _dispose(w: World) -> Call:
    number, serial = _recall(w)
    return lambda ctx, role: recall.record_disposition(
        ctx, number, [serial], "corrected_in_field", "firmware updated on site"
    )


@scenario("recall.close_recall")
def _close_recall(w: World) -> Call:
    number, serial = _recall(w)
    recall.record_disposition(
        w.ctx("supervisor"), number, [serial], "corrected_in_field", "firmware updated on site"
    )

    def call(ctx: Context, role: str) -> object:
        login, username = signer(w, role)
        return recall.close_recall(ctx, login, number, PASSWORD, username, "all units corrected")

    return call


# ---------------------------------------------------------------- records and trace


@scenario("documents.build_record")
def _build_record(w: World) -> Call:
    scan = w.built_lot().scan
    return lambda ctx, role: documents.build_record(ctx, scan)


@scenario("documents.export_epcis")
def _export_epcis(w: World) -> Call:
    since = datetime.now(UTC) - timedelta(days=1)
    return lambda ctx, role: documents.export_epcis(ctx, since)


@scenario("trace.trace_item")
def _trace_item(w: World) -> Call:
    serial = w.pump(2)
    return lambda ctx, role: trace.trace_item(ctx, serial)


read("documents.device_identifiers", documents.device_identifiers)
read("documents.udid_records", documents.udid_records)
