"""The permission matrix's expected answers: what each role gets from every use case.

The answers are literal: they are not read from the permission map, from the permissions the use
cases declare, or from anything else under test, so a right given to or taken from a role by
mistake anywhere on the way fails the matrix. Each answer is one of:

- ``+``  the role may: the call succeeds;
- ``-``  the role may not: PermissionDenied, the refusal audited, nothing else written;
- ``s``  the role passes the gate but may not sign the meaning the call signs: refused, naming it;
- ``r``  the role passes the gate and the call is refused on the plant's state (a first
         administrator when one exists already).
"""

from __future__ import annotations

#: The roles, in the order of the table's columns.
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
#: What a refusal to sign (an ``s`` answer) says.
SIGNING_REFUSED = "may not sign"
