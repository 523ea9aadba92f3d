"""Helpers for the SPC tests (no tests in here): pumps built through the real services and
weighed at chosen weights, and a baseline frozen from them."""

from __future__ import annotations

from decimal import Decimal

from desktop.services import production, spc
from desktop.services.production import commission_serials
from tests.integration.workflows.qcpack_support import PUMP, Built, eid, open_lot
from tests.support.plant import PASSWORD, Plant

WEIGH = "Weigh assembled pump"
BASELINE = [2399.0, 2401.0, 2400.0, 2399.5, 2400.5, 2401.0, 2399.0, 2400.0, 2400.5, 2399.5]
_tags = iter(range(100, 1000))


def pumps_weighing(plant: Plant, weights: list[float]) -> tuple[Built, list[str]]:
    """IP-300 pumps through steps 1-5, weighed at ``weights``; returns the lot and the answers
    of the weigh step."""
    wo, lot = open_lot(plant, PUMP, len(weights))
    made = commission_serials(plant.ctx("supervisor"), wo, len(weights))
    first = int(made.first_serial[-6:])
    serials = [f"{made.first_serial[:-6]}{first + n:06d}" for n in range(len(weights))]
    tag = next(_tags)
    housings = [f"HS{tag}-{n:03d}" for n in range(len(weights))]
    plant.receive_serials("HOUSING-IP300", housings)
    plant.receive("BOARD-IP300", f"BS-{tag}", len(weights), supplier="SUP-BOARDS")
    op = plant.ctx("operator")
    answers = []
    for serial, housing, weight in zip(serials, housings, weights, strict=True):
        production.consume_component(op, serial, housing, event_id=eid())
        production.consume_component(op, serial, f"BS-{tag}", event_id=eid())
        production.record_measurement(op, serial, Decimal("1.00"), event_id=eid())
        done = production.record_weight(op, serial, Decimal(str(weight)), "g", True, event_id=eid())
        answers.append(done)
        production.record_check(op, serial, True, event_id=eid())
    return Built(wo, lot, tuple(serials), f"(01){PUMP}(10){lot}"), [a.message for a in answers]


def frozen_baseline(plant: Plant) -> spc.BaselineView:
    """Ten pumps weighed around 2400 g, their limits frozen by QC."""
    pumps_weighing(plant, BASELINE)
    qc = plant.ctx("qc_inspector")
    login = plant.login("qc_inspector")
    return spc.freeze_baseline(qc, login, PUMP, WEIGH, PASSWORD, username="quinn")
