"""A station's capture of its production steps, whether or not the shared database answers.

Online, a step is its use case on the shared database, as always (and is kept in the journal as
recorded, so that the copy can be brought up to it later). When the shared database
does not answer (``DatabaseUnavailable`` after the retries a step gets), the station goes
offline: the step is written to the station's journal first (on the disk before anything else
happens), then checked by the same use case against the station's copy of the shared database
(db/replica.py), first brought up to the steps this station took online since the copy was
made; the copy then also holds the step, so the next scan is checked against what this station
did meanwhile. A step the copy refuses is refused to the operator, as online, and kept
in the journal as refused; an accepted step waits there, pending, until the journal is sent
(``sync``). While anything is unsent, new steps go to the journal too, so they are recorded in
the order they were taken.

Steps other than these four (QC release, signatures, shipping, labels) need the shared
database: their use cases refuse while it is away, with the reason.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from db.journal import Journal
from db.replica import (
    CopyMade,
    applied_seq,
    copy_age,
    make_copy,
    open_copy,
    set_applied_seq,
)
from desktop.domain.capture import DeviceCapture
from desktop.domain.offline import DEFAULT_MAX_COPY_AGE_HOURS, JournalState, OfflineStep
from desktop.domain.text import t
from desktop.services import production
from desktop.services.core.availability import DatabaseUnavailable, not_answering
from desktop.services.core.context import Context, LoginSession
from desktop.services.core.errors import Refusal
from desktop.services.offline._steps import (
    actor_data,
    actor_from,
    capture_data,
    keyboard_capture,
    run_step,
    step_args,
    with_origin,
)
from desktop.services.offline._sync import SyncReport, origin_of, send_journal
from desktop.services.production import StepResult, UnitProgress

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaptureState:
    """What the station shows about its capture: offline or not, since when, what waits."""

    offline: bool
    since: datetime | None
    pending: int
    conflicts: int
    refused: int
    copy_taken_at: datetime | None


class StationCapture:
    """The journal and the copy of one station (``folder``: the station's data folder)."""

    def __init__(
        self, folder: Path, *, max_copy_age_hours: float = DEFAULT_MAX_COPY_AGE_HOURS
    ) -> None:
        self.folder = folder
        self.journal = Journal(folder / "journal.sqlite")
        self.copy_path = folder / "offline-copy.sqlite"
        self.max_age = timedelta(hours=max_copy_age_hours)
        self.offline_since: datetime | None = None
        self._copy: Engine | None = None
        self._taken_at: datetime | None = None
        self._lock = threading.RLock()  # the copy is replaced only between steps
        self._sending = threading.Lock()

    # ---- what the station shows -----------------------------------------------------------
    def state(self) -> CaptureState:
        counts = self.journal.counts()
        pending = counts[JournalState.CAPTURED] + counts[JournalState.PENDING]
        return CaptureState(
            self.offline_since is not None or pending > 0,
            self.offline_since,
            pending,
            counts[JournalState.CONFLICT],
            counts[JournalState.REFUSED],
            self.copy_taken_at,
        )

    @property
    def capturing_offline(self) -> bool:
        """Steps go to the journal: the database is away, or earlier steps are not sent yet."""
        return self.offline_since is not None or bool(self.journal.unsent())

    # ---- steps ----------------------------------------------------------------------------
    def step(
        self,
        ctx: Context,
        step: OfflineStep,
        unit_scan: str,
        *values: Any,
        event_id: uuid.UUID,
        capture: DeviceCapture | None = None,
    ) -> StepResult:
        """Take ``step`` for the unit: on the shared database, or into the journal."""
        args = step_args(step, unit_scan, *values)
        if not self.capturing_offline:
            try:
                result = run_step(ctx, step, args, event_id, capture)
            except DatabaseUnavailable:
                self._went_offline()
            else:
                self._keep_online(ctx, step, args, event_id, capture, result)
                return result
        return self._capture(ctx, step, args, event_id, capture)

    def unit_status(self, ctx: Context, scan: str) -> UnitProgress:
        """Where the unit is: from the shared database, or from the copy while offline."""
        if not self.capturing_offline:
            try:
                return production.unit_status(ctx, scan)
            except DatabaseUnavailable:
                self._went_offline()
        return production.unit_status(self._local(ctx), scan)

    def log_in(
        self, ctx: Context, check: Callable[[Context], LoginSession], how: str
    ) -> LoginSession:
        """A log-in (``check(ctx)``: identity.login or login_badge with what the person gave):
        on the shared database; while it does not answer, against the station's copy (the
        credential hashes it holds), journaled and put in the shared audit trail when the
        journal is sent. ``how``: "badge" or "password", as the audit entry says."""
        if not self.capturing_offline:
            try:
                return check(ctx)
            except Refusal:
                raise
            except Exception as failure:
                if not not_answering(failure):
                    raise
                self._went_offline()
        local = self._local(ctx)
        session = check(local)
        entry = self.journal.append(
            OfflineStep.LOGIN, str(uuid.uuid4()), actor_data(session.actor), {"method": how},
            None, datetime.now(UTC),
        )  # fmt: skip
        self.journal.set_state(entry.seq, JournalState.PENDING, "log-in checked by the copy")
        set_applied_seq(local.engine, entry.seq)
        return session

    # ---- the copy -------------------------------------------------------------------------
    def refresh_copy(self, base: Context) -> CopyMade | None:
        """Take a new copy from the shared database (only when nothing waits to be sent: the
        copy then holds this station's unsent steps). None when it was not the time."""
        with self._lock:
            if self.journal.unsent():
                return None
            if self._copy is not None:
                self._copy.dispose()
                self._copy = None
            # every step journaled up to here is in the shared database, so in the copy
            made = make_copy(base.engine, self.copy_path, journal_seq=self.journal.last_seq())
            self._taken_at = made.taken_at
            return made

    @property
    def copy_taken_at(self) -> datetime | None:
        """When the station's copy was taken (read from the file once, then kept)."""
        if self._taken_at is None:
            self._taken_at = copy_age(self.copy_path)
        return self._taken_at

    def copy_is_fresh(self) -> bool:
        taken = self.copy_taken_at
        return taken is not None and datetime.now(UTC) - taken <= self.max_age

    # ---- sending --------------------------------------------------------------------------
    def sync(self, base: Context) -> SyncReport:
        """Send the journal; when all is sent the station is online again and its copy is
        taken afresh. Raises DatabaseUnavailable only if the copy cannot be taken."""
        with self._sending:
            report = send_journal(self.journal, base)
            if report.left == 0:
                self.offline_since = None
                self.refresh_copy(base)
            return report

    def close(self) -> None:
        with self._lock:
            if self._copy is not None:
                self._copy.dispose()
                self._copy = None
        self.journal.close()

    # ---- inside ---------------------------------------------------------------------------
    def _went_offline(self) -> None:
        if self.offline_since is None:
            self.offline_since = datetime.now(UTC)

    def _local(self, ctx: Context) -> Context:
        taken = self.copy_taken_at
        if taken is None:
            raise Refusal(
                t(
                    "the shared database does not answer and this station has no copy of it to "
                    "check steps against: nothing was recorded; wait for the database light"
                )
            )
        if datetime.now(UTC) - taken > self.max_age:
            raise Refusal(
                t(
                    "the shared database does not answer and this station's copy of it is from "
                    "{taken}, older than {hours} h: steps are not checked against it; nothing "
                    "was recorded; wait for the database light",
                    taken=taken.astimezone().strftime("%Y-%m-%d %H:%M"),
                    hours=f"{self.max_age.total_seconds() / 3600:g}",
                )
            )
        with self._lock:
            if self._copy is None:
                self._copy = open_copy(self.copy_path)
            self._catch_up(ctx, self._copy)
            return replace(ctx, engine=self._copy, anchoring=None)

    def _keep_online(
        self,
        ctx: Context,
        step: OfflineStep,
        args: dict[str, Any],
        event_id: uuid.UUID,
        capture: DeviceCapture | None,
        result: StepResult,
    ) -> None:
        """A step the shared database took is journaled as recorded, so that the copy can be
        brought up to it if the database goes away before the copy is taken again."""
        device = capture or keyboard_capture(ctx.actor, step, args)
        try:
            self.journal.append(
                step, str(event_id), actor_data(ctx.actor), args, capture_data(device),
                datetime.now(UTC), state=JournalState.SYNCED, outcome=result.message,
            )  # fmt: skip
        except (OSError, sqlite3.Error) as problem:  # recorded all the same: say so, go on
            log.error(
                "the step %s is recorded but could not be kept in the station's journal %s "
                "(%s): if the database goes away, this station's copy will not know it",
                event_id, self.journal.path, problem,
            )  # fmt: skip

    def _catch_up(self, ctx: Context, copy: Engine) -> None:
        """Apply to the copy the steps the shared database took after the copy was made."""
        done = applied_seq(copy)
        local = replace(ctx, engine=copy, anchoring=None)
        for entry in self.journal.after(done, JournalState.SYNCED):
            if entry.step is OfflineStep.LOGIN:  # nothing to apply: the copy checked it
                done = entry.seq
                continue
            try:
                run_step(
                    local.as_actor(actor_from(entry.actor)), entry.step, entry.args,
                    uuid.UUID(entry.event_id), None,
                )  # fmt: skip
            except Refusal as refusal:  # the shared database took it: the copy lags behind
                log.warning(
                    "the station's copy refuses step %s (journal entry %s) that the shared "
                    "database recorded: %s", entry.event_id, entry.seq, refusal.message,
                )  # fmt: skip
            done = entry.seq
        set_applied_seq(copy, max(done, applied_seq(copy)))

    def _capture(
        self,
        ctx: Context,
        step: OfflineStep,
        args: dict[str, Any],
        event_id: uuid.UUID,
        capture: DeviceCapture | None,
    ) -> StepResult:
        local = self._local(ctx)  # refuses before anything is written when there is no copy
        device = capture or keyboard_capture(ctx.actor, step, args)
        captured_at = datetime.now(UTC)
        entry = self.journal.append(
            step, str(event_id), actor_data(ctx.actor), args, capture_data(device), captured_at
        )
        kept = with_origin(device, origin_of(self.journal, entry))
        try:
            result = run_step(local, step, args, event_id, kept)
        except Refusal as refusal:
            self.journal.set_state(entry.seq, JournalState.REFUSED, refusal.message)
            raise
        finally:
            set_applied_seq(local.engine, entry.seq)
        self.journal.set_state(entry.seq, JournalState.PENDING, result.message)
        return replace(result, pending=True)
