"""The data a self-test walk needs, made through the services as the demo plant's people:
a released pump work order with two serials, housings and a board lot released by QC."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.labelling import TemplateStatus
from desktop.services import identity, labelling, production, receiving
from desktop.services.core.context import Context, LoginSession
from desktop.services.masterdata import DEMO_ADMIN
from desktop.services.production import commission_serials

PASSWORD = "demo-password"


@dataclass(frozen=True)
class WalkData:
    serials: tuple[str, ...]
    housings: tuple[str, ...]
    board_lot: str
    work_order: str
    lot: str


def _as(base: Context, username: str) -> tuple[Context, LoginSession]:
    login = identity.login(base, username, PASSWORD)
    return base.as_actor(login.actor), login


PUMP = "09506000134352"  # the demo pump's GTIN (its MA DI in an MA-coded demo plant)


def prepare(base: Context, tag: str = "ST", product: str = PUMP) -> WalkData:
    """``product``: the pump's UDI-DI (GTIN, or MA DI in the MA-coded demo plant)."""
    sup, _ = _as(base, "sam")
    number = f"WO-{tag}-1"
    production.create_work_order(sup, number, product, 2)
    wo = production.release_work_order(sup, number)
    made = commission_serials(sup, number, 2)
    pack, _ = _as(base, "pat")
    housings = (f"HS-{tag}-01", f"HS-{tag}-02")
    board = f"BRD-{tag}-1"
    receiving.receive_material(
        pack, "HOUSING-IP300", "SUP-ACME", f"DEL-{tag}", 2, serials=list(housings)
    )
    receiving.receive_material(pack, "BOARD-IP300", "SUP-BOARDS", board, 10)
    qc, login = _as(base, "quinn")
    for lot in (f"DEL-{tag}", board):
        receiving.inspect_material(qc, lot, True, "certificate checked")
        receiving.release_material(qc, login, lot, PASSWORD, username="quinn")
    _approve_templates(base, qc, login)
    serials = (made.first_serial, made.last_serial)
    return WalkData(serials, housings, board, number, wo.lot or "")


def _approve_templates(base: Context, qc: Context, login: LoginSession) -> None:
    name, _full, password = DEMO_ADMIN
    admin = base.as_actor(identity.login(base, name, password).actor)
    for template in labelling.register_templates(admin):
        if template.status is TemplateStatus.DRAFT:
            labelling.approve_template(
                qc, login, template.name, template.version, PASSWORD, username="quinn"
            )
