"""The station's report of its devices' health to the plant dashboard.

Every ``[dashboard] device_report_minutes`` (a timer on the GUI thread), at log-out and when the
station closes, each device's tally (readings, refused readings, reconnects, counted by its
worker: ``desktop.devices.tally``) is taken and recorded through
``insight.report_device_health`` on the runner's worker thread, never on the GUI thread. Only
while someone is logged in (the report is theirs, audited under their name): otherwise the
counts wait in the tallies. A period with nothing counted is not reported. A report the
database did not take (away, refused) is logged, kept and added to the next one: it is never
lost silently and never shown to the person as an error (it is not their action).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer

from desktop.devices import HealthCounts, HealthTally
from desktop.services import insight
from desktop.services.core.availability import not_answering
from desktop.services.core.context import Context
from desktop.views.tasks import Runner

log = logging.getLogger(__name__)


def send_reports(ctx: Context, reports: tuple[HealthCounts, ...]) -> tuple[HealthCounts, ...]:
    """On a worker thread: record each device's counts; returns those not recorded. Once the
    database does not answer, the rest are not tried (each would wait as long again)."""
    unsent: list[HealthCounts] = []
    for index, counts in enumerate(reports):
        try:
            insight.report_device_health(
                ctx,
                counts.device,
                counts.since,
                counts.until,
                readings=counts.readings,
                refused=counts.refused,
                reconnects=counts.reconnects,
            )
        except Exception as failure:  # kept for the next report, never lost silently
            log.warning(
                "device health of %s (%s to %s) not recorded, kept for the next report: %s",
                counts.device,
                counts.since.isoformat(),
                counts.until.isoformat(),
                failure,
            )
            unsent.append(counts)
            if not_answering(failure):
                unsent.extend(reports[index + 1 :])
                break
    return tuple(unsent)


class DeviceHealthReporter(QObject):
    """Reports ``tallies`` (device id -> tally) for whoever ``logged_in()`` says is logged in,
    every ``minutes`` once :meth:`start` is called, and whenever :meth:`report` is called."""

    def __init__(
        self,
        runner: Runner,
        tallies: Mapping[str, HealthTally],
        minutes: float,
        logged_in: Callable[[], Context | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.tallies = dict(tallies)
        self.logged_in = logged_in
        #: Counts the database did not take yet, by device: added to the next report.
        self.held: dict[str, HealthCounts] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, round(minutes * 60_000)))
        self.timer.timeout.connect(self.report)

    def start(self) -> None:
        if self.tallies:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def report(self, ctx: Context | None = None) -> bool:
        """Take every device's counts and record them (with those held) for ``ctx`` or the
        person logged in; False when nobody is (the counts stay in the tallies) or there is
        nothing to report."""
        ctx = ctx if ctx is not None else self.logged_in()
        if ctx is None or ctx.actor.user_id is None:
            return False
        until = datetime.now(UTC)
        reports: list[HealthCounts] = []
        for device, tally in self.tallies.items():
            counts = tally.take(until)
            held = self.held.pop(device, None)
            if held is not None:
                counts = held.joined(counts)
            if not counts.empty:
                reports.append(counts)
        if not reports:
            return False
        self.runner.run(send_reports, ctx, tuple(reports), done=self._hold)
        return True

    def _hold(self, unsent: tuple[HealthCounts, ...]) -> None:
        """On the GUI thread: what was not recorded waits for the next report."""
        for counts in unsent:
            held = self.held.get(counts.device)
            self.held[counts.device] = held.joined(counts) if held is not None else counts
