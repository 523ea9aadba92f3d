"""A plant to call use cases against: the demo plant in a fresh database, and builders of the
records a call names (a lot in quarantine, a pump at step N, a released and labelled unit, a full
case, a shipped unit...). Everything is made through the services, as the stations make it."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine

from desktop.services import (
    distribution,
    identity,
    labelling,
    masterdata,
    packing,
    production,
    receiving,
)
from desktop.services.core.context import Context, LoginSession
from tests.integration.workflows.conftest import FakePrinter
from tests.integration.workflows.qcpack_support import (
    PUMP,
    Built,
    approve_templates,
    build_kits,
    build_pumps,
    release,
)
from tests.support.plant import USERS, Plant

SUPPLIER_GTIN = "09506000117843"  # a supplier's GTIN, given to the part SEAL-IP300 below
EXTRA_PARTS = f"""
[[parts]]
part_number = "SEAL-IP300"
name = "Pump seal"
tracking = "lot"
gtin = "{SUPPLIER_GTIN}"
"""
NEXT_YEAR = date.today() + timedelta(days=365)
ST_MARY = ("CUST-STMARY", "9506000000015")


@dataclass
class World:
    """The demo plant in a fresh database, and builders of the records the calls name."""

    engine: Engine
    printer: FakePrinter
    folder: Path
    plant: Plant = field(init=False)
    _contexts: dict[str, Context] = field(default_factory=dict)
    _logins: dict[str, LoginSession] = field(default_factory=dict)
    _numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _stock: dict[str, list[str]] = field(default_factory=dict)
    _kits_left: int = 0

    def __post_init__(self) -> None:
        self.plant = Plant(self.engine)
        parts = self.folder / "parts"
        parts.mkdir()
        (parts / "parts.toml").write_text(EXTRA_PARTS, encoding="utf-8")
        masterdata.load_folder(self.plant.admin, parts)
        for role in USERS:  # logged in once: a call made later writes only what it does
            self.ctx(role)
            self.signing_login(role)

    def ctx(self, role: str) -> Context:
        if role not in self._contexts:
            self._contexts[role] = self.plant.ctx(role)
        return self._contexts[role]

    def login(self, role: str) -> LoginSession:
        return self.plant.login(role)

    def signing_login(self, role: str) -> LoginSession:
        """The role's log-in session that signs (re-authenticating at each signature)."""
        if role not in self._logins:
            self._logins[role] = self.plant.login(role)
        return self._logins[role]

    def unique(self, prefix: str) -> str:
        return f"{prefix}{next(self._numbers):04d}"

    # ------------------------------------------------------------ people and material

    def user(self) -> str:
        name = self.unique("temp")
        identity.add_user(self.plant.admin, name, "Temp Worker", "operator", "password-1234")
        return name

    def material_lot(self, part: str = "BOARD-IP300", supplier: str = "SUP-BOARDS") -> str:
        """A supplier lot received into quarantine; its lot number names it in a scan."""
        lot = self.unique("SL-")
        receiving.receive_material(self.ctx("packaging"), part, supplier, lot, 50)
        return lot

    def inspected_lot(self) -> str:
        lot = self.material_lot()
        receiving.inspect_material(self.ctx("qc_inspector"), lot, True, "as ordered")
        return lot

    def supplier_scan(self) -> str:
        return f"01{SUPPLIER_GTIN}17{NEXT_YEAR:%y%m%d}10{self.unique('SEAL-')}"

    # ------------------------------------------------------------ production

    def work_order(self, release_it: bool = True, quantity: int = 2) -> str:
        number = self.unique("WO-M")
        sup = self.ctx("supervisor")
        production.create_work_order(sup, number, PUMP, quantity)
        if release_it:
            production.release_work_order(sup, number)
        return number

    def pump(self, steps: int) -> str:
        """A commissioned pump with its first ``steps`` route steps done."""
        number = self.work_order(quantity=1)
        serial = production.commission_serials(self.ctx("supervisor"), number, 1).first_serial
        tag = self.unique("")
        housing, board = f"H-{tag}", f"B-{tag}"
        self.plant.receive_serials("HOUSING-IP300", [housing])
        self.plant.receive("BOARD-IP300", board, 5, supplier="SUP-BOARDS")
        op = self.ctx("operator")
        done: list[Callable[[], object]] = [
            lambda: production.consume_component(op, serial, housing, event_id=uuid.uuid4()),
            lambda: production.consume_component(op, serial, board, event_id=uuid.uuid4()),
            lambda: production.record_measurement(
                op, serial, Decimal("1.00"), event_id=uuid.uuid4()
            ),
            lambda: production.record_weight(
                op, serial, Decimal("2400"), "g", True, event_id=uuid.uuid4()
            ),
            lambda: production.record_check(op, serial, True, event_id=uuid.uuid4()),
        ]
        for step in done[:steps]:
            step()
        return serial

    def housing(self) -> str:
        housing = self.unique("H-")
        self.plant.receive_serials("HOUSING-IP300", [housing])
        return housing

    def built_lot(self) -> Built:
        return build_pumps(self.plant, 1)

    # ------------------------------------------------------------ labels, packing, shipping

    def templates(self) -> None:
        if "templates" not in self._stock:
            approve_templates(self.plant)
            self._stock["templates"] = []

    def template_file(self) -> Path:
        """A revised udi-2x1 template (its description changed): the next draft version."""
        self.templates()
        text = resources.files("desktop.labels").joinpath("templates", "udi-2x1.json").read_text()
        revised = text.replace('"description": "', f'"description": "rev {self.unique("")}: ', 1)
        assert revised != text
        path = self.folder / f"{self.unique('udi-2x1-')}.json"
        path.write_text(revised, encoding="utf-8")
        return path

    def released_pumps(self) -> list[str]:
        """Serials of released pumps whose label is not printed yet."""
        if not self._stock.get("released"):
            self.templates()
            built = build_pumps(self.plant, 6)
            release(self.plant, built.scan)
            self._stock["released"] = list(built.serials)
        return self._stock["released"]

    def released_pump(self) -> str:
        return self.released_pumps().pop()

    def printed_job(self) -> labelling.PrintJobView:
        serial = self.released_pump()
        pack = self.ctx("packaging")
        return labelling.print_labels(pack, self.printer, serial, key=self.unique("job-"))

    def labelled_pump(self) -> str:
        serial = self.released_pump()
        pack = self.ctx("packaging")
        job = labelling.print_labels(pack, self.printer, serial, key=self.unique("job-"))
        result = labelling.verify_label(pack, job.key, job.element_string, event_id=uuid.uuid4())
        assert result.ok
        return serial

    def shipped_pump(self) -> str:
        serial = self.labelled_pump()
        distribution.ship(self.ctx("packaging"), *ST_MARY, [serial])
        return serial

    def released_kit_lot(self) -> str:
        """The scan of a released, labelled lot of 100 kits."""
        self.templates()
        built = build_kits(self.plant, 100)
        release(self.plant, built.scan)
        pack = self.ctx("packaging")
        job = labelling.print_labels(pack, self.printer, built.scan, key=self.unique("kit-"))
        labelling.verify_label(pack, job.key, job.element_string, event_id=uuid.uuid4())
        return built.scan

    def kit_lot(self, quantity: int = 10) -> str:
        """A released, labelled kit lot with ``quantity`` kits set aside for the caller."""
        left = self._kits_left
        if not self._stock.get("kits") or left < quantity:
            self._stock["kits"] = [self.released_kit_lot()]
            left = 100
        self._kits_left = left - quantity
        return self._stock["kits"][0]

    def case(self) -> str:
        return packing.create_case(self.ctx("packaging")).sscc

    def full_case(self) -> str:
        """A closed case of ten kits."""
        pack = self.ctx("packaging")
        case = self.case()
        packing.pack_lot_quantity(pack, case, self.kit_lot(), 10)
        packing.close_case(pack, case)
        return case


def signer(w: World, role: str) -> tuple[LoginSession, str]:
    """The role's signing log-in, and its user name (a first signature needs it)."""
    return w.signing_login(role), USERS[role][0]
