"""The demo plant's accounts, found so that a production station can refuse a database that
still holds them (docs/demo.md: ada with demo-admin-password, olga, quinn, pat and sam with
demo-password, badge B-1001 with PIN 1234). Disabled accounts do not count."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import User
from desktop.services.core.context import Context
from desktop.services.identity._auth import _matches

DEMO_PASSWORDS = {
    "ada": "demo-admin-password",
    "olga": "demo-password",
    "quinn": "demo-password",
    "pat": "demo-password",
    "sam": "demo-password",
}
DEMO_BADGE = ("B-1001", "1234")


def demo_accounts(ctx: Context) -> list[str]:
    """The enabled accounts that still log in with the demo's credentials ("ada", "badge
    B-1001"), checked against their stored hashes."""
    found: list[str] = []
    with Session(ctx.engine) as session:
        users = session.scalars(
            select(User)
            .where(User.username.in_(DEMO_PASSWORDS), User.disabled_at.is_(None))
            .order_by(User.username)
        )
        found += [
            u.username for u in users if _matches(u.password_hash, DEMO_PASSWORDS[u.username])
        ]
        badge, pin = DEMO_BADGE
        holder = session.scalar(
            select(User).where(User.badge_id == badge, User.disabled_at.is_(None))
        )
        if holder is not None and _matches(holder.pin_hash, pin):
            found.append(f"badge {badge}")
    return found


__all__ = ["demo_accounts"]
