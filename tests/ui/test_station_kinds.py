"""Station kinds: the station file names one, the registered screens are offered by role, and a
log-in shows only the screens the role may use, the station's own kind first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from desktop.config import STATION_KINDS, ConfigError, load_config
from desktop.services.core.context import Actor, Context
from desktop.services.masterdata import ensure_demo_plant
from desktop.views import kinds
from desktop.views.device_signals import DeviceSignals
from desktop.views.kit import StationKit
from desktop.views.shell import MainWindow
from desktop.views.station import application, screen_factories
from tests.support.plant import PASSWORD


def test_every_registered_screen_is_a_station_kind_of_the_station_file() -> None:
    assert set(kinds.registered()) <= set(STATION_KINDS)
    assert {"planning", "receiving", "shipping", "service"} <= set(STATION_KINDS)


def test_a_station_file_names_a_kind_and_an_unknown_kind_is_refused_with_the_choices(
    tmp_path: Path,
) -> None:
    station = tmp_path / "station.toml"
    station.write_text('kind = "planning"\n', encoding="utf-8")
    assert load_config(station, environ={}).kind == "planning"
    station.write_text('kind = "warehouse"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_config(station, environ={})
    assert f'{station}: station kind "warehouse" is not one of' in str(refused.value)
    assert "planning" in str(refused.value)


CORE = ("operator", "qc", "packaging", "trace", "admin")


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("operator", ["operator", "trace"]),
        ("qc_inspector", ["qc", "trace"]),
        ("packaging", ["packaging", "trace"]),
        ("supervisor", ["operator", "qc", "packaging", "trace"]),
        ("admin", ["trace", "admin"]),
        ("nobody", []),
        (None, []),
    ],
)
def test_a_role_sees_the_screens_whose_permission_it_holds(role: Any, expected: list[str]) -> None:
    assert [k for k in kinds.visible_to(role) if k in CORE] == expected


def test_a_kind_with_no_registered_screen_is_not_offered() -> None:
    table = tuple(e for e in kinds.SCREENS if e.kind != "qc")
    assert "qc" not in kinds.factories(table)
    assert "qc" not in kinds.visible_to("qc_inspector", table)


def _window(engine: Engine, kind: str) -> MainWindow:
    base = Context(engine, Actor(None, "(not logged in)", "", None, "line-1"))
    ensure_demo_plant(base)
    application("en")
    kit = StationKit(DeviceSignals({}), take_scan=lambda scan: None)  # a station without devices
    return MainWindow(
        base,
        kit,
        station="line-1",
        station_kind=kind,
        simulated=False,
        idle_minutes=5,
        screens=screen_factories(),
    )


@pytest.mark.parametrize(
    ("kind", "user", "password", "first", "hidden"),
    [
        ("trace", "olga", PASSWORD, "trace", {"qc", "admin", "packaging"}),
        ("operator", "quinn", PASSWORD, "qc", {"operator", "admin"}),
        ("admin", "sam", PASSWORD, "operator", {"admin"}),
    ],
)
def test_the_hub_shows_only_what_the_logged_in_role_may_do(
    engine: Engine, qtbot: Any, kind: str, user: str, password: str, first: str, hidden: set[str]
) -> None:
    window = _window(engine, kind)
    qtbot.addWidget(window)
    try:
        window._password_login(user, password, "")
        qtbot.waitUntil(lambda: window.session is not None, timeout=30_000)
        shown = window._nav_keys
        assert shown[0] == first
        assert not hidden & set(shown)
        tabs = [window.nav.tabText(i) for i in range(window.nav.count())]
        assert tabs == [window.screens[k].title() for k in shown]
    finally:
        window.runner.wait(15_000)
