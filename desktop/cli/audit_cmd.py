"""`lotline audit verify`: walk the hash chain; OK and exit 0, or name the first broken entry."""

from __future__ import annotations

import argparse
from typing import Any

from db import audit
from desktop.cli.common import EXIT_FAIL, EXIT_OK, add_database, open_engine, set_handler


def _verify(args: argparse.Namespace) -> int:
    engine = open_engine(args, migrate=False)  # reachable, a schema this code knows
    result = audit.verify(engine)
    if result.ok:
        print(f"OK: {result.checked} audit entries, chain unbroken")
        return EXIT_OK
    print(f"BROKEN: audit entry {result.broken_id}: {result.problem}")
    return EXIT_FAIL


def register(sub: Any) -> None:
    parser = sub.add_parser("audit", help="the audit trail")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check the hash chain of the audit trail")
    add_database(verify)
    set_handler(verify, _verify)
