"""Helpers for the QC, labelling, packing and shipping tests (no tests in here).

Units and lots are built through the real services (work orders, commissioning, execution),
up to the step before labelling; ``released_pumps`` and ``released_kits`` then release them
through ``release_lot``. ``refused`` checks the "bad input" rule: the message quotes what was
wrong, nothing but the ``refused:<use case>`` audit entry is written, the chain stays whole.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.models import (
    Item,
)
from desktop.services import production
from desktop.services.core.printing import LabelPrinter
from desktop.services.labelling import (
    approve_template,
    print_labels,
    register_templates,
    verify_label,
)
from desktop.services.production import commission_serials
from desktop.services.quality import release_lot
from tests.support.plant import PASSWORD, Plant
from tests.support.refusals import counts, refused

PUMP = "09506000134352"
KIT = "09506000134369"
_numbers = itertools.count(1)


def eid() -> uuid.UUID:
    return uuid.uuid4()


def item(engine: Engine, **where: Any) -> Item:
    with Session(engine) as s:
        return s.scalars(select(Item).filter_by(**where)).one()


def status(engine: Engine, **where: Any) -> str:
    return item(engine, **where).status


# ---------------------------------------------------------------- building lots


@dataclass(frozen=True)
class Built:
    wo: str
    lot: str
    serials: tuple[str, ...]  # empty for a lot-controlled product
    scan: str  # what names the lot in a scan: "(01)GTIN(10)LOT" (a lot number is per GTIN)


def open_lot(plant: Plant, gtin: str, quantity: int) -> tuple[str, str]:
    """A released work order; returns its number and its production lot."""
    number = f"WO-{next(_numbers):04d}"
    sup = plant.ctx("supervisor")
    production.create_work_order(sup, number, gtin, quantity)
    view = production.release_work_order(sup, number)
    assert view.lot is not None
    return number, view.lot


def build_pumps(
    plant: Plant, count: int = 4, *, check_fails: tuple[str, ...] = (), failing: int = 0
) -> Built:
    """IP-300 units through steps 1-5 (components, torque, weight, functional test): the next
    step of each is "UDI label". Serials in ``check_fails``, and the first ``failing`` units,
    fail the functional test."""
    wo, lot = open_lot(plant, PUMP, count)
    sup = plant.ctx("supervisor")
    made = commission_serials(sup, wo, count)
    first = int(made.first_serial[-6:])
    serials = [f"{made.first_serial[:-6]}{first + n:06d}" for n in range(count)]
    tag = next(_numbers)
    housings = [f"H{tag:03d}-{n:03d}" for n in range(count)]
    plant.receive_serials("HOUSING-IP300", housings)
    board = f"BRD-{tag:03d}"
    plant.receive("BOARD-IP300", board, count, supplier="SUP-BOARDS")
    op = plant.ctx("operator")
    for serial, housing in zip(serials, housings, strict=True):
        production.consume_component(op, serial, housing, event_id=eid())
        production.consume_component(op, serial, board, event_id=eid())
        production.record_measurement(op, serial, Decimal("1.00"), event_id=eid())
        production.record_weight(op, serial, Decimal("2400.0"), "g", True, event_id=eid())
        passes = serial not in check_fails and serial not in serials[:failing]
        production.record_check(op, serial, passes, event_id=eid())
    return Built(wo, lot, tuple(serials), f"(01){PUMP}(10){lot}")


def build_kits(plant: Plant, quantity: int = 20) -> Built:
    """A CK-10 lot of ``quantity`` kits through steps 1-3: next is "UDI label"."""
    wo, lot = open_lot(plant, KIT, quantity)
    tag = next(_numbers)
    for part in ("CATHETER-CK10", "TUBING-CK10", "TRAY-CK10"):
        plant.receive(part, f"{part[:4]}-{tag:03d}", quantity * 2, supplier="SUP-MED")
    op, scan = plant.ctx("operator"), f"(01){KIT}(10){lot}"
    for part in ("CATHETER-CK10", "TUBING-CK10", "TRAY-CK10"):
        production.consume_component(op, scan, f"{part[:4]}-{tag:03d}", event_id=eid())
    production.record_weight(op, scan, Decimal("120.0"), "g", True, event_id=eid())
    production.record_check(op, scan, True, event_id=eid())
    return Built(wo, lot, (), f"(01){KIT}(10){lot}")


def approve_templates(plant: Plant) -> None:
    register_templates(plant.admin)
    qc = plant.ctx("qc_inspector")
    login = plant.login("qc_inspector")
    for n, name in enumerate(("udi-2x1", "udi-4x2")):
        approve_template(qc, login, name, 1, PASSWORD, username=None if n else "quinn")


def release(plant: Plant, lot: str) -> None:
    qc = plant.ctx("qc_inspector")
    release_lot(qc, plant.login("qc_inspector"), lot, PASSWORD, "quinn")


def released_pumps(plant: Plant, count: int = 4) -> Built:
    built = build_pumps(plant, count)
    release(plant, built.scan)
    return built


def released_kits(plant: Plant, quantity: int = 20) -> Built:
    built = build_kits(plant, quantity)
    release(plant, built.scan)
    return built


def label_all(plant: Plant, printer: LabelPrinter, serials: tuple[str, ...]) -> None:
    """Print and verify (scan back exactly) the label of each unit."""
    pack = plant.ctx("packaging")
    for serial in serials:
        job = print_labels(pack, printer, serial, key=f"k-{serial}")
        result = verify_label(pack, job.key, job.element_string, event_id=eid())
        assert result.ok and result.step_passed


__all__ = [
    "KIT",
    "PUMP",
    "Built",
    "approve_templates",
    "build_kits",
    "build_pumps",
    "counts",
    "eid",
    "item",
    "label_all",
    "open_lot",
    "refused",
    "release",
    "released_kits",
    "released_pumps",
    "status",
]
