"""The admin station: add a user from the form (role chosen by its code, shown in words),
refused input named, and the user list refreshed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import User
from desktop.views.admin import AdminScreen
from tests.support.plant import Plant
from tests.ui.conftest import OpenScreen, settle


def test_add_a_user_and_see_a_refusal(plant: Plant, open_screen: OpenScreen, qtbot: Any) -> None:
    screen = open_screen(AdminScreen, plant, "admin")
    settle(qtbot, screen)
    assert screen.users.rowCount() == 5
    screen.new_user.setText("ivy")
    screen.full_name.setText("Ivy Inspector")
    screen.role.setCurrentIndex(screen.role.findData("qc_inspector"))
    screen.password.setText("a-long-password")
    screen.badge.setText("B-5001")
    screen.pin.setText("5555")
    screen._add_user()
    settle(qtbot, screen)
    assert not screen.result.refused, screen.result.detail.text()
    assert screen.users.rowCount() == 6
    with Session(plant.engine) as s:
        ivy = s.scalars(select(User).where(User.username == "ivy")).one()
    assert ivy.role == "qc_inspector" and ivy.badge_id == "B-5001"
    screen._add_user()  # the same name again
    settle(qtbot, screen)
    assert screen.result.refused
    assert 'user name "ivy" is taken' in screen.result.detail.text()
