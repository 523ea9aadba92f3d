"""Bounded waits on the database: timeouts, a watchdog for a silent server, retries with back-off.

* ``Timeouts`` holds every limit (from the station file's ``[database]`` table, desktop/config.py).
* On PostgreSQL each connection gets ``connect_timeout``, TCP keepalives, a ``tcp_user_timeout``,
  ``statement_timeout`` and ``idle_in_transaction_session_timeout``; a server that stops
  answering altogether (frozen, or its machine gone) is caught on this side by the watchdog:
  a statement, commit or check-out ping that gets no answer within ``statement + grace`` seconds
  has its socket shut, so the call fails instead of waiting for ever.
* A pooled connection is pinged at check-out (bounded the same way) and replaced when the server
  was restarted meanwhile; connections are recycled every ``pool_recycle_s``.
* ``call(engine, attempt, retry=...)`` runs one attempt of a use case; a transient failure
  (connection refused or reset, server restarting or shut down, serialization failure, deadlock,
  SQLite busy) is retried with capped exponential back-off and full jitter when the caller says
  the call is safe to repeat; anything else, or the last failure, becomes ``DatabaseUnavailable``
  with words for a person. Listeners (the window's database light) hear every outcome.
"""

from __future__ import annotations

import logging
import math
import os
import random
import socket
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, event, exc

from db.errors import DatabaseProblem

log = logging.getLogger(__name__)
R = TypeVar("R")

#: SQLSTATEs worth another attempt: the transaction did not happen and may succeed if repeated.
RETRYABLE_STATES = {
    "40001",  # serialization_failure
    "40P01",  # deadlock_detected
    "57P01",  # admin_shutdown
    "57P02",  # crash_shutdown
    "57P03",  # cannot_connect_now (starting up)
    "53300",  # too_many_connections
}
STATEMENT_TIMEOUT_STATE = "57014"  # query_canceled: statement_timeout fired


@dataclass(frozen=True)
class Timeouts:
    """Every limit on waiting for the database, in seconds (``[database]`` in the station file)."""

    connect_s: float = 5.0
    statement_s: float = 15.0
    idle_in_transaction_s: float = 30.0
    #: How much longer than ``statement_s`` a silent server is given before the socket is shut.
    grace_s: float = 5.0
    keepalives_idle_s: int = 10
    keepalives_interval_s: int = 5
    keepalives_count: int = 3
    pool_recycle_s: float = 1800.0
    #: Attempts of a call that is safe to repeat (idempotent or read-only); 1 = no retry.
    retry_attempts: int = 4
    retry_base_s: float = 0.25
    retry_cap_s: float = 2.0

    @property
    def silent_s(self) -> float:
        """The longest a statement or commit may go without an answer."""
        return self.statement_s + self.grace_s

    def problems(self) -> list[str]:
        """What is wrong with these values (empty when they are usable)."""
        out = [
            f"{name} must be more than 0 (found {value:g})"
            for name, value in (
                ("connect_timeout", self.connect_s),
                ("statement_timeout", self.statement_s),
                ("idle_in_transaction_timeout", self.idle_in_transaction_s),
                ("retry_cap", self.retry_cap_s),
            )
            if value <= 0
        ]
        if self.retry_attempts < 1:
            out.append(f"retry_attempts must be at least 1 (found {self.retry_attempts})")
        return out


DEFAULT = Timeouts()
_timeouts: weakref.WeakKeyDictionary[Engine, Timeouts] = weakref.WeakKeyDictionary()


def timeouts_of(engine: Engine) -> Timeouts:
    return _timeouts.get(getattr(engine, "engine", engine), DEFAULT)


def postgres_connect_args(limits: Timeouts) -> dict[str, Any]:
    """libpq parameters that bound connecting and every statement on the server's side."""
    keepalive_ms = 1000 * (
        limits.keepalives_idle_s + limits.keepalives_interval_s * limits.keepalives_count
    )
    options = (
        f"-c statement_timeout={int(limits.statement_s * 1000)} "
        f"-c idle_in_transaction_session_timeout={int(limits.idle_in_transaction_s * 1000)}"
    )
    return {
        "connect_timeout": max(1, math.ceil(limits.connect_s)),
        "keepalives": 1,
        "keepalives_idle": limits.keepalives_idle_s,
        "keepalives_interval": limits.keepalives_interval_s,
        "keepalives_count": limits.keepalives_count,
        "tcp_user_timeout": keepalive_ms,
        "options": options,
    }


class _Watchdog:
    """One daemon thread that shuts the socket of a connection whose deadline passed."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._deadlines: dict[int, tuple[float, Any]] = {}
        self.fired: dict[int, float] = {}  # id(dbapi connection) -> the limit it exceeded
        self._thread: threading.Thread | None = None

    def arm(self, dbapi_conn: Any, seconds: float) -> None:
        with self._lock:
            self._deadlines[id(dbapi_conn)] = (time.monotonic() + seconds, dbapi_conn)
            self.fired.pop(id(dbapi_conn), None)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="lotline-db-watchdog", daemon=True
                )
                self._thread.start()
            self._lock.notify()

    def disarm(self, dbapi_conn: Any) -> None:
        with self._lock:
            self._deadlines.pop(id(dbapi_conn), None)

    def _loop(self) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                due = [(k, c) for k, (d, c) in self._deadlines.items() if d <= now]
                for key, _conn in due:
                    self._deadlines.pop(key)
                nearest = min((d for d, _c in self._deadlines.values()), default=now + 60)
                if not due:
                    self._lock.wait(timeout=max(0.05, nearest - now))
                    continue
            for key, conn in due:
                self._cut(key, conn)

    def _cut(self, key: int, conn: Any) -> None:
        try:
            fd = conn.pgconn.socket
            dup = socket.socket(fileno=os.dup(fd))
        except Exception:  # already closed: nothing is waiting on it
            return
        self.fired[key] = time.monotonic()
        log.warning("the database did not answer in time: closing the connection")
        try:
            dup.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        finally:
            dup.close()


WATCHDOG = _Watchdog()


def _dbapi(conn: Any) -> Any:
    """The DBAPI connection under a SQLAlchemy Connection; None once it was invalidated."""
    if conn is None or conn.invalidated or conn.closed:
        return None
    return conn.connection.dbapi_connection


#: Per thread: the current attempt reached COMMIT (its outcome is unknown if the answer is lost).
_phase = threading.local()


def _watch_commits(engine: Engine) -> None:
    @event.listens_for(engine, "commit")
    def _committing(_conn: Any) -> None:
        _phase.committing = True


def install_postgres(engine: Engine, limits: Timeouts) -> None:
    """Bound every statement, commit, rollback and check-out of ``engine`` by the watchdog."""
    _timeouts[engine] = limits
    _watch_commits(engine)
    silent = limits.silent_s

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn: Any, *_args: Any) -> None:
        if (dbapi_conn := _dbapi(conn)) is not None:
            WATCHDOG.arm(dbapi_conn, silent)

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn: Any, *_args: Any) -> None:
        if (dbapi_conn := _dbapi(conn)) is not None:
            WATCHDOG.disarm(dbapi_conn)

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _ending(conn: Any) -> None:
        if (dbapi_conn := _dbapi(conn)) is not None:
            WATCHDOG.arm(dbapi_conn, silent)  # disarmed at check-in

    @event.listens_for(engine, "connect")
    def _connected(dbapi_conn: Any, _record: Any) -> None:
        WATCHDOG.arm(dbapi_conn, silent)  # the dialect's first queries; disarmed at check-out

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        """A connection kept in the pool may point at a server that restarted since: ping it
        (bounded); the pool replaces it when it does not answer."""
        WATCHDOG.arm(dbapi_conn, limits.connect_s + limits.grace_s)
        try:
            engine.dialect.do_ping(dbapi_conn)  # SELECT 1 in autocommit: no transaction left open
        except Exception as failure:
            raise exc.DisconnectionError(f"stale connection: {failure}") from None
        finally:
            WATCHDOG.disarm(dbapi_conn)

    @event.listens_for(engine, "checkin")
    def _checkin(dbapi_conn: Any, _record: Any) -> None:
        if dbapi_conn is not None:
            WATCHDOG.disarm(dbapi_conn)

    @event.listens_for(engine, "handle_error")
    def _silent(context: Any) -> None:
        dbapi_conn = _dbapi(context.connection)
        if dbapi_conn is not None and id(dbapi_conn) in WATCHDOG.fired:
            context.is_disconnect = True


def install_sqlite(engine: Engine, limits: Timeouts) -> None:
    _timeouts[engine] = limits
    _watch_commits(engine)


class DatabaseUnavailable(DatabaseProblem):
    """The database did not answer or went away (for a call safe to repeat: at every attempt).
    ``maybe_recorded``: an attempt failed while committing, so the server may have recorded it
    (the answer was lost); otherwise nothing was recorded. ``str()`` is one line for a person."""

    def __init__(
        self,
        host: str,
        reason: str,
        *,
        attempts: int = 1,
        since: datetime,
        maybe_recorded: bool = False,
    ) -> None:
        tried = f" (tried {attempts} times)" if attempts > 1 else ""
        outcome = (
            "it may have been recorded (the connection was lost while committing): look before "
            "doing it again"
            if maybe_recorded
            else "nothing was recorded; do it again"
        )
        super().__init__(
            f"the database at {host} is not answering ({reason}){tried}: {outcome} when the "
            "database answers (the database light is green)"
        )
        self.host = host
        self.reason = reason
        self.attempts = attempts
        self.since = since
        self.maybe_recorded = maybe_recorded


def host_of(engine: Engine) -> str:
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return url.database or "memory"
    return f"{url.host or 'localhost'}:{url.port or 5432}"


def sqlstate(failure: BaseException) -> str | None:
    orig = getattr(failure, "orig", failure)
    return getattr(orig, "sqlstate", None)


def reason_of(failure: BaseException, limits: Timeouts) -> str | None:
    """Why the database failed the call in a few words, or None if it is not the database's
    availability at all (a constraint, a bug: those must surface as they are)."""
    if isinstance(failure, exc.TimeoutError):
        return "no free connection in the pool"
    if not isinstance(failure, exc.DBAPIError):
        return None
    state = sqlstate(failure)
    orig = failure.orig
    message = str(orig).strip().splitlines()[0] if orig is not None else str(failure)
    if state == STATEMENT_TIMEOUT_STATE:
        return f"a statement ran longer than {limits.statement_s:g} s"
    if failure.connection_invalidated:
        if "did not answer" in message or "closed the connection" in message:
            return f"no answer within {limits.silent_s:g} s, or the connection was lost"
        return message
    if state in RETRYABLE_STATES or (state or "").startswith("08"):
        return message
    if not isinstance(failure, exc.OperationalError):
        return None
    if type(orig).__module__.startswith("sqlite3"):  # SQLite: only a busy database is transient
        return message if "database is locked" in message else None
    return message if state is None else None  # psycopg: refused, reset, timed out connecting


def is_transient(failure: BaseException, limits: Timeouts) -> bool:
    """A failure where the transaction did not happen and another attempt may succeed.
    A statement timeout is not retried (it would only wait as long again)."""
    return reason_of(failure, limits) is not None and sqlstate(failure) != STATEMENT_TIMEOUT_STATE


#: Outcome listeners: ``fn("ok" | "retrying" | "offline", detail)``, called on the caller's thread.
Listener = Callable[[str, str], None]
_listeners: list[Listener] = []


def add_listener(fn: Listener) -> None:
    _listeners.append(fn)


def remove_listener(fn: Listener) -> None:
    if fn in _listeners:
        _listeners.remove(fn)


#: Engines whose outcomes the listeners are not told: the station's own copy of the shared
#: database (a step checked against it says nothing about whether the shared one answers).
_quiet: weakref.WeakSet[Engine] = weakref.WeakSet()


def keep_quiet(engine: Engine) -> None:
    """Calls on ``engine`` no longer move the database light."""
    _quiet.add(engine)


def _tell(state: str, detail: str) -> None:
    for fn in list(_listeners):
        try:
            fn(state, detail)
        except Exception:  # a listener must never break a service call
            log.exception("database state listener failed")


def _told_nobody(state: str, detail: str) -> None:
    """The listeners of a quiet engine's outcomes: none."""


def backoff(attempt: int, limits: Timeouts, rng: random.Random | None = None) -> float:
    """Seconds to wait before attempt ``attempt + 1``: full jitter under a capped exponential."""
    ceiling = min(limits.retry_cap_s, limits.retry_base_s * 2 ** (attempt - 1))
    return (rng or random).uniform(0, ceiling)


def call(
    engine: Engine,
    attempt: Callable[[], R],
    *,
    retry: bool,
    sleep: Callable[[float], None] = time.sleep,
) -> R:
    """Run ``attempt``; a transient failure is retried (if ``retry``) and the last one raised as
    DatabaseUnavailable. Anything that is not about the database's availability passes through."""
    limits = timeouts_of(engine)
    attempts = limits.retry_attempts if retry else 1
    since = datetime.now(UTC)
    tell = _tell if getattr(engine, "engine", engine) not in _quiet else _told_nobody
    maybe_recorded = False
    for number in range(1, attempts + 1):
        _phase.committing = False
        try:
            result = attempt()
        except (exc.DBAPIError, exc.TimeoutError) as failure:
            reason = reason_of(failure, limits)
            if reason is None:
                raise
            maybe_recorded = maybe_recorded or getattr(_phase, "committing", False)
            if number < attempts and is_transient(failure, limits):
                log.warning("database call failed (%s); attempt %d of %d", reason, number, attempts)
                tell("retrying", reason)
                sleep(backoff(number, limits))
                continue
            tell("offline", reason)
            raise DatabaseUnavailable(
                host_of(engine), reason, attempts=number, since=since, maybe_recorded=maybe_recorded
            ) from None
        else:
            tell("ok", "")
            return result
    raise AssertionError("unreachable")  # the loop returns or raises
