"""`lotline offline`: a station's capture while the shared database is away (docs/offline.md).

  lotline offline status --folder F
      the station's journal in F: entries by state, when its copy of the shared database was
      taken, and whether the journal's chain verifies (exit 1 when it does not)
  lotline offline sync --folder F --database URL
      send the journal's unsent steps in order (what the station does when the database is
      back); prints sent, conflicts and left; exit 1 with one line when the database is away
      or the journal does not verify. Run it only while the station program is closed.
  lotline offline conflicts [--all] [--json] --by USER
      the steps the shared database refused when they were sent (open ones; --all: decided too)
  lotline offline resolve ID --decision redo|void|recorded --reason TEXT --by USER
      a supervisor's decision about a conflict, with the reason

The password of --by is the first line on stdin (an authenticator code, where the role needs
one, the second). Exit status: 0 done, 1 refused or database problem, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    add_by,
    add_database,
    log_in,
    open_engine,
    set_handler,
    system_context,
)
from desktop.domain.offline import ConflictDecision, ConflictStatus, JournalState
from desktop.services import offline

JOURNAL = "journal.sqlite"


def _capture(folder: Path) -> offline.StationCapture | None:
    """The station's capture in ``folder``; None (said on stderr) when it holds no journal."""
    if not (folder / JOURNAL).is_file():
        print(
            f"lotline: there is no station journal in {folder} (no {JOURNAL}): give the "
            "station's [offline] folder",
            file=sys.stderr,
        )
        return None
    return offline.StationCapture(folder)


def _status(args: argparse.Namespace) -> int:
    capture = _capture(args.folder)
    if capture is None:
        return EXIT_FAIL
    try:
        counts = capture.journal.counts()
        check = capture.journal.verify()
        state = capture.state()
    finally:
        capture.close()
    print(f"journal {args.folder / JOURNAL}:")
    for journal_state in JournalState:
        print(f"  {journal_state.words!s:<24} {counts[journal_state]}")
    if state.copy_taken_at is None:
        print("copy of the shared database: none (steps cannot be captured offline)")
    else:
        taken = state.copy_taken_at.astimezone()
        fresh = "fresh" if capture.copy_is_fresh() else "too old to check steps against"
        print(f"copy of the shared database: taken {taken:%Y-%m-%d %H:%M}, {fresh}")
    if check.ok:
        print(f"journal chain: verifies ({check.checked} entries)")
        return EXIT_OK
    print(f"journal chain: does NOT verify at entry {check.broken_seq}: {check.problem}")
    return EXIT_FAIL


def _sync(args: argparse.Namespace) -> int:
    capture = _capture(args.folder)
    if capture is None:
        return EXIT_FAIL
    try:
        engine = open_engine(args, migrate=False, must_exist=True)
        try:
            report = capture.sync(system_context(engine, "offline sync"))
        except offline.JournalBroken as broken:
            print(f"lotline: {broken}", file=sys.stderr)
            return EXIT_FAIL
        finally:
            engine.dispose()
    finally:
        capture.close()
    print(
        f"sent {report.sent}, log-ins {report.logins}, conflicts {report.conflicts}, "
        f"left {report.left}"
    )
    for line in report.conflict_lines:
        print(f"  conflict at journal entry {line}")
    if report.left:
        print(
            f"lotline: the database stopped answering: {report.left} steps are still in the "
            "journal; run the command again when it answers",
            file=sys.stderr,
        )
        return EXIT_FAIL
    return EXIT_OK


def _as_json(c: offline.ConflictView) -> dict[str, Any]:
    return {
        "id": c.id,
        "event_id": str(c.event_id),
        "station": c.station,
        "seq": c.seq,
        "step": c.step.value,
        "username": c.username,
        "captured_at": c.captured_at.isoformat(),
        "scans": c.scans,
        "refusal": c.refusal,
        "status": c.status.value,
        "decision": c.decision.value if c.decision else None,
        "reason": c.reason,
        "resolved_at": c.resolved_at.isoformat() if c.resolved_at else None,
    }


def _conflicts(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    found = offline.conflicts(ctx, None if args.all else ConflictStatus.OPEN)
    if args.json:
        print(json.dumps([_as_json(c) for c in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print("no open conflicts" if not args.all else "no conflicts")
        return EXIT_OK
    for c in found:
        when = c.captured_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        decided = f"{c.decision.words}: {c.reason}" if c.decision else str(c.status.words)
        print(f"{c.id}  {c.station}  {when}  {c.username}  {c.step.words}  {c.scanned}")
        print(f"    refused: {c.refusal}")
        print(f"    {decided}")
    return EXIT_OK


def _resolve(args: argparse.Namespace) -> int:
    ctx, _, _ = log_in(open_engine(args, must_exist=True), args.by)
    view = offline.resolve_conflict(ctx, args.id, ConflictDecision(args.decision), args.reason)
    decision = view.decision.words if view.decision else ""
    print(f"conflict {view.id} decided: {decision} ({view.reason})")
    return EXIT_OK


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "offline",
        help="a station's journal while the database is away: status, sync, conflicts, resolve",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    status = actions.add_parser("status", help="the journal's entries, its copy, its chain")
    status.add_argument("--folder", type=Path, required=True, help="the station's [offline] folder")
    set_handler(status, _status)

    sync = actions.add_parser("sync", help="send the journal's unsent steps")
    sync.add_argument("--folder", type=Path, required=True, help="the station's [offline] folder")
    add_database(sync)
    set_handler(sync, _sync)

    listed = actions.add_parser("conflicts", help="steps refused when they were sent")
    listed.add_argument("--all", action="store_true", help="decided conflicts too")
    listed.add_argument("--json", action="store_true", help="as JSON")
    add_by(listed)
    add_database(listed)
    set_handler(listed, _conflicts)

    resolve = actions.add_parser("resolve", help="decide a conflict (supervisor)")
    resolve.add_argument("id", type=int, metavar="ID", help="the conflict's number")
    resolve.add_argument(
        "--decision", required=True, choices=[d.value for d in ConflictDecision], help="decision"
    )
    resolve.add_argument("--reason", required=True, help="why (kept in the audit trail)")
    add_by(resolve)
    add_database(resolve)
    set_handler(resolve, _resolve)
