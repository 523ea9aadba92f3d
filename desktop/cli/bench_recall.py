"""`lotline bench recall --units N [--database URL] [--json]`: time a recall's forward scope.

Generates the synthetic data set (bench/generate.py, in a child process) unless the database
already holds one of that size, then times, ``--runs`` times each after one warm-up:

- forward: ``db.trace.forward`` + ``forward_shipments`` of one resin lot (consumed into about
  2,000 units at 1 M units: through cases and pallets to shipments and customers), streamed;
- raw_sql_forward: the same two recursive queries as bare SQL text on the driver cursor
  (psycopg / sqlite3: no SQLAlchemy), fetched whole; ratio = forward / raw_sql_forward;
- backward: ``db.trace.backward`` of one whole shipped pallet (40 cases, 400 units, their parts).

and the broad recall, the seal lot in 20 % of the units (200,000 units, 12,250 shipments, every
customer at 1 M units), ``--broad-runs`` times each after one warm-up:

- broad_scope: the full scope known, ``db.trace.summary`` (units and every item kind, shipments,
  customers, ship-to and installed sites counted: one statement);
- broad_csv: the counts, then every row of ``db.trace.scope_rows`` (items, shipment lines with
  customer and site, service records) written to a CSV file, as ``lotline trace forward
  --csv`` does; broad_first_rows: from the start to the first 5,000 rows in the file;
- broad_tree_once: the tree queries of ``lotline trace forward --json`` (``db.trace.forward`` +
  ``forward_shipments``) over the same lot, once, for comparison.

Peak RSS is this process's (the traces); the generator's is reported apart. Needs a source
checkout (bench/ is not installed). Without --database: an SQLite file in the temp folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db import trace
from db.engine import make_engine
from db.migrate import upgrade
from db.models import Item, Link
from db.resilience import DEFAULT
from desktop.cli.common import EXIT_FAIL, EXIT_OK, add_database, set_handler
from desktop.domain.states import ItemKind, Status
from desktop.reports.scope_csv import write_scope_csv

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
        "--broad-runs", type=int, default=5, help="timed runs of the broad recall's queries (5)"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="never generate: the database must hold the data"
    )
    set_handler(parser, _run)


def _engine(args: argparse.Namespace) -> Engine:
    default = Path(tempfile.gettempdir()) / f"lotline-bench-{args.units}.sqlite"
    # The tree queries over the broad lot run longer than a station's statement timeout.
    timeouts = replace(DEFAULT, statement_s=300.0, idle_in_transaction_s=300.0)
    return make_engine(args.database or f"sqlite:///{default}", timeouts=timeouts)


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


BROAD = "SL-SEAL-00000"  # not a code: the generator's broad seal lot


def _broad_csv(engine: Engine, lot: int, path: Path) -> tuple[int, float | None]:
    """Write the broad scope to ``path``: (rows, seconds to the first 5,000 rows in it)."""
    started = time.perf_counter()
    first: list[float] = []

    def progress(done: int, _total: int) -> None:
        if done >= 5000 and not first:
            first.append(time.perf_counter() - started)

    with Session(engine) as s:
        export = write_scope_csv(s, lot, path, progress=progress)
    return export.rows, (first[0] * 1000 if first else None)


def _csv_command(engine: Engine, path: Path) -> tuple[float, float]:
    """``lotline trace forward SEAL --csv FILE`` in a child process: (ms, its peak RSS in MB).

    The time includes starting Python and importing Lotline (about a second)."""
    url = engine.url.render_as_string(hide_password=False)
    lotline = "trace forward"  # not a code: the command's words
    command = [sys.executable, "-m", "desktop.cli", *lotline.split(), BROAD,
               "--database", url, "--csv", str(path)]  # fmt: skip
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    assert child.returncode == 0, f"{' '.join(command)} failed (exit {child.returncode})"
    return seconds * 1000, round(usage.ru_maxrss / 1024, 1)


def measure_broad(engine: Engine, runs: int) -> dict[str, Any]:
    """The broad recall: the seal lot's full scope counted, streamed to CSV, and the tree."""
    with Session(engine) as s:
        lot = s.scalar(select(Item.id).where(Item.supplier_lot == BROAD))
    if lot is None:
        return {"broad": None}  # a data set generated before the seal lot existed

    def counted() -> trace.TraceSummary:
        with Session(engine) as s:
            return trace.summary(s, lot, trace.Direction.FORWARD)

    scope, total = _timed(counted, runs)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "broad.csv"
        csv_ms, (rows, _first) = _timed(lambda: _broad_csv(engine, lot, path), runs)
        firsts = [_broad_csv(engine, lot, path)[1] or 0.0 for _ in range(min(runs, 3))]
        csv_mb = round(path.stat().st_size / 1e6, 1)
        cli_ms, cli_rss = _csv_command(engine, path)
    started = time.perf_counter()
    tree_items, tree_units, tree_shipments = _orm_forward(engine, lot)
    tree_ms = (time.perf_counter() - started) * 1000
    assert tree_items == total.items + 1, f"tree {tree_items} items, summary {total.items + 1}"
    return {
        "broad": BROAD,
        "broad_units": total.by_kind.get(ItemKind.UNIT, 0),
        "broad_items": total.items + 1,
        "broad_shipments": total.shipments,
        "broad_customers": total.customers,
        "broad_sites": total.ship_to_sites,
        "broad_installed_sites": total.installed_sites,
        "broad_scope_ms_p50": _ms(scope, 50),
        "broad_scope_ms_max": round(max(scope), 2),
        "broad_csv_rows": rows,
        "broad_csv_mb": csv_mb,
        "broad_csv_ms_p50": _ms(csv_ms, 50),
        "broad_csv_ms_max": round(max(csv_ms), 2),
        "broad_first_rows_ms": _ms(firsts, 50),
        "broad_csv_command_ms": round(cli_ms, 1),
        "broad_csv_command_rss_mb": cli_rss,
        "broad_tree_once_ms": round(tree_ms, 1),
        "broad_tree_shipments": tree_shipments,
        "broad_tree_units": tree_units,
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
    figures |= measure_broad(engine, args.broad_runs)
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
