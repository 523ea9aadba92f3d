"""The demo plant in a fresh test database: master data loaded through the service, one
logged-in context per role, and helpers to put material on the shelf.

Test setup only: ``receive`` inserts material rows directly (the receiving service has its own
tests); everything a test exercises goes through the services.
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.models import Item, Part, Station, Supplier
from desktop.services import identity
from desktop.services.core.context import Actor, Context, LoginSession, Settings
from desktop.services.masterdata import DEMO_FOLDER, load_folder

PASSWORD = "demo-password"
ADMIN_PASSWORD = "admin-password-1"
SETTINGS = Settings(lockout_threshold=5, totp_roles=frozenset())
USERS = {
    "operator": ("olga", "line-1"),
    "qc_inspector": ("quinn", "qc-1"),
    "packaging": ("pat", "pack-1"),
    "supervisor": ("sam", "line-1"),
    "admin": ("ada", "admin-1"),
}
_serials = itertools.count(1)


class Plant:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        boot = Context(engine, Actor.system("bootstrap"), SETTINGS)
        identity.bootstrap_admin(boot, "ada", "Ada Admin", ADMIN_PASSWORD)
        self.admin = self.ctx("admin")
        self.report = load_folder(self.admin, DEMO_FOLDER)
        self._logins: dict[str, LoginSession] = {}

    def station_id(self, name: str) -> int | None:
        with Session(self.engine) as s:
            return s.scalar(select(Station.id).where(Station.name == name))

    def login(self, role: str) -> LoginSession:
        """A fresh log-in of the demo user for ``role`` at that role's station."""
        username, station = USERS[role]
        password = ADMIN_PASSWORD if role == "admin" else PASSWORD
        # as the station program does: the station by its name; log-in finds its id
        actor = Actor(None, username, "", None, station)
        return identity.login(Context(self.engine, actor, SETTINGS), username, password)

    def ctx(self, role: str) -> Context:
        return Context(self.engine, self.login(role).actor, SETTINGS)

    def receive(
        self,
        part_number: str,
        supplier_lot: str,
        quantity: int | Decimal = 100,
        *,
        expiry: date | None = None,
        released: bool = True,
        supplier: str = "SUP-ACME",
    ) -> int:
        """A material lot on the shelf (released unless told otherwise); returns its item id."""
        with Session(self.engine) as s, s.begin():
            part = s.scalars(select(Part).where(Part.part_number == part_number)).one()
            sup = s.scalars(select(Supplier).where(Supplier.code == supplier)).one()
            item = Item(
                kind="material_lot",
                part_id=part.id,
                supplier_id=sup.id,
                gtin=part.gtin,
                lot=supplier_lot,
                supplier_lot=supplier_lot,
                expiry=expiry,
                status="released" if released else "quarantine",
                quantity=Decimal(quantity),
                quantity_available=Decimal(quantity),
            )
            s.add(item)
            s.flush()
            return item.id

    def receive_serials(self, part_number: str, serials: list[str]) -> list[int]:
        """Serialised components (e.g. pump housings) on the shelf, released."""
        ids = []
        with Session(self.engine) as s, s.begin():
            part = s.scalars(select(Part).where(Part.part_number == part_number)).one()
            for serial in serials:
                item = Item(
                    kind="unit",
                    part_id=part.id,
                    gtin=part.gtin,
                    serial=serial,
                    status="released",
                    quantity=Decimal(1),
                    quantity_available=Decimal(1),
                )
                s.add(item)
                s.flush()
                ids.append(item.id)
        return ids
