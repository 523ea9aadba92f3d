"""`lotline bench KIND`: benchmarks that print JSON figures (the bench/ scripts call these too).

Each kind lives in its own module ``desktop.cli.bench_<kind>`` exposing ``register_bench(sub)``.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

#: Benchmark kinds: module names (desktop.cli.bench_KIND), not codes.
BENCHES: tuple[str, ...] = (
    "dashboard",  # not a code: the bench module's name
    "devices",
    "serials",
    "recall",
    "station",
    "stations",
)


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser("bench", help="run a benchmark, print figures")
    kinds = parser.add_subparsers(dest="bench_kind", metavar="KIND")
    for name in BENCHES:
        importlib.import_module(f"desktop.cli.bench_{name}").register_bench(kinds)

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(handler=usage)
