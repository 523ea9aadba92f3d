"""Backups of the embedded SQLite database: a consistent copy taken while stations write (SQLite's
online backup API), a restore that refuses a copy whose audit trail does not verify, and the
scheduled backups of a station file (due or not, and how many are kept).

A backup is one self-contained SQLite file (rollback journal, no -wal beside it) plus a manifest
(``FILE.manifest.json``): when and from where it was taken, its schema revision, its audit
checkpoint (entry count, last entry id and hash) and the SHA-256 of the file. A restore checks
the file (integrity, a schema this program knows, the audit chain, the manifest's checkpoint and
hash) before it touches anything, and keeps the database it replaces beside it.

The shared PostgreSQL database is backed up with PostgreSQL's own tools (docs/operations.md).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, create_engine

from db import audit
from db.engine import SQLITE_BUSY_TIMEOUT_MS, parse_url, resolve_url
from db.errors import DatabaseProblem, SchemaTooNew
from db.migrate import current_revision, refuse_newer_schema

MANIFEST_SUFFIX = ".manifest.json"
SCHEDULED = re.compile(r"^lotline-(\d{8}T\d{6}Z)\.sqlite$")
STAMP = "%Y%m%dT%H%M%SZ"


class BackupProblem(DatabaseProblem):
    """A backup or restore refused or failed; the message names the file and what to do."""


@dataclass(frozen=True)
class Manifest:
    """What a backup holds, written beside it and checked again at restore."""

    taken_at: str
    source: str
    schema_revision: str | None
    audit_entries: int
    audit_head_id: int | None
    audit_head_hash: str | None
    sha256: str
    size: int
    program_version: str = ""

    @classmethod
    def read(cls, path: Path) -> Manifest:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(**{k: raw[k] for k in cls.__dataclass_fields__ if k in raw})
        except (OSError, ValueError, TypeError) as exc:
            raise BackupProblem(f"manifest {path} cannot be read: {exc}") from None


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def sqlite_path(url: str | None) -> Path:
    """The file of an SQLite URL (the embedded default when None); PostgreSQL is refused."""
    parsed = parse_url(resolve_url(url))
    if parsed.get_backend_name() != "sqlite":
        where = parsed.set(drivername="postgresql").render_as_string(hide_password=True)
        raise BackupProblem(
            f"{where} is a PostgreSQL database: back it up with pg_dump or base backups on the "
            "server (docs/operations.md); `lotline db backup` copies the embedded SQLite file"
        )
    if not parsed.database or parsed.database == ":memory:":
        raise BackupProblem("an in-memory database has no file to back up or restore into")
    return Path(parsed.database)


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    conn.isolation_level = None
    return conn


@contextlib.contextmanager
def _engine(path: Path, *, read_only: bool = True) -> Iterator[Engine]:
    engine = create_engine("sqlite://", creator=lambda: _connect(path, read_only=read_only))
    try:
        yield engine
    finally:
        engine.dispose()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _integrity(conn: sqlite3.Connection, path: Path) -> None:
    try:
        found = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        raise BackupProblem(f"{path} is not a Lotline database: {exc}") from None
    if found != ["ok"]:
        raise BackupProblem(f"{path} is damaged: SQLite's integrity check says {found[:3]}")


def _audit_head(conn: sqlite3.Connection) -> tuple[int, int | None, str | None]:
    count, last = conn.execute("SELECT count(*), max(id) FROM audit_entries").fetchone()
    head = None
    if last is not None:
        head = conn.execute("SELECT hash FROM audit_entries WHERE id = ?", (last,)).fetchone()[0]
    return int(count), last, head


def inspect(path: Path, *, program_version: str = "") -> Manifest:
    """Check a database file as a backup must be: intact, a schema this program knows, an
    audit chain that verifies. Returns what a manifest says about it (nothing is written)."""
    if not path.is_file():
        raise BackupProblem(f"{path} does not exist: give the path of a Lotline backup file")
    conn = _connect(path, read_only=True)
    try:
        _integrity(conn, path)
        try:
            count, last, head = _audit_head(conn)
        except sqlite3.DatabaseError:
            raise BackupProblem(f"{path} holds no Lotline audit trail: not a backup") from None
    finally:
        conn.close()
    with _engine(path) as engine:
        try:
            refuse_newer_schema(engine)
        except SchemaTooNew as exc:
            raise BackupProblem(f"{path}: {exc}") from None
        revision = current_revision(engine)
        chain = audit.verify(engine)
    if not chain.ok:
        raise BackupProblem(
            f"{path}: the audit trail does not verify (entry {chain.broken_id}: {chain.problem}, "
            f"{chain.checked} entries checked): this copy cannot be trusted as the record"
        )
    return Manifest(
        taken_at="",
        source="",
        schema_revision=revision,
        audit_entries=count,
        audit_head_id=last,
        audit_head_hash=head,
        sha256=_sha256(path),
        size=path.stat().st_size,
        program_version=program_version,
    )


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup in one step: one read transaction, so one consistent state; in
    WAL mode the stations go on writing meanwhile. The copy gets a rollback journal, so the
    file alone is the whole backup."""
    src = _connect(source, read_only=False)
    dst = _connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError as exc:
        raise BackupProblem(f"copying {source} failed: {exc}") from None
    finally:
        dst.close()
        src.close()


def _write_manifest(path: Path, manifest: Manifest) -> None:
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(json.dumps(asdict(manifest), indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def backup(
    url: str | None, target: Path, *, overwrite: bool = False, program_version: str = ""
) -> Manifest:
    """Copy the SQLite database of ``url`` to ``target`` (and its manifest), checked."""
    source = sqlite_path(url)
    if not source.is_file():
        raise BackupProblem(f"there is no database at {source}: nothing to back up")
    if target.resolve() == source.resolve():
        raise BackupProblem(f"{target} is the database itself: give another file for the backup")
    if target.exists() and not overwrite:
        raise BackupProblem(
            f"{target} already exists: give a new file name, or --force to replace it"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        _copy(source, partial)
        checked = inspect(partial, program_version=program_version)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    manifest = Manifest(
        **{
            **asdict(checked),
            "taken_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "source": str(source),
        }
    )
    os.replace(partial, target)
    _write_manifest(manifest_path(target), manifest)
    return manifest


@dataclass(frozen=True)
class Restored:
    target: Path
    manifest: Manifest
    kept: Path | None  # where the database that was replaced is kept
    manifest_checked: bool


def check_against_manifest(path: Path, found: Manifest, manifest: Manifest) -> None:
    """The file is the one the manifest describes, and its chain ends where it ended then."""
    if found.sha256 != manifest.sha256:
        raise BackupProblem(
            f"{path} is not the file its manifest describes (SHA-256 differs): it was changed "
            "or replaced after the backup; nothing was restored"
        )
    if (found.audit_entries, found.audit_head_hash) != (
        manifest.audit_entries,
        manifest.audit_head_hash,
    ):
        raise BackupProblem(
            f"{path}: the audit trail ends at entry {found.audit_head_id} "
            f"({found.audit_entries} entries) but its checkpoint says "
            f"{manifest.audit_head_id} ({manifest.audit_entries}); nothing was restored"
        )


def _set_aside(target: Path) -> Path:
    """Keep the database about to be replaced: a consistent copy, or its raw files if SQLite
    cannot read it (the reason one restores, often)."""
    stamp = datetime.now(UTC).strftime(STAMP)
    kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
    try:
        _copy(target, kept)
    except BackupProblem:
        kept.unlink(missing_ok=True)
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(target) + suffix)
            if part.exists():
                shutil.copy2(part, Path(str(kept) + suffix))
    return kept


def restore(
    backup_file: Path, url: str | None, *, force: bool = False, without_manifest: bool = False
) -> Restored:
    """Restore ``backup_file`` into the SQLite database of ``url``; refuses a backup that does
    not verify, and an existing database unless ``force`` (which keeps it beside)."""
    target = sqlite_path(url)
    found = inspect(backup_file)
    manifest_file = manifest_path(backup_file)
    if manifest_file.exists():
        manifest = Manifest.read(manifest_file)
        check_against_manifest(backup_file, found, manifest)
    elif without_manifest:
        manifest = found
    else:
        raise BackupProblem(
            f"{manifest_file} is missing: without it a backup cut short at its end cannot be "
            "told from a whole one. Put the manifest beside the backup, or restore anyway with "
            "--without-manifest (the audit chain in the file is still verified)"
        )
    if target.exists() and target.stat().st_size > 0 and not force:
        raise BackupProblem(
            f"{target} already holds a database: restoring replaces it. Stop the stations that "
            "use it, then run again with --force (the current database is kept beside it as "
            f"{target.stem}.before-restore-<time>{target.suffix})"
        )
    kept = _set_aside(target) if target.exists() and target.stat().st_size > 0 else None
    target.parent.mkdir(parents=True, exist_ok=True)
    src = _connect(backup_file, read_only=True)
    try:
        dst = _connect(target)
    except sqlite3.DatabaseError as exc:
        src.close()
        raise BackupProblem(f"cannot open {target} to restore into: {exc}") from None
    try:
        src.backup(dst)
    except sqlite3.DatabaseError:  # not a database any more (damaged): start a new file
        dst.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        dst = _connect(target)
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    with _engine(target, read_only=False) as engine:
        chain = audit.verify(engine)
    if not chain.ok or chain.checked != found.audit_entries:
        raise BackupProblem(
            f"{target} does not verify after the restore ({chain.problem or 'entry count'}): "
            f"the database it replaced is kept as {kept}"
        )
    return Restored(target, manifest, kept, manifest_file.exists())


# -- scheduled backups ----------------------------------------------------------------------


@dataclass(frozen=True)
class Scheduled:
    taken: Path | None  # None when no backup was due
    last: Path | None  # the newest backup in the folder (the one taken, if any)
    next_due: datetime
    removed: tuple[Path, ...] = ()


def scheduled_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """The scheduled backups in ``folder``, oldest first (by the UTC time in their name)."""
    found: list[tuple[datetime, Path]] = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = SCHEDULED.match(path.name)
            if match:
                when = datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)
                found.append((when, path))
    return sorted(found)


def run_schedule(
    url: str | None,
    folder: Path,
    *,
    every: timedelta,
    keep: int,
    now: datetime | None = None,
    program_version: str = "",
) -> Scheduled:
    """Take a backup into ``folder`` if the newest there is ``every`` old (or there is none),
    then keep the newest ``keep`` scheduled backups (never anything else in the folder)."""
    if keep < 1:
        raise BackupProblem("keep must be at least 1 backup")
    moment = now or datetime.now(UTC)
    existing = scheduled_backups(folder)
    if existing and moment - existing[-1][0] < every:
        return Scheduled(None, existing[-1][1], existing[-1][0] + every)
    target = folder / f"lotline-{moment.strftime(STAMP)}.sqlite"
    backup(url, target, program_version=program_version)
    existing = scheduled_backups(folder)
    removed = []
    for _, old in existing[: max(0, len(existing) - keep)]:
        old.unlink(missing_ok=True)
        manifest_path(old).unlink(missing_ok=True)
        removed.append(old)
    return Scheduled(target, target, moment + every, tuple(removed))
