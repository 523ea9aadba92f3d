"""The permission matrix's scenario registry: each use case's setup and call, by name.

A scenario takes the plant (``World``), makes the records the call names, and returns the call;
the matrix calls it once per role (``ctx`` logged in as that role, ``role`` its code). A name is
registered once: a second scenario for the same use case is refused when its module is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.services.core.context import Context
from tests.integration.workflows.world import World

Call = Callable[[Context, str], object]
Scenario = Callable[[World], Call]

SCENARIOS: dict[str, Scenario] = {}


def _register(name: str, build: Scenario) -> None:
    assert name not in SCENARIOS, f"{name} has two scenarios"
    SCENARIOS[name] = build


def scenario(name: str) -> Callable[[Scenario], Scenario]:
    """Registers the decorated function as the scenario of use case ``name``."""

    def register(fn: Scenario) -> Scenario:
        _register(name, fn)
        return fn

    return register


def read(name: str, fn: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    """Registers a read-only use case: the same arguments for every role."""
    _register(name, lambda w: lambda ctx, role: fn(ctx, *args, **kwargs))
