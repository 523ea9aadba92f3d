"""Sending a station's journal to the shared database: every unsent entry in journal order,
through the same use case with the same event id (so an entry already recorded, because the
answer of its first sending was lost, is found and not recorded twice), in the name of the
person who captured it; an entry the shared database refuses becomes a conflict for a
supervisor. The chain is verified first: a journal that was changed sends nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from db.journal import Journal, JournalEntry
from desktop.domain.offline import JournalState, OfflineOrigin, OfflineStep
from desktop.domain.text import t
from desktop.services.core.availability import DatabaseUnavailable
from desktop.services.core.context import Context
from desktop.services.core.errors import Refusal
from desktop.services.offline._conflicts import record_conflict
from desktop.services.offline._logins import record_offline_login
from desktop.services.offline._steps import actor_from, capture_from, keyboard_capture, run_step


class JournalBroken(Exception):
    """The journal's chain does not verify: nothing is sent; the message says where."""


@dataclass
class SyncReport:
    sent: int = 0  # steps recorded now, or found already recorded
    logins: int = 0  # log-ins checked by the copy, now in the shared audit trail
    conflicts: int = 0  # refused by the shared database: kept for a supervisor
    left: int = 0  # still unsent (the database went away again)
    conflict_lines: list[str] = field(default_factory=list)


def origin_of(journal: Journal, entry: JournalEntry) -> OfflineOrigin:
    return OfflineOrigin(journal.name, entry.seq, entry.hash, entry.captured_at)


def send_journal(journal: Journal, base: Context) -> SyncReport:
    """Send every unsent entry; stops (entries left unsent) when the database goes away."""
    check = journal.verify()
    if not check.ok:
        raise JournalBroken(
            str(
                t(
                    "the station's journal {path} does not verify at entry {seq}: {problem}; "
                    "nothing was sent: keep the file and call quality",
                    path=str(journal.path),
                    seq=check.broken_seq,
                    problem=check.problem,
                )
            )
        )
    report = SyncReport()
    while True:
        unsent = journal.unsent()
        if not unsent:
            return report
        for entry in unsent:
            try:
                _send(journal, base, entry, report)
            except DatabaseUnavailable:
                report.left = len(journal.unsent())
                return report


def _send(journal: Journal, base: Context, entry: JournalEntry, report: SyncReport) -> None:
    actor = actor_from(entry.actor)
    ctx = base.as_actor(actor)
    origin = origin_of(journal, entry)
    capture = (
        capture_from(entry.capture, origin)
        if entry.capture is not None
        else capture_from(_keyboard(entry), origin)
    )
    event_id = uuid.UUID(entry.event_id)
    if entry.step is OfflineStep.LOGIN:
        _send_login(journal, ctx, entry, event_id, origin, report)
        return
    try:
        result = run_step(ctx, entry.step, entry.args, event_id, capture)
    except Refusal as refusal:
        record_conflict(
            ctx, origin.journal, entry.seq, entry.hash, entry.step, entry.captured_at,
            dict(entry.args), None if entry.capture is None else dict(entry.capture),
            refusal.message, event_id=event_id,
        )  # fmt: skip
        journal.set_state(entry.seq, JournalState.CONFLICT, refusal.message)
        report.conflicts += 1
        report.conflict_lines.append(f"{entry.seq}: {refusal.message}")
        return
    journal.set_state(entry.seq, JournalState.SYNCED, result.message)
    report.sent += 1


def _send_login(
    journal: Journal,
    ctx: Context,
    entry: JournalEntry,
    event_id: uuid.UUID,
    origin: OfflineOrigin,
    report: SyncReport,
) -> None:
    try:
        record_offline_login(ctx, entry.captured_at, str(entry.args["method"]), event_id=event_id)
    except Refusal as refusal:
        record_conflict(
            ctx, origin.journal, entry.seq, entry.hash, entry.step, entry.captured_at,
            dict(entry.args), None, refusal.message, event_id=event_id,
        )  # fmt: skip
        journal.set_state(entry.seq, JournalState.CONFLICT, refusal.message)
        report.conflicts += 1
        report.conflict_lines.append(f"{entry.seq}: {refusal.message}")
        return
    journal.set_state(entry.seq, JournalState.SYNCED, "log-in recorded")
    report.logins += 1


def _keyboard(entry: JournalEntry) -> dict[str, object]:
    made = keyboard_capture(actor_from(entry.actor), entry.step, entry.args)
    return {
        "device": made.device,
        "raw_hex": made.raw.hex(),
        "received_at": entry.captured_at.isoformat(),
    }
