"""Many stations against one PostgreSQL: events/s and commit latency as stations are added,
written to the "stations" section of docs/benchmarks.md.

    .venv/bin/python -m bench.bench_stations [--stations 1 5 10 25 50] [--seconds 15]

Each point is `lotline bench stations --stations N --seconds S --json` on a fresh database of
the shared server (desktop/cli/bench_stations.py: separate processes, each a scanner simulator
on a pty, the real driver and the real consume use case). The goal: 50 stations, >= 1,000
events/s, commit p99 <= 50 ms, on this 2-core machine. docs/scaling.md reads the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from typing import Any

from bench._report import machine, write_section
from desktop.cli.bench_stations import GOALS


def _waits(server: dict[str, Any]) -> str:
    waiting = server.get("waiting_avg") or {}
    shown = ", ".join(f"{k} {v:g}" for k, v in waiting.items()) or "none"
    return f"{server.get('running_avg')} running; waiting: {shown}"


def report(points: list[dict[str, Any]], seconds: float, load: str) -> str:
    lines = [
        "## Many stations against one PostgreSQL",
        "",
        f"Measured {machine()}, load average before the run {load} (2 cores, shared);",
        f"`lotline bench stations --stations N --seconds {seconds:g} --json` for each N "
        "(`.venv/bin/python -m bench.bench_stations` writes this section).",
        "Every station is a process with a scanner simulator on a pty, the real driver and "
        "the real consume use case; it builds units as fast as it can (closed loop: the next "
        "scan after the last answer). Commit latency: last byte on the wire to the use case's "
        "return. Server: the average number of the bench database's sessions running and "
        "waiting (and on what) in `pg_stat_activity`, sampled every 0.1 s; CPU: the share of "
        "both cores busy.",
        f"Goal: {GOALS['stations']} stations, >= {GOALS['events_per_s']:,.0f} events/s, "
        f"p99 <= {GOALS['p99_ms']:g} ms.",
        "",
        "| stations | events/s | p50 (ms) | p99 (ms) | max (ms) | refused | CPU busy | server sessions |",  # noqa: E501
        "|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for p in points:
        lines.append(
            f"| {p['stations']} | {p['events_per_s']:,.1f} | {p['p50_ms']} | {p['p99_ms']} "
            f"| {p['max_ms']} | {p['refused']} | {p['server']['cpu_busy']} "
            f"| {_waits(p['server'])} |"
        )
    best = max(points, key=lambda p: p["events_per_s"])
    last = points[-1]
    lines += [
        "",
        f"- Most events/s: {best['events_per_s']:,.1f} with {best['stations']} stations; "
        f"at {last['stations']} stations: {last['events_per_s']:,.1f} events/s, "
        f"p99 {last['p99_ms']} ms: {last['verdict'].upper()} the goal.",
        "- Why, and what would scale it: docs/scaling.md.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, nargs="+", default=[1, 5, 10, 25, 50])
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    points = []
    for n in args.stations:
        command = ["bench", "stations", "--stations", str(n), "--seconds", str(args.seconds),
                   "--json"]  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-m", "desktop.cli", *command],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(done.stderr.strip() or f"the load bench failed at {n} stations")
        points.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(points[-1]), flush=True)
    write_section("stations", report(points, args.seconds, load))


if __name__ == "__main__":
    main()
