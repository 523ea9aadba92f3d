"""An outage in the middle of a shift: N stations keep scanning while a private PostgreSQL
cluster is stopped and started again, then every station sends its journal; the figures say what
was captured offline, what was sent, what was refused, and whether anything was lost or recorded
twice. Used by the fault test (tests/integration/trust/test_outage.py) and the outage bench
(bench/bench_outage.py).

Each station is a thread with its own scanner simulator on a pty, the real scanner driver, its
own StationCapture (journal and copy in its own folder) and the demo operator logged in; it
builds its own units (a housing and a board each: two consume steps), one scan every ``pace_s``,
and sends its journal once the server is back (as the station's database light makes it do).
"""

from __future__ import annotations

import math
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from db import audit
from db.engine import make_engine
from db.models import Event, Item, Link
from db.resilience import Timeouts
from desktop.adapters.capture import scan_capture
from desktop.cli.bench_stations import PASSWORD, open_context, prepare
from desktop.devices import ScanEvent, scanner_from_config
from desktop.devices.sim import ScannerSim
from desktop.domain.events import LinkKind
from desktop.domain.offline import OfflineStep
from desktop.services import identity
from desktop.services.core.availability import DatabaseUnavailable
from desktop.services.core.errors import Refusal
from desktop.services.offline import StationCapture
from tests.support.private_pg import PrivateCluster

LIMITS = Timeouts(
    connect_s=2, statement_s=5, grace_s=1, retry_attempts=2, retry_base_s=0.05, retry_cap_s=0.2
)


@dataclass
class StationRun:
    index: int
    accepted: list[uuid.UUID] = field(default_factory=list)  # steps the operator saw taken
    kept_offline: int = 0  # of those, kept in the journal (pending) at the time
    refused: list[str] = field(default_factory=list)
    sent: int = 0
    conflicts: int = 0
    problem: str = ""


@dataclass(frozen=True)
class OutageFigures:
    stations: int
    outage_s: float
    steps_taken: int
    captured_offline: int
    sent_after: int
    conflicts: int
    refused_at_station: int
    refusals: tuple[str, ...]
    recorded: int  # of the steps taken, how many events are in the shared database
    lost: int
    duplicated_components: int  # components built into more than one unit
    chain_ok: bool
    journals_ok: bool
    seconds_to_send: float
    problems: tuple[str, ...]


def run_outage(
    cluster: PrivateCluster,
    folder: Path,
    *,
    stations: int = 5,
    outage_s: float = 60.0,
    before_s: float = 2.0,
    after_s: float = 2.0,
    pace_s: float = 0.1,
) -> OutageFigures:
    """Run the shift on ``cluster`` (its database "lotline", migrated); stop the server after
    ``before_s``, start it again ``outage_s`` later; the stations go on ``after_s`` more."""
    url = cluster.url("lotline")
    per = math.ceil((before_s + outage_s + after_s) / (2 * pace_s)) + 2
    serials, housings, boards = prepare(url, stations, per)
    runs = [StationRun(k) for k in range(stations)]
    captures = [StationCapture(folder / f"station-{k + 1}") for k in range(stations)]
    base = open_context(url, migrate=False)
    for capture in captures:
        capture.refresh_copy(base)
    base.engine.dispose()
    back, stop = threading.Event(), threading.Event()
    threads = [
        threading.Thread(
            target=_station,
            args=(runs[k], captures[k], url, serials[k], housings[k], boards[k][0], pace_s, back,
                  stop),
            daemon=True,
        )
        for k in range(stations)
    ]  # fmt: skip
    for thread in threads:
        thread.start()
    time.sleep(before_s)
    cluster.stop()
    time.sleep(outage_s)
    cluster.start()
    restarted = time.monotonic()
    back.set()
    deadline = restarted + 120
    while any(c.capturing_offline for c in captures) and time.monotonic() < deadline:
        time.sleep(0.1)  # every station sends its journal as it finishes its unit
    seconds = time.monotonic() - restarted
    time.sleep(after_s)  # and goes on, online again
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    for run, capture in zip(runs, captures, strict=True):  # whatever a station had left
        ctx = open_context(url, migrate=False, timeouts=LIMITS)
        try:
            report = capture.sync(ctx)
            run.sent += report.sent
            run.conflicts += report.conflicts
        finally:
            ctx.engine.dispose()
    journals_ok = all(c.journal.verify().ok and not c.journal.unsent() for c in captures)
    for capture in captures:
        capture.close()
    return _figures(url, runs, outage_s, journals_ok, seconds)


def _station(
    run: StationRun,
    capture: StationCapture,
    url: str,
    serials: tuple[str, ...],
    housings: tuple[str, ...],
    board: str,
    pace_s: float,
    back: threading.Event,
    stop: threading.Event,
) -> None:
    base = open_context(url, migrate=False, timeouts=LIMITS)
    op = base.as_actor(identity.login(base, "olga", PASSWORD).actor)
    sim = ScannerSim().start()
    scanner = scanner_from_config(
        {"url": sim.port_url, "terminator": "CR"}, device_id=f"outage-{run.index + 1} scanner"
    )
    scanner.port.open()
    scanner.on_connect()

    def scan(text: str) -> ScanEvent:
        sim.scan(text)
        event = scanner.read_event(5.0)
        if not isinstance(event, ScanEvent):
            raise RuntimeError(f"station {run.index + 1}: the scanner delivered nothing")
        return event

    try:
        for n, serial in enumerate(serials):
            if stop.is_set():
                break
            unit = scan(serial)
            for label in (f"]C0{housings[n]}", f"]C0{board}"):
                component = scan(label)
                try:
                    result = capture.step(
                        op, OfflineStep.CONSUME, unit.symbol_text, component.symbol_text,
                        event_id=uuid.uuid4(), capture=scan_capture(component),
                    )  # fmt: skip
                except Refusal as refusal:
                    run.refused.append(refusal.message)
                    continue
                run.accepted.append(result.event_id)
                run.kept_offline += int(result.pending)
                time.sleep(pace_s)
            if back.is_set() and capture.capturing_offline:
                try:
                    report = capture.sync(base)
                except DatabaseUnavailable:
                    continue  # not back for this station yet: the next unit tries again
                run.sent += report.sent
                run.conflicts += report.conflicts
    except Exception as exc:
        run.problem = f"{type(exc).__name__}: {exc}"
    finally:
        scanner.port.close()
        sim.stop()
        base.engine.dispose()


def _figures(
    url: str, runs: list[StationRun], outage_s: float, journals_ok: bool, seconds: float
) -> OutageFigures:
    taken = [e for r in runs for e in r.accepted]
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            recorded = 0
            for start in range(0, len(taken), 500):
                part = taken[start : start + 500]
                recorded += (
                    conn.scalar(select(func.count()).select_from(Event).where(Event.id.in_(part)))
                    or 0
                )
            twice = conn.scalar(
                select(func.count()).select_from(
                    select(Link.child_item_id)
                    .join(Item, Item.id == Link.child_item_id)
                    .where(Link.kind == LinkKind.CONSUME, Item.serial.is_not(None))
                    .group_by(Link.child_item_id)
                    .having(func.count() > 1)
                    .subquery()
                )
            )
        chain_ok = audit.verify(engine).ok
    finally:
        engine.dispose()
    return OutageFigures(
        stations=len(runs),
        outage_s=outage_s,
        steps_taken=len(taken),
        captured_offline=sum(r.kept_offline for r in runs),
        sent_after=sum(r.sent for r in runs),
        conflicts=sum(r.conflicts for r in runs),
        refused_at_station=sum(len(r.refused) for r in runs),
        refusals=tuple(m for r in runs for m in r.refused),
        recorded=recorded,
        lost=len(taken) - recorded,
        duplicated_components=int(twice or 0),
        chain_ok=chain_ok,
        journals_ok=journals_ok,
        seconds_to_send=round(seconds, 1),
        problems=tuple(r.problem for r in runs if r.problem),
    )
