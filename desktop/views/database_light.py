"""The database's state in the device strip, like a device light: connected, retrying, or
OFFLINE since HH:MM.

Fed by the outcome of every service call (db/resilience.py tells its listeners: ok, retrying,
offline) and by a cheap check (``SELECT 1``, bounded by the engine's limits) every
``every_ms`` on a thread of its own: the GUI thread never waits on the database.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal

from desktop.services.core import availability
from desktop.services.core.context import Context
from desktop.views.widgets import DeviceLight, DeviceState

log = logging.getLogger(__name__)

CONNECTED, RETRYING, OFFLINE = "ok", "retrying", "offline"  # not a code: a light's states


class DatabaseLight(DeviceLight):
    """A device light for the database; ``state`` is "ok", "retrying" or "offline"."""

    #: The light changed state ("ok", "retrying", "offline"), on the GUI thread: the screens
    #: hear it (the operator screen sends its journal when the database is back).
    changed = Signal(str)
    _heard = Signal(str, str)  # (state, detail) from any thread, shown on the GUI thread
    _done = Signal()  # a check's answer was queued before this: shown by the time this runs

    def __init__(self, title: str, base: Context, *, every_ms: int = 15_000) -> None:
        super().__init__(title)
        self.base = base
        self.host = availability.host(base)
        self.state = CONNECTED
        self.offline_since: QDateTime | None = None
        self._checking = False
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lotline-dbcheck")
        self._heard.connect(self._on_heard, Qt.ConnectionType.QueuedConnection)
        self._done.connect(self._checked, Qt.ConnectionType.QueuedConnection)
        listener, pool = self._heard.emit, self._pool
        availability.add_listener(listener)
        self.destroyed.connect(lambda: availability.remove_listener(listener))
        self.destroyed.connect(lambda: pool.shutdown(wait=False, cancel_futures=True))
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(every_ms)
        self._show()
        self.check()

    @property
    def checking(self) -> bool:
        """A check is under way (its answer not yet shown)."""
        return self._checking

    def check(self) -> None:
        """Ask the database once, off the GUI thread (skipped while a check is under way)."""
        if self._checking:
            return
        self._checking = True
        self._pool.submit(self._probe)

    def _probe(self) -> None:
        try:
            reason = availability.check(self.base)
        except Exception as failure:  # the light shows it; nothing is raised on a pool thread
            reason = f"{type(failure).__name__}: {failure}"
        try:
            self._heard.emit(CONNECTED if reason is None else OFFLINE, reason or "")
        except RuntimeError:  # the window closed meanwhile
            log.debug("database light gone before its check returned")
        self._done.emit()

    def _checked(self) -> None:
        self._checking = False

    def _on_heard(self, state: str, detail: str) -> None:
        if state == OFFLINE and self.state != OFFLINE:
            self.offline_since = QDateTime.currentDateTime()
        if state == CONNECTED:
            self.offline_since = None
        before, self.state = self.state, state
        self._show(detail)
        if state != before:
            self.changed.emit(state)

    def _show(self, detail: str = "") -> None:
        since = self.offline_since.toString("HH:mm") if self.offline_since is not None else ""
        words = {
            "connected": self.tr("connected"),
            "error": self.tr("retrying"),
            "offline": self.tr("OFFLINE since {time}").format(time=since),
            "sim": "",
        }
        problem = detail or self.host if self.state != CONNECTED else ""
        state = DeviceState("database", self.state != OFFLINE, False, self.host, problem)
        self.show_state(state, words)
