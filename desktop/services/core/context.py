"""Who is acting, where, and against which database: what every use case receives."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import Engine

from db.anchor import Anchoring
from db.types import utcnow
from desktop.domain.permissions import TOTP_REQUIRED_BY_DEFAULT


@dataclass(frozen=True)
class Actor:
    """The person (or system job) behind a write, and the station it came from."""

    user_id: int | None
    username: str
    full_name: str
    role: str | None
    station: str
    station_id: int | None = None

    @classmethod
    def system(cls, job: str) -> Actor:
        """A headless job with no logged-in person (bootstrap, migrations)."""
        return cls(None, f"system:{job}", "Lotline system", None, "cli")


@dataclass
class LoginSession:
    """A continuous signing session (Part 11 11.200(a)(1)): ends at logout, lock or timeout."""

    actor: Actor
    started_at: datetime = field(default_factory=utcnow)
    signings: int = 0
    ended_at: datetime | None = None
    #: The TOTP time step accepted at this log-in (a signature in the same 30 s may repeat it).
    totp_step: int | None = None
    #: The authenticator code typed with the next signature (set by the signature dialog or
    #: command just before signing; used once, then cleared).
    second_factor: str | None = None
    #: In production, a password given by someone else must be changed before anything else.
    must_change_password: bool = False

    @property
    def active(self) -> bool:
        return self.ended_at is None

    def end(self) -> None:
        self.ended_at = utcnow()


@dataclass(frozen=True)
class Settings:
    """Site policy a service applies (from the station configuration)."""

    lockout_threshold: int = 5
    totp_roles: frozenset[str] = frozenset(TOTP_REQUIRED_BY_DEFAULT)
    #: Production mode: password and PIN policy, no demo credentials, forced password change.
    production: bool = False
    #: The key that encrypts TOTP secrets (identity/_secrets.py); None keeps them in clear.
    secret_key: bytes | None = None


@dataclass(frozen=True)
class Context:
    engine: Engine
    actor: Actor
    settings: Settings = Settings()
    #: Signs a checkpoint of the audit chain at every commit (None: the chain is not anchored
    #: by this process; a station in production always has one).
    anchoring: Anchoring | None = None

    def as_actor(self, actor: Actor) -> Context:
        return replace(self, actor=actor)
