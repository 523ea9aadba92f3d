"""A station screen whose actions are use cases: each runs on the worker thread, its refusal is
shown in the screen's result panel, and Enter or Esc acknowledges the refusal."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from desktop.services.core.errors import Refusal
from desktop.views.screen import Screen
from desktop.views.widgets import ResultPanel
from desktop.views.words import shown


class ActingScreen(Screen):
    """The receiving, shipping, service, label-template and QC screens share this: a subclass
    builds ``self.result`` (a ResultPanel) and calls use cases through :meth:`call`."""

    result: ResultPanel

    def keyPressEvent(self, event: Any) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        if event.key() in keys and self.result.refused:
            self.result.acknowledge()
            self.result.show_idle("")
            return
        super().keyPressEvent(event)

    def call(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None],
        title: str | None = None,
        **kw: Any,
    ) -> None:
        """Run the use case ``fn(ctx, *args, **kw)`` for the logged-in person; ``done`` gets
        its answer, a refusal is shown under ``title`` (default "Refused")."""
        if self.ctx is None:
            return
        call = functools.partial(fn, **kw) if kw else fn
        refused = functools.partial(self._refused, title or self.tr("Refused"))
        self.runner.run(call, self.ctx, *args, done=done, refused=refused)

    def _refused(self, title: str, refusal: Refusal) -> None:
        self.refuse(
            title, shown(refusal.message), self.tr("Nothing was recorded. Press Enter to go on.")
        )

    def refuse(self, title: str, reason: str, hint: str) -> None:
        self.result.show_refused(title, reason, hint)
