"""The demo shift, first half: the people, the plan, receiving and production.

Every scan comes from a scanner simulator through the real scanner driver (``Bench.scan``) and
every weight from the scale simulator through the real MT-SICS driver (``Bench.weigh``); what
the drivers deliver is what the services get. The torque reading (step 3 of the pump route) is
entered by hand: the demo has no torque-driver simulator.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.models import Station
from desktop.adapters.capture import scan_capture, weight_capture
from desktop.cli.demo_devices import Bench, DemoFailed
from desktop.cli.demo_report import NcrStory, Tally
from desktop.devices import ScanEvent
from desktop.domain.plant import DIScheme
from desktop.domain.quality import Disposition, NcrStatus
from desktop.domain.steps import StepKind
from desktop.services import identity, production, quality, receiving
from desktop.services.core.context import Actor, Context, LoginSession, Settings
from desktop.services.production import StepResult, commission_serials, unit_status

PUMP_GTIN, KIT_GTIN = "09506000134352", "09506000134369"
# The same devices with MA DIs (IDcode): `lotline demo --scheme ma` (products-ma.toml)
PUMP_MA_DI, KIT_MA_DI = "MA.156.M0.999999.1IP3005", "MA.156.M0.999999.1CK0100"
PRODUCT_CODES = {PUMP_GTIN: "IP-300", KIT_GTIN: "CK-10", PUMP_MA_DI: "IP-300", KIT_MA_DI: "CK-10"}
PASSWORD = "demo-password"  # the demo users' password (desktop/demo_data/users.toml)
SETTINGS = Settings(totp_roles=frozenset())  # the demo users have no authenticator app
CREW = {  # role -> (user, station)
    "operator": ("olga", "line-1"),
    "qc": ("quinn", "qc-1"),
    "packer": ("pat", "pack-1"),
    "supervisor": ("sam", "line-1"),
}
TORQUES = ("1.00", "0.98", "1.02", "1.01", "0.99")
WEIGHTS = ("2398.40", "2401.15", "2403.60", "2399.85", "2400.70")
HEAVY, REWORKED = "2431.50", "2401.20"  # the pump out of tolerance, and after its rework
KIT_FILL = "120.30"


@dataclass(frozen=True)
class Person:
    ctx: Context
    login: LoginSession
    username: str
    password: str = PASSWORD


def _station_id(engine: Engine, name: str) -> int | None:
    with Session(engine) as session:
        return session.scalar(select(Station.id).where(Station.name == name))


def log_in(engine: Engine, username: str, station: str) -> Person:
    """``username`` logged in at ``station`` (its events and signatures name the station)."""
    station_id = _station_id(engine, station)
    start = Context(engine, Actor(None, username, "", None, station, station_id), SETTINGS)
    login = identity.login(start, username, PASSWORD)
    login.actor = replace(login.actor, station_id=station_id)
    return Person(Context(engine, login.actor, SETTINGS), login, username)


@dataclass(frozen=True)
class Crew:
    admin: Context
    operator: Person
    qc: Person
    packer: Person
    supervisor: Person

    @classmethod
    def arrive(cls, engine: Engine, admin: Context) -> Crew:
        people = {role: log_in(engine, user, station) for role, (user, station) in CREW.items()}
        return cls(admin, **people)


@dataclass(frozen=True)
class Material:
    part: str
    supplier: str
    lot: str
    quantity: int
    expiry: date | None = None
    serials: tuple[str, ...] = ()  # a serialised part's pieces, each with its own serial


@dataclass(frozen=True)
class Plan:
    """What the shift makes: ``units`` pumps (the second control-board lot, the one found bad
    later, goes into the last half of them) and a lot of ``kits`` catheter kits."""

    units: int
    kits: int
    heavy: int = 2  # the pump (1-based) that weighs out of tolerance first
    scheme: DIScheme = DIScheme.GS1  # MA: the devices carry MA codes instead of GS1 UDIs

    @property
    def pump_di(self) -> str:
        return PUMP_MA_DI if self.scheme == DIScheme.MA else PUMP_GTIN

    @property
    def kit_di(self) -> str:
        return KIT_MA_DI if self.scheme == DIScheme.MA else KIT_GTIN

    def unit_barcode(self, serial: str) -> str:
        """What the operator scans to name a pump: its serial, or its MA code (DataMatrix)."""
        return unit_barcode(self.pump_di, serial) if self.scheme == DIScheme.MA else serial

    @property
    def housings(self) -> list[str]:
        return [f"HSG-{n:05d}" for n in range(1, self.units + 1)]

    @property
    def boards(self) -> tuple[str, str]:
        return "CW24-0311", "CW24-0312"

    @property
    def bad_board(self) -> str:
        return self.boards[1]

    def board_for(self, n: int) -> str:
        """Lot A holds only the first half of the boards; then the bag of lot B is opened."""
        return self.boards[0] if n <= self.units // 2 else self.boards[1]

    def materials(self, today: date) -> list[Material]:
        later = today + timedelta(days=900)
        first = self.units // 2
        housings = tuple(self.housings)
        made = [Material("HOUSING-IP300", "SUP-ACME", "AP-24117", len(housings), None, housings)]
        made += [
            Material("BOARD-IP300", "SUP-BOARDS", self.boards[0], first),
            Material("BOARD-IP300", "SUP-BOARDS", self.boards[1], 50),
        ]
        for part, lot in (("CATHETER-CK10", "CT-88120"), ("TUBING-CK10", "TB-55031")):
            made.append(Material(part, "SUP-MED", lot, max(500, self.kits), later))
        made.append(Material("TRAY-CK10", "SUP-MED", "TR-20917", max(500, self.kits)))
        return made


@dataclass
class Shift:
    engine: Engine
    crew: Crew
    bench: Bench
    tally: Tally
    plan: Plan

    def scan(self, station: str, text: str) -> str:
        """What the ``station`` scanner's driver delivered for ``text`` (AIM id, GS kept)."""
        return self.scan_event(station, text).symbol_text

    def scan_event(self, station: str, text: str) -> ScanEvent:
        self.tally.scans += 1
        return self.bench.scan(station, text)

    def scan_label(self, station: str, job_key: str) -> ScanEvent:
        """Scan the DataMatrix of the label the printer printed for ``job_key``."""
        self.tally.scans += 1
        return self.bench.scan_label(station, job_key)


def eid() -> uuid.UUID:
    return uuid.uuid4()


def lot_barcode(di: str, lot: str) -> str:
    """A lot traveller's GS1-128: AIM ]C1, (01) GTIN, (10) lot; for an MA DI its QR Code:
    AIM ]Q1, the MA code with the lot (.L)."""
    if di.startswith("MA."):
        return f"]Q1{di}.L{lot}"
    return f"]C101{di}10{lot}"


def unit_barcode(di: str, serial: str) -> str:
    """A unit traveller's MA code in a DataMatrix: AIM ]d1, the MA DI with the serial (.S)."""
    return f"]d1{di}.S{serial}"


# ---------------------------------------------------------------- receiving


def receive_materials(shift: Shift) -> None:
    """Each supplier lot: received at pack-1, inspected and released (signed) at qc-1."""
    qc, pat = shift.crew.qc, shift.crew.packer
    for m in shift.plan.materials(date.today()):
        scanned = shift.scan("pack-1", m.lot)
        receiving.receive_material(
            pat.ctx, m.part, m.supplier, scanned, m.quantity, expiry=m.expiry, event_id=eid(),
            serials=[shift.scan("pack-1", serial) for serial in m.serials],
        )  # fmt: skip
        at_qc = shift.scan("qc-1", m.lot)
        notes = "certificate of conformance checked; packaging and labels intact"
        receiving.inspect_material(qc.ctx, at_qc, True, notes, event_id=eid())
        decision = receiving.release_material(
            qc.ctx, qc.login, at_qc, qc.password, username=qc.username, event_id=eid()
        )
        if decision.signature is None:
            raise DemoFailed(f"lot {m.lot} was released without a signature")
        shift.tally.signer = decision.signature.printed_name
        shift.tally.materials.append(f"{m.part} lot {m.lot} ({m.quantity})")
        shift.tally.pieces += len(m.serials)


# ---------------------------------------------------------------- production


def _serials(first: str, last: str) -> list[str]:
    """Every serial from ``first`` to ``last`` (a prefix and a zero-padded number)."""
    head = first.rstrip("0123456789")
    low, high = first[len(head) :], last[len(head) :]
    return [f"{head}{n:0{len(low)}d}" for n in range(int(low), int(high) + 1)]


def open_work_order(shift: Shift, number: str, di: str, quantity: int) -> str:
    sup = shift.crew.supervisor.ctx
    production.create_work_order(sup, number, di, quantity)
    lot = production.release_work_order(sup, number).lot
    if lot is None:
        raise DemoFailed(f"work order {number} was released without a production lot")
    return lot


def _expect(result: StepResult) -> StepResult:
    if not result.ok:
        raise DemoFailed(f"unexpected failure at {result.step}: {result.message}")
    return result


def consume(shift: Shift, unit_text: str, component_label: str) -> None:
    event = shift.scan_event("line-1", component_label)
    _expect(
        production.consume_component(
            shift.crew.operator.ctx, unit_text, event.symbol_text, event_id=eid(),
            capture=scan_capture(event),
        )
    )  # fmt: skip


def weigh(shift: Shift, traveller: str, grams: str) -> StepResult:
    unit_text = shift.scan("line-1", traveller)
    reading = shift.bench.weigh(grams)
    shift.tally.weighings += 1
    assert reading.value is not None  # Bench.weigh returns stable readings only
    return production.record_weight(
        shift.crew.operator.ctx, unit_text, reading.value, reading.unit, reading.stable,
        event_id=eid(), capture=weight_capture(reading),
    )  # fmt: skip


def check(shift: Shift, traveller: str, note: str) -> None:
    """The check step: scan the unit, then the PASS barcode on the work instruction."""
    unit_text = shift.scan("line-1", traveller)
    verdict = shift.scan_event("line-1", "PASS")
    if verdict.text not in ("PASS", "FAIL"):
        raise DemoFailed(f'the check scan read "{verdict.text}", not PASS or FAIL')
    _expect(
        production.record_check(
            shift.crew.operator.ctx, unit_text, verdict.text == "PASS", note, event_id=eid(),
            capture=scan_capture(verdict),
        )
    )  # fmt: skip


def build_pumps(shift: Shift) -> None:
    plan, tally = shift.plan, shift.tally
    tally.pump_lot = open_work_order(shift, "WO-DEMO-IP300", plan.pump_di, plan.units)
    made = commission_serials(shift.crew.supervisor.ctx, "WO-DEMO-IP300", plan.units)
    tally.serials = _serials(made.first_serial, made.last_serial)
    for n, serial in enumerate(tally.serials, start=1):
        _assemble_pump(shift, n, serial)


def _assemble_pump(shift: Shift, n: int, serial: str) -> None:
    op, plan = shift.crew.operator.ctx, shift.plan
    board = plan.board_for(n)
    traveller = plan.unit_barcode(serial)
    consume(shift, shift.scan("line-1", traveller), plan.housings[n - 1])
    consume(shift, shift.scan("line-1", traveller), board)
    shift.tally.board_of[serial] = board
    _expect(
        production.record_measurement(
            op, shift.scan("line-1", traveller), Decimal(TORQUES[n % len(TORQUES)]),
            unit="N·m", event_id=eid(),
        )
    )  # fmt: skip
    if n == plan.heavy:
        _weigh_with_rework(shift, serial)
    else:
        _expect(weigh(shift, traveller, WEIGHTS[n % len(WEIGHTS)]))
    check(shift, traveller, "alarms, occlusion and rate accuracy tests passed")


def _weigh_with_rework(shift: Shift, serial: str) -> None:
    """Out of tolerance -> NCR -> rework signed by QC -> weighed again -> NCR closed."""
    traveller = shift.plan.unit_barcode(serial)
    first = weigh(shift, traveller, HEAVY)
    if first.ok or first.ncr_number is None:
        raise DemoFailed(f"{HEAVY} g should fail the weigh step of {serial}: {first.message}")
    qc = shift.crew.qc
    status = unit_status(qc.ctx, shift.scan("qc-1", traveller))
    step = next(s for s in status.steps if s.kind is StepKind.WEIGH)
    limits = f"{step.parameters['lower']}–{step.parameters['upper']} {step.parameters['unit']}"
    view = quality.disposition_ncr(
        qc.ctx, qc.login, first.ncr_number, Disposition.REWORK,
        "battery-cover screw found loose and a spare screw inside the housing: remove it, "
        "refit the cover and weigh again", qc.password, step.position, username=qc.username,
    )  # fmt: skip
    signed = view.signature.manifestation() if view.signature else "UNSIGNED"
    story = NcrStory(
        first.ncr_number, status.unit, f"{HEAVY} g", limits,
        f"rework from step {step.position} ({signed})",
    )  # fmt: skip
    shift.tally.ncrs.append(story)
    _expect(weigh(shift, traveller, REWORKED))
    story.reweighed = f"{REWORKED} g"
    note = f"spare screw removed, cover refitted; weighed again {REWORKED} g, within {limits}"
    closed = quality.close_ncr(qc.ctx, first.ncr_number, note)
    story.closed = closed.status is NcrStatus.CLOSED


def build_kits(shift: Shift) -> None:
    plan, tally = shift.plan, shift.tally
    tally.kit_lot = open_work_order(shift, "WO-DEMO-CK10", plan.kit_di, plan.kits)
    tally.kits = plan.kits
    traveller = lot_barcode(plan.kit_di, tally.kit_lot)
    for m in plan.materials(date.today()):
        if m.part.endswith("-CK10"):
            consume(shift, shift.scan("line-1", traveller), m.lot)
    _expect(weigh(shift, traveller, KIT_FILL))
    check(shift, traveller, "pouch seal intact over its whole length")


__all__ = [
    "KIT_GTIN",
    "KIT_MA_DI",
    "PRODUCT_CODES",
    "PUMP_GTIN",
    "PUMP_MA_DI",
    "Crew",
    "Person",
    "Plan",
    "Shift",
    "build_kits",
    "build_pumps",
    "eid",
    "log_in",
    "lot_barcode",
    "receive_materials",
    "unit_barcode",
]
