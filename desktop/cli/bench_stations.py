"""`lotline bench stations --stations N --seconds S [--database URL] [--json]`: N operator
stations at once against one PostgreSQL, each a separate process with a scanner simulator on a
pseudo-terminal, the real scanner driver and the real consume use case; events/s and commit
latency p50/p99, and what the server's sessions were waiting on while it ran.

The parent makes a fresh database (or uses ``--database``), loads the demo plant and prepares,
through the use cases as the demo plant's people, one released work order with its serials
commissioned, a serialised housing delivery and one board lot per station (so the stations
share the audit chain and the tables, not a row lock on one lot), all released by QC. Each
station then builds units as fast as it can until the time is up: the unit's label and the
component's label are scanned through its simulator and driver, and each component scan is one
consume event committed (timed from the last byte on the wire to the use case's return). The
first second is a warm-up and is not counted.

While the stations run, the parent samples ``pg_stat_activity`` of the bench database every
0.1 s: how many sessions were running, and how many were waiting and on what (the audit
chain's advisory lock, a row lock, the client), and the machine's CPU use (/proc/stat).
docs/scaling.md reads these figures.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import queue
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from db.engine import make_engine
from db.migrate import ensure_schema
from db.resilience import Timeouts
from desktop.cli.bench_station import fresh_postgres, percentile
from desktop.cli.common import EXIT_FAIL, EXIT_OK
from desktop.services import identity
from desktop.services.core.context import Actor, Context, LoginSession, Settings

GOALS = {"stations": 50, "events_per_s": 1000.0, "p99_ms": 50.0}
PASSWORD = "demo-password"
PUMP_GTIN = "09506000134352"  # the demo plant's infusion pump
STATION = "line-1"  # the demo plant's line station: every bench station records as it
WARM_UP_S = 1.0
#: Units prepared per station: enough for a station that is alone on the server (about 30
#: events/s, two events a unit) and, over all stations, for 600 events/s.
UNITS_PER_S_ALONE = 15
UNITS_PER_S_ALL = 300


def register_bench(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "stations",
        help="N simulated operator stations against one PostgreSQL: events/s, commit p50/p99",
    )
    parser.add_argument("--stations", type=int, default=50, help="stations (processes)")
    parser.add_argument("--seconds", type=float, default=15.0, help="how long they scan")
    parser.add_argument("--database", metavar="URL", help="an empty PostgreSQL database to use")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(handler=run)


@dataclass(frozen=True)
class StationWork:
    """What one station builds: its units (serial labels), a housing for each, its board lot."""

    index: int
    url: str
    serials: tuple[str, ...]
    housings: tuple[str, ...]
    board_lot: str
    seconds: float
    out: str  # file the station writes its samples to (JSON)


def open_context(url: str, *, migrate: bool, timeouts: Timeouts | None = None) -> Context:
    """A context on ``url`` at the demo plant's line-1 station, under the demo plant's policy
    (its people log in with a password alone); the schema brought to head when asked."""
    engine = make_engine(url, timeouts=timeouts or Timeouts())
    if migrate:
        ensure_schema(engine)
    actor = Actor(None, "system:load-bench", "Lotline load bench", None, STATION)
    return Context(engine, actor, Settings(totp_roles=frozenset()))


def units_per_station(stations: int, seconds: float) -> int:
    alone = UNITS_PER_S_ALONE * seconds
    shared = UNITS_PER_S_ALL * seconds / max(stations, 1)
    return math.ceil(min(alone, shared)) + 5


def prepare(url: str, stations: int, per_station: int) -> tuple[list[tuple[str, ...]], ...]:
    """The demo plant, one work order of stations x per_station units, a housing for each and a
    board lot per station, released; returns (serials, housings, board lots) split by station."""
    from desktop.services import masterdata, production, receiving

    base = open_context(url, migrate=True)
    masterdata.ensure_demo_plant(base)
    try:
        total = stations * per_station
        tag = uuid.uuid4().hex[:6].upper()

        def as_(name: str) -> tuple[Context, LoginSession]:
            login = identity.login(base, name, PASSWORD)
            return base.as_actor(login.actor), login

        sup, _ = as_("sam")
        number = f"WO-LOAD-{tag}"
        production.create_work_order(sup, number, PUMP_GTIN, total)
        production.release_work_order(sup, number)
        made = production.commission_serials(sup, number, total)
        head = made.first_serial.rstrip("0123456789")
        low = made.first_serial[len(head) :]
        serials = [f"{head}{n:0{len(low)}d}" for n in range(int(low), int(low) + total)]
        housings = [f"HS-{tag}-{n:06d}" for n in range(1, total + 1)]
        packer, _ = as_("pat")
        delivery = f"DEL-{tag}"
        receiving.receive_material(
            packer, "HOUSING-IP300", "SUP-ACME", delivery, total, serials=housings
        )
        boards = [f"BRD-{tag}-{k:02d}" for k in range(stations)]
        for lot in boards:
            receiving.receive_material(packer, "BOARD-IP300", "SUP-BOARDS", lot, per_station)
        qc, login = as_("quinn")
        for lot in (delivery, *boards):
            receiving.inspect_material(qc, lot, True, "load bench")
            receiving.release_material(qc, login, lot, PASSWORD, username="quinn")
    finally:
        base.engine.dispose()
    split = [tuple(serials[k * per_station : (k + 1) * per_station]) for k in range(stations)]
    hsplit = [tuple(housings[k * per_station : (k + 1) * per_station]) for k in range(stations)]
    return split, hsplit, [(b,) for b in boards]


def station(work: StationWork, ready: Any, go: Any, start: Any) -> None:
    """One station's process: its simulator and driver, the operator logged in; says it is
    ``ready``, waits for ``go`` and builds units from ``start`` (wall clock) until the time is
    up; the samples written to ``work.out``."""
    from desktop.adapters.capture import scan_capture
    from desktop.devices import ScanEvent, scanner_from_config
    from desktop.devices.sim import ScannerSim
    from desktop.services import production
    from desktop.services.core.errors import Refusal

    base = open_context(work.url, migrate=False)
    op = base.as_actor(identity.login(base, "olga", PASSWORD).actor)
    sim = ScannerSim().start()
    device = f"load-{work.index + 1} scanner"
    scanner = scanner_from_config({"url": sim.port_url, "terminator": "CR"}, device_id=device)
    scanner.port.open()
    scanner.on_connect()

    def scan(text_: str) -> tuple[ScanEvent, int]:
        sent_ns = sim.scan(text_)
        event = scanner.read_event(5.0)
        if not isinstance(event, ScanEvent):
            raise RuntimeError(f"station {work.index + 1}: the scanner delivered nothing")
        return event, sent_ns

    samples: list[tuple[float, float]] = []  # (committed at, wall clock; latency in ms)
    refused: list[str] = []
    finished = "time"
    try:
        ready.put(work.index)
        if not go.wait(600):
            raise RuntimeError(f"station {work.index + 1}: the bench never said go")
        while time.time() < start.value:
            time.sleep(0.001)
        end = start.value + work.seconds
        for n, serial in enumerate(work.serials):
            if time.time() >= end:
                break
            unit, _ = scan(serial)
            for label in (f"]C0{work.housings[n]}", f"]C0{work.board_lot}"):
                event, sent_ns = scan(label)
                try:
                    production.consume_component(
                        op, unit.symbol_text, event.symbol_text,
                        event_id=uuid.uuid4(), capture=scan_capture(event),
                    )  # fmt: skip
                except Refusal as refusal:
                    refused.append(refusal.message)
                    continue
                samples.append((time.time(), (time.monotonic_ns() - sent_ns) / 1e6))
        else:
            finished = "units"
    finally:
        scanner.port.close()
        sim.stop()
        base.engine.dispose()
    Path(work.out).write_text(
        json.dumps({"samples": samples, "refused": refused, "finished": finished}),
        encoding="utf-8",
    )


def _cpu_busy() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine, from /proc/stat (0, 0 elsewhere)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0, 0
    values = [int(v) for v in fields]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values) - idle, sum(values)


def watch(url: str, until: float) -> dict[str, Any]:
    """Sample the bench database's sessions until ``until``: running and waiting, by wait."""
    name = url.rsplit("/", 1)[1]
    engine = create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    waits: Counter[str] = Counter()
    running = samples = 0
    busy0, total0 = _cpu_busy()
    query = text(
        "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
        "WHERE datname = :db AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
    )
    with engine.connect() as conn:
        while time.time() < until:
            rows = conn.execute(query, {"db": name}).all()
            samples += 1
            for state, kind, what in rows:
                if state != "active":
                    continue
                if kind is None:
                    running += 1
                else:
                    waits[f"{kind}:{what}"] += 1
            time.sleep(0.1)
    engine.dispose()
    busy1, total1 = _cpu_busy()
    cpu = (busy1 - busy0) / (total1 - total0) if total1 > total0 else None
    return {
        "samples": samples,
        "running_avg": round(running / samples, 2) if samples else None,
        "waiting_avg": {k: round(v / samples, 2) for k, v in waits.most_common(6)}
        if samples
        else {},
        "cpu_busy": round(cpu, 3) if cpu is not None else None,
    }


def measure(url: str, stations: int, seconds: float) -> dict[str, Any]:
    per = units_per_station(stations, seconds + WARM_UP_S)
    started = time.monotonic()
    serials, housings, boards = prepare(url, stations, per)
    prepared_s = time.monotonic() - started
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="lotline-load-") as tmp:
        works = [
            StationWork(k, url, serials[k], housings[k], boards[k][0], seconds + WARM_UP_S,
                        str(Path(tmp) / f"station-{k}.json"))
            for k in range(stations)
        ]  # fmt: skip
        ready, go, start = context.Queue(), context.Event(), context.Value("d", 0.0)
        procs = [
            context.Process(target=station, args=(w, ready, go, start), daemon=True) for w in works
        ]
        for p in procs:
            p.start()
        _wait_ready(ready, procs)
        start_at = time.time() + 0.5  # every station up, logged in, its scanner connected
        start.value = start_at
        go.set()
        while time.time() < start_at + WARM_UP_S:
            time.sleep(0.05)
        server = watch(url, start_at + WARM_UP_S + seconds)
        for p in procs:
            p.join(timeout=seconds + 120)
        outs = []
        for w, p in zip(works, procs, strict=True):
            if p.exitcode != 0 or not Path(w.out).exists():
                raise RuntimeError(f"station {w.index + 1} failed (exit code {p.exitcode})")
            outs.append(json.loads(Path(w.out).read_text(encoding="utf-8")))
    counted_from, counted_to = start_at + WARM_UP_S, start_at + WARM_UP_S + seconds
    kept = [ms for o in outs for at, ms in o["samples"] if counted_from <= at <= counted_to]
    events = len(kept)
    return {
        "stations": stations,
        "seconds": seconds,
        "units_prepared_per_station": per,
        "prepare_s": round(prepared_s, 1),
        "events": events,
        "events_per_s": round(events / seconds, 1),
        "p50_ms": round(percentile(kept, 50), 1) if kept else None,
        "p99_ms": round(percentile(kept, 99), 1) if kept else None,
        "max_ms": round(max(kept), 1) if kept else None,
        "refused": sum(len(o["refused"]) for o in outs),
        "refusals": sorted({m for o in outs for m in o["refused"]})[:5],
        "ran_out_of_units": sum(1 for o in outs if o["finished"] == "units"),
        "server": server,
        "load_before": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }


def _wait_ready(ready: Any, procs: list[Any]) -> None:
    """Until every station process has said it is ready (a process that died fails the run)."""
    waiting = len(procs)
    deadline = time.monotonic() + 600
    while waiting:
        try:
            ready.get(timeout=1.0)
            waiting -= 1
        except queue.Empty:
            dead = [k + 1 for k, p in enumerate(procs) if p.exitcode is not None]
            if dead or time.monotonic() > deadline:
                raise RuntimeError(
                    f"station(s) {dead or 'all'} did not start (see the messages above)"
                ) from None


def verdict(figures: dict[str, Any]) -> str:
    ok_rate = figures["events_per_s"] >= GOALS["events_per_s"]
    ok_p99 = figures["p99_ms"] is not None and figures["p99_ms"] <= GOALS["p99_ms"]
    return "meets" if ok_rate and ok_p99 and figures["stations"] >= GOALS["stations"] else "misses"


def run(args: argparse.Namespace) -> int:
    if args.stations < 1 or args.seconds <= 0:
        print("lotline: --stations must be 1 or more and --seconds more than 0", file=sys.stderr)
        return EXIT_FAIL
    try:
        if args.database:
            figures = measure(args.database, args.stations, args.seconds)
        else:
            with fresh_postgres() as url:
                figures = measure(url, args.stations, args.seconds)
    except (SQLAlchemyError, RuntimeError, OSError) as problem:
        print(f"lotline: the load bench failed: {str(problem).splitlines()[0]}", file=sys.stderr)
        return EXIT_FAIL
    figures["goal"] = GOALS
    figures["verdict"] = verdict(figures)
    if args.json:
        print(json.dumps(figures))
    else:
        s = figures["server"]
        print(
            f"{figures['stations']} stations, {figures['seconds']:g} s: "
            f"{figures['events_per_s']} events/s, commit p50 {figures['p50_ms']} ms, "
            f"p99 {figures['p99_ms']} ms ({figures['verdict']} the goal: "
            f"{GOALS['stations']} stations, >= {GOALS['events_per_s']:g} events/s, "
            f"p99 <= {GOALS['p99_ms']:g} ms)"
        )
        print(
            f"  server sessions: {s['running_avg']} running on average, waiting "
            f"{s['waiting_avg']}; machine CPU busy {s['cpu_busy']}"
        )
        if figures["refused"]:
            print(f"  {figures['refused']} scans refused, e.g. {figures['refusals'][:1]}")
    return EXIT_OK
