"""Fixtures of the trace-report tests: an in-memory label printer (the product prints through
desktop.services.core.printing.LabelPrinter, which app.py fills with the real driver)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from desktop.services.core.printing import PrinterOutcome


@dataclass
class FakePrinter:
    sent: list[tuple[str, bytes]] = field(default_factory=list)
    name: str = "fake-zebra S/N 52J183900121"

    def send(self, job_key: str, payload: bytes) -> PrinterOutcome:
        self.sent.append((job_key, payload))
        return PrinterOutcome.printed(self.name)


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter()
