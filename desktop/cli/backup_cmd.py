"""`lotline db backup FILE | --scheduled` and `lotline db restore FILE`: the embedded database's
backups (db.backup does the work; this module reads the options and says what happened)."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from db import backup
from desktop.cli.common import EXIT_OK, EXIT_USAGE, add_database, set_handler
from desktop.config import ConfigError, load_config
from desktop.version import __version__


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1_000_000:.1f} MB"


def _describe(manifest: backup.Manifest) -> str:
    last = f", last #{manifest.audit_head_id}" if manifest.audit_head_id is not None else ""
    return (
        f"schema {manifest.schema_revision or 'empty'}, "
        f"{manifest.audit_entries} audit entries{last}, chain verified"
    )


def _backup(args: argparse.Namespace) -> int:
    if args.scheduled:
        if args.file:
            print("lotline db backup: give FILE or --scheduled, not both", file=sys.stderr)
            return EXIT_USAGE
        return _scheduled(args)
    if not args.file:
        print("lotline db backup: give the FILE to write (or --scheduled)", file=sys.stderr)
        return EXIT_USAGE
    target = Path(args.file)
    manifest = backup.backup(
        args.database, target, overwrite=args.force, program_version=__version__
    )
    print(f"backup written: {target} ({_size(target)}; {_describe(manifest)})")
    print(f"manifest: {backup.manifest_path(target)} (keep it with the backup)")
    return EXIT_OK


def _scheduled(args: argparse.Namespace) -> int:
    try:
        cfg = load_config(args.config)
    except ConfigError as problem:
        raise backup.BackupProblem(str(problem)) from None
    if cfg.backup is None:
        raise backup.BackupProblem(
            f"the station file ({cfg.source}) has no [backup] table: add one with folder, "
            "every_hours and keep (docs/operations.md), or give FILE for a single backup"
        )
    result = backup.run_schedule(
        args.database or cfg.database_url,
        cfg.backup.folder,
        every=timedelta(hours=cfg.backup.every_hours),
        keep=cfg.backup.keep,
        program_version=__version__,
    )
    due = result.next_due.astimezone().strftime("%Y-%m-%d %H:%M")
    if result.taken is None:
        print(f"no backup due: the newest is {result.last}; the next is due after {due}")
    else:
        print(f"backup written: {result.taken} ({_size(result.taken)}); next due after {due}")
    for old in result.removed:
        print(f"removed (keeping the newest {cfg.backup.keep}): {old}")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    done = backup.restore(
        Path(args.file),
        args.database,
        force=args.force,
        without_manifest=args.without_manifest,
    )
    taken = done.manifest.taken_at or "time unknown (no manifest)"
    print(f"restored {args.file} (taken {taken}) into {done.target}: {_describe(done.manifest)}")
    if done.kept is not None:
        print(f"the database it replaced is kept as {done.kept}")
    print("the next start (or `lotline db upgrade`) brings its schema up to this version")
    return EXIT_OK


def register_actions(actions: Any) -> None:
    """Add ``backup`` and ``restore`` to the actions of ``lotline db``."""
    up = actions.add_parser(
        "backup",
        help="copy the embedded database (consistent while stations run) with its manifest",
    )
    up.add_argument("file", metavar="FILE", nargs="?", help="the backup file to write")
    up.add_argument("--force", action="store_true", help="replace FILE if it exists")
    up.add_argument(
        "--scheduled",
        action="store_true",
        help="back up into the station file's [backup] folder if one is due, keep the newest",
    )
    up.add_argument("--config", type=Path, help="station file (with --scheduled)")
    add_database(up)
    set_handler(up, _backup)
    down = actions.add_parser(
        "restore", help="restore a backup whose audit trail verifies (never without --force)"
    )
    down.add_argument("file", metavar="FILE", help="a backup written by `lotline db backup`")
    down.add_argument(
        "--force",
        action="store_true",
        help="replace an existing database (it is kept beside it as *.before-restore-*)",
    )
    down.add_argument(
        "--without-manifest",
        action="store_true",
        help="restore a backup whose manifest was lost (its audit chain is still verified)",
    )
    add_database(down)
    set_handler(down, _restore)
