"""A person changes their own password (Part 11 11.300(b)): the old password (and code) first,
the new one under the policy; in production the first log-in after an administrator gave the
password ends here before anything else is allowed."""

from __future__ import annotations

from db.types import utcnow
from desktop.domain.text import t
from desktop.services.core.context import Context
from desktop.services.core.errors import AuthenticationFailed, Refusal
from desktop.services.core.lockout import note_failure
from desktop.services.core.uow import UnitOfWork, record_refusal
from desktop.services.identity._auth import _stranger, check_password, hash_secret
from desktop.services.identity._policy import password_problem


def change_password(
    ctx: Context,
    username: str,
    old_password: str,
    new_password: str,
    totp_code: str | None = None,
) -> None:
    """Replace ``username``'s password; refused (nothing changed) on a wrong old password or a
    new one the policy refuses. Clears the must-change mark."""
    settings = ctx.settings
    who = ctx.as_actor(_stranger(ctx.actor.station, username))
    try:
        with UnitOfWork(who) as uow:
            user = check_password(
                uow.session,
                username,
                old_password,
                totp_code,
                what=t("wrong user name or password"),
                key=settings.secret_key,
            )
            problem = password_problem(username, new_password, production=settings.production)
            if problem is None and new_password == old_password:
                problem = t("the new password must differ from the old one")
            if problem is not None:
                raise Refusal(problem, entity="user", entity_id=str(user.id))
            user.password_hash = hash_secret(new_password)
            user.password_changed_at, user.must_change_password = utcnow(), False
            user.failed_attempts = 0
            uow.audit("user.password_change", "user", user.id, reason="changed by the user")
    except AuthenticationFailed as failure:
        raise note_failure(who, failure) from None
    except Refusal as refusal:
        record_refusal(who, "change_password", refusal)
        raise


__all__ = ["change_password"]
