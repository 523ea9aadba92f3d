"""The first-run wizard walked offscreen as plant IT does, to a working station: the embedded
database and a shared PostgreSQL one, the devices listed and tested, the first administrator
with an authenticator enrolled; then the station starts from the file it wrote, shows the log-in
screen, and the administrator logs in with password and code. Its refusals: a malformed URL, a
host that does not answer (a closed loopback port), a weak password, a wrong code."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import pyotp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.app import build_station, open_backend
from desktop.config import load_config
from desktop.views.first_run import FirstRunWizard
from desktop.views.station import application

STRONG = "Harbour-lantern-47"


@pytest.fixture(autouse=True)
def _own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for name in ("LOTLINE_CONFIG", "LOTLINE_DATABASE_URL", "LOTLINE_PRODUCTION"):
        monkeypatch.delenv(name, raising=False)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _next(qtbot: Any, wizard: FirstRunWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), wizard.currentPage().title()
    _click(qtbot, button)


def _wizard(qtbot: Any, station_file: Path) -> FirstRunWizard:
    application("en")
    wizard = FirstRunWizard(station_file)
    qtbot.addWidget(wizard)
    wizard.resize(1280, 800)
    wizard.show()
    return wizard


@pytest.mark.parametrize("backend", ["embedded", "postgresql"])
def test_the_wizard_sets_up_a_station_that_starts_at_log_in(
    backend: str, tmp_path: Path, qtbot: Any, request: pytest.FixtureRequest
) -> None:
    station_file = tmp_path / "config" / "Lotline" / "station.toml"
    wizard = _wizard(qtbot, station_file)
    page = wizard.station
    page.name.setText("")
    qtbot.keyClicks(page.name, "pack-3")
    page.kind.setCurrentIndex(page.kind.findData("packaging"))
    _next(qtbot, wizard)

    db = wizard.database
    if backend == "postgresql":
        url = request.getfixturevalue("postgres_url")
        db.shared.click()  # a wide radio button: its text, not its middle, takes the click
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        qtbot.keyClicks(db.url, url)
    _click(qtbot, db.test)
    qtbot.waitUntil(lambda: db.tested is not None, timeout=20_000)
    assert db.tested is not None and db.tested.usable, db.tested
    assert "Connection works" in db.result.title.text()
    _next(qtbot, wizard)

    dev = wizard.devices
    _click(qtbot, dev.list_button)
    qtbot.waitUntil(lambda: wizard.runner.pending == 0, timeout=10_000)
    _click(qtbot, dev.findChild(type(dev.list_button), "test-scale"))
    assert dev.result.title.text().endswith("Simulated")
    dev.urls["printer"].setCurrentText(f"socket://127.0.0.1:{_closed_port()}")
    _click(qtbot, dev.findChild(type(dev.list_button), "test-printer"))
    qtbot.waitUntil(lambda: dev.result.title.text().endswith("No answer"), timeout=10_000)
    dev.urls["printer"].setCurrentText("sim")
    _next(qtbot, wizard)

    admin = wizard.admin
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    admin.username.setText("")
    qtbot.keyClicks(admin.username, "irene")
    qtbot.keyClicks(admin.full_name, "Irene Admin")
    qtbot.keyClicks(admin.password, "short")
    qtbot.keyClicks(admin.again, "short")
    _click(qtbot, admin.make)
    assert "too short" in admin.result.detail.text()  # the weak password: nobody created
    for field in (admin.password, admin.again):
        field.clear()
        qtbot.keyClicks(field, STRONG)
    _click(qtbot, admin.make)
    secret = admin.secret.text()
    assert len(secret) == 32 and admin.made is not None
    totp = pyotp.TOTP(secret)
    qtbot.keyClicks(admin.code, "000000" if totp.now() != "000000" else "111111")
    _click(qtbot, admin.confirm)
    assert admin.result.title.text().endswith("Code not accepted")
    admin.code.clear()
    qtbot.keyClicks(admin.code, totp.at(time.time() - 30))  # the step before: login uses now
    _click(qtbot, admin.confirm)
    assert admin.result.title.text().endswith("Authenticator enrolled"), admin.result.detail.text()
    assert not station_file.exists()  # written last, by Finish
    _click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.written is not None and station_file.is_file()

    cfg = load_config(station_file, environ={})
    assert (cfg.station, cfg.kind) == ("pack-3", "packaging")
    if backend == "postgresql":
        assert cfg.database_url == url
    base = open_backend(cfg)  # what the next start does: straight to log-in
    station = build_station(cfg, base)
    window = station.window
    qtbot.addWidget(window)
    station.devices.start()
    try:
        window.resize(1280, 800)
        window.show()
        assert window.stack.currentWidget() is window.login_screen
        login = window.login_screen
        errors: list[str] = []
        window.runner.error.connect(errors.append)
        login.username.setText("irene")  # typed at once: a key burst reads as a wedge scan
        login.password.setText(STRONG)
        login.totp.setText(totp.now())
        _click(qtbot, login.password_button)
        qtbot.waitUntil(
            lambda: window.session is not None or login.result.refused or bool(errors),
            timeout=20_000,
        )
        assert not errors
        assert window.session is not None, login.result.detail.text()
    finally:
        window.runner.wait(15_000)
        station.devices.stop()
        base.engine.dispose()


@pytest.mark.parametrize(
    ("typed", "headline"),
    [
        ("mysql://root@db/lotline", "The URL is wrong"),
        ("postgresql://lotline@127.0.0.1:{closed}/lotline", "Host unreachable"),
        ("postgresql://postgres@127.0.0.1:5432/lotline_no_such_db", "Database missing"),
    ],
    ids=["bad-url", "unreachable", "database-missing"],
)
def test_test_connection_says_what_is_wrong_and_keeps_the_page(
    typed: str, headline: str, tmp_path: Path, qtbot: Any
) -> None:
    wizard = _wizard(qtbot, tmp_path / "station.toml")
    _next(qtbot, wizard)
    db = wizard.database
    db.shared.click()
    qtbot.keyClicks(db.url, typed.replace("{closed}", str(_closed_port())))
    _click(qtbot, db.test)
    qtbot.waitUntil(lambda: db.tested is not None, timeout=20_000)
    assert db.result.title.text().endswith(headline)
    assert db.result.detail.text() and "Traceback" not in db.result.detail.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not (tmp_path / "station.toml").exists()
