"""Permission-matrix scenarios for labelling, one per use case.

Templates, serial and UDI labels, printing, verifying, reprinting and reconciling. Each scenario
makes the records its call names, then returns the call.
"""

from __future__ import annotations

import uuid
from typing import Any

from desktop.services import labelling, production
from desktop.services.core.context import Context
from desktop.services.core.printing import PrinterOutcome
from tests.integration.workflows.permission_matrix.registry import Call, read, scenario
from tests.integration.workflows.qcpack_support import build_kits, release
from tests.integration.workflows.world import World, signer
from tests.support.plant import PASSWORD


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


read("labelling.template_versions", labelling.template_versions)
read("labelling.print_queue", labelling.print_queue)
