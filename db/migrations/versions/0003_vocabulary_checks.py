"""every status, kind, outcome, disposition, role and meaning column holds a known code

Each such column gets a CHECK constraint ``ck_<table>_<column>_known`` listing the codes of its
vocabulary (desktop/domain). The codes are the values the columns have always held, so no row
changes; a database holding a code outside its vocabulary is refused with the table, column and
code named, before anything is altered.

The codes are written out here, not imported: a migration is a record of the schema at one
revision. A later change to a vocabulary is a new migration that replaces the constraint.

SQLite cannot add a constraint to a table, so batch mode rebuilds each table (copy, drop,
rename); db.migrate switches SQLite's foreign keys off around a migration and checks them once
at the end, and re-makes the append-only triggers that a rebuilt table loses.

Revision ID: 0003_vocabulary_checks
Revises: 0002_audit_anchors
Create Date: 2026-12-05 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.errors import MigrationRefused

revision: str = "0003_vocabulary_checks"
down_revision: str | None = "0002_audit_anchors"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATUS = (
    "quarantine", "released", "rejected", "in_process", "nonconforming", "completed", "packed",
    "shipped", "installed", "returned", "scrapped", "disposed", "consumed", "open", "closed",
)  # fmt: skip
_EVENT_KIND = (
    "receive", "incoming_inspection", "material_release", "material_reject", "wo_release",
    "commission", "consume", "weigh", "inspect", "check", "weight_override", "inspection",
    "ncr_open", "ncr_disposition", "ncr_close", "hold", "hold_release", "lot_release",
    "label_print", "label_verify", "label_reprint", "label_reconcile", "case_create",
    "pallet_create", "pack", "unpack", "case_close", "pallet_close", "shipment", "ship",
    "installation", "service", "repair", "return", "disposal", "recall_open", "recall_close",
)  # fmt: skip
_TRACKING = ("serial", "lot")

#: table -> ((column, codes), ...)
CHECKS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "roles": (("name", ("operator", "qc_inspector", "packaging", "supervisor", "admin")),),
    "stations": (
        (
            "kind",
            (
                "operator",
                "qc",
                "packaging",
                "planning",
                "receiving",
                "shipping",
                "service",
                "trace",
                "admin",
            ),
        ),
    ),
    "devices": (("kind", ("scanner", "scale", "printer")),),
    "products": (("tracking", _TRACKING),),
    "parts": (("tracking", _TRACKING),),
    "route_steps": (("kind", ("scan_component", "weigh", "inspect", "check", "label", "pack")),),
    "work_orders": (("status", ("created", "released", "completed", "closed", "cancelled")),),
    "items": (
        ("kind", ("unit", "production_lot", "material_lot", "case", "pallet")),
        ("status", _STATUS),
    ),
    "events": (
        ("kind", _EVENT_KIND),
        ("outcome", ("ok", "fail", "failed", "out_of_tolerance", "mismatch", "rejected")),
    ),
    "links": (("kind", ("consume", "pack")),),
    "nonconformances": (
        ("status", ("open", "dispositioned", "closed")),
        ("disposition", ("rework", "scrap", "use_as_is")),
    ),
    "signatures": (
        (
            "meaning",
            (
                "Released for distribution",
                "Material released for use",
                "Disposition approved",
                "Label template approved",
                "Reprint approved",
                "Reviewed",
                "Recall closed",
            ),
        ),
    ),
    "label_template_versions": (("status", ("draft", "approved", "retired")),),
    "print_jobs": (("status", ("queued", "printed", "held", "failed", "verified", "voided")),),
    "shipments": (("status", ("open", "shipped")),),
    "service_records": (("kind", ("installation", "service", "repair", "return", "disposal")),),
    "recalls": (("status", ("open", "closed")),),
    "recall_items": (
        (
            "state_at_scope",
            ("in_stock", "shipped", "installed", "returned", "scrapped", "disposed"),
        ),
        (
            "disposition",
            (
                "scrapped",
                "reworked",
                "corrected_in_field",
                "destroyed_on_site",
                "not_recoverable",
                "no_action",
            ),
        ),
    ),
}


def _condition(column: str, codes: tuple[str, ...]) -> str:
    listed = ", ".join("'" + code.replace("'", "''") + "'" for code in codes)
    return f"{column} IN ({listed})"


def _refuse_unknown_codes() -> None:
    """Name every stored code outside its vocabulary, before any table is touched."""
    bind = op.get_bind()
    found = []
    for table, checks in CHECKS.items():
        for column, codes in checks:
            stmt = sa.text(
                f"SELECT DISTINCT {column} FROM {table} "
                f"WHERE {column} IS NOT NULL AND NOT ({_condition(column, codes)})"
            )
            found += [f"{table}.{column} = {value!r}" for (value,) in bind.execute(stmt)]
    if found:
        raise MigrationRefused(
            "the database holds codes this Lotline does not know, so its tables cannot be "
            f"given their CHECK constraints: {'; '.join(found)}. Correct those rows (they were "
            "not written by Lotline) and migrate again; nothing was changed."
        )


def upgrade() -> None:
    _refuse_unknown_codes()
    for table, checks in CHECKS.items():
        with op.batch_alter_table(table) as batch:
            for column, codes in checks:
                batch.create_check_constraint(
                    op.f(f"ck_{table}_{column}_known"), _condition(column, codes)
                )


def downgrade() -> None:
    for table, checks in reversed(CHECKS.items()):
        with op.batch_alter_table(table) as batch:
            for column, _ in reversed(checks):
                batch.drop_constraint(op.f(f"ck_{table}_{column}_known"), type_="check")
