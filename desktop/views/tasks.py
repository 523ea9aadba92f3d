"""Run service calls off the GUI thread and hand the result back to it with signals.

The GUI thread never waits on the database: ``runner.run(fn, args..., done=..., refused=...)``
queues ``fn`` on a worker thread. A Refusal goes to ``refused`` (the person gets the reason);
any other exception is logged and shown as an error; nothing dies silently.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.services.errors import Refusal

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    refused = Signal(object)
    failed = Signal(object, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], signals: _Signals) -> None:
        super().__init__()
        self.fn, self.args, self.signals = fn, args, signals

    def run(self) -> None:
        try:
            result = self.fn(*self.args)
        except Refusal as refusal:
            self.signals.refused.emit(refusal)
        except Exception as exc:  # shown to the person and logged, never swallowed
            log.exception("background task %s failed", getattr(self.fn, "__name__", self.fn))
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)
        finally:
            del self.fn, self.args


class Runner(QObject):
    """Queues service calls on a thread pool; results come back on the GUI thread."""

    error = Signal(str)  # any unexpected failure, for the window's message area
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._pending = 0
        self._keep: set[_Signals] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        refused: Callable[[Refusal], None] | None = None,
    ) -> None:
        signals = _Signals()
        self._keep.add(signals)
        if done is not None:
            signals.done.connect(done)
        if refused is not None:
            signals.refused.connect(refused)
        else:
            signals.refused.connect(lambda r: self.error.emit(str(r)))
        signals.failed.connect(self._failed)
        for sig in (signals.done, signals.refused, signals.failed):
            sig.connect(lambda *_a, s=signals: self._finish(s))
        self._pending += 1
        self.busy_changed.emit(True)
        self.pool.start(_Task(fn, args, signals))

    def _failed(self, exc: Exception, trace: str) -> None:
        self.error.emit(f"{type(exc).__name__}: {exc}")

    def _finish(self, signals: _Signals) -> None:
        # Deleted by the GUI thread's event loop, never by the worker that dropped the task.
        signals.deleteLater()
        self._keep.discard(signals)
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    @property
    def pending(self) -> int:
        """Service calls queued or running."""
        return self._pending

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
