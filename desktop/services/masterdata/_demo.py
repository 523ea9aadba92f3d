"""A newcomer's first start: an empty embedded database gets the demo plant, so that there is
someone to log in as and something to build. Only ever on an empty database."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import User
from desktop.domain.plant import DIScheme
from desktop.services import identity
from desktop.services.core.context import Actor, Context, Settings
from desktop.services.masterdata._load import DEMO_FOLDER, load_folder

DEMO_ADMIN = ("ada", "Ada Admin", "demo-admin-password")


@dataclass(frozen=True)
class DemoPlant:
    admin: Context
    seeded: bool


MA_PRODUCTS = "products-ma.toml"  # the demo devices with MA DIs instead of GTINs
#: Each demo device's GTIN and its MA DI in products-ma.toml (files that name a product by its
#: DI, nmpa.toml, name it by its MA DI in the MA demo).
MA_DIS = {
    "09506000134352": "MA.156.M0.999999.1IP3005",
    "09506000134369": "MA.156.M0.999999.1CK0100",
}
NAMED_BY_DI = ("nmpa.toml",)


def ensure_demo_plant(base: Context, scheme: DIScheme = DIScheme.GS1) -> DemoPlant | None:
    """Bootstrap the demo administrator and load the demo master data into an empty database.

    ``scheme`` MA loads the demo devices with MA DIs (products-ma.toml) instead of GTINs.
    Returns None when the database already has users (nothing is touched then)."""
    with Session(base.engine) as session:
        if session.scalar(select(func.count(User.id))):
            return None
    settings = Settings(
        lockout_threshold=base.settings.lockout_threshold, totp_roles=frozenset()
    )  # the demo administrator has no authenticator app
    boot = Context(base.engine, Actor.system("demo-setup"), settings)
    name, full_name, password = DEMO_ADMIN
    identity.bootstrap_admin(boot, name, full_name, password)
    admin = Context(base.engine, identity.login(boot, name, password).actor, settings)
    if scheme == DIScheme.MA:
        with tempfile.TemporaryDirectory(prefix="lotline-demo-ma-") as folder:
            _ma_folder(Path(folder))
            load_folder(admin, folder)
    else:
        load_folder(admin, DEMO_FOLDER)
    return DemoPlant(admin, True)


def _ma_folder(folder: Path) -> None:
    """The demo master data with products-ma.toml as its products file."""
    for source in DEMO_FOLDER.glob("*.toml"):
        if source.name in NAMED_BY_DI:
            text = source.read_text("utf-8")
            for gtin, ma_di in MA_DIS.items():
                text = text.replace(f'product = "{gtin}"', f'product = "{ma_di}"')
            (folder / source.name).write_text(text, "utf-8")
        elif source.name != MA_PRODUCTS:
            shutil.copyfile(source, folder / source.name)
    shutil.copyfile(DEMO_FOLDER / MA_PRODUCTS, folder / "products.toml")


DEMO_HINT = (
    "Demo plant: badge B-1001 with PIN 1234 (operator Olga); users quinn (QC), pat (packaging), "
    "sam (supervisor) with password demo-password; ada (admin) with demo-admin-password."
)
