"""The station file's [database] limits, the back-off, and which failures are retried."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from db.engine import make_engine
from db.resilience import Timeouts, backoff, is_transient, postgres_connect_args, reason_of
from desktop.config import ConfigError, load_config


def _station(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "station.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_station_file_sets_the_limits_and_every_connection_gets_them(tmp_path: Path) -> None:
    cfg = load_config(
        _station(tmp_path, "[database]\nconnect_timeout = 3\nstatement_timeout = 8.5\n"),
        environ={},
    )
    assert (cfg.database.connect_s, cfg.database.statement_s) == (3.0, 8.5)
    args = postgres_connect_args(cfg.database)
    assert args["connect_timeout"] == 3 and args["keepalives"] == 1
    assert "statement_timeout=8500" in args["options"]
    assert "idle_in_transaction_session_timeout=30000" in args["options"]
    engine = make_engine("postgresql://u@db.example:5432/x", timeouts=cfg.database)
    assert engine.pool._recycle == cfg.database.pool_recycle_s  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("statement_timout = 5", "statement_timout is not a setting"),
        ('statement_timeout = "soon"', "statement_timeout must be a number"),
        ("statement_timeout = 0", "statement_timeout must be more than 0"),
        ("retry_attempts = 0", "retry_attempts must be at least 1"),
        ("keepalives_count = 2.5", "keepalives_count must be a whole number"),
    ],
)
def test_a_wrong_limit_is_refused_naming_it(tmp_path: Path, body: str, words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        load_config(_station(tmp_path, f"[database]\n{body}\n"), environ={})


def test_back_off_grows_is_capped_and_jittered() -> None:
    limits = Timeouts(retry_base_s=0.25, retry_cap_s=2.0)
    rng = random.Random(7)
    waits = [backoff(n, limits, rng) for n in range(1, 12) for _ in range(20)]
    assert all(0 <= w <= 2.0 for w in waits)
    assert len({round(w, 6) for w in waits}) > 100  # jittered, not a fixed ladder
    assert max(backoff(1, limits, rng) for _ in range(50)) <= 0.25


def test_only_a_busy_sqlite_database_is_transient() -> None:
    busy = OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    broken = OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: item"))
    assert is_transient(busy, Timeouts()) and reason_of(broken, Timeouts()) is None


def test_the_cli_edge_says_a_lost_database_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from desktop.cli.common import EXIT_FAIL, guarded

    def migrating(_args: argparse.Namespace) -> int:  # a failure outside any use case
        raise OperationalError("SELECT", {}, ConnectionResetError("server closed the connection"))

    def bug(_args: argparse.Namespace) -> int:
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: item"))

    args = argparse.Namespace(database="postgresql://u:secret@db.example:5432/lotline")
    assert guarded(migrating)(args) == EXIT_FAIL
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("lotline: the database ")
    assert "db.example:5432" in err and "secret" not in err and "run it again" in err
    with pytest.raises(OperationalError):  # not about availability: not dressed up as one
        guarded(bug)(args)
