"""`lotline user passwd NAME`: the old and new password on stdin; a refusal is one line, exit 1."""

from __future__ import annotations

import subprocess
import sys

from db.engine import make_engine
from desktop.services import identity
from tests.support.foundation import admin_ctx, station_ctx


def _passwd(url: str, name: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "user", "passwd", name, "--database", url],
        input=stdin, capture_output=True, text=True, timeout=120,
        env={"LOTLINE_STATION": "cli-test", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"},
    )  # fmt: skip


def test_a_user_changes_their_password_from_the_command_line(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        identity.add_user(admin_ctx(engine), "nina", "Nina", "operator", "given-password-1")
    finally:
        engine.dispose()
    wrong = _passwd(database_url, "nina", "not-it\nnew-password-22\n")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stdout + wrong.stderr
    assert "wrong user name or password" in wrong.stdout + wrong.stderr
    short = _passwd(database_url, "nina", "given-password-1\nshort\n")
    assert short.returncode == 1 and "too short" in short.stdout + short.stderr
    done = _passwd(database_url, "nina", "given-password-1\nnew-password-22\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "password of nina changed" in done.stdout
    engine = make_engine(database_url)
    try:
        station = station_ctx(engine)
        assert identity.login(station, "nina", "new-password-22").actor.username == "nina"
    finally:
        engine.dispose()
