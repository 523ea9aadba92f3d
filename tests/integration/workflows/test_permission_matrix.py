"""Every use case x every role, against a table written out here by hand.

The expected answers below are literal: they are not read from the permission map, from the
permissions the use cases declare, or from anything else under test, so a right given to or
taken from a role by mistake anywhere on the way fails here. Each use case is called the way a
station calls it, with real arguments that name real records of a real plant (both databases):

- ``+``  the role may: the call succeeds;
- ``-``  the role may not: PermissionDenied, the refusal audited, nothing else written;
- ``s``  the role passes the gate but may not sign the meaning the call signs: refused, naming it;
- ``r``  the role passes the gate and the call is refused on the plant's state (a first
         administrator when one exists already).

Where a role may and the call changes something, the next role that may gets a fresh record of
its own, so every "+" is a success from scratch.
"""

from __future__ import annotations

import importlib
import pkgutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

import desktop.services
from db.models import AuditEntry, Item, Link, Route
from desktop.domain.insight import Panel
from desktop.domain.offline import ConflictDecision, OfflineStep
from desktop.domain.permissions import Meaning
from desktop.services import (
    distribution,
    documents,
    holds,
    identity,
    insight,
    labelling,
    masterdata,
    offline,
    packing,
    production,
    quality,
    recall,
    receiving,
    spc,
    trace,
)
from desktop.services.core.context import Context
from desktop.services.core.errors import PermissionDenied, Refusal
from desktop.services.core.printing import PrinterOutcome
from desktop.services.core.usecase import USE_CASES
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.qcpack_support import (
    KIT,
    PUMP,
    build_kits,
    release,
)
from tests.integration.workflows.spc_support import (
    BASELINE,
    WEIGH,
    frozen_baseline,
    pumps_weighing,
)
from tests.integration.workflows.world import ST_MARY, World, signer
from tests.support.plant import PASSWORD, SETTINGS
from tests.support.refusals import audit_count, counts, last_audit

ROLES = ("operator", "qc_inspector", "packaging", "supervisor", "admin")

# fmt: off
MATRIX = """
use case                              operator qc packaging supervisor admin
identity.add_user                         -     -     -         -        +
identity.bootstrap_admin                  r     r     r         r        r
identity.disable_user                     -     -     -         -        +
identity.list_users                       +     +     +         +        +
identity.unlock_user                      -     -     -         -        +
identity.grant_qualification              -     -     -         -        +
identity.list_qualifications              +     +     +         +        +
identity.revoke_qualification             -     -     -         -        +
identity.sign_record                      s     +     s         +        s
masterdata.load_folder                    -     -     -         -        +
masterdata.list_stations                  +     +     +         +        +
masterdata.register_device                -     -     -         -        +
masterdata.calibrate_device               -     -     -         -        +
masterdata.device_calibrations            +     +     +         +        +
receiving.receive_material                -     -     +         +        -
receiving.receive_scanned                 -     -     +         +        -
receiving.read_supplier_label             -     -     +         +        -
receiving.piece_serial                    -     -     +         +        -
receiving.lot_label                       -     -     +         +        -
receiving._record_lot_label               -     -     +         +        -
receiving.material_lot                    +     +     +         +        +
receiving.material_lots                   +     +     +         +        +
receiving.suppliers                       +     +     +         +        +
receiving.incoming_plan                   +     +     +         +        +
receiving.delivery_pieces                 +     +     +         +        +
receiving.inspect_material                -     +     -         -        -
receiving.reject_material                 -     +     -         -        -
receiving.release_material                -     +     -         -        -
production.create_work_order              -     -     -         +        -
production.import_work_orders             -     -     -         +        -
production.release_work_order             -     -     -         +        -
production.close_work_order               -     -     -         +        -
production.commission_serials             -     -     -         +        -
production.open_work_orders               +     +     +         +        +
production.plannable_products             +     +     +         +        +
production.planned_order                  +     +     +         +        +
production.work_order                     +     +     +         +        +
production.unit_status                    +     +     +         +        +
production.consume_component              +     -     -         +        -
production.record_measurement             +     -     -         +        -
production.record_weight                  +     -     -         +        -
production.record_check                   +     -     -         +        -
quality.record_inspection                 -     +     -         -        -
quality.open_ncr                          +     +     -         +        -
quality.disposition_ncr                   -     +     -         -        -
quality.close_ncr                         -     +     -         -        -
quality.release_lot                       -     +     -         -        -
quality.inspection_plans                  +     +     +         +        +
quality.lots_awaiting_release             +     +     +         +        +
quality.open_ncrs                         +     +     +         +        +
quality.review_for_scan                   +     +     +         +        +
quality.lot_review                        +     +     +         +        +
holds.place_hold                          -     +     -         +        -
holds.release_hold                        -     +     -         -        -
labelling.register_templates              -     -     -         -        +
labelling.register_template_file          -     +     -         -        -
labelling.approve_template                -     +     -         -        -
labelling.template_versions               +     +     +         +        +
labelling.template_preview                +     +     +         +        +
labelling.serial_labels                   -     -     -         +        -
labelling._record_serial_labels           -     -     -         +        -
labelling.queue_labels                    -     -     +         -        -
labelling.record_printing                 -     -     +         -        -
labelling.verify_label                    -     -     +         -        -
labelling.queue_reprint                   -     -     +         -        -
labelling.record_reprint                  -     -     +         -        -
labelling.reconcile                       -     -     +         +        -
labelling.identify                        +     +     +         +        +
labelling.label_preview                   +     +     +         +        +
labelling.print_queue                     +     +     +         +        +
packing.create_case                       -     -     +         -        -
packing.create_pallet                     -     -     +         -        -
packing.pack_unit                         -     -     +         -        -
packing.pack_lot_quantity                 -     -     +         -        -
packing.close_case                        -     -     +         -        -
packing.pack_case                         -     -     +         -        -
packing.close_pallet                      -     -     +         -        -
packing.unpack                            -     -     +         -        -
distribution.ship                         -     -     +         -        -
distribution.record_service_event         -     -     -         +        -
distribution.open_shipment                -     -     +         -        -
distribution.add_to_shipment              -     -     +         -        -
distribution.remove_from_shipment         -     -     +         -        -
distribution.confirm_shipment             -     -     +         -        -
distribution.record_delivery              -     -     +         -        -
distribution.shipment                     +     +     +         +        +
distribution.shipments                    +     +     +         +        +
distribution.delivery_note                +     +     +         +        +
distribution.customer_sites               +     +     +         +        +
distribution.replace_part                 -     -     -         +        -
recall.open_recall                        -     -     -         +        -
recall.recall_status                      -     -     -         +        -
recall.recalls                            -     -     -         +        -
recall.record_notification                -     -     -         +        -
recall.record_return                      -     -     -         +        -
recall.record_disposition                 -     -     -         +        -
recall.close_recall                       -     -     -         +        -
recall.recall_items                       -     -     -         +        -
recall.export_scope                       -     -     -         +        -
documents.build_record                    -     +     -         +        -
documents.export_epcis                    -     +     -         +        -
documents.device_identifiers              -     +     -         +        -
documents.udid_records                    -     +     -         +        -
trace.trace_item                          +     +     +         +        +
spc.freeze_baseline                       -     +     -         -        -
spc.baselines                             +     +     +         +        +
spc.numeric_steps                         +     +     +         +        +
spc.spc_chart                             +     +     +         +        +
spc.spc_flags                             +     +     +         +        +
spc.disposition_flag                      -     +     -         -        -
offline.record_conflict                   +     -     -         +        -
offline.conflicts                         +     +     +         +        +
offline.resolve_conflict                  -     -     -         +        -
offline.record_offline_login              +     +     +         +        +
insight.dashboard                         -     +     -         +        -
insight.dashboard_panel                   -     +     -         +        -
insight.figure_records                    -     +     -         +        -
insight.kpis                              -     +     -         +        -
insight.report_device_health              +     +     +         +        +
"""
# fmt: on


def _table(text: str) -> dict[str, tuple[str, ...]]:
    rows = [line.split() for line in text.strip().splitlines()[1:]]
    table = {row[0]: tuple(row[1:]) for row in rows}
    assert all(len(a) == len(ROLES) and set(a) <= set("+-sr") for a in table.values())
    assert len(table) == len(rows), "a use case is listed twice"
    return table


EXPECTED = _table(MATRIX)
SIGNING_REFUSED = "may not sign"
Call = Callable[[Context, str], object]


SCENARIOS: dict[str, Callable[[World], Call]] = {}


def scenario(name: str) -> Callable[[Callable[[World], Call]], Callable[[World], Call]]:
    def register(fn: Callable[[World], Call]) -> Callable[[World], Call]:
        SCENARIOS[name] = fn
        return fn

    return register


def read(fn: Callable[..., object], *args: Any, **kwargs: Any) -> Callable[[World], Call]:
    """A read-only use case: the same arguments for every role."""
    return lambda w: lambda ctx, role: fn(ctx, *args, **kwargs)


# ---------------------------------------------------------------- identity


@scenario("identity.add_user")
def _add_user(w: World) -> Call:
    return lambda ctx, role: identity.add_user(
        ctx, w.unique("new"), "New Person", "operator", "password-1234"
    )


@scenario("identity.bootstrap_admin")
def _bootstrap_admin(w: World) -> Call:
    return lambda ctx, role: identity.bootstrap_admin(ctx, "root", "Root", "password-1234")


@scenario("identity.disable_user")
def _disable_user(w: World) -> Call:
    name = w.user()
    return lambda ctx, role: identity.disable_user(ctx, name, "left the company")


@scenario("identity.unlock_user")
def _unlock_user(w: World) -> Call:
    name = w.user()
    return lambda ctx, role: identity.unlock_user(ctx, name, "locked out at the shift start")


@scenario("identity.grant_qualification")
def _grant(w: World) -> Call:
    name = w.user()
    return lambda ctx, role: identity.grant_qualification(
        ctx, name, "Crimping", date.today() + timedelta(days=365)
    )


@scenario("identity.revoke_qualification")
def _revoke(w: World) -> Call:
    name = w.user()
    identity.grant_qualification(w.plant.admin, name, "Crimping", None)
    return lambda ctx, role: identity.revoke_qualification(
        ctx, name, "Crimping", "trained on the new tool instead"
    )


@scenario("identity.sign_record")
def _sign_record(w: World) -> Call:
    with Session(w.engine) as s:
        route_id = s.scalars(select(Route.id).order_by(Route.id)).first()
    assert route_id is not None

    def call(ctx: Context, role: str) -> object:
        login, username = signer(w, role)
        return identity.sign_record(
            ctx, login, "routes", route_id, Meaning.REVIEWED, PASSWORD, username=username
        )

    return call


SCENARIOS["identity.list_users"] = read(identity.list_users)
SCENARIOS["identity.list_qualifications"] = read(identity.list_qualifications)

# ---------------------------------------------------------------- master data


@scenario("masterdata.load_folder")
def _load_folder(w: World) -> Call:
    return lambda ctx, role: masterdata.load_folder(ctx, masterdata.DEMO_FOLDER)


@scenario("masterdata.register_device")
def _register_device(w: World) -> Call:
    return lambda ctx, role: masterdata.register_device(
        ctx, "line-1", "scanner", w.unique("line-1 spare scanner "), "sim"
    )


@scenario("masterdata.calibrate_device")
def _calibrate(w: World) -> Call:
    today = date.today()
    return lambda ctx, role: masterdata.calibrate_device(
        ctx,
        "line-1",
        "line-1 scale",
        due_on=today + timedelta(days=180),
        certificate=w.unique("CAL-"),
        calibrated_on=today,
    )


SCENARIOS["masterdata.list_stations"] = read(masterdata.list_stations)
SCENARIOS["masterdata.device_calibrations"] = read(masterdata.device_calibrations, date.today())

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


SCENARIOS["receiving.material_lots"] = read(receiving.material_lots)
SCENARIOS["receiving.suppliers"] = read(receiving.suppliers)

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


SCENARIOS["production.open_work_orders"] = read(production.open_work_orders)
SCENARIOS["production.plannable_products"] = read(production.plannable_products)

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


SCENARIOS["quality.lots_awaiting_release"] = read(quality.lots_awaiting_release)
SCENARIOS["quality.open_ncrs"] = read(quality.open_ncrs)


@scenario("holds.place_hold")
def _place_hold(w: World) -> Call:
    lot = w.material_lot()
    return lambda ctx, role: holds.place_hold(ctx, lot, "supplier reports a bad batch")


@scenario("holds.release_hold")
def _release_hold(w: World) -> Call:
    lot = w.material_lot()
    holds.place_hold(w.ctx("qc_inspector"), lot, "supplier reports a bad batch")
    return lambda ctx, role: holds.release_hold(ctx, lot, "supplier withdrew the report")


# ---------------------------------------------------------------- labelling


@scenario("labelling.register_templates")
def _register_templates(w: World) -> Call:
    return lambda ctx, role: labelling.register_templates(ctx)


@scenario("labelling.register_template_file")
def _register_template_file(w: World) -> Call:
    path = w.template_file()
    return lambda ctx, role: labelling.register_template_file(ctx, path)


@scenario("labelling.approve_template")
def _approve_template(w: World) -> Call:
    draft = labelling.register_template_file(w.ctx("qc_inspector"), w.template_file())

    def call(ctx: Context, role: str) -> object:
        login, username = signer(w, role)
        return labelling.approve_template(
            ctx, login, draft.name, draft.version, PASSWORD, username=username
        )

    return call


@scenario("labelling.template_preview")
def _template_preview(w: World) -> Call:
    w.templates()
    return lambda ctx, role: labelling.template_preview(ctx, "udi-4x2", 1)


@scenario("labelling.serial_labels")
def _serial_labels(w: World) -> Call:
    w.templates()
    number = w.work_order()
    production.commission_serials(w.ctx("supervisor"), number, 2)
    return lambda ctx, role: labelling.serial_labels(ctx, number)


@scenario("labelling._record_serial_labels")
def _print_serial_labels(w: World) -> Call:
    w.templates()
    number = w.work_order()
    production.commission_serials(w.ctx("supervisor"), number, 2)
    return lambda ctx, role: labelling.print_serial_labels(ctx, w.printer, number)


@scenario("labelling.queue_labels")
def _queue_labels(w: World) -> Call:
    serial = w.released_pump()
    return lambda ctx, role: labelling.queue_labels(ctx, serial, key=w.unique("q-"))


@scenario("labelling.record_printing")
def _record_printing(w: World) -> Call:
    serial = w.released_pump()
    plan = labelling.queue_labels(w.ctx("packaging"), serial, key=w.unique("r-"))
    outcomes = {job.key: PrinterOutcome.printed("fake-zebra") for job in plan.send}
    return lambda ctx, role: labelling.record_printing(ctx, plan, outcomes)


@scenario("labelling.verify_label")
def _verify_label(w: World) -> Call:
    job = w.printed_job()
    return lambda ctx, role: labelling.verify_label(
        ctx, job.key, job.element_string, event_id=uuid.uuid4()
    )


def _reprint_plan(w: World, ctx: Context) -> Any:
    job = w.printed_job()
    login, username = signer(w, "supervisor")
    return labelling.queue_reprint(
        ctx, login, job.key, "label smudged", PASSWORD, username, key=w.unique("re-")
    )


@scenario("labelling.queue_reprint")
def _queue_reprint(w: World) -> Call:
    job = w.printed_job()

    def call(ctx: Context, role: str) -> object:
        login, username = signer(w, "supervisor")  # the supervisor signs; the packer asks
        return labelling.queue_reprint(
            ctx, login, job.key, "label smudged", PASSWORD, username, key=w.unique("re-")
        )

    return call


@scenario("labelling.record_reprint")
def _record_reprint(w: World) -> Call:
    plan = _reprint_plan(w, w.ctx("packaging"))
    outcomes = {job.key: PrinterOutcome.printed("fake-zebra") for job in plan.send}
    return lambda ctx, role: labelling.record_reprint(ctx, plan, outcomes)


@scenario("labelling.reconcile")
def _reconcile(w: World) -> Call:
    self_built = build_kits(w.plant, 10)
    w.templates()
    release(w.plant, self_built.scan)
    pack = w.ctx("packaging")
    job = labelling.print_labels(pack, w.printer, self_built.scan, key=w.unique("rc-"))
    labelling.verify_label(pack, job.key, job.element_string, event_id=uuid.uuid4())
    return lambda ctx, role: labelling.reconcile(
        ctx, self_built.scan, 1, 0, 0, event_id=uuid.uuid4()
    )


@scenario("labelling.identify")
def _identify(w: World) -> Call:
    serial = w.pump(5)
    return lambda ctx, role: labelling.identify(ctx, serial)


@scenario("labelling.label_preview")
def _label_preview(w: World) -> Call:
    serial = w.released_pump()
    return lambda ctx, role: labelling.label_preview(ctx, serial)


SCENARIOS["labelling.template_versions"] = read(labelling.template_versions)
SCENARIOS["labelling.print_queue"] = read(labelling.print_queue)

# ---------------------------------------------------------------- packing and shipping


@scenario("packing.create_case")
def _create_case(w: World) -> Call:
    return lambda ctx, role: packing.create_case(ctx, event_id=uuid.uuid4())


@scenario("packing.create_pallet")
def _create_pallet(w: World) -> Call:
    return lambda ctx, role: packing.create_pallet(ctx, event_id=uuid.uuid4())


@scenario("packing.pack_unit")
def _pack_unit(w: World) -> Call:
    serial, case = w.labelled_pump(), w.case()
    return lambda ctx, role: packing.pack_unit(ctx, case, serial, event_id=uuid.uuid4())


@scenario("packing.pack_lot_quantity")
def _pack_lot(w: World) -> Call:
    lot, case = w.kit_lot(5), w.case()
    return lambda ctx, role: packing.pack_lot_quantity(ctx, case, lot, 5, event_id=uuid.uuid4())


@scenario("packing.close_case")
def _close_case(w: World) -> Call:
    case = w.case()
    packing.pack_lot_quantity(w.ctx("packaging"), case, w.kit_lot(), 10)
    return lambda ctx, role: packing.close_case(ctx, case, event_id=uuid.uuid4())


@scenario("packing.pack_case")
def _pack_case(w: World) -> Call:
    case = w.full_case()
    pallet = packing.create_pallet(w.ctx("packaging")).sscc
    return lambda ctx, role: packing.pack_case(ctx, pallet, case, event_id=uuid.uuid4())


@scenario("packing.close_pallet")
def _close_pallet(w: World) -> Call:
    pack = w.ctx("packaging")
    pallet = packing.create_pallet(pack).sscc
    packing.pack_case(pack, pallet, w.full_case())
    return lambda ctx, role: packing.close_pallet(ctx, pallet, event_id=uuid.uuid4())


@scenario("packing.unpack")
def _unpack(w: World) -> Call:
    lot, case = w.kit_lot(3), w.case()
    packing.pack_lot_quantity(w.ctx("packaging"), case, lot, 3)
    return lambda ctx, role: packing.unpack(ctx, case, lot, "wrong case", event_id=uuid.uuid4())


@scenario("distribution.ship")
def _ship(w: World) -> Call:
    case = w.full_case()
    return lambda ctx, role: distribution.ship(ctx, *ST_MARY, [case], event_id=uuid.uuid4())


@scenario("distribution.record_service_event")
def _service_event(w: World) -> Call:
    serial = w.shipped_pump()
    return lambda ctx, role: distribution.record_service_event(
        ctx, serial, "installation", ST_MARY[1], "installed in ward 3", event_id=uuid.uuid4()
    )


def _open_shipment_with(w: World) -> str:
    pack = w.ctx("packaging")
    number = distribution.open_shipment(pack, *ST_MARY).number
    distribution.add_to_shipment(pack, number, w.labelled_pump())
    return number


def _shipped_shipment(w: World) -> str:
    number = _open_shipment_with(w)
    distribution.confirm_shipment(w.ctx("packaging"), number)
    return number


@scenario("distribution.open_shipment")
def _open_shipment(w: World) -> Call:
    return lambda ctx, role: distribution.open_shipment(ctx, *ST_MARY)


@scenario("distribution.add_to_shipment")
def _add_to_shipment(w: World) -> Call:
    number, case = (
        distribution.open_shipment(w.ctx("packaging"), *ST_MARY).number,
        w.labelled_pump(),
    )
    return lambda ctx, role: distribution.add_to_shipment(ctx, number, case)


@scenario("distribution.remove_from_shipment")
def _remove_from_shipment(w: World) -> Call:
    number, case = (
        distribution.open_shipment(w.ctx("packaging"), *ST_MARY).number,
        w.labelled_pump(),
    )
    distribution.add_to_shipment(w.ctx("packaging"), number, case)
    return lambda ctx, role: distribution.remove_from_shipment(ctx, number, case)


@scenario("distribution.confirm_shipment")
def _confirm_shipment(w: World) -> Call:
    number = _open_shipment_with(w)
    return lambda ctx, role: distribution.confirm_shipment(ctx, number, event_id=uuid.uuid4())


@scenario("distribution.record_delivery")
def _record_delivery(w: World) -> Call:
    number = _shipped_shipment(w)
    return lambda ctx, role: distribution.record_delivery(ctx, number, "R. Chen", datetime.now(UTC))


@scenario("distribution.shipment")
def _shipment(w: World) -> Call:
    number = _open_shipment_with(w)
    return lambda ctx, role: distribution.shipment(ctx, number)


@scenario("distribution.delivery_note")
def _delivery_note(w: World) -> Call:
    number = _shipped_shipment(w)
    return lambda ctx, role: distribution.delivery_note(ctx, number)


SCENARIOS["distribution.shipments"] = read(distribution.shipments)
SCENARIOS["distribution.customer_sites"] = read(distribution.customer_sites)


@scenario("distribution.replace_part")
def _replace_part(w: World) -> Call:
    serial = w.shipped_pump()
    distribution.record_service_event(w.ctx("supervisor"), serial, "return", None, "RMA-1")
    housing = w.housing()
    with Session(w.engine) as s:
        unit = s.scalars(select(Item).where(Item.serial == serial)).one()
        old = s.scalars(
            select(Item)
            .join(Link, Link.child_item_id == Item.id)
            .where(Link.parent_item_id == unit.id, Item.serial.is_not(None))
        ).first()
        assert old is not None and old.serial is not None
        fitted = old.serial
    return lambda ctx, role: distribution.replace_part(
        ctx, serial, fitted, housing, "cracked housing", event_id=uuid.uuid4()
    )


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


SCENARIOS["documents.device_identifiers"] = read(documents.device_identifiers)
SCENARIOS["documents.udid_records"] = read(documents.udid_records)

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


SCENARIOS["spc.baselines"] = read(spc.baselines, PUMP, WEIGH)
SCENARIOS["spc.spc_flags"] = read(spc.spc_flags)
SCENARIOS["spc.numeric_steps"] = read(spc.numeric_steps)


@scenario("spc.disposition_flag")
def _disposition_flag(w: World) -> Call:
    frozen_baseline(w.plant)
    pumps_weighing(w.plant, [2415.0])
    number = spc.spc_flags(w.ctx("qc_inspector"))[-1].number
    return lambda ctx, role: spc.disposition_flag(ctx, number, "scale re-zeroed, re-weighed")


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


SCENARIOS["offline.conflicts"] = read(offline.conflicts)


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


# ---------------------------------------------------------------- the dashboard


SCENARIOS["insight.dashboard"] = read(insight.dashboard)
SCENARIOS["insight.dashboard_panel"] = read(insight.dashboard_panel, Panel.WIP)
SCENARIOS["insight.figure_records"] = read(insight.figure_records, str(Panel.NCRS))
SCENARIOS["insight.kpis"] = read(insight.kpis)


@scenario("insight.report_device_health")
def _report_device_health(w: World) -> Call:
    now = datetime.now(UTC)
    return lambda ctx, role: insight.report_device_health(
        ctx, f"{role} scanner", now - timedelta(minutes=15), now, readings=3, refused=1,
        reconnects=0,
    )  # fmt: skip


# ---------------------------------------------------------------- the checks


def _registered() -> set[str]:
    for module in pkgutil.iter_modules(desktop.services.__path__):
        importlib.import_module(f"desktop.services.{module.name}")
    return {f"{name.split('.')[2]}.{name.rsplit('.', 1)[1]}" for name in USE_CASES}


def test_the_table_names_every_use_case_and_each_has_a_call() -> None:
    registered = _registered()
    assert sorted(registered - set(EXPECTED)) == [], "use cases missing from the table"
    assert sorted(set(EXPECTED) - registered) == [], "the table names use cases that are gone"
    assert sorted(set(EXPECTED) ^ set(SCENARIOS)) == []


@dataclass
class _Outcome:
    error: BaseException | None

    def shown(self) -> str:
        if self.error is None:
            return "succeeded"
        return f"{type(self.error).__name__}: {self.error}"


def _attempt(call: Call, ctx: Context, role: str) -> _Outcome:
    try:
        call(ctx, role)
    except Exception as exc:
        return _Outcome(exc)
    return _Outcome(None)


def _check(w: World, name: str, answers: tuple[str, ...]) -> list[str]:
    wrong: list[str] = []
    try:
        call = SCENARIOS[name](w)
    except Exception as exc:  # the records the call needs could not be made
        return [f"{name}: setting up failed: {type(exc).__name__}: {exc}"]
    spent = False
    for role, answer in zip(ROLES, answers, strict=True):
        if answer == "+" and spent:
            call = SCENARIOS[name](w)  # a fresh record for this role
        before_rows, before_audit = counts(w.engine), audit_count(w.engine)
        outcome = _attempt(call, w.ctx(role), role)
        error = outcome.error
        said = f"{name} as {role}: expected {answer!r}, {outcome.shown()}"
        if answer == "+":
            spent = True
            if error is not None:
                wrong.append(said)
        elif answer == "-":
            if not isinstance(error, PermissionDenied):
                wrong.append(said)
                continue
            refusal = last_audit(w.engine)
            if audit_count(w.engine) != before_audit + 1 or not refusal.action.startswith(
                "refused:"
            ):
                wrong.append(f"{said}; the refusal was not audited as one refused: entry")
            if counts(w.engine) != before_rows:
                wrong.append(f"{said}; records were written although it was refused")
        elif answer == "s":
            if isinstance(error, PermissionDenied) or not isinstance(error, Refusal):
                wrong.append(said)
            elif SIGNING_REFUSED not in str(error):
                wrong.append(f"{said}; the refusal does not say it may not sign")
        elif isinstance(error, PermissionDenied) or not isinstance(error, Refusal):
            wrong.append(said)
    return wrong


@pytest.fixture
def world(engine: Engine, printer: FakePrinter, tmp_path: Path) -> World:
    return World(engine, printer, tmp_path)


def test_each_role_gets_the_answer_written_for_each_use_case(world: World) -> None:
    wrong = [
        problem for name, answers in EXPECTED.items() for problem in _check(world, name, answers)
    ]
    assert not wrong, "\n".join(wrong)
    with Session(world.engine) as s:
        refusals = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.like("refused:%"))
        ).all()
    assert len(refusals) >= sum(a.count("-") for a in EXPECTED.values())


def test_a_role_claimed_by_the_caller_is_not_believed(world: World) -> None:
    """Rights are read from the database: a user whose role row says another role is judged by
    that, whatever the log-in claimed."""
    ctx = world.ctx("operator")
    forged = Context(world.engine, replace(ctx.actor, role="admin"), SETTINGS)
    with pytest.raises(PermissionDenied):
        identity.add_user(forged, world.unique("x"), "X", "operator", "password-1234")
