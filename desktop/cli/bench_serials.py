"""`lotline bench serials --count N [--database URL] [--json]`: time one commissioning call.

Sets up a throw-away product, route and released work order (in a fresh temporary SQLite file
unless --database is given), then times ``commission_serials(count=N)`` from the
call to its commit, and prints {"count", "seconds"} (plus the backend and the rate).
Goal: 100,000 serials in at most 10 s on PostgreSQL and on SQLite.
"""

from __future__ import annotations

import argparse
import json
import secrets
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.engine import make_engine
from db.migrate import ensure_schema
from db.models import Product, Route, RouteStep, User
from desktop.cli.common import cli_station
from desktop.domain.permissions import Role
from desktop.domain.plant import Tracking
from desktop.domain.steps import StepKind
from desktop.domain.udi import gs1_check_digit
from desktop.services import production
from desktop.services.core.context import Actor, Context
from desktop.services.production import commission_serials

GOAL_COUNT, GOAL_SECONDS = 100_000, 10.0


def register_bench(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "serials", help="time commissioning N serials in one use case (goal 100,000 in 10 s)"
    )
    parser.add_argument("--count", type=int, default=GOAL_COUNT, help="serials (100000)")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database to write the throw-away work order into "
        "(default: a fresh temporary SQLite file)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(handler=run)


def _bench_product(engine: Engine) -> str:
    """A product of its own (random GTIN) with a one-step route; returns the GTIN."""
    tag = secrets.token_hex(4)
    gtin13 = "0950600" + f"{secrets.randbelow(10**6):06d}"
    gtin = gtin13 + gs1_check_digit(gtin13)
    with Session(engine) as s, s.begin():
        route = Route(name=f"BENCH-{tag}", version=1)
        s.add(route)
        s.flush()
        s.add(
            RouteStep(
                route_id=route.id,
                position=1,
                kind=StepKind.CHECK,
                name="Bench check",
                instruction="",
                parameters={"prompt": "ok?"},
            )
        )
        s.add(
            Product(
                gtin=gtin, name=f"Bench product {tag}", tracking=Tracking.SERIAL, route_id=route.id
            )
        )
    return gtin


def _bench_supervisor(engine: Engine) -> Actor:
    """The benchmark's own supervisor (use cases read the role from the users table); it has
    no usable password, so nobody can log in as it."""
    with Session(engine) as s, s.begin():
        user = s.scalar(select(User).where(User.username == "bench-supervisor"))
        if user is None:
            user = User(
                username="bench-supervisor",
                full_name="Lotline benchmark",
                role=Role.SUPERVISOR,
                password_hash="!",  # matches no password
                failed_attempts=0,
            )
            s.add(user)
            s.flush()
        return Actor(user.id, user.username, user.full_name, user.role, cli_station())


def measure(engine: Engine, count: int) -> dict[str, Any]:
    """Commission ``count`` serials for a new work order; the figures of that one call."""
    ensure_schema(engine)
    gtin = _bench_product(engine)
    actor = _bench_supervisor(engine)
    ctx = Context(engine, actor)
    number = f"BENCH-{secrets.token_hex(4)}"
    production.create_work_order(ctx, number, gtin, count)
    production.release_work_order(ctx, number)
    start = time.perf_counter()
    result = commission_serials(ctx, number, count=count)
    seconds = time.perf_counter() - start
    assert result.count == count
    return {
        "count": count,
        "seconds": round(seconds, 3),
        "backend": engine.dialect.name,
        "per_second": round(count / seconds) if seconds else None,
    }


def run_on(url: str | None, count: int) -> dict[str, Any]:
    """``measure`` on ``url``, or on a fresh temporary SQLite file when ``url`` is None."""
    with tempfile.TemporaryDirectory(prefix="lotline-bench-") as folder:
        engine = make_engine(url or f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        try:
            return measure(engine, count)
        finally:
            engine.dispose()


def run(args: argparse.Namespace) -> int:
    figures = run_on(args.database, args.count)
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"{figures['count']} serials commissioned in {figures['seconds']:.2f} s "
            f"on {figures['backend']} ({figures['per_second']}/s)"
        )
    return 0
