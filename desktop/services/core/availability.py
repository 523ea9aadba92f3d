"""Whether the database is answering, for the station's screens (which never import the database
layer): the refusal raised when it is not, the outcome listeners behind the database light, and
a cheap bounded check for the light's periodic look."""

from __future__ import annotations

from db.engine import check_reachable
from db.errors import DatabaseUnreachable
from db.resilience import (
    DEFAULT,
    DatabaseUnavailable,
    Listener,
    add_listener,
    host_of,
    reason_of,
    remove_listener,
)
from desktop.services.core.context import Context

__all__ = [
    "DatabaseUnavailable",
    "Listener",
    "add_listener",
    "check",
    "host",
    "not_answering",
    "remove_listener",
]


def not_answering(failure: BaseException) -> bool:
    """True when ``failure`` means the database did not answer (rather than a rule or a bug)."""
    return isinstance(failure, DatabaseUnavailable) or reason_of(failure, DEFAULT) is not None


def host(ctx: Context) -> str:
    """Where the station's database is (host:port, or the SQLite file), for the light."""
    return host_of(ctx.engine)


def check(ctx: Context) -> str | None:
    """One bounded round trip (``SELECT 1``): None when the database answered, else why not.
    Run it off the GUI thread."""
    try:
        check_reachable(ctx.engine)
    except DatabaseUnreachable as problem:
        return str(problem)
    except Exception as failure:  # any failure to answer is what the light shows
        return reason_of(failure, DEFAULT) or f"{type(failure).__name__}: {failure}"
    return None
