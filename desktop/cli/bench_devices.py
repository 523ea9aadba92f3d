"""`lotline bench devices`: driver overhead per scan and per weight reading over a pty."""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.devices import benchmark


def register_bench(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "devices",
        help="driver overhead per scan and per weight reading (p50, p99) over a pseudo-terminal",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--samples", type=int, default=300, help="samples per figure (300)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    figures = benchmark.run(samples=args.samples)
    if args.json:
        print(json.dumps(figures))
    else:
        for key in benchmark.KEYS:
            print(f"{key:24} {figures[key]:8.3f}")
    return 0
