"""The station reports its devices' health to the dashboard: the station program built by the
composition root on SQLite and PostgreSQL, its scale the simulator of the ``scale-unsteady``
profile (its cable pulled and plugged back, overloaded, its weight moving for longer than the
scale's stable timeout, a burst of line noise) read by the real MT-SICS driver. The report goes
when the timer fires, at log-out and when the station closes, as the person logged in; a report
the database does not take is kept and added to the next; the dashboard's device panel shows
what was reported."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.models import DeviceHealthReport
from db.resilience import DatabaseUnavailable
from desktop.app import Station as StationProgram
from desktop.app import build_station
from desktop.config import DashboardConfig, DeviceConfig, StationConfig
from desktop.devices import HealthTally
from desktop.domain.insight import Panel
from desktop.services import identity, insight
from desktop.services.core.context import Actor, Context
from desktop.services.masterdata import ensure_demo_plant
from desktop.views.selftest import Walk
from desktop.views.station import application
from tests.ui.conftest import show_station, station_and_device_ids

SCALE = "line-1 scale"


def _station(engine: Engine, qtbot: Any, scale: DeviceConfig) -> tuple[StationProgram, Walk]:
    """The line-1 station program: simulated scanner and printer, the given scale."""
    base = Context(engine, Actor(None, "(not logged in)", "", None, "line-1"))
    ensure_demo_plant(base)
    application("en")
    devices = {
        "scanner": DeviceConfig("scanner"),
        "scale": scale,
        "printer": DeviceConfig("printer"),
    }
    cfg = StationConfig(devices=devices, dashboard=DashboardConfig(device_report_minutes=15))
    station = build_station(cfg, base)
    walk = show_station(qtbot, station, exposed=False)
    return station, walk


def _reports(engine: Engine, device: str) -> list[DeviceHealthReport]:
    with Session(engine) as s:
        return list(
            s.scalars(
                select(DeviceHealthReport)
                .where(DeviceHealthReport.device == device)
                .order_by(DeviceHealthReport.id)
            )
        )


def _supervisor(engine: Engine) -> Context:
    at_station = Context(engine, Actor(None, "sam", "", None, "line-1"))
    return at_station.as_actor(identity.login(at_station, "sam", "demo-password").actor)


def _tally(station: StationProgram) -> HealthTally:
    return station.devices.tallies[SCALE]


def test_refusals_and_a_reconnect_of_the_scale_reach_the_dashboard(
    engine: Engine, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    unsteady = DeviceConfig("scale", "sim", {"stable_timeout": 1.0}, "scale-unsteady")
    station, walk = _station(engine, qtbot, unsteady)
    window, reporter = station.window, station.window.device_report
    assert reporter.timer.isActive() and reporter.timer.interval() == 15 * 60_000
    scale = station.devices.scale
    assert scale is not None
    errors: list[str] = []
    window.runner.error.connect(errors.append)
    closed = False
    try:
        walk.login_password("olga", "demo-password")
        walk.wait("the scale's cable plugged back", lambda: scale.health.reconnects >= 1, 30)
        # overloaded once, moving too long once, a garbled frame: three refused readings
        walk.wait("three refusals", lambda: _tally(station).peek(_now()).refused >= 3, 30)

        # the first report finds the database away: kept, and nobody is shown an error
        real = insight.report_device_health
        calls: list[str] = []

        def away(ctx: Context, device: str, *args: Any, **kwargs: Any) -> None:
            calls.append(device)
            raise DatabaseUnavailable("db.plant.local:5432", "connection refused", since=_now())

        monkeypatch.setattr(insight, "report_device_health", away)
        reporter.timer.timeout.emit()  # what the timer does every 15 minutes
        walk.settle()
        assert calls == [SCALE]  # only the devices with something to say; the rest not tried
        assert _reports(engine, SCALE) == []
        held = reporter.held[SCALE]
        assert held.refused >= 3 and held.reconnects >= 1
        assert errors == [] and "⚠" not in window.message.text()

        # the database is back: the next report holds the first period's counts too
        monkeypatch.setattr(insight, "report_device_health", real)
        reporter.timer.timeout.emit()
        walk.settle()
        (first,) = _reports(engine, SCALE)
        assert reporter.held == {}
        assert _utc(first.period_start) == held.since
        assert first.refused >= held.refused and first.reconnects >= held.reconnects
        assert first.readings >= held.readings > 0
        ids = station_and_device_ids(engine, "line-1", SCALE)
        assert (first.station_id, first.device_id) == ids
        assert _reports(engine, "line-1 scanner") == []  # nothing read, nothing reported

        # the station closes with the person logged in: the rest is reported as them
        station.close()
        closed = True
    finally:
        if not closed:
            window.runner.wait(15_000)
            station.devices.stop()
    reports = _reports(engine, SCALE)
    assert len(reports) == 2
    assert sum(r.reconnects for r in reports) == scale.health.reconnects >= 1
    assert sum(r.readings for r in reports) >= scale.health.events
    refused = sum(r.refused for r in reports)
    assert refused >= 3
    assert errors == []

    view = insight.dashboard_panel(_supervisor(engine), Panel.DEVICES)
    (figure,) = [f for f in view.figures if f.label == SCALE]
    assert figure.value == refused + scale.health.reconnects
    assert figure.alert
    readings = sum(r.readings for r in reports)
    assert f"{refused} of {readings} readings refused" in str(figure.note)
    assert f"{scale.health.reconnects} reconnects" in str(figure.note)


def test_reported_at_log_out_only_for_someone_logged_in(engine: Engine, qtbot: Any) -> None:
    station, walk = _station(engine, qtbot, DeviceConfig("scale"))
    window, reporter = station.window, station.window.device_report
    try:
        walk.wait("scale readings", lambda: _tally(station).peek(_now()).readings > 0)
        assert not reporter.report()  # nobody logged in: the counts wait in the tallies
        walk.settle()
        assert _reports(engine, SCALE) == []
        started = _tally(station).peek(_now()).since

        walk.login_password("olga", "demo-password")
        window.logout("Logged out.")
        walk.settle()
        (report,) = _reports(engine, SCALE)
        assert _utc(report.period_start) == started
        assert report.readings > 0 and report.refused == 0 and report.reconnects == 0
        assert _reports(engine, "line-1 scanner") == []
        assert _reports(engine, "line-1 printer") == []
    finally:
        window.runner.wait(15_000)
        station.devices.stop()


def test_the_station_file_dashboard_table(tmp_path: Path) -> None:
    from desktop.config import ConfigError, load_config

    station = tmp_path / "station.toml"
    station.write_text('station = "line-7"\n', encoding="utf-8")
    assert load_config(station, environ={}).dashboard.device_report_minutes == 15.0
    station.write_text("[dashboard]\ndevice_report_minutes = 5\n", encoding="utf-8")
    assert load_config(station, environ={}).dashboard.device_report_minutes == 5.0
    for bad, words in (
        ("[dashboard]\nreport_minutes = 5\n", "report_minutes is not a setting"),
        ("[dashboard]\ndevice_report_minutes = 0\n", "more than 0 (found 0)"),
        ('[dashboard]\ndevice_report_minutes = "5"\n', "more than 0 (found '5')"),
        ("[dashboard]\ndevice_report_minutes = true\n", "more than 0 (found True)"),
        ("dashboard = 5\n", "[dashboard] must be a table"),
    ):
        station.write_text(bad, encoding="utf-8")
        with pytest.raises(ConfigError, match="dashboard") as raised:
            load_config(station, environ={})
        assert words in str(raised.value) and str(station) in str(raised.value)


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(stamp: datetime) -> datetime:
    """A time read back from either database, in UTC (SQLite gives it without a zone)."""
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
