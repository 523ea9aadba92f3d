"""Backups of the embedded database as plant IT runs them: `lotline db backup` while a demo shift
writes, `lotline db restore` into a new file (identical rows, audit verify OK), and every
refusal (an existing database without --force, a changed backup, a cut manifest, PostgreSQL)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def lotline(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTLINE_")}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=cwd,
    )


def audit_count(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=15)
        try:
            return int(conn.execute("SELECT count(*) FROM audit_entries").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def all_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def shift_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """(the demo's database after the shift, a backup taken while the shift wrote, the audit
    entries in the database when the backup was finished)."""
    work = tmp_path_factory.mktemp("backup")
    out = work / "demo"
    shift = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "demo", "--out", str(out), "--units", "10"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("LOTLINE_")},
    )
    database = out / "lotline-demo.sqlite"
    try:
        deadline = time.monotonic() + 240
        while audit_count(database) < 40:  # the shift is under way
            assert shift.poll() is None, f"the demo ended early: {shift.communicate()[0]}"
            assert time.monotonic() < deadline, "the demo wrote no audit entries"
            time.sleep(0.1)
        target = work / "mid-shift.sqlite"
        done = lotline("db", "backup", str(target), "--database", f"sqlite:///{database}")
        assert done.returncode == 0, done.stderr
        assert f"backup written: {target}" in done.stdout and "chain verified" in done.stdout
        written_while_running = audit_count(database)
        output, _ = shift.communicate(timeout=300)
    finally:
        if shift.poll() is None:
            shift.kill()
            shift.communicate()
    assert shift.returncode == 0, output  # the shift was never held up by the backup
    assert "audit verify: OK" in output
    return database, target, written_while_running


def test_a_backup_taken_while_the_shift_writes_restores_identically(
    shift_backup: tuple[Path, Path, int], tmp_path: Path
) -> None:
    database, backup, _ = shift_backup
    manifest = json.loads(Path(f"{backup}.manifest.json").read_text(encoding="utf-8"))
    taken = audit_count(backup)
    assert 40 <= taken == manifest["audit_entries"] < audit_count(database)  # mid-shift
    assert not Path(f"{backup}-wal").exists()  # one self-contained file

    restored = tmp_path / "restored" / "lotline.sqlite"
    done = lotline("db", "restore", str(backup), "--database", f"sqlite:///{restored}")
    assert done.returncode == 0, done.stderr
    assert f"into {restored}" in done.stdout and f"{taken} audit entries" in done.stdout

    assert all_rows(restored) == all_rows(backup)
    verify = lotline("audit", "verify", "--database", f"sqlite:///{restored}")
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert verify.stdout.startswith(f"OK: {taken} audit entries")


def test_restore_never_replaces_a_database_without_force(
    shift_backup: tuple[Path, Path, int], tmp_path: Path
) -> None:
    database, backup, _ = shift_backup
    current = tmp_path / "station.sqlite"
    shutil.copyfile(database, current)
    before = all_rows(current)

    refused = lotline("db", "restore", str(backup), "--database", f"sqlite:///{current}")
    assert refused.returncode == 1
    assert f"{current} already holds a database" in refused.stderr
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert all_rows(current) == before

    forced = lotline("db", "restore", str(backup), "--database", f"sqlite:///{current}", "--force")
    assert forced.returncode == 0, forced.stderr
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("station.before-restore-")]
    assert len(kept) == 1 and f"kept as {kept[0]}" in forced.stdout
    assert all_rows(kept[0]) == before  # what was replaced is kept, whole
    assert all_rows(current) == all_rows(backup)


def _tamper(path: Path) -> None:
    """Change one audit entry the way someone with the file and a SQLite shell could."""
    conn = sqlite3.connect(path)
    triggers = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entries'"
    ).fetchall()
    for (name,) in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE audit_entries SET reason = 'edited' WHERE id = 7")
    conn.commit()
    conn.close()


def test_a_backup_whose_audit_trail_does_not_verify_is_refused(
    shift_backup: tuple[Path, Path, int], tmp_path: Path
) -> None:
    _, backup, _ = shift_backup
    changed = tmp_path / "changed.sqlite"
    shutil.copyfile(backup, changed)
    shutil.copyfile(f"{backup}.manifest.json", f"{changed}.manifest.json")
    _tamper(changed)
    target = tmp_path / "new.sqlite"

    with_manifest = lotline("db", "restore", str(changed), "--database", f"sqlite:///{target}")
    assert with_manifest.returncode == 1
    assert "the audit trail does not verify (entry 7" in with_manifest.stderr

    Path(f"{changed}.manifest.json").unlink()
    anyway = lotline(
        "db", "restore", str(changed), "--database", f"sqlite:///{target}", "--without-manifest"
    )
    assert anyway.returncode == 1 and "does not verify (entry 7" in anyway.stderr
    assert not target.exists()  # nothing half-written


def test_a_backup_without_its_manifest_is_restored_only_when_told(
    shift_backup: tuple[Path, Path, int], tmp_path: Path
) -> None:
    _, backup, _ = shift_backup
    bare = tmp_path / "bare.sqlite"
    shutil.copyfile(backup, bare)
    target = tmp_path / "new.sqlite"
    refused = lotline("db", "restore", str(bare), "--database", f"sqlite:///{target}")
    assert refused.returncode == 1 and "bare.sqlite.manifest.json is missing" in refused.stderr
    assert "--without-manifest" in refused.stderr and not target.exists()
    told = lotline(
        "db", "restore", str(bare), "--database", f"sqlite:///{target}", "--without-manifest"
    )
    assert told.returncode == 0, told.stderr
    assert "(taken time unknown (no manifest))" in told.stdout
    assert all_rows(target) == all_rows(backup)


def test_a_backup_cut_short_or_replaced_does_not_match_its_manifest(
    shift_backup: tuple[Path, Path, int], tmp_path: Path
) -> None:
    database, backup, _ = shift_backup
    other = tmp_path / "other.sqlite"
    shutil.copyfile(database, other)  # a whole, verifying database, but not this backup
    shutil.copyfile(f"{backup}.manifest.json", f"{other}.manifest.json")
    target = tmp_path / "new.sqlite"
    done = lotline("db", "restore", str(other), "--database", f"sqlite:///{target}")
    assert done.returncode == 1 and "is not the file its manifest describes" in done.stderr
    assert not target.exists()


def test_backup_refusals_say_what_to_do(
    shift_backup: tuple[Path, Path, int], tmp_path: Path
) -> None:
    database, backup, _ = shift_backup
    url = f"sqlite:///{database}"
    exists = lotline("db", "backup", str(backup), "--database", url)
    assert (
        exists.returncode == 1 and "already exists" in exists.stderr and "--force" in exists.stderr
    )
    missing = lotline("db", "backup", str(tmp_path / "b.sqlite"), "--database", "sqlite:///nowhere")
    assert missing.returncode == 1 and "there is no database at nowhere" in missing.stderr
    pg = lotline("db", "backup", str(tmp_path / "b.sqlite"), "--database", "postgresql://u@h/db")
    assert pg.returncode == 1 and "pg_dump" in pg.stderr and "docs/operations.md" in pg.stderr
    nothing = lotline("db", "backup", "--database", url)
    assert nothing.returncode == 2 and "give the FILE" in nothing.stderr


def test_scheduled_backups_follow_the_station_file(
    shift_backup: tuple[Path, Path, int], tmp_path: Path
) -> None:
    database, _, _ = shift_backup
    folder = tmp_path / "backups"
    station = tmp_path / "station.toml"
    station.write_text(
        f'database_url = "sqlite:///{database.as_posix()}"\n\n'
        f'[backup]\nfolder = "{folder.as_posix()}"\nevery_hours = 24\nkeep = 3\n',
        encoding="utf-8",
    )
    first = lotline("db", "backup", "--scheduled", "--config", str(station))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"backup written: {folder}")
    again = lotline("db", "backup", "--scheduled", "--config", str(station))
    assert again.returncode == 0 and again.stdout.startswith("no backup due"), again.stderr
    written = sorted(p.name for p in folder.iterdir())
    assert len(written) == 2 and written[1] == written[0] + ".manifest.json"

    station.write_text('[backup]\nfolder = ""\n', encoding="utf-8")
    bad = lotline("db", "backup", "--scheduled", "--config", str(station))
    assert bad.returncode == 1 and "[backup] needs a folder" in bad.stderr


def test_the_schedule_takes_a_backup_when_due_and_keeps_the_newest(
    sqlite_template: Path, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    from db.backup import run_schedule

    database = tmp_path / "station.sqlite"
    shutil.copyfile(sqlite_template, database)
    url, folder, start = (
        f"sqlite:///{database}",
        tmp_path / "backups",
        datetime(2025, 3, 1, tzinfo=UTC),
    )
    unrelated = folder / "notes.txt"
    folder.mkdir()
    unrelated.write_text("kept", encoding="utf-8")
    taken = []
    for hour in range(0, 30, 2):  # the computer's scheduler runs it every 2 hours
        result = run_schedule(
            url, folder, every=timedelta(hours=6), keep=3, now=start + timedelta(hours=hour)
        )
        if result.taken is not None:
            taken.append(hour)
    assert taken == [0, 6, 12, 18, 24]
    left = sorted(p.name for p in folder.glob("lotline-*.sqlite"))
    assert left == [
        "lotline-20250301T120000Z.sqlite",
        "lotline-20250301T180000Z.sqlite",
        "lotline-20250302T000000Z.sqlite",
    ]
    assert len(list(folder.glob("*.manifest.json"))) == 3 and unrelated.exists()
