"""The signature dialog asks the authenticator code of a signer who logged in with one, and
hands it to the signature (once); a signer without one sees no code field."""

from __future__ import annotations

from typing import Any

from desktop.domain.permissions import Meaning
from desktop.services.core.context import Actor, LoginSession
from desktop.views.signature import SignatureDialog
from desktop.views.tasks import Runner


def _dialog(login: LoginSession, calls: list[tuple[Any, ...]]) -> SignatureDialog:
    def sign(user: str | None, password: str, reason: str) -> None:
        calls.append((user, password, login.second_factor))

    return SignatureDialog(
        Runner(),
        what="lot L1",
        meaning=Meaning.RELEASED_FOR_DISTRIBUTION.value,
        ask_username=False,
        sign=sign,
        manifestation=lambda _result: None,
        login=login,
    )


def test_a_totp_signer_gives_the_code_with_the_password(qtbot: Any, styled: Any) -> None:
    actor = Actor(7, "nina", "Nina", "qc_inspector", "qc-1")
    login = LoginSession(actor, totp_step=59_000_000)
    calls: list[tuple[Any, ...]] = []
    dialog = _dialog(login, calls)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.asks_code and dialog.code.isVisible()
    dialog.password.setText("brave-heron-step-27")
    dialog.sign_button.click()
    assert calls == []  # the code is still missing: nothing signed
    dialog.code.setText("123456")
    dialog.sign_button.click()
    dialog.runner.wait(10_000)
    assert calls == [(None, "brave-heron-step-27", "123456")]


def test_a_signer_without_totp_sees_no_code_field(qtbot: Any, styled: Any) -> None:
    login = LoginSession(Actor(8, "quinn", "Quinn", "qc_inspector", "qc-1"))
    dialog = _dialog(login, [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.asks_code and not dialog.code.isVisible()
