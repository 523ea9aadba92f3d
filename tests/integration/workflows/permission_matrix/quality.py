"""Permission-matrix scenarios for quality, one per use case.

Inspections, NCRs, lot release, holds and SPC. Each scenario makes the records its call names,
then returns the call.
"""

from __future__ import annotations

import uuid

from desktop.services import holds, quality, spc
from desktop.services.core.context import Context
from tests.integration.workflows.permission_matrix.registry import Call, read, scenario
from tests.integration.workflows.qcpack_support import PUMP
from tests.integration.workflows.spc_support import BASELINE, WEIGH, frozen_baseline, pumps_weighing
from tests.integration.workflows.world import World, signer
from tests.support.plant import PASSWORD

# ---------------------------------------------------------------- quality and holds


@scenario("quality.record_inspection")
def _record_inspection(w: World) -> Call:
    serial = w.pump(5)
    return lambda ctx, role: quality.record_inspection(
        ctx, serial, "Housing screw torque", "1.01", event_id=uuid.uuid4()
    )


@scenario("quality.open_ncr")
def _open_ncr(w: World) -> Call:
    serial = w.pump(1)
    return lambda ctx, role: quality.open_ncr(ctx, serial, "scratch on the housing")


def _ncr(w: World) -> str:
    serial = w.pump(1)
    return quality.open_ncr(w.ctx("operator"), serial, "scratch on the housing").number


@scenario("quality.disposition_ncr")
def _disposition(w: World) -> Call:
    number = _ncr(w)

    def call(ctx: Context, role: str) -> object:
        login, username = signer(w, role)
        return quality.disposition_ncr(
            ctx, login, number, "use_as_is", "cosmetic only", PASSWORD, username=username
        )

    return call


@scenario("quality.close_ncr")
def _close_ncr(w: World) -> Call:
    number = _ncr(w)
    login, username = signer(w, "qc_inspector")
    quality.disposition_ncr(
        w.ctx("qc_inspector"), login, number, "use_as_is", "cosmetic", PASSWORD, username=username
    )
    return lambda ctx, role: quality.close_ncr(ctx, number, "accepted as is, customer informed")


@scenario("quality.release_lot")
def _release_lot(w: World) -> Call:
    built = w.built_lot()

    def call(ctx: Context, role: str) -> object:
        login, username = signer(w, role)
        return quality.release_lot(ctx, login, built.scan, PASSWORD, username)

    return call


@scenario("quality.inspection_plans")
def _plans(w: World) -> Call:
    return lambda ctx, role: quality.inspection_plans(ctx, PUMP)


@scenario("quality.review_for_scan")
def _review_for_scan(w: World) -> Call:
    serial = w.pump(5)
    return lambda ctx, role: quality.review_for_scan(ctx, serial)


@scenario("quality.lot_review")
def _lot_review(w: World) -> Call:
    scan = w.built_lot().scan
    return lambda ctx, role: quality.lot_review(ctx, scan)


read("quality.lots_awaiting_release", quality.lots_awaiting_release)
read("quality.open_ncrs", quality.open_ncrs)


@scenario("holds.place_hold")
def _place_hold(w: World) -> Call:
    lot = w.material_lot()
    return lambda ctx, role: holds.place_hold(ctx, lot, "supplier reports a bad batch")


@scenario("holds.release_hold")
def _release_hold(w: World) -> Call:
    lot = w.material_lot()
    holds.place_hold(w.ctx("qc_inspector"), lot, "supplier reports a bad batch")
    return lambda ctx, role: holds.release_hold(ctx, lot, "supplier withdrew the report")


# ---------------------------------------------------------------- SPC


@scenario("spc.freeze_baseline")
def _freeze_baseline(w: World) -> Call:
    pumps_weighing(w.plant, BASELINE)

    def call(ctx: Context, role: str) -> object:
        login, username = signer(w, role)
        return spc.freeze_baseline(ctx, login, PUMP, WEIGH, PASSWORD, username=username)

    return call


@scenario("spc.spc_chart")
def _spc_chart(w: World) -> Call:
    pumps_weighing(w.plant, [2400.0, 2401.0])
    return lambda ctx, role: spc.spc_chart(ctx, PUMP, WEIGH)


read("spc.baselines", spc.baselines, PUMP, WEIGH)
read("spc.spc_flags", spc.spc_flags)
read("spc.numeric_steps", spc.numeric_steps)


@scenario("spc.disposition_flag")
def _disposition_flag(w: World) -> Call:
    frozen_baseline(w.plant)
    pumps_weighing(w.plant, [2415.0])
    number = spc.spc_flags(w.ctx("qc_inspector"))[-1].number
    return lambda ctx, role: spc.disposition_flag(ctx, number, "scale re-zeroed, re-weighed")
