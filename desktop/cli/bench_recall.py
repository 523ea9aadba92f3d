"""`lotline bench recall --units N [--database URL] [--json]`: time a recall's forward scope.

Generates the synthetic data set (bench/generate.py, in a child process) unless the database
already holds one of that size, then times, ``--runs`` times each after one warm-up:

- forward: ``db.trace.forward`` + ``forward_shipments`` of one resin lot (consumed into about
  2,000 units at 1 M units: through cases and pallets to shipments and customers), streamed;
- raw_sql_forward: the same two recursive queries as bare SQL text on the driver cursor
  (psycopg / sqlite3: no SQLAlchemy), fetched whole; ratio = forward / raw_sql_forward;
- backward: ``db.trace.backward`` of one whole shipped pallet (40 cases, 400 units, their parts).

Peak RSS is this process's (the traces); the generator's is reported apart. Needs a source
checkout (bench/ is not installed). Without --database: an SQLite file in the temp folder.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db import trace
from db.engine import make_engine
from db.migrate import upgrade
from db.models import Item, Link
from desktop.cli.common import EXIT_FAIL, EXIT_OK, add_database, set_handler
from desktop.domain.states import ItemKind, Status

ROOT = Path(__file__).resolve().parents[2]
WALK = """trace_walk(item_id, depth, link_id, removed) AS (
  SELECT id, 0, CAST(NULL AS BIGINT), 0 FROM items WHERE id = {root}
  UNION
  SELECT l.parent_item_id, w.depth + 1, l.id,
         CASE WHEN w.removed = 1 OR l.removed_event_id IS NOT NULL THEN 1 ELSE 0 END
  FROM trace_walk w JOIN links l ON l.child_item_id = w.item_id
  WHERE w.depth < 64 AND l.removed_event_id IS NULL
)"""
RAW_NODES = f"""WITH RECURSIVE {WALK}, ranked AS (
  SELECT item_id, depth, link_id, removed, row_number() OVER (
    PARTITION BY item_id ORDER BY removed, depth, COALESCE(link_id, 0)) AS rn
  FROM trace_walk)
SELECT i.id, i.kind, i.status, r.depth, i.gtin, i.lot, i.serial, i.sscc, i.supplier_lot,
       l.child_item_id, l.id, l.kind, l.quantity, r.removed
FROM ranked r JOIN items i ON i.id = r.item_id LEFT JOIN links l ON l.id = r.link_id
WHERE r.rn = 1 ORDER BY i.id"""
RAW_SHIPMENTS = f"""WITH RECURSIVE {WALK}, scope AS (
  SELECT item_id, MIN(removed) AS removed FROM trace_walk GROUP BY item_id)
SELECT s.id, s.number, s.status, s.shipped_at, sl.item_id, c.id, c.code, c.name, s.site_id,
       st.name, sc.removed
FROM scope sc JOIN shipment_lines sl ON sl.item_id = sc.item_id
JOIN shipments s ON s.id = sl.shipment_id JOIN customers c ON c.id = s.customer_id
LEFT JOIN sites st ON st.id = s.site_id ORDER BY s.id, sl.item_id"""
#: The same planner settings db.trace.planner uses for the trace statements on PostgreSQL.
PG_SETTINGS = (
    "SELECT set_config('enable_hashjoin', 'off', true), "
    "set_config('enable_mergejoin', 'off', true), set_config('jit', 'off', true)"
)


def register_bench(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "recall", help="time the forward scope of a component lot over a generated data set"
    )
    parser.add_argument("--units", type=int, default=1_000_000, help="finished units (1000000)")
    add_database(parser)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each query (15)")
    parser.add_argument(
        "--reuse", action="store_true", help="never generate: the database must hold the data"
    )
    set_handler(parser, _run)


def _engine(args: argparse.Namespace) -> Engine:
    default = Path(tempfile.gettempdir()) / f"lotline-bench-{args.units}.sqlite"
    return make_engine(args.database or f"sqlite:///{default}")


def _generate(engine: Engine, units: int) -> float | str:
    """Run bench/generate.py in a child process: seconds taken, or why it failed."""
    engine.dispose()  # SQLite: the loader needs the file to itself
    url = engine.url.render_as_string(hide_password=False)
    started = time.perf_counter()
    command = [sys.executable, "-m", "bench.generate", "--units", str(units), "--database", url]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL)  # progress on stderr
    if done.returncode:
        return f"generating the data set failed (exit {done.returncode}; its error is above)"
    return time.perf_counter() - started


def _data_set(engine: Engine, args: argparse.Namespace) -> tuple[bool, float] | str:
    """(generated now?, seconds) or the reason the database cannot be used."""
    upgrade(engine)
    with Session(engine) as s:
        items = s.scalar(select(func.count()).select_from(Item)) or 0
        built = select(func.count()).where(
            Item.kind == ItemKind.UNIT, Item.work_order_id.is_not(None)
        )
        units = s.scalar(built) or 0
    if units == args.units:
        return False, 0.0
    if items or args.reuse:
        return (
            f"the database holds {items} items ({units} built units), not a data set of "
            f"{args.units} units: use an empty database, or --units {units}"
        )
    if not (ROOT / "bench" / "generate.py").exists():
        return f"{ROOT / 'bench' / 'generate.py'} is missing: run from a source checkout"
    seconds = _generate(engine, args.units)
    return seconds if isinstance(seconds, str) else (True, seconds)


def _probes(session: Session) -> tuple[int, int]:
    """(the middle resin lot, the middle pallet shipped whole)."""
    lots = select(Item.id).where(
        Item.kind == ItemKind.MATERIAL_LOT, Item.supplier_lot.like("SL-RESIN-%")
    )
    count = session.scalar(select(func.count()).select_from(lots.subquery())) or 0
    lot = session.scalar(lots.order_by(Item.id).offset(count // 2).limit(1))
    pallets = select(Item.id).where(Item.kind == ItemKind.PALLET, Item.status == Status.SHIPPED)
    count = session.scalar(select(func.count()).select_from(pallets.subquery())) or 0
    pallet = session.scalar(pallets.order_by(Item.id).offset(count // 2).limit(1))
    assert lot is not None and pallet is not None, "no bench data set in this database"
    return lot, pallet


def _timed(action: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    result = action()  # warm-up (caches, plans)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, result


def _orm_forward(engine: Engine, lot: int) -> tuple[int, int, int]:
    with Session(engine) as s:
        nodes = list(trace.forward(s, lot))
        shipped = list(trace.forward_shipments(s, lot))
    return (
        len(nodes),
        sum(n.kind == ItemKind.UNIT for n in nodes),
        len({x.shipment_id for x in shipped}),
    )


def _raw_forward(engine: Engine, lot: int) -> tuple[int, int]:
    raw = engine.raw_connection()
    try:
        conn = cast(Any, raw.driver_connection)
        pg = engine.dialect.name == "postgresql"
        marker = "%(root)s" if pg else ":root"
        cur = conn.cursor()
        if pg:
            cur.execute(PG_SETTINGS)
        cur.execute(RAW_NODES.format(root=marker), {"root": lot})
        nodes = cur.fetchall()
        cur.execute(RAW_SHIPMENTS.format(root=marker), {"root": lot})
        shipped = cur.fetchall()
        cur.close()
        conn.rollback()
    finally:
        raw.close()
    return len(nodes), len(shipped)


def _orm_backward(engine: Engine, pallet: int) -> int:
    with Session(engine) as s:
        return sum(1 for _ in trace.backward(s, pallet))


def _ms(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return round(ordered[rank - 1], 2)


def measure(engine: Engine, runs: int) -> dict[str, Any]:
    with Session(engine) as s:
        lot, pallet = _probes(s)
        links = s.scalar(select(func.count()).select_from(Link))
    forward, (scope, units, shipments) = _timed(lambda: _orm_forward(engine, lot), runs)
    raw, (raw_scope, _lines) = _timed(lambda: _raw_forward(engine, lot), runs)
    assert raw_scope == scope, f"raw SQL found {raw_scope} items, db.trace {scope}"
    backward, back_items = _timed(lambda: _orm_backward(engine, pallet), runs)
    return {
        "links": links,
        "lot_item_id": lot,
        "scope_items": scope,
        "scope_units": units,
        "scope_shipments": shipments,
        "forward_ms_p50": _ms(forward, 50),
        "forward_ms_p99": _ms(forward, 99),
        "backward_ms_p50": _ms(backward, 50),
        "backward_items": back_items,
        "raw_sql_forward_ms_p50": _ms(raw, 50),
        "ratio": round(_ms(forward, 50) / max(_ms(raw, 50), 0.001), 2),
    }


def _peak_rss_mb(who: str) -> float | None:
    """Peak resident set size in MB (Linux reports kilobytes); None where unsupported."""
    try:
        import resource  # Unix only
    except ImportError:
        return None
    return round(resource.getrusage(getattr(resource, who)).ru_maxrss / 1024, 1)


def _run(args: argparse.Namespace) -> int:
    engine = _engine(args)
    state = _data_set(engine, args)
    if isinstance(state, str):
        print(f"lotline: {state}", file=sys.stderr)
        return EXIT_FAIL
    generated, seconds = state
    figures = {"database": engine.dialect.name, "units": args.units, "runs": args.runs}
    figures |= measure(engine, args.runs)
    figures["peak_rss_mb"] = _peak_rss_mb("RUSAGE_SELF")
    figures["generated"] = generated
    figures["generate_s"] = round(seconds, 1)
    figures["generate_peak_rss_mb"] = _peak_rss_mb("RUSAGE_CHILDREN") if generated else None
    engine.dispose()
    if args.json:
        print(json.dumps(figures))
    else:
        print("\n".join(f"{key}: {value}" for key, value in figures.items()))
    return EXIT_OK
