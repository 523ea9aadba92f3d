"""`lotline bench station`: the station program takes scans on SQLite and PostgreSQL and the
figures are read as percentiles. Times are never asserted (docs/benchmarks.md holds them):
only that every scan was answered and timed on each path, and how percentiles are read."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.cli import main
from desktop.cli.bench_station import figures, percentile


def _sample(path: str, kind: str, shown: float, commit: float | None = None) -> dict[str, Any]:
    return {"path": path, "kind": kind, "commit_ms": commit, "shown_ms": shown}


def test_percentiles_are_nearest_rank_and_the_goal_is_read_on_every_scan() -> None:
    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 99), percentile(values, 100)) == (
        50.0,
        99.0,
        100.0,
    )
    assert percentile([7.0], 99) == 7.0
    at_goal = [_sample("serial", "consume", 50.0, 40.0)] * 99 + [_sample("wedge", "load", 10.0)]
    assert figures(at_goal)["meets_goal"] is True  # p99 exactly at 50 ms meets it
    past = [_sample("serial", "consume", 50.1, 40.0)] * 99 + [_sample("wedge", "load", 10.0)]
    assert figures(past)["meets_goal"] is False
    row = figures(past)["serial"]
    assert row["commit"]["n"] == 99 and "lookup_shown" not in row


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_station_answers_every_scan_on_both_paths(
    backend: str, postgres_url: str, capsys: pytest.CaptureFixture[str], request: Any
) -> None:
    args = ["bench", "station", "--units", "2", "--json"]
    args += ["--database", postgres_url] if backend == "postgresql" else ["--no-postgres"]
    assert main(args) == 0, capsys.readouterr().err
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert (result["database"], result["units"], result["all"]["scans"]) == (backend, 2, 6)
    for path in ("serial", "wedge"):  # one unit each: a lookup and two recorded consumes
        row = result[path]
        assert row["scans"] == 3
        assert row["commit"]["n"] == 2 and row["shown"]["n"] == 2
        assert row["lookup_shown"]["n"] == 1
        assert row["commit"]["p50_ms"] <= row["shown"]["p50_ms"]  # committed before shown
