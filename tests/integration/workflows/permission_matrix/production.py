"""Permission-matrix scenarios for the shop floor, one per use case.

Receiving material, work orders and their steps, and the station's offline capture. Each
scenario makes the records its call names, then returns the call.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from desktop.domain.offline import ConflictDecision, OfflineStep
from desktop.services import offline, production, receiving
from desktop.services.core.context import Context
from tests.integration.workflows.permission_matrix.registry import Call, read, scenario
from tests.integration.workflows.qcpack_support import KIT, PUMP
from tests.integration.workflows.world import World, signer
from tests.support.plant import PASSWORD

# ---------------------------------------------------------------- receiving


@scenario("receiving.receive_material")
def _receive_material(w: World) -> Call:
    return lambda ctx, role: receiving.receive_material(
        ctx, "BOARD-IP300", "SUP-BOARDS", w.unique("DEL-"), 25
    )


@scenario("receiving.receive_scanned")
def _receive_scanned(w: World) -> Call:
    scan = w.supplier_scan()
    return lambda ctx, role: receiving.receive_scanned(ctx, scan, "SUP-ACME", 40)


@scenario("receiving.read_supplier_label")
def _read_supplier_label(w: World) -> Call:
    scan = w.supplier_scan()
    return lambda ctx, role: receiving.read_supplier_label(ctx, scan)


@scenario("receiving.piece_serial")
def _piece_serial(w: World) -> Call:
    return lambda ctx, role: receiving.piece_serial(ctx, "HS-7001", "HOUSING-IP300")


@scenario("receiving.lot_label")
def _lot_label(w: World) -> Call:
    lot = w.material_lot()
    return lambda ctx, role: receiving.lot_label(ctx, lot)


@scenario("receiving._record_lot_label")
def _print_lot_label(w: World) -> Call:
    lot = w.material_lot()
    return lambda ctx, role: receiving.print_lot_label(ctx, w.printer, lot)


@scenario("receiving.inspect_material")
def _inspect_material(w: World) -> Call:
    lot = w.material_lot()
    return lambda ctx, role: receiving.inspect_material(ctx, lot, True, "as ordered")


@scenario("receiving.reject_material")
def _reject_material(w: World) -> Call:
    lot = w.material_lot()
    return lambda ctx, role: receiving.reject_material(ctx, lot, "bags torn in transit")


@scenario("receiving.release_material")
def _release_material(w: World) -> Call:
    lot = w.inspected_lot()

    def call(ctx: Context, role: str) -> object:
        login, username = signer(w, role)
        return receiving.release_material(ctx, login, lot, PASSWORD, username=username)

    return call


@scenario("receiving.material_lot")
def _material_lot(w: World) -> Call:
    lot = w.material_lot()
    return lambda ctx, role: receiving.material_lot(ctx, lot)


@scenario("receiving.incoming_plan")
def _incoming_plan(w: World) -> Call:
    lot = w.material_lot()
    return lambda ctx, role: receiving.incoming_plan(ctx, lot)


@scenario("receiving.delivery_pieces")
def _delivery_pieces(w: World) -> Call:
    lot = w.unique("DEL-")
    receiving.receive_material(
        w.ctx("packaging"), "HOUSING-IP300", "SUP-ACME", lot, 2, serials=[f"{lot}-1", f"{lot}-2"]
    )
    return lambda ctx, role: receiving.delivery_pieces(ctx, lot)


read("receiving.material_lots", receiving.material_lots)
read("receiving.suppliers", receiving.suppliers)

# ---------------------------------------------------------------- production


@scenario("production.create_work_order")
def _create_work_order(w: World) -> Call:
    return lambda ctx, role: production.create_work_order(ctx, w.unique("WO-N"), PUMP, 3)


@scenario("production.import_work_orders")
def _import_work_orders(w: World) -> Call:
    number = w.unique("WO-I")
    csv = w.folder / f"{number}.csv"
    csv.write_text(f"number,product,quantity,due,lot\n{number},{KIT},50,,\n", encoding="utf-8")
    return lambda ctx, role: production.import_work_orders(ctx, csv)


@scenario("production.release_work_order")
def _release_work_order(w: World) -> Call:
    number = w.work_order(release_it=False)
    return lambda ctx, role: production.release_work_order(ctx, number)


@scenario("production.close_work_order")
def _close_work_order(w: World) -> Call:
    number = w.work_order()
    return lambda ctx, role: production.close_work_order(ctx, number, "order cancelled")


@scenario("production.commission_serials")
def _commission(w: World) -> Call:
    number = w.work_order()
    return lambda ctx, role: production.commission_serials(ctx, number, 2)


@scenario("production.planned_order")
def _planned_order(w: World) -> Call:
    number = w.work_order()
    return lambda ctx, role: production.planned_order(ctx, number)


@scenario("production.work_order")
def _work_order(w: World) -> Call:
    number = w.work_order()
    return lambda ctx, role: production.work_order(ctx, number)


@scenario("production.unit_status")
def _unit_status(w: World) -> Call:
    serial = w.pump(0)
    return lambda ctx, role: production.unit_status(ctx, serial)


@scenario("production.consume_component")
def _consume(w: World) -> Call:
    serial, housing = w.pump(0), w.housing()
    return lambda ctx, role: production.consume_component(
        ctx, serial, housing, event_id=uuid.uuid4()
    )


@scenario("production.record_measurement")
def _measure(w: World) -> Call:
    serial = w.pump(2)
    return lambda ctx, role: production.record_measurement(
        ctx, serial, Decimal("1.02"), event_id=uuid.uuid4()
    )


@scenario("production.record_weight")
def _weigh(w: World) -> Call:
    serial = w.pump(3)
    return lambda ctx, role: production.record_weight(
        ctx, serial, Decimal("2401.5"), "g", True, event_id=uuid.uuid4()
    )


@scenario("production.record_check")
def _record_check(w: World) -> Call:
    serial = w.pump(4)
    return lambda ctx, role: production.record_check(ctx, serial, True, event_id=uuid.uuid4())


read("production.open_work_orders", production.open_work_orders)
read("production.plannable_products", production.plannable_products)


# ---------------------------------------------------------------- offline capture


def _kept(ctx: Context, w: World) -> offline.ConflictView:
    return offline.record_conflict(
        ctx, "journal.sqlite@2026-12-04", 1, "0" * 64, OfflineStep.CONSUME,
        datetime.now(UTC), {"unit_scan": "SN-1", "component_scan": w.unique("H-")}, None,
        "the housing is already built into another unit", event_id=uuid.uuid4(),
    )  # fmt: skip


@scenario("offline.record_conflict")
def _record_conflict(w: World) -> Call:
    return lambda ctx, role: _kept(ctx, w)


read("offline.conflicts", offline.conflicts)


@scenario("offline.resolve_conflict")
def _resolve_conflict(w: World) -> Call:
    kept = _kept(w.ctx("operator"), w)
    return lambda ctx, role: offline.resolve_conflict(
        ctx, kept.id, ConflictDecision.VOID, "the unit was scrapped before the outage ended"
    )


@scenario("offline.record_offline_login")
def _record_offline_login(w: World) -> Call:
    return lambda ctx, role: offline.record_offline_login(
        ctx, datetime.now(UTC), "badge", event_id=uuid.uuid4()
    )
