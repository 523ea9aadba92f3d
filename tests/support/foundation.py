"""Small builders for foundation tests: users and contexts made through the services."""

from __future__ import annotations

from sqlalchemy import Engine

from desktop.services import identity
from desktop.services.core.context import Actor, Context, Settings

ADMIN_PW = "admin-password-1"
SETTINGS = Settings(lockout_threshold=5, totp_roles=frozenset())


def station_ctx(engine: Engine, station: str = "test-station") -> Context:
    return Context(engine, Actor(None, "nobody", "", None, station), SETTINGS)


def admin_ctx(engine: Engine) -> Context:
    boot = Context(engine, Actor.system("bootstrap"), SETTINGS)
    identity.bootstrap_admin(boot, "admin", "Ada Admin", ADMIN_PW)
    return Context(engine, identity.login(station_ctx(engine), "admin", ADMIN_PW).actor, SETTINGS)


def make_user(admin: Context, name: str, role: str, password: str = "password-123") -> Context:
    identity.add_user(admin, name, name.title(), role, password, badge_id=f"B-{name}", pin="4321")
    login = identity.login(station_ctx(admin.engine), name, password)
    return Context(admin.engine, login.actor, SETTINGS)
