"""The `lotline` command: every headless job (db, user, audit, udi, label, sim, demo, trace, bench,
offline).

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
    "spc_cmd",
    "kpi_cmd",
    "offline_cmd",
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or (``only``, a module of COMMANDS) just that module's command:
    a command starts without importing the other commands' modules and their capabilities."""
    parser = argparse.ArgumentParser(
        prog="lotline",
        description="Lotline: plant-floor traceability for medical-device manufacturing.",
    )
    parser.add_argument("--version", action="version", version=f"lotline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
        module = importlib.import_module(f"desktop.cli.{name}")
        module.register(sub)
    return parser


def _module_of(argv: Sequence[str]) -> str | None:
    """The module that registers the command named first (by the "<command>_cmd" rule), if it
    is one of COMMANDS; otherwise None (every module is loaded and argparse decides)."""
    first = argv[0] if argv else ""
    name = f"{first.replace('-', '_')}_cmd"
    return name if first and not first.startswith("-") and name in COMMANDS else None


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_module_of(given))
    args = parser.parse_args(given)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    code = handler(args)
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
