"""Fixtures of the workflow tests: an in-memory label printer (tests only: the product prints
through desktop.services.core.printing.LabelPrinter, filled by app.py with the real driver), and
after every test on a database the reach table checked against the links the use cases wrote
(builds, rework, packing, disaggregation, repairs: it must be what the links say)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine

from db.trace import reach
from desktop.services.core.printing import PrinterOutcome


@dataclass
class FakePrinter:
    """Remembers every job it was sent; ``next_outcomes`` scripts its answers (then printed)."""

    sent: list[tuple[str, bytes]] = field(default_factory=list)
    next_outcomes: list[PrinterOutcome] = field(default_factory=list)
    name: str = "fake-zebra"

    def send(self, job_key: str, payload: bytes) -> PrinterOutcome:
        self.sent.append((job_key, payload))
        if self.next_outcomes:
            return self.next_outcomes.pop(0)
        return PrinterOutcome.printed(self.name)

    @property
    def keys(self) -> list[str]:
        return [key for key, _ in self.sent]


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter()


@pytest.fixture(autouse=True)
def reach_follows_the_links(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a test that used ``engine``: the reach table is exactly what its links give."""
    if "engine" not in request.fixturenames:
        yield
        return
    engine: Engine = request.getfixturevalue("engine")  # set up first, so torn down after
    yield
    with engine.begin() as conn:
        wrong, examples = reach.differences(conn)
    assert wrong == 0, f"the reach table differs from the links: {examples}"
