"""Fixtures of the workflow tests: an in-memory label printer (tests only: the product prints
through desktop.services.core.printing.LabelPrinter, filled by app.py with the real driver)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

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
