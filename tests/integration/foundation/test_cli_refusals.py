"""Read-only commands never make a database, and bad bytes never reach a person as a traceback:
one line on stderr, exit 1 (2 for usage), nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from db.engine import make_engine
from desktop.cli import main
from tests.conftest import _admin_engine, _pg_url

READ_ONLY = (
    ("audit", "verify"),
    ("db", "current"),
    ("trace", "forward", "SN-1"),
    ("trace", "backward", "SN-1"),
    ("user", "list"),
    ("workorder", "list"),
    ("device", "list"),
    ("receive", "list", "--by", "ada"),
    ("template", "list", "--by", "ada"),
    ("template", "preview", "udi-4x2", "1", "--out", "x.png", "--by", "ada"),
    ("recall", "status", "RC-1", "--by", "ada"),
    ("export", "gudid", "--out", "x.csv", "--by", "ada"),
    ("export", "epcis", "--since", "2026-01-01", "--out", "x.jsonld", "--by", "ada"),
    ("record", "SN-1", "--out", "x.pdf", "--by", "ada"),
)


def _lotline(*args: str | bytes, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("LOTLINE_")}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**base, "LOTLINE_CONFIG": os.devnull, **env},
    )


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lotline: ")
    return lines[0]


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: " ".join(c))
def test_read_only_commands_refuse_a_mistyped_sqlite_path_and_make_nothing(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    missing = tmp_path / "typo" / "lotline.sqlite"
    result = _lotline(*command, "--database", f"sqlite:///{missing}")
    assert result.returncode == 1
    line = _one_line(result)
    assert f"there is no database at {missing}" in line
    assert not missing.exists() and not missing.parent.exists()
    beside = tmp_path / "lotline.sqlit"  # the folder exists, the file name is wrong
    result = _lotline(*command, "--database", f"sqlite:///{beside}")
    assert result.returncode == 1 and "no such file" in _one_line(result)
    assert not beside.exists()


def test_verify_refuses_a_file_that_is_not_a_database_or_has_no_schema(tmp_path: Path) -> None:
    garbage = tmp_path / "notes.sqlite"
    garbage.write_bytes(b"\xff\xfe these are not the droids " * 50)
    result = _lotline("audit", "verify", "--database", f"sqlite:///{garbage}")
    assert result.returncode == 1
    assert "file is not a database" in _one_line(result)
    empty = tmp_path / "empty.sqlite"
    make_engine(f"sqlite:///{empty}").connect().close()
    result = _lotline("audit", "verify", "--database", f"sqlite:///{empty}")
    assert result.returncode == 1
    assert "holds no Lotline schema" in _one_line(result)
    result = _lotline(
        "audit", "verify", "--database", f"sqlite:///{empty}", "--anchor-file", "/nope.jsonl"
    )
    assert result.returncode == 1


@pytest.mark.postgres
def test_verify_refuses_a_postgresql_database_that_does_not_exist(pg_template: str) -> None:
    url = _pg_url("lotline_no_such_database_here")
    result = _lotline("audit", "verify", "--database", url)
    assert result.returncode == 1
    assert 'database "lotline_no_such_database_here" does not exist' in _one_line(result)


def test_trace_refuses_bytes_that_are_not_utf8(database_url: str) -> None:
    for raw in (b"\xff\xfeSN-1", b"SN-\xe9t\xe9", b"\xc3("):
        result = _lotline("trace", "forward", raw, "--database", database_url)
        assert result.returncode == 1, result.stderr
        line = _one_line(result)
        assert "the id given is not UTF-8 text (byte 0x" in line
    result = _lotline("trace", "forward", b"\xff", "--database", database_url)
    assert "(byte 0xFF at character 1)" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert _lotline("audit").returncode == 2
    assert _lotline("db", "setup-roles", "--password", "secret").returncode == 2  # never argv


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(min_size=1, max_size=40))
def test_trace_forward_any_bytes_one_line_or_an_answer(
    raw: bytes, sqlite_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """argv as Python gives it (bytes decoded with surrogateescape): never a traceback."""
    if b"\x00" in raw:
        return  # argv cannot hold NUL
    url = f"sqlite:///{sqlite_template}"
    try:
        code = main(["trace", "forward", os.fsdecode(raw), "--database", url])
    except SystemExit as usage:  # an ID that starts with "-" reads as an option (give -- first)
        code = int(usage.code or 0)
    out = capsys.readouterr()
    assert code in (0, 1, 2)
    if code == 1:
        assert len(out.err.strip().splitlines()) == 1 and out.err.startswith("lotline: ")
    if code == 2:
        assert out.err.startswith("usage: ") and "Traceback" not in out.err


@pytest.mark.postgres
def test_setup_roles_command_reads_passwords_from_stdin_and_is_idempotent(
    postgres_url: str,
) -> None:
    tag = f"{os.getpid()}_{os.urandom(3).hex()}"
    owner, runtime = f"lt_cli_owner_{tag}", f"lt_cli_station_{tag}"
    args = ("db", "setup-roles", "--database", postgres_url, "--owner-role", owner,
            "--runtime-role", runtime)  # fmt: skip
    try:
        first = _lotline(*args, "--password-stdin", stdin="owner-secret\nstation-secret\n")
        assert first.returncode == 0, first.stderr
        assert f"role {owner}: created" in first.stdout
        assert f"role {runtime}: created" in first.stdout
        again = _lotline(*args)
        assert again.returncode == 0, again.stderr
        assert f"role {runtime}: existed" in again.stdout
        by_env = _lotline(*args, LOTLINE_DB_RUNTIME_PASSWORD="new-secret")
        assert f"role {runtime}: existed, password changed" in by_env.stdout
        assert "secret" not in first.stdout + first.stderr
        missing = _lotline(
            "db", "setup-roles", "--database", postgres_url, "--runtime-role", f"lt_x_{tag}",
            "--owner-role", owner,
        )  # fmt: skip
        assert missing.returncode == 1
        assert "no password was given" in _one_line(missing)
    finally:
        engine = make_engine(postgres_url).execution_options(isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for name in (owner, runtime):
                if conn.execute(
                    text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}
                ).first():
                    conn.execute(text(f'DROP OWNED BY "{name}" CASCADE'))
        engine.dispose()
        server = _admin_engine()
        with server.connect() as conn:
            for name in (owner, runtime):
                conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        server.dispose()


def test_setup_roles_on_sqlite_is_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    make_engine(url).connect().close()
    result = _lotline("db", "setup-roles", "--database", url)
    assert result.returncode == 1
    assert "database roles exist on PostgreSQL only" in _one_line(result)


def test_a_command_loads_only_its_own_module_and_every_command_still_answers() -> None:
    from desktop.cli import COMMANDS, _module_of, build_parser

    assert _module_of(["audit", "verify"]) == "audit_cmd"
    assert _module_of(["demo-sheet", "--out", "x.pdf"]) == "demo_sheet_cmd"
    assert _module_of(["--help"]) is None and _module_of([]) is None
    assert _module_of(["qualification", "list"]) is None  # registered by device_cmd
    full = build_parser().format_help()
    for name in COMMANDS:
        command = name.removesuffix("_cmd").replace("_", "-")
        assert command in full
        assert command in build_parser(name).format_help()
    assert _lotline("qualification", "--help").returncode == 0
    unknown = _lotline("nosuch")
    assert unknown.returncode == 2 and "invalid choice: 'nosuch'" in unknown.stderr
