"""Failed authentication: count it, lock the account at the threshold, audit both (11.300(d))."""

from __future__ import annotations

from db.models import User
from db.types import utcnow
from desktop.domain.text import t
from desktop.services.core.context import Context
from desktop.services.core.errors import AuthenticationFailed
from desktop.services.core.uow import UnitOfWork


def note_failure(ctx: Context, failure: AuthenticationFailed) -> AuthenticationFailed:
    """Record ``failure`` in its own transaction; return it with the attempt count added."""
    limit = ctx.settings.lockout_threshold
    with UnitOfWork(ctx) as uow:
        if failure.user_id is None:  # no such account: nothing to count, but it is recorded
            uow.audit("auth.failure", "user", "-", reason=failure.message)
            return failure
        if not failure.counts:  # locked or disabled account: refused, not counted again
            uow.audit("auth.refused", "user", failure.user_id, reason=failure.message)
            return failure
        user = uow.session.get(User, failure.user_id, with_for_update=True)
        assert user is not None
        user.failed_attempts += 1
        count = user.failed_attempts
        uow.audit(
            "auth.failure", "user", user.id, new={"failed_attempts": count}, reason=failure.message
        )
        message = t(
            "{message} (attempt {count} of {limit})",
            message=failure.message,
            count=count,
            limit=limit,
        )
        if count >= limit and user.locked_at is None:
            user.locked_at = utcnow()
            uow.audit(
                "user.lock",
                "user",
                user.id,
                new={"locked_at": user.locked_at},
                reason=f"{count} consecutive failed attempts",
            )
            message = t(
                "{message}: account {user} is now locked; ask an administrator",
                message=failure.message,
                user=user.username,
            )
    return AuthenticationFailed(message, user_id=failure.user_id, counts=False)
