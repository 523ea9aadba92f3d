"""``@use_case(permission)``: turns ``fn(uow, ...)`` into the public ``fn(ctx, ...)``."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from desktop.domain.permissions import Permission
from desktop.services.core.context import Context
from desktop.services.core.errors import AuthenticationFailed, Refusal
from desktop.services.core.lockout import note_failure
from desktop.services.core.uow import UnitOfWork, record_refusal

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

#: Every public use case and the permission it needs ("module.function" -> permission), for the
#: permission-matrix test and the admin screen's list of rights.
USE_CASES: dict[str, Permission | None] = {}


def use_case(
    permission: Permission | None, *, read_only: bool = False, name: str | None = None
) -> Callable[[Callable[Concatenate[UnitOfWork, P], R]], Callable[Concatenate[Context, P], R]]:
    """Make ``fn(uow, ...)`` a public use case ``fn(ctx, ...)``: one transaction, permission
    checked first, refusals audited."""

    def wrap(fn: Callable[Concatenate[UnitOfWork, P], R]) -> Callable[Concatenate[Context, P], R]:
        action = name or fn.__name__  # the name refusals are audited under

        @functools.wraps(fn)
        def run(ctx: Context, /, *args: P.args, **kwargs: P.kwargs) -> R:
            try:
                with UnitOfWork(ctx, write=not read_only) as uow:
                    uow.require(permission)  # the person's standing, from the database
                    return fn(uow, *args, **kwargs)
            except AuthenticationFailed as failure:
                log.info("authentication failed in %s: %s", action, failure)
                raise note_failure(ctx, failure) from None
            except Refusal as refusal:
                log.info("refused %s for %s: %s", action, ctx.actor.username, refusal)
                record_refusal(ctx, action, refusal)
                raise

        USE_CASES[f"{fn.__module__}.{fn.__name__}"] = permission
        return run

    return wrap
