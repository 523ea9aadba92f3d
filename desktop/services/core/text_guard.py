"""No control characters in stored text: every text column a unit of work writes is checked
before the flush, and a value holding NUL or another control character is refused (tab, line
breaks and the GS1 group separator GS are text; audit entries keep what was refused as given).

The refusal names the table and column; input paths with a file and line (master data) refuse
earlier, naming those.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String, event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from desktop.domain.text import t
from desktop.services.core.errors import Refusal

#: C0 controls but tab, LF, CR and GS (the GS1 separator), and DEL.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1c\x1e\x1f\x7f]")
#: Tables whose text keeps what people gave, as given (the audit trail quotes refused input).
_EXEMPT = frozenset({"audit_entries", "audit_checkpoints", "audit_keys"})


def control_in(value: str) -> str | None:
    """The first control character of ``value`` as people read it ("NUL (U+0000)"), or None."""
    found = _CONTROL.search(value)
    if found is None:
        return None
    char = found.group()
    return f"{'NUL' if char == chr(0) else 'a control character'} (U+{ord(char):04X})"


def _check(session: Session, _context: Any, _instances: Any) -> None:
    for row in (*session.new, *session.dirty):
        table = getattr(type(row), "__tablename__", "")
        if table in _EXEMPT:
            continue
        for column in sa_inspect(type(row)).columns:
            if not isinstance(column.type, String) or column.key is None:
                continue
            value = getattr(row, column.key, None)
            if isinstance(value, str):
                bad = control_in(value)
                if bad is not None:
                    raise Refusal(
                        t(
                            "{field} of {table} holds {bad}: only printable text is stored; "
                            "type it again without it",
                            field=column.key,
                            table=table,
                            bad=bad,
                        ),
                        entity=table,
                    )


def install(session: Session) -> None:
    """Check every flush of ``session`` (a unit of work's)."""
    event.listen(session, "before_flush", _check)


__all__ = ["control_in", "install"]
