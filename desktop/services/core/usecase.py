"""``@use_case(permission)``: turns ``fn(uow, ...)`` into the public ``fn(ctx, ...)``.

A call the database could not answer is retried with back-off when repeating it is safe
(``read_only``, or ``idempotent``: the use case takes the station's ``event_id`` and returns the
earlier result for a UUID it already recorded); otherwise, or when every attempt failed, it
raises ``DatabaseUnavailable`` with words for a person (db/resilience.py).
"""

from __future__ import annotations

import functools
import inspect
import logging
import uuid
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from db import resilience
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
#: The use cases marked ``idempotent`` ("module.function"): retried after a transient failure.
IDEMPOTENT: set[str] = set()


def use_case(
    permission: Permission | None,
    *,
    read_only: bool = False,
    idempotent: bool = False,
    name: str | None = None,
) -> Callable[[Callable[Concatenate[UnitOfWork, P], R]], Callable[Concatenate[Context, P], R]]:
    """Make ``fn(uow, ...)`` a public use case ``fn(ctx, ...)``: one transaction, permission
    checked first, refusals audited; retried after a transient database failure when
    ``read_only`` or ``idempotent`` (then ``fn`` must take ``event_id``: one is made before the
    first attempt if the caller gave none, so every attempt writes the same event)."""

    def wrap(fn: Callable[Concatenate[UnitOfWork, P], R]) -> Callable[Concatenate[Context, P], R]:
        action = name or fn.__name__  # the name refusals are audited under
        if idempotent and "event_id" not in inspect.signature(fn).parameters:
            raise TypeError(f"{fn.__name__} is marked idempotent but takes no event_id")

        @functools.wraps(fn)
        def run(ctx: Context, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if idempotent and kwargs.get("event_id") is None:
                kwargs["event_id"] = uuid.uuid4()  # the same UUID for every attempt
            return resilience.call(
                ctx.engine,
                lambda: attempt(ctx, *args, **kwargs),
                retry=read_only or idempotent,
            )

        def attempt(ctx: Context, /, *args: P.args, **kwargs: P.kwargs) -> R:
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
        if idempotent:
            IDEMPOTENT.add(f"{fn.__module__}.{fn.__name__}")
        return run

    return wrap
