"""The demo plant's floor, for a newcomer's first minute: a released pump work order with its
serials commissioned, the pump housings and a control-board lot received and released by QC,
and the label templates approved, so that the operator can build a unit at once. Made through
the use cases as the demo plant's people would (supervisor, packer, QC inspector).

Made once, on the embedded default station's first start (the demo plant just seeded); the
log-in screen's demo note and ``lotline demo-sheet`` read it back from the database.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Item, Part, WorkOrder
from desktop.domain.labelling import TemplateStatus
from desktop.services import identity, labelling, production, receiving
from desktop.services.core.context import Context, LoginSession
from desktop.services.masterdata._demo import DEMO_ADMIN
from desktop.services.masterdata._load import DEMO_FOLDER

WORK_ORDER = "WO-DEMO-1"
PUMP_GTIN = "09506000134352"
UNITS = 10
HOUSINGS = tuple(f"HS-DEMO-{n:02d}" for n in range(1, UNITS + 1))
HOUSING_DELIVERY = "DEL-DEMO-1"
BOARD_LOT = "BRD-DEMO-1"
PASSWORD = "demo-password"  # the demo people's password (desktop/demo_data/users.toml)
COMMANDS = ("PASS", "FAIL", "NEXT")  # the operator station's command barcodes


@dataclass(frozen=True)
class Badge:
    badge: str
    pin: str
    name: str
    role: str


@dataclass(frozen=True)
class DemoFloor:
    """What there is to scan on the demo floor."""

    work_order: str
    lot: str
    serials: tuple[str, ...]  # the work order's commissioned units, SN order
    housings: tuple[str, ...]  # serialised pump housings, released
    board_lot: str  # the control-board lot, released
    badges: tuple[Badge, ...]
    commands: tuple[str, ...] = COMMANDS


def demo_badges() -> tuple[Badge, ...]:
    """The demo people's badges and PINs, as the demo users file gives them."""
    users = tomllib.loads((DEMO_FOLDER / "users.toml").read_text(encoding="utf-8"))
    return tuple(
        Badge(str(u["badge"]), str(u.get("pin", "")), str(u["full_name"]), str(u["role"]))
        for u in users.get("users", [])
        if u.get("badge")
    )


def demo_floor(base: Context) -> DemoFloor | None:
    """The demo floor as the database holds it, or None where it was never made."""
    with Session(base.engine) as session:
        wo = session.scalars(select(WorkOrder).where(WorkOrder.number == WORK_ORDER)).first()
        if wo is None:
            return None
        serials = session.scalars(
            select(Item.serial)
            .where(Item.work_order_id == wo.id, Item.serial.is_not(None))
            .order_by(Item.serial)
        ).all()
        lot = session.scalar(
            select(Item.lot).where(Item.work_order_id == wo.id, Item.serial.is_(None))
        )
        housing_part = session.scalar(select(Part.id).where(Part.part_number == "HOUSING-IP300"))
        housings = session.scalars(
            select(Item.serial)
            .where(Item.part_id == housing_part, Item.supplier_lot == HOUSING_DELIVERY)
            .order_by(Item.serial)
        ).all()
    return DemoFloor(
        WORK_ORDER,
        lot or "",
        tuple(s for s in serials if s),
        tuple(h for h in housings if h),
        BOARD_LOT,
        demo_badges(),
    )


def ensure_demo_floor(base: Context) -> DemoFloor:
    """The demo floor, made now if the database has none (the demo plant must be loaded)."""
    found = demo_floor(base)
    if found is not None:
        return found
    supervisor, _ = _as(base, "sam", PASSWORD)
    production.create_work_order(supervisor, WORK_ORDER, PUMP_GTIN, UNITS)
    production.release_work_order(supervisor, WORK_ORDER)
    production.commission_serials(supervisor, WORK_ORDER, UNITS)
    packer, _ = _as(base, "pat", PASSWORD)
    receiving.receive_material(
        packer, "HOUSING-IP300", "SUP-ACME", HOUSING_DELIVERY, UNITS, serials=list(HOUSINGS)
    )
    receiving.receive_material(packer, "BOARD-IP300", "SUP-BOARDS", BOARD_LOT, 5 * UNITS)
    qc, login = _as(base, "quinn", PASSWORD)
    for lot in (HOUSING_DELIVERY, BOARD_LOT):
        receiving.inspect_material(qc, lot, True, "demo plant: certificate checked")
        receiving.release_material(qc, login, lot, PASSWORD, username="quinn")
    name, _full, admin_password = DEMO_ADMIN
    admin, _ = _as(base, name, admin_password)
    for template in labelling.register_templates(admin):
        if template.status is TemplateStatus.DRAFT:
            labelling.approve_template(
                qc, login, template.name, template.version, PASSWORD, username="quinn"
            )
    made = demo_floor(base)
    assert made is not None  # just made
    return made


def demo_hint(floor: DemoFloor | None) -> str:
    """The log-in screen's demo note: who to log in as, and what to scan first."""
    people = "quinn (QC), pat, sam: demo-password; ada (admin): demo-admin-password."
    if floor is None or not floor.serials or not floor.housings:
        return f"Demo plant: badge B-1001, PIN 1234 (operator Olga). Users {people}"
    return (
        f"Demo plant: scan badge B-1001, PIN 1234 (operator Olga); then unit {floor.serials[0]}, "
        f"housing {floor.housings[0]}, board lot {floor.board_lot}; torque 1.00; 2400 g on the "
        f"scale, Record weight; scan PASS. No scanner: the simulated scanner below, or "
        f"`lotline demo-sheet --out demo.pdf`. Users {people}"
    )


def _as(base: Context, username: str, password: str) -> tuple[Context, LoginSession]:
    login = identity.login(base, username, password)
    return base.as_actor(login.actor), login
