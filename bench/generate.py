"""Synthetic bench data: N finished units with genealogy, packing, shipments and installations.

SYNTHETIC DATA FOR BENCHMARKS ONLY. Rows go straight into the tables of the real schema
(migrated by db.migrate.upgrade), bypassing the services: no audit trail, no permissions, no
signatures are written. It refuses a database that already holds items.

Shape (at 1,000,000 units): work orders of 500 units over 20 serialised products; every unit
consumes 4 components: a shared resin (lots of ~2,000 units, each spanning several work
orders), a tube and a screw lot by product family, and a filter lot (even products) or a
serialised board (odd products); 0.5 % of units are reworked (their resin link removed and a
resin from the next lot consumed). One seal lot (SL-SEAL-00000) goes into every unit of two
pallets in ten, 20 % of all units: the broad recall case (about 200,000 units, 12,000
shipments and every customer at 1,000,000 units). Units are packed 10 per case, cases 40 per
pallet. One pallet in five ships whole; the others are disaggregated and their cases ship
alone, except one case in ten that is disaggregated too, its units shipping three or four at
a time. One
unit in twenty gets an installation record at the site it was shipped to. About 1.6 M items,
5.3 M links, 97,000 shipments to 500 customers (1,000 sites), 168,000 events (one per build,
pack, disaggregation, rework or installation, never one per link).

Loading: COPY (psycopg 3 ``cursor.copy``) on PostgreSQL; ``executemany`` in batches of 50,000
on SQLite (with synchronous=OFF and journal_mode=OFF while loading: bench files only).
Run: ``python -m bench.generate --units N --database URL``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, text

from bench._loading import Loader, Progress, after_load
from db.engine import make_engine
from db.migrate import upgrade
from db.models import Customer, Item, Part, Product, Site, Supplier, User, WorkOrder
from db.resilience import Timeouts
from desktop.domain.udi import gs1_check_digit, sscc_from

#: A COPY of 1.6 M items is one statement: far longer than a station's statement timeout.
LOADING = Timeouts(statement_s=3600.0, idle_in_transaction_s=3600.0, grace_s=60.0)
#: (part number, quantity consumed per unit); index = part index used by bom().
LOT_PARTS = (("RESIN", 2.5), ("TUBE-E", 1.0), ("TUBE-O", 1.0), ("SCREW-E", 4.0),
             ("SCREW-O", 4.0), ("FILTER", 0.75))  # fmt: skip
BOARD = len(LOT_PARTS)  # the serialised board's part index
SEAL = BOARD + 1  # the part index of the one broad seal lot
SEAL_PALLETS = 2  # units of this many pallets in ten consume the seal lot
T0 = datetime(2024, 1, 1, tzinfo=UTC)


def bom(product: int) -> tuple[int, ...]:
    """Part indexes a unit of ``product`` consumes (BOARD = a serialised board)."""
    parity = product % 2
    return (0, 1 + parity, 3 + parity, BOARD if parity else 5)


def gtin(prefix: str, n: int) -> str:
    body = f"{prefix}{n:0{13 - len(prefix)}d}"
    return body + gs1_check_digit(body)


@dataclass
class Plan:
    """Sizes and item id blocks, all derived from the unit count and the seed."""

    units: int
    seed: int = 7
    wo_size: int = 500
    products: int = 20
    lot_sizes: list[list[int]] = field(default_factory=list)
    base: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.work_orders = -(-self.units // self.wo_size)
        self.cases = -(-self.units // 10)
        self.pallets = -(-self.cases // 40)
        self.customers = max(3, min(500, self.units // 2000))
        self.boards = sum(self.wo_units(w) for w in range(self.work_orders) if w % 2)
        mean = max(10, min(2000, self.units // 500))
        rng, usage = random.Random(self.seed), [0] * len(LOT_PARTS)
        for w in range(self.work_orders):
            for part in bom(self.product(w)):
                if part != BOARD:
                    usage[part] += self.wo_units(w)
        for used in usage:
            sizes: list[int] = []
            while sum(sizes) < used + 1:
                sizes.append(rng.randint(mean // 2, mean * 3 // 2))
            self.lot_sizes.append(sizes)

    def product(self, w: int) -> int:
        return w % self.products

    def wo_units(self, w: int) -> int:
        return min(self.wo_size, self.units - w * self.wo_size)

    def layout(self, first_id: int) -> None:
        sizes = [("lots", sum(len(s) for s in self.lot_sizes)), ("seal", 1),
                 ("plots", self.work_orders),
                 ("boards", self.boards), ("units", self.units), ("cases", self.cases),
                 ("pallets", self.pallets)]  # fmt: skip
        for name, size in sizes:
            self.base[name] = first_id
            first_id += size
        self.base["end"] = first_id
        counts = [len(s) for s in self.lot_sizes]
        self.lot_offsets = [sum(counts[:part]) for part in range(len(counts))]

    def lot_id(self, part: int, index: int) -> int:
        return self.base["lots"] + self.lot_offsets[part] + index

    def seal(self, unit: int) -> bool:
        """The unit consumed the broad seal lot (units of two pallets in ten)."""
        return (unit // 400) % 10 < SEAL_PALLETS

    def case_shipped_loose(self, case: int) -> bool:
        """The case was disaggregated and its units shipped a few at a time."""
        return (case // 40) % 5 != 0 and case % 10 == 9


class Codec:
    """Values as each driver takes them: UUIDs as 32 hex digits, times as text in UTC."""

    def __init__(self, dialect: str) -> None:
        self.pg = dialect == "postgresql"
        self.salt = uuid.uuid4().int & ~((1 << 32) - 1)

    def event(self, slot: int) -> str:
        return uuid.UUID(int=self.salt | slot).hex

    def time(self, minutes: float) -> str:
        stamp = (T0 + timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M:%S.%f")
        return stamp + "+00" if self.pg else stamp


# --- rows -----------------------------------------------------------------------------------

ITEM_COLS = ("id", "kind", "product_id", "part_id", "work_order_id", "supplier_id", "gtin", "lot",
             "serial", "sscc", "supplier_lot", "status", "quantity", "quantity_available",
             "unit", "current_step")  # fmt: skip
LINK_COLS = ("id", "parent_item_id", "child_item_id", "quantity", "kind", "event_id",
             "removed_event_id")  # fmt: skip
EVENT_COLS = ("id", "kind", "outcome", "item_id", "work_order_id", "station_time", "data")


@dataclass
class Ids:
    """Primary keys of the master data the generator wrote."""

    parts: list[int]
    products: list[int]
    work_orders: list[int]
    supplier: int
    user: int
    sites: list[list[int]]  # per customer
    customers: list[int]


def item_rows(plan: Plan, ids: Ids) -> Iterator[tuple[Any, ...]]:
    for part, sizes in enumerate(plan.lot_sizes):
        code, per_unit = LOT_PARTS[part]
        for n, size in enumerate(sizes):
            lot_id, qty = plan.lot_id(part, n), round(size * per_unit * 1.02 + 4, 2)
            yield (lot_id, "material_lot", None, ids.parts[part], None, ids.supplier, None,
                   f"L{part}{n:05d}", None, None, f"SL-{code}-{n:05d}", "released", qty,
                   round(qty - size * per_unit, 2), "ea", 0)  # fmt: skip
    seals = sum(1 for u in range(plan.units) if plan.seal(u))
    yield (plan.base["seal"], "material_lot", None, ids.parts[SEAL], None, ids.supplier, None,
           "L900000", None, None, "SL-SEAL-00000", "released", seals + 10, 10, "ea",
           0)  # fmt: skip
    for w in range(plan.work_orders):
        p = plan.product(w)
        yield (plan.base["plots"] + w, "production_lot", ids.products[p], None, ids.work_orders[w],
               None, gtin("0950601", p), f"W{w:06d}", None, None, None, "released",
               plan.wo_units(w), 0, "ea", 0)  # fmt: skip
    for b in range(plan.boards):
        yield (plan.base["boards"] + b, "unit", None, ids.parts[BOARD], None, ids.supplier,
               gtin("0950602", 1), None, f"B{b:09d}", None, f"SL-BOARD-{b // 1000:05d}",
               "consumed", 1, 0, "ea", 0)  # fmt: skip
    for u in range(plan.units):
        w = u // plan.wo_size
        p = plan.product(w)
        yield (plan.base["units"] + u, "unit", ids.products[p], None, ids.work_orders[w], None,
               gtin("0950601", p), f"W{w:06d}", f"S{u:09d}", None, None, "shipped", 1, 1, "ea",
               9)  # fmt: skip
    for c in range(plan.cases):
        status = "open" if plan.case_shipped_loose(c) else "shipped"  # unpacked: open again
        yield (plan.base["cases"] + c, "case", None, None, None, None, None, None, None,
               sscc_from(f"0061414{c:010d}"), None, status, 1, 1, "ea", 0)  # fmt: skip
    for p in range(plan.pallets):
        yield (plan.base["pallets"] + p, "pallet", None, None, None, None, None, None, None,
               sscc_from(f"1061414{p:010d}"), None, "shipped" if p % 5 == 0 else "open",
               1, 1, "ea", 0)  # fmt: skip


class Slots:
    """Event numbers: one per build (work order), pack, disaggregation, rework, installation."""

    def __init__(self, plan: Plan) -> None:
        sizes = [("build", plan.work_orders), ("case", plan.cases), ("pallet", plan.pallets),
                 ("pallet_out", plan.pallets), ("case_out", plan.cases),
                 ("rework", plan.units // 200 + 1), ("install", plan.units // 20 + 1)]  # fmt: skip
        self.base, start = {}, 0
        for name, size in sizes:
            self.base[name], start = start, start + size

    def __call__(self, name: str, n: int) -> int:
        return self.base[name] + n


def event_rows(plan: Plan, ids: Ids, codec: Codec, slot: Slots) -> Iterator[tuple[Any, ...]]:
    def row(
        name: str, n: int, kind: str, item: int | None, wo: int | None = None
    ) -> tuple[Any, ...]:
        return (codec.event(slot(name, n)), kind, "ok", item, wo, codec.time(n), "{}")

    for w in range(plan.work_orders):
        yield row("build", w, "consume", None, ids.work_orders[w])
    for c in range(plan.cases):
        yield row("case", c, "pack", plan.base["cases"] + c)
        if plan.case_shipped_loose(c):
            yield row("case_out", c, "unpack", plan.base["cases"] + c)
    for p in range(plan.pallets):
        yield row("pallet", p, "pack", plan.base["pallets"] + p)
        if p % 5:
            yield row("pallet_out", p, "unpack", plan.base["pallets"] + p)
    for u in range(17, plan.units, 200):
        yield row("rework", u // 200, "consume", plan.base["units"] + u)
    for u in range(3, plan.units, 20):
        yield row("install", u // 20, "installation", plan.base["units"] + u)


def link_rows(plan: Plan, codec: Codec, slot: Slots, first: int) -> Iterator[tuple[Any, ...]]:
    ids = iter(range(first, first + 10 * plan.units + plan.cases + 10))
    lot, left = [0] * len(LOT_PARTS), [sizes[0] for sizes in plan.lot_sizes]
    board = plan.base["boards"]
    for u in range(plan.units):
        unit, w = plan.base["units"] + u, u // plan.wo_size
        build = codec.event(slot("build", w))
        for part in bom(plan.product(w)):
            if part == BOARD:
                yield (next(ids), unit, board, 1, "consume", build, None)
                board += 1
                continue
            if not left[part]:
                lot[part] += 1
                left[part] = plan.lot_sizes[part][lot[part]]
            left[part] -= 1
            child, qty = plan.lot_id(part, lot[part]), LOT_PARTS[part][1]
            if part == 0 and u % 200 == 17:  # rework: this resin removed, the next lot's used
                fix = codec.event(slot("rework", u // 200))
                yield (next(ids), unit, child, qty, "consume", build, fix)
                other = 1 if lot[part] + 1 < len(plan.lot_sizes[part]) else -min(1, lot[part])
                yield (next(ids), unit, child + other, qty, "consume", fix, None)
            else:
                yield (next(ids), unit, child, qty, "consume", build, None)
        if plan.seal(u):
            yield (next(ids), unit, plan.base["seal"], 1, "consume", build, None)
        case = u // 10
        out = codec.event(slot("case_out", case)) if plan.case_shipped_loose(case) else None
        case_event = codec.event(slot("case", case))
        yield (next(ids), plan.base["cases"] + case, unit, 1, "pack", case_event, out)
    for c in range(plan.cases):
        p = c // 40
        out = codec.event(slot("pallet_out", p)) if p % 5 else None
        pallet_event = codec.event(slot("pallet", p))
        yield (next(ids), plan.base["pallets"] + p, plan.base["cases"] + c, 1, "pack",
               pallet_event, out)  # fmt: skip


Shipping = tuple[int, int, list[int], range | list[int]]  # customer, site, item ids, units


def shipping(plan: Plan, ids: Ids) -> Iterator[Shipping]:
    """Every shipment in order; the same sequence each time it is walked."""
    rng = random.Random(plan.seed + 1)

    def to() -> tuple[int, int]:
        customer = rng.randrange(plan.customers)
        return ids.customers[customer], rng.choice(ids.sites[customer])

    for p in range(plan.pallets):
        cases = range(p * 40, min(p * 40 + 40, plan.cases))
        if p % 5 == 0:
            yield *to(), [plan.base["pallets"] + p], range(p * 400, min(p * 400 + 400, plan.units))
            continue
        for c in cases:
            units = range(c * 10, min(c * 10 + 10, plan.units))
            if not plan.case_shipped_loose(c):
                yield *to(), [plan.base["cases"] + c], units
                continue
            for part in (units[:3], units[3:6], units[6:]):
                if part:
                    yield *to(), [plan.base["units"] + u for u in part], part


def shipment_tables(
    plan: Plan, ids: Ids, codec: Codec, slot: Slots, first: dict[str, int]
) -> Iterator[tuple[str, Sequence[str], Iterator[tuple[Any, ...]]]]:
    def shipments() -> Iterator[tuple[Any, ...]]:
        for n, (customer, site, _items, _units) in enumerate(shipping(plan, ids)):
            sid = first["shipments"] + n
            yield (sid, f"BS{sid:08d}", customer, site, "shipped", codec.time(n))

    def lines() -> Iterator[tuple[Any, ...]]:
        line = first["shipment_lines"]
        for n, (_customer, _site, items, _units) in enumerate(shipping(plan, ids)):
            for item in items:
                yield (line, first["shipments"] + n, item, 1)
                line += 1

    def service() -> Iterator[tuple[Any, ...]]:
        record = first["service_records"]
        for n, (_customer, site, _items, units) in enumerate(shipping(plan, ids)):
            for u in (u for u in units if u % 20 == 3):
                event = codec.event(slot("install", u // 20))
                yield (record, plan.base["units"] + u, "installation", site, codec.time(n + 60),
                       ids.user, "", event)  # fmt: skip
                record += 1

    shipment_columns = ("id", "number", "customer_id", "site_id", "status", "shipped_at")
    yield "shipments", shipment_columns, shipments()
    yield "shipment_lines", ("id", "shipment_id", "item_id", "quantity"), lines()
    yield "service_records", ("id", "item_id", "kind", "site_id", "performed_at", "user_id",
                              "notes", "event_id"), service()  # fmt: skip


# --- master data, checks, the whole run -----------------------------------------------------


def _insert(conn: Any, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, rows).scalars())


def master_data(engine: Engine, plan: Plan) -> Ids:
    with engine.begin() as conn:
        [supplier] = _insert(conn, Supplier, [{"code": "BENCH-SUP", "name": "Bench supplier"}])
        names = [code for code, _ in LOT_PARTS] + ["BOARD", "SEAL"]
        parts = _insert(conn, Part, [
            {"part_number": f"BENCH-{name}", "name": name.title(), "tracking": "lot",
             "gtin": gtin("0950602", 1) if name == "BOARD" else None} for name in names
        ])  # fmt: skip
        products = _insert(conn, Product, [
            {"gtin": gtin("0950601", p), "name": f"Bench product {p}", "tracking": "serial",
             "case_quantity": 10} for p in range(plan.products)
        ])  # fmt: skip
        work_orders = _insert(conn, WorkOrder, [
            {"number": f"BENCH-WO-{w:06d}", "product_id": products[plan.product(w)],
             "quantity": plan.wo_units(w), "status": "completed", "lot": f"W{w:06d}"}
            for w in range(plan.work_orders)
        ])  # fmt: skip
        customers = _insert(conn, Customer, [
            {"code": f"BC{c:04d}", "name": f"Hospital group {c}"} for c in range(plan.customers)
        ])  # fmt: skip
        site_rows = [(c, s) for c in range(plan.customers) for s in range(1 + c % 3)]
        site_ids = _insert(conn, Site, [
            {"name": f"Hospital {c}-{s}", "customer_id": customers[c]} for c, s in site_rows
        ])  # fmt: skip
        [user] = _insert(conn, User, [
            {"username": "bench-generator", "full_name": "Bench data generator",
             "role": "operator", "password_hash": "!", "disabled_at": T0}
        ])  # fmt: skip
    sites: list[list[int]] = [[] for _ in customers]
    for (c, _s), site in zip(site_rows, site_ids, strict=True):
        sites[c].append(site)
    return Ids(parts, products, work_orders, supplier, user, sites, customers)


def _first_ids(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: (conn.scalar(text(f"SELECT MAX(id) FROM {t}")) or 0) + 1 for t in TABLES}


TABLES = ("items", "links", "shipments", "shipment_lines", "service_records")


def generate(engine: Engine, units: int, *, seed: int = 7, progress: bool = True) -> dict[str, int]:
    """Migrate, then load the synthetic data set; returns rows written per table."""
    upgrade(engine)
    with engine.connect() as conn:
        if conn.scalar(select(func.count()).select_from(Item)):
            raise RuntimeError("the database already holds items: generate into an empty one")
    plan = Plan(units, seed)
    first = _first_ids(engine)
    plan.layout(first["items"])
    ids, codec, slot = master_data(engine, plan), Codec(engine.dialect.name), Slots(plan)
    estimate = (plan.base["end"] - first["items"]) + 6 * units + units // 7
    loader = Loader(engine, Progress(estimate, progress))
    try:
        loader.write("items", ITEM_COLS, item_rows(plan, ids))
        loader.write("events", EVENT_COLS, event_rows(plan, ids, codec, slot))
        loader.write("links", LINK_COLS, link_rows(plan, codec, slot, first["links"]))
        for table, columns, rows in shipment_tables(plan, ids, codec, slot, first):
            loader.write(table, columns, rows)
    except BaseException:
        loader.raw.close()  # rolls back; the master data stays: start again on a fresh database
        raise
    loader.finish()
    loader.progress.close()
    reach_s = after_load(engine, TABLES)
    counts = {**loader.counts, "customers": plan.customers, "sites": sum(map(len, ids.sites))}
    return {**counts, "reach_ms": round(reach_s * 1000)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--database", required=True, metavar="URL")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    engine = make_engine(args.database, timeouts=LOADING)
    started = time.perf_counter()
    counts = generate(engine, args.units, seed=args.seed, progress=not args.quiet)
    print({**counts, "seconds": round(time.perf_counter() - started, 1)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
