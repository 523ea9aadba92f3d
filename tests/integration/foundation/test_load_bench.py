"""`lotline bench stations`: several station processes, each with its scanner simulator on a
pty and the real driver, build units against one PostgreSQL at once; every committed scan is
counted once, none is refused, the server's sessions are sampled, and the audit chain the
stations wrote together still verifies. (Figures are the bench's business, not asserted.)"""

from __future__ import annotations

import json

from sqlalchemy import func, select

from db.audit_verify import verify_all
from db.engine import make_engine
from db.models import Event
from desktop.cli import main as lotline
from desktop.cli.bench_stations import measure
from desktop.domain.events import EventKind


def test_three_stations_build_units_together_and_the_chain_verifies(postgres_url: str) -> None:
    figures = measure(postgres_url, stations=3, seconds=2.0)
    assert figures["stations"] == 3
    assert figures["refused"] == 0, figures["refusals"]
    assert figures["events"] > 0
    assert figures["events_per_s"] == round(figures["events"] / 2.0, 1)
    assert figures["p50_ms"] is not None and figures["p50_ms"] <= figures["p99_ms"]
    assert figures["server"]["samples"] > 0
    engine = make_engine(postgres_url)
    try:
        with engine.connect() as conn:
            consumed = conn.scalar(
                select(func.count()).select_from(Event).where(Event.kind == EventKind.CONSUME)
            )
        # the counted window leaves out the warm-up and the last moments: never more than all
        assert consumed is not None and consumed >= figures["events"]
        assert verify_all(engine).ok
    finally:
        engine.dispose()


def test_the_command_refuses_nonsense_in_words(capsys) -> None:  # type: ignore[no-untyped-def]
    assert lotline(["bench", "stations", "--stations", "0"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lotline: ") and "--stations must be 1 or more" in err
    assert "Traceback" not in err


def test_json_figures_name_the_goal(postgres_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    code = lotline(
        ["bench", "stations", "--stations", "1", "--seconds", "1", "--database", postgres_url,
         "--json"]
    )  # fmt: skip
    assert code == 0
    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert figures["goal"] == {"stations": 50, "events_per_s": 1000.0, "p99_ms": 50.0}
    assert figures["verdict"] == "misses"  # one station can never be fifty
