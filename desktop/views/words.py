"""Service text in the station's language.

Services hand over English messages made with ``desktop.domain.text.t`` (a ``str`` that keeps
its template and parameters). ``shown(value)`` looks the template up in the Qt translation
file (context "services", filled by scripts/i18n.py) and fills in the parameters; plain strings
(data: a serial, a lot, a name typed into the master data) are shown as they are. The words
of a vocabulary value (``Status.RELEASED.words``) are looked up with the vocabulary's name as
Qt's disambiguation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.text import Text

CONTEXT = "services"


def _translate(template: str, disambiguation: str | None = None) -> str:
    """The template in the station's language; ``disambiguation`` names a vocabulary (the
    words of a status or kind are translated in their vocabulary's own context)."""
    return QCoreApplication.translate(CONTEXT, template, disambiguation)


def shown(value: Any) -> str:
    """``value`` as the person at this station should read it."""
    if isinstance(value, Text):
        return value.render(_translate)
    if isinstance(value, BaseException):
        return shown(getattr(value, "message", None) or str(value))
    return "" if value is None else str(value)
