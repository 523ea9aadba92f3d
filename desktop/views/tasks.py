"""Run service calls off the GUI thread and hand the result back to it with a signal.

The GUI thread never waits on the database: ``runner.run(fn, args..., done=..., refused=...)``
runs ``fn`` on a worker thread (a plain Python thread pool: no Qt objects are created or
destroyed off the GUI thread). The outcome comes back through one queued signal and the
callbacks run on the GUI thread. A Refusal goes to ``refused`` (the person gets the reason);
so does a database that is not answering (``DatabaseUnavailable``, after the retries a safe call
gets: db/resilience.py), in words saying nothing was recorded and to do it again when the
database light is green; any other exception is logged and shown as an error; nothing dies
silently.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from desktop.services.core.availability import DatabaseUnavailable, not_answering
from desktop.services.core.errors import Refusal
from desktop.views.words import shown

log = logging.getLogger(__name__)


class Runner(QObject):
    """Queues service calls on worker threads; results come back on the GUI thread."""

    error = Signal(str)  # any unexpected failure, for the window's message area
    busy_changed = Signal(bool)
    _deliver = Signal(object)  # a callable to run on the GUI thread

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="lotline-work")
        self._pending = 0
        #: When the last call returned on its worker thread (monotonic ns): a use case has
        #: committed by then. The latency bench reads it.
        self.last_done_ns = 0
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Service calls queued or running, or whose answer is not yet shown."""
        return self._pending

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        refused: Callable[[Refusal], None] | None = None,
    ) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.submit(self._work, fn, args, done, refused)

    def _work(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        done: Callable[[Any], None] | None,
        refused: Callable[[Refusal], None] | None,
    ) -> None:
        try:
            result = fn(*args)
        except Refusal as refusal:  # bound as a default: the except name is cleared after
            if refused is not None:
                self._deliver.emit(lambda r=refusal: refused(r))
            else:
                self._deliver.emit(lambda r=refusal: self.error.emit(shown(r)))
        except DatabaseUnavailable as down:
            log.warning("database unavailable in %s: %s", getattr(fn, "__name__", fn), down)
            if down.maybe_recorded:  # the answer to COMMIT was lost: look before doing it again
                self._deliver.emit(lambda h=down.host: self._maybe_recorded(h, refused))
            else:
                self._deliver.emit(lambda h=down.host: self._not_answering(h, refused))
        except Exception as exc:  # shown to the person and logged, never swallowed
            if not_answering(exc):  # outside a use case (a screen's read): the same words
                log.warning("database unavailable: %s", exc)
                self._deliver.emit(lambda: self._not_answering("", refused))
                return
            log.exception("background task %s failed", getattr(fn, "__name__", fn))
            text = f"{type(exc).__name__}: {exc}"
            self._deliver.emit(lambda: self.error.emit(text))
        else:
            self.last_done_ns = time.monotonic_ns()
            self._deliver.emit((lambda: done(result)) if done is not None else (lambda: None))

    def _not_answering(self, host: str, refused: Callable[[Refusal], None] | None) -> None:
        """On the GUI thread: say in the station's language that nothing was recorded."""
        if host:
            words = self.tr(
                "The database at {host} is not answering: what you just did (your last scan) "
                "was not recorded. Do it again when the database light is green."
            ).format(host=host)
        else:
            words = self.tr(
                "The database is not answering: what you just did (your last scan) was not "
                "recorded. Do it again when the database light is green."
            )
        if refused is not None:
            refused(Refusal(words))
        else:
            self.error.emit(words)

    def _maybe_recorded(self, host: str, refused: Callable[[Refusal], None] | None) -> None:
        words = self.tr(
            "The database at {host} stopped answering while recording what you just did: it may "
            "have been recorded. Look at the record before doing it again."
        ).format(host=host)
        if refused is not None:
            refused(Refusal(words))
        else:
            self.error.emit(words)

    def _on_deliver(self, thunk: Callable[[], None]) -> None:
        try:
            thunk()
        except Exception as exc:  # a screen's callback failed: show it, keep the window
            log.exception("showing a result failed")
            self.error.emit(f"{type(exc).__name__}: {exc}")
        finally:
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)

    def wait(self, msecs: int = 30_000) -> bool:
        """Process events until every call has been answered (tests, shutdown)."""
        end = time.monotonic() + msecs / 1000
        while self._pending and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.005)
        return self._pending == 0
