"""The station's scan-to-screen latency run (``lotline bench station``) measures what it says:
every unit's three scans answered in the real window, on SQLite and PostgreSQL, through both
scanner paths, each consume sample with its commit time (no figure is asserted on: timing
belongs to the bench and docs/benchmarks.md)."""

from __future__ import annotations

from desktop.cli.bench_station import run_on


def test_latency_run_answers_every_scan_of_every_unit(database_url: str) -> None:
    units = 2
    figures = run_on(None if database_url.startswith("sqlite") else database_url, units)
    assert figures["database"] == ("sqlite" if database_url.startswith("sqlite") else "postgresql")
    assert figures["units"] == units
    for path in ("serial", "wedge"):  # one unit on each scanner path
        row = figures[path]
        assert row["scans"] == 3  # the unit, then its housing and its board lot
        assert row["lookup_shown"]["n"] == 1
        assert row["commit"]["n"] == 2  # both consume events committed ...
        assert row["shown"]["n"] == 2  # ... and answered on the screen
        assert 0 < row["commit"]["p50_ms"] <= row["commit"]["max_ms"]
    assert figures["all"]["scans"] == 6
    assert isinstance(figures["meets_goal"], bool)
