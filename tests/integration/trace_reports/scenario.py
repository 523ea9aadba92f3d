"""Scenarios for the recall, batch record and EPCIS tests, built through the services.

- ``zones``: line-1, qc-1 and pack-1 run on Europe/Berlin time (master data, loaded).
- ``receive_board_lot``: a control-board lot received, inspected and released (signed).
- ``pump_lot``: a work order of pumps through every step before labelling, each step with
  device data (scanner, torque driver, scale with serial number and raw frame); a unit in
  ``heavy`` weighs out of tolerance first -> NCR -> rework (signed) -> weighed again -> NCR
  closed. Then ``release`` (signed) and ``label`` (printed and verified; ``void_first``: the
  first label's scan-back mismatches, it is voided and a supervisor approves the reprint).

Only the housing serials are put on the shelf as rows (tests/support/plant.py does that).
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.services import production, receiving
from desktop.services.core.printing import LabelPrinter
from desktop.services.labelling import print_labels, reprint_label, verify_label
from desktop.services.production import commission_serials
from desktop.services.quality import close_ncr, disposition_ncr
from tests.integration.workflows.qcpack_support import approve_templates, release
from tests.integration.workflows.test_execution_support import capture
from tests.support.plant import PASSWORD, Plant

PUMP = "09506000134352"
KIT = "09506000134369"
ZONE = "Europe/Berlin"
SCALE_SERIAL = "B849613027"
TORQUE_SERIAL = "TQ-0457"
_numbers = itertools.count(1)
STATIONS = f"""
[[stations]]
name = "line-1"
kind = "operator"
timezone = "{ZONE}"
devices = [
  {{ kind = "scanner", name = "line-1 scanner", url = "sim" }},
  {{ kind = "scale", name = "line-1 scale", url = "sim" }},
]

[[stations]]
name = "qc-1"
kind = "qc"
timezone = "{ZONE}"
devices = [{{ kind = "scanner", name = "qc-1 scanner", url = "sim" }}]

[[stations]]
name = "pack-1"
kind = "packaging"
timezone = "{ZONE}"
devices = [
  {{ kind = "scanner", name = "pack-1 scanner", url = "sim" }},
  {{ kind = "printer", name = "pack-1 printer", url = "sim" }},
]
"""


def eid() -> uuid.UUID:
    return uuid.uuid4()


@dataclass(frozen=True)
class PumpLot:
    wo: str
    lot: str
    serials: tuple[str, ...]
    housings: tuple[str, ...]
    board: str
    ncr: str | None


def zones(plant: Plant, folder: Path) -> None:
    """The plant's stations on Europe/Berlin time, through the master-data service."""
    from desktop.services.masterdata import load_folder

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "stations.toml").write_text(STATIONS, encoding="utf-8")
    load_folder(plant.admin, folder)


def receive_board_lot(plant: Plant, lot: str, quantity: int = 10) -> None:
    """A control-board lot from Circuit Works: received, inspected, released (signed)."""
    receiving.receive_material(plant.ctx("packaging"), "BOARD-IP300", "SUP-BOARDS", lot, quantity)
    qc = plant.ctx("qc_inspector")
    receiving.inspect_material(qc, lot, True, "CoC checked, 5 boards visually inspected")
    login = plant.login("qc_inspector")
    receiving.release_material(qc, login, lot, PASSWORD, username="quinn")


def _assemble(plant: Plant, serial: str, housing: str, board: str, weights: list[str]) -> None:
    op = plant.ctx("operator")
    for part in (housing, board):
        scanned = capture("line-1 scanner", f"{part}\r\n".encode())
        production.consume_component(op, serial, part, event_id=eid(), capture=scanned)
    production.record_measurement(
        op, serial, Decimal("1.02"), event_id=eid(),
        capture=capture("line-1 torque driver", b"+1.02 N.m\r\n", serial=TORQUE_SERIAL),
    )  # fmt: skip
    for grams in weights:
        frame = f"S S {grams:>10} g\r\n".encode()
        production.record_weight(
            op, serial, Decimal(grams), "g", True, event_id=eid(),
            capture=capture("line-1 scale", frame, serial=SCALE_SERIAL),
        )  # fmt: skip
        if grams != weights[-1]:
            _rework(plant, serial)


def _rework(plant: Plant, serial: str) -> None:
    """The open NCR of ``serial``: rework from the weigh step, signed by QC."""
    from desktop.services.quality import lot_review

    review_lot = _lot_of(plant, serial)
    review = lot_review(plant.ctx("qc_inspector"), review_lot)
    number = next(n.number for n in review.ncrs if n.status == "open")
    qc = plant.ctx("qc_inspector")
    disposition_ncr(
        qc, plant.login("qc_inspector"), number, "rework",
        "loose screw found at the battery cover; refit and weigh again", PASSWORD, 4,
        username="quinn",
    )  # fmt: skip


def _lot_of(plant: Plant, serial: str) -> str:
    from db.models import Item

    with Session(plant.engine) as s:
        lot = s.scalar(select(Item.lot).where(Item.serial == serial))
    assert lot is not None
    return lot


def pump_lot(
    plant: Plant, count: int, board: str, *, heavy: tuple[int, ...] = (), wo: str | None = None
) -> PumpLot:
    """``count`` pumps through steps 1-5; unit n (1-based) in ``heavy`` weighs 2431.5 g first."""
    number = wo or f"WO-{next(_numbers):04d}-{uuid.uuid4().hex[:4]}"
    sup = plant.ctx("supervisor")
    production.create_work_order(sup, number, PUMP, count)
    lot = production.release_work_order(sup, number).lot
    assert lot is not None
    made = commission_serials(sup, number, count)
    first = int(made.first_serial[-6:])
    serials = tuple(f"{made.first_serial[:-6]}{first + n:06d}" for n in range(count))
    housings = tuple(f"H-{board}-{n:03d}" for n in range(1, count + 1))
    plant.receive_serials("HOUSING-IP300", list(housings))
    op = plant.ctx("operator")
    for n, (serial, housing) in enumerate(zip(serials, housings, strict=True), start=1):
        weights = ["2431.5", "2401.2"] if n in heavy else [f"{2399.6 + n / 10:.1f}"]
        _assemble(plant, serial, housing, board, weights)
        production.record_check(op, serial, True, "all alarms and the pump rate test passed",
                               event_id=eid())  # fmt: skip
    ncr = _close_ncrs(plant, lot)
    return PumpLot(number, lot, serials, housings, board, ncr)


def _close_ncrs(plant: Plant, lot: str) -> str | None:
    from desktop.services.quality import lot_review

    review = lot_review(plant.ctx("qc_inspector"), lot)
    numbers = [n.number for n in review.ncrs if n.status == "dispositioned"]
    for number in numbers:
        close_ncr(plant.ctx("qc_inspector"), number, "refitted, weighed again within limits")
    return numbers[0] if numbers else None


def release_and_label(
    plant: Plant, printer: LabelPrinter, built: PumpLot, *, void_first: bool = False
) -> None:
    """Release the lot (signed) and print and verify each unit's label."""
    approve_templates(plant)
    release(plant, built.lot)
    pack = plant.ctx("packaging")
    for n, serial in enumerate(built.serials):
        job = print_labels(pack, printer, serial, key=f"k-{serial}")
        if void_first and n == 0:
            damaged = job.element_string[:-3] + "999"
            verify_label(pack, job.key, damaged, event_id=eid())
            again = reprint_label(
                pack, plant.login("supervisor"), job.key,
                "scan-back failed: ribbon crease across the DataMatrix", PASSWORD, "sam",
                printer=printer,
            )  # fmt: skip
            job = again
        result = verify_label(pack, job.key, job.element_string, event_id=eid())
        assert result.ok, result.reason


__all__ = [
    "KIT",
    "PUMP",
    "ZONE",
    "PumpLot",
    "eid",
    "pump_lot",
    "receive_board_lot",
    "release_and_label",
    "zones",
]
