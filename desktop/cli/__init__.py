"""The `lotline` command: every headless job (db, user, audit, udi, label, sim, demo, trace, bench).

Each sub-command lives in its own module of this package and exposes
``register(subparsers)``; this module only assembles them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop.version import __version__

# Modules of this package that add sub-commands, in the order `lotline --help` lists them.
COMMANDS: tuple[str, ...] = (
    "db_cmd",
    "user_cmd",
    "audit_cmd",
    "masterdata_cmd",
    "device_cmd",
    "workorder_cmd",
    "udi_cmd",
    "trace_cmd",
    "label_cmd",
    "template_cmd",
    "receive_cmd",
    "ship_cmd",
    "service_cmd",
    "station_cmd",
    "sim_cmd",
    "demo_cmd",
    "demo_sheet_cmd",
    "bench_cmd",
    "recall_cmd",
    "record_cmd",
    "export_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lotline",
        description="Lotline: plant-floor traceability for medical-device manufacturing.",
    )
    parser.add_argument("--version", action="version", version=f"lotline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"desktop.cli.{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    code = handler(args)
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
