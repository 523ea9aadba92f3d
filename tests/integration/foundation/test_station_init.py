"""`lotline station init` sets a station up headless (database, first admin with TOTP, station
file) on both databases, and `station check` / `init` refuse a bad URL, an unreachable host, a
missing database and a weak password with one clear line, writing no station file."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import pyotp
import pytest
from sqlalchemy import create_engine, text

from db.engine import make_engine
from db.probe import Verdict, classify, probe
from desktop.cli import main
from desktop.config import load_config
from desktop.services import identity
from desktop.services.core.context import Actor, Context, Settings

STRONG = "Harbour-lantern-47"


@pytest.fixture(autouse=True)
def _own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys, station file and embedded database in the test's own folders."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for name in ("LOTLINE_CONFIG", "LOTLINE_DATABASE_URL", "LOTLINE_PRODUCTION"):
        monkeypatch.delenv(name, raising=False)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _init(
    monkeypatch: pytest.MonkeyPatch, station: Path, *args: str, stdin: str = STRONG + "\n"
) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["station", "init", "--config", str(station), *args])


def test_init_sets_a_station_up_that_its_admin_logs_in_to(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    station = tmp_path / "station.toml"
    code = _init(
        monkeypatch,
        station,
        *("--station", "pack-2", "--kind", "packaging", "--language", "zh_CN"),
        *("--database", database_url, "--printer", "socket://127.0.0.1:9100"),
        *("--admin", "irene", "--admin-name", "Irene Admin"),
    )
    out = capsys.readouterr()
    assert code == 0, out.err
    cfg = load_config(station, environ={})
    assert (cfg.station, cfg.kind, cfg.language) == ("pack-2", "packaging", "zh_CN")
    assert cfg.database_url == database_url
    assert cfg.devices["printer"].url == "socket://127.0.0.1:9100"
    secret = next(
        line.rsplit(": ", 1)[1] for line in out.out.splitlines() if "TOTP) secret" in line
    )
    key = identity.load_or_create_key(tmp_path / "config/Lotline/totp-secrets.key", create=False)
    assert key is not None  # the secret is stored encrypted under the site's key
    engine = make_engine(database_url)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT totp_secret FROM users")).scalar_one()
    assert stored != secret
    ctx = Context(engine, Actor(None, "irene", "", None, "pack-2"), Settings(secret_key=key))
    session = identity.login(ctx, "irene", STRONG, pyotp.TOTP(secret).now())
    assert session.actor.username == "irene"
    engine.dispose()
    # a second station on the same database: no new admin, only its own station file
    second = tmp_path / "second.toml"
    again = _init(
        monkeypatch, second, "--station", "qc-1", "--kind", "qc", "--database", database_url
    )
    assert again == 0, capsys.readouterr().err
    assert load_config(second, environ={}).kind == "qc"


def test_init_on_the_embedded_database_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    station = tmp_path / "station.toml"
    assert (
        _init(monkeypatch, station, "--station", "line-1", "--kind", "operator", "--admin", "al")
        == 0
    )
    cfg = load_config(station, environ={})
    assert cfg.database_url is not None
    assert cfg.database_url.endswith(str(Path("data/Lotline/lotline.sqlite")))
    assert (tmp_path / "data/Lotline/lotline.sqlite").is_file()
    # a second init refuses to replace the station file
    assert _init(monkeypatch, station, "--station", "x", "--kind", "operator") == 1
    assert "exists already" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "verdict", "words"),
    [
        ("mysql://root@localhost/lotline", Verdict.BAD_URL, 'names "mysql"'),
        ("postgresql://postgres@127.0.0.1:notaport/x", Verdict.BAD_URL, "cannot be read"),
        ("postgresql://postgres@127.0.0.1:{closed}/lotline", Verdict.UNREACHABLE, "cannot reach"),
        (
            "postgresql://postgres@127.0.0.1:5432/lotline_no_such_db",
            Verdict.DATABASE_MISSING,
            "no such database",
        ),
    ],
    ids=["bad-url", "bad-port", "unreachable", "database-missing"],
)
def test_init_refuses_a_database_it_cannot_use_and_writes_nothing(
    url: str,
    verdict: Verdict,
    words: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = url.replace("{closed}", str(_closed_port()))
    assert probe(url).verdict == verdict
    station = tmp_path / "station.toml"
    args = ("--station", "line-1", "--kind", "operator", "--database", url, "--admin", "al")
    assert _init(monkeypatch, station, *args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and words in err
    assert err.count("\n") == 1
    assert not station.exists()
    assert main(["station", "check", "--database", url]) == 1
    assert words in capsys.readouterr().err


def test_init_refuses_a_weak_password_and_writes_no_station_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    station = tmp_path / "station.toml"
    url = f"sqlite:///{tmp_path / 'weak.sqlite'}"
    args = ("--station", "line-1", "--kind", "operator", "--database", url, "--admin", "al")
    assert _init(monkeypatch, station, *args, stdin="short\n") == 1
    assert "too short" in capsys.readouterr().err
    assert not station.exists()
    # production: a common password is refused too, and simulated devices before anything
    prod = (*args[:-2], "--admin", "al", "--production")
    assert _init(monkeypatch, station, *prod, stdin="password1234\n") == 1
    assert "simulated" in capsys.readouterr().err
    real = (*prod, "--scanner", "COM3", "--scale", "COM4", "--printer", "socket://10.0.0.9:9100")
    assert _init(monkeypatch, station, *real, stdin="password1234\n") == 1
    assert "common or breached" in capsys.readouterr().err
    assert not station.exists()


def test_refusals_of_a_shared_server_are_told_apart() -> None:
    assert classify('FATAL:  password authentication failed for user "st"') is (
        Verdict.WRONG_PASSWORD
    )
    assert classify('FATAL:  role "st" does not exist') is Verdict.UNKNOWN_USER
    assert classify('FATAL:  database "x" does not exist') is Verdict.DATABASE_MISSING
    assert classify("Connection refused") is Verdict.UNREACHABLE


def test_check_says_a_database_migrated_by_a_newer_lotline_is_too_new(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeedcafe'"))
    engine.dispose()
    assert probe(postgres_url).verdict is Verdict.SCHEMA_TOO_NEW
    assert main(["station", "check", "--database", postgres_url]) == 1
    assert "newer Lotline" in capsys.readouterr().err


def test_a_first_start_is_one_without_a_station_file_or_a_named_database(
    tmp_path: Path,
) -> None:
    from desktop.first_run import needs_setup

    assert needs_setup(None, {})  # nothing at the default place (the test's own folder)
    assert not needs_setup(tmp_path / "station.toml", {})
    assert not needs_setup(None, {"LOTLINE_CONFIG": str(tmp_path / "station.toml")})
    assert not needs_setup(None, {"LOTLINE_DATABASE_URL": "sqlite:///x.sqlite"})
    (tmp_path / "config" / "Lotline").mkdir(parents=True)
    (tmp_path / "config" / "Lotline" / "station.toml").write_text('station = "a"\n')
    assert not needs_setup(None, {})


def test_a_wrong_password_is_told_apart_on_a_server_that_asks_for_one() -> None:
    """A private cluster (the shared test server trusts everyone) asking for passwords."""
    import shutil
    import tempfile

    from tests.support.private_pg import PrivateCluster

    folder = Path(tempfile.mkdtemp(prefix="lotline-pg-"))  # initdb runs as postgres: not tmp_path
    cluster = PrivateCluster.start_new(folder)
    try:
        admin = create_engine(cluster.admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE ROLE station LOGIN PASSWORD 'Right-horse-battery'"))
        admin.dispose()
        hba = cluster.data / "pg_hba.conf"
        hba.write_text(
            "local all all trust\n"
            "host all postgres 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
        )
        cluster._run("pg_ctl", "-D", str(cluster.data), "reload")
        base = f"127.0.0.1:{cluster.port}/lotline"
        wrong = probe(f"postgresql://station:Wrong-horse@{base}")
        assert wrong.verdict is Verdict.WRONG_PASSWORD, wrong.message
        assert "refused the password" in wrong.message and "Wrong-horse" not in wrong.message
        assert probe(f"postgresql://nobody:x@{base}").verdict is Verdict.WRONG_PASSWORD
        right = probe(f"postgresql://station:Right-horse-battery@{base}")
        assert right.verdict is Verdict.NEW, right.message
    finally:
        cluster.destroy()
        shutil.rmtree(folder, ignore_errors=True)
