"""Station benchmarks: cold start to the log-in screen (median of 5), and the resident memory
of an operator station while it takes 10,000 scans from the simulated scanner.

    .venv/bin/python -m bench.bench_station [--scans 10000]

Writes the "station" section of docs/benchmarks.md. Goals: start <= 2 s; memory <= 300 MB
and flat after the first 1,000 scans.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._report import machine, write_section


def cold_start(db: Path, runs: int = 5) -> list[float]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        LOTLINE_QUIT_AT_LOGIN="1",
        LOTLINE_DATABASE_URL=f"sqlite:///{db}",
    )
    times = []
    for _ in range(runs + 1):  # the first run seeds the demo plant and is not counted
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "desktop"], env=env, capture_output=True, text=True, timeout=120
        )
        took = time.perf_counter() - start
        if "login screen shown" not in proc.stdout:
            raise SystemExit(f"station did not start: {proc.stderr[-2000:]}")
        times.append(took)
    return times[1:]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_under_scans(db: Path, scans: int) -> list[tuple[int, float]]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop.app import build_station, open_backend
    from desktop.config import StationConfig
    from desktop.views.selftest import Walk
    from desktop.views.selftest_data import prepare
    from desktop.views.station import application

    cfg = StationConfig(database_url=f"sqlite:///{db}")
    base = open_backend(cfg)
    application("en")
    station = build_station(cfg, base)
    window = station.window
    station.devices.start()
    window.show()
    walk = Walk(window, None, "en")
    walk.wait("devices", station.kit.connected, 30)
    data = prepare(base, tag="BM")
    walk.login_badge("B-1001", "1234")
    op = window.screens["operator"]
    samples = []
    for n in range(1, scans + 1):
        walk.scan(data.serials[n % 2])  # alternate two units: each scan loads a unit
        if n % 50 == 0:
            walk.wait(f"scan {n} handled", lambda: not op.busy and not op.queue, 60)
            window.idle.start()  # an operator at work is never idle-locked
        if n % 1000 == 0:
            samples.append((n, rss_mb()))
            print(f"{n} scans: {samples[-1][1]:.1f} MB", flush=True)
    window.runner.wait(30_000)
    station.devices.stop()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scans", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        starts = cold_start(Path(tmp) / "start.sqlite")
        print("cold starts (s):", ", ".join(f"{t:.2f}" for t in starts))
        samples = memory_under_scans(Path(tmp) / "mem.sqlite", args.scans)
    after_1k = [mb for n, mb in samples if n >= 1000]
    growth = after_1k[-1] - after_1k[0] if len(after_1k) > 1 else 0.0
    rows = "\n".join(f"| {n} | {mb:.1f} |" for n, mb in samples)
    write_section(
        "station",
        f"""## Station: cold start and memory

Measured {machine()}; `python -m bench.bench_station --scans {args.scans}` (offscreen Qt,
SQLite, simulated devices; every scan goes simulator -> pty -> scanner driver -> operator
screen -> `unit_status` service on a worker thread).

Cold start to the log-in screen (process spawn to the window shown), 5 runs after a first run
that seeds the demo plant: median **{statistics.median(starts):.2f} s** (runs:
{", ".join(f"{t:.2f}" for t in starts)}). Goal: <= 2 s.

Resident memory of the operator station (VmRSS) while it takes scans:

| scans | RSS (MB) |
|---:|---:|
{rows}

Growth from 1,000 to {samples[-1][0]:,} scans: **{growth:+.1f} MB**. Goal: <= 300 MB and flat after
the first 1,000 scans.
""",
    )


if __name__ == "__main__":
    main()
