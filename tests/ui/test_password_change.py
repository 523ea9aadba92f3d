"""The log-in step of production: a person whose password an administrator gave chooses their
own in the dialog before anything else (two different new passwords, a weak one refused)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Engine

from desktop.services import identity
from desktop.services.core.context import Context
from desktop.views.password_change import PasswordChangeDialog
from desktop.views.tasks import Runner
from tests.support.foundation import SETTINGS, admin_ctx, station_ctx

PRODUCTION = replace(SETTINGS, production=True)


def test_the_given_password_is_replaced_in_the_log_in_step(
    engine: Engine, qtbot: Any, styled: Any
) -> None:
    admin = Context(engine, admin_ctx(engine).actor, PRODUCTION)
    identity.add_user(admin, "nina", "Nina", "operator", "given-pass-2026-x")
    base = replace(station_ctx(engine), settings=PRODUCTION)
    login = identity.login(base, "nina", "given-pass-2026-x")
    assert login.must_change_password
    runner = Runner()
    dialog = PasswordChangeDialog(runner, base, login)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.old.setText("given-pass-2026-x")
    dialog.new.setText("brave-heron-step-27")
    dialog.again.setText("brave-heron-step-28")
    dialog.ok.click()
    assert dialog.notice.detail.text() == "the two new passwords differ"
    dialog.again.setText("brave-heron-step-27")
    dialog.new.setText("password")
    dialog.again.setText("password")
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.ok.isEnabled(), timeout=15_000)
    assert "too short: use 12+ characters" in dialog.notice.detail.text()
    dialog.new.setText("brave-heron-step-27")
    dialog.again.setText("brave-heron-step-27")
    with qtbot.waitSignal(dialog.changed, timeout=15_000):
        dialog.ok.click()
    runner.wait(15_000)
    assert not login.must_change_password
    assert identity.login(base, "nina", "brave-heron-step-27").actor.username == "nina"
