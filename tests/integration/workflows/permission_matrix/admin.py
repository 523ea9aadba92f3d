"""Permission-matrix scenarios for administration and identity, one per use case.

Users, qualifications, signing a record, master data, stations and devices. Each scenario makes
the records its call names, then returns the call.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Route
from desktop.domain.permissions import Meaning
from desktop.services import identity, masterdata
from desktop.services.core.context import Context
from tests.integration.workflows.permission_matrix.registry import Call, read, scenario
from tests.integration.workflows.world import World, signer
from tests.support.plant import PASSWORD

# ---------------------------------------------------------------- identity


@scenario("identity.add_user")
def _add_user(w: World) -> Call:
    return lambda ctx, role: identity.add_user(
        ctx, w.unique("new"), "New Person", "operator", "password-1234"
    )


@scenario("identity.bootstrap_admin")
def _bootstrap_admin(w: World) -> Call:
    return lambda ctx, role: identity.bootstrap_admin(ctx, "root", "Root", "password-1234")


@scenario("identity.disable_user")
def _disable_user(w: World) -> Call:
    name = w.user()
    return lambda ctx, role: identity.disable_user(ctx, name, "left the company")


@scenario("identity.unlock_user")
def _unlock_user(w: World) -> Call:
    name = w.user()
    return lambda ctx, role: identity.unlock_user(ctx, name, "locked out at the shift start")


@scenario("identity.grant_qualification")
def _grant(w: World) -> Call:
    name = w.user()
    return lambda ctx, role: identity.grant_qualification(
        ctx, name, "Crimping", date.today() + timedelta(days=365)
    )


@scenario("identity.revoke_qualification")
def _revoke(w: World) -> Call:
    name = w.user()
    identity.grant_qualification(w.plant.admin, name, "Crimping", None)
    return lambda ctx, role: identity.revoke_qualification(
        ctx, name, "Crimping", "trained on the new tool instead"
    )


@scenario("identity.sign_record")
def _sign_record(w: World) -> Call:
    with Session(w.engine) as s:
        route_id = s.scalars(select(Route.id).order_by(Route.id)).first()
    assert route_id is not None

    def call(ctx: Context, role: str) -> object:
        login, username = signer(w, role)
        return identity.sign_record(
            ctx, login, "routes", route_id, Meaning.REVIEWED, PASSWORD, username=username
        )

    return call


read("identity.list_users", identity.list_users)
read("identity.list_qualifications", identity.list_qualifications)

# ---------------------------------------------------------------- master data


@scenario("masterdata.load_folder")
def _load_folder(w: World) -> Call:
    return lambda ctx, role: masterdata.load_folder(ctx, masterdata.DEMO_FOLDER)


@scenario("masterdata.register_device")
def _register_device(w: World) -> Call:
    return lambda ctx, role: masterdata.register_device(
        ctx, "line-1", "scanner", w.unique("line-1 spare scanner "), "sim"
    )


@scenario("masterdata.calibrate_device")
def _calibrate(w: World) -> Call:
    today = date.today()
    return lambda ctx, role: masterdata.calibrate_device(
        ctx,
        "line-1",
        "line-1 scale",
        due_on=today + timedelta(days=180),
        certificate=w.unique("CAL-"),
        calibrated_on=today,
    )


read("masterdata.list_stations", masterdata.list_stations)
read("masterdata.device_calibrations", masterdata.device_calibrations, date.today())
