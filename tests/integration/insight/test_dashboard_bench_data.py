"""bench/generate_dashboard.py writes a consistent year of plant data on a small bench data set,
and the dashboard's panels answer on it.

Never asserts on timings (ARCHITECTURE.md, Testing).
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bench.generate import T0, generate
from bench.generate_dashboard import BENCH_PASSWORD, BENCH_STATION, BENCH_USER, NOW, add_dashboard
from db.engine import make_engine
from db.models import (
    DeviceHealthReport,
    Event,
    Hold,
    Item,
    Link,
    Nonconformance,
    PrintJob,
    Recall,
    RecallItem,
    WorkOrder,
)
from desktop.domain.insight import Panel
from desktop.services import identity, insight
from desktop.services.core.context import Actor, Context, Settings
from tests.conftest import BACKENDS, fresh_postgres

UNITS = 1000  # bench/generate.py's units; the dashboard data adds 8 recent orders of 500
RECENT_UNITS = 8 * 500
DataSet = tuple[Engine, dict[str, int]]


def _loaded(url: str) -> Iterator[DataSet]:
    engine = make_engine(url)
    try:
        generate(engine, UNITS, progress=False)
        yield engine, add_dashboard(engine, UNITS, progress=False)
    finally:
        engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def data_set(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DataSet]:
    """One data set per database for the module's tests (they read it; one logs in)."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("dashboard") / "bench.sqlite"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield from _loaded(f"sqlite:///{path}")
    else:
        for url in fresh_postgres(request.getfixturevalue("pg_template")):
            yield from _loaded(url)


def _count(s: Session, model: Any, *where: Any) -> int:
    return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _by(s: Session, column: Any, *where: Any) -> Counter[Any]:
    """How many rows for each value of ``column``."""
    rows = s.execute(select(column, func.count()).where(*where).group_by(column)).all()
    return Counter({value: n for value, n in rows})


def test_the_year_of_production_events_and_print_jobs(data_set: DataSet) -> None:
    engine, counts = data_set
    assert counts["units_total"] == UNITS + RECENT_UNITS
    with Session(engine) as s:
        units = s.scalar(select(func.count()).where(Item.kind == "unit", Item.serial.like("S%")))
        assert units == UNITS + RECENT_UNITS
        # every earlier unit passed its four route steps; the recent ones are on their way
        passed = _by(s, Event.kind, Event.outcome == "ok", Event.step_id.is_not(None))
        for kind in ("consume", "check", "label_verify"):
            assert UNITS < passed[kind] <= UNITS + RECENT_UNITS, kind
        assert UNITS < passed["weigh"] + passed["inspect"] <= UNITS + RECENT_UNITS
        # about 3 % of the units failed a first attempt at the weigh/leak or functional test
        failed = _by(s, Event.kind, Event.outcome == "fail")
        assert set(failed) <= {"weigh", "inspect", "check"}
        assert 0.015 < sum(failed.values()) / (UNITS + RECENT_UNITS) < 0.05
        # one verified print job per unit labelled, the troubled ones printed again
        jobs = _by(s, PrintJob.status)
        assert jobs["verified"] == passed["label_verify"]
        assert 0 < jobs["voided"] < 0.02 * jobs["verified"]
        assert 0 < jobs["failed"] < 0.02 * jobs["verified"]
        verified_items = s.scalar(
            select(func.count(PrintJob.item_id.distinct())).where(PrintJob.status == "verified")
        )
        assert verified_items == jobs["verified"]
        reprints = _count(s, PrintJob, PrintJob.reprint_of_id.is_not(None))
        assert reprints == jobs["voided"]
        assert _count(s, Event, Event.kind == "label_print") == sum(jobs.values())
        # the recent work orders: five completed, three released and running
        recent = Counter(
            s.scalars(select(WorkOrder.status).order_by(WorkOrder.id.desc()).limit(8)).all()
        )
        assert recent == {"completed": 5, "released": 3}
        assert _count(s, Event, Event.kind == "label_reconcile") > 0


def test_ncrs_holds_health_reports_and_recalls(data_set: DataSet) -> None:
    engine, _counts = data_set
    with Session(engine) as s:
        # one NCR per functional test failed (opened five minutes after it, before NOW)
        failed_checks = {
            item
            for item, at in s.execute(
                select(Event.item_id, Event.station_time).where(
                    Event.kind == "check", Event.outcome == "fail"
                )
            )
            if at + timedelta(minutes=5) < NOW
        }
        ncrs = s.scalars(select(Nonconformance)).all()
        assert failed_checks and {n.item_id for n in ncrs} == failed_checks
        assert all(n.status == "closed" for n in ncrs if NOW - n.opened_at > timedelta(days=10))
        assert any(n.status == "open" for n in ncrs)
        scrapped = set(s.scalars(select(Item.id).where(Item.status == "scrapped")))
        # a unit is scrapped by its NCR; the generator marks a unit whose functional test will
        # fail as scrapped already before that test (no check event, no NCR yet)
        to_scrap = {n.item_id for n in ncrs if n.disposition == "scrap"}
        assert to_scrap and to_scrap <= scrapped
        ahead = scrapped - {n.item_id for n in ncrs}
        assert not _count(s, Event, Event.item_id.in_(ahead), Event.kind == "check")
        # a hold every two days over the year; those in force were placed in the last two weeks
        holds = s.scalars(select(Hold)).all()
        assert 150 < len(holds) < 200
        in_force = [h for h in holds if h.released_at is None]
        assert in_force and all(NOW - h.placed_at < timedelta(days=14) for h in in_force)
        # an hourly report per device (four lines of a scanner, a scale and a printer)
        hours = int((NOW - T0).total_seconds() // 3600)
        assert _count(s, DeviceHealthReport) == 12 * hours
        # three recalls: two closed lots of a work order each, the broad seal lot still open
        recalls = s.scalars(select(Recall).order_by(Recall.number)).all()
        assert [r.status for r in recalls] == ["closed", "closed", "open"]
        sizes = _by(s, RecallItem.recall_id)
        assert [sizes[r.id] for r in recalls[:2]] == [500, 500]
        broad = recalls[2]
        sealed = set(
            s.scalars(select(Link.parent_item_id).where(Link.child_item_id == broad.scope_item_id))
        )
        affected = set(
            s.scalars(select(RecallItem.item_id).where(RecallItem.recall_id == broad.id))
        )
        assert affected and affected == sealed
        # customers are told in turn: one time per customer, from an hour after the opening
        told = s.execute(
            select(RecallItem.customer_id, RecallItem.notified_at).where(
                RecallItem.recall_id == broad.id
            )
        ).all()
        times = {customer: at for customer, at in told if at is not None}
        assert times and len(set(times.values())) == len(times)
        assert {at for _c, at in told} - {None} == set(times.values())
        first = broad.opened_at + timedelta(hours=1)
        assert all(first <= at < NOW for at in times.values())


def test_the_dashboard_panels_answer_on_the_data_set(data_set: DataSet) -> None:
    engine, _counts = data_set
    settings = Settings(lockout_threshold=5, totp_roles=frozenset())
    start = Context(engine, Actor(None, BENCH_USER, "", None, BENCH_STATION), settings)
    login = identity.login(start, BENCH_USER, BENCH_PASSWORD)
    ctx = Context(engine, login.actor, settings)
    views = {v.panel: v for v in insight.dashboard(ctx, now=NOW)}
    assert set(views) == set(Panel)
    assert all(v.headline for v in views.values())
    with Session(engine) as s:
        open_ncrs = _count(s, Nonconformance, Nonconformance.status != "closed")
        in_force = _count(s, Hold, Hold.released_at.is_(None))
    assert views[Panel.NCRS].headline.startswith(f"{open_ncrs} open")
    assert views[Panel.HOLDS].headline.startswith(f"{in_force} in force")
    # the recent orders run at about 110 units an hour
    assert sum(f.value for f in views[Panel.OUTPUT].figures) > 2000
    wip = sum(f.value for f in views[Panel.WIP].figures if f.key != "wip:nonconforming")
    assert wip > 0
    assert views[Panel.WIP].headline.startswith(f"{int(wip)} units in process")
    # one unit in 256 of the recent ones lacks its tube: a coverage gap
    gaps = {f.key: f.value for f in views[Panel.COVERAGE].figures}
    assert gaps["trace_coverage:component_missing"] > 0
    assert views[Panel.RECALLS].headline.startswith("1 campaign(s) open")
    assert any(f.alert for f in views[Panel.DEVICES].figures)
    # the records behind a figure open too
    records = insight.figure_records(ctx, "trace_coverage:component_missing", now=NOW)
    assert records.total == gaps["trace_coverage:component_missing"]
