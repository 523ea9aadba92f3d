"""Benchmark the device drivers over pseudo-terminals and write docs/benchmarks.md.

    .venv/bin/python -m bench.bench_devices [--samples N]

Prints the figures as JSON and rewrites only the "devices" section of docs/benchmarks.md.
Goal: p99 <= 2 ms per scan and per weight reading. Run it on a quiet machine: the tail is
dominated by the scheduler when other processes compete for the CPUs (the load average at the
start of the run is written next to the figures).
"""

from __future__ import annotations

import argparse
import json

from bench import _report
from desktop.devices import benchmark


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=500)
    args = parser.parse_args()
    measured = benchmark.measure(samples=args.samples)
    _report.write_section("devices", benchmark.markdown(measured, _report.machine()))
    print(json.dumps(measured.figures()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
