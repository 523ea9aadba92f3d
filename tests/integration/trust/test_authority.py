"""Authority from the database: an edited actor object gains nothing; a disabled, locked or
re-roled user is refused at the next action, without logging out."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from db.models import User
from db.types import utcnow
from desktop.services import identity
from desktop.services.core.errors import PermissionDenied
from desktop.services.quality import lot_review, release_lot
from tests.integration.workflows.qcpack_support import build_pumps, status
from tests.support.plant import PASSWORD
from tests.support.refusals import counts, refused


def test_an_operator_actor_edited_to_qc_is_refused_the_release(plant) -> None:
    built = build_pumps(plant, 1)
    olga = plant.login("operator")
    forged = replace(olga.actor, role="qc_inspector", full_name="Quinn Inspector")
    olga.actor = forged
    ctx = plant.ctx("operator").as_actor(forged)
    before = counts(plant.engine)
    refused(
        plant.engine, release_lot, ctx, olga, built.lot, PASSWORD, "olga",
        match=r"olga \(line operator\) may not release lots for distribution",
    )  # fmt: skip
    assert counts(plant.engine) == before
    assert status(plant.engine, serial=built.serials[0]) == "in_process"


def test_a_user_disabled_after_log_in_is_refused_at_the_next_action(plant) -> None:
    built = build_pumps(plant, 1)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    assert lot_review(qc, built.lot).releasable
    identity.disable_user(plant.admin, "quinn", "left the company")
    with pytest.raises(PermissionDenied, match="the account quinn is disabled"):
        lot_review(qc, built.lot)
    refused(
        plant.engine, release_lot, qc, login, built.lot, PASSWORD, "quinn",
        match="the account quinn is disabled: ask an administrator",
    )  # fmt: skip


def test_a_locked_user_and_a_changed_role_take_effect_at_once(plant) -> None:
    built = build_pumps(plant, 1)
    qc, login = plant.ctx("qc_inspector"), plant.login("qc_inspector")
    with Session(plant.engine) as s, s.begin():  # test setup: the role changed by hand
        s.execute(update(User).where(User.username == "quinn").values(role="operator"))
    refused(
        plant.engine, release_lot, qc, login, built.lot, PASSWORD, "quinn",
        match=r"quinn \(line operator\) may not release lots for distribution",
    )  # fmt: skip
    with Session(plant.engine) as s, s.begin():
        quinn = update(User).where(User.username == "quinn")
        s.execute(quinn.values(role="qc_inspector", locked_at=utcnow()))
    refused(
        plant.engine, release_lot, qc, login, built.lot, PASSWORD, "quinn",
        match="the account quinn is locked since",
    )  # fmt: skip
    with Session(plant.engine) as s, s.begin():
        s.execute(update(User).where(User.username == "quinn").values(locked_at=None))
    assert release_lot(qc, login, built.lot, PASSWORD, "quinn").signature.valid


def test_an_actor_naming_another_users_id_is_refused(plant) -> None:
    qc = plant.ctx("qc_inspector")
    sam = plant.login("supervisor").actor
    forged = replace(qc.actor, user_id=sam.user_id)  # quinn's name, sam's id
    with pytest.raises(PermissionDenied, match="quinn is not a user of this database"):
        lot_review(qc.as_actor(forged), "LOT-NONE")
